/* quant.c — numbers with their approximators, counted nouns and roles, read
 * from a sentence's tokens and attached to the nearest event (rules in
 * quant.h). No allocation except the per-event result arrays. */
#include "quant.h"
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "enrich_int.h"

#define MAX_QUANTS 16

static const struct { const char *w; double v; } num_words[] = {
    { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
    { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
    { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
    { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
    { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
    { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 }, { "dozen", 12 },
    { "hundred", 100 }, { "thousand", 1000 }, { "million", 1e6 }, { "billion", 1e9 },
};
static const struct { const char *w; double m; } multipliers[] = {
    { "dozen", 12 }, { "hundred", 100 }, { "thousand", 1000 }, { "million", 1e6 },
    { "billion", 1e9 }, { "mln", 1e6 }, { "bn", 1e9 },
};
static const struct { const char *w; double lo, hi; } vague[] = {
    { "dozens", 24, 99 }, { "scores", 40, 99 }, { "hundreds", 200, 999 },
    { "thousands", 2000, 9999 }, { "millions", 2e6, 9.99e6 },
};
/* Counted nouns: word -> canonical unit (dyad's own list). */
static const struct { const char *w; const char *unit; const char *role; } units[] = {
    { "people", "people", NULL }, { "person", "people", NULL }, { "persons", "people", NULL },
    { "civilians", "civilians", NULL }, { "civilian", "civilians", NULL },
    { "soldiers", "soldiers", NULL }, { "soldier", "soldiers", NULL },
    { "troops", "troops", NULL }, { "servicemen", "soldiers", NULL },
    { "service", "soldiers", NULL }, { "personnel", "personnel", NULL },
    { "fighters", "fighters", NULL }, { "militants", "militants", NULL },
    { "rebels", "rebels", NULL }, { "insurgents", "militants", NULL },
    { "police", "police", NULL }, { "policemen", "police", NULL }, { "officers", "officers", NULL },
    { "protesters", "protesters", "protesting" }, { "protestors", "protesters", "protesting" },
    { "demonstrators", "protesters", "protesting" }, { "marchers", "protesters", "protesting" },
    { "children", "children", NULL }, { "women", "women", NULL }, { "men", "men", NULL },
    { "refugees", "refugees", "displaced" }, { "migrants", "migrants", NULL },
    { "residents", "residents", NULL }, { "workers", "workers", NULL },
    { "students", "students", NULL }, { "prisoners", "prisoners", "arrested" },
    { "detainees", "prisoners", "arrested" }, { "hostages", "hostages", NULL },
    { "journalists", "journalists", NULL }, { "casualties", "casualties", NULL },
    { "deaths", "people", "killed" }, { "dead", "people", "killed" },
    { "bodies", "bodies", "killed" }, { "victims", "victims", NULL },
    { "reservists", "reservists", "mobilised" }, { "conscripts", "conscripts", "mobilised" },
    { "recruits", "recruits", "mobilised" }, { "missiles", "missiles", NULL },
    { "rockets", "rockets", NULL }, { "drones", "drones", NULL }, { "shells", "shells", NULL },
    { "tanks", "tanks", NULL }, { "aircraft", "aircraft", NULL }, { "jets", "aircraft", NULL },
    { "warplanes", "aircraft", NULL }, { "ships", "ships", NULL }, { "vessels", "ships", NULL },
    { "vehicles", "vehicles", NULL }, { "homes", "homes", NULL }, { "houses", "homes", NULL },
    { "buildings", "buildings", NULL }, { "villages", "villages", NULL },
    { "families", "families", NULL }, { "dollars", "USD", NULL }, { "euros", "EUR", NULL },
    { "pilgrims", "people", NULL }, { "others", "people", NULL }, { "voters", "voters", NULL }, { "supporters", "supporters", NULL },
    { "members", "members", NULL }, { "delegates", "delegates", NULL },
};
static const struct { const char *w; const char *role; } roles[] = {
    { "killed", "killed" }, { "killing", "killed" }, { "died", "killed" }, { "dead", "killed" },
    { "dying", "killed" }, { "slain", "killed" }, { "perished", "killed" },
    { "executed", "killed" }, { "wounded", "wounded" }, { "wounding", "wounded" },
    { "injured", "wounded" }, { "injuring", "wounded" }, { "hurt", "wounded" },
    { "mobilised", "mobilised" }, { "mobilized", "mobilised" }, { "mobilising", "mobilised" },
    { "mobilizing", "mobilised" }, { "conscripted", "mobilised" }, { "drafted", "mobilised" },
    { "mobilise", "mobilised" }, { "mobilize", "mobilised" },
    { "deployed", "deployed" }, { "deploying", "deployed" }, { "deploy", "deployed" },
    { "stationed", "deployed" }, { "dispatched", "deployed" }, { "sent", "deployed" },
    { "arrested", "arrested" }, { "arresting", "arrested" }, { "detained", "arrested" },
    { "detaining", "arrested" }, { "jailed", "arrested" }, { "captured", "arrested" },
    { "imprisoned", "arrested" }, { "rounded", "arrested" }, { "displaced", "displaced" },
    { "displacing", "displaced" }, { "fled", "displaced" }, { "evacuated", "displaced" },
    { "homeless", "displaced" }, { "protested", "protesting" }, { "marched", "protesting" },
    { "rallied", "protesting" }, { "demonstrated", "protesting" },
    { "protesting", "protesting" }, { "marching", "protesting" }, { "gathered", "protesting" },
};
static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.", NULL
};

enum { AP_NONE, AP_ABOUT, AP_MAX, AP_MIN, AP_BETWEEN };

int dy_quant_number(const char *w, size_t n, double *v)
{
    char buf[64];
    size_t k = 0;
    int digits = 0, dots = 0;
    if (!w || n == 0 || n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= '0' && c <= '9') {
            buf[k++] = c;
            digits++;
        } else if (c == ',' && digits && i + 3 < n + 1) {
            continue;
        } else if (c == '.' && digits && i + 1 < n && !dots) {
            buf[k++] = c;
            dots++;
        } else {
            k = 0;
            break;
        }
    }
    if (k && digits) {
        buf[k] = '\0';
        *v = strtod(buf, NULL);
        return 1;
    }
    if (n > 14 || !strchr("otfsenhmbdOTFSENHMBD", w[0]))
        return 0; /* no number word starts otherwise */
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)dy_en_lc((unsigned char)w[i]);
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof num_words / sizeof num_words[0]; i++)
        if (num_words[i].w[0] == buf[0] && strcmp(buf, num_words[i].w) == 0) {
            *v = num_words[i].v;
            return 1;
        }
    /* twenty-five */
    {
        char *h = strchr(buf, '-');
        double a, b;
        if (h && h != buf && dy_quant_number(buf, (size_t)(h - buf), &a) &&
            dy_quant_number(h + 1, strlen(h + 1), &b) && a >= 20 && a < 100 && b < 10) {
            *v = a + b;
            return 1;
        }
    }
    return 0;
}

static int tok_number(const dy_doc *d, uint32_t i, double *v)
{
    const dy_token *t = &d->toks[i];
    if (t->kind != DY_TOK_NUM && t->kind != DY_TOK_WORD)
        return 0;
    return dy_quant_number(d->text.norm + t->off, t->len, v);
}

static int tok_mult(const dy_doc *d, uint32_t i, double *m)
{
    for (size_t k = 0; k < sizeof multipliers / sizeof multipliers[0]; k++)
        if (dy_en_eq(d, i, multipliers[k].w)) {
            *m = multipliers[k].m;
            return 1;
        }
    return 0;
}

/* A number starting at token i: "1.4 million", "two dozen", "a dozen",
 * "twenty-five thousand". Returns the token after it (i when none). */
static uint32_t read_number(const dy_doc *d, uint32_t i, uint32_t end, double *v)
{
    double m;
    uint32_t k = i;
    if (i >= end)
        return i;
    if ((dy_en_eq(d, i, "a") || dy_en_eq(d, i, "an")) && i + 1 < end && tok_mult(d, i + 1, &m)) {
        *v = 1;
        k = i + 1;
    } else if (tok_number(d, i, v)) {
        if (dy_en_in(d, i, months) >= 0)
            return i;
        k = i + 1;
        if (d->toks[i].kind == DY_TOK_WORD && tok_mult(d, i, &m))
            return i + 1; /* bare "dozen", "hundred" */
    } else {
        return i;
    }
    while (k < end && tok_mult(d, k, &m)) {
        *v *= m;
        k++;
    }
    return k;
}

/* Approximator ending just before token i: returns its kind, *start gets
 * its first token. */
static int approximator(const dy_doc *d, uint32_t sf, uint32_t i, uint32_t *start)
{
    *start = i;
    if (i >= sf + 2) {
        if (dy_en_eq(d, i - 2, "more") && dy_en_eq(d, i - 1, "than")) { *start = i - 2; return AP_MIN; }
        if (dy_en_eq(d, i - 2, "at") && dy_en_eq(d, i - 1, "least")) { *start = i - 2; return AP_MIN; }
        if (dy_en_eq(d, i - 2, "upwards") && dy_en_eq(d, i - 1, "of")) { *start = i - 2; return AP_MIN; }
        if (dy_en_eq(d, i - 2, "up") && dy_en_eq(d, i - 1, "to")) { *start = i - 2; return AP_MAX; }
        if (dy_en_eq(d, i - 2, "fewer") && dy_en_eq(d, i - 1, "than")) { *start = i - 2; return AP_MAX; }
        if (dy_en_eq(d, i - 2, "less") && dy_en_eq(d, i - 1, "than")) { *start = i - 2; return AP_MAX; }
        if (dy_en_eq(d, i - 2, "an") && dy_en_eq(d, i - 1, "estimated")) { *start = i - 2; return AP_ABOUT; }
    }
    if (i >= sf + 3 && dy_en_eq(d, i - 3, "as") && dy_en_eq(d, i - 2, "many") && dy_en_eq(d, i - 1, "as")) {
        *start = i - 3;
        return AP_MAX;
    }
    if (i >= sf + 1) {
        static const char *const about[] = { "approximately", "around", "about", "some", "roughly",
                                             "estimated", "approx.", "circa", "nearly", "almost",
                                             "over", "under", "between", "exceeding", NULL };
        int k = dy_en_in(d, i - 1, about);
        if (k >= 0) {
            *start = i - 1;
            if (k <= 7)
                return AP_ABOUT;
            if (k <= 9 || k == 11)
                return AP_MAX;
            if (k == 12)
                return AP_BETWEEN;
            return AP_MIN;
        }
    }
    return AP_NONE;
}

static int find_unit(const dy_doc *d, uint32_t k, uint32_t end, uint32_t *ut, int *ui)
{
    uint32_t skipped = 0;
    if (k < end && dy_en_eq(d, k, "of"))
        k++;
    while (k < end && skipped <= 3) {
        if (d->toks[k].kind != DY_TOK_WORD)
            return 0;
        for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
            if (dy_en_eq(d, k, units[u].w)) {
                /* "service members", "service personnel" */
                if (strcmp(units[u].w, "service") == 0 &&
                    !(k + 1 < end && (dy_en_eq(d, k + 1, "members") || dy_en_eq(d, k + 1, "personnel"))))
                    break;
                *ut = strcmp(units[u].w, "service") == 0 ? k + 1 : k;
                *ui = (int)u;
                return 1;
            }
        if (d->toks[k].flags & DY_TF_CAP && skipped > 0)
            return 0;
        if (dy_en_eq(d, k, "were") || dy_en_eq(d, k, "have") || dy_en_eq(d, k, "had") ||
            dy_en_eq(d, k, "and") || dy_en_eq(d, k, "in") || dy_en_eq(d, k, "on") ||
            dy_en_eq(d, k, "at") || dy_en_in(d, k, months) >= 0)
            return 0;
        skipped++;
        k++;
    }
    return 0;
}

static const char *find_role(const dy_doc *d, uint32_t sf, uint32_t end, uint32_t first,
                             uint32_t last)
{
    for (uint32_t k = last + 1; k < end && k <= last + 6; k++) {
        if (dy_en_punct_in(d, k, ";:"))
            break;
        for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
            if (dy_en_eq(d, k, roles[r].w))
                return roles[r].role;
    }
    for (uint32_t k = first; k-- > sf && k + 4 >= first;) {
        for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
            if (dy_en_eq(d, k, roles[r].w))
                return roles[r].role;
    }
    return NULL;
}

uint32_t dy_quant_sentence(const dy_doc *doc, uint32_t s, dy_quantity *out, uint32_t max,
                           uint32_t *at)
{
    const dy_sentence *se;
    uint32_t sf, end, n = 0;
    if (!doc || s >= doc->nsents || !out)
        return 0;
    se = &doc->sents[s];
    sf = se->tok_first;
    end = sf + se->tok_count;
    for (uint32_t i = sf; i < end && n < max; i++) {
        dy_quantity q;
        double v = 0, v2 = 0;
        uint32_t k, start, ut = 0;
        int ap, ui = -1, vg = -1;
        memset(&q, 0, sizeof q);
        /* vague plurals: "tens of thousands", "hundreds of", "dozens of" */
        if (dy_en_eq(doc, i, "tens") || dy_en_eq(doc, i, "hundreds")) {
            if (i + 2 < end && dy_en_eq(doc, i + 1, "of") && dy_en_eq(doc, i + 2, "thousands")) {
                double f = dy_en_eq(doc, i, "tens") ? 10 : 100;
                q.low = 2 * f * 1000;
                q.high = 10 * f * 1000 - 1;
                k = i + 3;
                vg = 1;
            }
        }
        if (vg < 0) {
            for (size_t g = 0; g < sizeof vague / sizeof vague[0]; g++)
                if (dy_en_eq(doc, i, vague[g].w)) {
                    q.low = vague[g].lo;
                    q.high = vague[g].hi;
                    k = i + 1;
                    vg = (int)g;
                    break;
                }
        }
        if (vg >= 0) {
            q.has_low = q.has_high = 1;
            q.approx = 1;
            start = i;
        } else {
            k = read_number(doc, i, end, &v);
            if (k == i)
                continue;
            if (i > sf && dy_en_in(doc, i - 1, months) >= 0)
                continue; /* "October 15" */
            ap = approximator(doc, sf, i, &start);
            q.value = v;
            q.has_value = 1;
            /* ranges: "between 200 and 300", "200 to 300", "from 200 to 300" */
            if (k + 1 < end && (dy_en_eq(doc, k, "to") || dy_en_eq(doc, k, "and") ||
                                dy_en_punct_in(doc, k, "-"))) {
                uint32_t k2 = read_number(doc, k + 1, end, &v2);
                if (k2 > k + 1 && (ap == AP_BETWEEN || !dy_en_eq(doc, k, "and")) && v2 > v) {
                    q.low = v;
                    q.high = v2;
                    q.has_low = q.has_high = 1;
                    q.has_value = 0;
                    q.value = 0;
                    q.approx = 1;
                    k = k2;
                    ap = AP_NONE;
                    if (start == i && i > sf && dy_en_eq(doc, i - 1, "from"))
                        start = i - 1;
                }
            }
            switch (ap) {
            case AP_ABOUT: q.approx = 1; break;
            case AP_MAX: q.approx = 1; q.high = v; q.has_high = 1; break;
            case AP_MIN: q.approx = 1; q.low = v; q.has_low = 1; break;
            default: break;
            }
        }
        if (!find_unit(doc, k, end, &ut, &ui)) {
            i = k - 1 > i ? k - 1 : i;
            continue;
        }
        q.unit = units[ui].unit;
        q.role = find_role(doc, sf, end, start, ut);
        if (!q.role)
            q.role = units[ui].role;
        q.off = doc->toks[start].off;
        q.len = doc->toks[ut].off + doc->toks[ut].len - q.off;
        if (at)
            at[n] = i;
        out[n++] = q;
        i = ut;
    }
    return n;
}

int dy_quant_doc(dy_doc *doc, dy_arena *a)
{
    dy_quantity qs[MAX_QUANTS];
    uint32_t at[MAX_QUANTS], owner[MAX_QUANTS];
    uint32_t k = 0;
    if (!doc || !a)
        return DY_EINVAL;
    while (k < doc->nevents) {
        uint32_t s = doc->events[k].sentence, first = k, nq;
        while (k < doc->nevents && doc->events[k].sentence == s)
            k++;
        for (uint32_t e = first; e < k; e++) {
            doc->events[e].quants = NULL;
            doc->events[e].nquants = 0;
        }
        if (s >= doc->nsents)
            continue;
        nq = dy_quant_sentence(doc, s, qs, MAX_QUANTS, at);
        if (nq == 0)
            continue;
        for (uint32_t q = 0; q < nq; q++) {
            uint32_t best = first, bestd = UINT32_MAX;
            for (uint32_t e = first; e < k; e++) {
                uint32_t v = dy_en_verb_tok(doc, &doc->events[e]);
                uint32_t dist = v > at[q] ? v - at[q] : at[q] - v;
                if (dist < bestd) {
                    bestd = dist;
                    best = e;
                }
            }
            owner[q] = best;
            doc->events[best].nquants++;
        }
        for (uint32_t e = first; e < k; e++) {
            dy_event *ev = &doc->events[e];
            uint32_t n = 0;
            if (ev->nquants == 0)
                continue;
            ev->quants = dy_arena_alloc(a, ev->nquants * sizeof *ev->quants);
            if (!ev->quants)
                return DY_ENOMEM;
            for (uint32_t q = 0; q < nq; q++)
                if (owner[q] == e)
                    ev->quants[n++] = qs[q];
        }
    }
    return 0;
}
