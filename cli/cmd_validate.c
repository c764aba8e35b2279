/* cmd_validate.c — `dyad validate FILE.project [--min PCT] [-v]`: runs a
 * TABARI validation suite. Loads the dictionaries the project names, reads
 * its <textfile> records ("YYMMDD ID" line, text, blank line) whose expected
 * events sit in a comment as "{ SRC / TGT / CODE }" lines ({---} none,
 * {###} discard, {+++} complex, "-{" not checked, "{ OPTION: ... }" changes
 * an .options setting), codes each record and compares the set of events.
 * Prints each mismatch, a per-category table and "N passed, N failed". */
#include "coder.h"
#include "commands.h"
#include "dict.h"
#include "dict_int.h"
#include "dyad.h"
#include "validate.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vexp { char src[40], tgt[40], code[16]; } vexp;

typedef struct vrec {
    char id[64];
    int date;             /* yyyymmdd */
    char *text;
    size_t textlen;
    char *comment;        /* concatenated comment bodies */
} vrec;

static void vdiag(void *ctx, const char *file, uint64_t line, const char *msg)
{
    int *quiet = ctx;
    if (*quiet) return;
    fprintf(stderr, "%s:%llu: %s\n", file, (unsigned long long)line, msg);
}

static int is_header(const char *s)
{
    for (int i = 0; i < 6; i++) if (!isdigit((unsigned char)s[i])) return 0;
    return s[6] == ' ' || s[6] == '\t';
}

/* Split the text file into records. */
static int read_records(char *buf, vrec **out, int *nout)
{
    int cap = 256, n = 0;
    vrec *v = calloc((size_t)cap, sizeof *v);
    if (!v) return -1;
    char *p = buf;
    while (*p) {
        char *nl = strchr(p, '\n');
        char *end = nl ? nl : p + strlen(p);
        if (!is_header(p)) { p = nl ? nl + 1 : end; continue; }
        if (n == cap) {
            cap *= 2;
            vrec *nv = realloc(v, (size_t)cap * sizeof *nv);
            if (!nv) { free(v); return -1; }
            v = nv;
        }
        vrec *r = &v[n++];
        memset(r, 0, sizeof *r);
        char d6[7];
        memcpy(d6, p, 6);
        d6[6] = '\0';
        r->date = dy_tabari_date(d6, 0);
        char *q = p + 6;
        while (*q == ' ' || *q == '\t') q++;
        size_t il = 0;
        while (q + il < end && !isspace((unsigned char)q[il])) il++;
        snprintf(r->id, sizeof r->id, "%.*s", (int)il, q);
        /* body: following lines until a blank line outside a comment */
        char *body = nl ? nl + 1 : end;
        char *b = body;
        int incomment = 0;
        while (*b) {
            char *bl = strchr(b, '\n');
            char *be = bl ? bl : b + strlen(b);
            int blank = 1;
            for (char *x = b; x < be; x++) if (!isspace((unsigned char)*x)) blank = 0;
            if (blank && !incomment) break;
            if (!incomment && is_header(b)) break;
            for (char *x = b; x < be; x++) {
                if (!incomment && x[0] == '/' && x + 1 < be && x[1] == '*') { incomment = 1; x++; }
                else if (incomment && x[0] == '*' && x + 1 < be && x[1] == '/') { incomment = 0; x++; }
            }
            b = bl ? bl + 1 : be;
        }
        /* text = body with comments removed; comment = comment bodies */
        size_t blen = (size_t)(b - body);
        r->text = malloc(blen + 1);
        r->comment = malloc(blen + 1);
        if (!r->text || !r->comment) return -1;
        size_t tw = 0, cw = 0;
        incomment = 0;
        for (size_t i = 0; i < blen; i++) {
            if (!incomment && body[i] == '/' && i + 1 < blen && body[i + 1] == '*') { incomment = 1; i++; r->text[tw++] = ' '; continue; }
            if (incomment && body[i] == '*' && i + 1 < blen && body[i + 1] == '/') { incomment = 0; i++; r->comment[cw++] = '\n'; continue; }
            if (incomment) r->comment[cw++] = body[i];
            else r->text[tw++] = body[i] == '\n' ? ' ' : body[i];
        }
        r->text[tw] = '\0';
        r->textlen = tw;
        r->comment[cw] = '\0';
        p = b;
    }
    *out = v;
    *nout = n;
    return 0;
}

