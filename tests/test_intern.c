/* test_intern.c — unit tests for the string interner (src/intern.c): stable
 * dense ids, base layering, clear, and 100k random strings checked against a
 * naive table. */
#include "harness.h"
#include "intern.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TEST(ids_dense_and_stable)
{
    dy_intern *t = dy_intern_new(NULL);
    CHECK(t != NULL);
    if (!t) return;
    CHECK_INT(dy_intern_count(t), 0);
    uint32_t a = dy_intern_add(t, "korea", 5);
    uint32_t b = dy_intern_add(t, "north", 5);
    uint32_t c = dy_intern_add(t, "korea", 5);
    CHECK_INT(a, 1);
    CHECK_INT(b, 2);
    CHECK_INT(c, 1);
    CHECK_INT(dy_intern_count(t), 2);
    CHECK_INT(dy_intern_find(t, "north", 5), 2);
    CHECK_INT(dy_intern_find(t, "south", 5), 0);
    CHECK_INT(dy_intern_find(t, "kore", 4), 0);
    size_t n = 99;
    const char *s = dy_intern_str(t, 2, &n);
    CHECK_STR(s, "north");
    CHECK_INT(n, 5);
    CHECK(dy_intern_str(t, 0, &n) == NULL);
    CHECK(dy_intern_str(t, 3, &n) == NULL);
    CHECK_INT(n, 0);
    dy_intern_free(&t);
    CHECK(t == NULL);
    dy_intern_free(&t); /* NULL-safe */
}

TEST(empty_and_binary_strings)
{
    dy_intern *t = dy_intern_new(NULL);
    if (!t) { CHECK(0); return; }
    uint32_t e = dy_intern_add(t, "", 0);
    CHECK(e != 0);
    CHECK_INT(dy_intern_add(t, "", 0), e);
    CHECK_INT(dy_intern_find(t, "", 0), e);
    CHECK_STR(dy_intern_str(t, e, NULL), "");
    /* embedded NUL and prefix relationships */
    uint32_t x = dy_intern_add(t, "a\0b", 3);
    uint32_t y = dy_intern_add(t, "a", 1);
    CHECK(x != y);
    CHECK_INT(dy_intern_find(t, "a\0b", 3), x);
    size_t n = 0;
    const char *s = dy_intern_str(t, x, &n);
    CHECK_INT(n, 3);
    CHECK(s && memcmp(s, "a\0b", 3) == 0);
    dy_intern_free(&t);
}

TEST(base_layering)
{
    dy_intern *base = dy_intern_new(NULL);
    if (!base) { CHECK(0); return; }
    CHECK_INT(dy_intern_add(base, "attack", 6), 1);
    CHECK_INT(dy_intern_add(base, "meet", 4), 2);
    dy_intern *top = dy_intern_new(base);
    if (!top) { CHECK(0); dy_intern_free(&base); return; }
    CHECK_INT(dy_intern_count(top), 2);
    CHECK_INT(dy_intern_add(top, "meet", 4), 2);      /* from base */
    CHECK_INT(dy_intern_add(top, "pyongyang", 9), 3); /* above base */
    CHECK_INT(dy_intern_count(base), 2);              /* base untouched */
    CHECK_INT(dy_intern_find(base, "pyongyang", 9), 0);
    CHECK_INT(dy_intern_find(top, "attack", 6), 1);
    CHECK_STR(dy_intern_str(top, 1, NULL), "attack");
    CHECK_STR(dy_intern_str(top, 3, NULL), "pyongyang");
    /* a third layer */
    dy_intern *top2 = dy_intern_new(top);
    if (top2) {
        CHECK_INT(dy_intern_add(top2, "pyongyang", 9), 3);
        CHECK_INT(dy_intern_add(top2, "seoul", 5), 4);
        CHECK_STR(dy_intern_str(top2, 2, NULL), "meet");
        dy_intern_free(&top2);
    } else CHECK(0);
    /* clear drops only the layer's own entries */
    dy_intern_clear(top);
    CHECK_INT(dy_intern_count(top), 2);
    CHECK_INT(dy_intern_find(top, "pyongyang", 9), 0);
    CHECK_INT(dy_intern_find(top, "attack", 6), 1);
    CHECK_INT(dy_intern_add(top, "seoul", 5), 3);
    CHECK(dy_intern_str(top, 4, NULL) == NULL);
    dy_intern_free(&top);
    dy_intern_free(&base);
}

