/* test_claims.c — every reporting frame of an article (claims.h): golden
 * cases in tests/golden/claims/cases.txt (each frame shape, pronoun
 * sources, quotes across sentences, two frames in a sentence, non-frame
 * uses of "said"), the JSON of the "-f claims" sink with offsets mapped to
 * the text as ingested, and the attribution of events inside quotes that
 * cross sentences. */
#include "harness.h"
#include "enrich_fixture.h"
#include "buf.h"
#include "claims.h"
#include "dyad.h"
#include "enrich.h"

static const char *span_or_dash(const fx *f, uint32_t off, uint32_t len)
{
    return len ? fx_span(f, off, len) : "-";
}

static int check_claim(const char *name, const fx *f, const dy_claim *c, char **fld)
{
    char got[4][512];
    const char *want[5] = { fld[0], fld[1], fld[2], fld[3], fld[4] };
    int ok = 1;
    snprintf(got[0], sizeof got[0], "%s", span_or_dash(f, c->source.off, c->source.len));
    snprintf(got[1], sizeof got[1], "%s", span_or_dash(f, c->cue_off, c->cue_len));
    snprintf(got[2], sizeof got[2], "%s", span_or_dash(f, c->content_off, c->content_len));
    snprintf(got[3], sizeof got[3], "%s", dy_status_name(c->status));
    for (int k = 0; k < 4; k++) {
        if (strcmp(got[k], want[k]) != 0) {
            fprintf(stderr, "golden %s: claim %u field %d: got \"%s\", expected \"%s\"\n", name,
                    c->index, k, got[k], want[k]);
            ok = 0;
        }
    }
    if (strcmp(c->source.code, fx_opt(want[4])) != 0) {
        fprintf(stderr, "golden %s: claim %u code: got \"%s\", expected \"%s\"\n", name, c->index,
                c->source.code, want[4]);
        ok = 0;
    }
    return ok;
}

TEST(golden_cases)
{
    FILE *in = fopen("tests/golden/claims/cases.txt", "r");
    char line[2048], name[128] = "";
    fx f;
    int have = 0, ncases = 0, nclaims_total = 0, found = 0;
    uint32_t next = 0, n = 0;
    dy_claim *cl = NULL;
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
        } else if (strncmp(l, "text ", 5) == 0) {
            have = fx_init(&f, "2024-10-16", l + 5) == 0;
            found = 0;
            next = 0;
            HARNESS_CASE(have);
        } else if (strncmp(l, "event ", 6) == 0 && have) {
            HARNESS_CASE(fx_event_line(&f, l + 6));
        } else if (!have) {
            continue;
        } else {
            if (!found) {
                HARNESS_CASE(dy_claims_find(&f.doc, ctx, f.a, &cl, &n) == 0);
                found = 1;
            }
            if (strncmp(l, "claim ", 6) == 0) {
                char *fld[5];
                nclaims_total++;
                if (fx_fields(l + 6, fld, 5) != 5 || next >= n) {
                    fprintf(stderr, "golden %s: claim %u missing (%u found)\n", name, next, n);
                    HARNESS_CASE(0);
                    next++;
                    continue;
                }
                HARNESS_CASE(check_claim(name, &f, &cl[next], fld));
                next++;
            } else if (strncmp(l, "resolved ", 9) == 0 && next > 0 && next <= n) {
                const dy_claim *c = &cl[next - 1];
                const char *got = span_or_dash(&f, c->resolved_off, c->resolved_len);
                int ok = strcmp(got, l + 9) == 0;
                if (!ok)
                    fprintf(stderr, "golden %s: resolved: got \"%s\", expected \"%s\"\n", name,
                            got, l + 9);
                HARNESS_CASE(ok);
            } else if (strncmp(l, "events ", 7) == 0 && next > 0 && next <= n) {
                HARNESS_CASE(cl[next - 1].nevents == (uint32_t)atoi(l + 7));
            } else if (strcmp(l, "end") == 0) {
                if (n != next) {
                    fprintf(stderr, "golden %s: %u claims found, %u expected:\n", name, n, next);
                    for (uint32_t k = next; k < n; k++)
                        fprintf(stderr, "  extra: %s | %s\n",
                                span_or_dash(&f, cl[k].source.off, cl[k].source.len),
                                span_or_dash(&f, cl[k].cue_off, cl[k].cue_len));
                }
                HARNESS_CASE(n == next);
                fx_free(&f);
                have = 0;
                ncases++;
            } else {
                fprintf(stderr, "golden %s: bad line: %s\n", name, l);
                HARNESS_CASE(0);
            }
        }
    }
    CHECK(ncases >= 15);
    CHECK(nclaims_total >= 15);
out:
    if (in)
        fclose(in);
    dy_enrich_ctx_free(&ctx);
}

