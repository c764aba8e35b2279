/* cmd_dict.c — `dyad dict check PATH`: load a dictionary set (TABARI
 * .project, single .actors/.verbs/.agents/.options file, or a folder),
 * report every problem as file:line: message, print counts, exit 1 when
 * errors were found. `dyad dict compile PATH -o FILE.dyd` writes the set
 * as a compiled image (src/image.h) that --dict loads in milliseconds;
 * `dyad dict check` works on images too. */
#include "commands.h"
#include "dict.h"
#include "dyad.h"
#include "image.h"
#include <stdio.h>
#include <string.h>

static void print_diag(void *ctx, const char *file, uint64_t line, const char *msg)
{
    (void)ctx;
    fprintf(stdout, "%s:%llu: %s\n", file, (unsigned long long)line, msg);
}

/* dyad dict compile PATH -o FILE */
static int cmd_compile(int argc, char **argv)
{
    const char *in = NULL, *outp = NULL;
    for (int i = 2; i < argc; i++) {
        if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) && i + 1 < argc) outp = argv[++i];
        else if (!in) in = argv[i];
        else { in = NULL; break; }
    }
    if (!in || !outp) {
        fprintf(stderr, "usage: dyad dict compile PATH -o FILE.dyd\n");
        return 2;
    }
    dy_dict *d = NULL;
    int rc = dy_dict_load(&d, in, print_diag, NULL);
    if (rc) {
        fprintf(stderr, "dyad dict: cannot load %s: %s\n", in, dy_strerror(rc));
        return 1;
    }
    rc = dy_image_write(d, outp);
    dy_dict_free(&d);
    if (rc) {
        fprintf(stderr, "dyad dict: cannot write %s: %s\n", outp, dy_strerror(rc));
        return 1;
    }
    return 0;
}

int dy_cmd_dict(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "compile")) return cmd_compile(argc, argv);
    if (argc < 3 || strcmp(argv[1], "check")) {
        fprintf(stderr, "usage: dyad dict check PATH\n       dyad dict compile PATH -o FILE.dyd\n");
        return 2;
    }
    dy_dict *d = NULL;
    int rc = dy_dict_load(&d, argv[2], print_diag, NULL);
    if (rc) {
        fprintf(stderr, "dyad dict: cannot load %s: %s\n", argv[2], dy_strerror(rc));
        return 1;
    }
    dy_dict_stats_t st;
    dy_dict_stats(d, &st);
    printf("actors %u, agents %u, verbs %u, patterns %u, synsets %u, nouns %u, literals %u\n",
           st.actors, st.agents, st.verbs, st.patterns, st.synsets, st.nouns, st.literals);
    printf("%u errors, %u warnings\n", st.errors, st.warnings);
    dy_dict_free(&d);
    return st.errors ? 1 : 0;
}
