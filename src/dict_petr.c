/* dict_petr.c — readers for PETRARCH's dictionary formats (PETRARCH2
 * docs/dictionaries.rst): the PETR_config.ini [Dictionaries] section,
 * actors (*.actors.txt: dated codes on tab-indented lines, "+" synonyms),
 * agents ("PHRASE {plural} [~CODE]", !SUBST! = a, b markers), verbs (both
 * PETRARCH2's CAMEO.2.0.txt syntax with {noun phrases} and (PREP NOUN), and
 * the older $ + * syntax of PETR.Validate.verbs.txt: "--- NAME [code] ---"
 * blocks, "+" multi-word verbs, &SYNSETS defined anywhere, "~"
 * transformations), discards ("+" = story) and issues (n: v: a+b ~ignore).
 * Comments: "#" to end of line, "<!-- ... -->" (possibly over several
 * lines), ";" on actor lines. Everything is stored in the internal
 * representation of dict_int.h; discards and issues go to d->petr and are
 * applied after coding by src/issues.c. Every problem is reported with
 * file:line and reading goes on. */
#include "dict_int.h"
#include "dyad.h"
#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct prd {
    dy_dict *d;
    dy_diag *dg;
    const char *file;
    uint32_t line;
    uint32_t fileidx;
    int incomment;      /* inside <!-- ... --> */
} prd;

/* Report a problem at the reader's current file:line (dy_dict_diagf). */
#define pdiag(r, err, ...) dy_dict_diagf((r)->d, (r)->dg, (r)->file, (r)->line, (err), __VA_ARGS__)

/* A reader set to report problems in file (dg may be NULL). */
static void prd_init(prd *r, dy_dict *d, dy_diag *dg, const char *file)
{
    memset(r, 0, sizeof *r);
    r->d = d;
    r->dg = dg;
    r->file = file;
}

static dy_petr *petr_of(dy_dict *d)
{
    if (!d->petr) d->petr = calloc(1, sizeof *d->petr);
    return d->petr;
}

void dy_petr_free(dy_petr **p)
{
    if (!p || !*p) return;
    free((*p)->disc);
    free((*p)->iss);
    free((*p)->dheads);
    free((*p)->dnext);
    free((*p)->iheads);
    free((*p)->inext);
    free(*p);
    *p = NULL;
}

/* Next logical line of text: strips "#" comments (and ";" when semi) and
 * <!-- --> comments, trims. Returns 0 at end. *s..*e is the content,
 * *indented tells whether the raw line began with blank/tab. */
static int next_line(prd *r, char **cur, char **s, char **e, int *indented, int semi)
{
    while (*cur && **cur) {
        char *line = *cur;
        char *nl = strchr(line, '\n');
        char *end = nl ? nl : line + strlen(line);
        *cur = nl ? nl + 1 : end;
        r->line++;
        /* html comments */
        char *p = line;
        char *q = end;
        if (r->incomment) {
            char *c = strstr(line, "-->");
            if (!c || c >= end) continue;
            r->incomment = 0;
            p = c + 3;
        }
        for (char *x = p; x + 3 < q; x++) {
            if (!memcmp(x, "<!--", 4)) {
                char *c = strstr(x + 4, "-->");
                if (c && c + 3 <= q) {
                    memset(x, ' ', (size_t)(c + 3 - x));
                } else {
                    r->incomment = 1;
                    q = x;
                    break;
                }
            }
        }
        int inbr = 0;   /* "[###]" is a code, not a comment */
        for (char *x = p; x < q; x++) {
            if (*x == '[') inbr = 1;
            else if (*x == ']') inbr = 0;
            else if (!inbr && (*x == '#' || (semi && *x == ';'))) { q = x; break; }
        }
        *indented = p == line && p < q && (*p == ' ' || *p == '\t');
        while (p < q && isspace((unsigned char)*p)) p++;
        while (q > p && isspace((unsigned char)q[-1])) q--;
        if (p == q) continue;
        *s = p;
        *e = q;
        return 1;
    }
    return 0;
}

/* upper-case copy; '-' and '_' kept; tabs to blanks; trailing blanks cut */
static void upcopy(char *dst, size_t cap, const char *s, const char *e)
{
    size_t w = 0;
    while (s < e && isspace((unsigned char)*s)) s++;
    for (; s < e && w + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\t') c = ' ';
        dst[w++] = (char)toupper(c);
    }
    while (w && dst[w - 1] == ' ') w--;
    dst[w] = '\0';
}

static int dupkey(prd *r, char kind, const char *phrase)
{
    return dy_dict_seen(r->d, kind, phrase);
}

/* ---- phrases ---- */

/* Plain phrase (actors, agents, verbs): words split at ' ' or '_'; between
 * words conn is FULLNEXT ('_' or, when blank_skip is 0, ' ') or FULLSKIP
 * (' ' when blank_skip). Every word must match whole (the coder accepts
 * regular suffixes on the last word). '-' joins words as the text filter
 * splits hyphenated words. */
static int plain_phrase(prd *r, const char *text, int blank_skip, int wtype, uint32_t *out)
{
    dy_dict *d = r->d;
    uint32_t start = d->npels;
    const char *s = text;
    while (*s) {
        while (*s == ' ' || *s == '_' || *s == '-') s++;
        if (!*s) break;
        const char *p = s;
        while (*p && *p != ' ' && *p != '_' && *p != '-') p++;
        uint32_t conn = DC_FULLNEXT;
        if (*p == ' ' && blank_skip) conn = DC_FULLSKIP;
        uint32_t tok = dy_dict_lit(d, s, (size_t)(p - s));
        if (!tok) return DY_ENOMEM;
        if (dy_dict_pel(d, tok, conn) == UINT32_MAX) return DY_ENOMEM;
        s = p;
    }
    if (d->npels == start) { pdiag(r, 1, "empty phrase"); return 1; }
    dy_root rt;
    memset(&rt, 0, sizeof rt);
    rt.ph = start;
    rt.nph = d->npels - start;
    rt.wtype = (uint8_t)wtype;
    rt.file = r->fileidx;
    rt.line = r->line;
    int idx = dy_dict_addroot(d, &rt);
    if (idx < 0) return idx;
    *out = (uint32_t)idx;
    return 0;
}

