/* dict.c — dictionary set storage: string pool, literal table (the
 * vocabulary of every phrase, as dense integer ids), roots, patterns and
 * actor codes; loading dispatch (TABARI project, single file, folder) and
 * the final indexing step (patterns sorted longest first, roots indexed by
 * their first literal). Format readers live in dict_tabari.c. */
#include "dict_int.h"
#include "image.h"
#include "dyad.h"
#include <ctype.h>
#include <stdarg.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int dy_dict_grow(void **p, uint32_t *cap, uint32_t need, size_t elsz)
{
    if (need <= *cap) return 0;
    uint32_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > UINT32_MAX / 2) return DY_ENOMEM;
        nc *= 2;
    }
    void *q = realloc(*p, (size_t)nc * elsz);
    if (!q) return DY_ENOMEM;
    *p = q;
    *cap = nc;
    return 0;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h;
}

const char *dy_dict_strget(const dy_dict *d, uint32_t id)
{
    if (!id || id > d->nstrs) return "";
    return d->chars + d->strs[id - 1];
}

static int rehash_strs(dy_dict *d)
{
    uint32_t cap = d->shcap ? d->shcap * 2 : 1024;
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h) return DY_ENOMEM;
    for (uint32_t id = 1; id <= d->nstrs; id++) {
        const char *s = d->chars + d->strs[id - 1];
        uint32_t i = hash_bytes(s, strlen(s)) & (cap - 1);
        while (h[i]) i = (i + 1) & (cap - 1);
        h[i] = id;
    }
    free(d->shash);
    d->shash = h;
    d->shcap = cap;
    return 0;
}

/* The string table slot of s (n bytes): where its id is, or the empty slot
   where it would go. d->shcap must be non-zero. */
static uint32_t str_slot(const dy_dict *d, const char *s, size_t n)
{
    uint32_t i = hash_bytes(s, n) & (d->shcap - 1);
    while (d->shash[i]) {
        const char *t = d->chars + d->strs[d->shash[i] - 1];
        if (strlen(t) == n && memcmp(t, s, n) == 0) return i;
        i = (i + 1) & (d->shcap - 1);
    }
    return i;
}

uint32_t dy_dict_strfind(const dy_dict *d, const char *s, size_t n)
{
    return d->shcap ? d->shash[str_slot(d, s, n)] : 0;
}

uint32_t dy_dict_str(dy_dict *d, const char *s, size_t n)
{
    if ((d->nstrs + 1) * 2 >= d->shcap && rehash_strs(d)) return 0;
    uint32_t i = str_slot(d, s, n);
    if (d->shash[i]) return d->shash[i];
    if (d->nchars + n + 1 > d->capchars) {
        size_t nc = d->capchars ? d->capchars : 65536;
        while (nc < d->nchars + n + 1) nc *= 2;
        char *c = realloc(d->chars, nc);
        if (!c) return 0;
        d->chars = c;
        d->capchars = nc;
    }
    if (dy_dict_grow((void **)&d->strs, &d->capstrs, d->nstrs + 1, sizeof *d->strs)) return 0;
    memcpy(d->chars + d->nchars, s, n);
    d->chars[d->nchars + n] = '\0';
    d->strs[d->nstrs++] = (uint32_t)d->nchars;
    d->nchars += n + 1;
    d->shash[i] = d->nstrs;
    return d->nstrs;
}

static int rehash_lits(dy_dict *d)
{
    uint32_t cap = d->lhcap ? d->lhcap * 2 : 1024;
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h) return DY_ENOMEM;
    for (uint32_t id = DL_SYMBOL_LIMIT; id < d->nlits; id++) {
        const char *s = dy_dict_strget(d, d->lits[id].str);
        uint32_t i = hash_bytes(s, d->lits[id].len) & (cap - 1);
        while (h[i]) i = (i + 1) & (cap - 1);
        h[i] = id;
    }
    free(d->lhash);
    d->lhash = h;
    d->lhcap = cap;
    return 0;
}

uint32_t dy_dict_litfind(const dy_dict *d, const char *s, size_t n)
{
    if (!d->lhcap) return 0;
    uint32_t i = hash_bytes(s, n) & (d->lhcap - 1);
    while (d->lhash[i]) {
        const dy_lit *l = &d->lits[d->lhash[i]];
        if (l->len == n && memcmp(dy_dict_strget(d, l->str), s, n) == 0) return d->lhash[i];
        i = (i + 1) & (d->lhcap - 1);
    }
    return 0;
}

