/* intern.c — string interner (see intern.h): an open-addressing hash table
 * with linear probing, layered on an optional frozen base.
 *
 * Layout: each slot holds the high 32 hash bits, the local index + 1 (0 =
 * empty) and the string pointer, so a lookup touches one slot and the string
 * (2 cache misses at most). Strings live in chunked buffers owned by the
 * table as [uint32 length][bytes][NUL], so pointers handed out stay valid
 * until dy_intern_clear/free. `ents[local]` (pointer, length, low 32 hash
 * bits) serves id -> string and rehashing; lookups never touch it. Ids: 1..base_count belong to the base
 * chain, base_count+1.. to this layer, dense in insertion order.
 * A layer never stores a string its base already has. */
#include "intern.h"
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (64u * 1024u)
#define MIN_SLOTS 256u

typedef struct chunk {
    struct chunk *next;
    size_t cap;
    char data[];
} chunk;

typedef struct slot {
    uint32_t tag;        /* hash >> 32 */
    uint32_t k;          /* local index + 1; 0 = empty */
    const char *s;
} slot;

typedef struct ent {
    const char *s;
    uint32_t len;
    uint32_t hlo;
} ent;

struct dy_intern {
    const dy_intern *base;
    uint32_t base_count;
    uint32_t n;          /* own entries */
    uint32_t mask;       /* nslots - 1 */
    slot *slots;
    ent *ents;
    uint32_t ents_cap;
    chunk *chunks;       /* newest first; the last one is kept by clear */
    char *cur;           /* free space in chunks */
    size_t left;
};

/* ---- hashing: a small multiply-mix hash written for this table ---- */

static inline uint64_t rd64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint64_t rd32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static inline uint64_t mix64(uint64_t a, uint64_t b)
{
    /* 64x64 -> fold of a multiply, done in two 64-bit multiplies so it stays
     * portable C11 (no __int128). */
    a ^= b * 0x9E3779B97F4A7C15ull;
    a = (a ^ (a >> 29)) * 0xBF58476D1CE4E5B9ull;
    return a ^ (a >> 32);
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0x2D358DCCAA6C78A5ull ^ ((uint64_t)n * 0x8BB84B93962EACC9ull);
    if (n <= 8) {
        uint64_t v;
        if (n >= 4) v = (rd32(p) << 32) | rd32(p + n - 4);
        else if (n > 0) v = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
        else v = 0;
        h = mix64(h, v);
    } else {
        while (n > 8) {
            h = mix64(h, rd64(p));
            p += 8;
            n -= 8;
        }
        h = mix64(h, rd64(p + n - 8)); /* overlapping last word */
    }
    h ^= h >> 31;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 29;
    return h;
}

/* ---- lookup ---- */

/* a[0..n) == b[0..n), inlined for the short strings that dominate */
static inline int same(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    if (n >= 8) {
        if (n > 16) return memcmp(a, b, n) == 0;
        return rd64(p) == rd64(q) && rd64(p + n - 8) == rd64(q + n - 8);
    }
    if (n >= 4) return rd32(p) == rd32(q) && rd32(p + n - 4) == rd32(q + n - 4);
    for (size_t k = 0; k < n; k++)
        if (p[k] != q[k]) return 0;
    return 1;
}

static inline uint32_t stored_len(const char *s)
{
    uint32_t n;
    memcpy(&n, s - 4, 4);
    return n;
}

/* Local index+1 of s in t's own entries, or 0. */
static uint32_t find_own(const dy_intern *t, const char *s, size_t n, uint64_t h)
{
    if (t->n == 0) return 0;
    uint32_t tag = (uint32_t)(h >> 32);
    uint32_t i = (uint32_t)h & t->mask;
    for (;;) {
        const slot *v = &t->slots[i];
        if (v->k == 0) return 0;
        if (v->tag == tag && stored_len(v->s) == n && same(v->s, s, n)) return v->k;
        i = (i + 1) & t->mask;
    }
}

/* Global id of s in t or its bases, or 0. */
static uint32_t find_chain(const dy_intern *t, const char *s, size_t n, uint64_t h)
{
    for (; t; t = t->base) {
        uint32_t k = find_own(t, s, n, h);
        if (k) return t->base_count + k;
    }
    return 0;
}

/* ---- construction ---- */

dy_intern *dy_intern_new(const dy_intern *base)
{
    dy_intern *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->base = base;
    t->base_count = base ? dy_intern_count(base) : 0;
    t->slots = calloc(MIN_SLOTS, sizeof *t->slots);
    if (!t->slots) goto fail_table;
    t->mask = MIN_SLOTS - 1;
    return t;

fail_table:
    free(t);
    return NULL;
}

static int grow_slots(dy_intern *t)
{
    uint32_t nslots = (t->mask + 1) * 2;
    if (nslots == 0) return -1;
    slot *ns = calloc(nslots, sizeof *ns);
    if (!ns) return -1;
    uint32_t nmask = nslots - 1;
    for (uint32_t i = 0; i <= t->mask; i++) {
        const slot *v = &t->slots[i];
        if (!v->k) continue;
        uint32_t j = t->ents[v->k - 1].hlo & nmask;
        while (ns[j].k) j = (j + 1) & nmask;
        ns[j] = *v;
    }
    free(t->slots);
    t->slots = ns;
    t->mask = nmask;
    return 0;
}

