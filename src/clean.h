/* clean.h — from article text to matchable text: drops boilerplate lines
 * (social-media embeds and their credit lines, pic.twitter.com links,
 * "Read more", share prompts, trailing "Expanded Coverage:"-style section
 * headers, bylines), NFC-normalises with utf8proc, replaces invalid UTF-8 and
 * control bytes with spaces, and folds typographic quotes, apostrophes and
 * dashes to ASCII — keeping a byte map back to the original text. */
#ifndef DY_CLEAN_H
#define DY_CLEAN_H
#include "arena.h"
#include "doc.h"

/* Fill *out from art->text. All output memory comes from a.
 * Returns 0, DY_ENOMEM, or DY_ERANGE when the text exceeds DY_MAX_ARTICLE. */
int dy_clean(const dy_article *art, dy_arena *a, dy_text *out);

#endif