TEST(clear_and_reuse)
{
    dy_intern *t = dy_intern_new(NULL);
    if (!t) { CHECK(0); return; }
    char buf[32];
    /* grow the table big, then clear with few entries (sparse path) */
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(buf, sizeof buf, "w%d", i);
        CHECK_INT(dy_intern_add(t, buf, (size_t)n), (uint32_t)i + 1);
    }
    dy_intern_clear(t);
    CHECK_INT(dy_intern_count(t), 0);
    CHECK_INT(dy_intern_find(t, "w5", 2), 0);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 100; i++) {
            int n = snprintf(buf, sizeof buf, "r%d-%d", round, i);
            CHECK_INT(dy_intern_add(t, buf, (size_t)n), (uint32_t)i + 1);
        }
        for (int i = 0; i < 100; i++) {
            int n = snprintf(buf, sizeof buf, "r%d-%d", round, i);
            CHECK_INT(dy_intern_find(t, buf, (size_t)n), (uint32_t)i + 1);
        }
        dy_intern_clear(t);
        CHECK_INT(dy_intern_count(t), 0);
        int n = snprintf(buf, sizeof buf, "r%d-%d", round, 7);
        CHECK_INT(dy_intern_find(t, buf, (size_t)n), 0);
    }
    dy_intern_clear(t); /* clear of an empty table */
    dy_intern_free(&t);
}

TEST(long_strings)
{
    dy_intern *t = dy_intern_new(NULL);
    if (!t) { CHECK(0); return; }
    size_t big = 200000;
    char *s = malloc(big);
    if (!s) { dy_intern_free(&t); CHECK(0); return; }
    memset(s, 'x', big);
    uint32_t a = dy_intern_add(t, s, big);
    s[big - 1] = 'y';
    uint32_t b = dy_intern_add(t, s, big);
    CHECK(a != 0 && b != 0 && a != b);
    CHECK_INT(dy_intern_find(t, s, big), b);
    size_t n = 0;
    const char *p = dy_intern_str(t, a, &n);
    CHECK_INT(n, big);
    CHECK(p && p[0] == 'x' && p[big - 1] == 'x' && p[big] == '\0');
    free(s);
    dy_intern_free(&t);
}

/* Naive reference: a flat array searched linearly through a bucket index. */
typedef struct { char *s; size_t n; } naive_ent;

