/* dict_tabari.c — readers for TABARI's dictionary formats (manual chapters
 * 5, 6 and 8): .project, .actors (synonyms "+", dated codes, compound codes,
 * <NOUN>/<ADJECTIVE> lists), .agents ("[~GOV]" / "[NGO~]"), .verbs (roots,
 * irregular forms "{...}", "- " patterns with $ + * ^ % @, alternatives
 * { a | b }, <SYNSETS> &NAME, <TIME> shifts) and .options. Latin-1 and
 * CR/CRLF tolerant; every problem goes to the diag callback with file and
 * line, and reading goes on. */
#include "dict_int.h"
#include "dyad.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rd {
    dy_dict *d;
    dy_diag *dg;
    const char *file;
    uint32_t line;
    uint32_t fileidx;
} rd;

/* Report a problem at the reader's current file:line (dy_dict_diagf). */
#define diag(r, err, ...) dy_dict_diagf((r)->d, (r)->dg, (r)->file, (r)->line, (err), __VA_ARGS__)

static void trim(char **s, char **e)
{
    while (*s < *e && isspace((unsigned char)**s)) (*s)++;
    while (*e > *s && isspace((unsigned char)(*e)[-1])) (*e)--;
}

int dy_tabari_date(const char *s, int yyyy)
{
    int v = 0, n = 0;
    while (*s == ' ') s++;
    while (isdigit((unsigned char)s[n])) { v = v * 10 + (s[n] - '0'); n++; }
    if (yyyy && n == 8) return v;
    if (n != 6) return -1;
    int yy = v / 10000, mmdd = v % 10000;
    int mm = mmdd / 100, dd = mmdd % 100;
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return -1;
    int year = yy <= 30 ? 2000 + yy : 1900 + yy;
    return year * 10000 + mmdd;
}

/* ---- phrases ---- */

/* Parse phrase text (already upper-cased, '-' -> '_') into elements. For
 * patterns the verb marker and symbols are allowed. Returns 0 or -1. */
static int parse_phrase(rd *r, const char *src, int pattern, uint32_t *ph, uint32_t *nph,
                        int32_t *length, int32_t *maxalt)
{
    dy_dict *d = r->d;
    uint32_t start = d->npels;
    int32_t fixed = 0, alt = 0, best = 0, inalt = 0;
    const char *s = src;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *p = s;
        while (*p && !strchr(" _~=", *p)) p++;
        size_t n = (size_t)(p - s);
        uint32_t conn;
        const char *next;
        if (!*p) { conn = DC_PARTSKIP; next = p; }
        else if (*p == ' ') { conn = DC_PARTSKIP; next = p + 1; }
        else if (*p == '=') { conn = DC_EQUAL; next = p + 1; }
        else if (*p == '~') { conn = DC_PARTNEXT; next = p + 1; if (*next == '_') next++; }
        else if (p[1] == ' ') { conn = DC_FULLSKIP; next = p + 2; }
        else if (p[1] == '\0') { conn = DC_FULLNEXT; next = p + 1; }
        else { conn = DC_FULLNEXT; next = p + 1; }
        if (n == 0) { s = next; continue; }   /* stray connector */
        uint32_t tok = 0;
        if (n == 1 && strchr("$+*^%@{|}", *s)) {
            static const char sy[] = "$+*^%@{|}";
            tok = (uint32_t)(strchr(sy, *s) - sy) + 1;
            if (!pattern && tok != DL_OPBR) {
                diag(r, 1, "symbol '%c' not allowed in this phrase", *s);
                d->npels = start;
                return -1;
            }
            if (tok == DL_OPBR) { inalt = 1; alt = 0; best = 0; }
            else if (tok == DL_OR) { if (alt > best) best = alt; alt = 0; }
            else if (tok == DL_CLBR) { if (alt > best) best = alt; inalt = 0; fixed += best; if (best > *maxalt) *maxalt = best; }
        } else if (*s == '&' && n > 1) {
            /* synset reference */
            uint32_t lit = dy_dict_litfind(d, s, n);
            uint32_t syn = 0;
            if (lit)
                for (uint32_t i = 1; i < d->nroots; i++)
                    if (d->roots[i].wtype == WT_SYNSET && d->pels[d->roots[i].ph].tok == lit) { syn = i; break; }
            if (!syn) {
                diag(r, 1, "unknown synset %.*s", (int)n, s);
                d->npels = start;
                return -1;
            }
            conn = DC_SYN | ((conn & DC_SKIP) || conn == DC_PARTSKIP ? DC_PARTSKIP : DC_PARTNEXT);
            tok = syn;
            for (size_t k = 0; k < n; k++) if (isalnum((unsigned char)s[k])) { if (inalt) alt++; else fixed++; }
        } else {
            tok = dy_dict_lit(d, s, n);
            if (!tok) return DY_ENOMEM;
            for (size_t k = 0; k < n; k++) if (isalnum((unsigned char)s[k])) { if (inalt) alt++; else fixed++; }
        }
        if (dy_dict_pel(d, tok, conn) == UINT32_MAX) return DY_ENOMEM;
        s = next;
    }
    *ph = start;
    *nph = d->npels - start;
    if (*nph == 0) { diag(r, 1, "empty phrase"); return -1; }
    if (length) *length = fixed;
    return 0;
}

