/* cmd_clusters.c — `dyad clusters`: list the event clusters of a database
 * (many reports of one real event), with each report's own claims. */
#include "commands.h"
#include "dyad.h"
#include "store.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char clusters_usage[] =
    "usage: dyad clusters --db FILE [options]\n"
    "\n"
    "List the event clusters of a dyad database: the mentions (sentences, articles,\n"
    "outlets) that report one real event, counted once, with every report's own\n"
    "status, attribution and figures kept side by side (never averaged).\n"
    "\n"
    "      --db FILE          the database written by 'dyad code --db FILE'\n"
    "  -f, --format FMT       jsonl (default: one cluster per line, with its mentions)\n"
    "                         | table\n"
    "      --min-mentions N   only clusters with at least N mentions (default 1)\n"
    "      --from DATE        only clusters dated on or after DATE (YYYY-MM-DD)\n"
    "      --to DATE          only clusters dated on or before DATE\n"
    "      --limit N          at most N clusters\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 ok, 1 error, 2 usage error.\n";

static int is_date(const char *s)
{
    static const char pat[] = "dddd-dd-dd";
    if (strlen(s) != 10)
        return 0;
    for (int i = 0; i < 10; i++)
        if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
            return 0;
    return 1;
}

static int parse_count(const char *s, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0)
        return -1;
    *out = v;
    return 0;
}

int dy_cmd_clusters(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'D'},
        {"format", required_argument, NULL, 'f'},
        {"min-mentions", required_argument, NULL, 'm'},
        {"from", required_argument, NULL, 'F'},
        {"to", required_argument, NULL, 'T'},
        {"limit", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    dy_cluster_query q = {0, 1, NULL, NULL, 0};
    const char *db = NULL;
    dy_store *s = NULL;
    char err[512];
    long v;
    int c, rc;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
        switch (c) {
        case 'D':
            db = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "jsonl")) q.table = 0;
            else if (!strcmp(optarg, "table")) q.table = 1;
            else { fprintf(stderr, "dyad clusters: unknown format '%s' (jsonl or table)\n", optarg); return 2; }
            break;
        case 'm':
            if (parse_count(optarg, &v) < 0 || v > 1000000000L) {
                fprintf(stderr, "dyad clusters: --min-mentions needs a number, not '%s'\n", optarg);
                return 2;
            }
            q.min_mentions = (int)v;
            break;
        case 'F':
        case 'T':
            if (!is_date(optarg)) {
                fprintf(stderr, "dyad clusters: --%s needs a date YYYY-MM-DD, not '%s'\n",
                        c == 'F' ? "from" : "to", optarg);
                return 2;
            }
            if (c == 'F') q.from = optarg; else q.to = optarg;
            break;
        case 'l':
            if (parse_count(optarg, &v) < 0) {
                fprintf(stderr, "dyad clusters: --limit needs a number, not '%s'\n", optarg);
                return 2;
            }
            q.limit = v;
            break;
        case 'h':
            fputs(clusters_usage, stdout);
            return 0;
        default:
            fprintf(stderr, "dyad clusters: bad option '%s'\n%s", argv[optind - 1], clusters_usage);
            return 2;
        }
    }
    if (!db || optind < argc) {
        fputs(clusters_usage, stderr);
        return 2;
    }
    if (dy_store_open(&s, db, 1, err, sizeof err) < 0) {
        fprintf(stderr, "dyad clusters: %s: %s\n", db, err);
        return 1;
    }
    rc = dy_store_clusters(s, &q, stdout);
    if (rc < 0)
        fprintf(stderr, "dyad clusters: %s\n", dy_store_errmsg(s));
    dy_store_close(&s);
    if (rc == DY_OK && fflush(stdout) != 0) {
        fprintf(stderr, "dyad clusters: write error\n");
        rc = DY_EIO;
    }
    return rc < 0 ? 1 : 0;
}
