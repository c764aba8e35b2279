/* test_frame.c — the frame API (frame.h) on hand-built coder events: the
 * reporting-only test, dropping reporting-only events (and renumbering), the
 * speaker code of a phrase, the shared word classes and bad arguments. The
 * status and attribution rules on whole sentences (frames, verification,
 * hedges, denials, confirmations) are golden cases in
 * tests/golden/enrich/cases.txt. */
#include "harness.h"
#include "enrich_fixture.h"
#include "dyad.h"
#include "enrich.h"
#include "frame.h"

static dy_gazetteer *G;

TEST(reporting_only_helper)
{
    CHECK_INT(dy_frame_is_reporting_only("010", "said", 4), 1);
    CHECK_INT(dy_frame_is_reporting_only("", "Told", 4), 1);
    CHECK_INT(dy_frame_is_reporting_only("112", "accused", 7), 0);
    CHECK_INT(dy_frame_is_reporting_only("010", "accused", 7), 0);
    CHECK_INT(dy_frame_is_reporting_only("190", "said", 4), 0);
    CHECK_INT(dy_frame_is_reporting_only("010", NULL, 0), 0);
}

/* "told" is only the frame of the capture: it goes, the capture keeps the
 * frame's attribution and becomes event 0 of its sentence. */
TEST(drop_reporting_renumbers)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "Putin told reporters that Russian forces had captured "
                      "the village."), 0);
    fx_event(&f, "told", "Putin", "RUSGOV", "reporters", "", "010");
    fx_event(&f, "captured", "Russian forces", "RUSMIL", "village", "", "1951");
    CHECK_INT(dy_frame_doc(G, &f.doc, f.a), 0);
    CHECK_INT(f.ev[1].index, 1);
    CHECK_INT(dy_frame_drop_reporting(&f.doc), 1);
    CHECK_INT(f.doc.nevents, 1);
    CHECK_STR(f.ev[0].cameo, "1951");
    CHECK_INT(f.ev[0].index, 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(f.ev[0].attribution.code, "RUSGOV");
    CHECK_INT(dy_frame_drop_reporting(&f.doc), 0); /* nothing left to drop */
    fx_free(&f);
}

/* First token of sentence s whose text is w (exact bytes), or UINT32_MAX. */
static uint32_t token_of(const fx *f, uint32_t s, const char *w)
{
    const dy_sentence *se = &f->doc.sents[s];
    for (uint32_t i = se->tok_first; i < se->tok_first + se->tok_count; i++)
        if (f->doc.toks[i].len == strlen(w) && !memcmp(f->doc.text.norm + f->doc.toks[i].off, w,
                                                       strlen(w)))
            return i;
    return UINT32_MAX;
}

/* A speaker span gets the coder's code and country, else a metonym's;
 * leading determiners are trimmed from the span. */
TEST(speaker_of_a_phrase)
{
    fx f;
    dy_actor a;
    uint32_t first, cue;
    CHECK_INT(fx_init(&f, "2024-10-16", "North Korea blew up sections of roads near the border "
                      "on Tuesday, South Korea's military said. The Kremlin said nothing."), 0);
    fx_event(&f, "blew up", "North Korea", "PRK", "roads", "", "1712");
    fx_event(&f, "said", "South Korea's military", "KORMIL", "", "", "010");
    first = token_of(&f, 0, "South");
    cue = token_of(&f, 0, "said");
    CHECK(first != UINT32_MAX && cue != UINT32_MAX && first < cue);
    if (first < cue && cue != UINT32_MAX) {
        dy_frame_speaker(G, &f.doc, 0, cue, first, cue - 1, &a);
        CHECK_STR(a.code, "KORMIL");
        CHECK_STR(a.country, "KOR");
        CHECK_STR(fx_span(&f, a.off, a.len), "South Korea's military");
    }
    first = token_of(&f, 1, "The");
    cue = token_of(&f, 1, "said");
    CHECK(first != UINT32_MAX && cue == first + 2);
    if (cue == first + 2) {
        dy_frame_speaker(G, &f.doc, 1, cue, first, cue - 1, &a);
        CHECK_STR(a.code, "RUSGOV"); /* a metonym: no coder event needed */
        CHECK_STR(fx_span(&f, a.off, a.len), "Kremlin");
    }
    fx_free(&f);
}

/* The word classes claims.c shares with the denial rule. */
TEST(word_classes)
{
    static const struct { const char *word; int cls, is; } words[] = {
        { "Claims", DY_FRAME_CLAIM_NOUN, 1 },     { "allegations", DY_FRAME_CLAIM_NOUN, 0 },
        { "allegations", DY_FRAME_ACCUSE_NOUN, 1 }, { "allegations", DY_FRAME_TRUTH_NOUN, 1 },
        { "report", DY_FRAME_TRUTH_NOUN, 1 },     { "proposal", DY_FRAME_TRUTH_NOUN, 0 },
        { "involvement", DY_FRAME_ACT_NOUN, 1 },  { "entry", DY_FRAME_GRANT_NOUN, 1 },
        { "rejected", DY_FRAME_REJECT_VERB, 1 },  { "denied", DY_FRAME_REJECT_VERB, 0 },
        { "flatly", DY_FRAME_OBJECT_SKIP, 1 },    { "that", DY_FRAME_OBJECT_SKIP, 0 },
        { "unconfirmed", DY_FRAME_UNVERIFIED, 1 }, { "entry", -1, 0 },
    };
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        fx f;
        int ok;
        CHECK_INT(fx_init(&f, "2024-10-16", words[k].word), 0);
        ok = dy_frame_word_is(&f.doc, 0, words[k].cls) == words[k].is;
        if (!ok)
            fprintf(stderr, "word_classes: \"%s\" class %d: expected %d\n", words[k].word,
                    words[k].cls, words[k].is);
        CHECK(ok);
        fx_free(&f);
    }
}

TEST(bad_arguments)
{
    CHECK_INT(dy_frame_doc(G, NULL, NULL), DY_EINVAL);
    CHECK_INT(dy_frame_drop_reporting(NULL), 0);
}

int main(void)
{
    G = fx_gaz();
    RUN(reporting_only_helper);
    RUN(drop_reporting_renumbers);
    RUN(speaker_of_a_phrase);
    RUN(word_classes);
    RUN(bad_arguments);
    dy_place_gaz_free(&G);
    return harness_done();
}
