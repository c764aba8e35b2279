/* coder.c — TABARI-style sparse parsing and event coding of one sentence at
 * a time (TABARI manual ch. 5-7): filter the text into words, give every
 * word the dictionary literals it starts with, assign roots (longest match
 * in characters), mark nouns (determiner / capitalisation), compound actors,
 * comma-delimited subordinate clauses, conjunction clauses and pronoun
 * references, then walk the verbs of each clause and match their patterns
 * ($ + % ^ * and connectors) forward and backward from the verb, pick source
 * and target by the default rules, handle passive voice, paired, subordinate
 * and dominant codes, compound actors (parsed and coded) and agents.
 * Everything per sentence lives in the article arena; the dictionary is only
 * read. */
#include "coder.h"
#include "cameo.h"
#include "dict_int.h"
#include "dyad.h"
#include "issues.h"
#include "place.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define F_INITCAP 1u
#define F_MIDCAP 2u

typedef struct litent { uint32_t lit; uint8_t exact, kind; } litent;   /* kind: d->litkind[lit] */

typedef struct word {
    uint32_t off, len;       /* span in the sentence's source text (absolute norm offsets) */
    const char *up;          /* upper-case filtered text */
    uint32_t uplen;
    uint32_t flags;
    int32_t lit0, nlit;      /* into cx->lits; nlit = 0: no literals */
    uint8_t comma, number;
} word;

typedef struct tag { uint16_t type; uint32_t index; int32_t next; } tag;

typedef struct synt {
    uint8_t wtype;
    uint8_t compd;
    uint32_t iroot;
    int32_t head, tail;      /* tag lists */
} synt;

typedef struct actor {
    uint32_t actor;          /* string id of the first code (or special) */
    uint32_t agent;          /* string id of "~GOV" etc. */
    uint32_t index;          /* adate index when the code is a coded compound */
    int32_t where;           /* word index, -2 = default actor */
    uint32_t rootidx, agtidx;
} actor;

typedef struct evt {
    actor src, tar;
    uint32_t event;          /* code string id */
    uint8_t special;         /* SC_* of the event code */
    uint8_t fissub, fisdom, fisevt;
    int32_t evtloc;
} evt;

/* Buffers reused from one sentence to the next within a document, so that
 * the arena grows with the longest sentence, not with their number. */
typedef struct scratch {
    char *f; uint32_t *fo; size_t capf;
    word *w; size_t capw;
    char *up; size_t capup;
    struct synt *s; size_t caps;
    litent *lits; int32_t caplits;
    struct tag *tags; int32_t captags;
    struct evt *ev; int32_t capev;
} scratch;

/* A buffer of at least need elements of elsz bytes, from the arena when
 * the one kept in *p is too small. */
static void *sc_buf(dy_arena *a, void *p, size_t *cap, size_t need, size_t elsz)
{
    if (p && *cap >= need) return p;
    size_t nc = need < 64 ? 64 : need + need / 2;
    void *q = dy_arena_alloc(a, nc * elsz);
    if (q) *cap = nc;
    return q;
}

typedef struct cx {
    scratch *sc;
    const dy_dict *d;
    const dy_code_opts *o;
    dy_arena *a;
    int32_t date;
    /* words */
    word *w;
    int32_t n;               /* number of words; synt[n] is Halt */
    synt *s;
    litent *lits; int32_t nlits, caplits;
    tag *tags; int32_t ntags, captags;
    int recaps;
    /* parse results */
    int fhasClauses, fHasDiscard, fIsComplex;
    /* coder state */
    int32_t istart, iend;
    actor theSource, theTarget;
    int fRegularSource, fRegularTarget, fisPassive;
    int32_t indexSource, indexTarget, indexCompound, indexAttrib;
    /* pattern matcher */
    const dy_pel *P; int32_t np, pi, locSynt;
    int isHigh, fskipMode, fullMode, fcond;
    int32_t condloc, condlen, condpi; int condfskip;
    int32_t lenalt;
    /* events */
    evt *ev; int32_t nev, capev;    /* nev = count */
    int fhasDiscard, fhasComplex;
    uint32_t s_null, s_discard, s_complex, s_blank, s_defsrc, s_deftar, s_notar, s_nosrc;
    int oom;
    int skip_noverb, noverb;         /* fast path for sentences without a verb */
    int sent_ncc;                    /* AGENT COUNTRY: sentence_country() result */
    const dy_gazetteer *gaz;         /* PLACE TARGETS: NULL = none */
    uint64_t litbloom[64];           /* literals of the sentence's words (4096-bit filter) */
    uint32_t litkinds;               /* LK_* bits of those literals */
} cx;

/* Is word w exactly s (upper case)? */
static int word_is(const word *w, const char *s)
{
    size_t n = strlen(s);
    return w->uplen == n && !memcmp(w->up, s, n);
}

/* Is word w one of the NULL-terminated list (upper case)? */
static int word_in(const word *w, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (word_is(w, list[i])) return 1;
    return 0;
}

static uint32_t bloom_bit(uint32_t lit) { return (lit * 0x9E3779B1u) >> 20; }

/* May some word of the sentence have literal lit? (no false negatives) */
static int lit_maybe(const cx *c, uint32_t lit)
{
    uint32_t b = bloom_bit(lit);
    return (c->litbloom[b >> 6] & (1ull << (b & 63))) != 0;
}

/* Can a member of synset root syn start here? No member can when each one
 * starts with a literal that no word has. */
static int synset_possible(const cx *c, uint32_t syn)
{
    const dy_dict *d = c->d;
    const dy_root *r = &d->roots[syn];
    for (uint32_t i = 0; i < r->npat; i++) {
        const dy_pattern *pt = &d->pats[r->pat0 + i];
        if (!pt->nph) return 1;
        const dy_pel *e0 = &d->pels[pt->ph];
        if ((e0->conn & DC_SYN) || e0->tok < DL_SYMBOL_LIMIT || lit_maybe(c, e0->tok)) return 1;
    }
    return 0;
}

/* Can pattern p (index in d->pats) match this sentence? No when one of its
 * required literals occurs in no word, or a required synset has no member
 * that can start. */
