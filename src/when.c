/* when.c — date expressions of a sentence resolved against the article
 * date (rules in when.h). Pure token scanning, no allocation. */
#include "when.h"
#include <stdio.h>
#include <string.h>
#include "dyad.h"
#include "enrich_int.h"

static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};
static const char *const month_names[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", NULL
};
static const char *const month_abbr[] = {
    "jan.", "feb.", "mar.", "apr.", "may.", "jun.", "jul.", "aug.", "sep.", "oct.", "nov.",
    "dec.", NULL
};
static const char *const future_cues[] = {
    "will", "shall", "'ll", "to", "scheduled", "expected", "due", "planned", "plans", NULL
};

int64_t dy_when_days(int y, int m, int d)
{
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t mp = m > 2 ? m - 3 : m + 9;
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dy_when_civil(int64_t z, int *y, int *m, int *d)
{
    int64_t era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int dy_when_weekday(int y, int m, int d)
{
    int64_t w = (dy_when_days(y, m, d) + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

typedef struct cand {
    uint32_t first, last;
    int y, m, d, prec;
} cand;

static int month_of(const dy_doc *d, uint32_t i)
{
    int k = dy_en_in(d, i, month_names);
    if (k < 0)
        k = dy_en_in(d, i, month_abbr);
    if (k < 0 && (dy_en_eq(d, i, "sept.") || dy_en_eq(d, i, "sept")))
        k = 8;
    if (k < 0) {
        static const char *const bare[] = { "jan", "feb", "aug", "sep", "oct", "nov", "dec", NULL };
        static const int bm[] = { 0, 1, 7, 8, 9, 10, 11 };
        int b = dy_en_in(d, i, bare);
        if (b >= 0 && d->toks[i].flags & DY_TF_CAP)
            k = bm[b];
    }
    return k < 0 ? 0 : k + 1;
}

/* Integer value of an all-digit token (ordinal suffix allowed), or -1. */
static int tok_int(const dy_doc *d, uint32_t i)
{
    const dy_token *t = &d->toks[i];
    const char *p = d->text.norm + t->off;
    int v = 0, nd = 0;
    uint32_t k;
    for (k = 0; k < t->len && p[k] >= '0' && p[k] <= '9' && nd < 6; k++, nd++)
        v = v * 10 + (p[k] - '0');
    if (nd == 0)
        return -1;
    if (k < t->len) {
        char s0 = (char)dy_en_lc((unsigned char)p[k]);
        if (t->len - k != 2 || !(s0 == 's' || s0 == 'n' || s0 == 'r' || s0 == 't'))
            return -1;
    }
    return v;
}

/* "YYYY-MM-DD" into out (11 bytes) for 1 <= y <= 9999. */
static void fmt_date(char *out, int y, int m, int d)
{
    unsigned yy = (unsigned)y % 10000u, mm = (unsigned)m % 100u, dd = (unsigned)d % 100u;
    out[0] = (char)('0' + yy / 1000); out[1] = (char)('0' + yy / 100 % 10);
    out[2] = (char)('0' + yy / 10 % 10); out[3] = (char)('0' + yy % 10);
    out[4] = '-'; out[5] = (char)('0' + mm / 10); out[6] = (char)('0' + mm % 10);
    out[7] = '-'; out[8] = (char)('0' + dd / 10); out[9] = (char)('0' + dd % 10);
    out[10] = '\0';
}

static int is_year(int v)
{
    return v >= 1900 && v <= 2100;
}

/* Parse "2024-10-15" or "15/10/2024" from raw text at token i's offset. */
static int raw_numeric_date(const dy_doc *d, uint32_t i, uint32_t end, cand *c)
{
    const char *p = d->text.norm + d->toks[i].off;
    const char *lim = d->text.norm + d->text.norm_len;
    int a = 0, b = 0, y = 0, n;
    uint32_t endoff, k;
    if (lim - p >= 10 && sscanf(p, "%4d-%2d-%2d%n", &y, &a, &b, &n) == 3 && n == 10) {
        c->y = y; c->m = a; c->d = b;
    } else if (lim - p >= 8 && sscanf(p, "%2d/%2d/%4d%n", &a, &b, &y, &n) == 3 && n >= 8 &&
               p[n - 5] == '/') {
        if (a > 12 && b <= 12) {
            c->d = a; c->m = b;
        } else if (b > 12 && a <= 12) {
            c->m = a; c->d = b;
        } else {
            return 0;
        }
        c->y = y;
    } else {
        return 0;
    }
    if (n < (int)(lim - p) && ((p[n] >= '0' && p[n] <= '9') || p[n] == '/' || p[n] == '-'))
        return 0;
    if (!is_year(c->y) || c->m < 1 || c->m > 12 || c->d < 1 || c->d > days_in_month(c->y, c->m))
        return 0;
    endoff = d->toks[i].off + (uint32_t)n;
    for (k = i; k + 1 < end && d->toks[k + 1].off < endoff; k++)
        ;
    c->first = i;
    c->last = k;
    c->prec = DY_DP_DAY;
    return 1;
}

static void from_days(int64_t z, int prec, cand *c)
{
    dy_when_civil(z, &c->y, &c->m, &c->d);
    c->prec = prec;
}

/* Resolve a date expression starting at token i. */
static int expr_at(const dy_doc *d, uint32_t sf, uint32_t end, uint32_t i, int future, cand *c)
{
    const dy_article *ar = d->article;
    int have = ar && ar->year > 0 && ar->month >= 1 && ar->month <= 12 && ar->day >= 1;
    int64_t today = have ? dy_when_days(ar->year, ar->month, ar->day) : 0;
    int k, mo;
    memset(c, 0, sizeof *c);
    c->first = c->last = i;
    /* fast reject: expressions start with a number, a capitalised word or
     * one of yesterday/today/tonight/tomorrow/this/last/late(r)/next/
     * early/earlier/mid/middle */
    if (d->toks[i].kind != DY_TOK_NUM &&
        !(d->toks[i].kind == DY_TOK_WORD &&
          ((d->toks[i].flags & DY_TF_CAP) || strchr("ytlnem", dy_en_tp(d, i)[0]))))
        return 0;
    if (d->toks[i].kind == DY_TOK_NUM && raw_numeric_date(d, i, end, c))
        return 1;
    if ((k = dy_en_in(d, i, weekdays)) >= 0) {
        int64_t z;
        int wd, delta;
        int mode = future ? 1 : 0; /* 0 on/before, 1 on/after, 2 before, 3 after */
        if (!have || !(d->toks[i].flags & DY_TF_CAP))
            return 0;
        if (i > sf && dy_en_eq(d, i - 1, "last")) {
            mode = 2;
            c->first = i - 1;
        } else if (i > sf && dy_en_eq(d, i - 1, "next")) {
            mode = 3;
            c->first = i - 1;
        } else if (i > sf && dy_en_eq(d, i - 1, "this")) {
            c->first = i - 1;
        }
        wd = dy_when_weekday(ar->year, ar->month, ar->day);
        if (mode == 0 || mode == 2) {
            delta = (wd - k + 7) % 7;
            if (mode == 2 && delta == 0)
                delta = 7;
            z = today - delta;
        } else {
            delta = (k - wd + 7) % 7;
            if (mode == 3 && delta == 0)
                delta = 7;
            z = today + delta;
        }
        from_days(z, DY_DP_DAY, c);
        return 1;
    }
    if (have && (dy_en_eq(d, i, "yesterday") || dy_en_eq(d, i, "today") ||
                 dy_en_eq(d, i, "tonight") || dy_en_eq(d, i, "tomorrow"))) {
        int off = dy_en_eq(d, i, "yesterday") ? -1 : dy_en_eq(d, i, "tomorrow") ? 1 : 0;
        from_days(today + off, DY_DP_DAY, c);
        return 1;
    }
    if (have && i + 1 < end && (dy_en_eq(d, i, "this") || dy_en_eq(d, i, "last") ||
                                dy_en_eq(d, i, "next"))) {
        int dir = dy_en_eq(d, i, "last") ? -1 : dy_en_eq(d, i, "next") ? 1 : 0;
        if (dy_en_eq(d, i + 1, "night") && dir <= 0) {
            from_days(today + (dir < 0 ? -1 : 0), DY_DP_DAY, c);
            c->last = i + 1;
            return 1;
        }
        if (dy_en_eq(d, i + 1, "week") || dy_en_eq(d, i + 1, "weekend")) {
            int wd = dy_when_weekday(ar->year, ar->month, ar->day);
            from_days(today - wd + 7 * dir, DY_DP_WEEK, c);
            c->last = i + 1;
            return 1;
        }
        if (dy_en_eq(d, i + 1, "month")) {
            int y = ar->year, m = ar->month + dir;
            if (m < 1) { m = 12; y--; }
            if (m > 12) { m = 1; y++; }
            c->y = y; c->m = m; c->d = 1; c->prec = DY_DP_MONTH;
            c->last = i + 1;
            return 1;
        }
        if (dy_en_eq(d, i + 1, "year")) {
            c->y = ar->year + dir; c->m = 1; c->d = 1; c->prec = DY_DP_YEAR;
            c->last = i + 1;
            return 1;
        }
    }
    /* "early/mid/late" + month or year; "mid-October", "mid-2023" */
    {
        int part = 0; /* 1 early, 2 mid, 3 late */
        uint32_t j = i;
        const char *p = dy_en_tp(d, i);
        if (dy_en_eq(d, i, "early") || dy_en_eq(d, i, "earlier")) part = 1;
        else if (dy_en_eq(d, i, "mid") || dy_en_eq(d, i, "middle")) part = 2;
        else if (dy_en_eq(d, i, "late") || dy_en_eq(d, i, "later")) part = 3;
        if (part && i + 1 < end) {
            j = i + 1;
            if (dy_en_punct_in(d, j, "-") && j + 1 < end)
                j++;
        } else if (d->toks[i].len > 4 && dy_en_lc((unsigned char)p[0]) == 'm' &&
                   dy_en_lc((unsigned char)p[1]) == 'i' && dy_en_lc((unsigned char)p[2]) == 'd' &&
                   p[3] == '-') {
            /* one token "mid-October" / "mid-2023" */
            char w[16];
            uint32_t n = d->toks[i].len - 4, q;
            if (n < sizeof w) {
                for (q = 0; q < n; q++)
                    w[q] = (char)dy_en_lc((unsigned char)p[4 + q]);
                w[n] = '\0';
                for (int mm = 0; month_names[mm]; mm++)
                    if (strcmp(w, month_names[mm]) == 0 && have) {
                        c->y = ar->year; c->m = mm + 1; c->d = 1; c->prec = DY_DP_MONTH;
                        if (c->m > ar->month && !future)
                            c->y--;
                        return 1;
                    }
                if (n == 4 && w[0] >= '0' && w[0] <= '9') {
                    int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
                    if (is_year(y)) {
                        c->y = y; c->m = 6; c->d = 1; c->prec = DY_DP_MONTH;
                        return 1;
                    }
                }
            }
        }
        if (part && j > i) {
            int yv = d->toks[j].kind == DY_TOK_NUM ? tok_int(d, j) : -1;
            if (is_year(yv)) {
                static const int start[] = { 0, 1, 6, 10 };
                c->y = yv; c->m = start[part]; c->d = 1; c->prec = DY_DP_MONTH;
                c->last = j;
                return 1;
            }
            if ((mo = month_of(d, j)) > 0) {
                c->m = mo; c->d = 1; c->prec = DY_DP_MONTH; c->last = j;
                if (j + 1 < end && is_year(tok_int(d, j + 1))) {
                    c->y = tok_int(d, j + 1);
                    c->last = j + 1;
                } else if (have) {
                    c->y = ar->year;
                    if (mo > ar->month && !future)
                        c->y--;
                } else {
                    return 0;
                }
                return 1;
            }
        }
    }
    /* "15 October (2024)" */
    if (d->toks[i].kind == DY_TOK_NUM && i + 1 < end && (mo = month_of(d, i + 1)) > 0) {
        int day = tok_int(d, i);
        uint32_t j = i + 1;
        int y = have ? ar->year : 0;
        if (day >= 1 && day <= 31) {
            if (j + 1 < end && is_year(tok_int(d, j + 1))) {
                y = tok_int(d, j + 1);
                j++;
            } else if (have && mo > ar->month && !future) {
                y--;
            }
            if (y && day <= days_in_month(y, mo)) {
                c->y = y; c->m = mo; c->d = day; c->prec = DY_DP_DAY; c->last = j;
                return 1;
            }
        }
    }
    /* "October 15(, 2024)", "October 2024", "in October" */
    if ((mo = month_of(d, i)) > 0 && (d->toks[i].flags & DY_TF_CAP)) {
        uint32_t j = i + 1;
        int y = have ? ar->year : 0, day = 0, explicit_y = 0;
        if (mo == 5 && !(i > sf && (dy_en_eq(d, i - 1, "in") || dy_en_eq(d, i - 1, "on") ||
                                    dy_en_eq(d, i - 1, "since") || dy_en_eq(d, i - 1, "early") ||
                                    dy_en_eq(d, i - 1, "late") || dy_en_eq(d, i - 1, "until"))) &&
            !(j < end && d->toks[j].kind == DY_TOK_NUM))
            return 0; /* "May" the modal or a name */
        if (j < end && d->toks[j].kind == DY_TOK_NUM) {
            int v = tok_int(d, j);
            if (v >= 1 && v <= 31) {
                day = v;
                c->last = j;
                j++;
                if (j < end && dy_en_punct_in(d, j, ","))
                    j++;
                if (j < end && is_year(tok_int(d, j))) {
                    y = tok_int(d, j);
                    explicit_y = 1;
                    c->last = j;
                }
            } else if (is_year(v)) {
                y = v;
                explicit_y = 1;
                c->last = j;
            }
        }
        if (!y)
            return 0;
        if (!explicit_y && have && mo > ar->month && !future)
            y--;
        if (day) {
            if (day > days_in_month(y, mo))
                return 0;
            c->y = y; c->m = mo; c->d = day; c->prec = DY_DP_DAY;
        } else {
            c->y = y; c->m = mo; c->d = 1; c->prec = DY_DP_MONTH;
        }
        return 1;
    }
    /* "in 2017", "since 2017" */
    if (d->toks[i].kind == DY_TOK_NUM && i > sf && is_year(tok_int(d, i)) &&
        d->toks[i].len == 4 &&
        (dy_en_eq(d, i - 1, "in") || dy_en_eq(d, i - 1, "since") || dy_en_eq(d, i - 1, "by") ||
         dy_en_eq(d, i - 1, "until") || dy_en_eq(d, i - 1, "during") ||
         dy_en_eq(d, i - 1, "throughout"))) {
        c->y = tok_int(d, i); c->m = 1; c->d = 1; c->prec = DY_DP_YEAR;
        return 1;
    }
    return 0;
}

int dy_when_sentence(const dy_doc *doc, uint32_t s, uint32_t v, int future, char out[11])
{
    const dy_sentence *se;
    uint32_t sf, end, bestd = UINT32_MAX;
    cand best, c;
    out[0] = '\0';
    if (!doc || s >= doc->nsents)
        return DY_DP_NONE;
    se = &doc->sents[s];
    sf = se->tok_first;
    end = sf + se->tok_count;
    memset(&best, 0, sizeof best);
    for (uint32_t i = sf; i < end; i++) {
        uint32_t dist;
        if (!expr_at(doc, sf, end, i, future, &c))
            continue;
        dist = c.first > v ? c.first - v : (v > c.last ? v - c.last : 0);
        if (dist < bestd) {
            bestd = dist;
            best = c;
        }
        i = c.last;
    }
    if (bestd == UINT32_MAX || best.y < 1 || best.y > 9999)
        return DY_DP_NONE;
    fmt_date(out, best.y, best.m, best.d);
    return best.prec;
}

/* Is the event at token v in the future ("will meet", "plans to visit")? */
static int is_future(const dy_doc *d, uint32_t sf, uint32_t v)
{
    uint32_t lo = v >= sf + 3 ? v - 3 : sf;
    for (uint32_t i = lo; i < v; i++)
        if (dy_en_in(d, i, future_cues) >= 0)
            return 1;
    return 0;
}

int dy_when_doc(dy_doc *doc)
{
    const dy_article *ar;
    if (!doc)
        return DY_EINVAL;
    ar = doc->article;
    for (uint32_t k = 0; k < doc->nevents; k++) {
        dy_event *e = &doc->events[k];
        uint32_t v;
        int prec;
        if (e->sentence >= doc->nsents)
            continue;
        v = dy_en_verb_tok(doc, e);
        prec = dy_when_sentence(doc, e->sentence, v,
                                is_future(doc, doc->sents[e->sentence].tok_first, v), e->date);
        if (prec == DY_DP_NONE) {
            if (ar && ar->year > 0 && ar->month >= 1 && ar->month <= 12 && ar->day >= 1 &&
                ar->year <= 9999) {
                fmt_date(e->date, ar->year, ar->month, ar->day);
                prec = DY_DP_DAY;
            } else {
                e->date[0] = '\0';
            }
        }
        e->date_prec = (uint8_t)prec;
    }
    return 0;
}
