/* cmd_code.c — `dyad code`: read articles, code them, write events to stdout
 * (JSON Lines, TSV or GDELT) and/or a SQLite database; `dyad db`. */
#include "commands.h"
#include "dyad.h"
#include "coder.h"
#include "pipeline.h"
#include "store.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char code_usage[] =
    "usage: dyad code [options] [FILE...]\n"
    "\n"
    "Code news articles into events. Reads FILEs (stdin when none or '-').\n"
    "\n"
    "  -i, --input FMT     jsonl | text | petrarch-xml | tabari | auto (default: auto,\n"
    "                      by file name and content)\n"
    "      --date DATE     article date (YYYY-MM-DD) for inputs that carry none (text)\n"
    "  -f, --output FMT    jsonl (default) | tsv | gdelt | claims | none\n"
    "                      (claims: one reporting frame a line, see src/claims.h)\n"
    "      --db FILE       also store articles, sentences and events in SQLite FILE;\n"
    "                      events are clustered across articles and runs\n"
    "      --no-cluster    with --db: do not cluster events\n"
    "  -d, --dict PATH     dictionaries: TABARI .project, PETRARCH .ini, folder or\n"
    "                      compiled image (default: dyad's built-in dictionaries)\n"
    "  -j, --jobs N        worker threads (default: number of CPUs)\n"
    "      --gazetteer F   place names for event locations (default: the one built\n"
    "                      with dyad; DYAD_GAZETTEER=FILE also sets it)\n"
    "      --no-enrich     skip attribution, status, quantities, dates and places\n"
    "      --max-record N  reject records larger than N bytes (default 64 MiB)\n"
    "      --strict        exit 1 if any record is rejected\n"
    "  -q, --quiet         no progress, summary or dictionary warnings on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "JSONL input: one object per line with \"id\", \"date\", \"source\", \"url\", \"title\",\n"
    "\"text\" (text required). Bad records are reported as FILE:LINE: reason and skipped.\n"
    "Exit status: 0 ok, 1 fatal error (or rejections with --strict), 2 usage error.\n";

typedef struct code_ctx {
    int quiet;
    int tty;
    int progress_shown;
    unsigned long ndiag;     /* dictionary warnings seen */
} code_ctx;

#define DIAG_SHOWN 10         /* dictionary warnings printed before a count */

static void on_error(void *vctx, const dy_ingest_err *e)
{
    (void)vctx;
    if (e->line) fprintf(stderr, "%s:%llu: %s\n", e->origin ? e->origin : "-", (unsigned long long)e->line, e->msg);
    else fprintf(stderr, "%s: %s\n", e->origin ? e->origin : "-", e->msg);
}

static void on_progress(void *vctx, const dy_run_stats *st, int final)
{
    code_ctx *c = vctx;
    if (c->quiet) return;
    double secs = st->seconds > 0 ? st->seconds : 1e-9;
    if (!final) {
        if (st->seconds < 2.0) return;   /* short runs stay silent */
        fprintf(stderr, "%sdyad: %llu articles (%.0f/s), %llu sentences, %llu events, %llu rejected%s",
                c->tty ? "\r" : "", (unsigned long long)st->articles, st->articles / secs,
                (unsigned long long)st->sentences, (unsigned long long)st->events,
                (unsigned long long)st->rejected, c->tty ? "   " : "\n");
        c->progress_shown = 1;
        return;
    }
    if (c->progress_shown && c->tty) fputc('\n', stderr);
    fprintf(stderr, "dyad: coded %llu articles, %llu sentences, %llu events; %llu rejected records",
            (unsigned long long)st->articles, (unsigned long long)st->sentences,
            (unsigned long long)st->events, (unsigned long long)st->rejected);
    if (st->files_failed) fprintf(stderr, ", %llu unreadable files", (unsigned long long)st->files_failed);
    fprintf(stderr, "; %.2f s (%.0f sentences/s, %.1f MB/s)\n", st->seconds, st->sentences / secs,
            st->bytes / secs / 1e6);
}

static void on_dict_diag(void *vctx, const char *file, uint64_t line, const char *msg)
{
    code_ctx *c = vctx;
    if (c->quiet || ++c->ndiag > DIAG_SHOWN) return;
    if (line) fprintf(stderr, "%s:%llu: %s\n", file, (unsigned long long)line, msg);
    else fprintf(stderr, "%s: %s\n", file, msg);
}