uint32_t dy_dict_lit(dy_dict *d, const char *s, size_t n)
{
    uint32_t id = dy_dict_litfind(d, s, n);
    if (id) return id;
    if ((d->nlits + 1) * 2 >= d->lhcap && rehash_lits(d)) return 0;
    if (dy_dict_grow((void **)&d->lits, &d->caplits, d->nlits + 1, sizeof *d->lits)) return 0;
    uint32_t sid = dy_dict_str(d, s, n);
    if (!sid) return 0;
    id = d->nlits++;
    d->lits[id].str = sid;
    d->lits[id].len = (uint32_t)n;
    d->lits[id].start = 0;
    uint32_t i = hash_bytes(s, n) & (d->lhcap - 1);
    while (d->lhash[i]) i = (i + 1) & (d->lhcap - 1);
    d->lhash[i] = id;
    return id;
}

uint32_t dy_dict_pel(dy_dict *d, uint32_t tok, uint32_t conn)
{
    if (dy_dict_grow((void **)&d->pels, &d->cappels, d->npels + 1, sizeof *d->pels)) return UINT32_MAX;
    d->pels[d->npels].tok = tok;
    d->pels[d->npels].conn = conn;
    return d->npels++;
}

int dy_dict_addroot(dy_dict *d, dy_root *r)
{
    if (dy_dict_grow((void **)&d->roots, &d->caproots, d->nroots + 1, sizeof *d->roots)) return DY_ENOMEM;
    d->roots[d->nroots] = *r;
    return (int)d->nroots++;
}

static dy_dict *dict_new(void)
{
    dy_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    /* literal 0 unused; 1..9 are the pattern symbols */
    static const char *sym[] = { "", "$", "+", "*", "^", "%", "@", "{", "|", "}" };
    if (dy_dict_grow((void **)&d->lits, &d->caplits, DL_SYMBOL_LIMIT, sizeof *d->lits)) { free(d); return NULL; }
    for (int i = 0; i < DL_SYMBOL_LIMIT; i++) {
        d->lits[i].str = dy_dict_str(d, sym[i], strlen(sym[i]));
        d->lits[i].len = (uint32_t)strlen(sym[i]);
        d->lits[i].start = 0;
    }
    d->nlits = DL_SYMBOL_LIMIT;
    /* root 0, pattern 0, acode 0 unused */
    dy_root r0;
    memset(&r0, 0, sizeof r0);
    dy_dict_addroot(d, &r0);
    dy_dict_grow((void **)&d->pats, &d->cappats, 1, sizeof *d->pats);
    memset(&d->pats[0], 0, sizeof d->pats[0]);
    d->npats = 1;
    dy_dict_grow((void **)&d->acodes, &d->capacodes, 1, sizeof *d->acodes);
    memset(&d->acodes[0], 0, sizeof d->acodes[0]);
    d->nacodes = 1;
    dy_code_opts_default(&d->opts);
    d->str_elite = dy_dict_str(d, "~ELI", 4);
    dy_tabari_system_roots(d);
    return d;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    if (a < b) return 0;
    for (size_t i = 0; i < b; i++)
        if (tolower((unsigned char)s[a - b + i]) != tolower((unsigned char)suf[i])) return 0;
    return 1;
}

static int kind_of(const char *name)
{
    if (ends_with(name, ".actors")) return DK_ACTORS;
    if (ends_with(name, ".verbs")) return DK_VERBS;
    if (ends_with(name, ".agents")) return DK_AGENTS;
    if (ends_with(name, ".options")) return DK_OPTIONS;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_folder(dy_dict *d, const char *path, dy_diag *dg)
{
    DIR *dir = opendir(path);
    if (!dir) return DY_EIO;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(dir))) {
        if (!kind_of(e->d_name)) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) { rc = DY_ENOMEM; goto done; }
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (!names[n]) { rc = DY_ENOMEM; goto done; }
        n++;
    }
    qsort(names, n, sizeof *names, cmp_str);
    /* actors, agents, verbs, then options (options may name labels only) */
    for (int k = DK_ACTORS; k <= DK_OPTIONS && !rc; k++) {
        for (size_t i = 0; i < n && !rc; i++) {
            if (kind_of(names[i]) != k) continue;
            size_t len = strlen(path) + strlen(names[i]) + 2;
            char *full = malloc(len);
            if (!full) { rc = DY_ENOMEM; break; }
            snprintf(full, len, "%s/%s", path, names[i]);
            rc = dy_tabari_load_file(d, full, k, dg);
            free(full);
        }
    }
    if (!rc) rc = dy_petr_load_folder_extras(d, path, dg);   /* *.discards, *.issues */
done:
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    closedir(dir);
    return rc;
}

