/* dict_int.h — the internal representation of a dictionary set, shared by
 * dict.c (storage, literal table), dict_tabari.c (TABARI file readers) and
 * coder.c (matching). Not a public interface.
 *
 * Vocabulary: every word or word-stem that occurs in a dictionary phrase is a
 * "literal" with a dense id (upper-case form, as TABARI compares). A phrase is
 * an array of {tok, conn} elements: tok is a literal id (ids below
 * DL_SYMBOL_LIMIT are the pattern symbols $ + * ^ % @ { | }), or, when conn
 * has DC_SYN, the index of a synset root. Roots (actors, agents, verbs,
 * nouns, ...) are indexed by their first literal so that matching a sentence
 * is a walk over integer ids. */
#ifndef DY_DICT_INT_H
#define DY_DICT_INT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "dict.h"
#include "coder.h"

/* word types (TABARI's classes) */
enum {
    WT_NULL = 0, WT_ACTOR, WT_AGENT, WT_VERB, WT_TIME, WT_ATTRIB, WT_DETERM,
    WT_NOUN, WT_ADJ, WT_AUXIL, WT_BYWORD, WT_COMMA, WT_PRONOUN, WT_CONJ,
    WT_PREP, WT_NUMBER, WT_ISSUE, WT_SYNSET, WT_NULLTAG, WT_HALT,
    /* segment tags */
    WT_CLAUSE, WT_COMPOUND, WT_SUBORD, WT_REFER
};

/* pattern symbols: literal ids 1..9 */
enum { DL_SOURCE = 1, DL_TARGET, DL_VERB, DL_SKIP, DL_COMPOUND, DL_ATTRIB,
       DL_OPBR, DL_OR, DL_CLBR, DL_SYMBOL_LIMIT };

/* connectors: bit PART = partial (stem) match allowed for this element;
 * bit SKIP = words may be skipped before the next element. */
#define DC_PART 0x4000u
#define DC_SKIP 0x0400u
#define DC_FULLNEXT 0x0000u
#define DC_PARTNEXT 0x4000u
#define DC_FULLSKIP 0x0400u
#define DC_PARTSKIP 0x4400u
#define DC_EQUAL 0x0001u
#define DC_SYN 0x8000u

typedef struct dy_pel { uint32_t tok, conn; } dy_pel;

/* special codes */
enum { SC_NONE = 0, SC_NULL, SC_DISCARD, SC_COMPLEX };

/* a verb/pattern code: "064", "032:033", "023?", "111!", "---", "###" */
typedef struct dy_vcode {
    uint32_t code, pair;   /* string ids (0 = none) */
    uint8_t special, sub, dom, pair_special;
    int32_t shift;         /* time-shift days (<TIME> entries) */
} dy_vcode;

/* one dated alternative of an actor code: parts are string ids */
typedef struct dy_adate {
    int32_t lo, hi;        /* yyyymmdd bounds, 0 = open */
    uint32_t part0, nparts;/* into d->aparts */
    uint8_t special;       /* SC_* when the code is ---/###/+++ */
} dy_adate;

typedef struct dy_acode { uint32_t first, n; } dy_acode; /* into d->adates */

typedef struct dy_pattern {
    uint32_t ph, nph;      /* phrase elements in d->pels */
    int32_t length, maxalt;
    uint32_t line;
    dy_vcode code;
} dy_pattern;

typedef struct dy_root {
    uint32_t ph, nph;      /* phrase */
    uint8_t wtype;
    uint8_t plural;        /* pronoun THEY/THEM/THEIR */
    uint8_t caps;          /* actors named on a CASE: options line: bit k =
                              word k must be capitalised (SET: CASE ACTORS) */
    uint32_t pat0, npat;   /* verbs/time/synset members: patterns in d->pats order */
    uint32_t group;        /* verb forms share pattern lists: index of owning root */
    uint32_t acode;        /* actors: index into d->acodes */
    uint32_t agent;        /* agents: string id of "~GOV" */
    dy_vcode vcode;        /* verbs: root default code; has_code */
    uint8_t has_code;
    uint32_t parent;       /* actor synonyms: first root of the group */
    uint32_t file, line;
} dy_root;

typedef struct dy_lit {
    uint32_t str, len;     /* string id (upper case) */
    uint32_t start;        /* first entry in d->starts list, 0 = none */
} dy_lit;

typedef struct dy_startent { uint32_t root, next; } dy_startent;

/* what a pattern cannot match without (outside { | }): reqlits[first ..
 * first+n) are literal ids, or DY_REQ_SYN | root for a synset element (one
 * of the synset's members must be able to start at some word) */