/* normalise phrase text: upper case, '-' -> '_', trimmed */
static void norm_phrase(char *dst, size_t cap, const char *s, const char *e)
{
    size_t w = 0;
    for (; s < e && w + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\t') c = ' ';
        if (c == '-') c = '_';
        dst[w++] = (char)toupper(c);
    }
    while (w && dst[w - 1] == ' ') w--;
    dst[w] = '\0';
}

/* SET: CASE ACTORS: for a phrase written with lower-case letters, bit k
   set when word k (words split at _ - and blanks) starts with a capital;
   0 for an all-upper-case phrase (matches in any case). */
static uint8_t phrase_caps(const char *s, const char *e)
{
    int lower = 0;
    for (const char *p = s; p < e; p++) if (islower((unsigned char)*p)) lower = 1;
    if (!lower) return 0;
    uint8_t m = 0;
    int k = 0, start = 1;
    for (const char *p = s; p < e && k < 8; p++) {
        if (*p == '_' || *p == '-' || *p == ' ' || *p == '\t') {
            if (!start) k++;
            start = 1;
            continue;
        }
        if (start && isupper((unsigned char)*p)) m |= (uint8_t)(1u << k);
        start = 0;
    }
    return m;
}

static int add_phrase_root(rd *r, const char *text, int wtype, uint32_t *out)
{
    dy_root rt;
    memset(&rt, 0, sizeof rt);
    int32_t len = 0, ma = 0;
    if (parse_phrase(r, text, 0, &rt.ph, &rt.nph, &len, &ma)) return -1;
    rt.wtype = (uint8_t)wtype;
    rt.file = r->fileidx;
    rt.line = r->line;
    int idx = dy_dict_addroot(r->d, &rt);
    if (idx < 0) return idx;
    *out = (uint32_t)idx;
    return 0;
}

/* duplicate check by kind + phrase text */
static int is_dup(rd *r, char kind, const char *phrase)
{
    return dy_dict_seen(r->d, kind, phrase);
}

/* ---- codes ---- */

static int parse_vcode(rd *r, const char *s, const char *e, dy_vcode *vc, int time)
{
    memset(vc, 0, sizeof *vc);
    trim((char **)&s, (char **)&e);
    char buf[128];
    size_t w = 0;
    for (const char *p = s; p < e && w + 1 < sizeof buf; p++) if (*p != ' ') buf[w++] = *p;
    buf[w] = '\0';
    if (!w) { diag(r, 1, "no code in [...]"); return -1; }
    if ((vc->special = dy_dict_special(buf))) return 0;
    if (time) {
        char *end;
        long v = strtol(buf, &end, 10);
        if (*end) { diag(r, 1, "bad time shift [%s]", buf); return -1; }
        if (v > 8192 || v < -8192) { diag(r, 0, "time shift %ld out of range, set to 0", v); v = 0; }
        vc->shift = (int32_t)v;
        return 0;
    }
    char *second;
    size_t n = dy_dict_code_marks(buf, vc, &second);
    if (!n) { diag(r, 1, "empty event code"); return -1; }
    vc->code = dy_dict_str(r->d, buf, n);
    if (second) dy_dict_code_pair(r->d, second, vc);
    return 0;
}

/* One actor code block "[CODE <date-spec>]" (s..e, inside the brackets)
 * into b. */
