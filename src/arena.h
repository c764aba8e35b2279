/* arena.h — bump allocator: everything made for one article lives in one arena
 * and is released by a single dy_arena_reset(). Long-lived data (dictionaries)
 * never comes from here. Allocation failure returns NULL; nothing aborts. */
#ifndef DY_ARENA_H
#define DY_ARENA_H
#include <stddef.h>

typedef struct dy_arena dy_arena;

/* New arena whose blocks are at least block_size bytes (0 = 64 KiB).
 * Caller frees with dy_arena_free(). NULL on allocation failure. */
dy_arena *dy_arena_new(size_t block_size);
/* n bytes aligned to 16, uninitialised; NULL on failure or n overflow. */
void *dy_arena_alloc(dy_arena *a, size_t n);
/* n bytes, zeroed. */
void *dy_arena_calloc(dy_arena *a, size_t count, size_t size);
/* Copy of s[0..n) plus a NUL. */
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
/* Grow the most recent allocation p (old_n bytes) to new_n bytes; may move. */
void *dy_arena_realloc(dy_arena *a, void *p, size_t old_n, size_t new_n);
/* Forget every allocation; keeps the first block, frees the others, so a
 * long run stays at the size its largest article needed only briefly. */
void dy_arena_reset(dy_arena *a);
/* Bytes currently handed out (for tests and stats). */
size_t dy_arena_used(const dy_arena *a);
void dy_arena_free(dy_arena **a);

#endif
