/* image.c — compiled dictionary images (see image.h).
 *
 * File layout (all integers little-endian as written by this build, every
 * section starting on a 16-byte boundary, the file padded to 16 bytes):
 *
 *   header   magic "DYADDICT" | u32 version | u32 endian mark 0x01020304 |
 *            u64 file size | u64 checksum of bytes [header end, size) |
 *            u32 number of sections | u32 reserved
 *   table    per section: u32 id | u32 element size | u64 offset | u64 count
 *   sections the arrays of struct dy_dict (dict_int.h), element by element
 *            as they are in memory: strings pool, literals, literal trie,
 *            root and pattern indexes, phrases, roots, patterns, actor
 *            codes, options, scalars, PETRARCH discards/issues.
 *
 * There are no pointers: every cross reference is already an index into
 * another section. Loading maps the file read-only and shared, checks the
 * header, size, checksum, element sizes and the index bounds (so a
 * damaged or hostile file is refused, never followed out of bounds), then
 * points the dictionary's arrays into the mapping. Only the list of file
 * names and the lower-case vocabulary (an intern table) are rebuilt. */
#include "image.h"
#include "dict_int.h"
#include "dyad.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct img_header {
    char magic[8];
    uint32_t version, endian;
    uint64_t size, checksum;
    uint32_t nsect, reserved;
} img_header;

typedef struct img_sect { uint32_t id, elsz; uint64_t off, count; } img_sect;

enum {
    S_CHARS = 1, S_STRS, S_SHASH, S_LITS, S_LHASH, S_STARTS, S_TNODES, S_TBYTES,
    S_LITPAIR, S_RSFIRST, S_RSINGLE, S_RPAIRS, S_RPROOTS, S_PREQ, S_REQLITS,
    S_PELS, S_ROOTS, S_PATS, S_ACODES, S_ADATES, S_APARTS, S_FILES, S_OPTS,
    S_SCAL, S_PDISC, S_PISS, S_PDHEADS, S_PDNEXT, S_PIHEADS, S_PINEXT,
    S_LITKIND, S_LIMIT
};

/* the scalar fields of struct dy_dict, in this order */
enum {
    K_ROOT_FORMER, K_LIT_AND, K_LIT_NOR, K_STR_ELITE, K_HAS_TIME, K_NERRORS,
    K_NWARNINGS, K_NACTORS, K_NAGENTS, K_NVERBS, K_NPATTERNS, K_NSYNSETS,
    K_NNOUNS, K_RPBITS, K_PETR, K_PISSUE_LINES, K_PTRANSFORMS, K_PBUCKETS,
    K_LIMIT
};

#define ENDIAN_MARK 0x01020304u

static uint64_t checksum(const unsigned char *p, size_t n)
{
    /* 64-bit words (n is a multiple of 8), multiply-xor mixing */
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    return h;
}

/* ---------------------------------------------------------------- writing */

typedef struct wsect { uint32_t id, elsz; uint64_t count; const void *p; } wsect;

