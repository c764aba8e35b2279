/* enrich_fixture.h — shared by the enrichment tests (test_frame, test_quant,
 * test_when, test_place, test_enrich): builds a dy_doc from a text and an
 * article date with the real tokenizer and sentence splitter, adds
 * hand-made coder events by quoting their words, and offers a small
 * gazetteer whose rows are those scripts/gen_gazetteer.sh produces from
 * iso-codes and GeoNames (so tests do not need the generated file). */
#ifndef ENRICH_FIXTURE_H
#define ENRICH_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "doc.h"
#include "event.h"
#include "intern.h"
#include "place.h"
#include "sent.h"
#include "tok.h"

#define FX_MAX_EVENTS 32

typedef struct fx {
    dy_arena *a;
    dy_intern *lex;
    dy_article art;
    dy_doc doc;
    dy_event ev[FX_MAX_EVENTS];
    char *text;
} fx;

static const char fx_gaz_rows[] =
    "# test rows, as generated\n"
    "C\tUkraine\tUKR\t\t\t\t0\n"
    "C\tRussia\tRUS\t\t\t\t0\n"
    "C\tNorth Korea\tPRK\t\t\t\t0\n"
    "C\tSouth Korea\tKOR\t\t\t\t0\n"
    "C\tSyria\tSYR\t\t\t\t0\n"
    "C\tIsrael\tISR\t\t\t\t0\n"
    "C\tUnited States\tUSA\t\t\t\t0\n"
    "P\tPyongyang\tPRK\tKP-01\t39.03385\t125.75432\t3222000\n"
    "P\tSeoul\tKOR\tKR-11\t37.56600\t126.97840\t10349312\n"
    "P\tGaza\tPSE\tPS-GZA\t31.50161\t34.46672\t410000\n"
    "P\tMoscow\tRUS\t\t55.75222\t37.61556\t10381222\n"
    "P\tMoscow\tUSA\tUS-ID\t46.73239\t-117.00017\t25060\n"
    "P\tBelgorod\tRUS\tRU-BEL\t50.61074\t36.58015\t345289\n"
    "P\tAleppo\tSYR\t\t36.20124\t37.16117\t1602264\n"
    "P\tPoltava\tUKR\tUA-53\t49.58925\t34.55367\t288324\n"
    "P\tKyiv\tUKR\tUA-30\t50.45466\t30.52380\t2797553\n"
    "P\tKharkiv\tUKR\tUA-63\t49.98081\t36.25272\t1430885\n"
    "P\tDonetsk\tUKR\tUA-14\t48.02300\t37.80224\t1024700\n"
    "P\tDonetsk\tRUS\tRU-ROS\t48.33962\t39.95948\t50850\n"
    "A\tPoltava Oblast\tUKR\tUA-53\t49.58925\t34.55367\t288324\n"
    "A\tPoltava\tUKR\tUA-53\t49.58925\t34.55367\t288324\n"
    "A\tKharkiv\tUKR\tUA-63\t49.98081\t36.25272\t1430885\n"
    "A\tDonetsk\tUKR\tUA-14\t48.02300\t37.80224\t1024700\n"
    "A\tBelgorod\tRUS\tRU-BEL\t50.61074\t36.58015\t345289\n"
    "A\tGaza\tMOZ\tMZ-G\t-25.05194\t33.64417\t127366\n"
    "A\tGaza\tPSE\tPS-GZA\t31.50161\t34.46672\t410000\n";

static inline dy_gazetteer *fx_gaz(void)
{
    dy_gazetteer *g = NULL;
    uint64_t bad = 0;
    if (dy_place_gaz_load_mem(&g, fx_gaz_rows, sizeof fx_gaz_rows - 1, &bad) != 0) {
        fprintf(stderr, "fixture gazetteer: bad line %llu\n", (unsigned long long)bad);
        return NULL;
    }
    return g;
}

/* The generated gazetteer when present ($BUILD/gen, build/gen), else NULL. */
static inline dy_gazetteer *fx_real_gaz(void)
{
    const char *b = getenv("BUILD");
    char path[512];
    dy_gazetteer *g = NULL;
    if (b) {
        snprintf(path, sizeof path, "%s/gen/gazetteer.tsv", b);
        if (dy_place_gaz_load(&g, path, NULL) == 0)
            return g;
    }
    if (dy_place_gaz_load(&g, "build/gen/gazetteer.tsv", NULL) == 0)
        return g;
    return NULL;
}

static inline void fx_free(fx *f)
{
    dy_arena_free(&f->a);
    dy_intern_free(&f->lex);
    free(f->text);
    memset(f, 0, sizeof *f);
}