static uint32_t find_synset(const dy_dict *d, const char *name, size_t n)
{
    uint32_t lit = dy_dict_litfind(d, name, n);
    if (!lit) return 0;
    for (uint32_t i = d->nroots; i-- > 1;)
        if (d->roots[i].wtype == WT_SYNSET && d->pels[d->roots[i].ph].tok == lit) return i;
    return 0;
}

/* Pattern phrase with TABARI connectors: ' ' = words may intervene and a
 * word may be a stem, '_' = next word follows at once. Symbols $ + * ^ % @
 * and &SYNSET references. CAMEO.2.0's {NOUN PHRASE} and (PREP NOUN)
 * brackets have been removed by the caller. */
static int pattern_phrase(prd *r, const char *src, uint32_t *ph, uint32_t *nph, int32_t *length)
{
    dy_dict *d = r->d;
    uint32_t start = d->npels;
    int32_t fixed = 0;
    const char *s = src;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *p = s;
        while (*p && *p != ' ' && *p != '_') p++;
        size_t n = (size_t)(p - s);
        uint32_t conn;
        const char *next;
        if (!*p || *p == ' ') { conn = DC_PARTSKIP; next = *p ? p + 1 : p; }
        else if (p[1] == ' ' || p[1] == '\0') { conn = p[1] ? DC_FULLSKIP : DC_FULLNEXT; next = p + 1; }
        else { conn = DC_FULLNEXT; next = p + 1; }
        uint32_t tok;
        if (n == 1 && strchr("$+*^%@", *s)) {
            static const char sy[] = "$+*^%@{|}";
            tok = (uint32_t)(strchr(sy, *s) - sy) + 1;
        } else if (*s == '&' && n > 1) {
            size_t m = n;
            while (m > 1 && s[m - 1] == '_') m--;
            uint32_t syn = find_synset(d, s, m);
            if (!syn) {
                pdiag(r, 0, "undefined synset %.*s (pattern ignored)", (int)m, s);
                d->npels = start;
                return 1;
            }
            conn = DC_SYN | ((conn & DC_SKIP) ? DC_PARTSKIP : DC_PARTNEXT);
            tok = syn;
            fixed += (int32_t)m;
        } else {
            tok = dy_dict_lit(d, s, n);
            if (!tok) return DY_ENOMEM;
            for (size_t k = 0; k < n; k++) if (isalnum((unsigned char)s[k])) fixed++;
        }
        if (dy_dict_pel(d, tok, conn) == UINT32_MAX) return DY_ENOMEM;
        s = next;
    }
    *ph = start;
    *nph = d->npels - start;
    if (!*nph) { pdiag(r, 1, "empty pattern"); return 1; }
    *length = fixed;
    return 0;
}

/* ---- codes ---- */

static int parse_code(prd *r, const char *s, const char *e, dy_vcode *vc)
{
    memset(vc, 0, sizeof *vc);
    char buf[64];
    size_t w = 0;
    for (; s < e && w + 1 < sizeof buf; s++) if (!isspace((unsigned char)*s)) buf[w++] = *s;
    buf[w] = '\0';
    if (!w) { pdiag(r, 1, "no code in [...]"); return -1; }
    if ((vc->special = dy_dict_special(buf))) return 0;
    char *second;
    size_t n = dy_dict_code_marks(buf, vc, &second);
    if (!n && !second) { pdiag(r, 1, "empty event code"); return -1; }
    if (!n || !strcmp(buf, "---")) vc->special = SC_NULL;
    else vc->code = dy_dict_str(r->d, buf, n);
    if (second) dy_dict_code_pair(r->d, second, vc);
    return 0;
}

/* "CODE", "CODE <date", "CODE >date", "CODE date-date"; dates YYYYMMDD or
 * YYMMDD, mixed */
static int pdate(const char *s, size_t n)
{
    char b[16];
    if (n >= sizeof b) return -1;
    memcpy(b, s, n);
    b[n] = '\0';
    return dy_tabari_date(b, n == 8);
}

#define PCODE_MAX 64   /* longest actor code text + 1 */

static int parse_block(prd *r, const char *s, const char *e, dy_ablock *b)
{
    memset(b, 0, sizeof *b);
    while (s < e && isspace((unsigned char)*s)) s++;
    const char *c = s;
    while (s < e && !isspace((unsigned char)*s)) s++;
    size_t cl = (size_t)(s - c);
    if (!cl || cl >= PCODE_MAX) { pdiag(r, 1, "bad code block [%.*s]", (int)(e - c), c); return -1; }
    memcpy(b->code, c, cl);
    b->code[cl] = '\0';
    char ds[40];
    size_t w = 0;
    for (; s < e && w + 1 < sizeof ds; s++) if (!isspace((unsigned char)*s)) ds[w++] = *s;
    ds[w] = '\0';
    if (!w) return 0;
    if (ds[0] == '<') b->hi = pdate(ds + 1, w - 1);
    else if (ds[0] == '>') b->lo = pdate(ds + 1, w - 1);
    else {
        char *dash = strchr(ds, '-');
        if (!dash) { pdiag(r, 0, "bad date restriction [%s %s] (ignored)", b->code, ds); return -1; }
        b->lo = pdate(ds, (size_t)(dash - ds));
        b->hi = pdate(dash + 1, strlen(dash + 1));
    }
    if (b->lo < 0 || b->hi < 0) { pdiag(r, 0, "bad date in [%s %s] (ignored)", b->code, ds); return -1; }
    return 0;
}

/* PETRARCH: the code is one part, upper-cased; "---" and "###" are
 * specials ("+++" is a code here). */
static int code_parts(dy_dict *d, dy_adate *ad, const char *code)
{
    uint8_t sp = dy_dict_special(code);
    if (sp == SC_NULL || sp == SC_DISCARD) {
        ad->special = sp;
        return 0;
    }
    if (dy_dict_grow((void **)&d->aparts, &d->capaparts, d->naparts + 1, sizeof *d->aparts)) return DY_ENOMEM;
    char up[PCODE_MAX];
    size_t n = strlen(code);
    for (size_t k = 0; k <= n; k++) up[k] = (char)toupper((unsigned char)code[k]);
    d->aparts[d->naparts++] = dy_dict_str(d, up, n);
    ad->nparts = 1;
    return 0;
}

