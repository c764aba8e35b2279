/* test_arena.c — unit tests for the per-article arena (src/arena.c). */
#include "arena.h"
#include "harness.h"
#include <stdint.h>

TEST(alloc_aligned_and_distinct)
{
    dy_arena *a = dy_arena_new(128);
    CHECK(a != NULL);
    char *p = dy_arena_alloc(a, 3), *q = dy_arena_alloc(a, 5);
    CHECK(p && q && p != q);
    CHECK(((uintptr_t)p & 15) == 0 && ((uintptr_t)q & 15) == 0);
    memset(p, 'x', 3);
    memset(q, 'y', 5);
    CHECK(p[2] == 'x' && q[0] == 'y');
    dy_arena_free(&a);
    CHECK(a == NULL);
}

TEST(large_allocation_beyond_block)
{
    dy_arena *a = dy_arena_new(64);
    char *big = dy_arena_alloc(a, 1 << 20);
    CHECK(big != NULL);
    memset(big, 1, 1 << 20);
    CHECK(dy_arena_used(a) >= (1u << 20));
    dy_arena_reset(a);
    CHECK_INT(dy_arena_used(a), 0);
    CHECK(dy_arena_alloc(a, 10) != NULL);
    dy_arena_free(&a);
}

TEST(strndup_and_calloc)
{
    dy_arena *a = dy_arena_new(0);
    char *s = dy_arena_strndup(a, "hello world", 5);
    CHECK_STR(s, "hello");
    int *z = dy_arena_calloc(a, 100, sizeof(int));
    int sum = 0;
    for (int i = 0; i < 100; i++) sum += z[i];
    CHECK_INT(sum, 0);
    CHECK(dy_arena_calloc(a, SIZE_MAX / 2, 4) == NULL);
    CHECK(dy_arena_alloc(a, SIZE_MAX) == NULL);
    dy_arena_free(&a);
}

TEST(realloc_grows_in_place_and_moves)
{
    dy_arena *a = dy_arena_new(256);
    int *v = dy_arena_alloc(a, 4 * sizeof(int));
    for (int i = 0; i < 4; i++) v[i] = i;
    int *w = dy_arena_realloc(a, v, 4 * sizeof(int), 8 * sizeof(int));
    CHECK(w == v);   /* last allocation, room in block */
    int *x = dy_arena_realloc(a, w, 8 * sizeof(int), 1000 * sizeof(int));
    CHECK(x != NULL);
    CHECK(x[3] == 3 && x[0] == 0);
    dy_arena_free(&a);
}

TEST(reset_reuses_memory)
{
    dy_arena *a = dy_arena_new(4096);
    for (int round = 0; round < 100; round++) {
        for (int i = 0; i < 1000; i++) CHECK(dy_arena_alloc(a, 100) != NULL);
        dy_arena_reset(a);
    }
    CHECK_INT(dy_arena_used(a), 0);
    dy_arena_free(&a);
    dy_arena_free(&a); /* double free through ** is harmless */
}

int main(void)
{
    RUN(alloc_aligned_and_distinct);
    RUN(large_allocation_beyond_block);
    RUN(strndup_and_calloc);
    RUN(realloc_grows_in_place_and_moves);
    RUN(reset_reuses_memory);
    return harness_done();
}
