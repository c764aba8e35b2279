/* test_enrich.c — golden cases for the whole enrichment layer
 * (tests/golden/enrich/cases.txt): coder events are given by hand, the
 * expected attribution, status, date, quantities and place are checked
 * one line at a time. Also checks the context API. */
#include <math.h>
#include "harness.h"
#include "enrich_fixture.h"
#include "dyad.h"
#include "enrich.h"

static void fmt_num(char *b, size_t n, int has, double v)
{
    if (has)
        snprintf(b, n, "%.10g", v);
    else
        snprintf(b, n, "-");
}

/* The value of key for event e, as written in the golden file. */
static void actual(const fx *f, const dy_event *e, const char *key, char *out, size_t n)
{
    out[0] = '\0';
    if (strcmp(key, "status") == 0) {
        snprintf(out, n, "%s", dy_status_name(e->status));
    } else if (strcmp(key, "attr") == 0) {
        snprintf(out, n, "%s", e->attribution.code[0] ? e->attribution.code : "\"\"");
    } else if (strcmp(key, "target") == 0) {
        snprintf(out, n, "%s", e->target.code[0] ? e->target.code : "\"\"");
    } else if (strcmp(key, "source") == 0) {
        snprintf(out, n, "%s", e->source.code[0] ? e->source.code : "\"\"");
    } else if (strcmp(key, "attr_text") == 0) {
        snprintf(out, n, "%s", fx_span(f, e->attribution.off, e->attribution.len));
    } else if (strcmp(key, "date") == 0) {
        snprintf(out, n, "%s %s", e->date, dy_date_prec_name(e->date_prec));
    } else if (strcmp(key, "nquants") == 0) {
        snprintf(out, n, "%u", e->nquants);
    } else if (strcmp(key, "quant") == 0) {
        char v[32], lo[32], hi[32];
        const dy_quantity *q;
        if (!e->nquants) {
            snprintf(out, n, "none");
            return;
        }
        q = &e->quants[0];
        fmt_num(v, sizeof v, q->has_value, q->value);
        fmt_num(lo, sizeof lo, q->has_low, q->low);
        fmt_num(hi, sizeof hi, q->has_high, q->high);
        snprintf(out, n, "%s %s %s %d %s %s", v, lo, hi, q->approx, q->unit ? q->unit : "-",
                 q->role ? q->role : "-");
    } else if (strcmp(key, "loc") == 0) {
        const dy_location *l = &e->loc;
        char c[48];
        if (!l->name) {
            snprintf(out, n, "none");
            return;
        }
        if (l->has_coords)
            snprintf(c, sizeof c, "%.3f,%.3f", l->lat, l->lon);
        else
            snprintf(c, sizeof c, "-");
        snprintf(out, n, "%s|%s|%s|%s", l->name, l->country[0] ? l->country : "-",
                 l->admin1 ? l->admin1 : "-", c);
    }
}

TEST(golden_cases)
{
    FILE *in = fopen("tests/golden/enrich/cases.txt", "r");
    char line[2048], name[128] = "", date[16] = "", text[1024] = "";
    fx f;
    int have = 0, ncases = 0, enriched = 0;
    dy_enrich_ctx *ctx = NULL;
    CHECK(in != NULL);
    CHECK_INT(dy_enrich_ctx_adopt(&ctx, fx_gaz()), 0);
    if (!in || !ctx)
        goto out;
    memset(&f, 0, sizeof f);
    while (fgets(line, sizeof line, in)) {
        char *l = fx_trim(line);
        if (!*l || *l == '#')
            continue;
        if (strncmp(l, "case ", 5) == 0) {
            snprintf(name, sizeof name, "%s", l + 5);
        } else if (strncmp(l, "date ", 5) == 0) {
            snprintf(date, sizeof date, "%s", l + 5);
        } else if (strncmp(l, "text ", 5) == 0) {
            snprintf(text, sizeof text, "%s", l + 5);
            have = fx_init(&f, date, text) == 0;
            enriched = 0;
            HARNESS_CASE(have);
        } else if (strncmp(l, "event ", 6) == 0 && have) {
            HARNESS_CASE(fx_event_line(&f, l + 6));
        } else if (strncmp(l, "expect ", 7) == 0 && have) {
            char *p = l + 7, *idx, *key, *val, got[512];
            int ok;
            if (!enriched) {
                HARNESS_CASE(dy_enrich_doc(ctx, &f.doc, f.a) == 0);
                enriched = 1;
            }
            idx = strtok(p, " ");
            key = strtok(NULL, " ");
            val = strtok(NULL, "");
            val = val ? fx_trim(val) : (char *)"";
            if (!idx || !key) {
                HARNESS_CASE(0);
                continue;
            }
            if (strcmp(key, "nevents") == 0) {
                snprintf(got, sizeof got, "%u", f.doc.nevents);
            } else {
                unsigned e = (unsigned)atoi(idx);
                if (e >= f.doc.nevents)
                    snprintf(got, sizeof got, "(no event %u)", e);
                else
                    actual(&f, &f.ev[e], key, got, sizeof got);
            }
            ok = strcmp(got, val) == 0;
            if (!ok)
                fprintf(stderr, "golden %s: event %s %s: got \"%s\", expected \"%s\"\n", name, idx,
                        key, got, val);
            HARNESS_CASE(ok);
        } else if (strcmp(l, "end") == 0) {
            if (have)
                fx_free(&f);
            have = 0;
            ncases++;
        }
    }
    CHECK(ncases >= 8);
out:
    if (in)
        fclose(in);
    dy_enrich_ctx_free(&ctx);
    CHECK(ctx == NULL);
}

TEST(context_api)
{
    dy_enrich_ctx *ctx = NULL;
    uint64_t bad = 0;
    fx f;
    CHECK_INT(dy_enrich_ctx_new(&ctx, NULL, NULL), 0);
    CHECK(ctx != NULL && dy_enrich_gazetteer(ctx) == NULL);
    dy_enrich_ctx_free(&ctx);
    CHECK(ctx == NULL);
    dy_enrich_ctx_free(&ctx); /* twice is harmless */
    CHECK_INT(dy_enrich_ctx_new(&ctx, "/nonexistent/gaz.tsv", &bad), DY_EIO);
    CHECK(ctx == NULL);
    CHECK_INT(dy_enrich_ctx_adopt(&ctx, NULL), DY_EINVAL);
    CHECK_INT(dy_enrich_doc(NULL, NULL, NULL), DY_EINVAL);
    /* no gazetteer, no context: still attribution, status, dates */
    CHECK_INT(fx_init(&f, "2024-10-16", "Police arrested 45 protesters in Kharkiv on Monday, "
                      "officials said."), 0);
    fx_event(&f, "arrested", "Police", "COP", "protesters", "", "173");
    CHECK_INT(dy_enrich_doc(NULL, &f.doc, f.a), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(f.ev[0].date, "2024-10-14");
    CHECK_INT(f.ev[0].nquants, 1);
    CHECK(f.ev[0].loc.name == NULL);
    fx_free(&f);
}

int main(void)
{
    RUN(golden_cases);
    RUN(context_api);
    return harness_done();
}