/* ---- actors ---- */

static int load_actors(prd *r, char *text)
{
    dy_dict *d = r->d;
    uint32_t group[512];
    int ngroup = 0, nblocks = 0, rc = 0, gactive = 0;
    dy_ablock blocks[64];
    uint32_t gline = 0;
    char ph[1024];
    char *cur = text, *s, *e;
    int ind;
    for (;;) {
        int more = next_line(r, &cur, &s, &e, &ind, 1);
        int flush = !more || (*s != '+' && *s != '[');
        if (flush && ngroup) {
            if (!nblocks) {
                uint32_t sv = r->line;
                r->line = gline;
                pdiag(r, 0, "actor without a code (ignored)");
                r->line = sv;
                for (int g = 0; g < ngroup; g++) d->roots[group[g]].wtype = WT_NULL;
            } else {
                uint32_t ac;
                if ((rc = dy_dict_make_acode(d, blocks, nblocks, 1, code_parts, &ac))) return rc;
                for (int g = 0; g < ngroup; g++) { d->roots[group[g]].acode = ac; d->roots[group[g]].parent = group[0]; }
            }
        }
        if (flush) { ngroup = 0; nblocks = 0; gactive = 0; }
        if (!more) break;
        const char *lb = memchr(s, '[', (size_t)(e - s));
        const char *phe = lb ? lb : e;
        if (*s == '[') {
            if (!gactive) { pdiag(r, 1, "code line without actor"); continue; }
        } else {
            int syn = *s == '+';
            if (syn && !gactive) { pdiag(r, 1, "synonym without actor"); continue; }
            if (!syn) gactive = 1;
            upcopy(ph, sizeof ph, s + syn, phe);
            if (strlen(ph) < 2 && !(ph[0] && isalnum((unsigned char)ph[0]))) { pdiag(r, 1, "phrase missing"); continue; }
            if (dupkey(r, 'A', ph)) {
                pdiag(r, 0, "duplicate actor %s", ph);
            } else {
                uint32_t ri;
                int prc = plain_phrase(r, ph, 0, WT_ACTOR, &ri);
                if (prc == DY_ENOMEM) return prc;
                if (!prc) {
                    if (ngroup < 512) group[ngroup++] = ri;
                    if (!syn) gline = r->line;
                    d->nactors++;
                }
            }
        }
        for (const char *p = lb; p && p < e;) {
            const char *rb = memchr(p, ']', (size_t)(e - p));
            if (!rb) { pdiag(r, 1, "missing ]"); break; }
            if (nblocks < 64 && parse_block(r, p + 1, rb, &blocks[nblocks]) == 0) nblocks++;
            p = memchr(rb, '[', (size_t)(e - rb));
        }
    }
    return rc;
}

/* ---- agents ---- */

typedef struct subst { char name[32]; char items[16][48]; int n; } subst;

static void plural_of(char *dst, size_t cap, const char *w)
{
    size_t n = strlen(w);
    if (n && w[n - 1] == 'Y' && n > 1 && !strchr("AEIOU", w[n - 2]))
        snprintf(dst, cap, "%.*sIES", (int)(n - 1), w);
    else if ((n >= 2 && !strcmp(w + n - 2, "SS")) || (n && (w[n - 1] == 'X' || w[n - 1] == 'Z')) ||
             (n >= 2 && (!strcmp(w + n - 2, "CH") || !strcmp(w + n - 2, "SH"))))
        snprintf(dst, cap, "%sES", w);
    else snprintf(dst, cap, "%sS", w);
}

static int add_agent(prd *r, const char *ph, uint32_t code)
{
    if (dupkey(r, 'G', ph)) { pdiag(r, 0, "duplicate agent %s", ph); return 0; }
    uint32_t ri;
    int rc = plain_phrase(r, ph, 1, WT_AGENT, &ri);
    if (rc) return rc == DY_ENOMEM ? rc : 0;
    r->d->roots[ri].agent = code;
    return 0;
}