static int parse_ablock(rd *r, const char *s, const char *e, dy_ablock *b, int yyyy)
{
    char buf[200];
    size_t w = 0;
    for (const char *p = s; p < e && w + 1 < sizeof buf; p++) buf[w++] = *p;
    buf[w] = '\0';
    memset(b, 0, sizeof *b);
    /* split into code part and date part */
    char *p = buf;
    while (*p == ' ' || *p == '\t') p++;
    char *code = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '<' && *p != '>') {
        if (isdigit((unsigned char)*p) && p == code) break;
        p++;
    }
    size_t cl = (size_t)(p - code);
    if (cl == 0 || cl >= sizeof b->code) { diag(r, 1, "incorrect code block [%s]", buf); return -1; }
    memcpy(b->code, code, cl);
    b->code[cl] = '\0';
    /* "- - -" */
    if (!strcmp(b->code, "-")) {
        char *q = p;
        int dashes = 1;
        while (*q == ' ' || *q == '-') { if (*q == '-') dashes++; q++; }
        if (dashes == 3) { strcpy(b->code, "---"); p = q; }
    }
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) return 0;
    char ds[64];
    size_t dw = 0;
    for (; *p && dw + 1 < sizeof ds; p++) if (*p != ' ' && *p != '\t') ds[dw++] = *p;
    ds[dw] = '\0';
    if (ds[0] == '<') b->hi = dy_tabari_date(ds + 1, yyyy);
    else if (ds[0] == '>') b->lo = dy_tabari_date(ds + 1, yyyy);
    else {
        char *dash = strchr(ds, '-');
        if (!dash) { diag(r, 1, "bad date restriction [%s]", buf); return -1; }
        *dash = '\0';
        b->lo = dy_tabari_date(ds, yyyy);
        b->hi = dy_tabari_date(dash + 1, yyyy);
    }
    if (b->lo < 0 || b->hi < 0) { diag(r, 1, "bad date in [%s]", buf); return -1; }
    return 0;
}

/* TABARI: "---", "###" and "+++" are specials; a compound code "A/B" has
 * one part per '/'-separated piece. */
static int code_parts(dy_dict *d, dy_adate *ad, const char *code)
{
    ad->special = dy_dict_special(code);
    const char *c = code;
    while (*c) {
        const char *sl = strchr(c, '/');
        size_t n = sl ? (size_t)(sl - c) : strlen(c);
        if (n) {
            if (dy_dict_grow((void **)&d->aparts, &d->capaparts, d->naparts + 1, sizeof *d->aparts)) return DY_ENOMEM;
            d->aparts[d->naparts++] = dy_dict_str(d, c, n);
            ad->nparts++;
        }
        c += n + (sl ? 1 : 0);
    }
    return 0;
}

/* ---- line helpers ---- */

/* The next line of a dictionary file at *cur that holds something: *s..*e
 * trimmed; blank lines and "#" or "//" comment lines are skipped (counted
 * in r->line). *indented: the line began with a blank or tab. 0 at the end. */
static int next_line(rd *r, char **cur, char **s, char **e, int *indented)
{
    while (*cur && **cur) {
        char *line = *cur, *nl = strchr(line, '\n');
        *s = line;
        *e = nl ? nl : line + strlen(line);
        *cur = nl ? nl + 1 : NULL;
        r->line++;
        *indented = *s < *e && (**s == ' ' || **s == '\t');
        trim(s, e);
        if (*s == *e || **s == '#' || (**s == '/' && *e > *s + 1 && (*s)[1] == '/')) continue;
        return 1;
    }
    return 0;
}

/* Split "PHRASE [code] [code] ;comment" : phrase end, code blocks. */
static const char *strip_comment(const char *s, const char *e)
{
    for (const char *p = s; p < e; p++) if (*p == ';') return p;
    return e;
}

/* ---- .actors / .agents ---- */