int dy_image_write(const dy_dict *d, const char *path)
{
    if (!d || !path) return DY_EINVAL;
    uint32_t scal[K_LIMIT];
    memset(scal, 0, sizeof scal);
    scal[K_ROOT_FORMER] = d->root_former;
    scal[K_LIT_AND] = d->lit_and;
    scal[K_LIT_NOR] = d->lit_nor;
    scal[K_STR_ELITE] = d->str_elite;
    scal[K_HAS_TIME] = (uint32_t)d->has_time;
    scal[K_NERRORS] = d->nerrors;
    scal[K_NWARNINGS] = d->nwarnings;
    scal[K_NACTORS] = d->nactors;
    scal[K_NAGENTS] = d->nagents;
    scal[K_NVERBS] = d->nverbs;
    scal[K_NPATTERNS] = d->npatterns;
    scal[K_NSYNSETS] = d->nsynsets;
    scal[K_NNOUNS] = d->nnouns;
    scal[K_RPBITS] = d->rpbits;
    const dy_petr *pt = d->petr;
    if (pt) {
        scal[K_PETR] = 1;
        scal[K_PISSUE_LINES] = pt->nissue_lines;
        scal[K_PTRANSFORMS] = pt->ntransforms;
        scal[K_PBUCKETS] = pt->nbuckets;
    }
    /* file names, NUL-separated */
    size_t fl = 0;
    for (uint32_t i = 0; i < d->nfiles; i++) fl += strlen(d->files[i]) + 1;
    char *fnames = malloc(fl ? fl : 1);
    if (!fnames) return DY_ENOMEM;
    fl = 0;
    for (uint32_t i = 0; i < d->nfiles; i++) {
        size_t n = strlen(d->files[i]) + 1;
        memcpy(fnames + fl, d->files[i], n);
        fl += n;
    }
    wsect ws[S_LIMIT];
    int ns = 0;
#define SECT(ID, P, N) do { ws[ns].id = (ID); ws[ns].elsz = (uint32_t)sizeof *(P); \
        ws[ns].count = (N); ws[ns].p = (P); ns++; } while (0)
    SECT(S_CHARS, d->chars, d->nchars);
    SECT(S_STRS, d->strs, d->nstrs);
    SECT(S_SHASH, d->shash, d->shcap);
    SECT(S_LITS, d->lits, d->nlits);
    SECT(S_LHASH, d->lhash, d->lhcap);
    SECT(S_STARTS, d->starts, d->nstarts);
    SECT(S_TNODES, d->tnodes, d->ntnodes);
    SECT(S_TBYTES, d->tbytes, d->ntnodes);
    SECT(S_LITPAIR, d->litpair, d->nlits);
    SECT(S_LITKIND, d->litkind, d->nlits);
    SECT(S_RSFIRST, d->rsfirst, (uint64_t)d->nlits + 1);
    SECT(S_RSINGLE, d->rsingle, d->nrsingle);
    SECT(S_RPAIRS, d->rpairs, d->rpairs ? (1ull << d->rpbits) : 0);
    SECT(S_RPROOTS, d->rpairroots, d->nrpairroots);
    SECT(S_PREQ, d->preq, d->npats);
    SECT(S_REQLITS, d->reqlits, d->nreqlits);
    SECT(S_PELS, d->pels, d->npels);
    SECT(S_ROOTS, d->roots, d->nroots);
    SECT(S_PATS, d->pats, d->npats);
    SECT(S_ACODES, d->acodes, d->nacodes);
    SECT(S_ADATES, d->adates, d->nadates);
    SECT(S_APARTS, d->aparts, d->naparts);
    SECT(S_FILES, fnames, fl);
    SECT(S_OPTS, &d->opts, 1);
    SECT(S_SCAL, scal, K_LIMIT);
    if (pt) {
        SECT(S_PDISC, pt->disc, pt->ndisc);
        SECT(S_PISS, pt->iss, pt->niss);
        SECT(S_PDHEADS, pt->dheads, pt->dheads ? pt->nbuckets : 0);
        SECT(S_PDNEXT, pt->dnext, pt->dnext ? (uint64_t)pt->ndisc + 1 : 0);
        SECT(S_PIHEADS, pt->iheads, pt->iheads ? pt->nbuckets : 0);
        SECT(S_PINEXT, pt->inext, pt->inext ? (uint64_t)pt->niss + 1 : 0);
    }
#undef SECT
    /* layout */
    uint64_t off = sizeof(img_header) + (uint64_t)ns * sizeof(img_sect);
    img_sect tab[S_LIMIT];
    for (int i = 0; i < ns; i++) {
        off = (off + 15) & ~15ull;
        if (!ws[i].p) ws[i].count = 0;
        tab[i].id = ws[i].id;
        tab[i].elsz = ws[i].elsz;
        tab[i].off = off;
        tab[i].count = ws[i].count;
        off += ws[i].count * ws[i].elsz;
    }
    off = (off + 15) & ~15ull;
    unsigned char *buf = calloc(1, (size_t)off);
    if (!buf) { free(fnames); return DY_ENOMEM; }
    img_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, DY_IMAGE_MAGIC, 8);
    h.version = DY_IMAGE_VERSION;
    h.endian = ENDIAN_MARK;
    h.size = off;
    h.nsect = (uint32_t)ns;
    memcpy(buf + sizeof h, tab, (size_t)ns * sizeof *tab);
    for (int i = 0; i < ns; i++)
        if (tab[i].count) memcpy(buf + tab[i].off, ws[i].p, (size_t)(tab[i].count * tab[i].elsz));
    h.checksum = checksum(buf + sizeof h, (size_t)(off - sizeof h));
    memcpy(buf, &h, sizeof h);
    free(fnames);
    /* write path.tmp, then rename */
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 5);
    if (!tmp) { free(buf); return DY_ENOMEM; }
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".tmp", 5);
    int rc = DY_EIO;
    FILE *f = fopen(tmp, "wb");
    if (f) {
        int ok = fwrite(buf, 1, (size_t)off, f) == (size_t)off;
        if (fclose(f) != 0) ok = 0;
        if (ok && rename(tmp, path) == 0) rc = 0;
        else remove(tmp);
    }
    free(tmp);
    free(buf);
    return rc;
}