#define DY_REQ_SYN 0x80000000u
typedef struct dy_preq { uint32_t first, n; } dy_preq;

enum { LK_VERB = 1, LK_ACTOR = 2, LK_OTHER = 4 };   /* d->litkind bits */

/* roots whose first two phrase elements are literals l1 l2 (l2 right after
 * l1): rpairroots[first .. first+n), in load order */
typedef struct dy_rpair { uint32_t l1, l2, first, n; } dy_rpair;

/* literal trie node: children are nodes first .. first+nch-1, sorted by
 * the byte that labels the edge into them (d->tbytes[child]); lit = the
 * literal ending here (0 = none) */
typedef struct dy_tnode {
    uint32_t first, lit, nch;
    uint8_t cb[4];         /* the children's bytes when nch <= 4: one cache line per step;
                              when nch > 4, a uint32_t (memcpy) letter mask: bit k
                              (k < 26) = a child for 'A' + k, bits 26-31 = the
                              number of children with a byte below 'A' (63 = too
                              many, search tbytes); 0 = not built (old image) */
} dy_tnode;

/* the letter mask of a node with more than 4 children (bytes sorted) */
static inline uint32_t dy_tnode_mask(const uint8_t *bytes, uint32_t n)
{
    uint32_t m = 0, below = 0;
    for (uint32_t k = 0; k < n; k++) {
        if (bytes[k] < 'A') below++;
        else if (bytes[k] <= 'Z') m |= 1u << (bytes[k] - 'A');
    }
    return m | ((below < 63u ? below : 63u) << 26);
}

struct dy_dict {
    /* string pool */
    char *chars; size_t nchars, capchars;
    uint32_t *strs; uint32_t nstrs, capstrs;     /* offsets into chars */
    uint32_t *shash; uint32_t shcap;             /* hash of strings -> id */
    /* literals */
    dy_lit *lits; uint32_t nlits, caplits;
    uint32_t *lhash; uint32_t lhcap;             /* literal hash -> lit id */
    dy_startent *starts; uint32_t nstarts, capstarts;
    /* literal trie (built by dy_dict_finish), nodes in depth-first order
       of sibling blocks (see build_trie in dict.c); node 0 is the root.
       Lets the coder find every literal that a word starts with in one walk
       over its bytes. */
    dy_tnode *tnodes; uint8_t *tbytes; uint32_t ntnodes;
    /* per literal l1: a 32-bit filter of the second literals l2 of the
       dy_rpairs starting with l1 (bit dy_rpair_bit(l2)); 0 = no pair */
    uint32_t *litpair;
    /* per literal: LK_* bits, the word types of the roots it starts */
    uint8_t *litkind;
    /* roots indexed for the coder (built by dy_dict_finish), load order kept:
       rsingle[rsfirst[lit] .. rsfirst[lit+1]) are the roots starting with lit
       that the next word cannot rule out (one element, or words may be
       skipped after the first); the others are found through the hash
       rpairs on their first two literals (1 << rpbits slots, l1 = 0 empty) */
    uint32_t *rsfirst, *rsingle; uint32_t nrsingle;
    dy_rpair *rpairs; uint32_t rpbits;
    uint32_t *rpairroots; uint32_t nrpairroots;
    /* per pattern (d->pats order, built by dy_dict_finish): required literals */
    dy_preq *preq; uint32_t *reqlits; uint32_t nreqlits;
    /* phrases, roots, patterns */
    dy_pel *pels; uint32_t npels, cappels;
    dy_root *roots; uint32_t nroots, caproots;
    dy_pattern *pats; uint32_t npats, cappats;
    dy_acode *acodes; uint32_t nacodes, capacodes;
    dy_adate *adates; uint32_t nadates, capadates;
    uint32_t *aparts; uint32_t naparts, capaparts;
    /* files read, for diagnostics */
    char **files; uint32_t nfiles;
    /* system roots */
    uint32_t root_former;
    uint32_t lit_and, lit_nor;
    uint32_t str_elite;                          /* "~ELI" */
    dy_code_opts opts;                           /* from .options */
    int has_time;
    dy_intern *vocab;                            /* lower-case vocabulary (may be NULL) */
    uint32_t nerrors, nwarnings;
    uint32_t nactors, nagents, nverbs, npatterns, nsynsets, nnouns;
    struct dy_petr *petr;                        /* PETRARCH discards/issues (dict_petr.c), may be NULL */
    /* a set loaded from a compiled image (image.c): the arrays above point
       into this read-only mapping and are not freed one by one */
    void *image; size_t image_len;
};

