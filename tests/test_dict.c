/* test_dict.c — dictionary loading: TABARI project and single files, counts,
 * vocabulary, diagnostics with file:line, CR line ends, bad input. */
#include "harness.h"
#include "dict.h"
#include "coder.h"
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct diags { int n; unsigned long long last_line; char last[256]; } diags;
static void collect(void *ctx, const char *file, uint64_t line, const char *msg)
{
    diags *d = ctx;
    d->n++;
    d->last_line = line;
    snprintf(d->last, sizeof d->last, "%s", msg);
    (void)file;
}

static const char *write_tmp(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/dyad_test_dict_%d_%s", (int)getpid(), name);
    FILE *f = fopen(path, "wb");
    if (!f) return NULL;
    fputs(text, f);
    fclose(f);
    return path;
}

TEST(load_own_project)
{
    dy_dict *d = NULL;
    diags dg = { 0, 0, "" };
    int rc = dy_dict_load(&d, "tests/validation/own.project", collect, &dg);
    CHECK_INT(rc, 0);
    CHECK(d != NULL);
    if (!d) return;
    dy_dict_stats_t st;
    dy_dict_stats(d, &st);
    CHECK_INT(st.errors, 0);
    CHECK_INT(st.actors, 14);
    CHECK_INT(st.agents, 7);
    CHECK_INT(st.synsets, 1);
    CHECK_INT(st.verbs, 13);
    CHECK(st.patterns >= 10);
    const dy_intern *v = dy_dict_vocab(d);
    CHECK(v != NULL);
    CHECK(dy_intern_find(v, "zelvia", 6) != 0);
    CHECK(dy_intern_find(v, "nosuchword", 10) == 0);
    const dy_code_opts *o = dy_dict_options(d);
    CHECK_INT(o->cx_verbs, 6);
    CHECK_INT(o->cx_noactprior, 1);
    dy_dict_free(&d);
    CHECK(d == NULL);
}

TEST(diag_file_line)
{
    const char *p = write_tmp("bad.verbs", "GOOD_VERB [010]\r- * WELL [011]\rBROKEN [12\r- * NOSTAR [010]\r- NOVERB [020]\r");
    CHECK(p != NULL);
    dy_dict *d = NULL;
    diags dg = { 0, 0, "" };
    int rc = dy_dict_load(&d, p, collect, &dg);
    CHECK_INT(rc, 0);            /* problems do not stop the load */
    CHECK(dg.n >= 2);
    CHECK_INT((int)dg.last_line, 5);   /* CR line ends counted */
    dy_dict_stats_t st;
    if (d) { dy_dict_stats(d, &st); CHECK(st.errors >= 2); CHECK_INT(st.verbs, 2); }
    dy_dict_free(&d);
    remove(p);
}

TEST(actor_codes_and_agents)
{
    const char *p = write_tmp("x.actors",
        "ALPHA [AAA]\nBETA\n+BETA_LAND\n\t[BBB <200101]\n\t[CCC]\nGAMMA [1234567-]\nDELTA [---]\n");
    dy_dict *d = NULL;
    diags dg = { 0, 0, "" };
    CHECK_INT(dy_dict_load(&d, p, collect, &dg), 0);
    dy_dict_stats_t st;
    if (d) { dy_dict_stats(d, &st); CHECK_INT(st.actors, 5); CHECK_INT(st.errors, 1); }
    dy_dict_free(&d);
    remove(p);
    p = write_tmp("x.agents", "POLICE_ [~COP]\nBAD_AGENT [COP]\n");
    dg.n = 0;
    CHECK_INT(dy_dict_load(&d, p, collect, &dg), 0);
    if (d) { dy_dict_stats(d, &st); CHECK_INT(st.agents, 1); CHECK_INT(st.errors, 1); }
    CHECK_INT((int)dg.last_line, 2);
    dy_dict_free(&d);
    remove(p);
}

TEST(missing_and_unknown)
{
    dy_dict *d = NULL;
    CHECK(dy_dict_load(&d, "/nonexistent/file.verbs", NULL, NULL) != 0 || d != NULL);
    dy_dict_free(&d);
    CHECK_INT(dy_dict_load(&d, "tests/harness.h", NULL, NULL), DY_EFORMAT);
    CHECK(d == NULL);
}

int main(void)
{
    RUN(load_own_project);
    RUN(diag_file_line);
    RUN(actor_codes_and_agents);
    RUN(missing_and_unknown);
    return harness_done();
}