static int load_actors(rd *r, char *text, int agents)
{
    dy_dict *d = r->d;
    int section = 0;              /* WT_NOUN / WT_ADJ */
    uint32_t group[256];
    int ngroup = 0;
    dy_ablock blocks[32];
    int nblocks = 0;
    int rc = 0;
    char ph[512];
#define FLUSH_GROUP() do { \
        if (ngroup) { \
            if (!nblocks) { uint32_t sv = r->line; r->line = d->roots[group[0]].line; diag(r, 0, "actor without a code: %s", "ignored"); r->line = sv; } \
            else { uint32_t ac; if ((rc = dy_dict_make_acode(d, blocks, nblocks, 0, code_parts, &ac))) return rc; \
                   for (int gi = 0; gi < ngroup; gi++) { d->roots[group[gi]].acode = ac; d->roots[group[gi]].parent = group[0]; } } \
        } ngroup = 0; nblocks = 0; } while (0)

    char *line = text, *s, *e;
    int indented;
    r->line = 0;
    while (next_line(r, &line, &s, &e, &indented)) {
        if (*s == '~' || !strncmp(s, "~~FINISH", 8)) { if (e - s >= 7 && strstr(s, "FINISH")) break; }
        if (*s == '<') {
            FLUSH_GROUP();
            if (!strncasecmp(s, "<NOUN>", 6)) section = WT_NOUN;
            else if (!strncasecmp(s, "<ADJ", 4)) section = WT_ADJ;
            else if (!strncasecmp(s, "</", 2)) section = 0;
            continue;
        }
        const char *ce = strip_comment(s, e);
        if (section) {
            norm_phrase(ph, sizeof ph, s, ce);
            if (!ph[0]) continue;
            if (strlen(ph) < 2) { diag(r, 1, "phrase too short: %s", ph); continue; }
            if (is_dup(r, section == WT_NOUN ? 'N' : 'J', ph)) { diag(r, 0, "duplicate entry %s", ph); continue; }
            uint32_t ri;
            if (add_phrase_root(r, ph, section, &ri)) continue;
            if (section == WT_NOUN) d->nnouns++;
            continue;
        }
        /* code blocks */
        const char *lb = memchr(s, '[', (size_t)(ce - s));
        const char *phe = lb ? lb : ce;
        if (indented && s == lb) {
            /* date restriction line for the current group */
            /* a date line whose actor line was lost (a known defect of
             * TABARI's CountryInfo file): ignored, as a warning */
            if (!ngroup) { diag(r, 0, "code line without actor (ignored)"); continue; }
        } else if (*s == '+' && !agents) {
            if (!ngroup) { diag(r, 1, "synonym without actor"); continue; }
            norm_phrase(ph, sizeof ph, s + 1, phe);
            if (strlen(ph) < 2) { diag(r, 1, "phrase too short"); continue; }
            if (is_dup(r, 'A', ph)) { diag(r, 0, "duplicate actor %s", ph); continue; }
            uint32_t ri;
            if (add_phrase_root(r, ph, WT_ACTOR, &ri)) continue;
            if (ngroup < 256) group[ngroup++] = ri;
            d->nactors++;
        } else {
            FLUSH_GROUP();
            norm_phrase(ph, sizeof ph, s, phe);
            if (!ph[0] && !lb) { diag(r, 0, "line holds only a comment where an actor was expected (ignored)"); continue; }
            if (!ph[0]) { diag(r, 1, "phrase missing"); continue; }
            if (strlen(ph) < 2) { diag(r, 1, "phrase too short: %s", ph); continue; }
            if (agents) {
                if (!lb) { diag(r, 1, "missing [ in agent %s", ph); continue; }
                const char *rb = memchr(lb, ']', (size_t)(ce - lb));
                if (!rb) { diag(r, 1, "missing ] in agent %s", ph); continue; }
                char code[64];
                size_t w = 0;
                for (const char *p = lb + 1; p < rb && w + 1 < sizeof code; p++) if (!isspace((unsigned char)*p)) code[w++] = *p;
                code[w] = '\0';
                if (!strchr(code, '~')) { diag(r, 1, "missing ~ connector in agent code [%s]", code); continue; }
                if (is_dup(r, 'G', ph)) { diag(r, 0, "duplicate agent %s", ph); continue; }
                uint32_t ri;
                if (add_phrase_root(r, ph, WT_AGENT, &ri)) continue;
                d->roots[ri].agent = dy_dict_str(d, code, w);
                d->nagents++;
                continue;
            }
            if (is_dup(r, 'A', ph)) { diag(r, 0, "duplicate actor %s", ph); continue; }
            uint32_t ri;
            if (add_phrase_root(r, ph, WT_ACTOR, &ri)) continue;
            group[ngroup++] = ri;
            d->nactors++;
        }
        /* collect code blocks on this line */
        const char *p = lb;
        while (p && p < ce) {
            const char *rb = memchr(p, ']', (size_t)(ce - p));
            if (!rb) { diag(r, 1, "missing ]"); break; }
            if (nblocks < 32) {
                if (parse_ablock(r, p + 1, rb, &blocks[nblocks], d->opts.yyyy) == 0) nblocks++;
            }
            p = memchr(rb, '[', (size_t)(ce - rb));
        }
    }
    FLUSH_GROUP();
#undef FLUSH_GROUP
    return rc;
}

/* ---- .verbs ---- */

