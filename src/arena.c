/* arena.c — per-article bump allocator (see arena.h). */
#include "arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct dy_block {
    struct dy_block *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
} dy_block;

struct dy_arena {
    dy_block *head;     /* current block (newest) */
    dy_block *first;    /* the block kept across resets */
    size_t block_size;
    size_t total;       /* bytes handed out since last reset */
    void *last;         /* most recent allocation, for realloc in place */
};

static dy_block *block_new(size_t cap)
{
    if (cap > SIZE_MAX - sizeof(dy_block)) return NULL;
    dy_block *b = malloc(sizeof(dy_block) + cap);
    if (!b) return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

dy_arena *dy_arena_new(size_t block_size)
{
    dy_arena *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->first = a->head = block_new(a->block_size);
    if (!a->head) { free(a); return NULL; }
    return a;
}

void *dy_arena_alloc(dy_arena *a, size_t n)
{
    if (n == 0) n = 1;
    if (n > SIZE_MAX - 15) return NULL;
    size_t need = (n + 15) & ~(size_t)15;
    dy_block *b = a->head;
    if (b->cap - b->used < need) {
        size_t cap = need > a->block_size ? need : a->block_size;
        dy_block *nb = block_new(cap);
        if (!nb) return NULL;
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    a->last = p;
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = dy_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void *dy_arena_realloc(dy_arena *a, void *p, size_t old_n, size_t new_n)
{
    if (p && p == a->last) {
        dy_block *b = a->head;
        size_t start = (size_t)((unsigned char *)p - b->data);
        size_t old_need = (old_n + 15) & ~(size_t)15;
        if (new_n <= SIZE_MAX - 15) {
            size_t need = (new_n + 15) & ~(size_t)15;
            if (start + need <= b->cap) {
                b->used = start + need;
                a->total = a->total - old_need + need;
                return p;
            }
        }
    }
    void *q = dy_arena_alloc(a, new_n);
    if (q && p && old_n) memcpy(q, p, old_n < new_n ? old_n : new_n);
    return q;
}

void dy_arena_reset(dy_arena *a)
{
    dy_block *b = a->head;
    while (b && b != a->first) {
        dy_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = a->first;
    a->first->used = 0;
    a->first->next = NULL;
    a->total = 0;
    a->last = NULL;
}

size_t dy_arena_used(const dy_arena *a) { return a->total; }

void dy_arena_free(dy_arena **ap)
{
    if (!ap || !*ap) return;
    dy_arena *a = *ap;
    dy_block *b = a->head;
    while (b) {
        dy_block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
    *ap = NULL;
}
