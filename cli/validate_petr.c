/* validate_petr.c — `dyad validate FILE.xml`: runs PETRARCH's XML
 * validation records (PETR.UnitTest.records.xml layout). Reads the
 * <Environment> block (dictionary names resolved against the XML's folder,
 * ../dictionaries/ and dictionaries/, as in PETRARCH2's layout; <Include>
 * categories), <Config option= value=> changes between records, and each
 * <Sentence date= id= category=> with its <EventCoding> expectations
 * (sourcecode/targetcode/eventcode, noevents="True", error="..."), <Text>
 * and <Parse>. The parse tree is used only to detect malformed (unbalanced)
 * input, which PETRARCH rejects; coding works from the text. Prints each
 * mismatch as "ID: expected {...} got {...}", a per-category table and
 * "N passed, N failed". */
#include "coder.h"
#include "dict.h"
#include "dict_int.h"
#include "dyad.h"
#include "issues.h"
#include "validate.h"
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct pexp { char src[80], tgt[80], code[16]; } pexp;

enum { PX_EVENTS = 0, PX_NOEVENT, PX_DISCARD, PX_ERROR };

static void pvdiag(void *ctx, const char *file, uint64_t line, const char *msg)
{
    int *quiet = ctx;
    if (*quiet) return;
    fprintf(stderr, "%s:%llu: %s\n", file, (unsigned long long)line, msg);
}

/* blank out <!-- --> comments in place (keeps offsets) */
static void strip_comments(char *s)
{
    for (char *p = s; (p = strstr(p, "<!--"));) {
        char *e = strstr(p + 4, "-->");
        char *end = e ? e + 3 : p + strlen(p);
        for (char *q = p; q < end; q++) if (*q != '\n') *q = ' ';
        p = end;
    }
}

/* value of attribute name in the tag [s, e): quotes " or ', spaces allowed
 * around '='. Returns 1 when found. */
static int attr(const char *s, const char *e, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (const char *p = s; p + nl < e; p++) {
        if (strncasecmp(p, name, nl) || (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))) continue;
        const char *q = p + nl;
        while (q < e && isspace((unsigned char)*q)) q++;
        if (q >= e || *q != '=') continue;
        q++;
        while (q < e && isspace((unsigned char)*q)) q++;
        if (q >= e || (*q != '"' && *q != '\'')) continue;
        char quote = *q++;
        const char *v = q;
        while (q < e && *q != quote) q++;
        size_t n = (size_t)(q - v);
        if (n >= cap) n = cap - 1;
        memcpy(out, v, n);
        out[n] = '\0';
        return 1;
    }
    return 0;
}

/* element text between <tag> and </tag> within [s, e) */
static int elem(const char *s, const char *e, const char *tag, const char **bs, const char **be)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *p = s;
    size_t ol = strlen(open);
    for (;;) {
        p = strstr(p, open);
        if (!p || p >= e) return 0;
        if (p[ol] == '>' || isspace((unsigned char)p[ol])) break;
        p += ol;
    }
    const char *gt = strchr(p, '>');
    if (!gt || gt >= e) return 0;
    const char *c = strstr(gt, close);
    if (!c || c > e) return 0;
    *bs = gt + 1;
    *be = c;
    return 1;
}

/* text: lines joined by blanks, XML entities decoded */
static size_t text_copy(char *dst, size_t cap, const char *s, const char *e)
{
    size_t w = 0;
    while (s < e && isspace((unsigned char)*s)) s++;
    while (e > s && isspace((unsigned char)e[-1])) e--;
    static const struct { const char *ent; char c; } ents[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
    };
    while (s < e && w + 1 < cap) {
        int done = 0;
        if (*s == '&')
            for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
                size_t l = strlen(ents[k].ent);
                if ((size_t)(e - s) >= l && !memcmp(s, ents[k].ent, l)) { dst[w++] = ents[k].c; s += l; done = 1; break; }
            }
        if (done) continue;
        char c = *s++;
        if (c == '\n' || c == '\t') c = ' ';
        if (c == ' ' && w && dst[w - 1] == ' ') continue;
        dst[w++] = c;
    }
    dst[w] = '\0';
    return w;
}

static int parse_balanced(const char *s, const char *e)
{
    long depth = 0;
    for (; s < e; s++) {
        if (*s == '(') depth++;
        else if (*s == ')') { if (--depth < 0) return 0; }
    }
    return depth == 0;
}

