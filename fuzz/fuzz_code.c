/* fuzz_code.c — libFuzzer harness for the whole per-article path with dyad's
 * default dictionaries: clean, tokenize, split, code, enrich, then format the
 * events as JSON Lines and TSV. Any input must give events or none, never a
 * crash; every event's spans must lie inside the article text. The
 * dictionaries are loaded once (DYAD_FUZZ_DICT, default dict/default), and
 * the gazetteer when there is one (DYAD_FUZZ_GAZ, default
 * build/gen/gazetteer.tsv), so that place targets and places are fuzzed
 * too. */
#include "dict.h"
#include "dyad.h"
#include "emit.h"
#include "enrich.h"
#include "pipeline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static dy_dict *fuzz_dict;   /* harness state, loaded once per process */
static dy_enrich_ctx *fuzz_en;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    const char *p = getenv("DYAD_FUZZ_DICT");
    if (dy_dict_load(&fuzz_dict, p ? p : "dict/default", NULL, NULL) < 0) abort();
    const char *g = getenv("DYAD_FUZZ_GAZ");
    if (dy_enrich_ctx_new(&fuzz_en, g ? g : "build/gen/gazetteer.tsv", NULL) < 0 &&
        dy_enrich_ctx_new(&fuzz_en, NULL, NULL) < 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dy_arena *a = dy_arena_new(0);
    dy_intern *lex = dy_intern_new(dy_dict_vocab(fuzz_dict));
    dy_buf b;
    dy_buf_init(&b);
    if (!a || !lex) goto out;
    dy_article art;
    memset(&art, 0, sizeof art);
    art.id = "fuzz"; art.source = art.url = art.title = "";
    art.date = "2024-10-15"; art.year = 2024; art.month = 10; art.day = 15;
    art.origin = "fuzz";
    art.one_sentence = size && (data[0] & 1);
    art.text = (const char *)data;
    art.text_len = size;
    dy_doc doc;
    if (dy_process_article(fuzz_dict, fuzz_en, 1, &art, lex, a, &doc) < 0) goto out;
    for (uint32_t i = 0; i < doc.nevents; i++) {
        const dy_event *e = &doc.events[i];
        if (e->sentence >= doc.nsents) abort();
        if (e->source.off + e->source.len > doc.text.norm_len) abort();
        if (e->target.off + e->target.len > doc.text.norm_len) abort();
        if (e->verb_off + e->verb_len > doc.text.norm_len) abort();
    }
    unsigned long long seq = 0;
    dy_emit_jsonl(&b, &doc);
    dy_emit_tsv(&b, &doc);
    dy_emit_gdelt(&b, &doc, &seq);
out:
    dy_buf_free(&b);
    dy_intern_free(&lex);
    dy_arena_free(&a);
    return 0;
}