static uint64_t rng_state = 0x853C49E6748FEA9Bull;
static uint32_t rnd(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

TEST(random_vs_naive)
{
    enum { N = 100000, NB = 65536 };
    dy_intern *base = dy_intern_new(NULL);
    dy_intern *t = base ? dy_intern_new(base) : NULL;
    naive_ent *ref = calloc(N + 1, sizeof *ref);
    int *bhead = malloc(NB * sizeof *bhead), *bnext = calloc(N + 1, sizeof *bnext);
    if (!base || !t || !ref || !bhead || !bnext) { CHECK(0); goto out; }
    for (int i = 0; i < NB; i++) bhead[i] = 0;
    uint32_t nref = 0, mism = 0;
    int based = 0;
    for (int i = 0; i < N; i++) {
        char buf[40];
        /* short strings from a small alphabet so many repeat */
        size_t n = 1 + rnd() % (i % 7 == 0 ? 30 : 5);
        for (size_t k = 0; k < n; k++) buf[k] = (char)("abcdeKR'-.\xc3\xa1"[rnd() % 13]);
        uint32_t bh = 0;
        for (size_t k = 0; k < n; k++) bh = bh * 31 + (unsigned char)buf[k];
        bh %= NB;
        uint32_t want = 0;
        for (int e = bhead[bh]; e; e = bnext[e])
            if (ref[e].n == n && memcmp(ref[e].s, buf, n) == 0) { want = (uint32_t)e; break; }
        /* the first 1000 distinct strings go to the base */
        dy_intern *into = based ? t : base;
        uint32_t got = dy_intern_add(into, buf, n);
        if (!want) {
            want = ++nref;
            ref[want].s = malloc(n);
            if (!ref[want].s) { CHECK(0); goto out; }
            memcpy(ref[want].s, buf, n);
            ref[want].n = n;
            bnext[want] = bhead[bh];
            bhead[bh] = (int)want;
        }
        if (!based && nref >= 1000) {
            based = 1;
            /* re-create the layer now that the base is frozen */
            dy_intern_free(&t);
            t = dy_intern_new(base);
            if (!t) { CHECK(0); goto out; }
        }
        if (got != want) mism++;
    }
    CHECK_INT(mism, 0);
    CHECK_INT(dy_intern_count(t), nref);
    /* every string found again, every id maps back */
    uint32_t bad = 0;
    for (uint32_t id = 1; id <= nref; id++) {
        size_t n = 0;
        const char *s = dy_intern_str(t, id, &n);
        if (!s || n != ref[id].n || memcmp(s, ref[id].s, n) != 0) bad++;
        if (dy_intern_find(t, ref[id].s, ref[id].n) != id) bad++;
    }
    CHECK_INT(bad, 0);
out:
    if (ref) for (uint32_t i = 0; i <= N; i++) free(ref[i].s);
    free(ref);
    free(bhead);
    free(bnext);
    dy_intern_free(&t);
    dy_intern_free(&base);
}

/* dy_intern_add_many gives the ids of one dy_intern_add per string, in
 * order, on a layered table (strings of the base, repeats, new ones, long
 * ones and batches longer than its look-ahead) */
TEST(add_many_matches_add)
{
    enum { N = 3000 };
    dy_intern *base = dy_intern_new(NULL);
    dy_intern *a = base ? dy_intern_new(base) : NULL;
    dy_intern *b = base ? dy_intern_new(base) : NULL;
    static char buf[N][48];
    static const char *ks[N];
    static uint32_t kn[N], ids[N];
    uint32_t mism = 0;
    if (!base || !a || !b) { CHECK(0); goto out; }
    for (int i = 0; i < 500; i++) {
        char w[32];
        int n = snprintf(w, sizeof w, "base%d", i * 7);
        CHECK(dy_intern_add(base, w, (size_t)n) != 0);
    }
    for (int i = 0; i < N; i++) {
        int n;
        if (i % 5 == 0)
            n = snprintf(buf[i], sizeof buf[i], "base%d", (i * 13) % 3500);
        else if (i % 7 == 0)
            n = snprintf(buf[i], sizeof buf[i], "a-rather-long-word-number-%d-of-the-batch", i % 40);
        else
            n = snprintf(buf[i], sizeof buf[i], "w%d", (i * 31) % 900);
        ks[i] = buf[i];
        kn[i] = (uint32_t)n;
    }
    /* in uneven batches on a, one by one on b */
    for (int i = 0; i < N;) {
        int m = 1 + (i % 37) * 3;
        if (m > N - i) m = N - i;
        CHECK_INT(dy_intern_add_many(a, ks + i, kn + i, (size_t)m, ids + i), 0);
        i += m;
    }
    for (int i = 0; i < N; i++)
        if (ids[i] == 0 || ids[i] != dy_intern_add(b, ks[i], kn[i])) mism++;
    CHECK_INT(mism, 0);
    CHECK_INT(dy_intern_count(a), dy_intern_count(b));
    CHECK(dy_intern_count(a) > dy_intern_count(base));
    /* an empty batch, and bad arguments */
    CHECK_INT(dy_intern_add_many(a, NULL, NULL, 0, NULL), 0);
    CHECK_INT(dy_intern_add_many(NULL, ks, kn, 1, ids), -1);
    CHECK_INT(dy_intern_add_many(a, NULL, kn, 1, ids), -1);
out:
    dy_intern_free(&a);
    dy_intern_free(&b);
    dy_intern_free(&base);
}

int main(void)
{
    RUN(ids_dense_and_stable);
    RUN(empty_and_binary_strings);
    RUN(base_layering);
    RUN(clear_and_reuse);
    RUN(long_strings);
    RUN(random_vs_naive);
    RUN(add_many_matches_add);
    return harness_done();
}