static int load_agents(prd *r, char *text)
{
    dy_dict *d = r->d;
    subst subs[16];
    int nsubs = 0;
    char ph[1024], pl[1024];
    char *cur = text, *s, *e;
    int ind;
    while (next_line(r, &cur, &s, &e, &ind, 0)) {
        if (*s == '!' && memchr(s, '=', (size_t)(e - s))) {
            const char *eq = memchr(s, '=', (size_t)(e - s));
            const char *m2 = memchr(s + 1, '!', (size_t)(e - s - 1));
            if (!eq || !m2 || m2 > eq) { pdiag(r, 1, "bad substitution marker line"); continue; }
            if (nsubs >= 16) { pdiag(r, 1, "too many substitution markers"); continue; }
            subst *sb = &subs[nsubs++];
            memset(sb, 0, sizeof *sb);
            snprintf(sb->name, sizeof sb->name, "%.*s", (int)(m2 + 1 - s), s);
            for (char *k = sb->name; *k; k++) *k = (char)toupper((unsigned char)*k);
            const char *p = eq + 1;
            while (p < e && sb->n < 16) {
                const char *c = memchr(p, ',', (size_t)(e - p));
                if (!c) c = e;
                char item[48];
                size_t w = 0;
                for (const char *x = p; x < c && w + 1 < sizeof item; x++) if (!isspace((unsigned char)*x)) item[w++] = (char)toupper((unsigned char)*x);
                item[w] = '\0';
                if (w) snprintf(sb->items[sb->n++], 48, "%s", item);
                p = c + 1;
            }
            continue;
        }
        const char *lb = memchr(s, '[', (size_t)(e - s));
        if (!lb) { pdiag(r, 0, "agent without a [code] (ignored)"); continue; }
        const char *rb = lb + 1;
        while (rb < e && *rb != ']' && *rb != '}') rb++;
        if (rb >= e) { pdiag(r, 1, "missing ] in agent"); continue; }
        char code[64];
        size_t w = 0;
        for (const char *p = lb + 1; p < rb && w + 1 < sizeof code; p++) if (!isspace((unsigned char)*p)) code[w++] = (char)toupper((unsigned char)*p);
        code[w] = '\0';
        if (!strchr(code, '~')) { pdiag(r, 1, "missing ~ in agent code [%s]", code); continue; }
        uint32_t cid = dy_dict_str(d, code, w);
        /* plural block */
        const char *ob = memchr(s, '{', (size_t)(lb - s));
        const char *phe = ob ? ob : lb;
        upcopy(ph, sizeof ph, s, phe);
        if (!ph[0]) { pdiag(r, 1, "agent phrase missing"); continue; }
        int explicit_pl = 0;
        pl[0] = '\0';
        if (ob) {
            const char *cb = memchr(ob, '}', (size_t)(lb - ob));
            if (!cb) { pdiag(r, 1, "missing } in agent"); continue; }
            explicit_pl = 1;
            upcopy(pl, sizeof pl, ob + 1, cb);
        }
        /* substitution marker */
        char *m1 = strchr(ph, '!');
        if (m1) {
            char *m2 = strchr(m1 + 1, '!');
            subst *sb = NULL;
            if (m2)
                for (int i = 0; i < nsubs; i++)
                    if (strlen(subs[i].name) == (size_t)(m2 + 1 - m1) && !strncmp(subs[i].name, m1, (size_t)(m2 + 1 - m1))) sb = &subs[i];
            if (!sb) { pdiag(r, 1, "unknown substitution marker in %s", ph); continue; }
            for (int i = 0; i < sb->n; i++) {
                char ex[1024];
                snprintf(ex, sizeof ex, "%.*s%s%s", (int)(m1 - ph), ph, sb->items[i], m2 + 1);
                int rc = add_agent(r, ex, cid);
                if (rc) return rc;
            }
            d->nagents++;
            continue;
        }
        int rc = add_agent(r, ph, cid);
        if (rc) return rc;
        d->nagents++;
        if (explicit_pl) {
            char *rest = pl, *p;
            while ((p = dy_dict_word(&rest)))
                if ((rc = add_agent(r, p, cid))) return rc;
        } else {
            /* regular plural of the last word (irregular spelling only:
               the coder accepts -S / -ES on the last word itself) */
            size_t n = strlen(ph);
            size_t ws = n;
            while (ws && ph[ws - 1] != ' ' && ph[ws - 1] != '_') ws--;
            char plw[256];
            plural_of(plw, sizeof plw, ph + ws);
            size_t pn = strlen(plw);
            if (pn >= 3 && strcmp(plw + pn - 3, "IES") == 0) {
                char ex[1024];
                snprintf(ex, sizeof ex, "%.*s%s", (int)ws, ph, plw);
                if ((rc = add_agent(r, ex, cid))) return rc;
            }
        }
    }
    return 0;
}

/* ---- verbs ---- */

typedef struct vent { uint32_t root; uint32_t owner; dy_vcode code; int has; } vent;

typedef struct vblock {
    dy_vcode code; int has;
    uint32_t pat0, ndup;
    vent *v; uint32_t nv, cap;
} vblock;

static int vb_add(vblock *b, uint32_t root, uint32_t owner, const dy_vcode *code, int has)
{
    if (dy_dict_grow((void **)&b->v, &b->cap, b->nv + 1, sizeof *b->v)) return DY_ENOMEM;
    b->v[b->nv].root = root;
    b->v[b->nv].owner = owner;
    if (code) b->v[b->nv].code = *code;
    else memset(&b->v[b->nv].code, 0, sizeof b->v[b->nv].code);
    b->v[b->nv].has = has;
    b->nv++;
    return 0;
}

static void vb_close(prd *r, vblock *b)
{
    dy_dict *d = r->d;
    uint32_t npat = d->npats - b->pat0;
    uint32_t first = 0;
    for (uint32_t i = 0; i < b->nv; i++) {
        vent *v = &b->v[i];
        dy_root *rt = &d->roots[v->root];
        rt->pat0 = b->pat0;
        rt->npat = npat;
        if (v->owner != v->root) { rt->group = v->owner; continue; }
        if (v->has) {
            rt->group = v->root;
            rt->vcode = v->code;
            rt->has_code = 1;
        } else {
            if (!first) first = v->root;
            rt->group = first;
            if (first == v->root) { rt->vcode = b->code; rt->has_code = 1; }
        }
    }
    /* forms of a primary without its own code follow the group owner */
    for (uint32_t i = 0; i < b->nv; i++) {
        vent *v = &b->v[i];
        if (v->owner == v->root) continue;
        dy_root *own = &d->roots[v->owner];
        d->roots[v->root].group = own->group ? own->group : v->owner;
    }
    b->nv = 0;
    b->has = 0;
    b->ndup = 0;
    b->pat0 = d->npats;
}

/* regular forms of a verb word */
static int verb_forms(const char *w, char out[4][128])
{
    size_t n = strlen(w);
    if (n == 0 || n > 100) return 0;
    int k = 0;
    char last = w[n - 1];
    int cons_y = last == 'Y' && n > 1 && !strchr("AEIOU", w[n - 2]);
    if (cons_y) snprintf(out[k++], 128, "%.*sIES", (int)(n - 1), w);
    else if (last == 'S' || last == 'X' || last == 'Z' || (n > 1 && (!strcmp(w + n - 2, "CH") || !strcmp(w + n - 2, "SH"))))
        snprintf(out[k++], 128, "%sES", w);
    else snprintf(out[k++], 128, "%sS", w);
    if (cons_y) snprintf(out[k++], 128, "%.*sIED", (int)(n - 1), w);
    else if (last == 'E') snprintf(out[k++], 128, "%sD", w);
    else snprintf(out[k++], 128, "%sED", w);
    if (last == 'E' && n > 2 && w[n - 2] != 'E') snprintf(out[k++], 128, "%.*sING", (int)(n - 1), w);
    else snprintf(out[k++], 128, "%sING", w);
    return k;
}

/* add one verb phrase (with an optional '+' marking the verb word) as a root */
static int add_verb_root(prd *r, const char *phrase, uint32_t *out)
{
    char ph[512];
    size_t w = 0;
    for (const char *p = phrase; *p && w + 1 < sizeof ph; p++) if (*p != '+') ph[w++] = *p;
    ph[w] = '\0';
    if (!w) return 1;
    if (dupkey(r, 'V', ph)) { *out = 0; return 0; }
    return plain_phrase(r, ph, 0, WT_VERB, out);
}

