/* test_petr.c — PETRARCH dictionary readers (dict_petr.c) and the
 * discard/issue post-pass (issues.c): counts, file:line diagnostics for
 * malformed lines, config resolution, discards, issue codes. */
#include "harness.h"
#include "dict.h"
#include "dict_int.h"
#include "issues.h"
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct diags { int n; unsigned long long last_line; char file[256], last[256]; } diags;
static void collect(void *ctx, const char *file, uint64_t line, const char *msg)
{
    diags *d = ctx;
    if (!strstr(msg, "error")) return;
    d->n++;
    d->last_line = line;
    snprintf(d->file, sizeof d->file, "%s", file);
    snprintf(d->last, sizeof d->last, "%s", msg);
}

static const char *write_tmp(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/dyad_test_petr_%d_%s", (int)getpid(), name);
    FILE *f = fopen(path, "wb");
    if (!f) return NULL;
    fputs(text, f);
    fclose(f);
    return path;
}

TEST(own_petr_files)
{
    static const char *files[] = {
        "tests/validation/petr/petr.actors.txt", "tests/validation/petr/petr.agents.txt",
        "tests/validation/petr/petr.verbs.txt", "tests/validation/petr/petr.discards.txt",
        "tests/validation/petr/petr.issues.txt",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        dy_dict *d = NULL;
        diags dg;
        memset(&dg, 0, sizeof dg);
        CHECK_INT(dy_dict_load(&d, files[i], collect, &dg), 0);
        CHECK_INT(dg.n, 0);
        if (!d) continue;
        dy_dict_stats_t st;
        dy_dict_stats(d, &st);
        if (i == 0) CHECK_INT(st.actors, 7);
        if (i == 1) CHECK(st.agents >= 5);
        if (i == 2) { CHECK_INT(st.verbs, 5); CHECK_INT(st.patterns, 4); CHECK_INT(st.synsets, 1); }
        if (i == 3) { CHECK(d->petr != NULL); if (d->petr) CHECK_INT(d->petr->ndisc, 2); }
        if (i == 4) { CHECK(d->petr != NULL); if (d->petr) CHECK_INT(d->petr->nissue_lines, 3); }
        dy_dict_free(&d);
    }
}

TEST(malformed_lines_file_line)
{
    dy_dict *d = NULL;
    diags dg;
    memset(&dg, 0, sizeof dg);
    const char *p = write_tmp("bad.verbs.txt",
        "--- GIVE [070] ---\nGIVE\n- * AID [071]\n- NOSTAR [070]\n- * (UNCLOSED [070]\n");
    CHECK_INT(dy_dict_load(&d, p, collect, &dg), 0);
    CHECK_INT(dg.n, 1);
    CHECK_INT(dg.last_line, 4);
    CHECK(strstr(dg.last, "verb marker") != NULL);
    CHECK(strstr(dg.file, "bad.verbs.txt") != NULL);
    dy_dict_free(&d);
    remove(p);

    memset(&dg, 0, sizeof dg);
    p = write_tmp("bad.actors.txt", "+ORPHAN_SYNONYM\nGOOD_ACTOR [GOO]\n\t[GOOGOV 20010101-20051231]\n");
    CHECK_INT(dy_dict_load(&d, p, collect, &dg), 0);
    CHECK_INT(dg.n, 1);
    CHECK_INT(dg.last_line, 1);
    dy_dict_free(&d);
    remove(p);

    memset(&dg, 0, sizeof dg);
    p = write_tmp("bad.agents.txt", "POLICE {} [~COP]\nSOLDIER [MIL]\n");
    CHECK_INT(dy_dict_load(&d, p, collect, &dg), 0);
    CHECK_INT(dg.n, 1);
    CHECK_INT(dg.last_line, 2);
    dy_dict_free(&d);
    remove(p);
}