/* ---------------------------------------------------------------- reading */

int dy_image_is(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char m[8];
    int is = fread(m, 1, 8, f) == 8 && memcmp(m, DY_IMAGE_MAGIC, 8) == 0;
    fclose(f);
    return is;
}

void dy_image_unmap(dy_dict *d)
{
    if (d && d->image) munmap(d->image, d->image_len);
    if (d) { d->image = NULL; d->image_len = 0; }
}

typedef struct rd {
    const unsigned char *base;
    const img_sect *sect[S_LIMIT];
    const char *path;
    dy_dict_diag_fn diag;
    void *ctx;
    char msg[160];
} rd;

static int fail(rd *r, const char *what)
{
    snprintf(r->msg, sizeof r->msg, "dictionary image: %s", what);
    if (r->diag) r->diag(r->ctx, r->path, 0, r->msg);
    return DY_EFORMAT;
}

/* section id as an array of elements of size elsz; NULL when absent/empty */
static const void *sect(const rd *r, int id, size_t elsz, uint32_t *count)
{
    const img_sect *s = r->sect[id];
    *count = s ? (uint32_t)s->count : 0;
    (void)elsz;
    return s && s->count ? r->base + s->off : NULL;
}

static int pow2(uint32_t n) { return n && !(n & (n - 1)); }

/* hash tables must have a power-of-two size and a free slot (probing ends) */
static int table_ok(const uint32_t *t, uint32_t cap, uint32_t maxval)
{
    if (!cap) return 1;
    if (!pow2(cap)) return 0;
    int empty = 0;
    for (uint32_t i = 0; i < cap; i++) {
        if (!t[i]) empty = 1;
        else if (t[i] > maxval) return 0;
    }
    return empty;
}

/* Check every index that the coder follows, so that nothing reads out of the
 * mapping. Returns a reason or NULL. */