static int verb_line(prd *r, vblock *b, char *s, char *e)
{
    dy_dict *d = r->d;
    char ph[512], forms[1024];
    const char *lb = memchr(s, '[', (size_t)(e - s));
    const char *ob = memchr(s, '{', (size_t)((lb ? lb : e) - s));
    const char *phe = ob ? ob : lb ? lb : e;
    upcopy(ph, sizeof ph, s, phe);
    if (!ph[0]) { pdiag(r, 1, "verb missing"); return 0; }
    if (strchr(ph, ' ')) {
        /* multi-word verbs are written with '_' */
        for (char *p = ph; *p; p++) if (*p == ' ') *p = '_';
    }
    dy_vcode vc;
    int has = 0;
    if (lb) {
        const char *rb = memchr(lb, ']', (size_t)(e - lb));
        if (!rb) { pdiag(r, 1, "missing ] after verb"); return 0; }
        if (parse_code(r, lb + 1, rb, &vc) == 0) has = 1;
    }
    uint32_t root;
    int rc = add_verb_root(r, ph, &root);
    if (rc == DY_ENOMEM) return rc;
    if (rc) return 0;
    if (!root) { pdiag(r, 0, "duplicate verb %s", ph); if (!b->ndup) b->ndup = 1; return 0; }
    d->nverbs++;
    if ((rc = vb_add(b, root, root, has ? &vc : NULL, has))) return rc;
    if (ob) {
        const char *cb = memchr(ob, '}', (size_t)(e - ob));
        if (!cb) { pdiag(r, 1, "missing } in verb forms"); return 0; }
        upcopy(forms, sizeof forms, ob + 1, cb);
        char *rest = forms, *p;
        while ((p = dy_dict_word(&rest))) {
            uint32_t fr;
            rc = add_verb_root(r, p, &fr);
            if (rc == DY_ENOMEM) return rc;
            if (!rc && fr && (rc = vb_add(b, fr, root, NULL, 0))) return rc;
        }
    } else {
        /* regular forms of the word marked '+' (or the single word) */
        const char *plus = strchr(ph, '+');
        const char *ws = plus ? plus + 1 : ph;
        if (!plus && strchr(ph, '_')) ws = NULL;   /* unmarked phrase: as written */
        if (ws) {
            const char *we = ws;
            while (*we && *we != '_') we++;
            char word[128];
            snprintf(word, sizeof word, "%.*s", (int)(we - ws), ws);
            char f[4][128];
            int nf = verb_forms(word, f);
            for (int i = 0; i < nf; i++) {
                char full[512];
                int fl = snprintf(full, sizeof full, "%.*s%s%s", (int)(ws - ph), ph, f[i], we);
                if (fl < 0 || (size_t)fl >= sizeof full) continue;
                uint32_t fr;
                rc = add_verb_root(r, full, &fr);
                if (rc == DY_ENOMEM) return rc;
                if (!rc && fr && (rc = vb_add(b, fr, root, NULL, 0))) return rc;
            }
        }
    }
    return 0;
}

static int pattern_line(prd *r, vblock *b, char *s, char *e)
{
    dy_dict *d = r->d;
    if (!b->nv) {
        if (b->ndup) { if (b->ndup++ == 1) pdiag(r, 0, "patterns of a duplicate verb block ignored"); }
        else pdiag(r, 1, "pattern before any verb");
        return 0;
    }
    const char *lb = NULL;
    /* the code block is the last [...] on the line */
    for (const char *p = e; p > s; p--) if (p[-1] == '[') { lb = p - 1; break; }
    if (!lb) { pdiag(r, 1, "missing [code] in pattern"); return 0; }
    const char *rb = memchr(lb, ']', (size_t)(e - lb));
    if (!rb) { pdiag(r, 1, "missing ] in pattern"); return 0; }
    char ph[1024];
    upcopy(ph, sizeof ph, s + 1, lb);
    /* CAMEO.2.0 syntax: drop the grouping brackets, keep text order */
    int depth = 0;
    for (char *p = ph; *p; p++) {
        if (*p == '(' || *p == '{') { *p = ' '; depth++; }
        else if (*p == ')' || *p == '}') { *p = ' '; depth--; }
        else if (*p == '-') *p = '_';
    }
    if (depth) pdiag(r, 0, "unbalanced brackets in pattern");
    if (!strchr(ph, '*')) { pdiag(r, 1, "missing verb marker * in pattern"); return 0; }
    dy_pattern pt;
    memset(&pt, 0, sizeof pt);
    if (parse_code(r, lb + 1, rb, &pt.code)) return 0;
    int rc = pattern_phrase(r, ph, &pt.ph, &pt.nph, &pt.length);
    if (rc == DY_ENOMEM) return rc;
    if (rc) return 0;
    if (dy_dict_add_pattern(d, &pt, r->line)) return DY_ENOMEM;
    d->npatterns++;
    return 0;
}