TEST(config_resolves_dictionaries_folder)
{
    char dir[256], sub[300], path[400];
    snprintf(dir, sizeof dir, "/tmp/dyad_test_petr_cfg_%d", (int)getpid());
    snprintf(sub, sizeof sub, "%s/dictionaries", dir);
    CHECK(mkdir(dir, 0700) == 0);
    CHECK(mkdir(sub, 0700) == 0);
    static const char *names[] = { "a.actors.txt", "g.agents.txt", "v.verbs.txt", "d.discards.txt", "PETR_config.ini" };
    static const char *texts[] = {
        "ZELVIA_ [ZLV]\n+ZELVIAN_\n",
        "SOLDIER [~MIL]\n",
        "--- MEET [040] ---\nMEET {MET MEETS}\n- * WITH + [040]\n",
        "+GRAND PRIX\nFOOTBALL_\n",
        ("[Dictionaries]\nverbfile_name = v.verbs.txt\nactorfile_list = a.actors.txt\n"
         "agentfile_name = g.agents.txt\ndiscardfile_name = d.discards.txt\n[Options]\ncomma_max = 5\n"),
    };
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/%s", i == 4 ? dir : sub, names[i]);
        FILE *f = fopen(path, "wb");
        CHECK(f != NULL);
        if (f) { fputs(texts[i], f); fclose(f); }
    }
    dy_dict *d = NULL;
    diags dg;
    memset(&dg, 0, sizeof dg);
    snprintf(path, sizeof path, "%s/PETR_config.ini", dir);
    CHECK_INT(dy_dict_load(&d, path, collect, &dg), 0);
    CHECK_INT(dg.n, 0);
    if (d) {
        dy_dict_stats_t st;
        dy_dict_stats(d, &st);
        CHECK_INT(st.actors, 2);
        CHECK_INT(st.agents, 1);
        CHECK_INT(st.verbs, 1);
        CHECK_INT(st.patterns, 1);
        CHECK_INT(dy_dict_options(d)->comma_max, 5);
        CHECK_INT(dy_dict_options(d)->min_words, 0);
        /* discards: whole-word and stem phrases, story discards */
        const char *t1 = "Zelvia won the football final.";
        const char *t2 = "Zelvia hailed its footballers.";
        const char *t3 = "Before the grand prix, Zelvia met Marrow.";
        CHECK_INT(dy_issues_discard(d, t1, strlen(t1)), DY_DISC_SENTENCE);
        CHECK_INT(dy_issues_discard(d, t2, strlen(t2)), DY_DISC_NONE);
        CHECK_INT(dy_issues_discard(d, t3, strlen(t3)), DY_DISC_STORY);
    }
    dy_dict_free(&d);
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/%s", i == 4 ? dir : sub, names[i]);
        remove(path);
    }
    rmdir(sub);
    rmdir(dir);
}

TEST(issue_codes)
{
    dy_dict *d = NULL;
    CHECK_INT(dy_dict_load(&d, "tests/validation/petr/petr.issues.txt", NULL, NULL), 0);
    if (!d) return;
    char out[256];
    const char *a = "Zelvia promised food aid to refugees at the border crossing.";
    CHECK_INT(dy_issues_codes(d, a, strlen(a), out, sizeof out), 3);
    CHECK_STR(out, "REFUGEES,FOOD_AID,BORDER");
    const char *b = "Food aided the refugee camp near the border-crossings.";
    /* the ignore phrase cancels its block (AID) but not SECURITY */
    CHECK_INT(dy_issues_codes(d, b, strlen(b), out, sizeof out), 1);
    CHECK_STR(out, "BORDER");
    const char *c = "Nothing relevant here.";
    CHECK_INT(dy_issues_codes(d, c, strlen(c), out, sizeof out), 0);
    CHECK_STR(out, "");
    dy_dict_free(&d);
}

TEST(default_folder_reads_discards_and_issues)
{
    dy_dict *d = NULL;
    CHECK_INT(dy_dict_load(&d, "dict/default", NULL, NULL), 0);
    if (!d) return;
    CHECK(d->petr != NULL);
    if (d->petr) { CHECK(d->petr->ndisc > 10); CHECK(d->petr->niss > 10); }
    char out[256];
    const char *a = "Iran said its nuclear program was peaceful.";
    CHECK(dy_issues_codes(d, a, strlen(a), out, sizeof out) >= 1);
    CHECK(strstr(out, "NUCLEAR") != NULL);
    dy_dict_free(&d);
}

int main(void)
{
    RUN(own_petr_files);
    RUN(malformed_lines_file_line);
    RUN(config_resolves_dictionaries_folder);
    RUN(issue_codes);
    RUN(default_folder_reads_discards_and_issues);
    return harness_done();
}