static const char *check(const dy_dict *d)
{
    if (!d->nchars || d->chars[d->nchars - 1] != '\0') return "string pool not terminated";
    for (uint32_t i = 0; i < d->nstrs; i++) if (d->strs[i] >= d->nchars) return "string offset out of range";
    if (!table_ok(d->shash, d->shcap, d->nstrs)) return "string hash damaged";
    if (d->nlits < DL_SYMBOL_LIMIT) return "literal table too short";
    for (uint32_t i = 0; i < d->nlits; i++) {
        const dy_lit *l = &d->lits[i];
        if (!l->str || l->str > d->nstrs) return "literal string out of range";
        if ((uint64_t)d->strs[l->str - 1] + l->len >= d->nchars) return "literal length out of range";
        if (l->start >= (d->nstarts ? d->nstarts : 1)) return "literal start out of range";
    }
    if (!table_ok(d->lhash, d->lhcap, d->nlits - 1)) return "literal hash damaged";
    for (uint32_t i = 0; i < d->nstarts; i++)
        if (d->starts[i].root >= d->nroots || d->starts[i].next >= d->nstarts) return "root list out of range";
    if (!d->ntnodes || !d->tnodes || !d->tbytes) return "literal trie missing";
    for (uint32_t i = 0; i < d->ntnodes; i++) {
        const dy_tnode *t = &d->tnodes[i];
        if (t->lit >= d->nlits || (uint64_t)t->first + t->nch > d->ntnodes) return "literal trie out of range";
    }
    if (!d->rsfirst || !d->litpair) return "root index missing";
    for (uint32_t l = 0; l < d->nlits; l++)
        if (d->rsfirst[l] > d->rsfirst[l + 1]) return "root index not sorted";
    if (d->rsfirst[d->nlits] != d->nrsingle) return "root index size mismatch";
    for (uint32_t i = 0; i < d->nrsingle; i++) if (d->rsingle[i] >= d->nroots) return "root index out of range";
    if (d->rpairs) {
        uint32_t cap = 1u << d->rpbits;
        int empty = 0;
        for (uint32_t i = 0; i < cap; i++) {
            const dy_rpair *p = &d->rpairs[i];
            if (!p->l1) { empty = 1; continue; }
            if (p->l1 >= d->nlits || p->l2 >= d->nlits || (uint64_t)p->first + p->n > d->nrpairroots) return "pair index out of range";
        }
        if (!empty) return "pair index full";
    }
    for (uint32_t i = 0; i < d->nrpairroots; i++) if (d->rpairroots[i] >= d->nroots) return "pair index root out of range";
    for (uint32_t p = 0; p < d->npats; p++)
        if (!d->preq || (uint64_t)d->preq[p].first + d->preq[p].n > d->nreqlits) return "pattern requirements out of range";
    for (uint32_t i = 0; i < d->nreqlits; i++) {
        uint32_t q = d->reqlits[i];
        if ((q & DY_REQ_SYN) ? (q & ~DY_REQ_SYN) >= d->nroots : q >= d->nlits) return "pattern requirement out of range";
    }
    for (uint32_t i = 0; i < d->npels; i++) {
        const dy_pel *e = &d->pels[i];
        if ((e->conn & DC_SYN) ? e->tok >= d->nroots : e->tok >= d->nlits) return "phrase element out of range";
    }
    if (!d->nroots || !d->npats || !d->nacodes) return "roots, patterns or actor codes missing";
    for (uint32_t i = 0; i < d->nroots; i++) {
        const dy_root *r = &d->roots[i];
        if ((uint64_t)r->ph + r->nph > d->npels || (uint64_t)r->pat0 + r->npat > d->npats ||
            r->group >= d->nroots || r->acode >= d->nacodes || r->parent >= d->nroots ||
            r->agent > d->nstrs || r->vcode.code > d->nstrs || r->vcode.pair > d->nstrs)
            return "root out of range";
    }
    for (uint32_t i = 0; i < d->npats; i++) {
        const dy_pattern *p = &d->pats[i];
        if ((uint64_t)p->ph + p->nph > d->npels || p->code.code > d->nstrs || p->code.pair > d->nstrs)
            return "pattern out of range";
    }
    for (uint32_t i = 0; i < d->nacodes; i++)
        if ((uint64_t)d->acodes[i].first + d->acodes[i].n > d->nadates) return "actor code out of range";
    for (uint32_t i = 0; i < d->nadates; i++)
        if ((uint64_t)d->adates[i].part0 + d->adates[i].nparts > d->naparts) return "actor date out of range";
    for (uint32_t i = 0; i < d->naparts; i++) if (d->aparts[i] > d->nstrs) return "actor code part out of range";
    if (d->root_former >= d->nroots || d->lit_and >= d->nlits || d->lit_nor >= d->nlits || d->str_elite > d->nstrs)
        return "system entries out of range";
    const dy_petr *p = d->petr;
    if (p) {
        for (uint32_t i = 0; i < p->ndisc; i++) if (p->disc[i].str > d->nstrs) return "discard out of range";
        for (uint32_t i = 0; i < p->niss; i++)
            if (p->iss[i].str > d->nstrs || p->iss[i].code > d->nstrs) return "issue out of range";
        if (p->dheads || p->iheads) {
            if (!pow2(p->nbuckets) || !p->dheads || !p->iheads || !p->dnext || !p->inext) return "discard/issue index damaged";
            for (uint32_t i = 0; i < p->nbuckets; i++)
                if (p->dheads[i] > p->ndisc || p->iheads[i] > p->niss) return "discard/issue index out of range";
            for (uint32_t i = 0; i <= p->ndisc; i++) if (p->dnext[i] > p->ndisc) return "discard index out of range";
            for (uint32_t i = 0; i <= p->niss; i++) if (p->inext[i] > p->niss) return "issue index out of range";
        }
    }
    return NULL;
}