static int load_verbs(rd *r, char *text)
{
    dy_dict *d = r->d;
    int section = 0;      /* 0 verbs, 1 synsets, 2 time, 3 attrib */
    uint32_t cur = 0;     /* current root (verb/time/synset) */
    char ph[1024];
    char *line = text, *s, *e;
    int indented;
    r->line = 0;
    while (next_line(r, &line, &s, &e, &indented)) {
        if (*s == '~' && strstr(s, "FINISH")) break;
        if (*s == '<') {
            if (!strncasecmp(s, "<SYNSET", 7)) section = 1;
            else if (!strncasecmp(s, "<TIME>", 6)) { section = 2; d->has_time = 1; }
            else if (!strncasecmp(s, "<ATTRIB", 7)) section = 3;
            else if (!strncasecmp(s, "</", 2)) section = 0;
            cur = 0;
            continue;
        }
        const char *ce = strip_comment(s, e);
        if (section == 1) {
            if (*s == '&') {
                norm_phrase(ph, sizeof ph, s, ce);
                char *sp = strchr(ph, ' ');
                if (sp) *sp = '\0';
                int idx = dy_dict_add_synset(d, ph, strlen(ph), r->fileidx, r->line);
                if (idx < 0) return idx;
                cur = (uint32_t)idx;
            } else if (*s == '+') {
                if (!cur) { diag(r, 1, "synset member without &NAME"); continue; }
                norm_phrase(ph, sizeof ph, s + 1, ce);
                dy_pattern pt;
                memset(&pt, 0, sizeof pt);
                if (parse_phrase(r, ph, 1, &pt.ph, &pt.nph, &pt.length, &pt.maxalt)) continue;
                int rc = dy_dict_add_root_pattern(d, cur, &pt, r->line);
                if (rc < 0) return rc;
                if (rc) diag(r, 1, "synset members must follow their &NAME");
            } else diag(r, 1, "unexpected line in <SYNSETS>");
            continue;
        }
        if (*s == '{') {
            /* irregular forms of the current verb */
            if (!cur || d->roots[cur].wtype != WT_VERB) { diag(r, 1, "verb forms without a verb"); continue; }
            const char *rb = memchr(s, '}', (size_t)(ce - s));
            norm_phrase(ph, sizeof ph, s + 1, rb ? rb : ce);
            char *rest = ph, *tokp;
            int nforms = 0;
            while ((tokp = dy_dict_word(&rest))) {
                uint32_t ri;
                if (!is_dup(r, 'V', tokp) && add_phrase_root(r, tokp, WT_VERB, &ri) == 0) {
                    d->roots[ri].group = cur;
                    nforms++;
                }
            }
            if (!nforms) diag(r, 1, "no verb forms inside {...}");
            continue;
        }
        if (*s == '-' && (s + 1 == ce || s[1] == ' ' || s[1] == '\t')) {
            /* pattern */
            if (!cur) { diag(r, 1, "pattern before any verb"); continue; }
            const char *lb = memchr(s, '[', (size_t)(ce - s));
            if (!lb) { diag(r, 1, "missing [ in pattern"); continue; }
            const char *rb = memchr(lb, ']', (size_t)(ce - lb));
            if (!rb) { diag(r, 1, "missing ] in pattern"); continue; }
            norm_phrase(ph, sizeof ph, s + 1, lb);
            if (strlen(ph) > 255) { diag(r, 1, "pattern exceeds 255 characters"); continue; }
            int hasverb = 0;
            for (char *q = ph; *q; q++) if (*q == '*') hasverb = 1;
            if (!hasverb) { diag(r, 1, "missing verb marker * in pattern"); continue; }
            dy_pattern pt;
            memset(&pt, 0, sizeof pt);
            if (parse_vcode(r, lb + 1, rb, &pt.code, section == 2)) continue;
            if (parse_phrase(r, ph, 1, &pt.ph, &pt.nph, &pt.length, &pt.maxalt)) continue;
            int rc = dy_dict_add_root_pattern(d, cur, &pt, r->line);
            if (rc < 0) return rc;
            if (rc) { diag(r, 1, "patterns must follow their verb"); continue; }
            d->npatterns++;
            continue;
        }
        /* a root line: PHRASE [code] */
        const char *lb = memchr(s, '[', (size_t)(ce - s));
        if (memchr(s, '*', (size_t)((lb ? lb : ce) - s))) {
            diag(r, 0, "pattern without its leading '-' (ignored)");
            continue;
        }
        norm_phrase(ph, sizeof ph, s, lb ? lb : ce);
        if (!ph[0]) { diag(r, 1, "phrase missing"); continue; }
        if (strlen(ph) < 2) { diag(r, 1, "phrase too short: %s", ph); continue; }
        int wt = section == 2 ? WT_TIME : section == 3 ? WT_ATTRIB : WT_VERB;
        if (is_dup(r, 'V', ph)) { diag(r, 0, "duplicate verb %s", ph); cur = 0; continue; }
        uint32_t ri;
        if (add_phrase_root(r, ph, wt, &ri)) { cur = 0; continue; }
        cur = ri;
        d->roots[ri].group = ri;
        d->roots[ri].pat0 = d->npats;
        if (lb) {
            const char *rb = memchr(lb, ']', (size_t)(ce - lb));
            if (!rb) diag(r, 1, "missing ]");
            else if (parse_vcode(r, lb + 1, rb, &d->roots[ri].vcode, section == 2) == 0) d->roots[ri].has_code = 1;
        }
        if (wt == WT_VERB) d->nverbs++;
    }
    return 0;
}

/* ---- .options ---- */

static int opt_num(const char *s, const char *key, int *out)
{
    const char *p = strstr(s, key);
    if (!p) return 0;
    p += strlen(key);
    while (*p == ' ' || *p == '=' || *p == '[') p++;
    if (!isdigit((unsigned char)*p) && *p != '-') return 0;
    *out = atoi(p);
    return 1;
}

/* opt_num of key, whose name is then blanked out of s: a shorter key
 * ("MIN") then does not find it inside a longer one ("EMIN"). */