static int pattern_possible(const cx *c, uint32_t p)
{
    const dy_dict *d = c->d;
    if (!d->preq) return 1;
    const uint32_t *rq = d->reqlits + d->preq[p].first;
    for (uint32_t i = 0; i < d->preq[p].n; i++) {
        if (rq[i] & DY_REQ_SYN) {
            if (!synset_possible(c, rq[i] & ~DY_REQ_SYN)) return 0;
        } else if (!lit_maybe(c, rq[i])) return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- tags */

static int32_t newtag(cx *c, uint16_t type, uint32_t index)
{
    if (c->ntags >= c->captags) {
        int32_t nc = c->captags ? c->captags * 2 : 256;
        tag *t = dy_arena_realloc(c->a, c->tags, (size_t)c->captags * sizeof *t, (size_t)nc * sizeof *t);
        if (!t) { c->oom = 1; return -1; }
        c->tags = t;
        c->captags = nc;
        c->sc->tags = t;
        c->sc->captags = nc;
    }
    int32_t i = c->ntags++;
    c->tags[i].type = type;
    c->tags[i].index = index;
    c->tags[i].next = -1;
    return i;
}

static void addtag(cx *c, int32_t *list, uint16_t type, uint32_t index)
{
    int32_t t = newtag(c, type, index);
    if (t < 0) return;
    if (*list < 0) { *list = t; return; }
    int32_t p = *list;
    while (c->tags[p].next >= 0) p = c->tags[p].next;
    c->tags[p].next = t;
}

static int inrange(const cx *c, int32_t loc) { return loc >= 0 && loc <= c->n; }

static int hasHead(const cx *c, int32_t loc, uint16_t type)
{
    if (!inrange(c, loc)) return 0;
    for (int32_t p = c->s[loc].head; p >= 0; p = c->tags[p].next) if (c->tags[p].type == type) return 1;
    return 0;
}
static int hasHeadIdx(const cx *c, int32_t loc, uint16_t type, uint32_t *idx)
{
    *idx = 0;
    if (!inrange(c, loc)) return 0;
    for (int32_t p = c->s[loc].head; p >= 0; p = c->tags[p].next)
        if (c->tags[p].type == type) { *idx = c->tags[p].index; return 1; }
    return 0;
}
static int checkHead(const cx *c, int32_t loc, uint16_t type, uint32_t idx)
{
    if (!inrange(c, loc)) return 0;
    for (int32_t p = c->s[loc].head; p >= 0; p = c->tags[p].next)
        if (c->tags[p].type == type && c->tags[p].index == idx) return 1;
    return 0;
}
static int hasTail(const cx *c, int32_t loc, uint16_t type)
{
    if (!inrange(c, loc)) return 0;
    for (int32_t p = c->s[loc].tail; p >= 0; p = c->tags[p].next) if (c->tags[p].type == type) return 1;
    return 0;
}
static int hasTailIdx(const cx *c, int32_t loc, uint16_t type, uint32_t idx)
{
    if (!inrange(c, loc)) return 0;
    for (int32_t p = c->s[loc].tail; p >= 0; p = c->tags[p].next)
        if (c->tags[p].type == type && c->tags[p].index == idx) return 1;
    return 0;
}
static uint32_t getTailTag(const cx *c, int32_t loc, uint16_t type)
{
    if (!inrange(c, loc)) return 0;
    for (int32_t p = c->s[loc].tail; p >= 0; p = c->tags[p].next) if (c->tags[p].type == type) return c->tags[p].index;
    return 0;
}
static void changeHead(cx *c, int32_t loc, uint16_t oldt, uint16_t newt)
{
    if (!inrange(c, loc)) return;
    for (int32_t p = c->s[loc].head; p >= 0; p = c->tags[p].next)
        if (c->tags[p].type == oldt) { c->tags[p].type = newt; return; }
}
static void changeTail(cx *c, int32_t loc, uint16_t oldt, uint16_t newt)
{
    if (!inrange(c, loc)) return;
    for (int32_t p = c->s[loc].tail; p >= 0; p = c->tags[p].next)
        if (c->tags[p].type == oldt) { c->tags[p].type = newt; return; }
}
static int checkTailTag(const cx *c, int32_t loc, uint16_t type)
{
    uint32_t idx;
    if (!hasHeadIdx(c, loc, type, &idx)) return 0;
    for (++loc; loc <= c->n; loc++) if (hasTailIdx(c, loc, type, idx)) return 1;
    return 0;
}
static int32_t getReference(const cx *c, int32_t loc)
{
    if (!inrange(c, loc)) return loc;
    for (int32_t p = c->s[loc].head; p >= 0; p = c->tags[p].next)
        if (c->tags[p].type == WT_REFER) return (int32_t)c->tags[p].index;
    return loc;
}
/* skip a segment starting at *i; returns 1 if moved */
static int skipSegment(const cx *c, int32_t *i, uint16_t type)
{
    uint32_t idx;
    if (!hasHeadIdx(c, *i, type, &idx)) return 0;
    while (*i < c->n && !hasTailIdx(c, *i, type, idx)) (*i)++;
    (*i)++;
    return 1;
}

static uint8_t wt(const cx *c, int32_t i)
{
    if (i < 0 || i > c->n) return WT_HALT;
    return c->s[i].wtype;
}

/* ---------------------------------------------------------------- codes */

static const dy_adate *actor_date(const cx *c, uint32_t root)
{
    const dy_dict *d = c->d;
    const dy_root *r = &d->roots[root];
    if (!r->acode) return NULL;
    const dy_acode *ac = &d->acodes[r->acode];
    for (uint32_t i = 0; i < ac->n; i++) {
        const dy_adate *ad = &d->adates[ac->first + i];
        if (ad->lo && c->date < ad->lo) continue;
        if (ad->hi && c->date > ad->hi) continue;
        return ad;
    }
    return NULL;
}

static int root_is_null_actor(const cx *c, uint32_t root)
{
    if (!root || c->d->roots[root].wtype != WT_ACTOR) return 0;
    const dy_adate *ad = actor_date(c, root);
    return !ad || ad->special == SC_NULL;
}

static int root_is_discard(const cx *c, uint32_t root)
{
    if (!root) return 0;
    const dy_root *r = &c->d->roots[root];
    if (r->wtype == WT_ACTOR || (r->wtype == WT_NOUN && r->acode)) {
        const dy_adate *ad = actor_date(c, root);
        return ad && ad->special == SC_DISCARD;
    }
    if (r->has_code && r->vcode.special == SC_DISCARD) return 1;
    return 0;
}

static int root_is_null_verb(const cx *c, uint32_t root)
{
    const dy_root *r = &c->d->roots[root];
    return r->has_code && r->vcode.special == SC_NULL && r->npat == 0;
}

/* ---------------------------------------------------------------- filtering */

/* ASCII character classes (the C locale's), without a ctype call per byte */
enum { CL_LOWER = 1, CL_UPPER = 2, CL_DIGIT = 4, CL_PUNCT = 8, CL_SPACE = 16 };
static const uint8_t cclass[256] = {
    ['\t'] = CL_SPACE, ['\n'] = CL_SPACE, ['\v'] = CL_SPACE, ['\f'] = CL_SPACE, ['\r'] = CL_SPACE, [' '] = CL_SPACE,
    ['!'] = CL_PUNCT, ['"'] = CL_PUNCT, ['#'] = CL_PUNCT, ['$'] = CL_PUNCT, ['%'] = CL_PUNCT, ['&'] = CL_PUNCT,
    ['\''] = CL_PUNCT, ['('] = CL_PUNCT, [')'] = CL_PUNCT, ['*'] = CL_PUNCT, ['+'] = CL_PUNCT, [','] = CL_PUNCT,
    ['-'] = CL_PUNCT, ['.'] = CL_PUNCT, ['/'] = CL_PUNCT, [':'] = CL_PUNCT, [';'] = CL_PUNCT, ['<'] = CL_PUNCT,
    ['='] = CL_PUNCT, ['>'] = CL_PUNCT, ['?'] = CL_PUNCT, ['@'] = CL_PUNCT, ['['] = CL_PUNCT, ['\\'] = CL_PUNCT,
    [']'] = CL_PUNCT, ['^'] = CL_PUNCT, ['_'] = CL_PUNCT, ['`'] = CL_PUNCT, ['{'] = CL_PUNCT, ['|'] = CL_PUNCT,
    ['}'] = CL_PUNCT, ['~'] = CL_PUNCT,
    ['0'] = CL_DIGIT, ['1'] = CL_DIGIT, ['2'] = CL_DIGIT, ['3'] = CL_DIGIT, ['4'] = CL_DIGIT,
    ['5'] = CL_DIGIT, ['6'] = CL_DIGIT, ['7'] = CL_DIGIT, ['8'] = CL_DIGIT, ['9'] = CL_DIGIT,
    ['a'] = CL_LOWER, ['b'] = CL_LOWER, ['c'] = CL_LOWER, ['d'] = CL_LOWER, ['e'] = CL_LOWER, ['f'] = CL_LOWER,
    ['g'] = CL_LOWER, ['h'] = CL_LOWER, ['i'] = CL_LOWER, ['j'] = CL_LOWER, ['k'] = CL_LOWER, ['l'] = CL_LOWER,
    ['m'] = CL_LOWER, ['n'] = CL_LOWER, ['o'] = CL_LOWER, ['p'] = CL_LOWER, ['q'] = CL_LOWER, ['r'] = CL_LOWER,
    ['s'] = CL_LOWER, ['t'] = CL_LOWER, ['u'] = CL_LOWER, ['v'] = CL_LOWER, ['w'] = CL_LOWER, ['x'] = CL_LOWER,
    ['y'] = CL_LOWER, ['z'] = CL_LOWER,
    ['A'] = CL_UPPER, ['B'] = CL_UPPER, ['C'] = CL_UPPER, ['D'] = CL_UPPER, ['E'] = CL_UPPER, ['F'] = CL_UPPER,
    ['G'] = CL_UPPER, ['H'] = CL_UPPER, ['I'] = CL_UPPER, ['J'] = CL_UPPER, ['K'] = CL_UPPER, ['L'] = CL_UPPER,
    ['M'] = CL_UPPER, ['N'] = CL_UPPER, ['O'] = CL_UPPER, ['P'] = CL_UPPER, ['Q'] = CL_UPPER, ['R'] = CL_UPPER,
    ['S'] = CL_UPPER, ['T'] = CL_UPPER, ['U'] = CL_UPPER, ['V'] = CL_UPPER, ['W'] = CL_UPPER, ['X'] = CL_UPPER,
    ['Y'] = CL_UPPER, ['Z'] = CL_UPPER,
};
#define CC(ch) (cclass[(unsigned char)(ch)])

/* Filter text[0..len) (absolute offset base) into words. */
static int make_words(cx *c, const char *text, uint32_t base, uint32_t len)
{
    /* filtered characters with their source offsets */
    scratch *sc = c->sc;
    size_t capf = sc->capf;
    char *f = sc_buf(c->a, sc->f, &capf, (size_t)len * 3 + 4, 1);
    if (!f) return DY_ENOMEM;
    if (f != sc->f) {
        uint32_t *nfo = dy_arena_alloc(c->a, capf * sizeof *nfo);
        if (!nfo) return DY_ENOMEM;
        sc->f = f;
        sc->fo = nfo;
        sc->capf = capf;
    }
    uint32_t *fo = sc->fo;
    uint32_t k = 0;
    unsigned seen = 0;       /* classes of the characters looked at */
    for (uint32_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        unsigned cl = cclass[ch];
        seen |= cl;
        if (!(cl & CL_PUNCT)) {
            /* letters, digits, other bytes are kept; white space is ' ' */
            f[k] = (cl & CL_SPACE) ? ' ' : (char)ch; fo[k++] = base + i;
            continue;
        }
        if (ch == '/' && i + 1 < len && text[i + 1] == '*') {
            i += 2;
            while (i + 1 < len && !(text[i] == '*' && text[i + 1] == '/')) i++;
            i++;
            continue;
        }
        if (ch == ';' || ch == ':' || ch == '(' || ch == ')') {
            f[k] = ' '; fo[k++] = base + i; f[k] = ','; fo[k++] = base + i; f[k] = ' '; fo[k++] = base + i;
        } else if (ch == ',') {
            unsigned char prev = i ? (unsigned char)text[i - 1] : ' ';
            unsigned char next = i + 1 < len ? (unsigned char)text[i + 1] : ' ';
            if (!(CC(prev) & CL_DIGIT) || !(CC(next) & CL_DIGIT)) {
                f[k] = ' '; fo[k++] = base + i; f[k] = ','; fo[k++] = base + i; f[k] = ' '; fo[k++] = base + i;
            }
        } else if (ch == '.') {
            unsigned char prev = i ? (unsigned char)text[i - 1] : ' ';
            unsigned char next = i + 1 < len ? (unsigned char)text[i + 1] : ' ';
            if ((CC(prev) & CL_DIGIT) && (CC(next) & CL_DIGIT)) { f[k] = '.'; fo[k++] = base + i; }
            else if (CC(prev) & CL_UPPER) { f[k] = '.'; fo[k++] = base + i; }
            else { f[k] = ' '; fo[k++] = base + i; }
        } else if (ch == '\'' && i > 0 && (text[i - 1] == 's' || text[i - 1] == 'S') &&
                   (i + 1 >= len || !(CC((unsigned char)text[i + 1]) & (CL_LOWER | CL_UPPER)))) {
            /* plural possessive: "the United States' military" reads as
               "the United States military" */
            f[k] = ' '; fo[k++] = base + i;
        } else if (ch == '\'' || ch == '$') {
            f[k] = (char)ch; fo[k++] = base + i;
        } else if (ch == '"') {
            f[k] = ' '; fo[k++] = base + i; f[k] = '"'; fo[k++] = base + i; f[k] = ' '; fo[k++] = base + i;
        } else { f[k] = ' '; fo[k++] = base + i; }
    }
    c->recaps = !(seen & CL_LOWER);
    f[k] = ' ';
    fo[k] = base + len;
    k++;
    /* words are runs of non-blanks separated by blanks: at most k / 2 + 1
       of them (f ends with a blank) */
    size_t maxw = (size_t)k / 2 + 1;
    sc->w = c->w = sc_buf(c->a, sc->w, &sc->capw, maxw + 1, sizeof *c->w);
    if (!c->w) return DY_ENOMEM;
    /* upper-case word texts, each NUL-terminated: at most k + maxw bytes */
    char *upbuf = sc->up = sc_buf(c->a, sc->up, &sc->capup, (size_t)k + maxw + 1, 1);
    if (!upbuf) return DY_ENOMEM;
    c->n = 0;
    int first = 1;
    for (uint32_t i = 0; i < k;) {
        if (f[i] == ' ') { i++; continue; }
        word *wd = &c->w[c->n++];
        char *up = upbuf;
        uint32_t j = i;
        do {   /* f[k - 1] is a blank */
            unsigned char ch = (unsigned char)f[j];
            up[j - i] = (char)(ch - ((cclass[ch] & CL_LOWER) << 5));
            j++;
        } while (f[j] != ' ');
        up[j - i] = '\0';
        upbuf += j - i + 1;
        memset(wd, 0, sizeof *wd);
        wd->up = up;
        wd->uplen = j - i;
        wd->off = fo[i];
        wd->len = fo[j - 1] - fo[i] + 1;
        if (!c->recaps && (CC((unsigned char)f[i]) & CL_UPPER)) {
            if (first) { wd->flags = F_INITCAP; first = 0; }
            else wd->flags = F_MIDCAP;
        }
        i = j;
    }
    memset(&c->w[c->n], 0, sizeof *c->w);
    return 0;
}

/* literals that the word starts with (TABARI: literal is a prefix of the word;
 * one-letter literals only for one-letter words) */
static int word_literals(cx *c, word *wd)
{
    const dy_dict *d = c->d;
    wd->lit0 = c->nlits;
    wd->nlit = 0;
    uint32_t node = 0;
    for (uint32_t L = 1; L <= wd->uplen; L++) {
        /* walk the literal trie: every literal that is a prefix of the word */
        node = dy_trie_step(d, node, (unsigned char)wd->up[L - 1]);
        if (!node) break;
        uint32_t id = d->tnodes[node].lit;
        if (!id || id < DL_SYMBOL_LIMIT) continue;
        if (L == 1 && wd->uplen > 1 && (CC(wd->up[1]) & (CL_LOWER | CL_UPPER | CL_DIGIT))) continue;
        if (c->nlits >= c->caplits) {
            int32_t nc = c->caplits ? c->caplits * 2 : 256;
            litent *l = dy_arena_realloc(c->a, c->lits, (size_t)c->caplits * sizeof *l, (size_t)nc * sizeof *l);
            if (!l) return DY_ENOMEM;
            c->lits = l;
            c->caplits = nc;
            c->sc->lits = l;
            c->sc->caplits = nc;
        }
        c->lits[c->nlits].lit = id;
        c->lits[c->nlits].exact = (uint8_t)(L == wd->uplen);
        c->lits[c->nlits].kind = d->litkind[id];
        c->litkinds |= d->litkind[id];
        uint32_t b = bloom_bit(id);
        c->litbloom[b >> 6] |= 1ull << (b & 63);
        c->nlits++;
        wd->nlit++;
    }
    return 0;
}

/* 0 not in list, 1 partial, 2 exact */
static int hasLitr(const cx *c, int32_t loc, uint32_t lit)
{
    if (loc < 0 || loc >= c->n) return 0;
    const word *wd = &c->w[loc];
    if (wd->comma || wd->number) return 0;
    for (int32_t i = 0; i < wd->nlit; i++)
        if (c->lits[wd->lit0 + i].lit == lit) return c->lits[wd->lit0 + i].exact ? 2 : 1;
    return 0;
}

/* ---------------------------------------------------------------- roots */

static int matchLex(cx *c, const dy_root *r, int32_t begin, int32_t *nmatch, int32_t *matched, int32_t *nmatched)
{
    const dy_dict *d = c->d;
    int32_t k = begin;
    int fskip = 0;
    *nmatch = 0;
    *nmatched = 0;
    for (uint32_t e = 0; e < r->nph; e++) {
        const dy_pel *pe = &d->pels[r->ph + e];
        int found = 0;
        for (;;) {
            if (k >= c->n) return 0;
            if (c->w[k].comma) return 0;
            if (hasLitr(c, k, pe->tok)) { found = 1; break; }
            if (fskip) { k++; continue; }
            return 0;
        }
        (void)found;
        if (*nmatched < 64) matched[(*nmatched)++] = k;
        uint32_t litlen = d->lits[pe->tok].len;
        *nmatch += (int32_t)litlen;
        const word *wd = &c->w[k];
        if (wd->uplen > litlen && !(pe->conn & DC_SKIP)) {
            if (pe->conn == DC_EQUAL) return 0;
            const char *sfx = wd->up + litlen;
            uint32_t rem = wd->uplen - litlen;
            int last = e + 1 == r->nph;
            if (r->wtype == WT_ACTOR || r->wtype == WT_AGENT || r->wtype == WT_NOUN) {
                if (!last) return 0;
                if (rem == 1 && sfx[0] == 'S') { *nmatch += 1; return 1; }
                if (rem == 2 && sfx[1] == 'S' && (sfx[0] == '\'' || sfx[0] == 'E')) { *nmatch += 2; return 1; }
            }
            if (r->wtype == WT_VERB) {
                if (!last) return 0;
                if (rem == 1 && sfx[0] == 'S') { *nmatch += 1; return 1; }
                if (rem == 2 && sfx[0] == 'E' && (sfx[1] == 'D' || sfx[1] == 'S' || sfx[1] == 'N')) { *nmatch += 2; return 1; }
                if (rem == 3 && !memcmp(sfx, "ING", 3)) { *nmatch += 3; return 1; }
                if (rem == 1 && sfx[0] == 'D' && litlen && wd->up[litlen - 1] == 'E') { *nmatch += 1; return 1; }
            }
            return 0;
        }
        fskip = (pe->conn & DC_PART) != 0;
        k++;
    }
    return 1;
}

/* best root so far for one word: the longest match in characters; on a tie
 * the earlier literal of the word, then the earlier root in load order
 * (the order TABARI tries them in) */
typedef struct rootbest {
    int32_t maxmatch, li, nbest;
    int32_t limit;           /* matches must end before this word */
    uint32_t root;
    int32_t best[64];
} rootbest;

static void try_root(cx *c, int32_t i, int32_t li, uint32_t root, rootbest *b)
{
    const dy_root *r = &c->d->roots[root];
    if (r->wtype == WT_NULL) return;
    int32_t nmatch, nm = 0, matched[64];
    if (!matchLex(c, r, i, &nmatch, matched, &nm)) return;
    if (nm && matched[nm - 1] >= b->limit) return;
    if (r->caps && c->o->case_actors && !c->recaps) {
        /* SET: CASE ACTORS: capitalised dictionary words need capitals */
        for (int32_t q = 0; q < nm && q < 8; q++)
            if ((r->caps & (1u << q)) && !c->w[matched[q]].flags) return;
    }
    /* a tie in length goes to the earlier literal (TABARI); with SET:
       LONGEST ACTOR an actor or agent written as the word itself wins over
       a shorter literal plus an ending ("AIDES_" [~GOV] over AID + -ES) */
    int longer = c->o->longest_actor && nmatch == b->maxmatch && li > b->li && nm == 1 &&
                 c->lits[c->w[i].lit0 + li].exact && (r->wtype == WT_ACTOR || r->wtype == WT_AGENT);
    if (nmatch > b->maxmatch || longer || (nmatch == b->maxmatch && nmatch && li == b->li && root < b->root)) {
        b->maxmatch = nmatch;
        b->li = li;
        b->root = root;
        memcpy(b->best, matched, (size_t)nm * sizeof *b->best);
        b->nbest = nm;
    }
}

/* the best root starting at word i (b->maxmatch = 0: none) */
static void best_root(cx *c, int32_t i, rootbest *b, int32_t limit)
{
    const dy_dict *d = c->d;
    word *wd = &c->w[i];
    b->limit = limit;
    b->maxmatch = 0;
    b->li = -1;
    b->root = 0;
    b->nbest = 0;
    const word *nx = i + 1 < c->n ? &c->w[i + 1] : NULL;
    if (nx && (nx->comma || nx->number)) nx = NULL;
    for (int32_t li = 0; li < wd->nlit; li++) {
        if (!c->lits[wd->lit0 + li].kind) continue;   /* starts no root */
        uint32_t lit = c->lits[wd->lit0 + li].lit;
        for (uint32_t e = d->rsfirst[lit]; e < d->rsfirst[lit + 1]; e++) try_root(c, i, li, d->rsingle[e], b);
        uint32_t pm = nx ? d->litpair[lit] : 0;
        if (!pm) continue;
        for (int32_t lj = 0; lj < nx->nlit; lj++) {
            uint32_t l2 = c->lits[nx->lit0 + lj].lit;
            if (!(pm & dy_rpair_bit(l2))) continue;
            const dy_rpair *p = dy_rpair_find(d, lit, l2);
            if (!p) continue;
            for (uint32_t e = 0; e < p->n; e++) try_root(c, i, li, d->rpairroots[p->first + e], b);
        }
    }
}

/* SET: LONGEST ACTOR: the word where a longer actor or agent match starts
   inside the multi-word actor/agent match b at word i and ends after it;
   0 when none does. */
static int32_t overlapped(cx *c, int32_t i, const rootbest *b)
{
    uint8_t t = c->d->roots[b->root].wtype;
    if (b->nbest < 2 || (t != WT_ACTOR && t != WT_AGENT)) return 0;
    int32_t last = b->best[b->nbest - 1];
    for (int32_t j = i + 1; j <= last && j < c->n; j++) {
        const word *wd = &c->w[j];
        if (wd->comma || wd->number || !wd->nlit) continue;
        rootbest o;
        best_root(c, j, &o, c->n);
        if (!o.maxmatch || !o.nbest) continue;
        uint8_t ot = c->d->roots[o.root].wtype;
        if ((ot == WT_ACTOR || ot == WT_AGENT) && o.best[o.nbest - 1] > last && o.maxmatch > b->maxmatch) return j;
    }
    return 0;
}

static void make_synt(cx *c)
{
    const dy_dict *d = c->d;
    rootbest b;
    for (int32_t i = 0; i < c->n; i++) {
        synt *sy = &c->s[i];
        if (sy->wtype != WT_NULL) continue;
        word *wd = &c->w[i];
        if (wd->comma) { sy->wtype = WT_COMMA; continue; }
        if (wd->number) { sy->wtype = WT_NUMBER; continue; }
        if (!wd->nlit) continue;
        best_root(c, i, &b, c->n);
        int32_t ov;
        if (b.maxmatch && b.nbest && c->o->longest_actor && (ov = overlapped(c, i, &b)) > 0)
            best_root(c, i, &b, ov);   /* the longest root at i that ends before ov */
        if (b.maxmatch && b.nbest) {
            uint8_t t = d->roots[b.root].wtype;
            sy->iroot = b.root;
            addtag(c, &sy->head, t, 1);
            for (int32_t q = 0; q < b.nbest; q++) c->s[b.best[q]].wtype = t;
            addtag(c, &c->s[b.best[b.nbest - 1]].tail, t, 1);
        }
    }
}

/* ---------------------------------------------------------------- parse */

/* A participle used as an adjective before the noun it qualifies, with no
   subject before it: "Armed separatists attacked ...", "arrested masked
   gunmen" (dyad extension, with SET: PARTICIPLE). */
static int participle_adjective(const cx *c, int32_t i)
{
    if (!c->o->participle || i + 1 >= c->n) return 0;
    const word *w = &c->w[i];
    if (w->uplen < 4 || memcmp(w->up + w->uplen - 2, "ED", 2)) return 0;
    if (!hasHead(c, i, WT_VERB) || !hasTail(c, i, WT_VERB)) return 0;   /* one-word verb */
    uint8_t nt = c->s[i + 1].wtype;
    if (!((nt == WT_AGENT && hasHead(c, i + 1, WT_AGENT)) || (nt == WT_ACTOR && hasHead(c, i + 1, WT_ACTOR)))) return 0;
    if (i == 0) return 1;
    uint8_t pt = c->s[i - 1].wtype;
    if (pt == WT_PREP) return 1;
    /* after a past-tense verb: "arrested masked gunmen" */
    const word *p = &c->w[i - 1];
    return pt == WT_VERB && p->uplen > 3 && !memcmp(p->up + p->uplen - 2, "ED", 2);
}

static void mark_nouns(cx *c)
{
    for (int32_t i = 0; i < c->n; i++) {
        synt *sy = &c->s[i];
        uint32_t ti;
        if (sy->wtype == WT_VERB && (i > 0 || participle_adjective(c, i))) {
            if (i == 0 || c->s[i - 1].wtype == WT_DETERM || (c->w[i].flags & F_MIDCAP) || participle_adjective(c, i)) {
                sy->wtype = WT_NOUN;
                if (hasHeadIdx(c, i, WT_VERB, &ti)) {
                    int32_t j = i;
                    changeHead(c, i, WT_VERB, WT_NOUN);
                    while (!hasTailIdx(c, j, WT_VERB, ti)) {
                        j++;
                        if (j >= c->n) { j--; break; }
                        if (c->s[j].wtype == WT_VERB && !hasHead(c, j, WT_VERB)) c->s[j].wtype = WT_NOUN;
                    }
                    changeTail(c, j, WT_VERB, WT_NOUN);
                }
            }
        } else if (hasHeadIdx(c, i, WT_ACTOR, &ti) && root_is_null_actor(c, sy->iroot)) {
            changeHead(c, i, WT_ACTOR, WT_NOUN);
            sy->wtype = WT_NOUN;
            while (!hasTailIdx(c, i, WT_ACTOR, ti)) {
                i++;
                if (i >= c->n) { i--; break; }
                if (c->s[i].wtype == WT_ACTOR && !hasHead(c, i, WT_ACTOR)) c->s[i].wtype = WT_NOUN;
            }
            changeTail(c, i, WT_ACTOR, WT_NOUN);
        }
    }
}

/* SET: CONVERT CODES: is the agent of root one of the listed codes? */
static int convert_code_ok(const cx *c, uint32_t root)
{
    const char *agt = dy_dict_strget(c->d, c->d->roots[root].agent);
    if (*agt == '~') agt++;
    if (strlen(agt) < 3) return 0;
    char k[6] = { ' ', agt[0], agt[1], agt[2], ' ', 0 };
    return strstr(c->o->convert_codes, k) != NULL;
}

/* CONVERT CODES: an agent outside the list is still converted when it is
   a title before a name: the word after it (a: the agent's last word) is
   capitalised and not coded ("President Omar al-Bashir", "Judge Alejandro
   Rivera"). */
static int titled_name(const cx *c, int32_t a)
{
    int32_t k = a + 1;
    return k < c->n && (c->w[k].flags & F_MIDCAP) && c->s[k].wtype == WT_NULL && !c->w[k].comma;
}

static void convert_agents(cx *c)
{
    for (int32_t a = 0; a < c->n; a++) {
        if (c->s[a].wtype != WT_AGENT) continue;
        uint32_t ti;
        if (a > 0 && (c->s[a - 1].wtype == WT_ACTOR || hasTail(c, a - 1, WT_ACTOR) ||
                      (c->d->root_former && c->s[a - 1].iroot == c->d->root_former))) {
            hasHeadIdx(c, a, WT_AGENT, &ti);
            while (a < c->n && !hasTailIdx(c, a, WT_AGENT, ti)) a++;
        } else {
            int32_t h = a;
            int conv = 1;
            if (!hasHeadIdx(c, a, WT_AGENT, &ti)) continue;
            while (a < c->n && !hasTailIdx(c, a, WT_AGENT, ti)) a++;
            if (a >= c->n) return;
            if (a < c->n - 1 && hasHead(c, a + 1, WT_ACTOR)) conv = 0;
            if (conv && a + 1 < c->n - 1 && c->s[a + 1].wtype == WT_PREP && c->s[a + 2].wtype == WT_ACTOR) conv = 0;
            if (conv && c->o->convert_codes[0] && !convert_code_ok(c, c->s[h].iroot) && !titled_name(c, a)) conv = 0;
            if (conv && c->o->agent_country && h > 0 && c->s[h - 1].wtype == WT_PRONOUN) conv = 0;   /* "its troops": the pronoun's */
            if (conv) {
                c->s[h].wtype = WT_ACTOR;
                changeHead(c, h, WT_AGENT, WT_ACTOR);
                changeTail(c, a, WT_AGENT, WT_ACTOR);
            }
        }
    }
}

static void mark_compound(cx *c)
{
    uint32_t cmp = 1;
    for (int32_t i = 0; i < c->n; i++) {
        if (c->s[i].wtype != WT_CONJ) continue;
        if (!(hasLitr(c, i, c->d->lit_and) || hasLitr(c, i, c->d->lit_nor))) continue;
        int32_t pend = -1, pset = -1, a = i + 1;
        while (wt(c, a) == WT_ACTOR || wt(c, a) == WT_DETERM || wt(c, a) == WT_ADJ) {
            if (wt(c, a) == WT_ACTOR && hasHead(c, a, WT_ACTOR)) {
                while (a < c->n && !hasTail(c, a, WT_ACTOR)) a++;
                pend = a;
            }
            a++;
        }
        if (pend < 0) continue;
        int fneed = 0;
        a = i;
        while (a >= 0) {
            uint8_t t = c->s[a].wtype;
            if (!(t == WT_ACTOR || t == WT_CONJ || t == WT_COMMA || t == WT_DETERM || t == WT_ADJ)) break;
            if (t == WT_CONJ || t == WT_COMMA) fneed = 0;
            if (t == WT_ACTOR) {
                if (fneed) break;
                while (a > 0 && !hasHead(c, a, WT_ACTOR)) a--;
                pset = a;
                fneed = 1;
            }
            a--;
        }
        if (pset >= 0) {
            addtag(c, &c->s[pset].head, WT_COMPOUND, cmp);
            addtag(c, &c->s[pend].tail, WT_COMPOUND, cmp);
            for (int32_t q = pset; q <= pend; q++) {
                uint32_t idx;
                if (hasHeadIdx(c, q, WT_COMPOUND, &idx) && idx < cmp) {
                    int32_t loc = q;
                    while (loc < c->n && !hasTailIdx(c, loc, WT_COMPOUND, idx)) loc++;
                    if (loc < c->n) {
                        changeHead(c, q, WT_COMPOUND, WT_NULLTAG);
                        changeTail(c, loc, WT_COMPOUND, WT_NULLTAG);
                    }
                }
            }
            cmp++;
            for (int32_t q = pset; q <= pend; q++) c->s[q].compd = 1;
        }
    }
}

/* SET: FRONTED: the comma that closes a fronted prepositional phrase or
   subordinate clause when the sentence opens with a preposition or
   subordinator ("In a letter to the UN, Iraq said ..."), else -1.
   fronted_start: the word after the comma that closes a fronted
   prepositional phrase or subordinate clause ("In a letter to the UN,
   Iraq said ...") when the sentence opens with one and an actor lies
   between that comma and index, else istart. */
static int32_t fronted_comma(const cx *c)
{
    static const char *const lead[] = {
        "IN", "AFTER", "BEFORE", "DURING", "FOLLOWING", "DESPITE", "SINCE",
        "WHILE", "WHEN", "AS", "AT", "ON", "WITH", "AMID", "AMIDST", "UNDER",
        "THROUGH", "ALTHOUGH", "THOUGH", "UPON", "AHEAD", "WITHOUT", "UNLIKE",
        "BESIDES", "IF", "ONCE", "UNTIL", "AGAINST", "FROM", "FOR",
        "BY", "ACCORDING", "AMONG", "BECAUSE", "WHEREAS", NULL };
    if (c->n < 3) return -1;
    const word *w0 = &c->w[0], *w1 = &c->w[1];
    if (!word_in(w0, lead)) return -1;
    /* quantifiers, not fronted phrases: "At least ten people were killed,
       police said", "As many as 300 ..." */
    if ((word_is(w0, "AT") && (word_is(w1, "LEAST") || word_is(w1, "MOST"))) ||
        (word_is(w0, "AS") && (word_is(w1, "MANY") || word_is(w1, "MUCH"))))
        return -1;
    for (int32_t k = 1; k < c->n; k++)
        if (c->w[k].comma) return k;
    return -1;
}

static int32_t fronted_start(cx *c, int32_t index)
{
    if (c->istart != 0 || c->n < 3) return c->istart;
    int32_t k = fronted_comma(c);
    if (k < 0) return c->istart;
    if (k >= index) return c->istart;
    for (int32_t j = k + 1; j < index; j++)
        if (wt(c, j) == WT_ACTOR && hasHead(c, j, WT_ACTOR)) return k + 1;
    return c->istart;
}

/* SET: APPOSITIVE: the second comma of a sentence that opens with an
   uncoded capitalised name and an appositive naming who that is, right
   before the verb ("Kenzo Oshima, the United Nations relief coordinator,
   demanded ..."), else -1. */
static int32_t appositive_end(const cx *c)
{
    int32_t k = 0;
    while (k < c->n && k < 5 && c->s[k].wtype == WT_NULL && (c->w[k].flags & (F_INITCAP | F_MIDCAP))) k++;
    if (k == 0 || wt(c, k) != WT_COMMA) return -1;
    int named = 0;
    int32_t j = k + 1;
    for (; j < c->n && j <= k + 12 && wt(c, j) != WT_COMMA; j++)
        if (wt(c, j) == WT_ACTOR && hasHead(c, j, WT_ACTOR)) named = 1;
        else if (wt(c, j) == WT_VERB) return -1;
    if (!named || wt(c, j) != WT_COMMA) return -1;
    for (int32_t v = j + 1; v < c->n && v <= j + 3; v++) {
        if (wt(c, v) == WT_VERB) return j;
        if (wt(c, v) == WT_COMMA || wt(c, v) == WT_ACTOR) break;
    }
    return -1;
}

static void mark_subordinate(cx *c)
{
    const dy_code_opts *o = c->o;
    uint32_t sub = 1;
    int32_t i = 0, fc = o->fronted ? fronted_comma(c) : -1;
    if (o->appositive) {
        int32_t ae = appositive_end(c);
        if (ae > 0) i = ae + 1;      /* the name and its appositive are the subject */
    }
    while (wt(c, i) != WT_HALT) {
        if (skipSegment(c, &i, WT_COMPOUND)) continue;
        if (i == fc) { i++; continue; }  /* SET: FRONTED: the main clause follows */
        if (wt(c, i) == WT_COMMA) {
            int32_t pstart = i;
            if (pstart > 0 && i >= o->comma_bmin && i <= o->comma_bmax) {
                addtag(c, &c->s[0].head, WT_SUBORD, sub);
                addtag(c, &c->s[pstart - 1].tail, WT_SUBORD, sub);
                sub++;
            }
            i++;
            while (wt(c, i) != WT_COMMA && wt(c, i) != WT_HALT) {
                if (skipSegment(c, &i, WT_COMPOUND)) continue;
                i++;
            }
            if (i > c->n) i = c->n;
            int32_t len = i - pstart - 1;
            if (wt(c, i) == WT_HALT && len >= o->comma_emin && len <= o->comma_emax) {
                addtag(c, &c->s[pstart].head, WT_SUBORD, sub);
                addtag(c, &c->s[c->n - 1].tail, WT_SUBORD, sub);
                return;
            }
            if (wt(c, i) == WT_COMMA && len >= o->comma_min && len <= o->comma_max) {
                addtag(c, &c->s[pstart].head, WT_SUBORD, sub);
                addtag(c, &c->s[i].tail, WT_SUBORD, sub);
                sub++;
            }
        }
        if (wt(c, i) != WT_HALT) i++;
    }
}

static void null_subordinate(cx *c)
{
    int32_t i = 0;
    if (hasHead(c, 0, WT_SUBORD)) c->s[0].wtype = WT_NULL;
    while (wt(c, i) != WT_HALT) {
        if (hasHead(c, i, WT_SUBORD)) {
            do {
                i++;
                if (i >= c->n) return;
                c->s[i].wtype = WT_NULL;
                for (int32_t p = c->s[i].head; p >= 0; p = c->tags[p].next) {
                    uint16_t t = c->tags[p].type;
                    if (t == WT_NULLTAG || t == WT_SUBORD || t == WT_REFER) continue;
                    int32_t q = i;
                    while (q < c->n && !hasTail(c, q, t)) q++;
                    if (q >= c->n) continue;
                    c->s[i].wtype = WT_NULLTAG;
                    c->tags[p].type = WT_NULLTAG;
                    changeTail(c, q, t, WT_NULLTAG);
                }
                for (int32_t p = c->s[i].tail; p >= 0; p = c->tags[p].next) {
                    uint16_t t = c->tags[p].type;
                    if (t == WT_NULLTAG || t == WT_SUBORD || t == WT_REFER) continue;
                    int32_t q = i;
                    while (q > 0 && !hasHead(c, q, t)) q--;
                    if (!hasHead(c, q, t)) continue;
                    c->tags[p].type = WT_NULLTAG;
                    changeHead(c, q, t, WT_NULLTAG);
                    c->s[q].wtype = WT_NULLTAG;
                }
            } while (!hasTail(c, i, WT_SUBORD));
        }
        if (wt(c, i) == WT_HALT) return;
        i++;
    }
}

/* An agent word, or an agent coded as an actor (CONVERT AGENTS). */
static int is_agent_word(const cx *c, int32_t i)
{
    if (i < 0 || i >= c->n) return 0;
    if (c->s[i].wtype == WT_AGENT) return 1;
    return c->s[i].wtype == WT_ACTOR && c->s[i].iroot && c->d->roots[c->s[i].iroot].wtype == WT_AGENT;
}

static void mark_clauses(cx *c)
{
    uint32_t cl = 1;
    c->fhasClauses = 0;
    addtag(c, &c->s[0].head, WT_CLAUSE, cl);
    int32_t i = 0;
    while (wt(c, i) != WT_HALT) {
        if (skipSegment(c, &i, WT_COMPOUND)) continue;
        if (skipSegment(c, &i, WT_SUBORD)) continue;
        if (wt(c, i) == WT_CONJ && i > 0 && wt(c, i + 1) != WT_HALT) {
            int notPhrase = 1;
            if (wt(c, i - 1) == WT_NOUN) {
                int32_t a = i + 1;
                while (wt(c, a) == WT_ADJ) a++;
                if (wt(c, a) == WT_NOUN) { notPhrase = 0; i = a; }
            }
            if (i > 0 && wt(c, i - 1) == WT_ADJ && wt(c, i + 1) == WT_ADJ) { notPhrase = 0; i++; }
            if (notPhrase && c->o->agent_country && is_agent_word(c, i - 1) && is_agent_word(c, i + 1)) {
                /* dyad extension: "Israeli helicopters and tanks" is one
                   noun phrase, not two clauses */
                notPhrase = 0;
                i++;
            }
            if (notPhrase) {
                c->fhasClauses = 1;
                addtag(c, &c->s[i - 1].tail, WT_CLAUSE, cl);
                cl++;
                addtag(c, &c->s[i + 1].head, WT_CLAUSE, cl);
                i++;
            }
        }
        i++;
    }
    if (i > c->n) i = c->n;
    if (i > 0) addtag(c, &c->s[i - 1].tail, WT_CLAUSE, cl);
}

static void deref_pronouns(cx *c)
{
    for (int32_t i = 0; i < c->n; i++) {
        if (c->s[i].wtype != WT_PRONOUN) continue;
        int32_t idx = -1;
        const dy_root *r = &c->d->roots[c->s[i].iroot];
        if (!r->plural) {
            int32_t a = 0;
            while (a < i) {
                while (a < i && c->s[a].wtype != WT_ACTOR) a++;
                if (a >= i) break;
                uint32_t ci;
                if (hasHeadIdx(c, a, WT_COMPOUND, &ci)) {
                    do a++; while (a < c->n && !hasTailIdx(c, a, WT_COMPOUND, ci));
                    a++;
                } else if (!hasHead(c, a, WT_ACTOR)) a++;
                else { idx = a; break; }
            }
        } else {
            int32_t a = 0;
            while (a < i) {
                while (a < i && c->s[a].wtype != WT_ACTOR) a++;
                if (a >= i) break;
                if (hasHead(c, a, WT_COMPOUND)) { idx = a; break; }
                else if (idx < 0) idx = a;
                a++;
            }
        }
        if (idx >= 0) {
            c->s[i].wtype = WT_ACTOR;
            addtag(c, &c->s[i].head, WT_ACTOR, 1);
            addtag(c, &c->s[i].tail, WT_ACTOR, 1);
            addtag(c, &c->s[i].head, WT_REFER, (uint32_t)idx);
            addtag(c, &c->s[i].tail, WT_REFER, (uint32_t)idx);
        }
    }
}

static void check_discards(cx *c)
{
    c->fHasDiscard = 0;
    for (int32_t i = 0; i < c->n; i++)
        if (root_is_discard(c, c->s[i].iroot)) { c->fHasDiscard = 1; return; }
}

static void evaluate_complexity(cx *c)
{
    const dy_code_opts *o = c->o;
    int nverb = 0, nactor = 0, npron = 0, nconj = 0;
    for (int32_t i = 0; wt(c, i) != WT_HALT;) {
        if (skipSegment(c, &i, WT_SUBORD)) continue;
        if (hasHead(c, i, WT_VERB)) nverb++;
        if (hasHead(c, i, WT_ACTOR)) nactor++;
        if (wt(c, i) == WT_PRONOUN) npron++;
        i++;
    }
    for (int32_t k = 0; k < c->n; k++) {
        if (hasHead(c, k, WT_COMPOUND)) {
            while (k < c->n && !hasTail(c, k, WT_COMPOUND)) k++;
            k++;
        }
        if (wt(c, k) == WT_CONJ) nconj++;
    }
    int32_t iverb = 0;
    while (iverb < c->n) {
        if (skipSegment(c, &iverb, WT_SUBORD)) continue;
        if (wt(c, iverb) == WT_VERB && hasHead(c, iverb, WT_VERB) && !root_is_null_verb(c, c->s[iverb].iroot)) break;
        iverb++;
    }
    int preact = 0, postact = 0;
    if (o->cx_noactprior) {
        preact = 1;
        for (int32_t k = 0; k < iverb && k < c->n;) {
            if (skipSegment(c, &k, WT_SUBORD)) continue;
            if (wt(c, k) == WT_ACTOR) { preact = 0; break; }
            k++;
        }
    }
    if (o->cx_noactafter) {
        postact = 1;
        for (int32_t k = iverb + 1; k < c->n;) {
            if (skipSegment(c, &k, WT_SUBORD)) continue;
            if (wt(c, k) == WT_ACTOR) { postact = 0; break; }
            k++;
        }
    }
    c->fIsComplex = 0;
    if (o->cx_verbs > 0 && nverb >= o->cx_verbs) c->fIsComplex = 1;
    if (o->cx_actors > 0 && nactor >= o->cx_actors) c->fIsComplex = 1;
    if (o->cx_pronouns > 0 && npron >= o->cx_pronouns) c->fIsComplex = 1;
    if (o->cx_conj > 0 && nconj >= o->cx_conj) c->fIsComplex = 1;
    if (o->cx_lateverb > 0 && nverb && iverb >= o->cx_lateverb) c->fIsComplex = 1;
    if (preact || postact) c->fIsComplex = 1;
    if (o->cx_noverb && !nverb) c->fIsComplex = 1;
}

/* ---------------------------------------------------------------- actors */

static void zero_actor(actor *a) { memset(a, 0, sizeof *a); a->where = -1; }
static int actor_empty(const actor *a) { return !a->actor && !a->agent && !a->index; }
static int actor_equal(const actor *a, const actor *b)
{
    return a->actor == b->actor && a->agent == b->agent && a->index == b->index;
}

static int32_t getActorHead(const cx *c, int32_t loc, int *fm)
{
    if (hasHead(c, loc, WT_PRONOUN)) loc = getReference(c, loc);
    int32_t s = loc;
    while (s >= 0 && !hasHead(c, s, WT_ACTOR)) s--;
    if (s < 0) { *fm = 0; return loc; }
    *fm = 1;
    return s;
}

static int32_t getActorTail(const cx *c, int32_t loc)
{
    if (hasHead(c, loc, WT_PRONOUN)) return loc;
    while (loc < c->iend && !hasTail(c, loc, WT_ACTOR)) loc++;
    return loc;
}

/* SET: LOCATIVE: is the actor at loc the object of a place preposition
   ("in", "at", "near", ... optionally followed by "the", "central" or
   "downtown")? */
static int locative_word(const cx *c, int32_t loc)
{
    static const char *const prep[] = { "IN", "AT", "NEAR", "OUTSIDE", "AROUND", "ACROSS",
                                        "THROUGHOUT", "INSIDE", NULL };
    static const char *const mod[] = { "THE", "CENTRAL", "DOWNTOWN", "EASTERN", "WESTERN", "NORTHERN",
                                       "SOUTHERN", "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN",
                                       "SOUTHWESTERN", NULL };
    for (int32_t k = loc - 1, hop = 0; k >= 0 && hop < 3; hop++, k--) {
        const word *w = &c->w[k];
        if (w->comma) return 0;
        if (word_in(w, prep)) return 1;
        if (!word_in(w, mod)) return 0;
    }
    return 0;
}

/* SET: LOCATIVE: the country of a capital or seat of power coded as its
   government (actor code XXXGOV), else 0. */
static uint32_t capital_country(const cx *c, uint32_t id)
{
    const char *code = dy_dict_strget(c->d, id);
    return strlen(code) == 6 && !strcmp(code + 3, "GOV") ? dy_dict_strfind(c->d, code, 3) : 0;
}

static void getActorStructCodes(cx *c, actor *act, int32_t loc)
{
    int guard = 0;
    while (hasHead(c, loc, WT_PRONOUN) && guard++ < 8) {
        int32_t r = getReference(c, loc);
        if (r == loc) break;
        loc = r;
    }
    uint32_t root = inrange(c, loc) ? c->s[loc].iroot : 0;
    zero_actor(act);
    if (!root) return;
    const dy_root *r = &c->d->roots[root];
    act->rootidx = root;
    act->where = loc;
    if (r->wtype == WT_AGENT) { act->actor = r->agent; return; }
    const dy_adate *ad = actor_date(c, root);
    if (!ad || ad->special == SC_NULL) act->actor = c->s_null;
    else if (ad->special == SC_DISCARD) act->actor = c->s_discard;
    else if (ad->special == SC_COMPLEX) act->actor = c->s_complex;
    else if (ad->nparts) act->actor = c->d->aparts[ad->part0];
    else act->actor = c->s_null;
    if (ad && ad->nparts > 1) act->index = (uint32_t)(ad - c->d->adates) + 1;
    if (c->o->locative && !act->index && act->actor < c->s_notar && locative_word(c, loc)) {
        /* SET: LOCATIVE: "in Tbilisi" is the place, not the government */
        uint32_t id = capital_country(c, act->actor);
        if (id) act->actor = id;
    }
}

static int is_compd(const cx *c, int32_t where);

static void findAgent(cx *c, int32_t loc, actor *act)
{
    const dy_dict *d = c->d;
    int32_t tloc = getActorTail(c, loc);
    int hasFormer = 0, found = 0;
    if (wt(c, tloc + 1) == WT_ADJ && d->root_former && c->s[tloc + 1].iroot == d->root_former) { hasFormer = 1; tloc++; }
    if (loc > 0 && !hasFormer && wt(c, loc - 1) == WT_ADJ && d->root_former && c->s[loc - 1].iroot == d->root_former) hasFormer = 1;
    if (wt(c, tloc + 1) == WT_AGENT && hasHead(c, tloc + 1, WT_AGENT)) {
        found = 1;
        act->agtidx = c->s[tloc + 1].iroot;
        act->agent = hasFormer ? d->str_elite : d->roots[c->s[tloc + 1].iroot].agent;
    } else {
        if (loc > 0 && wt(c, loc - 1) == WT_PREP) loc--;
        if (loc > 0 && wt(c, loc - 1) == WT_AGENT && hasTail(c, loc - 1, WT_AGENT)) {
            int32_t s = loc - 1;
            while (s >= 0 && !hasHead(c, s, WT_AGENT)) s--;
            if (s >= 0) {
                found = 1;
                act->agtidx = c->s[s].iroot;
                if (s > 0 && !hasFormer && wt(c, s - 1) == WT_ADJ && d->root_former && c->s[s - 1].iroot == d->root_former) hasFormer = 1;
                act->agent = hasFormer ? d->str_elite : d->roots[c->s[s].iroot].agent;
            }
        }
    }
    if (!found && c->o->longest_actor && is_compd(c, loc)) {
        /* "the foreign ministers of Armenia and Azerbaijan": the role
           before "of" is every member's (SET: LONGEST ACTOR) */
        int32_t s0 = loc;
        while (s0 > 0 && is_compd(c, s0 - 1)) s0--;
        if (s0 > 1 && wt(c, s0 - 1) == WT_PREP && wt(c, s0 - 2) == WT_AGENT && hasTail(c, s0 - 2, WT_AGENT)) {
            int32_t h = s0 - 2;
            while (h >= 0 && !hasHead(c, h, WT_AGENT)) h--;
            if (h >= 0) {
                found = 1;
                act->agtidx = c->s[h].iroot;
                act->agent = d->roots[c->s[h].iroot].agent;
            }
        }
    }
    if (!found) { act->agent = 0; act->agtidx = 0; }
}

static int32_t findActor(cx *c, int32_t loc, actor *act)
{
    while (loc <= c->iend) {
        if (wt(c, loc) == WT_ACTOR && hasHead(c, loc, WT_ACTOR)) {
            getActorStructCodes(c, act, loc);
            findAgent(c, loc, act);
            return loc;
        }
        loc++;
    }
    return -1;
}

static int32_t backActor(cx *c, int32_t loc, actor *act)
{
    while (loc >= c->istart) {
        if (wt(c, loc) == WT_ACTOR) {
            int fm;
            loc = getActorHead(c, loc, &fm);
            if (!fm) return -1;
            getActorStructCodes(c, act, loc);
            findAgent(c, loc, act);
            return loc;
        }
        loc--;
    }
    return -1;
}

static int32_t getCompound2(const cx *c, int32_t loc)
{
    uint32_t idx = getTailTag(c, loc, WT_COMPOUND);
    if (!idx) return -1;
    int32_t s = loc;
    while (s >= 0 && !checkHead(c, s, WT_COMPOUND, idx)) s--;
    return s;
}

static int32_t getCompound(const cx *c, int32_t loc, int *fm)
{
    int32_t s;
    if (hasHead(c, loc, WT_COMPOUND)) {
        if (!checkTailTag(c, loc, WT_COMPOUND)) return -1;
        s = loc;
    } else {
        s = getCompound2(c, loc);
        if (s < 0) return -1;
    }
    *fm = 1;
    return s;
}

/* ---------------------------------------------------------------- patterns */

static int compTarget(cx *c)
{
    const dy_pel *pe = &c->P[c->pi];
    int fm = 0;
    int32_t loc = c->locSynt;
    if (pe->tok >= DL_SYMBOL_LIMIT) {
        int m = hasLitr(c, loc, pe->tok);
        if (m && c->fcond) c->lenalt += (int32_t)c->d->lits[pe->tok].len;
        return m;
    }
    if (pe->tok == DL_SOURCE && wt(c, loc) == WT_ACTOR) c->indexSource = getActorHead(c, loc, &fm);
    else if (pe->tok == DL_TARGET && wt(c, loc) == WT_ACTOR) c->indexTarget = getActorHead(c, loc, &fm);
    else if (pe->tok == DL_ATTRIB && wt(c, loc) == WT_ACTOR) c->indexAttrib = getActorHead(c, loc, &fm);
    else if (pe->tok == DL_SKIP && wt(c, loc) == WT_ACTOR) {
        if (c->isHigh) {
            getActorHead(c, loc, &fm);
            if (fm) c->locSynt = getActorTail(c, loc);
        } else c->locSynt = getActorHead(c, loc, &fm);
    } else if (pe->tok == DL_COMPOUND && hasHead(c, loc, WT_COMPOUND)) {
        int32_t r = getCompound(c, loc, &fm);
        if (r >= 0) c->indexCompound = r;
        else fm = 0;
    }
    return fm ? 2 : 0;
}

static int continueCheck(cx *c)
{
    if (c->isHigh) {
        c->locSynt++;
        if (c->locSynt > c->iend) return 0;
        /* SET: PATTERN COMMAS = STOP: a pattern's words after the verb are
           looked for up to the next comma ("give Tanzania a grant, a
           statement said" is not GIVE ... STATEMENT) */
        if (c->o->comma_stop && wt(c, c->locSynt) == WT_COMMA) return 0;
    } else {
        c->locSynt--;
        if (c->locSynt < 0) return 0;
    }
    return 2;
}

static int nextCheck(cx *c)
{
    if (c->isHigh) {
        if (c->fcond) {
            if (c->pi + 1 < c->np && (c->P[c->pi + 1].tok == DL_OR || c->P[c->pi + 1].tok == DL_CLBR)) {
                c->fcond = 0;
                while (c->pi < c->np && c->P[c->pi].tok != DL_CLBR) c->pi++;
            }
        }
        c->fskipMode = c->pi < c->np && (c->P[c->pi].conn & DC_SKIP);
        c->pi++;
        if (c->pi >= c->np) return 1;
        c->locSynt++;
        if (c->locSynt > c->iend) return 0;
    } else {
        c->pi--;
        if (c->pi < 0) return 1;
        if (c->fcond && (c->P[c->pi].tok == DL_OR || c->P[c->pi].tok == DL_OPBR)) {
            c->fcond = 0;
            while (c->pi > 0 && c->P[c->pi].tok != DL_OPBR) c->pi--;
            c->pi--;
            if (c->pi < 0) return 1;
        }
        c->fskipMode = (c->P[c->pi].conn & DC_SKIP) != 0;
        c->locSynt--;
        if (c->locSynt < 0) return 0;
    }
    c->fullMode = !(c->P[c->pi].conn & DC_PART);
    return 2;
}

static int stateCheck(cx *c, int result)
{
    int ok = c->fullMode ? result == 2 : result > 0;
    if (ok) return nextCheck(c);
    if (c->fskipMode) return continueCheck(c);
    return 0;
}

static void saveState(cx *c)
{
    c->fcond = 1;
    c->condloc = c->locSynt;
    c->condpi = c->pi;
    c->condlen = c->lenalt;
    c->condfskip = c->fskipMode;
}
static void restoreState(cx *c)
{
    c->locSynt = c->condloc;
    c->lenalt = c->condlen;
    c->fskipMode = c->condfskip;
}
static void initCondit(cx *c)
{
    saveState(c);
    if (c->isHigh) c->pi++;
    else c->pi--;
}
static void condCheck(cx *c, int *state)
{
    if (c->isHigh) {
        while (c->pi < c->np && c->P[c->pi].tok != DL_OR && c->P[c->pi].tok != DL_CLBR) c->pi++;
        if (c->pi >= c->np || c->P[c->pi].tok == DL_CLBR) return;
        restoreState(c);
        c->pi++;
    } else {
        while (c->pi > 0 && c->P[c->pi].tok != DL_OR && c->P[c->pi].tok != DL_OPBR) c->pi--;
        if (c->pi <= 0 || c->P[c->pi].tok == DL_OPBR) return;
        restoreState(c);
        c->pi--;
    }
    if (c->pi < 0 || c->pi >= c->np) return;
    c->fullMode = !(c->P[c->pi].conn & DC_PART);
    *state = 2;
}

static int compSynset(cx *c);

/* match one synset member phrase at the current location */
static int checksubPattern(cx *c, const dy_pattern *pt)
{
    const dy_pel *sP = c->P;
    int32_t snp = c->np, spi = c->pi, sloc = c->locSynt;
    int sfull = c->fullMode, sskip = c->fskipMode, sfcond = c->fcond;
    c->P = &c->d->pels[pt->ph];
    c->np = (int32_t)pt->nph;
    c->fcond = 0;
    int state = 2, result;
    if (c->isHigh) {
        c->pi = 0;
        c->fskipMode = 0;
        c->fullMode = !(c->P[0].conn & DC_PART);
        while (state == 2) {
            if (c->P[c->pi].conn & DC_SYN) result = compSynset(c);
            else result = compTarget(c);
            state = stateCheck(c, result);
        }
    } else {
        /* backwards only the first element is compared (as TABARI does) */
        c->pi = 0;
        c->fullMode = !(c->P[0].conn & DC_PART);
        result = (c->P[0].conn & DC_SYN) ? compSynset(c) : compTarget(c);
        state = (c->fullMode ? result == 2 : result > 0) ? 1 : 0;
    }
    c->P = sP;
    c->np = snp;
    c->pi = spi;
    c->locSynt = sloc;
    c->fullMode = sfull;
    c->fskipMode = sskip;
    c->fcond = sfcond;
    return state ? 2 : 0;
}

static int compSynset(cx *c)
{
    const dy_pel *pe = &c->P[c->pi];
    const dy_root *r = &c->d->roots[pe->tok];
    for (uint32_t i = 0; i < r->npat; i++) {
        const dy_pattern *pt = &c->d->pats[r->pat0 + i];
        /* a member whose first element is a literal that no word has fails
           at once, before any side effect: skip it */
        if (pt->nph) {
            const dy_pel *e0 = &c->d->pels[pt->ph];
            if (!(e0->conn & DC_SYN) && e0->tok >= DL_SYMBOL_LIMIT && !lit_maybe(c, e0->tok)) continue;
        }
        int m = checksubPattern(c, pt);
        if (m) return m;
    }
    return 0;
}

static int checkPattern(cx *c, const dy_pattern *pt, int32_t loc, uint8_t wtype)
{
    c->P = &c->d->pels[pt->ph];
    c->np = (int32_t)pt->nph;
    c->lenalt = 0;
    c->fcond = 0;
    c->locSynt = loc;
    int32_t pverb = 0;
    while (pverb < c->np && c->P[pverb].tok != DL_VERB) pverb++;
    if (pverb >= c->np) return 0;
    c->pi = pverb;
    while (wt(c, c->locSynt) != WT_HALT && !hasTail(c, c->locSynt, wtype)) c->locSynt++;
    /* upper (forward) match */
    c->isHigh = 1;
    int state = nextCheck(c), result;
    while (state == 2) {
        if (c->P[c->pi].conn & DC_SYN) result = compSynset(c);
        else {
            if (c->P[c->pi].tok == DL_OPBR) initCondit(c);
            result = compTarget(c);
        }
        state = stateCheck(c, result);
        if (!state && c->fcond) condCheck(c, &state);
    }
    if (!state) return 0;
    if (pverb == 0) return 1;
    /* lower (backward) match */
    c->isHigh = 0;
    c->pi = pverb;
    c->locSynt = loc;
    state = nextCheck(c);
    while (state == 2) {
        if (c->P[c->pi].conn & DC_SYN) {
            int docheck = 1;
            saveState(c);
            result = 0;
            while (docheck) {
                result = compSynset(c);
                if (!result) docheck = continueCheck(c);
                else docheck = 0;
            }
            if (!result) { c->fcond = 0; restoreState(c); }
            else c->fcond = 0;
        } else {
            if (c->P[c->pi].tok == DL_CLBR) initCondit(c);
            result = compTarget(c);
        }
        state = stateCheck(c, result);
        if (!state && c->fcond) condCheck(c, &state);
    }
    return state != 0;
}

/* ---------------------------------------------------------------- events */

static void setDefaultSource(cx *c)
{
    zero_actor(&c->theSource);
    c->theSource.actor = c->s_defsrc;
    c->theSource.where = -2;
    c->fRegularSource = 1;
}
static void setDefaultTarget(cx *c)
{
    zero_actor(&c->theTarget);
    c->theTarget.actor = c->s_deftar;
    c->theTarget.where = -2;
    c->fRegularTarget = 1;
}

/* SET: REPORTED SOURCE: the word after the last reporting verb (a root
   whose own code is subordinate, SAY_ [010?]) before index when an actor
   lies between it and index, else istart. */
static int32_t reported_start(cx *c, int32_t index)
{
    for (int32_t j = index - 1; j > c->istart; j--) {
        if (c->s[j].wtype != WT_VERB || !hasHead(c, j, WT_VERB)) continue;
        const dy_root *r = &c->d->roots[c->s[j].iroot];
        if (!r->has_code || !r->vcode.sub) continue;
        int32_t e = j;
        while (e < index && !hasTail(c, e, WT_VERB)) e++;
        for (int32_t k = e + 1; k < index; k++)
            if (wt(c, k) == WT_ACTOR && hasHead(c, k, WT_ACTOR)) return e + 1;
        return c->istart;
    }
    return c->istart;
}

static void getRegularSource(cx *c, int32_t index)
{
    int32_t loc = c->o->reported_source ? reported_start(c, index) : c->istart, lf = 0;
    if (c->o->fronted) {
        int32_t fs = fronted_start(c, index);
        if (fs > loc) loc = fs;
    }
    actor a;
    while (lf >= 0) {
        lf = findActor(c, loc, &a);
        if (lf < 0) break;
        if (c->o->def_src && c->o->def_prior && lf > index) { setDefaultSource(c); return; }
        if (!actor_equal(&a, &c->theTarget)) {
            c->theSource = a;
            c->fRegularSource = 1;
            return;
        }
        loc = lf + 1;
    }
    if (c->o->def_src) setDefaultSource(c);
}

static int is_compd(const cx *c, int32_t where) { return where >= 0 && where <= c->n && c->s[where].compd; }

/* SET: OWN FORCES: is the actor at loc a possessive pronoun that stands
   for the source ("Russia withdrew its troops from Ukraine")? */
static int own_possessive(const cx *c, int32_t loc, const actor *a)
{
    if (!c->o->own_forces || !hasHead(c, loc, WT_PRONOUN) || a->actor != c->theSource.actor) return 0;
    const char *u = c->w[loc].up;
    uint32_t n = c->w[loc].uplen;
    return (n == 3 && (!memcmp(u, "ITS", 3) || !memcmp(u, "HIS", 3) || !memcmp(u, "HER", 3))) ||
           (n == 5 && !memcmp(u, "THEIR", 5));
}

/* SET: AGENT COUNTRY: a role word coded as an actor that will get no
   country ("troops" in a sentence naming several countries) is passed
   over as a target when a real actor follows it in the clause:
   "France will send troops to Liberia" is FRA>LBR, not FRA>---MIL. */
static int weak_agent_target(cx *c, int32_t loc, const actor *a)
{
    if (!c->o->agent_country || c->sent_ncc == 1 || !a->rootidx) return 0;
    if (c->d->roots[a->rootidx].wtype != WT_AGENT) return 0;
    for (int32_t k = loc + 1; k <= c->iend && k < c->n; k++) {
        if (wt(c, k) != WT_ACTOR || !hasHead(c, k, WT_ACTOR)) continue;
        uint32_t r = c->s[k].iroot;
        if (r && c->d->roots[r].wtype != WT_AGENT) return 1;
    }
    return 0;
}

static void composite(const cx *c, const actor *a, char *out, size_t cap);

/* Do actors a and b compose to the same code ("Nigerian President" NGA +
   ~GOV and "Bola Tinubu" NGAGOV)? */
static int same_composite(const cx *c, const actor *a, const actor *b)
{
    if (!a->actor || !b->actor || a->actor >= c->s_notar || b->actor >= c->s_notar) return 0;
    char x[DY_CODE_MAX], y[DY_CODE_MAX];
    composite(c, a, x, sizeof x);
    composite(c, b, y, sizeof y);
    return !strcmp(x, y);
}

static void getRegularTarget(cx *c, int32_t index)
{
    int32_t loc = index + 1, lf = 0;
    actor a;
    while (lf >= 0) {
        lf = findActor(c, loc, &a);
        if (lf < 0) break;
        int self = c->o->own_forces && a.where >= 0 && a.where == c->theSource.where;   /* "he" = the source */
        /* SET: LOCATIVE: "Iran and Saudi Arabia held talks in Baghdad": the
           place is not the target of a compound source, whose members are
           each other's targets (below) */
        if (!self && c->o->locative && is_compd(c, c->theSource.where) && locative_word(c, lf)) {
            loc = lf + 1;
            continue;
        }
        if (!self && c->o->longest_actor && same_composite(c, &a, &c->theSource)) self = 1;   /* "President Bola Tinubu" */
        if (!self && !actor_equal(&a, &c->theSource) && !own_possessive(c, lf, &a) && !weak_agent_target(c, lf, &a)) {
            c->theTarget = a;
            c->fRegularTarget = 1;
            return;
        }
        loc = lf + 1;
    }
    if (c->o->def_tar && c->o->def_after) { setDefaultTarget(c); return; }
    loc = index - 1;
    lf = 0;
    /* REPORTED SOURCE: the speaker of "X said Y attacked" is not Y's target */
    int32_t rs = c->o->reported_source ? reported_start(c, index) : c->istart;
    while (lf >= 0) {
        lf = backActor(c, loc, &a);
        if (lf < 0) break;
        if (c->o->reported_source && lf < rs) break;
        /* AGENT COUNTRY: "Israeli helicopters and tanks shelled ...": the
           second role word is part of the source, not its target */
        int conj = c->o->agent_country && lf > 0 && wt(c, lf - 1) == WT_CONJ && is_agent_word(c, lf);
        /* SET: LONGEST ACTOR: a member of the compound source is not its
           target: "Greece and Turkey agreed to resume talks" pairs the
           members with each other (below) */
        if (c->o->longest_actor && is_compd(c, lf) && is_compd(c, c->theSource.where) && lf < index) {
            loc = lf - 1;
            continue;
        }
        if (!conj && !actor_equal(&a, &c->theSource) &&
            !(c->o->longest_actor && same_composite(c, &a, &c->theSource))) { c->theTarget = a; return; }
        loc = lf - 1;
    }
    if (c->theSource.index || is_compd(c, c->theSource.where)) c->theTarget = c->theSource;
    else if (c->o->def_tar) setDefaultTarget(c);
}

static int checkPassive(cx *c, int32_t index)
{
    if (c->o->participle && wt(c, index + 1) == WT_BYWORD) {
        /* dyad extension: "soldier killed by sniper" */
        c->fisPassive = 1;
        return 1;
    }
    if (wt(c, index + 1) != WT_BYWORD && wt(c, index + 2) != WT_BYWORD && wt(c, index + 3) != WT_BYWORD) return 0;
    int passive = (index > 0 && wt(c, index - 1) == WT_AUXIL) || (index > 1 && wt(c, index - 2) == WT_AUXIL);
    if (passive) c->fisPassive = 1;
    return passive;
}

/* Is word k a past participle (-ED, -EN or a common irregular form)? */
static int participle_word(const cx *c, int32_t k)
{
    if (k < 0 || k >= c->n) return 0;
    const char *u = c->w[k].up;
    uint32_t n = c->w[k].uplen;
    if (n > 3 && u[n - 2] == 'E' && (u[n - 1] == 'D' || u[n - 1] == 'N')) return 1;
    static const char *const irr[] = { "SHOT", "HIT", "STRUCK", "SLAIN", "HURT", "HELD", "CAUGHT", "BEATEN", "TAKEN" };
    for (size_t q = 0; q < sizeof irr / sizeof *irr; q++)
        if (strlen(irr[q]) == n && !memcmp(irr[q], u, n)) return 1;
    return 0;
}

/* SET: PARTICIPLE: is the subject before the verb at index its victim?
   "10 Russian soldiers were killed in Ukraine", "One Ukrainian soldier
   killed, 3 wounded": a passive (auxiliary, or for violence codes the
   subject right before a participle that has no object) with no "by". */
static int victim_passive(cx *c, int32_t index, const dy_vcode *vc)
{
    int32_t vt = index;
    while (vt < c->n - 1 && !hasTail(c, vt, WT_VERB)) vt++;
    if (!participle_word(c, vt)) return 0;
    for (int32_t k = vt + 1; k <= vt + 3; k++) {
        if (wt(c, k) != WT_BYWORD) continue;
        /* "killed by rebels" names who did it; "killed by a roadside bomb"
           names only the weapon: still the victim's passive */
        for (int32_t j = k + 1; j < c->n && !c->w[j].comma; j++)
            if (wt(c, j) == WT_ACTOR || wt(c, j) == WT_AGENT) return 0;
        break;
    }
    if ((index > 0 && wt(c, index - 1) == WT_AUXIL) || (index > 1 && wt(c, index - 2) == WT_AUXIL)) return 1;
    if (!dy_cameo_use_of_force(dy_dict_strget(c->d, vc->code))) return 0;
    if (index < 1 || !(hasTail(c, index - 1, WT_ACTOR) || hasTail(c, index - 1, WT_AGENT))) return 0;
    int32_t nx = vt + 1;
    if (nx >= c->n || c->w[nx].comma) return 1;
    static const char *const after[] = { "IN", "NEAR", "AT", "ON", "DURING", "AS", "AFTER", "WHEN",
                                         "OVERNIGHT", "TODAY", "YESTERDAY", "LAST", "THIS", "WHILE", "AND",
                                         "AMID", "AMIDST", "DUE", "BY", NULL };
    return word_in(&c->w[nx], after);
}

static evt *push_evt(cx *c)
{
    if (c->nev >= c->capev) {
        int32_t nc = c->capev ? c->capev * 2 : 16;
        evt *e = dy_arena_realloc(c->a, c->ev, (size_t)c->capev * sizeof *e, (size_t)nc * sizeof *e);
        if (!e) { c->oom = 1; return NULL; }
        c->ev = e;
        c->capev = nc;
        c->sc->ev = e;
        c->sc->capev = nc;
    }
    if (c->nev >= 512) return NULL;   /* TABARI caps events per sentence */
    evt *e = &c->ev[c->nev++];
    memset(e, 0, sizeof *e);
    return e;
}

static void putEvent(cx *c, const dy_vcode *vc, int32_t index, const actor *s, const actor *t)
{
    evt *e = push_evt(c);
    if (!e) return;
    e->src = *s;
    e->tar = *t;
    e->evtloc = index;
    e->fisevt = 1;
    e->event = vc->code;
    e->special = vc->special;
    e->fissub = vc->sub;
    e->fisdom = vc->dom;
    if (vc->pair || vc->pair_special) {
        evt *p = push_evt(c);
        if (!p) return;
        p->src = *t;
        p->tar = *s;
        p->evtloc = index;
        p->fisevt = 1;
        p->event = vc->pair;
        p->special = vc->pair_special;
        p->fissub = vc->sub;
        p->fisdom = vc->dom;
    }
}

static int32_t next_root(cx *c, int32_t idx, int *more)
{
    idx++;
    while (idx < c->n && (!c->s[idx].iroot || c->s[idx].wtype != WT_ACTOR)) idx++;
    if (idx >= c->n) return -1;
    int32_t ka = idx;
    while (ka < c->n && !hasTail(c, ka, WT_ACTOR)) ka++;
    if (ka >= c->n) return -1;
    if (hasTail(c, ka, WT_COMPOUND)) *more = 0;
    return idx;
}

/* Codes that are reported without a target often enough to be coded
   without one (SET: TARGETLESS): 08x yield (surrender, resign, ceasefire,
   retreat), 14x protest, 15x force posture (mobilise, alert), 172x
   administrative sanctions (curfew, state of emergency, martial law). A statement,
   a demand or an attack without a target says too little. */
static int intransitive_code(const cx *c, uint32_t code)
{
    const char *s = dy_dict_strget(c->d, code);
    return (s[0] == '0' && s[1] == '8') || (s[0] == '1' && (s[1] == '4' || s[1] == '5')) ||
           (s[0] == '1' && s[1] == '7' && s[2] == '2');   /* curfew, state of emergency, martial law */
}

/* SET: NEGATION: is the verb at index negated ("not", "never",
   "cannot", "-n't" one or two words before it)? */
static int negated(const cx *c, int32_t index)
{
    for (int32_t k = index - 1; k >= 0 && k >= index - 2; k--) {
        const char *u = c->w[k].up;
        uint32_t n = c->w[k].uplen;
        if ((n == 3 && !memcmp(u, "NOT", 3)) || (n == 5 && !memcmp(u, "NEVER", 5)) ||
            (n == 6 && !memcmp(u, "CANNOT", 6)) || (n >= 3 && !memcmp(u + n - 3, "N'T", 3)))
            return 1;
        if (c->w[k].comma) break;
    }
    return 0;
}

/* The rejection (CAMEO 12) that negates cooperative code s (03-08), or
   NULL: 031 121, 033 122, 034 123, 035 124, 036 125, 037 127, 038 126,
   other 03 120; 04 125, 05 120, 06 121, 07 122, 08 124. */
static const char *negated_code(const char *s)
{
    if (s[0] != '0' || s[1] < '3' || s[1] > '8') return NULL;
    if (s[1] == '3') {
        static const char *const m[10] = { "120", "121", "120", "122", "123", "124", "125", "127", "126", "120" };
        return s[2] >= '0' && s[2] <= '9' ? m[s[2] - '0'] : "120";
    }
    static const char *const r[6] = { NULL, "125", "120", "121", "122", "124" };
    return r[s[1] - '3'];
}

/* SET: CONDITIONAL: the threat (CAMEO 13) that a conditional "will/may
   <code s> ... if/unless" makes of coercive or violent code s, or NULL. */
static const char *threat_code(const char *s)
{
    if (s[0] == '0' && s[1] == '8' && s[2] == '7') return "136";   /* withdraw, demobilise */
    if (s[0] == '1' && s[1] == '4') return "133";                  /* protest, boycott */
    if (s[0] == '1' && s[1] == '5') return "138";                  /* force posture */
    if (s[0] == '1' && s[1] == '6') {
        switch (s[2]) {
        case '2': return "1311";            /* stop aid */
        case '3': return "1312";            /* embargo, sanctions */
        case '4': return "134";             /* halt negotiations */
        case '5': return "135";             /* halt mediation */
        case '6': return "136";             /* expel, withdraw */
        default: return "1313";             /* reduce or break relations */
        }
    }
    if (s[0] == '1' && s[1] == '7') return s[2] == '2' ? "132" : "137";
    if (s[0] == '1' && s[1] == '8') return "1383";
    if (s[0] == '1' && s[1] == '9') return "1384";
    if (s[0] == '2' && s[1] == '0') return "1385";
    return NULL;
}

/* SET: CONDITIONAL: is the verb at index after a modal (up to three words
   before it, no comma between; or, for a reporting verb whose pattern
   holds the act, up to five words after it: "announced that it will
   withdraw") with "if" or "unless" after it? */
static int conditional_verb(const cx *c, int32_t index)
{
    static const char *const modal[] = { "WILL", "WOULD", "MAY", "MIGHT", "COULD", "SHALL", NULL };
    int m = 0;
    for (int32_t k = index - 1; k >= 0 && k >= index - 3 && !m; k--) {
        if (c->w[k].comma) break;
        m = word_in(&c->w[k], modal);
    }
    const dy_root *r = &c->d->roots[c->s[index].iroot];
    int reporting = r->has_code && r->vcode.sub;
    for (int32_t k = index + 1; reporting && k < c->n && k <= index + 5 && !m; k++) {
        if (c->w[k].comma) break;
        m = word_in(&c->w[k], modal);
    }
    if (!m) return 0;
    for (int32_t k = index + 1; k < c->n; k++)
        if (word_is(&c->w[k], "IF") || word_is(&c->w[k], "UNLESS")) return 1;
    return 0;
}

/* SET: WEAPON SUBJECTS: is the subject of the violent verb at index a
   weapon or attack with no actor before the verb ("A car bomb killed five
   soldiers")? */
static int weapon_subject(cx *c, int32_t index, const dy_vcode *vc)
{
    if (!c->o->weapon_subjects[0]) return 0;
    if (!dy_cameo_use_of_force(dy_dict_strget(c->d, vc->code))) return 0;
    int32_t from = c->istart;
    if (c->o->reported_source) { int32_t r = reported_start(c, index); if (r > from) from = r; }
    if (c->o->fronted) { int32_t f = fronted_start(c, index); if (f > from) from = f; }
    int found = 0;
    for (int32_t k = from; k < index; k++) {
        if (wt(c, k) == WT_ACTOR || wt(c, k) == WT_AGENT || wt(c, k) == WT_PRONOUN) return 0;
        const word *w = &c->w[k];
        uint32_t n = w->uplen;
        if (n < 2 || n > 30) continue;
        char key[34];
        key[0] = ' ';
        memcpy(key + 1, w->up, n);
        key[n + 1] = ' ';
        key[n + 2] = '\0';
        if (strstr(c->o->weapon_subjects, key)) found = 1;
        else if (w->up[n - 1] == 'S') {
            key[n] = ' ';
            key[n + 1] = '\0';
            if (strstr(c->o->weapon_subjects, key)) found = 1;
        }
    }
    return found;
}

/* SET: PLACE TARGETS: the target of a withdrawal, force posture, coercion
   or attack that found none, from a place named right after the verb: up to
   eight words on, past determiners, prepositions and place nouns ("the
   city of", "the ... region"), the first run of one to three capitalised
   uncoded words that the gazetteer knows as a town of 10,000 people or
   more or as a region. Fills c->theTarget with its country (no span). */
static void place_target(cx *c, int32_t index, const dy_vcode *vc)
{
    static const char *const skip[] = {
        "THE", "A", "AN", "OF", "IN", "INTO", "ON", "AT", "NEAR", "FROM", "OUTSIDE", "AROUND",
        "ACROSS", "TOWARD", "TOWARDS", "OVER", "CITY", "TOWN", "VILLAGE", "PORT", "REGION",
        "PROVINCE", "OBLAST", "DISTRICT", "AREA", "KEY", "STRATEGIC", "FRONTLINE", "BESIEGED",
        "EASTERN", "WESTERN", "NORTHERN", "SOUTHERN", "CENTRAL", "SOUTHEASTERN", "NORTHEASTERN",
        "SOUTHWESTERN", "NORTHWESTERN", "OCCUPIED", "EAST", "WEST", "NORTH", "SOUTH", NULL };
    const char *code = dy_dict_strget(c->d, vc->code);
    if (!((code[0] == '0' && code[1] == '8') || (code[0] == '1' && code[1] >= '5') || (code[0] == '2' && code[1] == '0')))
        return;
    /* for coercion and attacks the victims may come first: "killed 20
       people in Rafah", "destroyed a grain warehouse in Odesa" */
    int victims = code[0] == '2' || (code[0] == '1' && code[1] >= '7');
    uint32_t role = 0;       /* the victims' role word: "the deputy governor of Helmand" */
    int32_t k = index;
    while (k < c->n - 1 && !hasTail(c, k, WT_VERB)) k++;
    for (int32_t lim = k + 9, j = k + 1; j < c->n && j < lim; j++) {
        if (c->w[j].comma || c->s[j].wtype == WT_VERB) return;
        if (c->s[j].iroot && c->d->roots[c->s[j].iroot].wtype == WT_PRONOUN) continue;
        /* unconverted role words and nouns among the victims: "people",
           "a hospital" */
        if (victims && (c->s[j].wtype == WT_AGENT || c->s[j].wtype == WT_NOUN || c->s[j].wtype == WT_DETERM)) {
            if (c->s[j].wtype == WT_AGENT && !role && hasHead(c, j, WT_AGENT) && c->s[j].iroot)
                role = c->d->roots[c->s[j].iroot].agent;
            continue;
        }
        if (c->s[j].wtype == WT_ACTOR || c->s[j].wtype == WT_AGENT) {
            /* "withdrew its troops from ...": the source's own forces */
            if (is_agent_word(c, j) && j > 0 && c->s[j - 1].iroot &&
                c->d->roots[c->s[j - 1].iroot].wtype == WT_PRONOUN)
                continue;
            return;
        }
        if (word_in(&c->w[j], skip) || c->s[j].wtype == WT_PRONOUN) continue;
        if (victims && c->s[j].wtype == WT_NUMBER) continue;
        if (victims && !(c->w[j].flags & F_MIDCAP) && c->s[j].wtype == WT_NULL) continue;
        if (!(c->w[j].flags & F_MIDCAP) || c->s[j].wtype != WT_NULL) return;
        int32_t m = j;
        while (m + 1 < c->n && m < j + 2 && (c->w[m + 1].flags & F_MIDCAP) && c->s[m + 1].wtype == WT_NULL &&
               !c->w[m].comma)
            m++;
        for (; m >= j; m--) {
            char name[128];
            size_t len = 0;
            for (int32_t q = j; q <= m && len + c->w[q].uplen + 1 < sizeof name; q++) {
                if (q > j) name[len++] = ' ';
                memcpy(name + len, c->w[q].up, c->w[q].uplen);
                len += c->w[q].uplen;
            }
            const dy_place_entry *e = dy_place_lookup(c->gaz, name, len, DY_PLACE_CITY);
            if (e && e->population < 10000) e = NULL;
            if (!e) e = dy_place_lookup(c->gaz, name, len, DY_PLACE_ADMIN1);
            const char *cc = e ? dy_cameo_country_code(e->country) : NULL;
            uint32_t id = cc ? dy_dict_strfind(c->d, cc, 3) : 0;
            if (!id) continue;
            zero_actor(&c->theTarget);
            c->theTarget.actor = id;
            c->theTarget.agent = role;
            c->theTarget.where = -3;
            return;
        }
        return;
    }
}

/* vc with its event code replaced by code (a plain, non-subordinate copy
   in *buf), or vc itself when code is NULL or not in the dictionary's
   strings. */
static const dy_vcode *recode(const cx *c, const dy_vcode *vc, const char *code, dy_vcode *buf)
{
    uint32_t id = code ? dy_dict_strfind(c->d, code, strlen(code)) : 0;
    if (!id) return vc;
    *buf = *vc;
    buf->code = id;
    buf->sub = 0;
    return buf;
}

static void makeEvent(cx *c, const dy_vcode *vc, int32_t index)
{
    if (vc->special == SC_NULL) return;
    dy_vcode neg, thr;
    int plain = !vc->pair && !vc->pair_special && !vc->special;
    if (c->o->conditional && plain && conditional_verb(c, index))
        vc = recode(c, vc, threat_code(dy_dict_strget(c->d, vc->code)), &thr);
    if (c->o->negation && plain && negated(c, index))
        vc = recode(c, vc, negated_code(dy_dict_strget(c->d, vc->code)), &neg);
    if (c->o->reported_source && !actor_empty(&c->theSource) && c->theSource.where >= 0 &&
        c->theSource.where < reported_start(c, index))
        zero_actor(&c->theSource);   /* the speaker is not the actor of what is reported */
    if (actor_empty(&c->theSource) && weapon_subject(c, index, vc)) {
        /* "A car bomb killed five soldiers": who set it is not said */
        getRegularTarget(c, index);
        if (actor_empty(&c->theTarget) && c->gaz && c->o->place_targets) place_target(c, index, vc);
        if (!actor_empty(&c->theTarget)) {
            actor src;
            zero_actor(&src);
            src.actor = c->s_nosrc;
            src.where = -3;
            putEvent(c, vc, index, &src, &c->theTarget);
        }
        zero_actor(&c->theTarget);
        return;
    }
    if (actor_empty(&c->theSource)) getRegularSource(c, index);
    if (c->o->participle && c->fRegularSource && !actor_empty(&c->theSource) && c->theSource.where >= 0 &&
        c->theSource.where < index && !is_compd(c, c->theSource.where) && c->indexTarget < 0 &&
        victim_passive(c, index, vc)) {
        /* the subject is the victim, the one who acted is not named */
        actor s, t = c->theSource;
        zero_actor(&s);
        s.actor = c->s_nosrc;
        s.where = -3;
        putEvent(c, vc, index, &s, &t);
        return;
    }
    if (actor_empty(&c->theTarget)) getRegularTarget(c, index);
    if (c->o->locative && c->theTarget.where >= 0 && !c->theTarget.agent && !c->theTarget.index &&
        c->theTarget.actor < c->s_notar && dy_cameo_use_of_force(dy_dict_strget(c->d, vc->code))) {
        /* SET: LOCATIVE: the capital a force attacks is the city, not its
           government ("Russian drones attacked Kyiv" is UKR) */
        uint32_t id = capital_country(c, c->theTarget.actor);
        if (id) c->theTarget.actor = id;
    }
    if (actor_empty(&c->theTarget) && c->gaz && c->o->place_targets) place_target(c, index, vc);
    if (c->o->targetless && actor_empty(&c->theTarget) && !actor_empty(&c->theSource) &&
        c->theSource.actor != c->s_defsrc && intransitive_code(c, vc->code)) {
        /* dyad extension: a source and no target is an event with a null
           target (an intransitive report). The source may follow the verb
           (TABARI's first actor of the clause): requiring it before the
           verb lost more than it gained on the PLOVER records. */
        zero_actor(&c->theTarget);
        c->theTarget.actor = c->s_notar;
        c->theTarget.where = -3;
    }
    if (actor_empty(&c->theSource) || actor_empty(&c->theTarget)) return;
    if (c->fRegularSource && c->fRegularTarget && checkPassive(c, index)) {
        actor t = c->theSource;
        c->theSource = c->theTarget;
        c->theTarget = t;
    }
    if (!is_compd(c, c->theSource.where) && !is_compd(c, c->theTarget.where)) {
        putEvent(c, vc, index, &c->theSource, &c->theTarget);
    } else {
        actor ts, tt;
        int fs = is_compd(c, c->theSource.where) && checkTailTag(c, c->theSource.where, WT_COMPOUND);
        int32_t is = c->theSource.where;
        if (fs) { int32_t g = getCompound2(c, is); if (g >= 0) is = g; }
        for (int guard = 0; guard < 64; guard++) {
            if (is < 0) ts = c->theSource;
            else { getActorStructCodes(c, &ts, is); findAgent(c, is, &ts); }
            int ft = is_compd(c, c->theTarget.where) && checkTailTag(c, c->theTarget.where, WT_COMPOUND);
            int32_t it = c->theTarget.where;
            if (ft) { int32_t g = getCompound2(c, it); if (g >= 0) it = g; }
            for (int g2 = 0; g2 < 64; g2++) {
                if (it < 0) tt = c->theTarget;
                else { getActorStructCodes(c, &tt, it); findAgent(c, it, &tt); }
                putEvent(c, vc, index, &ts, &tt);
                if (!ft) break;
                it = next_root(c, it, &ft);
                if (it < 0) goto done;
            }
            if (!fs) break;
            is = next_root(c, is, &fs);
            if (is < 0) break;
        }
    }
done:
    if (!c->fRegularSource) zero_actor(&c->theSource);
    if (!c->fRegularTarget) zero_actor(&c->theTarget);
}

static void doVerb(cx *c, int32_t index)
{
    const dy_dict *d = c->d;
    zero_actor(&c->theTarget);
    if (c->fisPassive) { zero_actor(&c->theSource); c->fisPassive = 0; }
    const dy_root *r = &d->roots[c->s[index].iroot];
    int fgotpat = 0, fgotalt = 0, fmake = 0;
    int32_t oldn = c->nev, maxlen = 0;
    for (uint32_t i = 0; i < r->npat && !fgotpat; i++) {
        const dy_pattern *pt = &d->pats[r->pat0 + i];
        if (fgotalt && pt->length <= maxlen) { fgotpat = 1; break; }
        c->indexSource = c->indexTarget = c->indexAttrib = c->indexCompound = -1;
        if (!pattern_possible(c, r->pat0 + i)) continue;
        if (!checkPattern(c, pt, index, WT_VERB)) continue;
        if (c->lenalt) {
            fgotalt = 1;
            if (pt->length + c->lenalt > maxlen) {
                fmake = 1;
                maxlen = pt->length - pt->maxalt + c->lenalt;
            }
        } else {
            fgotalt = 0;
            fgotpat = 1;
            fmake = 1;
        }
        if (fmake) {
            if (c->indexSource >= 0) { getActorStructCodes(c, &c->theSource, c->indexSource); findAgent(c, c->indexSource, &c->theSource); }
            if (c->indexTarget >= 0) { getActorStructCodes(c, &c->theTarget, c->indexTarget); findAgent(c, c->indexTarget, &c->theTarget); }
            if (c->indexCompound >= 0) {
                getActorStructCodes(c, &c->theSource, c->indexCompound);
                getActorStructCodes(c, &c->theTarget, c->indexCompound);
            }
            c->nev = oldn;
            makeEvent(c, &pt->code, index);
            fmake = 0;
        }
    }
    if (fgotalt) fgotpat = 1;   /* a matched alternative pattern is final */
    if (!fgotpat && r->has_code) {
        c->indexSource = c->indexTarget = c->indexAttrib = c->indexCompound = -1;
        makeEvent(c, &r->vcode, index);
    }
}

static int setClauseBounds(cx *c)
{
    if (!c->fhasClauses) {
        if (c->iend >= 0) return 0;
        c->istart = 0;
        c->iend = c->n - 1;
        return 1;
    }
    if (c->iend >= 0) {
        c->istart = c->iend + 1;
        while (c->istart < c->n && !hasHead(c, c->istart, WT_CLAUSE)) c->istart++;
        if (c->istart >= c->n) return 0;
    } else c->istart = 0;
    c->iend = c->istart;
    while (c->iend < c->n - 1 && !hasTail(c, c->iend, WT_CLAUSE)) c->iend++;
    return 1;
}

static void checkVerbs(cx *c)
{
    zero_actor(&c->theSource);
    zero_actor(&c->theTarget);
    c->fisPassive = 0;
    c->istart = 0;
    c->iend = -1;
    int32_t startEvent = 0;
    int mode = c->o->code_mode;
    /* SET: FRONTED: a verb inside the fronted phrase ("After talks with
       Russia, Turkey criticized Iran") is not the main event; its actors
       stay candidates ("In a letter to the UN, Iraq said ..." IRQ>UN) */
    int32_t fc = c->o->fronted ? fronted_comma(c) : -1;
    while (setClauseBounds(c)) {
        if (c->iend - c->istart < 2) continue;
        if (c->istart && hasHead(c, c->istart, WT_ACTOR)) getActorStructCodes(c, &c->theSource, c->istart);
        zero_actor(&c->theTarget);
        int32_t index = c->istart;
        int fgot = 0;
        if (mode == 0) startEvent = c->nev;
        while (index <= c->iend) {
            if (skipSegment(c, &index, WT_SUBORD)) continue;
            if (index < fc) { index++; continue; }
            if (hasHead(c, index, WT_VERB)) {
                doVerb(c, index);
                if (mode < 2) {
                    for (int32_t e = startEvent; e < c->nev; e++) {
                        if (c->ev[e].fisevt && !c->ev[e].fissub && c->ev[e].tar.actor != c->s_notar) {
                            fgot = 1;
                            if (mode == 1) return;
                            break;
                        }
                    }
                }
            }
            if (fgot) break;
            index++;
        }
    }
}

/* Target-less events (SET: TARGETLESS) are a fallback: they do not end
   the search of a clause for a verb (checkVerbs) and are dropped when the
   sentence has an event with a target. */
static void drop_targetless(cx *c)
{
    int full = 0, kept = 0;
    for (int32_t k = 0; k < c->nev && !full; k++)
        if (c->ev[k].fisevt && c->ev[k].tar.actor != c->s_notar && c->ev[k].special != SC_NULL) full = 1;
    int32_t w = 0;
    for (int32_t k = 0; k < c->nev; k++) {
        if (c->ev[k].tar.actor == c->s_notar) {
            if (full || kept) continue;   /* one target-less event a sentence */
            kept = 1;
        }
        c->ev[w++] = c->ev[k];
    }
    c->nev = w;
}

/* discard/complex/null/subordinate/dominant resolution */
static void evaluateEvents(cx *c)
{
    int fnonSub = 0, fhasDom = 0;
    for (int32_t k = 0; k < c->nev; k++) {
        evt *e = &c->ev[k];
        if (e->special == SC_NULL) { e->fisevt = 0; e->fissub = 1; }
        if (e->special == SC_DISCARD) { c->fhasDiscard = 1; break; }
        if (e->special == SC_COMPLEX || e->src.actor == c->s_complex || e->tar.actor == c->s_complex) { c->fhasComplex = 1; break; }
        if (e->fisdom) { fhasDom = 1; fnonSub = 1; break; }
        if (!fnonSub && !e->fissub) fnonSub = 1;
    }
    int32_t w = 0;
    for (int32_t k = 0; k < c->nev; k++) {
        evt *e = &c->ev[k];
        if (fhasDom && !e->fisdom) e->fisevt = 0;
        else if (!fhasDom && fnonSub && e->fissub) e->fisevt = 0;
        if (e->fisevt) c->ev[w++] = *e;
    }
    c->nev = w;
}

static int same_or_blank(const cx *c, const evt *e)
{
    uint32_t s = e->src.actor, t = e->tar.actor;
    if (s == c->s_nosrc) return !t || t == c->s_null || t == c->s_discard || t == c->s_complex || t == c->s_blank;
    if (!s || s == c->s_null || s == c->s_discard || s == c->s_complex || s == c->s_blank) return 1;
    if (!t || t == c->s_null || t == c->s_discard || t == c->s_complex || t == c->s_blank) return 1;
    if (t == c->s_notar) return 0;
    return s == t && e->src.agent == e->tar.agent;
}

static int is_dup(const evt *a, int32_t n, const evt *e)
{
    for (int32_t k = 0; k < n; k++)
        if (a[k].src.actor == e->src.actor && a[k].src.agent == e->src.agent &&
            a[k].tar.actor == e->tar.actor && a[k].tar.agent == e->tar.agent &&
            a[k].event == e->event) return 1;
    return 0;
}

/* expand coded compound actors (A/B codes) and drop duplicates */
static void expandCompounds(cx *c)
{
    const dy_dict *d = c->d;
    int32_t cap = c->nev * 4 + 16;
    evt *out = dy_arena_alloc(c->a, (size_t)cap * sizeof *out);
    if (!out) { c->oom = 1; return; }
    int32_t n = 0;
    /* sources */
    for (int32_t k = 0; k < c->nev; k++) {
        evt e = c->ev[k];
        if (e.src.index) {
            const dy_adate *ad = &d->adates[e.src.index - 1];
            for (uint32_t p = 0; p < ad->nparts && n < cap; p++) {
                out[n] = e;
                out[n].src.actor = d->aparts[ad->part0 + p];
                out[n].src.index = 0;
                n++;
            }
        } else if (n < cap) out[n++] = e;
    }
    int32_t cap2 = n * 4 + 16;
    evt *o2 = dy_arena_alloc(c->a, (size_t)cap2 * sizeof *o2);
    if (!o2) { c->oom = 1; return; }
    int32_t m = 0;
    for (int32_t k = 0; k < n; k++) {
        evt e = out[k];
        if (e.tar.index) {
            const dy_adate *ad = &d->adates[e.tar.index - 1];
            for (uint32_t p = 0; p < ad->nparts && m < cap2; p++) {
                evt x = e;
                x.tar.actor = d->aparts[ad->part0 + p];
                x.tar.index = 0;
                if (p > 0 && (same_or_blank(c, &x) || is_dup(o2, m, &x))) continue;
                o2[m++] = x;
            }
        } else if (m < cap2) o2[m++] = e;
    }
    /* final: drop same-actor and duplicate events */
    int32_t w = 0;
    for (int32_t k = 0; k < m; k++) {
        if (same_or_blank(c, &o2[k]) || is_dup(o2, w, &o2[k])) continue;
        o2[w++] = o2[k];
    }
    c->ev = o2;
    c->nev = w;
    c->capev = cap2;
}

/* ---------------------------------------------------------------- driver */

static int parse_sentence(cx *c, const char *text, uint32_t base, uint32_t len)
{
    int rc = make_words(c, text, base, len);
    if (rc) return rc;
    if (c->n < c->o->min_words) return 0;   /* too short: the caller skips it */
    c->sc->s = c->s = sc_buf(c->a, c->sc->s, &c->sc->caps, (size_t)c->n + 8, sizeof *c->s);
    if (!c->s) return DY_ENOMEM;
    for (int32_t i = 0; i < c->n + 8; i++) {
        c->s[i].wtype = i >= c->n ? WT_HALT : WT_NULL;
        c->s[i].compd = 0;
        c->s[i].iroot = 0;
        c->s[i].head = c->s[i].tail = -1;
    }
    for (int32_t i = 0; i < c->n; i++) {
        word *wd = &c->w[i];
        if (wd->uplen == 1 && wd->up[0] == ',') { wd->comma = 1; continue; }
        if ((rc = word_literals(c, wd))) return rc;
        if ((CC(wd->up[0]) & CL_DIGIT) && !wd->nlit) wd->number = 1;
    }
    if (c->skip_noverb && !(c->o->def_src || c->o->def_tar) && (c->litkinds & (LK_VERB | LK_ACTOR)) != (LK_VERB | LK_ACTOR)) {
        /* no word can start a verb, or none an actor or agent: see below */
        c->noverb = 1;
        return 0;
    }
    make_synt(c);
    if (c->skip_noverb) {
        /* no verb root, or (without default actors) no actor or agent root:
           no event can come out of this sentence; when nobody asks for the
           outcome, the rest of the parse is not needed */
        int verb = 0, hasact = c->o->def_src || c->o->def_tar;
        for (int32_t i = 0; i < c->n && !(verb && hasact); i++) {
            uint8_t t = c->s[i].wtype;
            if (t == WT_VERB) verb = 1;
            else if (t == WT_ACTOR || t == WT_AGENT) hasact = 1;
        }
        if (!verb || !hasact) { c->noverb = 1; return c->oom ? DY_ENOMEM : 0; }
    }
    mark_nouns(c);
    if (c->o->convert_agents) convert_agents(c);
    mark_compound(c);
    if (!c->o->comma_off) mark_subordinate(c);
    null_subordinate(c);
    mark_clauses(c);
    deref_pronouns(c);
    check_discards(c);
    if (!c->fHasDiscard) evaluate_complexity(c);
    return c->oom ? DY_ENOMEM : 0;
}

void dy_code_opts_default(dy_code_opts *o)
{
    memset(o, 0, sizeof *o);
    o->comma_min = 2; o->comma_max = 10;
    o->comma_emin = 2; o->comma_emax = 10;
    o->comma_bmin = 128; o->comma_bmax = 0;
    o->min_words = 8;
    o->time_shift = -1;
}

static void composite(const cx *c, const actor *a, char *out, size_t cap)
{
    const char *act = dy_dict_strget(c->d, a->actor);
    if (!a->agent) { snprintf(out, cap, "%s", act); return; }
    const char *agt = dy_dict_strget(c->d, a->agent);
    size_t al = strlen(agt);
    const char *base = act[0] == '~' ? act + 1 : act;   /* a converted agent: "~MIL" */
    if (agt[0] == '~') {
        const char *ps = strstr(base, agt + 1);
        if (ps && (ps - base) % 3 == 0) snprintf(out, cap, "%s", act);
        else snprintf(out, cap, "%s%s", act, agt + 1);
    } else {
        char st[64];
        size_t sl = al ? al - 1 : 0;
        if (sl >= sizeof st) sl = sizeof st - 1;
        memcpy(st, agt, sl);
        st[sl] = '\0';
        const char *ps = strstr(base, st);
        if (!ps || (ps - base) % 3 != 0) snprintf(out, cap, "%.*s%s", (int)(cap > 1 ? cap - 1 : 0), st, act);
        else snprintf(out, cap, "%s", act);
    }
}

static void span_of(const cx *c, int32_t where, uint32_t *off, uint32_t *len)
{
    *off = 0;
    *len = 0;
    if (where < 0 || where >= c->n) return;
    int32_t t = where;
    while (t < c->n - 1 && !hasTail(c, t, WT_ACTOR) && !hasTail(c, t, WT_NULLTAG)) t++;
    *off = c->w[where].off;
    *len = c->w[t].off + c->w[t].len - *off;
}

static void fill_actor(const cx *c, const actor *a, dy_actor *out)
{
    memset(out, 0, sizeof *out);
    composite(c, a, out->code, sizeof out->code);
    if (strlen(out->code) >= 3) {
        char cc[4] = { out->code[0], out->code[1], out->code[2], 0 };
        if (dy_cameo_country_name(cc)) memcpy(out->country, cc, 4);
    }
    span_of(c, a->where, &out->off, &out->len);
}

/* The sentence's only country (CAMEO country code of its actors, agents
   coded as actors left out): 1 and cc set when there is exactly one, 0
   when there is none, -1 when there are several. */
/* The CAMEO country (first three letters of the code) of the actor (not an
   agent coded as one) that starts at word i: 1 and cc set, else 0. */
static int country_at(cx *c, int32_t i, char cc[4])
{
    if (c->s[i].wtype != WT_ACTOR || !hasHead(c, i, WT_ACTOR)) return 0;
    if (c->d->roots[c->s[i].iroot].wtype == WT_AGENT) return 0;
    actor a;
    getActorStructCodes(c, &a, i);
    if (!a.actor || a.actor >= c->s_notar) return 0;
    const char *code = dy_dict_strget(c->d, a.actor);
    if (strlen(code) < 3) return 0;
    char k[4] = { code[0], code[1], code[2], 0 };
    if (!dy_cameo_country_name(k)) return 0;
    memcpy(cc, k, 4);
    return 1;
}

static int sentence_country(cx *c, char cc[4])
{
    int n = 0;
    for (int32_t i = 0; i < c->n; i++) {
        char k[4];
        if (!country_at(c, i, k)) continue;
        if (n && memcmp(k, cc, 3)) return -1;
        memcpy(cc, k, 4);
        n = 1;
    }
    return n;
}

/* SET: ETHNIC: an actor right after "ethnic" ("ethnic Albanians", "ethnic
   Turks") is a community, coded with the state it lives in: the first
   other country named after it in the sentence, else the last one before
   it. Rewrites a's country (and the first three letters of its code);
   nothing changes when the sentence names no other country. */
static void ethnic_actor(cx *c, int32_t where, dy_actor *a)
{
    if (where <= 0 || where >= c->n || !a->country[0] || !word_is(&c->w[where - 1], "ETHNIC")) return;
    char found[4] = "";
    for (int pass = 0; pass < 2 && !found[0]; pass++) {
        int32_t k = pass == 0 ? where + 1 : where - 1;
        for (; k >= 0 && k < c->n && !found[0]; k += pass == 0 ? 1 : -1) {
            char cc[4];
            if (k > 0 && word_is(&c->w[k - 1], "ETHNIC")) continue;
            if (country_at(c, k, cc) && memcmp(cc, a->country, 3)) memcpy(found, cc, 4);
        }
    }
    if (!found[0]) return;
    if (!strncmp(a->code, a->country, 3)) memcpy(a->code, found, 3);
    memcpy(a->country, found, 4);
}

/* dyad extension (SET: AGENT COUNTRY): an agent coded as an actor ("~COP")
   takes the sentence's only country, else the article's only country so
   far, else "---". */
static void agent_country(dy_actor *a, const char *ctry)
{
    if (a->code[0] != '~') return;
    char buf[DY_CODE_MAX];
    snprintf(buf, sizeof buf, "%s%s", ctry[0] ? ctry : "---", a->code + 1);
    snprintf(a->code, sizeof a->code, "%s", buf);
    if (ctry[0]) memcpy(a->country, ctry, 4);
}

/* SET: AGENT COUNTRY: the country of a converted title before a name that
   says whose it is: "King Hassan of Morocco", "President Francois
   Mitterrand of France" (the title at where, up to four capitalised
   uncoded words, "of", a country actor). 1 and cc set when found. */
static int titled_of_country(cx *c, int32_t where, char cc[4])
{
    if (where < 0 || where >= c->n) return 0;
    int32_t k = where;
    while (k < c->n - 1 && !hasTail(c, k, WT_ACTOR)) k++;
    k++;
    int32_t names = 0;
    while (k < c->n && names < 4 && c->s[k].wtype == WT_NULL && (c->w[k].flags & F_MIDCAP) && !c->w[k].comma) {
        k++;
        names++;
    }
    if (!names || k + 1 >= c->n || !word_is(&c->w[k], "OF")) return 0;
    return country_at(c, k + 1, cc);
}

static int date_of(const dy_article *art)
{
    if (!art) return 0;
    if (art->year) return art->year * 10000 + art->month * 100 + art->day;
    return 0;
}

static int code_doc(const dy_dict *d, const dy_code_opts *o, const dy_gazetteer *g, dy_doc *doc,
                    dy_arena *a, int *outcome)
{
    if (!d || !doc || !a) return DY_EINVAL;
    if (!o) o = &d->opts;
    doc->events = NULL;
    doc->nevents = 0;
    dy_event *all = NULL;
    uint32_t nall = 0, capall = 0;
    int last = DY_CO_NOEVENT;
    char art_cc[4] = "";     /* article's only country so far (AGENT COUNTRY) */
    int art_ncc = 0;         /* 0 none, 1 one, -1 several */
    scratch sc;
    memset(&sc, 0, sizeof sc);
    for (uint32_t si = 0; si < doc->nsents; si++) {
        const dy_sentence *st = &doc->sents[si];
        cx c;
        memset(&c, 0, sizeof c);
        c.sc = &sc;
        c.lits = sc.lits; c.caplits = sc.caplits;
        c.tags = sc.tags; c.captags = sc.captags;
        c.ev = sc.ev; c.capev = sc.capev;
        c.d = d;
        c.o = o;
        c.a = a;
        c.date = date_of(doc->article);
        c.gaz = g;
        /* special actor codes are represented by unique sentinels */
        c.s_null = UINT32_MAX - 1;
        c.s_discard = UINT32_MAX - 2;
        c.s_complex = UINT32_MAX - 3;
        c.s_blank = UINT32_MAX - 4;
        c.s_defsrc = UINT32_MAX - 5;
        c.s_deftar = UINT32_MAX - 6;
        c.s_notar = UINT32_MAX - 7;
        c.s_nosrc = UINT32_MAX - 8;
        if (st->end > doc->text.norm_len || st->start > st->end) continue;
        c.skip_noverb = !outcome;
        int rc = parse_sentence(&c, doc->text.norm + st->start, st->start, st->end - st->start);
        if (rc) return rc;
        last = DY_CO_NOEVENT;
        if (c.n < o->min_words) { last = DY_CO_SHORT; continue; }
        if (c.noverb) continue;
        if (c.fHasDiscard) { last = DY_CO_DISCARD; continue; }
        if (c.fIsComplex) { last = DY_CO_COMPLEX; continue; }
        char scc[4] = "";
        int ns = o->agent_country ? sentence_country(&c, scc) : 0;
        c.sent_ncc = ns;
        char ctry[4] = "";
        if (ns == 1) memcpy(ctry, scc, 4);
        else if (ns == 0 && art_ncc == 1) memcpy(ctry, art_cc, 4);
        if (ns == 1 && art_ncc == 0) { memcpy(art_cc, scc, 4); art_ncc = 1; }
        else if (ns && art_ncc == 1 && (ns < 0 || memcmp(scc, art_cc, 3))) art_ncc = -1;
        else if (ns < 0) art_ncc = -1;
        checkVerbs(&c);
        if (c.oom) return DY_ENOMEM;
        if (o->targetless) drop_targetless(&c);
        if (!c.nev) continue;
        evaluateEvents(&c);
        if (c.fhasDiscard) { last = DY_CO_DISCARD; continue; }
        if (c.fhasComplex) { last = DY_CO_COMPLEX; continue; }
        if (!c.nev) continue;
        expandCompounds(&c);
        if (c.oom) return DY_ENOMEM;
        if (!c.nev) continue;
        last = DY_CO_OK;
        if (nall + (uint32_t)c.nev > capall) {
            uint32_t nc = capall ? capall * 2 : 16;
            while (nc < nall + (uint32_t)c.nev) nc *= 2;
            dy_event *ne = dy_arena_realloc(a, all, (size_t)capall * sizeof *ne, (size_t)nc * sizeof *ne);
            if (!ne) return DY_ENOMEM;
            all = ne;
            capall = nc;
        }
        for (int32_t k = 0; k < c.nev; k++) {
            const evt *e = &c.ev[k];
            dy_event *ev = &all[nall++];
            memset(ev, 0, sizeof *ev);
            ev->sentence = si;
            ev->index = (uint32_t)k;
            actor s = e->src, t = e->tar;
            char buf[DY_CODE_MAX];
            if (s.actor == c.s_defsrc || s.actor == c.s_nosrc) { zero_actor(&s); }
            if (t.actor == c.s_deftar || t.actor == c.s_notar) { zero_actor(&t); }
            fill_actor(&c, &s, &ev->source);
            fill_actor(&c, &t, &ev->target);
            if (e->src.actor == c.s_defsrc) snprintf(ev->source.code, sizeof ev->source.code, "%s", o->def_src_code);
            if (e->tar.actor == c.s_deftar) snprintf(ev->target.code, sizeof ev->target.code, "%s", o->def_tar_code);
            if (o->ethnic) {
                ethnic_actor(&c, s.where, &ev->source);
                ethnic_actor(&c, t.where, &ev->target);
            }
            if (o->agent_country) {
                int cs = ev->source.code[0] == '~', ct = ev->target.code[0] == '~';
                char own[4];
                agent_country(&ev->source, cs && titled_of_country(&c, s.where, own) ? own : ctry);
                agent_country(&ev->target, ct && titled_of_country(&c, t.where, own) ? own : ctry);
                if ((cs || ct) && ctry[0] && !strcmp(ev->source.code, ev->target.code)) {
                    /* the inherited country made both sides one actor
                       ("Tanks shelled Palestinian forces"): the agent's
                       country is unknown after all */
                    dy_actor *ag = cs ? &ev->source : &ev->target;
                    memcpy(ag->code, "---", 3);
                    ag->country[0] = '\0';
                }
            }
            if (e->tar.actor == c.s_notar && o->targetless == 2 && ev->source.country[0]) {
                /* TARGETLESS = DOMESTIC: the implicit target of a domestic
                   protest, surrender or mobilisation is the source's state */
                memcpy(ev->target.code, ev->source.country, 4);
                memcpy(ev->target.country, ev->source.country, 4);
            }
            (void)buf;
            snprintf(ev->cameo, sizeof ev->cameo, "%s", dy_dict_strget(d, e->event));
            snprintf(ev->root, sizeof ev->root, "%.2s", ev->cameo);
            const dy_cameo_info *ci = dy_cameo_lookup(ev->cameo);
            if (ci) {
                ev->goldstein = ci->goldstein;
                ev->has_goldstein = 1;
                ev->quad_class = ci->quad_class;
                ev->plover_event = ci->plover_event;
                ev->plover_mode = ci->plover_mode;
            }
            if (e->evtloc >= 0 && e->evtloc < c.n) {
                int32_t vt = e->evtloc;
                while (vt < c.n - 1 && !hasTail(&c, vt, WT_VERB)) vt++;
                ev->verb_off = c.w[e->evtloc].off;
                ev->verb_len = c.w[vt].off + c.w[vt].len - ev->verb_off;
            }
            ev->status = DY_ST_ASSERTED;
            if (doc->article && doc->article->date) snprintf(ev->date, sizeof ev->date, "%s", doc->article->date);
        }
    }
    doc->events = all;
    doc->nevents = nall;
    if (outcome) *outcome = last;
    return 0;
}

int dy_code_doc_opts(const dy_dict *d, const dy_code_opts *o, dy_doc *doc, dy_arena *a, int *outcome)
{
    return code_doc(d, o, NULL, doc, a, outcome);
}

int dy_code_doc_places(const dy_dict *d, const dy_gazetteer *g, dy_doc *doc, dy_arena *a)
{
    int rc = code_doc(d, NULL, g, doc, a, NULL);
    /* PETRARCH discards and issues (src/issues.c) when the set has them */
    if (!rc && d && d->petr) rc = dy_issues_doc(d, doc, a, NULL);
    return rc;
}

int dy_code_doc(const dy_dict *d, dy_doc *doc, dy_arena *a)
{
    return dy_code_doc_places(d, NULL, doc, a);
}