static int load_verbs(prd *r, char *text)
{
    dy_dict *d = r->d;
    vblock b;
    memset(&b, 0, sizeof b);
    b.pat0 = d->npats;
    uint32_t syn = 0;          /* current synset root */
    int syn_noplural = 0;
    int rc = 0;
    char *cur = text, *s, *e;
    int ind;
    char ph[1024];
    while (!rc && next_line(r, &cur, &s, &e, &ind, 0)) {
        if (*s == '&') {
            vb_close(r, &b);
            upcopy(ph, sizeof ph, s, e);
            char *sp = strchr(ph, ' ');
            if (sp) *sp = '\0';
            size_t n = strlen(ph);
            syn_noplural = n && ph[n - 1] == '_';
            while (n > 1 && ph[n - 1] == '_') ph[--n] = '\0';
            if (find_synset(d, ph, n)) pdiag(r, 0, "synset %s redefined", ph);
            int idx = dy_dict_add_synset(d, ph, n, r->fileidx, r->line);
            if (idx < 0) return idx;
            syn = (uint32_t)idx;
            continue;
        }
        if (*s == '+' && syn) {
            upcopy(ph, sizeof ph, s + 1, e);
            size_t n = strlen(ph);
            int noplural = syn_noplural || (n && ph[n - 1] == '_');
            for (char *p = ph; *p; p++) if (*p == ' ' || *p == '-') *p = '_';
            while (n && ph[n - 1] == '_') ph[--n] = '\0';
            if (!n) { pdiag(r, 1, "empty synset member"); continue; }
            /* last word: a stem (covers plurals) unless plurals are off */
            char pat[1100];
            snprintf(pat, sizeof pat, "%s%s", ph, noplural ? "_" : "");
            dy_pattern pt;
            memset(&pt, 0, sizeof pt);
            rc = pattern_phrase(r, pat, &pt.ph, &pt.nph, &pt.length);
            if (rc == DY_ENOMEM) return rc;
            rc = 0;
            if (!pt.nph) continue;
            int arc = dy_dict_add_root_pattern(d, syn, &pt, r->line);
            if (arc < 0) return arc;
            if (arc) pdiag(r, 1, "synset members must follow their &NAME");
            continue;
        }
        syn = 0;
        if (!strncmp(s, "---", 3)) {
            vb_close(r, &b);
            const char *lb = memchr(s, '[', (size_t)(e - s));
            const char *rb = lb ? memchr(lb, ']', (size_t)(e - lb)) : NULL;
            memset(&b.code, 0, sizeof b.code);
            b.code.special = SC_NULL;
            if (lb && rb) parse_code(r, lb + 1, rb, &b.code);
            b.has = 1;
            continue;
        }
        if (*s == '~') {
            petr_of(d) ? d->petr->ntransforms++ : 0;
            continue;
        }
        if (*s == '-' && (s + 1 == e || s[1] == ' ' || s[1] == '\t')) {
            rc = pattern_line(r, &b, s, e);
            continue;
        }
        if (*s == '<') continue;   /* stray markup */
        if (d->npats != b.pat0) {
            /* a verb after patterns starts a new unnamed block */
            dy_vcode keep = b.code;
            vb_close(r, &b);
            b.code = keep;
        }
        rc = verb_line(r, &b, s, e);
    }
    vb_close(r, &b);
    free(b.v);
    return rc;
}

/* ---- discards and issues ---- */

/* normalise for string matching: upper case, letters/digits/apostrophes
 * kept, '-' kept, everything else a blank; blanks collapsed */
size_t dy_petr_norm(char *dst, size_t cap, const char *s, size_t n)
{
    size_t w = 0;
    int sp = 1;
    for (size_t i = 0; i < n && w + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c == '\'' || c == '-' || c >= 128) {
            dst[w++] = (char)toupper(c);
            sp = 0;
        } else if (!sp) {
            dst[w++] = ' ';
            sp = 1;
        }
    }
    while (w && dst[w - 1] == ' ') w--;
    dst[w] = '\0';
    return w;
}

uint32_t dy_petr_key(const char *s, size_t n, uint32_t nbuckets)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n && i < 3; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h & (nbuckets - 1);
}

static size_t first_word_len(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ') n++;
    return n;
}

/* Link entry i (text: string str) at the head of the bucket of its first
 * word's prefix (heads: 1-based entry or 0; next: the chain). */
static void index_entry(const dy_dict *d, uint32_t str, uint32_t i, uint32_t nb, uint32_t *heads, uint32_t *next)
{
    const char *t = dy_dict_strget(d, str);
    size_t fl = first_word_len(t);
    uint32_t h = dy_petr_key(t, fl < 3 ? fl : 3, nb);
    next[i] = heads[h];
    heads[h] = i + 1;
}

/* (re)build the prefix index over discards and issues */
static int petr_index(dy_dict *d)
{
    dy_petr *p = d->petr;
    uint32_t nb = 1024;
    while (nb < (p->ndisc + p->niss) / 2 && nb < (1u << 20)) nb *= 2;
    free(p->dheads); free(p->dnext); free(p->iheads); free(p->inext);
    p->nbuckets = nb;
    p->dheads = calloc(nb, sizeof *p->dheads);
    p->iheads = calloc(nb, sizeof *p->iheads);
    p->dnext = calloc(p->ndisc + 1, sizeof *p->dnext);
    p->inext = calloc(p->niss + 1, sizeof *p->inext);
    if (!p->dheads || !p->iheads || !p->dnext || !p->inext) return DY_ENOMEM;
    /* insert backwards so that each bucket lists entries in file order */
    for (uint32_t i = p->ndisc; i-- > 0;)
        index_entry(d, p->disc[i].str, i, nb, p->dheads, p->dnext);
    for (uint32_t i = p->niss; i-- > 0;)
        index_entry(d, p->iss[i].str, i, nb, p->iheads, p->inext);
    return 0;
}

/* Discards and issues go to p = d->petr (made by the caller). */
static int load_discards(prd *r, dy_petr *p, char *text)
{
    dy_dict *d = r->d;
    char *cur = text, *s, *e;
    int ind;
    char buf[512];
    while (next_line(r, &cur, &s, &e, &ind, 0)) {
        int story = *s == '+';
        if (story) s++;
        while (s < e && *s == ' ') s++;
        int whole = e > s && e[-1] == '_';
        size_t n = dy_petr_norm(buf, sizeof buf, s, (size_t)(e - s));
        for (size_t i = 0; i < n; i++) if (buf[i] == '_') buf[i] = ' ';
        while (n && buf[n - 1] == ' ') buf[--n] = '\0';
        if (!n) { pdiag(r, 1, "empty discard phrase"); continue; }
        if (dy_dict_grow((void **)&p->disc, &p->capdisc, p->ndisc + 1, sizeof *p->disc)) return DY_ENOMEM;
        dy_petr_disc *dc = &p->disc[p->ndisc++];
        dc->str = dy_dict_str(d, buf, n);
        dc->story = (uint8_t)story;
        dc->whole = (uint8_t)whole;
        if (!dc->str) return DY_ENOMEM;
    }
    return 0;
}