static void opt_num_cut(char *s, const char *key, int *out)
{
    char *p = strstr(s, key);
    if (!p) return;
    opt_num(p, key, out);
    memset(p, ' ', strlen(key));
}

/* The "[CODE]" that follows key at kw into code (cut to cap bytes); a '['
 * at or after stop (when set) does not count. The ']', or NULL when there
 * is no such block. */
static const char *opt_code(const char *kw, const char *stop, char *code, size_t cap)
{
    const char *lb = strchr(kw, '['), *rb = lb ? strchr(lb, ']') : NULL;
    if (!lb || !rb || (stop && lb >= stop)) return NULL;
    size_t n = (size_t)(rb - lb - 1);
    if (n >= cap) n = cap - 1;
    memcpy(code, lb + 1, n);
    code[n] = '\0';
    return rb;
}

static int opt_bool(const char *s)
{
    const char *eq = strchr(s, '=');
    const char *p = eq ? eq + 1 : s;
    while (*p == ' ') p++;
    return *p == 'T' || *p == 't';
}

/* "CASE: Islamic_State_" (dyad extension, used with SET: CASE ACTORS):
   the actor roots already loaded whose words are these words get the
   capitalisation mask of the line (phrase_caps). Returns how many. */
static int case_line(dy_dict *d, const char *s)
{
    const char *e = strchr(s, '#');
    if (!e) e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
    uint8_t m = phrase_caps(s, e);
    if (!m) return 0;
    char words[8][64];
    int nw = 0;
    size_t wl = 0;
    for (const char *p = s; p <= e && nw < 8; p++) {
        if (p == e || *p == '_' || *p == '-' || *p == ' ' || *p == '\t') {
            if (wl) { words[nw][wl] = '\0'; nw++; wl = 0; }
            continue;
        }
        if (wl + 1 < sizeof words[0]) words[nw][wl++] = (char)toupper((unsigned char)*p);
    }
    int n = 0;
    for (uint32_t ri = 1; ri < d->nroots; ri++) {
        dy_root *r = &d->roots[ri];
        if (r->wtype != WT_ACTOR || r->nph != (uint32_t)nw) continue;
        int same = 1;
        for (int k = 0; k < nw && same; k++)
            same = !strcmp(dy_dict_strget(d, d->lits[d->pels[r->ph + (uint32_t)k].tok].str), words[k]);
        if (same) { r->caps = m; n++; }
    }
    return n;
}

/* An option's word list ("= MIL COP REB", after the key at k) into out as
   " MIL COP REB " (one space around each word; '~' dropped), or "" when
   the list is empty. */
static void opt_words(const char *k, char *out, size_t cap)
{
    const char *eq = strchr(k, '=');
    size_t cw = 0;
    out[cw++] = ' ';
    for (const char *q = eq ? eq + 1 : k; *q && cw + 2 < cap; q++) {
        if (*q == ' ' || *q == ',' || *q == '\t') {
            if (out[cw - 1] != ' ') out[cw++] = ' ';
        } else if (*q != '~') out[cw++] = *q;
    }
    if (out[cw - 1] != ' ') out[cw++] = ' ';
    out[cw] = '\0';
    if (cw <= 1) out[0] = '\0';
}