int dy_dict_load(dy_dict **out, const char *path, dy_dict_diag_fn diag, void *ctx)
{
    *out = NULL;
    if (path && !is_dir(path) && dy_image_is(path)) return dy_image_load(out, path, diag, ctx);
    dy_dict *d = dict_new();
    if (!d) return DY_ENOMEM;
    dy_diag dg = { diag, ctx };
    int rc = 0;
    if (!path) {
        rc = DY_ENOTFOUND;  /* no built-in set yet */
    } else if (is_dir(path)) {
        rc = load_folder(d, path, &dg);
    } else if (ends_with(path, ".project")) {
        rc = dy_tabari_load_project(d, path, &dg);
    } else if (ends_with(path, ".ini")) {
        rc = dy_petr_load_config(d, path, &dg);       /* PETRARCH config */
    } else if (dy_petr_kind_of(path)) {
        rc = dy_petr_load_file(d, path, dy_petr_kind_of(path), &dg);
    } else if (kind_of(path)) {
        rc = dy_tabari_load_file(d, path, kind_of(path), &dg);
    } else {
        rc = DY_EFORMAT;
    }
    if (!rc) rc = dy_dict_finish(d);
    if (rc) { dy_dict_free(&d); return rc; }
    *out = d;
    return 0;
}

/* ---- final indexing ---- */

typedef struct triple { uint32_t l1, l2, root; } triple;
static int cmp_triple(const void *a, const void *b)
{
    const triple *x = a, *y = b;
    if (x->l1 != y->l1) return x->l1 < y->l1 ? -1 : 1;
    if (x->l2 != y->l2) return x->l2 < y->l2 ? -1 : 1;
    return x->root < y->root ? -1 : x->root > y->root;
}

/* Index text roots (not synsets, not null) by their first literal, and by
 * their first two literals when the second must be the next word. */