/* Copy s[0..n) into the chunks as [uint32 n][bytes][NUL]; returns the bytes. */
static char *store(dy_intern *t, const char *s, size_t n)
{
    size_t need = n + 5;
    if (need > t->left) {
        size_t cap = need > CHUNK_SIZE ? need : CHUNK_SIZE;
        chunk *c = malloc(sizeof *c + cap);
        if (!c) return NULL;
        c->cap = cap;
        c->next = t->chunks;
        t->chunks = c;
        t->cur = c->data;
        t->left = cap;
    }
    uint32_t n32 = (uint32_t)n;
    memcpy(t->cur, &n32, 4);
    char *p = t->cur + 4;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    t->cur += need;
    t->left -= need;
    return p;
}

/* dy_intern_add with the hash of s[0..n) already computed. */
static uint32_t add_hashed(dy_intern *t, const char *s, size_t n, uint64_t h)
{
    uint32_t id = find_chain(t, s, n, h);
    if (id) return id;
    if ((uint64_t)t->base_count + t->n + 1 >= UINT32_MAX) return 0;
    /* keep load factor <= 1/2 */
    if ((uint64_t)(t->n + 1) * 2 > (uint64_t)t->mask + 1 && grow_slots(t) != 0) return 0;
    if (t->n == t->ents_cap) {
        uint32_t cap = t->ents_cap ? t->ents_cap * 2 : 256;
        if (cap < t->ents_cap) return 0;
        ent *ne = realloc(t->ents, (size_t)cap * sizeof *ne);
        if (!ne) return 0;
        t->ents = ne;
        t->ents_cap = cap;
    }
    const char *p = store(t, s ? s : "", n);
    if (!p) return 0;
    ent *e = &t->ents[t->n];
    e->s = p;
    e->len = (uint32_t)n;
    e->hlo = (uint32_t)h;
    uint32_t k = ++t->n;
    uint32_t i = (uint32_t)h & t->mask;
    while (t->slots[i].k) i = (i + 1) & t->mask;
    t->slots[i].tag = (uint32_t)(h >> 32);
    t->slots[i].k = k;
    t->slots[i].s = p;
    return t->base_count + k;
}

uint32_t dy_intern_add(dy_intern *t, const char *s, size_t n)
{
    if (!t || (!s && n) || n >= UINT32_MAX) return 0;
    return add_hashed(t, s, n, hash_bytes(s, n));
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* Ask for the home slot of hash h in every layer of t's chain. */
static inline void prefetch_home(const dy_intern *t, uint64_t h)
{
    for (; t; t = t->base)
        if (t->n) PREFETCH(&t->slots[(uint32_t)h & t->mask]);
}

int dy_intern_add_many(dy_intern *t, const char *const *s, const uint32_t *n, size_t count,
                       uint32_t *ids)
{
    /* hashes of the next AHEAD strings, whose home slots are being fetched
     * while the current one is looked up */
    enum { AHEAD = 8 };
    uint64_t hs[AHEAD];
    if (!t || (count && (!s || !n || !ids))) return -1;
    for (size_t i = 0; i < count && i < AHEAD; i++) {
        if ((!s[i] && n[i]) || n[i] == UINT32_MAX) return -1;
        hs[i] = hash_bytes(s[i], n[i]);
        prefetch_home(t, hs[i]);
    }
    for (size_t i = 0; i < count; i++) {
        uint64_t h = hs[i % AHEAD];
        size_t j = i + AHEAD;
        if (j < count) {
            if ((!s[j] && n[j]) || n[j] == UINT32_MAX) return -1;
            hs[j % AHEAD] = hash_bytes(s[j], n[j]);
            prefetch_home(t, hs[j % AHEAD]);
        }
        ids[i] = add_hashed(t, s[i] ? s[i] : "", n[i], h);
        if (!ids[i]) return -1;
    }
    return 0;
}

uint32_t dy_intern_find(const dy_intern *t, const char *s, size_t n)
{
    if (!t || (!s && n)) return 0;
    return find_chain(t, s ? s : "", n, hash_bytes(s ? s : "", n));
}

const char *dy_intern_str(const dy_intern *t, uint32_t id, size_t *n)
{
    while (t && id && id <= t->base_count) t = t->base;
    if (!t || id == 0 || id - t->base_count > t->n) {
        if (n) *n = 0;
        return NULL;
    }
    const ent *e = &t->ents[id - t->base_count - 1];
    if (n) *n = e->len;
    return e->s;
}

uint32_t dy_intern_count(const dy_intern *t)
{
    return t ? t->base_count + t->n : 0;
}

void dy_intern_clear(dy_intern *t)
{
    if (!t || t->n == 0) return;
    uint32_t nslots = t->mask + 1;
    if ((uint64_t)t->n * 8 < nslots) {
        /* Few entries in a big table: zero just their slots. Each entry is
         * found by walking from its home slot to the slot holding its index
         * (empties met on the way are ones already zeroed). */
        for (uint32_t k = 1; k <= t->n; k++) {
            uint32_t i = t->ents[k - 1].hlo & t->mask;
            while (t->slots[i].k != k) i = (i + 1) & t->mask;
            t->slots[i].k = 0;
        }
    } else {
        memset(t->slots, 0, (size_t)nslots * sizeof *t->slots);
    }
    t->n = 0;
    /* keep the oldest chunk, free the rest */
    chunk *c = t->chunks;
    while (c && c->next) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    t->chunks = c;
    if (c) {
        t->cur = c->data;
        t->left = c->cap;
    } else {
        t->cur = NULL;
        t->left = 0;
    }
}

void dy_intern_free(dy_intern **tp)
{
    if (!tp || !*tp) return;
    dy_intern *t = *tp;
    chunk *c = t->chunks;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(t->ents);
    free(t->slots);
    free(t);
    *tp = NULL;
}
