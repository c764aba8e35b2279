/* issues.c — the post-pass over coded sentences for PETRARCH discards and
 * issues (see issues.h). Text is normalised as the phrases were (upper
 * case, letters, digits, apostrophes and hyphens kept, everything else one
 * blank) and phrases are looked up only at word starts through the prefix
 * index built by dict_petr.c, so the cost is a few hash probes per word. */
#include "issues.h"
#include "dict_int.h"
#include "dyad.h"
#include <stdlib.h>
#include <string.h>

/* normalise into a buffer with a leading and trailing blank */
static char *norm_text(const char *text, size_t len, char *stackbuf, size_t stackcap, size_t *n)
{
    size_t cap = len + 3;
    char *b = cap <= stackcap ? stackbuf : malloc(cap);
    if (!b) return NULL;
    b[0] = ' ';
    size_t w = dy_petr_norm(b + 1, cap - 2, text, len);
    b[1 + w] = ' ';
    b[2 + w] = '\0';
    *n = w + 2;
    return b;
}

static int disc_scan(const dy_dict *d, const char *t, size_t n)
{
    const dy_petr *p = d->petr;
    int found = DY_DISC_NONE;
    for (size_t i = 1; i < n; i++) {
        if (t[i - 1] != ' ' || t[i] == ' ') continue;
        size_t wl = 0;
        while (i + wl < n && t[i + wl] != ' ') wl++;
        for (size_t k = 1; k <= 3 && k <= wl; k++) {
            uint32_t h = dy_petr_key(t + i, k, p->nbuckets);
            for (uint32_t e = p->dheads[h]; e; e = p->dnext[e - 1]) {
                const dy_petr_disc *dc = &p->disc[e - 1];
                const char *ph = dy_dict_strget(d, dc->str);
                size_t pl = strlen(ph);
                size_t fl = 0;
                while (ph[fl] && ph[fl] != ' ') fl++;
                if ((fl < 3 ? fl : 3) != k) continue;
                if (i + pl > n || memcmp(t + i, ph, pl)) continue;
                if (dc->whole && t[i + pl] != ' ') continue;
                if (dc->story) return DY_DISC_STORY;
                found = DY_DISC_SENTENCE;
            }
        }
    }
    return found;
}

int dy_issues_discard(const dy_dict *d, const char *text, size_t len)
{
    if (!d || !d->petr || !d->petr->ndisc || !d->petr->dheads) return DY_DISC_NONE;
    char sb[2048];
    size_t n;
    char *t = norm_text(text, len, sb, sizeof sb, &n);
    if (!t) return DY_DISC_NONE;
    int r = disc_scan(d, t, n);
    if (t != sb) free(t);
    return r;
}

int dy_issues_codes(const dy_dict *d, const char *text, size_t len, char *out, size_t cap)
{
    if (cap) out[0] = '\0';
    if (!d || !d->petr || !d->petr->niss || !d->petr->iheads || !cap) return 0;
    const dy_petr *p = d->petr;
    char sb[2048];
    size_t n;
    char *t = norm_text(text, len, sb, sizeof sb, &n);
    if (!t) return 0;
    /* hits: entries matched (small sets) */
    uint32_t hits[64];
    int nh = 0, ignore_all = 0;
    uint16_t ign[32];
    int nign = 0;
    for (size_t i = 1; i < n; i++) {
        if (t[i - 1] != ' ' || t[i] == ' ') continue;
        size_t wl = 0;
        while (i + wl < n && t[i + wl] != ' ') wl++;
        size_t k = wl < 3 ? wl : 3;
        uint32_t h = dy_petr_key(t + i, k, p->nbuckets);
        for (uint32_t e = p->iheads[h]; e; e = p->inext[e - 1]) {
            const dy_petr_iss *is = &p->iss[e - 1];
            const char *ph = dy_dict_strget(d, is->str);
            size_t pl = strlen(ph);
            if (i + pl >= n || memcmp(t + i, ph, pl) || t[i + pl] != ' ') continue;
            if (is->ignore >= 2) ignore_all = 1;
            else if (is->ignore) { if (nign < 32) ign[nign++] = is->cat; }
            else if (nh < 64) hits[nh++] = e - 1;
        }
    }
    if (t != sb) free(t);
    if (ignore_all) return 0;
    /* dictionary order, unique codes, minus ignored categories */
    for (int a = 1; a < nh; a++) {
        uint32_t v = hits[a];
        int b = a;
        while (b > 0 && hits[b - 1] > v) { hits[b] = hits[b - 1]; b--; }
        hits[b] = v;
    }
    size_t w = 0;
    int ncodes = 0;
    for (int a = 0; a < nh; a++) {
        const dy_petr_iss *is = &p->iss[hits[a]];
        int skip = 0;
        for (int g = 0; g < nign; g++) if (ign[g] == is->cat) skip = 1;
        for (int b = 0; b < a && !skip; b++) if (p->iss[hits[b]].code == is->code) skip = 1;
        if (skip) continue;
        const char *c = dy_dict_strget(d, is->code);
        size_t cl = strlen(c);
        if (w + cl + 2 > cap) break;
        if (w) out[w++] = ',';
        memcpy(out + w, c, cl);
        w += cl;
        out[w] = '\0';
        ncodes++;
    }
    return ncodes;
}

int dy_issues_doc(const dy_dict *d, dy_doc *doc, dy_arena *a, int *found)
{
    if (found) *found = DY_DISC_NONE;
    if (!d || !doc || !d->petr || !doc->nevents) return 0;
    const dy_petr *p = d->petr;
    const char *text = doc->text.norm;
    int worst = DY_DISC_NONE;
    /* discards: sentence by sentence; a story discard anywhere drops all */
    if (p->ndisc) {
        uint8_t *drop = dy_arena_calloc(a, doc->nsents + 1, 1);
        if (!drop) return DY_ENOMEM;
        for (uint32_t s = 0; s < doc->nsents; s++) {
            const dy_sentence *st = &doc->sents[s];
            if (st->end > doc->text.norm_len || st->start > st->end) continue;
            int r = dy_issues_discard(d, text + st->start, st->end - st->start);
            if (r > worst) worst = r;
            if (r) drop[s] = 1;
            if (r == DY_DISC_STORY) break;
        }
        if (worst == DY_DISC_STORY) doc->nevents = 0;
        else if (worst) {
            uint32_t w = 0;
            for (uint32_t i = 0; i < doc->nevents; i++) {
                uint32_t s = doc->events[i].sentence;
                if (s < doc->nsents && drop[s]) continue;
                doc->events[w++] = doc->events[i];
            }
            doc->nevents = w;
        }
    }
    if (found) *found = worst;
    if (!p->niss) return 0;
    uint32_t last = UINT32_MAX;
    const char *codes = NULL;
    char buf[512];
    for (uint32_t i = 0; i < doc->nevents; i++) {
        dy_event *ev = &doc->events[i];
        if (ev->sentence != last) {
            last = ev->sentence;
            codes = NULL;
            if (last < doc->nsents) {
                const dy_sentence *st = &doc->sents[last];
                if (st->end <= doc->text.norm_len && st->start <= st->end &&
                    dy_issues_codes(d, text + st->start, st->end - st->start, buf, sizeof buf) > 0) {
                    size_t bl = strlen(buf);
                    char *c = dy_arena_alloc(a, bl + 1);
                    if (!c) return DY_ENOMEM;
                    memcpy(c, buf, bl + 1);
                    codes = c;
                }
            }
        }
        ev->issues = codes;
    }
    return 0;
}
