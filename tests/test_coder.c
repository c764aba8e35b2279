/* test_coder.c — the TABARI-style coder on hand-built documents, with the
 * project's own validation dictionaries: events, agents, compounds, spans,
 * CAMEO fields, options, multi-sentence docs. */
#include "harness.h"
#include "coder.h"
#include "dict.h"
#include "dyad.h"
#include <string.h>

static dy_dict *D;

/* code one sentence; returns number of events */
static uint32_t code1(const char *text, dy_arena *a, dy_doc *doc, const dy_code_opts *o, int *outcome)
{
    static dy_article art;
    static dy_sentence sent;
    memset(&art, 0, sizeof art);
    art.id = "t";
    art.text = text;
    art.text_len = strlen(text);
    art.year = 2024; art.month = 1; art.day = 1;
    art.date = "2024-01-01";
    memset(doc, 0, sizeof *doc);
    doc->article = &art;
    doc->text.norm = text;
    doc->text.norm_len = (uint32_t)strlen(text);
    sent.start = 0;
    sent.end = (uint32_t)strlen(text);
    doc->sents = &sent;
    doc->nsents = 1;
    int rc = dy_code_doc_opts(D, o, doc, a, outcome);
    CHECK_INT(rc, 0);
    return doc->nevents;
}

TEST(simple_event_fields)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    const char *t = "The army of Zelvia attacked the city of Quendor early on Tuesday morning.";
    CHECK_INT(code1(t, a, &doc, NULL, NULL), 1);
    if (doc.nevents == 1) {
        const dy_event *e = &doc.events[0];
        CHECK_STR(e->source.code, "ZLVMIL");
        CHECK_STR(e->target.code, "QND");
        CHECK_STR(e->cameo, "190");
        CHECK_STR(e->root, "19");
        CHECK_INT(e->quad_class, 4);
        CHECK(e->has_goldstein);
        /* spans point at the words */
        CHECK(e->source.len > 0 && !strncmp(t + e->source.off, "Zelvia", 6));
        CHECK(e->target.len > 0 && !strncmp(t + e->target.off, "Quendor", 7));
        CHECK(e->verb_len > 0 && !strncmp(t + e->verb_off, "attacked", 8));
    }
    dy_arena_free(&a);
}

TEST(compound_and_pair)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    CHECK_INT(code1("Zelvia and Marrow condemned Quendor for its decision to close the main harbour.", a, &doc, NULL, NULL), 2);
    dy_arena_reset(a);
    CHECK_INT(code1("Zelvia visited Marrow on Monday for talks on the new harbour tax and fishing.", a, &doc, NULL, NULL), 2);
    if (doc.nevents == 2) {
        CHECK_STR(doc.events[0].cameo, "042");
        CHECK_STR(doc.events[1].cameo, "043");
        CHECK_STR(doc.events[1].source.code, "MRW");
    }
    dy_arena_free(&a);
}

TEST(outcomes_and_options)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    int oc = -1;
    CHECK_INT(code1("Zelvia condemned Marrow after the football match ended in a riot on Sunday.", a, &doc, NULL, &oc), 0);
    CHECK_INT(oc, DY_CO_DISCARD);
    CHECK_INT(code1("Zelvia condemned Marrow.", a, &doc, NULL, &oc), 0);
    CHECK_INT(oc, DY_CO_SHORT);
    dy_code_opts o = *dy_dict_options(D);
    o.min_words = 3;
    CHECK_INT(code1("Zelvia condemned Marrow.", a, &doc, &o, &oc), 1);
    CHECK_INT(oc, DY_CO_OK);
    o.code_mode = 1;
    CHECK_INT(code1("Zelvia condemned Marrow on Monday and attacked Quendor on Tuesday night.", a, &doc, &o, &oc), 1);
    o.code_mode = 0;
    CHECK_INT(code1("Zelvia condemned Marrow on Monday and attacked Quendor on Tuesday night.", a, &doc, &o, &oc), 2);
    dy_arena_free(&a);
}

TEST(multi_sentence_doc)
{
    dy_arena *a = dy_arena_new(0);
    const char *t = "Zelvia condemned Marrow on Monday after a long meeting of envoys. "
                    "Nothing at all happened in the quiet little town on that day.";
    dy_article art;
    memset(&art, 0, sizeof art);
    art.text = t; art.text_len = strlen(t); art.year = 2024; art.month = 1; art.day = 1;
    dy_sentence s[2] = { { 0, 65, 0, 0 }, { 66, (uint32_t)strlen(t), 0, 0 } };
    dy_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.article = &art;
    doc.text.norm = t;
    doc.text.norm_len = (uint32_t)strlen(t);
    doc.sents = s;
    doc.nsents = 2;
    CHECK_INT(dy_code_doc(D, &doc, a), 0);
    CHECK_INT(doc.nevents, 1);
    if (doc.nevents) CHECK_INT(doc.events[0].sentence, 0);
    /* garbage and empty input never crash */
    static const char junk[] = "\xff\xfe ,,,, ;;; \"\"\" 12,000 ... /* unterminated";
    dy_sentence js = { 0, sizeof junk - 1, 0, 0 };
    doc.text.norm = junk;
    doc.text.norm_len = sizeof junk - 1;
    doc.sents = &js;
    doc.nsents = 1;
    CHECK_INT(dy_code_doc(D, &doc, a), 0);
    CHECK_INT(doc.nevents, 0);
    dy_arena_free(&a);
}

int main(void)
{
    if (dy_dict_load(&D, "tests/validation/own.project", NULL, NULL)) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    RUN(simple_event_fields);
    RUN(compound_and_pair);
    RUN(outcomes_and_options);
    RUN(multi_sentence_doc);
    dy_dict_free(&D);
    return harness_done();
}