static int build_rootindex(dy_dict *d)
{
    free(d->rsfirst); free(d->rsingle); free(d->rpairs); free(d->rpairroots);
    d->rsfirst = d->rsingle = d->rpairroots = NULL;
    d->rpairs = NULL;
    d->nrsingle = d->nrpairroots = 0;
    int rc = DY_ENOMEM;
    triple *tr = malloc((size_t)(d->nroots ? d->nroots : 1) * sizeof *tr);
    d->rsfirst = calloc((size_t)d->nlits + 1, sizeof *d->rsfirst);
    d->rsingle = malloc((size_t)(d->nroots ? d->nroots : 1) * sizeof *d->rsingle);
    if (!tr || !d->rsfirst || !d->rsingle) goto fail;
    uint32_t ntr = 0;
    free(d->litkind);
    d->litkind = calloc(d->nlits ? d->nlits : 1, 1);
    if (!d->litkind) goto fail;
    /* pass 1: classify; count singles per literal */
    for (uint32_t r = 1; r < d->nroots; r++) {
        const dy_root *rt = &d->roots[r];
        if (rt->wtype == WT_SYNSET || rt->wtype == WT_NULL || !rt->nph) continue;
        const dy_pel *pe = &d->pels[rt->ph];
        uint32_t lit = pe->tok;
        if (lit < DL_SYMBOL_LIMIT || lit >= d->nlits) continue;
        d->litkind[lit] |= rt->wtype == WT_VERB ? LK_VERB
                         : (rt->wtype == WT_ACTOR || rt->wtype == WT_AGENT) ? LK_ACTOR : LK_OTHER;
        if (rt->nph >= 2 && !(pe->conn & DC_PART) && !(pe[1].conn & DC_SYN) &&
            pe[1].tok >= DL_SYMBOL_LIMIT && pe[1].tok < d->nlits) {
            tr[ntr].l1 = lit;
            tr[ntr].l2 = pe[1].tok;
            tr[ntr].root = r;
            ntr++;
        } else {
            d->rsfirst[lit + 1]++;
        }
    }
    for (uint32_t l = 0; l < d->nlits; l++) d->rsfirst[l + 1] += d->rsfirst[l];
    /* pass 2: fill singles in load order */
    for (uint32_t r = 1; r < d->nroots; r++) {
        const dy_root *rt = &d->roots[r];
        if (rt->wtype == WT_SYNSET || rt->wtype == WT_NULL || !rt->nph) continue;
        const dy_pel *pe = &d->pels[rt->ph];
        uint32_t lit = pe->tok;
        if (lit < DL_SYMBOL_LIMIT || lit >= d->nlits) continue;
        if (rt->nph >= 2 && !(pe->conn & DC_PART) && !(pe[1].conn & DC_SYN) &&
            pe[1].tok >= DL_SYMBOL_LIMIT && pe[1].tok < d->nlits) continue;
        d->rsingle[d->nrsingle++] = r;
    }
    /* the singles were counted per literal but filled in root order: sort
       them into their literal's range (stable, so load order is kept) */
    {
        uint32_t *pos = malloc((size_t)d->nlits * sizeof *pos);
        uint32_t *tmp = malloc((size_t)(d->nrsingle ? d->nrsingle : 1) * sizeof *tmp);
        if (!pos || !tmp) { free(pos); free(tmp); goto fail; }
        memcpy(pos, d->rsfirst, (size_t)d->nlits * sizeof *pos);
        for (uint32_t k = 0; k < d->nrsingle; k++) {
            uint32_t lit = d->pels[d->roots[d->rsingle[k]].ph].tok;
            tmp[pos[lit]++] = d->rsingle[k];
        }
        memcpy(d->rsingle, tmp, (size_t)d->nrsingle * sizeof *tmp);
        free(pos);
        free(tmp);
    }
    /* pairs: sorted by (l1, l2, root), one hash entry per distinct pair */
    qsort(tr, ntr, sizeof *tr, cmp_triple);
    uint32_t npairs = 0;
    for (uint32_t k = 0; k < ntr; k++)
        if (!k || tr[k].l1 != tr[k - 1].l1 || tr[k].l2 != tr[k - 1].l2) npairs++;
    uint32_t bits = 4;
    while ((1ull << bits) < (uint64_t)npairs * 2 + 2) bits++;
    d->rpbits = bits;
    d->rpairs = calloc((size_t)1 << bits, sizeof *d->rpairs);
    d->rpairroots = malloc((size_t)(ntr ? ntr : 1) * sizeof *d->rpairroots);
    if (!d->rpairs || !d->rpairroots) goto fail;
    uint32_t mask = (1u << bits) - 1u;
    free(d->litpair);
    d->litpair = calloc(d->nlits ? d->nlits : 1, sizeof *d->litpair);
    if (!d->litpair) goto fail;
    for (uint32_t k = 0; k < ntr; k++) d->litpair[tr[k].l1] |= dy_rpair_bit(tr[k].l2);
    for (uint32_t k = 0; k < ntr;) {
        uint32_t e = k;
        while (e < ntr && tr[e].l1 == tr[k].l1 && tr[e].l2 == tr[k].l2) e++;
        uint32_t i = ((tr[k].l1 * 0x9E3779B1u) ^ (tr[k].l2 * 0x85EBCA77u)) >> (32 - bits);
        while (d->rpairs[i].l1) i = (i + 1) & mask;
        d->rpairs[i].l1 = tr[k].l1;
        d->rpairs[i].l2 = tr[k].l2;
        d->rpairs[i].first = d->nrpairroots;
        d->rpairs[i].n = e - k;
        for (uint32_t q = k; q < e; q++) d->rpairroots[d->nrpairroots++] = tr[q].root;
        k = e;
    }
    rc = 0;
fail:
    free(tr);
    return rc;
}

/* For every pattern, the literals that must occur in a sentence for the
 * pattern to match: its literal elements outside { | } groups (synset
 * elements are alternatives too, so they are left out). */
static int build_preq(dy_dict *d)
{
    free(d->preq); d->preq = NULL;
    free(d->reqlits); d->reqlits = NULL;
    d->nreqlits = 0;
    size_t total = 0;
    for (uint32_t p = 0; p < d->npats; p++) total += d->pats[p].nph;
    d->preq = calloc(d->npats ? d->npats : 1, sizeof *d->preq);
    d->reqlits = malloc((total ? total : 1) * sizeof *d->reqlits);
    if (!d->preq || !d->reqlits) return DY_ENOMEM;
    for (uint32_t p = 0; p < d->npats; p++) {
        const dy_pattern *pt = &d->pats[p];
        int depth = 0;
        d->preq[p].first = d->nreqlits;
        for (uint32_t e = 0; e < pt->nph; e++) {
            const dy_pel *pe = &d->pels[pt->ph + e];
            if (pe->conn & DC_SYN) {
                /* a synset outside { | }: one of its members must be possible */
                if (!depth && pe->tok && pe->tok < d->nroots && pe->tok < DY_REQ_SYN)
                    d->reqlits[d->nreqlits++] = DY_REQ_SYN | pe->tok;
                continue;
            }
            if (pe->tok == DL_OPBR) { depth++; continue; }
            if (pe->tok == DL_CLBR) { if (depth) depth--; continue; }
            if (depth || pe->tok < DL_SYMBOL_LIMIT || pe->tok >= d->nlits) continue;
            d->reqlits[d->nreqlits++] = pe->tok;
        }
        d->preq[p].n = d->nreqlits - d->preq[p].first;
    }
    return 0;
}