/* One step in the literal trie: the child of node by byte b, 0 = none. */
static inline uint32_t dy_trie_step(const dy_dict *d, uint32_t node, unsigned char b)
{
    const dy_tnode *t = &d->tnodes[node];
    if (t->nch <= 4) {
        for (uint32_t k = 0; k < t->nch; k++) if (t->cb[k] == b) return t->first + k;
        return 0;
    }
    uint32_t m;
    memcpy(&m, t->cb, sizeof m);
    if ((unsigned)(b - 'A') < 26u && m && (m >> 26) != 63u) {
        /* wide node: the letter mask (see dy_tnode) gives the child */
        uint32_t bit = 1u << (b - 'A');
        if (!(m & bit)) return 0;
        uint32_t x = m & (bit - 1u);   /* popcount, without a libgcc call */
        x = x - ((x >> 1) & 0x55555555u);
        x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
        x = (((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
        return t->first + (m >> 26) + x;
    }
    const uint8_t *tb = d->tbytes;
    uint32_t lo = t->first, hi = lo + t->nch;
    while (hi - lo > 16) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (tb[mid] < b) lo = mid + 1;
        else hi = mid + 1;
    }
    for (; lo < hi; lo++) {
        if (tb[lo] == b) return lo;
        if (tb[lo] > b) return 0;
    }
    return 0;
}

static inline uint32_t dy_rpair_bit(uint32_t l2) { return 1u << ((l2 * 0x9E3779B1u) >> 27); }

/* The roots starting with literal l1 whose second literal is l2, or NULL. */
static inline const dy_rpair *dy_rpair_find(const dy_dict *d, uint32_t l1, uint32_t l2)
{
    if (!d->rpairs) return NULL;
    uint32_t mask = (1u << d->rpbits) - 1u;
    uint32_t i = ((l1 * 0x9E3779B1u) ^ (l2 * 0x85EBCA77u)) >> (32 - d->rpbits);
    for (;;) {
        const dy_rpair *e = &d->rpairs[i];
        if (!e->l1) return NULL;
        if (e->l1 == l1 && e->l2 == l2) return e;
        i = (i + 1) & mask;
    }
}

/* dict.c helpers */
uint32_t dy_dict_str(dy_dict *d, const char *s, size_t n);      /* intern, 0 on OOM */
uint32_t dy_dict_strfind(const dy_dict *d, const char *s, size_t n); /* id, 0 = absent */
const char *dy_dict_strget(const dy_dict *d, uint32_t id);
uint32_t dy_dict_lit(dy_dict *d, const char *s, size_t n);      /* add literal (upper) */
uint32_t dy_dict_litfind(const dy_dict *d, const char *s, size_t n);
int dy_dict_addroot(dy_dict *d, dy_root *r);                    /* returns index or <0 */
uint32_t dy_dict_pel(dy_dict *d, uint32_t tok, uint32_t conn);  /* append element */
int dy_dict_grow(void **p, uint32_t *cap, uint32_t need, size_t elsz);
int dy_dict_finish(dy_dict *d);                                 /* sort patterns, index */
void dy_dict_build_vocab(dy_dict *d);                           /* d->vocab from the literals */

/* dict_tabari.c */
typedef struct dy_diag { dy_dict_diag_fn fn; void *ctx; } dy_diag;
/* Shared by the format readers. A whole dictionary file, NUL bytes as spaces
 * and CR / CRLF as LF, NUL-terminated; *n (may be NULL) gets its length.
 * Caller frees; NULL when unreadable or out of memory. */
char *dy_dict_read_text(const char *path, size_t *n);
/* Count one problem of file:line in d (error or warning) and pass it to dg
 * as "error: ..." / "warning: ...". */
void dy_dict_diagf(dy_dict *d, dy_diag *dg, const char *file, uint32_t line, int err,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Record path in d->files (roots name their file by index); *idx = its
 * index. 0 or DY_ENOMEM. */
int dy_dict_remember_file(dy_dict *d, const char *path, uint32_t *idx);
/* Duplicate check of the readers: 1 when (kind, phrase) was seen before,
 * else 0 and it is recorded (as a key "\x01" kind phrase in the string pool). */
int dy_dict_seen(dy_dict *d, char kind, const char *phrase);
/* The folder of path with its final '/' into dir ("" when none). */
void dy_dict_dirname(char *dir, size_t cap, const char *path);
/* The next blank-separated word of the text at *p, NUL-terminated in place
 * (the text is cut there); *p moves past it. NULL when no word is left. */
char *dy_dict_word(char **p);
/* SC_NULL, SC_DISCARD or SC_COMPLEX for a code "---", "###" or "+++",
 * else SC_NONE. */
uint8_t dy_dict_special(const char *code);
/* A code "CODE?!:PAIR" split in place: the text after ':' (NULL when none)
 * into *pair, the trailing '?' and '!' of CODE into vc->sub and vc->dom.
 * Returns the length of CODE left in buf. */
size_t dy_dict_code_marks(char *buf, dy_vcode *vc, char **pair);
/* The pair part of a code (trailing '?' or '!' dropped, "---" = null)
 * into vc->pair / vc->pair_special. */
void dy_dict_code_pair(dy_dict *d, char *pair, dy_vcode *vc);
/* A synset root &NAME (name[0..n)) read at file:line, its members to be
 * added next (dy_dict_add_root_pattern). Its index, or DY_ENOMEM. */
int dy_dict_add_synset(dy_dict *d, const char *name, size_t n, uint32_t file, uint32_t line);
/* Append pattern pt, read at line, to d->pats. 0 or DY_ENOMEM. */
int dy_dict_add_pattern(dy_dict *d, dy_pattern *pt, uint32_t line);
/* The same as the next pattern of root ri, whose patterns must be the last
 * ones in d->pats: 0, 1 when they are not (nothing added), or DY_ENOMEM. */
int dy_dict_add_root_pattern(dy_dict *d, uint32_t ri, dy_pattern *pt, uint32_t line);
/* One alternative of an actor code as read, "[CODE <date-spec>]": the
 * code text and its date bounds (yyyymmdd, 0 = open). */
typedef struct dy_ablock { int32_t lo, hi; char code[96]; } dy_ablock;
/* How a format turns an alternative's code text into ad's parts (and
 * special). 0 or DY_ENOMEM. */
typedef int (*dy_acode_parts_fn)(dy_dict *d, dy_adate *ad, const char *code);
/* The actor code of the alternatives bl[0..nb): those with a date
 * restriction first, in listed order, then the undated default (with
 * first_default only the first one); a code given only with restrictions
 * gets a null default. *out = its index in d->acodes. 0 or DY_ENOMEM. */
int dy_dict_make_acode(dy_dict *d, const dy_ablock *bl, int nb, int first_default, dy_acode_parts_fn parts,
                       uint32_t *out);
int dy_tabari_load_project(dy_dict *d, const char *path, dy_diag *dg);
int dy_tabari_load_file(dy_dict *d, const char *path, int kind, dy_diag *dg);
int dy_tabari_options_line(dy_code_opts *o, dy_dict *d, const char *line);
enum { DK_ACTORS = 1, DK_VERBS, DK_AGENTS, DK_OPTIONS };
void dy_tabari_system_roots(dy_dict *d);
int dy_tabari_date(const char *s, int yyyy);                   /* YYMMDD -> yyyymmdd */


/* dict_petr.c — PETRARCH readers (config .ini, actors, agents, verbs,
 * discards, issues). Discards and issues are kept here and applied after
 * coding (src/issues.c). */
enum { PK_ACTORS = 16, PK_AGENTS, PK_VERBS, PK_DISCARDS, PK_ISSUES };
typedef struct dy_petr_disc { uint32_t str; uint8_t story, whole; } dy_petr_disc;
typedef struct dy_petr_iss { uint32_t str, code; uint16_t cat; uint8_t ignore; } dy_petr_iss;
typedef struct dy_petr {
    dy_petr_disc *disc; uint32_t ndisc, capdisc;   /* normalised phrase string ids */
    dy_petr_iss *iss; uint32_t niss, capiss;       /* one entry per expanded variant */
    uint32_t nissue_lines, ntransforms;
    /* lookup by the first (up to 3) characters of a phrase: heads[h] is
       1 + the first entry, next[i] is 1 + the following one (0 = end) */
    uint32_t *dheads, *dnext, *iheads, *inext;
    uint32_t nbuckets;
} dy_petr;
uint32_t dy_petr_key(const char *s, size_t n, uint32_t nbuckets);    /* bucket of a prefix */
int dy_petr_kind_of(const char *path);                          /* PK_* or 0 */
int dy_petr_load_file(dy_dict *d, const char *path, int kind, dy_diag *dg);
int dy_petr_load_config(dy_dict *d, const char *ini, dy_diag *dg);
int dy_petr_load_names(dy_dict *d, const char *dir, const char *names[5], dy_diag *dg);
int dy_petr_load_folder_extras(dy_dict *d, const char *path, dy_diag *dg);
size_t dy_petr_norm(char *dst, size_t cap, const char *s, size_t n);
void dy_petr_free(dy_petr **p);

#endif
