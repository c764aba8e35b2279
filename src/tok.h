/* tok.h — tokenizer: slices the cleaned text into dy_token {off, len, kind,
 * flags, lower}. Possessives split off ("Korea's" -> "Korea" "'s"),
 * hyphenated words kept whole (inter-Korean) with DY_TF_HYPHEN, numbers with
 * separators and decimals kept whole (3,000  1.4), known abbreviations keep
 * their period (U.S., Gen., Jan.) with DY_TF_ABBR. lower = id of the
 * lower-cased form in lex (added when absent). No allocation per token beyond
 * the arena array. */
#ifndef DY_TOK_H
#define DY_TOK_H
#include "arena.h"
#include "doc.h"
#include "intern.h"

/* Tokenize doc->text into doc->toks/ntoks (arena memory). */
int dy_tokenize(dy_doc *doc, dy_intern *lex, dy_arena *a);

/* Is the lower-cased word w[0..n) (with its trailing period) a known
 * abbreviation such as "u.s." "gen." "jan."? */
int dy_tok_is_abbrev(const char *w, size_t n);

#endif
