/* intern.h — string interning: maps byte strings to small dense ids (1..n)
 * with an open-addressing hash table. Used for the lower-cased token forms and
 * for dictionary vocabulary. A table can be frozen (read-only, shareable
 * between threads) and layered: a per-thread table on top of a frozen base
 * gives unknown words ids above the base's count without touching the base. */
#ifndef DY_INTERN_H
#define DY_INTERN_H
#include <stddef.h>
#include <stdint.h>

typedef struct dy_intern dy_intern;

/* New empty table layered on base (may be NULL). base must outlive it and not
 * change while it exists. Caller frees with dy_intern_free(). */
dy_intern *dy_intern_new(const dy_intern *base);
/* Id of s[0..n), adding it if absent; 0 on allocation failure. */
uint32_t dy_intern_add(dy_intern *t, const char *s, size_t n);
/* Ids of count strings s[i][0..n[i]) into ids[i], adding absent ones in
 * order: the same ids as count dy_intern_add calls, faster (the table
 * lookups of later strings are started while earlier ones are resolved).
 * 0 ok, -1 on allocation failure or bad arguments (ids then partly set). */
int dy_intern_add_many(dy_intern *t, const char *const *s, const uint32_t *n, size_t count,
                       uint32_t *ids);
/* Id of s[0..n) or 0 if absent (looks in base too). */
uint32_t dy_intern_find(const dy_intern *t, const char *s, size_t n);
/* The string for id (borrowed, NUL-terminated), or NULL; *n gets its length. */
const char *dy_intern_str(const dy_intern *t, uint32_t id, size_t *n);
/* Highest id handed out (including base). */
uint32_t dy_intern_count(const dy_intern *t);
/* Drop this layer's own entries (not the base's); ids restart above base. */
void dy_intern_clear(dy_intern *t);
void dy_intern_free(dy_intern **t);

#endif