TEST(json_sink_maps_offsets_to_ingested_text)
{
    /* typographic quotes are folded in the cleaned text: the sink's spans
     * must point at the bytes as ingested */
    fx f;
    dy_buf b;
    const char *t = "\xe2\x80\x9cWe will win,\xe2\x80\x9d said Ms. Lee.";
    dy_buf_init(&b);
    CHECK_INT(fx_init(&f, "2024-10-16", t), 0);
    CHECK_INT(dy_claims_emit_doc(&b, NULL, &f.doc, f.a), 0);
    CHECK(dy_buf_ok(&b));
    CHECK(b.len > 0 && strchr(b.data, '\n') == b.data + b.len - 1); /* one claim */
    CHECK(strstr(b.data, "\"claim_id\":\"t:c0\"") != NULL);
    CHECK(strstr(b.data, "\"text\":\"Ms. Lee\"") != NULL);
    CHECK(strstr(b.data, "\"cue\":\"said\"") != NULL);
    CHECK(strstr(b.data, "\"content\":\"We will win\"") != NULL);
    /* "said" starts at byte 19 of the original (two 3-byte quotes) */
    CHECK(strstr(b.data, "\"cue\":[19,23]") != NULL);
    CHECK(strstr(b.data, "\"content\":[3,14]") != NULL);
    CHECK(strstr(b.data, "\"status\":\"claimed\",\"events\":[]") != NULL);
    dy_buf_free(&b);
    fx_free(&f);
}

TEST(quote_across_sentences_attributes_events)
{
    fx f;
    dy_enrich_ctx *ctx = NULL;
    CHECK_INT(dy_enrich_ctx_adopt(&ctx, fx_gaz()), 0);
    CHECK_INT(fx_init(&f, "2024-10-16", "The Ukrainian military said: \"Our forces repelled "
                      "the assault. Russian troops shelled the hospital again.\""), 0);
    fx_event(&f, "repelled", "Our forces", "", "assault", "", "190");
    fx_event(&f, "shelled", "Russian troops", "RUSMIL", "hospital", "", "195");
    CHECK_INT(dy_enrich_doc(ctx, &f.doc, f.a), 0);
    CHECK_INT(f.doc.nevents, 2);
    CHECK_STR(f.ev[0].attribution.code, "UKRMIL");
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    /* second sentence: only the quote ties it to the military */
    CHECK_STR(f.ev[1].attribution.code, "UKRMIL");
    CHECK_INT(f.ev[1].status, DY_ST_CLAIMED);
    fx_free(&f);
    dy_enrich_ctx_free(&ctx);
}

TEST(bad_arguments)
{
    dy_claim *c = NULL;
    uint32_t n = 7;
    fx f;
    CHECK_INT(dy_claims_find(NULL, NULL, NULL, &c, &n), DY_EINVAL);
    CHECK_INT(fx_init(&f, "", "Nothing was said here by anyone."), 0);
    CHECK_INT(dy_claims_find(&f.doc, NULL, f.a, &c, &n), 0);
    CHECK_INT(n, 0);
    CHECK(c == NULL);
    fx_free(&f);
}

/* cue words from all over the (sorted, bisected) cue table are found; a
 * word that is not a cue is not */
TEST(cue_words_across_the_table)
{
    static const char *const cues[] = {
        "acknowledged", "boasted", "cautioned", "declared", "explained", "insisted", "joked",
        "lamented", "noted", "quipped", "replied", "said", "tweeted", "warned", "wrote",
    };
    dy_enrich_ctx *ctx = NULL;
    CHECK_INT(dy_enrich_ctx_adopt(&ctx, fx_gaz()), 0);
    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++) {
        char text[160];
        fx f;
        dy_claim *cl = NULL;
        uint32_t n = 0;
        snprintf(text, sizeof text, "The minister %s that the talks had failed.", cues[k]);
        CHECK_INT(fx_init(&f, "2024-10-16", text), 0);
        CHECK_INT(dy_claims_find(&f.doc, ctx, f.a, &cl, &n), 0);
        CHECK_INT(n, 1);
        if (n >= 1)
            CHECK_STR(fx_span(&f, cl[0].cue_off, cl[0].cue_len), cues[k]);
        fx_free(&f);
    }
    {
        fx f;
        dy_claim *cl = NULL;
        uint32_t n = 9;
        CHECK_INT(fx_init(&f, "2024-10-16", "The minister danced while the talks had failed."), 0);
        CHECK_INT(dy_claims_find(&f.doc, ctx, f.a, &cl, &n), 0);
        CHECK_INT(n, 0);
        fx_free(&f);
    }
    dy_enrich_ctx_free(&ctx);
}

int main(void)
{
    RUN(golden_cases);
    RUN(json_sink_maps_offsets_to_ingested_text);
    RUN(quote_across_sentences_attributes_events);
    RUN(bad_arguments);
    RUN(cue_words_across_the_table);
    return harness_done();
}
