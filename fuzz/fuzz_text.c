/* fuzz_text.c — libFuzzer harness for the text path: arbitrary bytes as an
 * article's text go through dy_clean, dy_tokenize and dy_split_sentences.
 * Checks the invariants the later stages rely on: the byte map, tokens
 * inside the cleaned text and in order, sentences covering their tokens.
 * The first byte chooses one_sentence. Build and run with fuzz/run.sh. */
#include "clean.h"
#include "doc.h"
#include "dyad.h"
#include "intern.h"
#include "sent.h"
#include "tok.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dy_arena *a = dy_arena_new(0);
    dy_intern *lex = dy_intern_new(NULL);
    if (!a || !lex) goto out;
    dy_article art;
    memset(&art, 0, sizeof art);
    art.id = "fuzz"; art.date = art.source = art.url = art.title = "";
    art.origin = "fuzz";
    art.one_sentence = size && (data[0] & 1);
    art.text = (const char *)data;   /* not NUL-terminated on purpose */
    art.text_len = size;

    dy_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.article = &art;
    if (dy_clean(&art, a, &doc.text) != 0) abort();
    const dy_text *t = &doc.text;
    if (t->map[t->norm_len] != size || strlen(t->norm) != t->norm_len) abort();
    for (uint32_t i = 0; i < t->norm_len; i++)
        if (t->map[i] >= size || (i && t->map[i] < t->map[i - 1])) abort();

    if (dy_tokenize(&doc, lex, a) != 0) goto out;
    for (uint32_t i = 0; i < doc.ntoks; i++) {
        const dy_token *k = &doc.toks[i];
        if (k->len == 0 || k->off + k->len > t->norm_len || k->lower == 0) abort();
        if (i && k->off < doc.toks[i - 1].off + doc.toks[i - 1].len) abort();
    }
    if (dy_split_sentences(&doc, a) != 0) goto out;
    uint32_t next_tok = 0;
    for (uint32_t i = 0; i < doc.nsents; i++) {
        const dy_sentence *s = &doc.sents[i];
        if (s->start > s->end || s->end > t->norm_len) abort();
        if (s->tok_first + s->tok_count > doc.ntoks || s->tok_first < next_tok) abort();
        next_tok = s->tok_first + s->tok_count;
    }
out:
    dy_intern_free(&lex);
    dy_arena_free(&a);
    return 0;
}