static int file_ok(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static void resolve_dict(char *out, size_t cap, const char *dir, const char *name)
{
    static const char *sub[] = { "", "../dictionaries/", "dictionaries/", "../" };
    if (name[0] == '/') { snprintf(out, cap, "%s", name); return; }
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
        snprintf(out, cap, "%s%s%s", dir, sub[i], name);
        if (file_ok(out)) return;
    }
    snprintf(out, cap, "%s../dictionaries/%s", dir, name);
}

/* quoted expectations ("NOUN PHRASE" actors from new_actor_length) keep
   their text without the quotes */
static void unquote(char *s)
{
    size_t n = strlen(s);
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') { memmove(s, s + 1, n - 2); s[n - 2] = '\0'; }
    else if (n >= 1 && s[0] == '"') memmove(s, s + 1, n);
}

typedef struct gev { char src[80], tgt[80], code[16]; } gev;

int dy_validate_petr(const char *xml, double minpct, int verbose, int quiet_dict)
{
    char *buf = dy_dict_read_text(xml, NULL);
    if (!buf) { fprintf(stderr, "dyad validate: cannot read %s\n", xml); return 2; }
    strip_comments(buf);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", xml);
    char *sl = strrchr(dir, '/');
    if (sl) sl[1] = '\0';
    else dir[0] = '\0';
    /* environment */
    const char *envs, *enve;
    static const struct { const char *tag, *key; } envtags[] = {
        { "Actorfile", "actorfile_list" }, { "Agentfile", "agentfile_name" },
        { "Verbfile", "verbfile_name" }, { "Discardfile", "discardfile_name" },
        { "Issuefile", "issuefile_name" },
    };
    char include[1024] = "";
    char ini[] = "/tmp/dyad_petr_XXXXXX.ini";
    int fd = mkstemps(ini, 4);
    if (fd < 0) { free(buf); fprintf(stderr, "dyad validate: cannot create a temporary file\n"); return 2; }
    FILE *f = fdopen(fd, "w");
    if (!f) { close(fd); unlink(ini); free(buf); return 2; }
    fprintf(f, "[Dictionaries]\n");
    int nd = 0;
    if (elem(buf, buf + strlen(buf), "Environment", &envs, &enve)) {
        for (size_t k = 0; k < sizeof envtags / sizeof envtags[0]; k++) {
            const char *bs, *be;
            if (!elem(envs, enve, envtags[k].tag, &bs, &be)) continue;
            char name[1024], full[4096];
            dy_validate_trimcpy(name, sizeof name, bs, be);
            resolve_dict(full, sizeof full, dir, name);
            char absp[4096];
            /* the temporary config lives elsewhere: give it absolute names */
            fprintf(f, "%s = %s\n", envtags[k].key, realpath(full, absp) ? absp : full);
            nd++;
        }
        const char *bs, *be;
        if (elem(envs, enve, "Include", &bs, &be)) dy_validate_trimcpy(include, sizeof include, bs, be);
    }
    fclose(f);
    if (!nd) { unlink(ini); free(buf); fprintf(stderr, "dyad validate: no dictionaries in <Environment> of %s\n", xml); return 2; }
    dy_dict *d = NULL;
    int q = quiet_dict;
    int rc = dy_dict_load(&d, ini, pvdiag, &q);
    unlink(ini);
    if (rc) { free(buf); fprintf(stderr, "dyad validate: cannot load the dictionaries of %s: %s\n", xml, dy_strerror(rc)); return 2; }

    dy_code_opts opts = *dy_dict_options(d);
    int require_dyad = 1;
    dy_arena *a = dy_arena_new(0);
    dy_vcat cats[64];
    int ncats = 0, passed = 0, failed = 0, skipped = 0;
    pexp ex[64];
    gev got[128];
    size_t tcap = 1 << 16;
    char *text = malloc(tcap);
    const char *p = enve ? enve : buf;
    const char *end = buf + strlen(buf);
    while (a && text && p < end) {
        const char *sent = strstr(p, "<Sentence ");
        const char *cfg = strstr(p, "<Config");
        const char *stop = strstr(p, "<Stop>");
        if (stop && (!sent || stop < sent)) break;
        if (cfg && (!sent || cfg < sent)) {
            const char *ce = strchr(cfg, '>');
            if (!ce) break;
            char opt[64], val[64];
            if (attr(cfg, ce, "option", opt, sizeof opt) && attr(cfg, ce, "value", val, sizeof val)) {
                int iv = atoi(val);
                int bv = val[0] == 'T' || val[0] == 't' || val[0] == '1';
                if (!strcasecmp(opt, "require_dyad")) require_dyad = bv;
                else if (!strcasecmp(opt, "comma_min")) opts.comma_min = iv;
                else if (!strcasecmp(opt, "comma_max")) opts.comma_max = iv;
                else if (!strcasecmp(opt, "comma_bmin")) opts.comma_bmin = iv;
                else if (!strcasecmp(opt, "comma_bmax")) opts.comma_bmax = iv;
                else if (!strcasecmp(opt, "comma_emin")) opts.comma_emin = iv;
                else if (!strcasecmp(opt, "comma_emax")) opts.comma_emax = iv;
            }
            p = ce + 1;
            continue;
        }
        if (!sent) break;
        const char *tagend = strchr(sent, '>');
        const char *send = strstr(sent, "</Sentence>");
        if (!tagend || !send) break;
        p = send + 11;
        char id[128] = "", date[32] = "", category[64] = "";
        attr(sent, tagend, "id", id, sizeof id);
        attr(sent, tagend, "date", date, sizeof date);
        attr(sent, tagend, "category", category, sizeof category);
        if (include[0] && category[0]) {
            /* <Include>: only the listed categories are run */
            int in = 0;
            size_t cl = strlen(category);
            for (const char *x = include; (x = strcasestr(x, category)); x += cl)
                if ((x == include || x[-1] == ' ') && (x[cl] == ' ' || x[cl] == '\0')) { in = 1; break; }
            if (!in) { skipped++; continue; }
        }
        /* expectations */
        int kind = PX_EVENTS, nex = 0;
        char errname[64] = "";
        for (const char *x = tagend; (x = strstr(x, "<EventCoding")) && x < send;) {
            const char *xe = strchr(x, '>');
            if (!xe || xe > send) break;
            char v[80];
            if (attr(x, xe, "noevents", v, sizeof v)) { if (kind == PX_EVENTS && !nex) kind = PX_NOEVENT; }
            else if (attr(x, xe, "error", errname, sizeof errname)) {
                kind = strstr(errname, "discard") ? PX_DISCARD : PX_ERROR;
            } else if (nex < 64) {
                pexp *e = &ex[nex];
                if (attr(x, xe, "sourcecode", e->src, sizeof e->src) && attr(x, xe, "targetcode", e->tgt, sizeof e->tgt) &&
                    attr(x, xe, "eventcode", e->code, sizeof e->code)) {
                    unquote(e->src);
                    unquote(e->tgt);
                    nex++;
                    if (kind == PX_NOEVENT) kind = PX_EVENTS;
                }
            }
            x = xe;
        }
        if (kind == PX_EVENTS && !nex) { skipped++; continue; }
        const char *ts, *te;
        if (!elem(tagend, send, "Text", &ts, &te)) { skipped++; continue; }
        size_t need = (size_t)(te - ts) + 1;
        if (need > tcap) {
            char *nt = realloc(text, need);
            if (!nt) break;
            text = nt;
            tcap = need;
        }
        size_t tlen = text_copy(text, tcap, ts, te);
        const char *ps, *pe;
        int badparse = elem(tagend, send, "Parse", &ps, &pe) && !parse_balanced(ps, pe);
        /* code */
        dy_arena_reset(a);
        int ngot = 0, outcome = DY_CO_NOEVENT, disc = DY_DISC_NONE;
        if (badparse) outcome = -1;
        else if ((disc = dy_issues_discard(d, text, tlen)) != DY_DISC_NONE) outcome = DY_CO_DISCARD;
        else {
            dy_article art;
            memset(&art, 0, sizeof art);
            art.id = id;
            art.text = text;
            art.text_len = tlen;
            art.one_sentence = 1;
            int dv = atoi(date);
            art.year = dv / 10000;
            art.month = dv / 100 % 100;
            art.day = dv % 100;
            art.date = "";
            dy_doc doc;
            memset(&doc, 0, sizeof doc);
            doc.article = &art;
            doc.text.norm = text;
            doc.text.norm_len = (uint32_t)tlen;
            dy_sentence st = { 0, (uint32_t)tlen, 0, 0 };
            doc.sents = &st;
            doc.nsents = 1;
            rc = dy_code_doc_opts(d, &opts, &doc, a, &outcome);
            if (rc) fprintf(stderr, "%s: coding failed: %s\n", id, dy_strerror(rc));
            for (uint32_t i = 0; i < doc.nevents && ngot < 128; i++) {
                const dy_event *ev = &doc.events[i];
                const char *sc = ev->source.code, *tc = ev->target.code;
                if (require_dyad && (!sc[0] || !tc[0] || !strcmp(sc, "---") || !strcmp(tc, "---"))) continue;
                /* a coded compound "A/B" is one event per member pair */
                char sb2[80], tb2[80];
                snprintf(sb2, sizeof sb2, "%s", sc[0] ? sc : "---");
                snprintf(tb2, sizeof tb2, "%s", tc[0] ? tc : "---");
                for (char *s1 = sb2; s1 && *s1;) {
                    char *s2 = strchr(s1, '/');
                    size_t l1 = s2 ? (size_t)(s2 - s1) : strlen(s1);
                    for (char *t1 = tb2; t1 && *t1;) {
                        char *t2 = strchr(t1, '/');
                        size_t l2 = t2 ? (size_t)(t2 - t1) : strlen(t1);
                        gev g;
                        snprintf(g.src, sizeof g.src, "%.*s", (int)l1, s1);
                        snprintf(g.tgt, sizeof g.tgt, "%.*s", (int)l2, t1);
                        snprintf(g.code, sizeof g.code, "%s", ev->cameo);
                        int dup = 0;
                        for (int k = 0; k < ngot && !dup; k++)
                            dup = !strcmp(got[k].src, g.src) && !strcmp(got[k].tgt, g.tgt) && !strcmp(got[k].code, g.code);
                        if (!dup && ngot < 128) got[ngot++] = g;
                        t1 = t2 ? t2 + 1 : NULL;
                    }
                    s1 = s2 ? s2 + 1 : NULL;
                }
            }
        }
        int ok;
        if (kind == PX_DISCARD) ok = outcome == DY_CO_DISCARD &&
            (strstr(errname, "story") ? disc == DY_DISC_STORY : disc != DY_DISC_NONE);
        else if (kind == PX_ERROR || kind == PX_NOEVENT) ok = ngot == 0;
        else {
            ok = 1;
            for (int k = 0; k < nex && ok; k++) {
                int fnd = 0;
                for (int j = 0; j < ngot && !fnd; j++)
                    fnd = !strcmp(got[j].src, ex[k].src) && !strcmp(got[j].tgt, ex[k].tgt) && !strcmp(got[j].code, ex[k].code);
                ok = fnd;
            }
            for (int j = 0; j < ngot && ok; j++) {
                int fnd = 0;
                for (int k = 0; k < nex && !fnd; k++)
                    fnd = !strcmp(got[j].src, ex[k].src) && !strcmp(got[j].tgt, ex[k].tgt) && !strcmp(got[j].code, ex[k].code);
                ok = fnd;
            }
        }
        dy_vcat *c = dy_validate_cat(cats, &ncats, 64, category[0] ? category : "(none)");
        if (ok) { passed++; c->pass++; continue; }
        failed++;
        c->fail++;
        char es[2048], gs[2048];
        size_t w = 0;
        es[0] = gs[0] = '\0';
        if (kind == PX_NOEVENT) snprintf(es, sizeof es, "{---}");
        else if (kind == PX_DISCARD || kind == PX_ERROR) snprintf(es, sizeof es, "{error: %s}", errname);
        else
            for (int k = 0; k < nex && w + 1 < sizeof es; k++) {
                int n = snprintf(es + w, sizeof es - w, "%s{ %s / %s / %s }", k ? " " : "", ex[k].src, ex[k].tgt, ex[k].code);
                if (n < 0) break;
                w += (size_t)n;
            }
        w = 0;
        if (outcome == -1) snprintf(gs, sizeof gs, "{error: bad_input_parse}");
        else if (outcome == DY_CO_DISCARD) snprintf(gs, sizeof gs, "{###}");
        else if (outcome == DY_CO_COMPLEX) snprintf(gs, sizeof gs, "{+++}");
        else if (!ngot) snprintf(gs, sizeof gs, "{---}");
        else
            for (int k = 0; k < ngot && w + 1 < sizeof gs; k++) {
                int n = snprintf(gs + w, sizeof gs - w, "%s{ %s / %s / %s }", k ? " " : "", got[k].src, got[k].tgt, got[k].code);
                if (n < 0) break;
                w += (size_t)n;
            }
        if (w >= sizeof gs) gs[sizeof gs - 1] = '\0';
        printf("%s: expected %s got %s\n", id, es, gs);
        if (verbose) printf("    text: %s\n", text);
    }
    int status = dy_validate_report(cats, ncats, passed, failed, skipped, minpct);
    free(text);
    free(buf);
    dy_arena_free(&a);
    dy_dict_free(&d);
    return status;
}