int dy_cmd_code(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"input", required_argument, NULL, 'i'},
        {"date", required_argument, NULL, 'D'},
        {"output", required_argument, NULL, 'f'},
        {"db", required_argument, NULL, 'B'},
        {"dict", required_argument, NULL, 'd'},
        {"jobs", required_argument, NULL, 'j'},
        {"max-record", required_argument, NULL, 'M'},
        {"gazetteer", required_argument, NULL, 'G'},
        {"no-enrich", no_argument, NULL, 'N'},
        {"no-cluster", no_argument, NULL, 'C'},
        {"strict", no_argument, NULL, 'S'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    dy_run_opts o;
    code_ctx ctx = {0, 0, 0, 0};
    const char *dict_path = NULL, *gaz_path = NULL;
    int strict = 0, c;
    memset(&o, 0, sizeof o);
    o.out_fmt = DY_OUT_JSONL;
    o.out = stdout;
    optind = 1;
    while ((c = getopt_long(argc, argv, "i:f:d:j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'i': {
            int f = dy_format_parse(optarg);
            if (f < 0) { fprintf(stderr, "dyad code: unknown input format '%s' (jsonl, text, petrarch-xml, tabari, auto)\n", optarg); return 2; }
            o.reader.format = (dy_format)f;
            break;
        }
        case 'D': {
            int y, m, d;
            if (dy_date_parse(optarg, strlen(optarg), &y, &m, &d) < 0) {
                fprintf(stderr, "dyad code: bad --date '%s' (expected YYYY-MM-DD)\n", optarg);
                return 2;
            }
            o.reader.default_date = optarg;
            break;
        }
        case 'f':
            if (!strcmp(optarg, "none")) { o.out_fmt = 0; o.out = NULL; break; }
            if (dy_sink_parse(optarg) < 0) { fprintf(stderr, "dyad code: unknown output format '%s' (jsonl, tsv, gdelt, claims, none)\n", optarg); return 2; }
            o.out_fmt = (dy_sink_fmt)dy_sink_parse(optarg);
            break;
        case 'B': o.db_path = optarg; break;
        case 'd': dict_path = optarg; break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 64) { fprintf(stderr, "dyad code: --jobs takes 1..64\n"); return 2; }
            o.threads = (int)n;
            break;
        }
        case 'M': {
            char *end;
            unsigned long long n = strtoull(optarg, &end, 10);
            if (*end || n == 0 || n > DY_MAX_ARTICLE) { fprintf(stderr, "dyad code: --max-record takes 1..%u\n", DY_MAX_ARTICLE); return 2; }
            o.reader.max_record = (size_t)n;
            break;
        }
        case 'S': strict = 1; break;
        case 'G': gaz_path = optarg; break;
        case 'N': o.no_enrich = 1; break;
        case 'C': o.no_cluster = 1; break;
        case 'q': ctx.quiet = 1; break;
        case 'h': fputs(code_usage, stdout); return 0;
        default: fputs(code_usage, stderr); return 2;
        }
    }
    ctx.tty = isatty(STDERR_FILENO);
    o.on_error = on_error;
    o.on_progress = on_progress;
    o.ctx = &ctx;

    dy_dict *dict = NULL;
    char defbuf[4096];
    if (!dict_path) dict_path = dy_cli_default_dict(defbuf, sizeof defbuf);
    int rc = dy_dict_load(&dict, dict_path, on_dict_diag, &ctx);
    if (!ctx.quiet && ctx.ndiag > DIAG_SHOWN)
        fprintf(stderr, "dyad code: ... and %lu more dictionary warnings ('dyad dict check %s' lists them all)\n",
                ctx.ndiag - DIAG_SHOWN, dict_path ? dict_path : "");
    if (rc < 0) {
        fprintf(stderr, "dyad code: cannot load dictionaries%s%s: %s\n", dict_path ? " from " : "",
                dict_path ? dict_path : "", dy_strerror(rc));
        return 1;
    }
    dy_enrich_ctx *en = NULL;
    if (!o.no_enrich || dy_dict_options(dict)->place_targets) {
        /* the gazetteer serves the enrichment layers and, when the
           dictionary set asks for it (SET: PLACE TARGETS), the coder */
        char gbuf[4096];
        uint64_t bad = 0;
        int explicit_gaz = gaz_path != NULL;
        if (!gaz_path) gaz_path = dy_cli_gazetteer(gbuf, sizeof gbuf);
        rc = dy_enrich_ctx_new(&en, gaz_path, &bad);
        if (rc < 0 && gaz_path) {
            if (bad) fprintf(stderr, "dyad code: %s:%llu: malformed gazetteer line\n", gaz_path, (unsigned long long)bad);
            else fprintf(stderr, "dyad code: cannot load gazetteer %s: %s\n", gaz_path, dy_strerror(rc));
            if (explicit_gaz) { dy_dict_free(&dict); return 1; }
            rc = dy_enrich_ctx_new(&en, NULL, NULL);   /* go on without places */
        }
        if (rc < 0) { fprintf(stderr, "dyad code: %s\n", dy_strerror(rc)); dy_dict_free(&dict); return 1; }
        if (!gaz_path && !ctx.quiet && !o.no_enrich)
            fprintf(stderr, "dyad code: no gazetteer found; events get no places (run 'make' to build it)\n");
        o.enrich = en;
    }
    dy_run_stats st;
    char err[512];
    rc = dy_run(dict, argv + optind, argc - optind, &o, &st, err, sizeof err);
    dy_dict_free(&dict);
    dy_enrich_ctx_free(&en);
    if (rc < 0) {
        fprintf(stderr, "dyad code: %s\n", err[0] ? err : dy_strerror(rc));
        return 1;
    }
    if (strict && (st.rejected || st.files_failed)) return 1;
    if (st.files_failed && st.articles == 0) return 1;
    return 0;
}

static const char db_usage[] =
    "usage: dyad db stats FILE\n"
    "\n"
    "  stats FILE   counts of articles, sentences and events, date range, events\n"
    "               by root code and status, top actors\n";

int dy_cmd_db(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) { fputs(db_usage, stdout); return 0; }
    if (argc != 3 || strcmp(argv[1], "stats") != 0) { fputs(db_usage, stderr); return 2; }
    if (access(argv[2], R_OK) != 0) { fprintf(stderr, "dyad db: cannot read '%s'\n", argv[2]); return 1; }
    dy_store *s = NULL;
    char err[512] = "";
    if (dy_store_open(&s, argv[2], 1, err, sizeof err) < 0) {
        fprintf(stderr, "dyad db: %s: %s\n", argv[2], err);
        return 1;
    }
    int rc = dy_store_stats(s, stdout);
    dy_store_close(&s);
    return rc < 0 ? 1 : 0;
}