void dy_validate_trimcpy(char *dst, size_t cap, const char *s, const char *e)
{
    while (s < e && isspace((unsigned char)*s)) s++;
    while (e > s && isspace((unsigned char)e[-1])) e--;
    size_t n = (size_t)(e - s);
    if (n >= cap) n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

enum { EX_NONE = 0, EX_NOEVENT = 1, EX_DISCARD = 2, EX_COMPLEX = 4 };

/* Parse expectations and options from a comment. Returns number of checks. */
static int parse_expect(const char *cm, vexp *ex, int *nex, int *special, char opts[][256], int *nopts)
{
    *nex = 0;
    *special = 0;
    *nopts = 0;
    int checks = 0;
    for (const char *p = cm; *p; p++) {
        if (*p != '{') continue;
        int skipped = p > cm && p[-1] == '-';
        const char *q = p + 1;
        const char *close = strchr(q, '}');
        const char *nlc = strchr(q, '\n');
        const char *e = close;
        while (*q == ' ') q++;
        if (!strncmp(q, "OPTION:", 7)) {
            const char *oe = close && (!nlc || close < nlc) ? close : (nlc ? nlc : q + strlen(q));
            if (*nopts < 16) { dy_validate_trimcpy(opts[*nopts], 256, q + 7, oe); (*nopts)++; }
            p = oe - 1;
            if (*oe == '\0') break;
            continue;
        }
        if (!close) break;
        char inner[128];
        dy_validate_trimcpy(inner, sizeof inner, p + 1, e);
        char compact[128];
        size_t w = 0;
        for (char *x = inner; *x && w + 1 < sizeof compact; x++) if (!isspace((unsigned char)*x)) compact[w++] = *x;
        compact[w] = '\0';
        p = close;
        if (skipped) continue;
        if (!strcmp(compact, "---")) { *special |= EX_NOEVENT; checks++; continue; }
        if (!strcmp(compact, "###")) { *special |= EX_DISCARD; checks++; continue; }
        if (!strcmp(compact, "+++")) { *special |= EX_COMPLEX; checks++; continue; }
        char *s1 = strchr(inner, '/');
        char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
        if (!s1 || !s2 || *nex >= 64) continue;
        dy_validate_trimcpy(ex[*nex].src, sizeof ex[*nex].src, inner, s1);
        dy_validate_trimcpy(ex[*nex].tgt, sizeof ex[*nex].tgt, s1 + 1, s2);
        dy_validate_trimcpy(ex[*nex].code, sizeof ex[*nex].code, s2 + 1, inner + strlen(inner));
        (*nex)++;
        checks++;
    }
    return checks;
}

dy_vcat *dy_validate_cat(dy_vcat *cats, int *n, int max, const char *name)
{
    for (int i = 0; i < *n; i++) if (!strcmp(cats[i].name, name)) return &cats[i];
    if (*n >= max) return &cats[max - 1];
    dy_vcat *c = &cats[(*n)++];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

int dy_validate_report(const dy_vcat *cats, int ncats, int passed, int failed, int skipped, double minpct)
{
    printf("\n%-12s %6s %6s %7s\n", "category", "passed", "failed", "rate");
    for (int i = 0; i < ncats; i++) {
        int t = cats[i].pass + cats[i].fail;
        printf("%-12s %6d %6d %6.1f%%\n", cats[i].name, cats[i].pass, cats[i].fail, t ? 100.0 * cats[i].pass / t : 0.0);
    }
    int total = passed + failed;
    double pct = total ? 100.0 * passed / total : 0.0;
    printf("pass rate %.1f%% (%d records not checked)\n", pct, skipped);
    printf("%d passed, %d failed\n", passed, failed);
    return pct + 1e-9 >= minpct ? 0 : 1;
}

/* The category of a record: its id up to the first '-'. */
static dy_vcat *get_cat(dy_vcat *cats, int *ncats, const char *id)
{
    char name[32];
    size_t n = 0;
    while (id[n] && id[n] != '-' && n + 1 < sizeof name) { name[n] = id[n]; n++; }
    name[n] = '\0';
    return dy_validate_cat(cats, ncats, 128, name);
}

static void fmt_events(char *out, size_t cap, const dy_doc *doc, int outcome)
{
    size_t w = 0;
    out[0] = '\0';
    if (outcome == DY_CO_DISCARD) { snprintf(out, cap, "{###}"); return; }
    if (outcome == DY_CO_COMPLEX) { snprintf(out, cap, "{+++}"); return; }
    if (!doc->nevents) { snprintf(out, cap, "{---}"); return; }
    for (uint32_t i = 0; i < doc->nevents && w + 1 < cap; i++) {
        const dy_event *e = &doc->events[i];
        int k = snprintf(out + w, cap - w, "%s{ %s / %s / %s }", i ? " " : "", e->source.code, e->target.code, e->cameo);
        if (k < 0) break;
        w += (size_t)k;
    }
}

static int run_tabari(const char *project, double minpct, int verbose, int quiet_dict)
{
    dy_dict *d = NULL;
    int q = quiet_dict;
    int rc = dy_dict_load(&d, project, vdiag, &q);
    if (rc) {
        fprintf(stderr, "dyad validate: cannot load %s: %s\n", project, dy_strerror(rc));
        return 2;
    }
    /* find the <textfile> */
    size_t plen;
    char *pbuf = dy_dict_read_text(project, &plen);
    if (!pbuf) { dy_dict_free(&d); return 2; }
    char textpath[4096] = "";
    for (char *line = pbuf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        if (!strncasecmp(line, "<textfile>", 10)) {
            char *s = line + 10;
            while (isspace((unsigned char)*s)) s++;
            char *e = s + strlen(s);
            while (e > s && isspace((unsigned char)e[-1])) e--;
            char dir[4096];
            snprintf(dir, sizeof dir, "%s", project);
            char *sl = strrchr(dir, '/');
            if (sl) sl[1] = '\0'; else dir[0] = '\0';
            snprintf(textpath, sizeof textpath, "%s%.*s", *s == '/' ? "" : dir, (int)(e - s), s);
        }
        line = nl ? nl + 1 : NULL;
    }
    free(pbuf);
    if (!textpath[0]) { fprintf(stderr, "dyad validate: no <textfile> in %s\n", project); dy_dict_free(&d); return 2; }
    size_t tlen;
    char *tbuf = dy_dict_read_text(textpath, &tlen);
    if (!tbuf) { fprintf(stderr, "dyad validate: cannot read %s\n", textpath); dy_dict_free(&d); return 2; }
    vrec *recs = NULL;
    int nrecs = 0;
    if (read_records(tbuf, &recs, &nrecs)) { free(tbuf); dy_dict_free(&d); return 2; }

    dy_code_opts opts = *dy_dict_options(d);
    dy_arena *a = dy_arena_new(0);
    dy_vcat cats[128];
    int ncats = 0, passed = 0, failed = 0, skipped = 0;
    static vexp ex[64];
    char optl[16][256];
    char got[4096];
    for (int i = 0; i < nrecs && a; i++) {
        vrec *r = &recs[i];
        int nex, special, nopts;
        int checks = parse_expect(r->comment, ex, &nex, &special, optl, &nopts);
        for (int k = 0; k < nopts; k++) dy_tabari_options_line(&opts, d, optl[k]);
        if (!checks) {
            if (strstr(r->text, "end of the standard validation records")) break;
            if (!nopts) skipped++;
            continue;
        }
        dy_arena_reset(a);
        dy_article art;
        memset(&art, 0, sizeof art);
        art.id = r->id;
        art.text = r->text;
        art.text_len = r->textlen;
        art.one_sentence = 1;
        art.year = r->date / 10000;
        art.month = r->date / 100 % 100;
        art.day = r->date % 100;
        art.date = "";
        dy_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.article = &art;
        doc.text.norm = r->text;
        doc.text.norm_len = (uint32_t)r->textlen;
        dy_sentence sent = { 0, (uint32_t)r->textlen, 0, 0 };
        doc.sents = &sent;
        doc.nsents = 1;
        int outcome = DY_CO_NOEVENT;
        rc = dy_code_doc_opts(d, &opts, &doc, a, &outcome);
        if (rc) { fprintf(stderr, "%s: coding failed: %s\n", r->id, dy_strerror(rc)); }
        int ok = 0;
        if ((special & EX_DISCARD) && outcome == DY_CO_DISCARD) ok = 1;
        else if ((special & EX_COMPLEX) && outcome == DY_CO_COMPLEX) ok = 1;
        else if ((special & EX_NOEVENT) && doc.nevents == 0 && outcome != DY_CO_DISCARD && outcome != DY_CO_COMPLEX) ok = 1;
        else if (nex && outcome != DY_CO_COMPLEX && outcome != DY_CO_DISCARD) {
            /* set comparison */
            ok = 1;
            for (int k = 0; k < nex && ok; k++) {
                int f = 0;
                for (uint32_t j = 0; j < doc.nevents && !f; j++)
                    f = !strcmp(doc.events[j].source.code, ex[k].src) && !strcmp(doc.events[j].target.code, ex[k].tgt) &&
                        !strcmp(doc.events[j].cameo, ex[k].code);
                if (!f) ok = 0;
            }
            for (uint32_t j = 0; j < doc.nevents && ok; j++) {
                int f = 0;
                for (int k = 0; k < nex && !f; k++)
                    f = !strcmp(doc.events[j].source.code, ex[k].src) && !strcmp(doc.events[j].target.code, ex[k].tgt) &&
                        !strcmp(doc.events[j].cameo, ex[k].code);
                if (!f) ok = 0;
            }
        }
        dy_vcat *c = get_cat(cats, &ncats, r->id);
        if (ok) { passed++; c->pass++; }
        else {
            failed++;
            c->fail++;
            fmt_events(got, sizeof got, &doc, outcome);
            char exps[2048];
            size_t w = 0;
            exps[0] = '\0';
            if (special & EX_NOEVENT) w += (size_t)snprintf(exps + w, sizeof exps - w, "{---} ");
            if (special & EX_DISCARD) w += (size_t)snprintf(exps + w, sizeof exps - w, "{###} ");
            if (special & EX_COMPLEX) w += (size_t)snprintf(exps + w, sizeof exps - w, "{+++} ");
            for (int k = 0; k < nex && w + 1 < sizeof exps; k++)
                w += (size_t)snprintf(exps + w, sizeof exps - w, "{ %s / %s / %s } ", ex[k].src, ex[k].tgt, ex[k].code);
            if (w && exps[w - 1] == ' ') exps[w - 1] = '\0';
            printf("%s: expected %s got %s\n", r->id, exps, got);
            if (verbose) printf("    text: %s\n", r->text);
        }
    }
    int status = dy_validate_report(cats, ncats, passed, failed, skipped, minpct);
    for (int i = 0; i < nrecs; i++) { free(recs[i].text); free(recs[i].comment); }
    free(recs);
    free(tbuf);
    dy_arena_free(&a);
    dy_dict_free(&d);
    return status;
}

int dy_cmd_validate(int argc, char **argv)
{
    const char *path = NULL;
    double minpct = 0;
    int verbose = 0, quiet = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--min") && i + 1 < argc) minpct = atof(argv[++i]);
        else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) verbose = 1;
        else if (!strcmp(argv[i], "--dict-warnings")) quiet = 0;
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: dyad validate FILE.project|FILE.xml [--min PCT] [-v] [--dict-warnings]\n");
            return 0;
        } else path = argv[i];
    }
    if (!path) { fprintf(stderr, "usage: dyad validate FILE.project [--min PCT] [-v]\n"); return 2; }
    size_t n = strlen(path);
    if (n > 4 && !strcmp(path + n - 4, ".xml")) return dy_validate_petr(path, minpct, verbose, quiet);
    return run_tabari(path, minpct, verbose, quiet);
}
