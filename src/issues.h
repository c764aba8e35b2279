/* issues.h — PETRARCH-style discards and issue coding, applied after the
 * coder: a sentence holding a discard phrase loses its events, a story
 * holding a "+" (story) discard phrase loses all of them, and every
 * remaining event gets the issue codes found in its sentence
 * (dy_event.issues = "NUCLEAR,TERRORISM"). The phrases come from the
 * dictionary set (PETRARCH discards / issues files, dict_petr.c). */
#ifndef DY_ISSUES_H
#define DY_ISSUES_H
#include <stddef.h>
#include "arena.h"
#include "dict.h"
#include "doc.h"

/* What a discard check found. */
enum { DY_DISC_NONE = 0, DY_DISC_SENTENCE = 1, DY_DISC_STORY = 2 };

/* Discard check of one piece of text (any length): DY_DISC_*. */
int dy_issues_discard(const dy_dict *d, const char *text, size_t len);

/* Issue codes of a text, comma-joined in dictionary order, into out (cap
 * bytes, "" when none). Returns the number of codes. */
int dy_issues_codes(const dy_dict *d, const char *text, size_t len, char *out, size_t cap);

/* Apply discards and issues to doc's events (arena memory for the issue
 * strings). *found (may be NULL) receives the strongest DY_DISC_* seen.
 * Does nothing when the set has no discards or issues. */
int dy_issues_doc(const dy_dict *d, dy_doc *doc, dy_arena *a, int *found);

#endif