int dy_tabari_options_line(dy_code_opts *o, dy_dict *d, const char *line)
{
    char buf[512];
    size_t w = 0;
    {
        const char *q = line;
        while (*q == ' ' || *q == '\t') q++;
        if (!strncasecmp(q, "CASE:", 5)) {
            q += 5;
            while (*q == ' ' || *q == '\t') q++;
            if (d) case_line(d, q);
            return 0;
        }
    }
    for (const char *p = line; *p && w + 1 < sizeof buf; p++) {
        if (*p == '/' && p[1] == '/') break;
        if (*p == '#') break;
        buf[w++] = (char)toupper((unsigned char)*p);
    }
    buf[w] = '\0';
    char *s = buf;
    while (*s == ' ' || *s == '\t') s++;
    if (!*s) return 0;
    if (!strncmp(s, "COMP", 4)) {
        o->cx_verbs = o->cx_actors = o->cx_pronouns = o->cx_conj = o->cx_lateverb = 0;
        o->cx_noactprior = o->cx_noactafter = o->cx_noverb = 0;
        opt_num(s, "VERBS", &o->cx_verbs);
        opt_num(s, "ACTORS", &o->cx_actors);
        opt_num(s, "PRONOUNS", &o->cx_pronouns);
        opt_num(s, "CONJ", &o->cx_conj);
        opt_num(s, "LATEVERB", &o->cx_lateverb);
        o->cx_noactprior = strstr(s, "NOACTPRIOR") != NULL;
        o->cx_noactafter = strstr(s, "NOACTAFTER") != NULL;
        o->cx_noverb = strstr(s, "NOVERB") != NULL;
        return 0;
    }
    if (!strncmp(s, "SET:", 4) || !strncmp(s, "SET ", 4)) {
        char *k = s + 4;
        while (*k == ' ') k++;
        if (!strncmp(k, "CODE", 4)) {
            if (strstr(k, "SEN")) o->code_mode = 1;
            else if (strstr(k, "ALL")) o->code_mode = 2;
            else o->code_mode = 0;
        } else if (!strncmp(k, "MINIMUM", 7)) {
            opt_num(k, "WORDS", &o->min_words);
        } else if (!strncmp(k, "CONVERT CODES", 13)) {
            opt_words(k + 13, o->convert_codes, sizeof o->convert_codes);
        } else if (!strncmp(k, "WEAPON SUBJECTS", 15)) {
            opt_words(k + 15, o->weapon_subjects, sizeof o->weapon_subjects);
        } else if (!strncmp(k, "CONVERT", 7)) {
            o->convert_agents = opt_bool(k);
        } else if (!strncmp(k, "TARGETLESS", 10)) {
            o->targetless = strstr(k, "DOMESTIC") ? 2 : opt_bool(k);
        } else if (!strncmp(k, "AGENT COUNTRY", 13)) {
            o->agent_country = opt_bool(k);
        } else if (!strncmp(k, "OWN FORCES", 10)) {
            o->own_forces = opt_bool(k);
        } else if (!strncmp(k, "PATTERN COMMAS", 14)) {
            o->comma_stop = strstr(k, "STOP") != NULL;
        } else if (!strncmp(k, "PLACE TARGETS", 13)) {
            o->place_targets = opt_bool(k);
        } else if (!strncmp(k, "ETHNIC", 6)) {
            o->ethnic = opt_bool(k);
        } else if (!strncmp(k, "APPOSITIVE", 10)) {
            o->appositive = opt_bool(k);
        } else if (!strncmp(k, "CONDITIONAL", 11)) {
            o->conditional = opt_bool(k);
        } else if (!strncmp(k, "NEGATION", 8)) {
            o->negation = opt_bool(k);
        } else if (!strncmp(k, "CASE ACTORS", 11)) {
            o->case_actors = opt_bool(k);
        } else if (!strncmp(k, "LONGEST ACTOR", 13)) {
            o->longest_actor = opt_bool(k);
        } else if (!strncmp(k, "REPORTED SOURCE", 15)) {
            o->reported_source = opt_bool(k);
        } else if (!strncmp(k, "FRONTED", 7)) {
            o->fronted = opt_bool(k);
        } else if (!strncmp(k, "LOCATIVE", 8)) {
            o->locative = opt_bool(k);
        } else if (!strncmp(k, "PARTICIPLE", 10)) {
            o->participle = opt_bool(k);
        } else if (!strncmp(k, "TIME", 4)) {
            o->time_shift = opt_bool(k);
        } else if (!strncmp(k, "YYYY", 4)) {
            o->yyyy = opt_bool(k);
        }
        return 0;
    }
    if (!strncmp(s, "DEFA", 4)) {
        if (strstr(s, "OFF")) { o->def_src = o->def_tar = o->def_prior = o->def_after = 0; return 0; }
        const char *src = strstr(s, "SOURCE"), *tar = strstr(s, "TARGET"), *rb;
        if (src && (rb = opt_code(src, tar, o->def_src_code, sizeof o->def_src_code))) {
            const char *after = rb + 1;
            o->def_src = 1;
            o->def_prior = strstr(after, "PRIOR") && (!tar || strstr(after, "PRIOR") < tar);
        }
        if (tar && (rb = opt_code(tar, NULL, o->def_tar_code, sizeof o->def_tar_code))) {
            o->def_tar = 1;
            o->def_after = strstr(rb, "AFTER") != NULL;
        }
        return 0;
    }
    if (!strncmp(s, "COMM", 4)) {
        if (strstr(s, "OFF")) { o->comma_off = 1; return 0; }
        o->comma_off = 0;
        /* order matters: EMIN/BMIN contain MIN */
        opt_num_cut(s, "EMIN", &o->comma_emin);
        opt_num_cut(s, "EMAX", &o->comma_emax);
        opt_num_cut(s, "BMIN", &o->comma_bmin);
        opt_num_cut(s, "BMAX", &o->comma_bmax);
        opt_num(s, "MIN", &o->comma_min);
        opt_num(s, "MAX", &o->comma_max);
        return 0;
    }
    (void)d;
    /* LABEL, OUTPUT, FORWARD, NONEVENTS, ...: accepted, not used by the coder */
    return 0;
}

static int load_options(rd *r, char *text)
{
    char *line = text;
    r->line = 0;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        r->line++;
        dy_tabari_options_line(&r->d->opts, r->d, line);
        line = nl ? nl + 1 : NULL;
    }
    return 0;
}