/* date "YYYY-MM-DD" or "" */
static inline int fx_init(fx *f, const char *date, const char *text)
{
    size_t n = strlen(text);
    uint32_t *map;
    memset(f, 0, sizeof *f);
    f->a = dy_arena_new(0);
    f->lex = dy_intern_new(NULL);
    f->text = malloc(n + 1);
    if (!f->a || !f->lex || !f->text)
        return -1;
    memcpy(f->text, text, n + 1);
    f->art.id = "t";
    f->art.date = date;
    f->art.source = f->art.url = f->art.title = f->art.origin = "";
    f->art.text = f->text;
    f->art.text_len = n;
    if (date && strlen(date) == 10)
        sscanf(date, "%d-%d-%d", &f->art.year, &f->art.month, &f->art.day);
    map = dy_arena_alloc(f->a, (n + 1) * sizeof *map);
    if (!map)
        return -1;
    for (size_t i = 0; i <= n; i++)
        map[i] = (uint32_t)i;
    f->doc.article = &f->art;
    f->doc.text.norm = f->text;
    f->doc.text.norm_len = (uint32_t)n;
    f->doc.text.map = map;
    if (dy_tokenize(&f->doc, f->lex, f->a) != 0)
        return -1;
    if (dy_split_sentences(&f->doc, f->a) != 0)
        return -1;
    f->doc.events = f->ev;
    f->doc.nevents = 0;
    return 0;
}

/* Offset of the nth (0-based) occurrence of s in the text, or -1. */
static inline long fx_find(const fx *f, const char *s, int nth)
{
    const char *p = f->text;
    for (;;) {
        const char *q = strstr(p, s);
        if (!q)
            return -1;
        if (nth-- == 0)
            return (long)(q - f->text);
        p = q + 1;
    }
}

static inline void fx_actor(const fx *f, dy_actor *a, const char *words, const char *code)
{
    long o;
    memset(a, 0, sizeof *a);
    if (!words || !*words)
        return;
    o = fx_find(f, words, 0);
    if (o < 0)
        return;
    a->off = (uint32_t)o;
    a->len = (uint32_t)strlen(words);
    if (code) {
        snprintf(a->code, sizeof a->code, "%s", code);
        memcpy(a->country, code, strlen(code) >= 3 ? 3 : 0);
    }
}

/* Add a coder event: verb words (nth occurrence), source and target words
 * with codes (NULL/"" = none), CAMEO code. Events must be added in text
 * order. Returns the event or NULL. */
static inline dy_event *fx_event_n(fx *f, const char *verb, int nth, const char *src, const char *src_code,
                            const char *tgt, const char *tgt_code, const char *cameo)
{
    dy_event *e;
    long o = fx_find(f, verb, nth);
    uint32_t s;
    if (o < 0 || f->doc.nevents >= FX_MAX_EVENTS) {
        fprintf(stderr, "fixture: verb '%s' not found\n", verb);
        return NULL;
    }
    for (s = 0; s + 1 < f->doc.nsents && f->doc.sents[s].end <= (uint32_t)o; s++)
        ;
    e = &f->ev[f->doc.nevents];
    memset(e, 0, sizeof *e);
    e->sentence = s;
    e->index = 0;
    if (f->doc.nevents && f->ev[f->doc.nevents - 1].sentence == s)
        e->index = f->ev[f->doc.nevents - 1].index + 1;
    e->verb_off = (uint32_t)o;
    e->verb_len = (uint32_t)strlen(verb);
    fx_actor(f, &e->source, src, src_code);
    fx_actor(f, &e->target, tgt, tgt_code);
    snprintf(e->cameo, sizeof e->cameo, "%s", cameo ? cameo : "");
    f->doc.nevents++;
    return e;
}

static inline dy_event *fx_event(fx *f, const char *verb, const char *src, const char *src_code,
                          const char *tgt, const char *tgt_code, const char *cameo)
{
    return fx_event_n(f, verb, 0, src, src_code, tgt, tgt_code, cameo);
}

/* ---- golden-file lines (tests/golden/enrich, tests/golden/claims) ---- */

/* s without leading blanks and trailing blanks or line ends (in place). */
static inline char *fx_trim(char *s)
{
    char *e;
    while (*s == ' ' || *s == '\t')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    return s;
}

/* "-" in a golden field means none. */
static inline const char *fx_opt(const char *s)
{
    return strcmp(s, "-") == 0 ? "" : s;
}

/* Split "a | b | c" (in place) into at most max trimmed fields; returns
 * the count. */
static inline int fx_fields(char *p, char **fld, int max)
{
    int k = 0;
    while (k < max && p) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        fld[k++] = fx_trim(p);
        p = bar ? bar + 1 : NULL;
    }
    return k;
}

/* A golden "event verb | src | src_code | tgt | tgt_code | cameo" line
 * (after "event "): adds the event; 0 when malformed or not found. */
static inline int fx_event_line(fx *f, char *rest)
{
    char *fld[6];
    return fx_fields(rest, fld, 6) == 6 &&
           fx_event(f, fld[0], fx_opt(fld[1]), fx_opt(fld[2]), fx_opt(fld[3]), fx_opt(fld[4]),
                    fx_opt(fld[5])) != NULL;
}

/* The text of an actor span (static buffer). */
static inline const char *fx_span(const fx *f, uint32_t off, uint32_t len)
{
    static char buf[256];
    size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
    memcpy(buf, f->text + off, n);
    buf[n] = '\0';
    return buf;
}

#endif