typedef struct tedge { uint32_t parent, child; uint8_t byte; } tedge;
static int cmp_tedge(const void *a, const void *b)
{
    const tedge *x = a, *y = b;
    if (x->parent != y->parent) return x->parent < y->parent ? -1 : 1;
    return (int)x->byte - (int)y->byte;
}

/* The literal trie: every literal's upper-case bytes, one node per prefix.
 * Built with a temporary hash of edges, then laid out depth-first with
 * each node's children contiguous and sorted by byte. */
static int build_trie(dy_dict *d)
{
    free(d->tnodes); d->tnodes = NULL;
    free(d->tbytes); d->tbytes = NULL;
    d->ntnodes = 0;
    size_t total = 1;
    for (uint32_t i = DL_SYMBOL_LIMIT; i < d->nlits; i++) total += d->lits[i].len;
    if (total >= (1u << 24)) return DY_ENOMEM;      /* node ids must fit 24 bits */
    uint32_t bits = 4;
    while ((1ull << bits) < total * 2) bits++;
    uint32_t mask = (1u << bits) - 1u;
    int rc = DY_ENOMEM;
    uint32_t *hkey = calloc((size_t)1 << bits, sizeof *hkey);
    uint32_t *hval = calloc((size_t)1 << bits, sizeof *hval);
    uint32_t *lit = calloc(total, sizeof *lit);
    tedge *ed = malloc(total * sizeof *ed);
    uint32_t *first = NULL, *queue = NULL, *stack = NULL;
    if (!hkey || !hval || !lit || !ed) goto done;
    uint32_t n = 1, ne = 0;
    for (uint32_t id = DL_SYMBOL_LIMIT; id < d->nlits; id++) {
        const unsigned char *s = (const unsigned char *)dy_dict_strget(d, d->lits[id].str);
        uint32_t node = 0;
        for (uint32_t k = 0; k < d->lits[id].len; k++) {
            uint32_t key = ((node << 8) | s[k]) + 1u;
            uint32_t i = (key * 0x9E3779B1u) >> (32 - bits);
            while (hkey[i] && hkey[i] != key) i = (i + 1) & mask;
            if (!hkey[i]) {
                hkey[i] = key;
                hval[i] = n;
                ed[ne].parent = node;
                ed[ne].child = n;
                ed[ne].byte = s[k];
                ne++;
                n++;
            }
            node = hval[i];
        }
        if (node && !lit[node]) lit[node] = id;
    }
    /* children of each old node: ed sorted by (parent, byte), first[] CSR */
    qsort(ed, ne, sizeof *ed, cmp_tedge);
    first = calloc((size_t)n + 1, sizeof *first);
    queue = malloc((size_t)n * sizeof *queue);
    stack = malloc((size_t)n * sizeof *stack);
    d->tnodes = calloc(n, sizeof *d->tnodes);
    d->tbytes = calloc(n, 1);
    if (!first || !queue || !stack || !d->tnodes || !d->tbytes) goto done;
    for (uint32_t k = 0; k < ne; k++) first[ed[k].parent + 1]++;
    for (uint32_t k = 0; k < n; k++) first[k + 1] += first[k];
    /* depth-first over sibling blocks: a node's children get consecutive
       ids when the node is visited, and the first child is visited next,
       so that a chain of single-child nodes (the tail of a long word) is
       contiguous in memory. queue[j] is the old id of new node j; stack
       holds the new ids still to visit. */
    uint32_t qn = 1, sp = 0;
    queue[0] = 0;
    stack[sp++] = 0;
    while (sp) {
        uint32_t j = stack[--sp];
        uint32_t old = queue[j];
        dy_tnode *t = &d->tnodes[j];
        t->lit = lit[old];
        t->first = qn;
        t->nch = first[old + 1] - first[old];
        for (uint32_t k = first[old]; k < first[old + 1]; k++) {
            if (t->nch <= 4) t->cb[k - first[old]] = ed[k].byte;
            d->tbytes[qn] = ed[k].byte;
            queue[qn++] = ed[k].child;
        }
        if (t->nch > 4) {
            uint32_t m = dy_tnode_mask(d->tbytes + t->first, t->nch);
            memcpy(t->cb, &m, sizeof m);
        }
        for (uint32_t ch = t->first + t->nch; ch-- > t->first;) stack[sp++] = ch;
    }
    d->ntnodes = qn;
    rc = 0;
done:
    free(hkey); free(hval); free(lit); free(ed);
    free(first); free(queue); free(stack);
    return rc;
}