/* expand the prefixes of an issue phrase (n: v: a+b) into variants */
static int issue_variants(const char *ph, char out[][256], int max)
{
    int n = 1;
    out[0][0] = '\0';
    const char *s = ph;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *q = s;
        while (*q && *q != ' ') q++;
        char word[128];
        snprintf(word, sizeof word, "%.*s", (int)(q - s), s);
        char alts[8][160];
        int na = 0;
        /* a+b: blank and hyphen forms; a prefix may follow the '+' */
        char *plus = strchr(word, '+');
        char pre[64] = "", body[128];
        char seps[2][2] = { " ", "-" };
        int nsep = 1;
        if (plus) {
            snprintf(pre, sizeof pre, "%.*s", (int)(plus - word), word);
            snprintf(body, sizeof body, "%s", plus + 1);
            nsep = 2;
        } else snprintf(body, sizeof body, "%s", word);
        char forms[5][128];
        int nf = 0;
        if (!strncmp(body, "N:", 2)) {
            snprintf(forms[nf++], 128, "%s", body + 2);
            plural_of(forms[nf], 128, body + 2);
            nf++;
        } else if (!strncmp(body, "V:", 2)) {
            snprintf(forms[nf++], 128, "%s", body + 2);
            char vf[4][128];
            int nvf = verb_forms(body + 2, vf);
            for (int i = 0; i < nvf; i++) memcpy(forms[nf++], vf[i], 128);
        } else snprintf(forms[nf++], 128, "%s", body);
        for (int sp = 0; sp < nsep; sp++)
            for (int f = 0; f < nf && na < 8; f++)
            {
                int al = snprintf(alts[na], sizeof alts[0], "%s%s%s", pre, plus ? seps[sp] : "", forms[f]);
                if (al >= 0 && (size_t)al < sizeof alts[0]) na++;
            }
        int nn = 0;
        char (*tmp)[256] = malloc(sizeof(char[256]) * (size_t)max);
        if (!tmp) return -1;
        for (int i = 0; i < n; i++)
            for (int a = 0; a < na && nn < max; a++)
            {
                int tl = snprintf(tmp[nn], 256, "%s%s%s", out[i], out[i][0] ? " " : "", alts[a]);
                if (tl >= 0 && tl < 256) nn++;
            }
        memcpy(out, tmp, sizeof(char[256]) * (size_t)nn);
        free(tmp);
        n = nn;
        s = q;
    }
    return n;
}

static int load_issues(prd *r, dy_petr *p, char *text)
{
    dy_dict *d = r->d;
    char *cur = text, *s, *e;
    int ind;
    char ph[512];
    static const int MAXV = 32;
    char (*var)[256] = malloc(sizeof(char[256]) * MAXV);
    if (!var) return DY_ENOMEM;
    uint16_t cat = 0;
    uint32_t catcode = 0;
    int rc = 0;
    while (!rc && next_line(r, &cur, &s, &e, &ind, 0)) {
        if (*s == '<') {
            if (!strncasecmp(s, "<ISSUE", 6)) {
                cat++;
                catcode = 0;
                const char *c = strstr(s, "CATEGORY=\"");
                if (c && c < e) {
                    c += 10;
                    const char *q = memchr(c, '"', (size_t)(e - c));
                    if (q && q > c) catcode = dy_dict_str(d, c, (size_t)(q - c));
                }
            }
            continue;
        }
        int ignore = 0;
        while (s < e && *s == '~') { ignore++; s++; }
        if (s >= e) continue;
        const char *lb = memchr(s, '[', (size_t)(e - s));
        uint32_t code = 0;
        if (lb) {
            const char *rb = memchr(lb, ']', (size_t)(e - lb));
            if (!rb) { pdiag(r, 1, "missing ] in issue"); continue; }
            char cb[128];
            size_t w = 0;
            for (const char *x = lb + 1; x < rb && w + 1 < sizeof cb; x++) if (!isspace((unsigned char)*x)) cb[w++] = (char)toupper((unsigned char)*x);
            if (!w) { pdiag(r, 1, "empty issue code"); continue; }
            code = dy_dict_str(d, cb, w);
        } else if (!ignore) {
            /* a phrase without [CODE] takes its block's CATEGORY */
            if (!catcode) { pdiag(r, 1, "issue phrase without [CODE] outside an <ISSUE> block"); continue; }
            code = catcode;
        }
        upcopy(ph, sizeof ph, s, lb ? lb : e);
        for (char *x = ph; *x; x++) if (*x == '_') *x = ' ';
        int nv = issue_variants(ph, var, MAXV);
        if (nv < 0) { rc = DY_ENOMEM; break; }
        for (int i = 0; i < nv; i++) {
            char nb[300];
            size_t n = dy_petr_norm(nb, sizeof nb, var[i], strlen(var[i]));
            if (!n) continue;
            if (dy_dict_grow((void **)&p->iss, &p->capiss, p->niss + 1, sizeof *p->iss)) { rc = DY_ENOMEM; break; }
            dy_petr_iss *is = &p->iss[p->niss++];
            is->str = dy_dict_str(d, nb, n);
            is->code = code;
            is->cat = cat;
            is->ignore = (uint8_t)(ignore > 2 ? 2 : ignore);
        }
        if (!ignore) p->nissue_lines++;
    }
    free(var);
    return rc;
}

/* ---- files, config, folders ---- */

static int ends_ci(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcasecmp(s + a - b, suf);
}

int dy_petr_kind_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (ends_ci(base, ".actors.txt")) return PK_ACTORS;
    if (ends_ci(base, ".agents.txt")) return PK_AGENTS;
    if (ends_ci(base, ".verbs.txt")) return PK_VERBS;
    if (ends_ci(base, ".discards.txt") || ends_ci(base, ".discards")) return PK_DISCARDS;
    if (ends_ci(base, ".issues.txt") || ends_ci(base, ".issues") || ends_ci(base, "IssueCoding.txt")) return PK_ISSUES;
    if (!strncasecmp(base, "CAMEO.", 6) && ends_ci(base, ".txt")) return PK_VERBS;
    return 0;
}

