/* enrich_int.h — small helpers shared by the enrichment modules (frame,
 * quant, when, place, enrich): case-insensitive comparisons on token bytes,
 * word-list membership, token lookup by byte offset. Private to those files.
 * All helpers read doc->text.norm directly (the lower-cased interned id is
 * not used: comparisons must not depend on which lexicon a token came from). */
#ifndef DY_ENRICH_INT_H
#define DY_ENRICH_INT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "doc.h"
#include "event.h"

static inline int dy_en_lc(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Token i's bytes. */
static inline const char *dy_en_tp(const dy_doc *d, uint32_t i)
{
    return d->text.norm + d->toks[i].off;
}

/* Does token i equal the lower-case ASCII word w (case-insensitively)? */
static inline int dy_en_eq(const dy_doc *d, uint32_t i, const char *w)
{
    const dy_token *t = &d->toks[i];
    const char *p = d->text.norm + t->off;
    uint32_t k;
    for (k = 0; k < t->len; k++) {
        if (w[k] == '\0' || dy_en_lc((unsigned char)p[k]) != w[k])
            return 0;
    }
    return w[k] == '\0';
}

/* Index in the NULL-terminated list of the word token i equals, or -1. */
static inline int dy_en_in(const dy_doc *d, uint32_t i, const char *const *list)
{
    const dy_token *t = &d->toks[i];
    char c0 = (char)dy_en_lc((unsigned char)d->text.norm[t->off]);
    for (int k = 0; list[k]; k++) {
        if (list[k][0] == c0 && strlen(list[k]) == t->len && dy_en_eq(d, i, list[k]))
            return k;
    }
    return -1;
}

static inline int dy_en_is_punct(const dy_doc *d, uint32_t i)
{
    uint16_t k = d->toks[i].kind;
    return k == DY_TOK_PUNCT || k == DY_TOK_QUOTE || k == DY_TOK_DASH;
}

/* Is token i one of the punctuation characters in set (single-byte tokens)? */
static inline int dy_en_punct_in(const dy_doc *d, uint32_t i, const char *set)
{
    const dy_token *t = &d->toks[i];
    if (t->len != 1 || !dy_en_is_punct(d, i))
        return 0;
    return strchr(set, d->text.norm[t->off]) != NULL;
}

/* Token of doc containing byte offset off (or the first token after it),
 * searched in [lo, hi); returns hi when none. */
static inline uint32_t dy_en_tok_at(const dy_doc *d, uint32_t lo, uint32_t hi, uint32_t off)
{
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->toks[mid].off + d->toks[mid].len <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Token index of an event's verb (first token of its verb span), or the
 * sentence's first token when the span is missing. */
static inline uint32_t dy_en_verb_tok(const dy_doc *d, const dy_event *e)
{
    const dy_sentence *s = &d->sents[e->sentence];
    uint32_t end = s->tok_first + s->tok_count;
    uint32_t t;
    if (e->verb_len == 0)
        return s->tok_first;
    t = dy_en_tok_at(d, s->tok_first, end, e->verb_off);
    return t < end ? t : (s->tok_count ? end - 1 : s->tok_first);
}

#endif