int dy_image_load(dy_dict **out, const char *path, dy_dict_diag_fn diag, void *ctx)
{
    *out = NULL;
    rd r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.diag = diag;
    r.ctx = ctx;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return DY_EIO;
    struct stat st;
    if (fstat(fd, &st) != 0) { close(fd); return DY_EIO; }
    if ((uint64_t)st.st_size < sizeof(img_header)) { close(fd); return fail(&r, "file too short (truncated)"); }
    size_t len = (size_t)st.st_size;
    void *map = mmap(NULL, len, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return DY_EIO;
    int rc = DY_EFORMAT;
    dy_dict *d = NULL;
    const unsigned char *base = map;
    r.base = base;
    img_header h;
    memcpy(&h, base, sizeof h);
    if (memcmp(h.magic, DY_IMAGE_MAGIC, 8)) { rc = fail(&r, "not a dyad dictionary image"); goto bad; }
    if (h.endian != ENDIAN_MARK) { rc = fail(&r, "written on a machine of another byte order"); goto bad; }
    if (h.version != DY_IMAGE_VERSION) {
        char m[96];
        snprintf(m, sizeof m, "format version %u, this dyad reads version %u: recompile it", h.version, DY_IMAGE_VERSION);
        rc = fail(&r, m);
        goto bad;
    }
    if (h.size != len) {
        char m[96];
        snprintf(m, sizeof m, "size %llu bytes, header says %llu (truncated or damaged)",
                 (unsigned long long)len, (unsigned long long)h.size);
        rc = fail(&r, m);
        goto bad;
    }
    if (len % 8 || checksum(base + sizeof h, len - sizeof h) != h.checksum) { rc = fail(&r, "checksum mismatch (damaged file)"); goto bad; }
    if (h.nsect > S_LIMIT || sizeof h + (uint64_t)h.nsect * sizeof(img_sect) > len) { rc = fail(&r, "bad section table"); goto bad; }
    /* expected element sizes, per section */
    static const uint32_t elsz[S_LIMIT] = {
        [S_CHARS] = 1, [S_STRS] = 4, [S_SHASH] = 4, [S_LITS] = sizeof(dy_lit), [S_LHASH] = 4,
        [S_STARTS] = sizeof(dy_startent), [S_TNODES] = sizeof(dy_tnode), [S_TBYTES] = 1,
        [S_LITPAIR] = 4, [S_RSFIRST] = 4, [S_RSINGLE] = 4, [S_RPAIRS] = sizeof(dy_rpair),
        [S_RPROOTS] = 4, [S_PREQ] = sizeof(dy_preq), [S_REQLITS] = 4, [S_PELS] = sizeof(dy_pel),
        [S_ROOTS] = sizeof(dy_root), [S_PATS] = sizeof(dy_pattern), [S_ACODES] = sizeof(dy_acode),
        [S_ADATES] = sizeof(dy_adate), [S_APARTS] = 4, [S_FILES] = 1, [S_OPTS] = sizeof(dy_code_opts),
        [S_SCAL] = 4, [S_PDISC] = sizeof(dy_petr_disc), [S_PISS] = sizeof(dy_petr_iss),
        [S_PDHEADS] = 4, [S_PDNEXT] = 4, [S_PIHEADS] = 4, [S_PINEXT] = 4, [S_LITKIND] = 1,
    };
    for (uint32_t i = 0; i < h.nsect; i++) {
        const img_sect *s = (const img_sect *)(base + sizeof h) + i;
        if (!s->id || s->id >= S_LIMIT || r.sect[s->id]) { rc = fail(&r, "unknown or repeated section"); goto bad; }
        if (s->elsz != elsz[s->id]) { rc = fail(&r, "written by a dyad with other struct layouts: recompile it"); goto bad; }
        if (s->off % 16 || s->off > len || s->count > UINT32_MAX || s->count * s->elsz > len - s->off) {
            rc = fail(&r, "section out of bounds (truncated or damaged)");
            goto bad;
        }
        r.sect[s->id] = s;
    }
    static const int required[] = { S_CHARS, S_STRS, S_LITS, S_TNODES, S_TBYTES, S_LITPAIR, S_LITKIND, S_RSFIRST,
                                    S_PELS, S_ROOTS, S_PATS, S_ACODES, S_OPTS, S_SCAL };
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        if (!r.sect[required[i]] || !r.sect[required[i]]->count) { rc = fail(&r, "a required section is missing"); goto bad; }
    if (r.sect[S_OPTS]->count != 1 || r.sect[S_SCAL]->count != K_LIMIT) { rc = fail(&r, "bad options or scalars section"); goto bad; }

    d = calloc(1, sizeof *d);
    if (!d) { rc = DY_ENOMEM; goto bad; }
    d->image = map;
    d->image_len = len;
    uint32_t n, n2;
    d->chars = (char *)sect(&r, S_CHARS, 1, &n); d->nchars = d->capchars = n;
    d->strs = (uint32_t *)sect(&r, S_STRS, 4, &n); d->nstrs = d->capstrs = n;
    d->shash = (uint32_t *)sect(&r, S_SHASH, 4, &n); d->shcap = n;
    d->lits = (dy_lit *)sect(&r, S_LITS, sizeof(dy_lit), &n); d->nlits = d->caplits = n;
    d->lhash = (uint32_t *)sect(&r, S_LHASH, 4, &n); d->lhcap = n;
    d->starts = (dy_startent *)sect(&r, S_STARTS, sizeof(dy_startent), &n); d->nstarts = d->capstarts = n;
    d->tnodes = (dy_tnode *)sect(&r, S_TNODES, sizeof(dy_tnode), &n); d->ntnodes = n;
    d->tbytes = (uint8_t *)sect(&r, S_TBYTES, 1, &n2);
    if (n2 != n) { rc = fail(&r, "trie sections disagree"); goto bad; }
    d->litpair = (uint32_t *)sect(&r, S_LITPAIR, 4, &n);
    if (n != d->nlits) { rc = fail(&r, "pair filter size mismatch"); goto bad; }
    d->litkind = (uint8_t *)sect(&r, S_LITKIND, 1, &n);
    if (n != d->nlits) { rc = fail(&r, "literal kinds size mismatch"); goto bad; }
    d->rsfirst = (uint32_t *)sect(&r, S_RSFIRST, 4, &n);
    if (n != d->nlits + 1) { rc = fail(&r, "root index size mismatch"); goto bad; }
    d->rsingle = (uint32_t *)sect(&r, S_RSINGLE, 4, &n); d->nrsingle = n;
    d->rpairs = (dy_rpair *)sect(&r, S_RPAIRS, sizeof(dy_rpair), &n);
    const uint32_t *scal = (const uint32_t *)sect(&r, S_SCAL, 4, &n2);
    d->rpbits = scal[K_RPBITS];
    if (d->rpairs && (d->rpbits < 1 || d->rpbits > 31 || n != (1u << d->rpbits))) { rc = fail(&r, "pair index size mismatch"); goto bad; }
    d->rpairroots = (uint32_t *)sect(&r, S_RPROOTS, 4, &n); d->nrpairroots = n;
    d->preq = (dy_preq *)sect(&r, S_PREQ, sizeof(dy_preq), &n);
    d->reqlits = (uint32_t *)sect(&r, S_REQLITS, 4, &n2); d->nreqlits = n2;
    d->pels = (dy_pel *)sect(&r, S_PELS, sizeof(dy_pel), &n2); d->npels = d->cappels = n2;
    d->roots = (dy_root *)sect(&r, S_ROOTS, sizeof(dy_root), &n2); d->nroots = d->caproots = n2;
    d->pats = (dy_pattern *)sect(&r, S_PATS, sizeof(dy_pattern), &n2); d->npats = d->cappats = n2;
    if (d->preq && n != d->npats) { rc = fail(&r, "pattern requirements size mismatch"); goto bad; }
    d->acodes = (dy_acode *)sect(&r, S_ACODES, sizeof(dy_acode), &n); d->nacodes = d->capacodes = n;
    d->adates = (dy_adate *)sect(&r, S_ADATES, sizeof(dy_adate), &n); d->nadates = d->capadates = n;
    d->aparts = (uint32_t *)sect(&r, S_APARTS, 4, &n); d->naparts = d->capaparts = n;
    memcpy(&d->opts, sect(&r, S_OPTS, sizeof(dy_code_opts), &n), sizeof d->opts);
    d->opts.def_src_code[sizeof d->opts.def_src_code - 1] = '\0';
    d->opts.def_tar_code[sizeof d->opts.def_tar_code - 1] = '\0';
    d->root_former = scal[K_ROOT_FORMER];
    d->lit_and = scal[K_LIT_AND];
    d->lit_nor = scal[K_LIT_NOR];
    d->str_elite = scal[K_STR_ELITE];
    d->has_time = (int)scal[K_HAS_TIME];
    d->nerrors = scal[K_NERRORS];
    d->nwarnings = scal[K_NWARNINGS];
    d->nactors = scal[K_NACTORS];
    d->nagents = scal[K_NAGENTS];
    d->nverbs = scal[K_NVERBS];
    d->npatterns = scal[K_NPATTERNS];
    d->nsynsets = scal[K_NSYNSETS];
    d->nnouns = scal[K_NNOUNS];
    if (scal[K_PETR]) {
        dy_petr *p = calloc(1, sizeof *p);
        if (!p) { rc = DY_ENOMEM; goto bad; }
        d->petr = p;
        p->disc = (dy_petr_disc *)sect(&r, S_PDISC, sizeof(dy_petr_disc), &n); p->ndisc = p->capdisc = n;
        p->iss = (dy_petr_iss *)sect(&r, S_PISS, sizeof(dy_petr_iss), &n); p->niss = p->capiss = n;
        p->nissue_lines = scal[K_PISSUE_LINES];
        p->ntransforms = scal[K_PTRANSFORMS];
        p->nbuckets = scal[K_PBUCKETS];
        p->dheads = (uint32_t *)sect(&r, S_PDHEADS, 4, &n);
        if (p->dheads && n != p->nbuckets) { rc = fail(&r, "discard index size mismatch"); goto bad; }
        p->iheads = (uint32_t *)sect(&r, S_PIHEADS, 4, &n);
        if (p->iheads && n != p->nbuckets) { rc = fail(&r, "issue index size mismatch"); goto bad; }
        p->dnext = (uint32_t *)sect(&r, S_PDNEXT, 4, &n);
        if (p->dnext && n != p->ndisc + 1) { rc = fail(&r, "discard index size mismatch"); goto bad; }
        p->inext = (uint32_t *)sect(&r, S_PINEXT, 4, &n);
        if (p->inext && n != p->niss + 1) { rc = fail(&r, "issue index size mismatch"); goto bad; }
    }
    const char *why = check(d);
    if (why) { rc = fail(&r, why); goto bad; }
    /* file names (malloc'd, as the text loaders do) */
    const char *fn = (const char *)sect(&r, S_FILES, 1, &n);
    if (fn && fn[n - 1] != '\0') { rc = fail(&r, "file names not terminated"); goto bad; }
    uint32_t nf = 0;
    for (uint32_t i = 0; i < n; i++) if (!fn[i]) nf++;
    if (nf) {
        d->files = calloc(nf, sizeof *d->files);
        if (!d->files) { rc = DY_ENOMEM; goto bad; }
        for (uint32_t i = 0, k = 0; i < n; k++) {
            size_t l = strlen(fn + i);
            d->files[k] = strdup(fn + i);
            if (!d->files[k]) { rc = DY_ENOMEM; goto bad; }
            d->nfiles++;
            i += (uint32_t)l + 1;
        }
    }
    dy_dict_build_vocab(d);
    if (!d->vocab) { rc = DY_ENOMEM; goto bad; }
    *out = d;
    return 0;
bad:
    if (d) {
        for (uint32_t i = 0; i < d->nfiles; i++) free(d->files[i]);
        free(d->files);
        free(d->petr);
        dy_intern_free(&d->vocab);
        free(d);
    }
    munmap(map, len);
    return rc;
}