int dy_tabari_load_file(dy_dict *d, const char *path, int kind, dy_diag *dg)
{
    rd r = { d, dg, path, 0, 0 };
    size_t n;
    char *text = dy_dict_read_text(path, &n);
    if (!text) {
        diag(&r, 1, "cannot open dictionary file");
        return DY_EIO;
    }
    int rc = dy_dict_remember_file(d, path, &r.fileidx);
    if (!rc) {
        switch (kind) {
        case DK_ACTORS: rc = load_actors(&r, text, 0); break;
        case DK_AGENTS: rc = load_actors(&r, text, 1); break;
        case DK_VERBS: rc = load_verbs(&r, text); break;
        case DK_OPTIONS: rc = load_options(&r, text); break;
        default: rc = DY_EFORMAT;
        }
    }
    free(text);
    return rc;
}

int dy_tabari_load_project(dy_dict *d, const char *path, dy_diag *dg)
{
    rd r = { d, dg, path, 0, 0 };
    size_t n;
    char *text = dy_dict_read_text(path, &n);
    if (!text) { diag(&r, 1, "cannot open project file"); return DY_EIO; }
    char dir[4096];
    dy_dict_dirname(dir, sizeof dir, path);
    static const struct { const char *tag; int kind; } tags[] = {
        { "<actorsfile>", DK_ACTORS }, { "<agentsfile>", DK_AGENTS },
        { "<verbsfile>", DK_VERBS }, { "<optionsfile>", DK_OPTIONS },
    };
    /* load in a fixed order: options first (yyyy), actors, agents, verbs */
    static const int order[] = { DK_OPTIONS, DK_ACTORS, DK_AGENTS, DK_VERBS };
    int rc = 0;
    for (int oi = 0; oi < 4 && !rc; oi++) {
        char *line = text;
        r.line = 0;
        while (line && *line && !rc) {
            char *nl = strchr(line, '\n');
            char *end = nl ? nl : line + strlen(line);
            r.line++;
            for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
                size_t tl = strlen(tags[t].tag);
                if (tags[t].kind != order[oi] || (size_t)(end - line) < tl || strncasecmp(line, tags[t].tag, tl)) continue;
                char *s = line + tl, *e = end;
                trim(&s, &e);
                char full[8192];
                if (*s == '/') snprintf(full, sizeof full, "%.*s", (int)(e - s), s);
                else snprintf(full, sizeof full, "%s%.*s", dir, (int)(e - s), s);
                int lrc = dy_tabari_load_file(d, full, tags[t].kind, dg);
                if (lrc == DY_ENOMEM) rc = lrc;
            }
            line = nl ? nl + 1 : NULL;
        }
    }
    free(text);
    return rc;
}

void dy_tabari_system_roots(dy_dict *d)
{
    static const struct { const char *ph; int wt; int plural; } sys[] = {
        { "A_", WT_DETERM, 0 }, { "AN_", WT_DETERM, 0 }, { "THE_", WT_DETERM, 0 },
        { "HE_", WT_PRONOUN, 0 }, { "HER_", WT_PRONOUN, 0 }, { "HIM_", WT_PRONOUN, 0 },
        { "HIS_", WT_PRONOUN, 0 }, { "IT_", WT_PRONOUN, 0 }, { "ITS_", WT_PRONOUN, 0 },
        { "SHE_", WT_PRONOUN, 0 },
        { "THEY_", WT_PRONOUN, 1 }, { "THEM_", WT_PRONOUN, 1 }, { "THEIR_", WT_PRONOUN, 1 },
        { "AND_", WT_CONJ, 0 }, { "BUT_", WT_CONJ, 0 }, { "OR_", WT_CONJ, 0 }, { "NOR_", WT_CONJ, 0 },
        { "WAS_", WT_AUXIL, 0 }, { "WERE_", WT_AUXIL, 0 }, { "BEEN_", WT_AUXIL, 0 },
        { "BY_", WT_BYWORD, 0 }, { "IN_", WT_PREP, 0 }, { "OF_", WT_PREP, 0 },
        { "FORMER_", WT_ADJ, 0 },
    };
    rd r = { d, NULL, "(system)", 0, 0 };
    for (size_t i = 0; i < sizeof sys / sizeof sys[0]; i++) {
        uint32_t ri;
        if (add_phrase_root(&r, sys[i].ph, sys[i].wt, &ri)) continue;
        d->roots[ri].plural = (uint8_t)sys[i].plural;
        if (!strcmp(sys[i].ph, "FORMER_")) d->root_former = ri;
        dy_dict_seen(d, 'S', sys[i].ph);
    }
    d->lit_and = dy_dict_litfind(d, "AND", 3);
    d->lit_nor = dy_dict_litfind(d, "NOR", 3);
}
