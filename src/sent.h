/* sent.h — rule-based sentence splitter over the token stream. Knows
 * abbreviations and titles (U.S., Gen., Lt. Col., Jan., No.), initials,
 * decimals and thousands separators, quotes and ellipses, and paragraph
 * breaks (a blank line always ends a sentence). */
#ifndef DY_SENT_H
#define DY_SENT_H
#include "arena.h"
#include "doc.h"

/* Fill doc->sents/nsents from doc->toks (after dy_tokenize). When
 * doc->article->one_sentence is set the whole text is one sentence.
 * Sets DY_TF_SENT_START on each sentence's first token. */
int dy_split_sentences(dy_doc *doc, dy_arena *a);

#endif