int dy_dict_finish(dy_dict *d)
{
    /* sort each root's pattern run longest-first (stable by position) */
    uint32_t *idx = NULL;
    uint32_t capidx = 0;
    dy_pattern *tmp = NULL;
    uint32_t captmp = 0;
    for (uint32_t r = 1; r < d->nroots; r++) {
        dy_root *rt = &d->roots[r];
        if (rt->npat < 2 || rt->group != r) continue;
        if (dy_dict_grow((void **)&idx, &capidx, rt->npat, sizeof *idx) ||
            dy_dict_grow((void **)&tmp, &captmp, rt->npat, sizeof *tmp)) { free(idx); free(tmp); return DY_ENOMEM; }
        for (uint32_t i = 0; i < rt->npat; i++) idx[i] = rt->pat0 + i;
        /* a function-local context is not allowed to escape; qsort has no ctx arg,
           so use an insertion sort (pattern lists are short) */
        for (uint32_t i = 1; i < rt->npat; i++) {
            uint32_t v = idx[i];
            uint32_t j = i;
            while (j > 0) {
                const dy_pattern *x = &d->pats[idx[j - 1]], *y = &d->pats[v];
                if (x->length >= y->length) break;
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = v;
        }
        for (uint32_t i = 0; i < rt->npat; i++) tmp[i] = d->pats[idx[i]];
        memcpy(&d->pats[rt->pat0], tmp, rt->npat * sizeof *tmp);
    }
    free(idx);
    free(tmp);
    /* words that only carry a null code are not roots (manual 6.2) */
    for (uint32_t r = 1; r < d->nroots; r++) {
        dy_root *rt = &d->roots[r];
        if (rt->wtype == WT_VERB && rt->group == r && rt->has_code && rt->vcode.special == SC_NULL && rt->npat == 0)
            rt->wtype = WT_NULL;
        if (rt->wtype == WT_ACTOR && rt->acode) {
            const dy_acode *ac = &d->acodes[rt->acode];
            int allnull = 1;
            for (uint32_t i = 0; i < ac->n; i++)
                if (d->adates[ac->first + i].special != SC_NULL || d->adates[ac->first + i].lo || d->adates[ac->first + i].hi) allnull = 0;
            /* with SET: LONGEST ACTOR a null-coded phrase stays a root, so
               that being longer it blocks the actor inside it ("the Indian
               Ocean" [---] is not India) and is then read as a noun */
            if (allnull && !d->opts.longest_actor) rt->wtype = WT_NULL;
        }
    }
    /* verb forms share their group's patterns */
    for (uint32_t r = 1; r < d->nroots; r++) {
        dy_root *rt = &d->roots[r];
        if (rt->group && rt->group != r) {
            rt->pat0 = d->roots[rt->group].pat0;
            rt->npat = d->roots[rt->group].npat;
            rt->vcode = d->roots[rt->group].vcode;
            rt->has_code = d->roots[rt->group].has_code;
        }
    }
    /* index roots by first literal (synsets are not roots of text) */
    for (uint32_t i = 0; i < d->nlits; i++) d->lits[i].start = 0;
    d->nstarts = 1;
    if (dy_dict_grow((void **)&d->starts, &d->capstarts, d->nroots + 1, sizeof *d->starts)) return DY_ENOMEM;
    d->starts[0].root = d->starts[0].next = 0;
    /* append in load order: keep a tail pointer per literal via a scan */
    uint32_t *tail = calloc(d->nlits ? d->nlits : 1, sizeof *tail);
    if (!tail) return DY_ENOMEM;
    for (uint32_t r = 1; r < d->nroots; r++) {
        dy_root *rt = &d->roots[r];
        if (rt->wtype == WT_SYNSET || rt->wtype == WT_NULL || !rt->nph) continue;
        uint32_t lit = d->pels[rt->ph].tok;
        if (lit < DL_SYMBOL_LIMIT || lit >= d->nlits) continue;
        uint32_t e = d->nstarts++;
        d->starts[e].root = r;
        d->starts[e].next = 0;
        if (tail[lit]) d->starts[tail[lit]].next = e;
        else d->lits[lit].start = e;
        tail[lit] = e;
    }
    free(tail);
    if (build_trie(d) || build_preq(d) || build_rootindex(d)) return DY_ENOMEM;
    dy_dict_build_vocab(d);
    return 0;
}

void dy_dict_build_vocab(dy_dict *d)
{
    /* the lower-case vocabulary for tokenizers */
    dy_intern_free(&d->vocab);
    d->vocab = dy_intern_new(NULL);
    if (d->vocab) {
        char buf[256];
        for (uint32_t i = DL_SYMBOL_LIMIT; i < d->nlits; i++) {
            size_t n = d->lits[i].len;
            if (n >= sizeof buf) continue;
            const char *s = dy_dict_strget(d, d->lits[i].str);
            for (size_t k = 0; k < n; k++) buf[k] = (char)tolower((unsigned char)s[k]);
            dy_intern_add(d->vocab, buf, n);
        }
    }
}

const dy_intern *dy_dict_vocab(const dy_dict *d)
{
    return d ? d->vocab : NULL;
}

const dy_code_opts *dy_dict_options(const dy_dict *d)
{
    return &d->opts;
}

void dy_dict_stats(const dy_dict *d, dy_dict_stats_t *st)
{
    memset(st, 0, sizeof *st);
    st->actors = d->nactors;
    st->agents = d->nagents;
    st->verbs = d->nverbs;
    st->patterns = d->npatterns;
    st->synsets = d->nsynsets;
    st->nouns = d->nnouns;
    st->literals = d->nlits - DL_SYMBOL_LIMIT;
    st->errors = d->nerrors;
    st->warnings = d->nwarnings;
}

void dy_dict_free(dy_dict **dp)
{
    if (!dp || !*dp) return;
    dy_dict *d = *dp;
    if (d->image) {
        /* a compiled image: the arrays live in the read-only mapping */
        dy_image_unmap(d);
        for (uint32_t i = 0; i < d->nfiles; i++) free(d->files[i]);
        free(d->files);
        free(d->petr);
        dy_intern_free(&d->vocab);
        free(d);
        *dp = NULL;
        return;
    }
    free(d->chars); free(d->strs); free(d->shash);
    free(d->lits); free(d->lhash); free(d->starts);
    free(d->tnodes); free(d->tbytes); free(d->litpair); free(d->litkind);
    free(d->preq); free(d->reqlits);
    free(d->rsfirst); free(d->rsingle); free(d->rpairs); free(d->rpairroots);
    free(d->pels); free(d->roots); free(d->pats);
    free(d->acodes); free(d->adates); free(d->aparts);
    for (uint32_t i = 0; i < d->nfiles; i++) free(d->files[i]);
    free(d->files);
    dy_petr_free(&d->petr);
    dy_intern_free(&d->vocab);
    free(d);
    *dp = NULL;
}

char *dy_dict_read_text(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 65536, len = 0;
    char *b = malloc(cap + 1);
    if (!b) { fclose(f); return NULL; }
    for (;;) {
        if (len == cap) {
            cap *= 2;
            char *nb = realloc(b, cap + 1);
            if (!nb) { free(b); fclose(f); return NULL; }
            b = nb;
        }
        size_t got = fread(b + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    fclose(f);
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        if (b[i] == '\0') b[w++] = ' ';
        else if (b[i] == '\r') {
            b[w++] = '\n';
            if (i + 1 < len && b[i + 1] == '\n') i++;
        } else b[w++] = b[i];
    }
    b[w] = '\0';
    if (n) *n = w;
    return b;
}

void dy_dict_diagf(dy_dict *d, dy_diag *dg, const char *file, uint32_t line, int err,
                   const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (err) d->nerrors++;
    else d->nwarnings++;
    if (dg && dg->fn) {
        char full[560];
        snprintf(full, sizeof full, "%s: %s", err ? "error" : "warning", msg);
        dg->fn(dg->ctx, file, line, full);
    }
}

/* ---- shared by the format readers (dict_tabari.c, dict_petr.c) ---- */

int dy_dict_remember_file(dy_dict *d, const char *path, uint32_t *idx)
{
    char **nf = realloc(d->files, (d->nfiles + 1) * sizeof *nf);
    if (!nf) return DY_ENOMEM;
    d->files = nf;
    d->files[d->nfiles] = strdup(path);
    if (!d->files[d->nfiles]) return DY_ENOMEM;
    *idx = d->nfiles++;
    return 0;
}

int dy_dict_seen(dy_dict *d, char kind, const char *phrase)
{
    char key[1100];
    snprintf(key, sizeof key, "\x01%c%.1024s", kind, phrase);
    uint32_t before = d->nstrs;
    dy_dict_str(d, key, strlen(key));
    return d->nstrs == before;
}

void dy_dict_dirname(char *dir, size_t cap, const char *path)
{
    snprintf(dir, cap, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) slash[1] = '\0';
    else dir[0] = '\0';
}

char *dy_dict_word(char **p)
{
    char *s = *p;
    while (*s == ' ') s++;
    if (!*s) return NULL;
    char *q = s;
    while (*q && *q != ' ') q++;
    *p = *q ? q + 1 : q;
    *q = '\0';
    return s;
}

uint8_t dy_dict_special(const char *code)
{
    if (!strcmp(code, "---")) return SC_NULL;
    if (!strcmp(code, "###")) return SC_DISCARD;
    if (!strcmp(code, "+++")) return SC_COMPLEX;
    return SC_NONE;
}

size_t dy_dict_code_marks(char *buf, dy_vcode *vc, char **pair)
{
    char *colon = strchr(buf, ':');
    *pair = NULL;
    if (colon) { *colon = '\0'; *pair = colon + 1; }
    size_t n = strlen(buf);
    if (n && buf[n - 1] == '?') { vc->sub = 1; buf[--n] = '\0'; }
    if (n && buf[n - 1] == '!') { vc->dom = 1; buf[--n] = '\0'; }
    return n;
}

void dy_dict_code_pair(dy_dict *d, char *pair, dy_vcode *vc)
{
    size_t m = strlen(pair);
    if (m && (pair[m - 1] == '?' || pair[m - 1] == '!')) pair[--m] = '\0';
    if (!strcmp(pair, "---")) vc->pair_special = SC_NULL;
    else if (m) vc->pair = dy_dict_str(d, pair, m);
}

int dy_dict_add_synset(dy_dict *d, const char *name, size_t n, uint32_t file, uint32_t line)
{
    dy_root rt;
    memset(&rt, 0, sizeof rt);
    uint32_t lit = dy_dict_lit(d, name, n);
    if (!lit) return DY_ENOMEM;
    rt.ph = dy_dict_pel(d, lit, DC_PARTSKIP);
    rt.nph = 1;
    rt.wtype = WT_SYNSET;
    rt.pat0 = d->npats;
    rt.file = file;
    rt.line = line;
    int idx = dy_dict_addroot(d, &rt);
    if (idx < 0) return idx;
    d->roots[idx].group = (uint32_t)idx;
    d->nsynsets++;
    return idx;
}

int dy_dict_add_pattern(dy_dict *d, dy_pattern *pt, uint32_t line)
{
    if (dy_dict_grow((void **)&d->pats, &d->cappats, d->npats + 1, sizeof *d->pats)) return DY_ENOMEM;
    pt->line = line;
    d->pats[d->npats++] = *pt;
    return 0;
}

int dy_dict_add_root_pattern(dy_dict *d, uint32_t ri, dy_pattern *pt, uint32_t line)
{
    if (d->roots[ri].pat0 + d->roots[ri].npat != d->npats) return 1;
    int rc = dy_dict_add_pattern(d, pt, line);
    if (rc) return rc;
    d->roots[ri].npat++;
    return 0;
}

/* Append a zeroed dated alternative of an actor code to d->adates, its
 * parts to follow at the end of d->aparts. NULL when out of memory. */
static dy_adate *add_adate(dy_dict *d)
{
    if (dy_dict_grow((void **)&d->adates, &d->capadates, d->nadates + 1, sizeof *d->adates)) return NULL;
    dy_adate *ad = &d->adates[d->nadates++];
    memset(ad, 0, sizeof *ad);
    ad->part0 = d->naparts;
    return ad;
}

int dy_dict_make_acode(dy_dict *d, const dy_ablock *bl, int nb, int first_default, dy_acode_parts_fn parts,
                       uint32_t *out)
{
    int restricted = 0, has_default = 0, ndefaults = 0, rc;
    for (int i = 0; i < nb; i++) { if (bl[i].lo || bl[i].hi) restricted = 1; else has_default = 1; }
    if (dy_dict_grow((void **)&d->acodes, &d->capacodes, d->nacodes + 1, sizeof *d->acodes)) return DY_ENOMEM;
    dy_acode ac = { d->nadates, 0 };
    /* restricted first in listed order, then the default */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < nb; i++) {
            int isdef = !(bl[i].lo || bl[i].hi);
            if ((pass == 0) == isdef) continue;
            if (isdef && first_default && ndefaults++) continue;
            dy_adate *ad = add_adate(d);
            if (!ad) return DY_ENOMEM;
            ad->lo = bl[i].lo;
            ad->hi = bl[i].hi;
            if ((rc = parts(d, ad, bl[i].code))) return rc;
            ac.n++;
        }
    }
    if (restricted && !has_default) {
        /* a lone restriction gets a null default */
        dy_adate *ad = add_adate(d);
        if (!ad) return DY_ENOMEM;
        ad->special = SC_NULL;
        ac.n++;
    }
    d->acodes[d->nacodes] = ac;
    *out = d->nacodes++;
    return 0;
}