int dy_petr_load_file(dy_dict *d, const char *path, int kind, dy_diag *dg)
{
    prd r;
    prd_init(&r, d, dg, path);
    char *text = dy_dict_read_text(path, NULL);
    if (!text) { pdiag(&r, 1, "cannot open dictionary file"); return DY_EIO; }
    int rc = dy_dict_remember_file(d, path, &r.fileidx);
    if (!rc) {
        switch (kind) {
        case PK_ACTORS: rc = load_actors(&r, text); break;
        case PK_AGENTS: rc = load_agents(&r, text); break;
        case PK_VERBS: rc = load_verbs(&r, text); break;
        case PK_DISCARDS: rc = petr_of(d) ? load_discards(&r, d->petr, text) : DY_ENOMEM; break;
        case PK_ISSUES: rc = petr_of(d) ? load_issues(&r, d->petr, text) : DY_ENOMEM; break;
        default: rc = DY_EFORMAT;
        }
        if (!rc && (kind == PK_DISCARDS || kind == PK_ISSUES)) rc = petr_index(d);
    }
    free(text);
    return rc;
}

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* PETRARCH looks names up in the config's folder and its dictionaries/ */
static void resolve(char *out, size_t cap, const char *dir, const char *name)
{
    if (name[0] == '/') { snprintf(out, cap, "%s", name); return; }
    snprintf(out, cap, "%s%s", dir, name);
    if (file_exists(out)) return;
    snprintf(out, cap, "%sdictionaries/%s", dir, name);
    if (file_exists(out)) return;
    snprintf(out, cap, "%sdata/dictionaries/%s", dir, name);
    if (file_exists(out)) return;
    snprintf(out, cap, "%s%s", dir, name);
}

int dy_petr_load_names(dy_dict *d, const char *dir, const char *names[PK_ISSUES - PK_ACTORS + 1], dy_diag *dg)
{
    /* actors, agents, verbs, discards, issues */
    for (int k = PK_ACTORS; k <= PK_ISSUES; k++) {
        const char *list = names[k - PK_ACTORS];
        if (!list) continue;
        const char *p = list;
        while (*p) {
            while (*p == ' ' || *p == ',' || *p == '\t') p++;
            if (!*p) break;
            const char *q = p;
            while (*q && *q != ',') q++;
            const char *qe = q;
            while (qe > p && isspace((unsigned char)qe[-1])) qe--;
            char name[1024], full[4096];
            snprintf(name, sizeof name, "%.*s", (int)(qe - p), p);
            resolve(full, sizeof full, dir, name);
            int rc = dy_petr_load_file(d, full, k, dg);
            if (rc == DY_ENOMEM) return rc;
            p = q;
        }
    }
    /* PETRARCH has no minimum sentence length */
    d->opts.min_words = 0;
    /* PETRARCH's parser attaches "agent from/in/of actor" noun phrases:
       FROM joins the prepositions that link an agent to its actor */
    prd r;
    prd_init(&r, d, NULL, "(PETRARCH)");
    uint32_t ri;
    if (!dupkey(&r, 'S', "FROM_")) {
        int rc = plain_phrase(&r, "FROM", 0, WT_PREP, &ri);
        if (rc == DY_ENOMEM) return rc;
    }
    return 0;
}

int dy_petr_load_config(dy_dict *d, const char *ini, dy_diag *dg)
{
    prd r;
    prd_init(&r, d, dg, ini);
    char *text = dy_dict_read_text(ini, NULL);
    if (!text) { pdiag(&r, 1, "cannot open config file"); return DY_EIO; }
    char dir[4096];
    dy_dict_dirname(dir, sizeof dir, ini);
    char *vals[PK_ISSUES - PK_ACTORS + 1] = { 0 };
    static const char *keys[] = { "actorfile_list", "agentfile_name", "verbfile_name", "discardfile_name", "issuefile_name" };
    int section = 0;   /* 1 Dictionaries, 2 Options */
    dy_code_opts *o = &d->opts;
    char *cur = text, *s, *e;
    int ind;
    while (next_line(&r, &cur, &s, &e, &ind, 0)) {
        *e = '\0';
        if (*s == '[') {
            section = !strncasecmp(s, "[Dictionaries]", 14) ? 1 : !strncasecmp(s, "[Options]", 9) ? 2 : 0;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) { pdiag(&r, 0, "line without '=' ignored"); continue; }
        char *ke = eq;
        while (ke > s && isspace((unsigned char)ke[-1])) ke--;
        *ke = '\0';
        char *v = eq + 1;
        while (isspace((unsigned char)*v)) v++;
        if (section == 1) {
            for (int k = 0; k < 5; k++)
                if (!strcasecmp(s, keys[k])) { vals[k] = v; }
        } else if (section == 2) {
            int iv = atoi(v);
            if (!strcasecmp(s, "comma_min")) o->comma_min = iv;
            else if (!strcasecmp(s, "comma_max")) o->comma_max = iv;
            else if (!strcasecmp(s, "comma_bmin")) o->comma_bmin = iv;
            else if (!strcasecmp(s, "comma_bmax")) o->comma_bmax = iv;
            else if (!strcasecmp(s, "comma_emin")) o->comma_emin = iv;
            else if (!strcasecmp(s, "comma_emax")) o->comma_emax = iv;
        }
    }
    int nfound = 0;
    for (int k = 0; k < 5; k++) if (vals[k]) nfound++;
    int rc = 0;
    if (!nfound) { r.line = 0; pdiag(&r, 1, "no [Dictionaries] entries"); rc = DY_EFORMAT; }
    else rc = dy_petr_load_names(d, dir, (const char **)vals, dg);
    free(text);
    return rc;
}

int dy_petr_load_folder_extras(dy_dict *d, const char *path, dy_diag *dg)
{
    DIR *dir = opendir(path);
    if (!dir) return 0;
    char *names[64];
    int n = 0, rc = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 64) {
        int k = dy_petr_kind_of(e->d_name);
        if (k != PK_DISCARDS && k != PK_ISSUES) continue;
        names[n] = strdup(e->d_name);
        if (!names[n]) { rc = DY_ENOMEM; break; }
        n++;
    }
    closedir(dir);
    for (int i = 0; i < n && !rc; i++) {
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        rc = dy_petr_load_file(d, full, dy_petr_kind_of(names[i]), dg);
        if (rc != DY_ENOMEM) rc = 0;
    }
    for (int i = 0; i < n; i++) free(names[i]);
    return rc;
}
