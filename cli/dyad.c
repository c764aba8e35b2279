/* dyad.c — the dyad executable: dispatches subcommands (code, validate, dict,
 * db, version, help). Thin: all the work is in libdyad (src/). */
#include "commands.h"
#include "dyad.h"
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: dyad <command> [options] [args]\n"
    "\n"
    "Turns news articles into political event data (CAMEO events with source,\n"
    "target, Goldstein, QuadClass, PLOVER, attribution and status).\n"
    "\n"
    "commands:\n"
    "  code [FILE...]        code articles (stdin when no FILE) to JSON Lines / TSV / GDELT / SQLite\n"
    "  validate FILE         run a TABARI .project or PETRARCH XML validation suite\n"
    "  dict check|compile    check or compile a dictionary set\n"
    "  db stats FILE         summarise a dyad SQLite database\n"
    "  serve --db FILE       local web page and JSON API over a database\n"
    "  clusters --db FILE    list event clusters (one real event, many reports)\n"
    "  version               print the version\n"
    "  help [COMMAND]        this help, or a command's help (same as COMMAND --help)\n"
    "\n"
    "Run 'dyad code --help' for the coding options.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) { fputs(usage, stdout); return 0; }
    if (!strcmp(cmd, "help")) {
        if (argc > 2) {
            char *hv[] = {argv[2], "--help", NULL};
            if (!strcmp(argv[2], "code")) return dy_cmd_code(2, hv);
            if (!strcmp(argv[2], "db")) return dy_cmd_db(2, hv);
            if (!strcmp(argv[2], "validate")) return dy_cmd_validate(2, hv);
            if (!strcmp(argv[2], "dict")) return dy_cmd_dict(2, hv);
            if (!strcmp(argv[2], "serve")) return dy_cmd_serve(2, hv);
            if (!strcmp(argv[2], "clusters")) return dy_cmd_clusters(2, hv);
        }
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("dyad %s\n", dy_version());
        return 0;
    }
    if (!strcmp(cmd, "code")) return dy_cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "db")) return dy_cmd_db(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate")) return dy_cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return dy_cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return dy_cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "clusters")) return dy_cmd_clusters(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n%s", cmd, usage);
    return 2;
}
