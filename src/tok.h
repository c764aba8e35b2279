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

/* Tokenize doc->text.norm into doc->toks/ntoks (arena memory, borrowed until
 * the arena is reset). Contractions are split the Penn Treebank way ("don't"
 * -> "do" "n't", "I'm" -> "I" "'m"); see tok.c for every rule. Returns 0,
 * DY_EINVAL, DY_ENOMEM or DY_ERANGE; on error doc->toks is NULL. */
int dy_tokenize(dy_doc *doc, dy_intern *lex, dy_arena *a);

/* Is the lower-cased word w[0..n) (with its trailing period) a known
 * abbreviation such as "u.s." "gen." "jan."? */
int dy_tok_is_abbrev(const char *w, size_t n);

/* How an abbreviation token behaves at a possible sentence end (used by the
 * splitter). w[0..n) as written (any case), with its trailing period. */
enum dy_abbr_class {
    DY_ABBR_NONE = 0,
    DY_ABBR_TITLE,   /* Gen. Lt. Mr. Dr. Sen.: precedes a name, never ends */
    DY_ABBR_ENDER,   /* U.S. Inc. a.m. Jr. etc.: may end a sentence */
    DY_ABBR_NOEND,   /* e.g. i.e. vs. No. (before a number): never ends */
    DY_ABBR_MONTH,   /* Jan. Sept.: ends only before a sentence starter */
    DY_ABBR_INITIAL  /* a single letter and period: J. */
};
int dy_tok_abbrev_class(const char *w, size_t n);

#endif
