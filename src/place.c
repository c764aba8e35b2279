/* place.c — the gazetteer (an open-addressing hash of lower-cased names,
 * each slot holding the best country, subdivision and populated place of
 * that name) and the locative-phrase rules that give an event its place.
 * See place.h for the file format and the rules. */
#include "place.h"
#include "cameo.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "enrich_int.h"
#include "event.h"

#define GAZ_MAX_NGRAM 5
#define GAZ_KEY_MAX 128
#define PLACE_MAX_CANDS 32

typedef struct gaz_slot {
    uint32_t key_off, key_len; /* in g->keys; key_len 0 = empty slot */
    uint32_t hash;
    int32_t best[3];           /* entry index per kind, -1 none */
} gaz_slot;

struct dy_gazetteer {
    char *keys;                /* lower-cased names, back to back */
    size_t keys_len, keys_cap;
    dy_place_entry *ents;
    uint32_t nents, cap_ents;
    gaz_slot *slots;
    uint32_t nslots, nused;    /* nslots is a power of two */
};

static uint32_t gaz_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (uint32_t)dy_en_lc((unsigned char)s[i]);
        h *= 16777619u;
    }
    return h ? h : 1;
}

static int key_eq(const dy_gazetteer *g, const gaz_slot *sl, const char *s, size_t n)
{
    const char *k = g->keys + sl->key_off;
    if (sl->key_len != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (k[i] != (char)dy_en_lc((unsigned char)s[i]))
            return 0;
    }
    return 1;
}

static gaz_slot *gaz_find(const dy_gazetteer *g, const char *s, size_t n, uint32_t h)
{
    uint32_t mask = g->nslots - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        gaz_slot *sl = &g->slots[i];
        if (sl->key_len == 0)
            return sl;
        if (sl->hash == h && key_eq(g, sl, s, n))
            return sl;
    }
}

static int gaz_grow(dy_gazetteer *g)
{
    uint32_t ncap = g->nslots ? g->nslots * 2 : 4096;
    gaz_slot *old = g->slots;
    uint32_t oldn = g->nslots;
    g->slots = calloc(ncap, sizeof *g->slots);
    if (!g->slots) {
        g->slots = old;
        return DY_ENOMEM;
    }
    g->nslots = ncap;
    for (uint32_t i = 0; i < oldn; i++) {
        if (old[i].key_len == 0)
            continue;
        uint32_t mask = ncap - 1, j = old[i].hash & mask;
        while (g->slots[j].key_len)
            j = (j + 1) & mask;
        g->slots[j] = old[i];
    }
    free(old);
    return 0;
}

/* Rank of an entry within its kind: bigger wins. */
static double ent_rank(const dy_place_entry *e)
{
    return (double)e->population + (e->has_coords ? 0.5 : 0.0);
}

static int gaz_add(dy_gazetteer *g, const char *name, size_t n, const dy_place_entry *e)
{
    gaz_slot *sl;
    uint32_t h, idx;
    if (n == 0 || n >= GAZ_KEY_MAX)
        return 0;
    if ((g->nused + 1) * 2 > g->nslots && gaz_grow(g) != 0)
        return DY_ENOMEM;
    if (g->nents == g->cap_ents) {
        uint32_t nc = g->cap_ents ? g->cap_ents * 2 : 1024;
        dy_place_entry *ne = realloc(g->ents, (size_t)nc * sizeof *ne);
        if (!ne)
            return DY_ENOMEM;
        g->ents = ne;
        g->cap_ents = nc;
    }
    idx = g->nents;
    h = gaz_hash(name, n);
    sl = gaz_find(g, name, n, h);
    if (sl->key_len == 0) {
        if (g->keys_len + n > g->keys_cap) {
            size_t nc = g->keys_cap ? g->keys_cap * 2 : 65536;
            char *nk;
            while (nc < g->keys_len + n)
                nc *= 2;
            nk = realloc(g->keys, nc);
            if (!nk)
                return DY_ENOMEM;
            g->keys = nk;
            g->keys_cap = nc;
        }
        for (size_t i = 0; i < n; i++)
            g->keys[g->keys_len + i] = (char)dy_en_lc((unsigned char)name[i]);
        sl->key_off = (uint32_t)g->keys_len;
        sl->key_len = (uint32_t)n;
        sl->hash = h;
        sl->best[0] = sl->best[1] = sl->best[2] = -1;
        g->keys_len += n;
        g->nused++;
    }
    g->ents[idx] = *e;
    g->nents++;
    if (sl->best[e->kind] < 0 || ent_rank(e) > ent_rank(&g->ents[sl->best[e->kind]]))
        sl->best[e->kind] = (int32_t)idx;
    return 0;
}

/* Split line into at most nf tab-separated fields (in place). */
static int split_tabs(char *line, char **f, int nf)
{
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p && k < nf; p++) {
        if (*p == '\t') {
            *p = '\0';
            f[k++] = p + 1;
        }
    }
    return k;
}

static int parse_double(const char *s, double *out)
{
    char *end;
    if (!*s)
        return 0;
    errno = 0;
    *out = strtod(s, &end);
    return errno == 0 && *end == '\0';
}

int dy_place_gaz_load_mem(dy_gazetteer **out, const char *buf, size_t n, uint64_t *bad_line)
{
    dy_gazetteer *g = NULL;
    char *copy = NULL;
    int rc = DY_ENOMEM;
    uint64_t lineno = 0;
    if (!out || (!buf && n))
        return DY_EINVAL;
    *out = NULL;
    g = calloc(1, sizeof *g);
    copy = malloc(n + 1);
    if (!g || !copy)
        goto fail;
    memcpy(copy, buf, n);
    copy[n] = '\0';
    if (gaz_grow(g) != 0)
        goto fail;
    for (char *line = copy, *next; line && *line; line = next) {
        char *f[8];
        dy_place_entry e;
        int nf;
        size_t ln;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        ln = strlen(line);
        if (ln && line[ln - 1] == '\r')
            line[--ln] = '\0';
        if (ln == 0 || line[0] == '#')
            continue;
        nf = split_tabs(line, f, 7);
        memset(&e, 0, sizeof e);
        if (nf != 7 || f[0][1] != '\0' || strlen(f[2]) != 3 || strlen(f[3]) >= sizeof e.admin1)
            goto bad;
        switch (f[0][0]) {
        case 'C': e.kind = DY_PLACE_COUNTRY; break;
        case 'A': e.kind = DY_PLACE_ADMIN1; break;
        case 'P': e.kind = DY_PLACE_CITY; break;
        default: goto bad;
        }
        memcpy(e.country, f[2], 4);
        memcpy(e.admin1, f[3], strlen(f[3]) + 1);
        if (f[4][0] || f[5][0]) {
            if (!parse_double(f[4], &e.lat) || !parse_double(f[5], &e.lon) ||
                e.lat < -90 || e.lat > 90 || e.lon < -180 || e.lon > 180)
                goto bad;
            e.has_coords = 1;
        }
        e.population = (uint32_t)strtoul(f[6], NULL, 10);
        if (gaz_add(g, f[1], strlen(f[1]), &e) != 0)
            goto fail;
        continue;
bad:
        rc = DY_EPARSE;
        if (bad_line)
            *bad_line = lineno;
        goto fail;
    }
    free(copy);
    *out = g;
    return 0;
fail:
    free(copy);
    dy_place_gaz_free(&g);
    return rc;
}

int dy_place_gaz_load(dy_gazetteer **g, const char *path, uint64_t *bad_line)
{
    FILE *f;
    char *buf = NULL;
    size_t cap = 0, len = 0;
    int rc;
    if (!g || !path)
        return DY_EINVAL;
    *g = NULL;
    f = fopen(path, "rb");
    if (!f)
        return DY_EIO;
    for (;;) {
        size_t got;
        if (len == cap) {
            size_t nc = cap ? cap * 2 : 1u << 20;
            char *nb = realloc(buf, nc);
            if (!nb) {
                rc = DY_ENOMEM;
                goto done;
            }
            buf = nb;
            cap = nc;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rc = DY_EIO;
        goto done;
    }
    rc = dy_place_gaz_load_mem(g, buf, len, bad_line);
done:
    free(buf);
    fclose(f);
    return rc;
}

void dy_place_gaz_free(dy_gazetteer **g)
{
    if (!g || !*g)
        return;
    free((*g)->keys);
    free((*g)->ents);
    free((*g)->slots);
    free(*g);
    *g = NULL;
}

uint32_t dy_place_gaz_size(const dy_gazetteer *g)
{
    return g ? g->nused : 0;
}

const dy_place_entry *dy_place_lookup(const dy_gazetteer *g, const char *name, size_t n, int kind)
{
    const gaz_slot *sl;
    if (!g || !name || n == 0 || n >= GAZ_KEY_MAX || kind < 0 || kind > 2)
        return NULL;
    sl = gaz_find(g, name, n, gaz_hash(name, n));
    if (sl->key_len == 0 || sl->best[kind] < 0)
        return NULL;
    return &g->ents[sl->best[kind]];
}

/* ---- matching token sequences ------------------------------------------ */

/* Words that are capitalised in text but are never taken as place names
 * (GeoNames has towns called March, May, Of, Reading ...). */
static const char *const not_places[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "the", "a", "an",
    "of", "in", "on", "at", "president", "minister", "new", "university",
    "this", "that", "he", "she", "it", "they", "we", "i", "reading", "mobile",
    "police", "army", "university", "parliament", "congress", "senate", NULL
};

/* Lower-cased key of tokens [i, j] joined by single spaces into buf. */
static size_t ngram_key(const dy_doc *d, uint32_t i, uint32_t j, char *buf, size_t cap)
{
    size_t n = 0;
    for (uint32_t k = i; k <= j; k++) {
        const dy_token *t = &d->toks[k];
        if (k > i) {
            if (n + 1 >= cap)
                return 0;
            buf[n++] = ' ';
        }
        if (n + t->len >= cap)
            return 0;
        memcpy(buf + n, d->text.norm + t->off, t->len);
        n += t->len;
    }
    return n;
}

static int name_token(const dy_doc *d, uint32_t k)
{
    uint16_t kind = d->toks[k].kind;
    return kind == DY_TOK_WORD;
}

/* Longest gazetteer name starting at token i (tokens < end): returns the
 * last token index or -1; the slot's entries go to ent[3]. need_cap: the
 * first token must be capitalised. */
static int64_t match_at(const dy_gazetteer *g, const dy_doc *d, uint32_t i, uint32_t end,
                        int need_cap, const dy_place_entry *ent[3])
{
    char key[GAZ_KEY_MAX];
    uint32_t last;
    if (!g || !name_token(d, i))
        return -1;
    if (need_cap && !(d->toks[i].flags & (DY_TF_CAP | DY_TF_ALLCAP)))
        return -1;
    if (dy_en_in(d, i, not_places) >= 0)
        return -1;
    last = i;
    while (last + 1 < end && last + 1 < i + GAZ_MAX_NGRAM && name_token(d, last + 1) &&
           (!need_cap || (d->toks[last + 1].flags & (DY_TF_CAP | DY_TF_ALLCAP)) ||
            dy_en_eq(d, last + 1, "of") || dy_en_eq(d, last + 1, "al") ||
            dy_en_eq(d, last + 1, "la") || dy_en_eq(d, last + 1, "de")))
        last++;
    for (uint32_t j = last + 1; j-- > i;) {
        size_t n = ngram_key(d, i, j, key, sizeof key);
        const gaz_slot *sl;
        if (n == 0)
            continue;
        sl = gaz_find(g, key, n, gaz_hash(key, n));
        if (sl->key_len == 0)
            continue;
        for (int k = 0; k < 3; k++)
            ent[k] = sl->best[k] >= 0 ? &g->ents[sl->best[k]] : NULL;
        return (int64_t)j;
    }
    return -1;
}

const char *dy_place_country_in(const dy_gazetteer *g, const dy_doc *doc,
                                uint32_t first, uint32_t last)
{
    if (!g || !doc || last < first || last >= doc->ntoks)
        return NULL;
    for (uint32_t i = first; i <= last; i++) {
        const dy_place_entry *ent[3];
        int64_t j = match_at(g, doc, i, last + 1, 1, ent);
        if (j >= 0 && ent[DY_PLACE_COUNTRY])
            return ent[DY_PLACE_COUNTRY]->country;
    }
    return NULL;
}

/* ---- locative phrases --------------------------------------------------- */

static const char *const loc_preps[] = {
    "in", "near", "over", "at", "outside", "around", "inside", "across", "into",
    "throughout", "towards", "toward", "on", "within", NULL
};
static const char *const dir_adjs[] = {
    "eastern", "western", "northern", "southern", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western", "occupied", "annexed",
    "besieged", "rebel-held", "russian-occupied", "government-held", "war-torn",
    "neighbouring", "neighboring", "coastal", "southeast", "northeast",
    "southwest", "northwest", NULL
};
/* "the city of X", "the outskirts of X", "north of X" */
static const char *const of_heads[] = {
    "city", "town", "village", "region", "province", "outskirts", "suburbs",
    "capital", "north", "south", "east", "west", "centre", "center", "port",
    "district", "state", "republic", NULL
};
static const char *const region_words[] = {
    "region", "oblast", "province", "governorate", "state", "district",
    "prefecture", "county", "regions", "provinces", NULL
};
/* Gazetteer names that are also the first word of longer proper names
   ("North Waziristan", "West Darfur", "Central Asia"): alone before another
   capitalised word they are not the place. */
static const char *const partial_words[] = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "upper", "lower", "middle", "centre", "center", "coast", "littoral", "far", "greater", NULL
};
static const char *const border_words[] = {
    "border", "frontier", "frontline", "front", "coast", "borders", NULL
};

typedef struct place_cand {
    uint32_t first, last;      /* phrase tokens (no preposition, no "the") */
    uint32_t name_first;       /* first token of the gazetteer name */
    const dy_place_entry *ent; /* NULL: gazetteer-free phrase (border) */
} place_cand;

/* Walk left from token k (exclusive) over [the] [adjs] [head of [the]] to a
 * locative preposition; returns 1 and the phrase start when found. */
static int locative_before(const dy_doc *d, uint32_t sfirst, uint32_t k, uint32_t *phrase_first,
                           int *city_hint, int *admin_hint)
{
    uint32_t p = k;
    *phrase_first = k;
    /* "the city of", "the Kharkiv region of"? only "<head> of [the]" */
    if (p > sfirst && dy_en_eq(d, p - 1, "the"))
        p--;
    if (p > sfirst + 1 && dy_en_eq(d, p - 1, "of") && dy_en_in(d, p - 2, of_heads) >= 0) {
        int h = dy_en_in(d, p - 2, of_heads);
        if (h <= 2 || h == 5 || h == 6 || h == 7 || h == 14)
            *city_hint = 1;
        if (h == 3 || h == 4 || h == 15 || h == 16)
            *admin_hint = 1;
        p -= 2;
        *phrase_first = p;
        if (*city_hint || *admin_hint)
            return 1; /* "shelled the city of X": the named place is the place */
    }
    while (p > sfirst && dy_en_in(d, p - 1, dir_adjs) >= 0) {
        p--;
        *phrase_first = p;
    }
    if (p > sfirst && dy_en_eq(d, p - 1, "the"))
        p--;
    return p > sfirst && dy_en_in(d, p - 1, loc_preps) >= 0;
}

static uint32_t sent_cands(const dy_gazetteer *g, const dy_doc *d, uint32_t s, place_cand *c,
                           uint32_t max)
{
    const dy_sentence *se = &d->sents[s];
    uint32_t end = se->tok_first + se->tok_count, n = 0;
    for (uint32_t i = se->tok_first; i < end && n < max; i++) {
        const dy_place_entry *ent[3] = { NULL, NULL, NULL };
        int64_t j = match_at(g, d, i, end, 1, ent);
        uint32_t pf;
        int city_hint = 0, admin_hint = 0;
        if (j >= 0 && (uint32_t)j == i && i + 1 < end && dy_en_in(d, i, partial_words) >= 0 &&
            (d->toks[i + 1].flags & DY_TF_CAP) && dy_en_in(d, i + 1, region_words) < 0)
            j = -1;   /* "North Waziristan": not Cameroon's North region */
        if (j >= 0) {
            uint32_t last = (uint32_t)j;
            const dy_place_entry *pick;
            if (!locative_before(d, se->tok_first, i, &pf, &city_hint, &admin_hint)) {
                i = last;
                continue;
            }
            if (last + 1 < end && dy_en_in(d, last + 1, region_words) >= 0) {
                admin_hint = 1;
                last++;
            }
            if (admin_hint && ent[DY_PLACE_ADMIN1])
                pick = ent[DY_PLACE_ADMIN1];
            else if (city_hint && ent[DY_PLACE_CITY])
                pick = ent[DY_PLACE_CITY];
            else if (ent[DY_PLACE_COUNTRY])
                pick = ent[DY_PLACE_COUNTRY];
            else if (ent[DY_PLACE_CITY])
                pick = ent[DY_PLACE_CITY];
            else
                pick = ent[DY_PLACE_ADMIN1];
            if (!pick) {
                i = last;
                continue;
            }
            c[n].first = pf;
            c[n].last = last;
            c[n].name_first = i;
            c[n].ent = pick;
            n++;
            i = last;
            continue;
        }
        /* "near the border", "along the front line" */
        if (dy_en_in(d, i, border_words) >= 0 && i > se->tok_first && dy_en_eq(d, i - 1, "the") &&
            i > se->tok_first + 1 &&
            (dy_en_in(d, i - 2, loc_preps) >= 0 || dy_en_eq(d, i - 2, "along"))) {
            uint32_t last = i;
            if (dy_en_eq(d, i, "front") && i + 1 < end && dy_en_eq(d, i + 1, "line"))
                last = i + 1;
            c[n].first = i;
            c[n].last = last;
            c[n].name_first = i;
            c[n].ent = NULL;
            n++;
            i = last;
        }
    }
    return n;
}

static int span_has(const dy_actor *a, const dy_doc *d, uint32_t tok)
{
    uint32_t o = d->toks[tok].off;
    return a->len && o >= a->off && o < a->off + a->len;
}

/* CAMEO's convention for an attack whose author is not named (codebook,
 * 185): "the location of the attack would be coded as the source
 * instead". An assault or use of force (18-20) with no source, a target of
 * one country and a place in another ("A roadside bomb near Samarra killed
 * a U.S. soldier") takes the place's country as its source. A place in the
 * target's own country ("Ukrainian soldier killed in Donbas") leaves the
 * source unknown: the convention would make the victims' state their
 * attacker. */
static void place_as_source(dy_event *e)
{
    const char *cc;
    if (e->source.code[0] || !e->loc.country[0] || !e->target.code[0])
        return;
    if (!dy_cameo_use_of_force(e->cameo))
        return;
    cc = dy_cameo_country_code(e->loc.country);
    if (!cc || !e->target.country[0] || !strcmp(cc, e->target.country))
        return;
    memcpy(e->source.code, cc, 4);
    memcpy(e->source.country, cc, 4);
}

int dy_place_doc(const dy_gazetteer *g, dy_doc *doc, dy_arena *a)
{
    place_cand cands[PLACE_MAX_CANDS];
    uint32_t ncand = 0, cur = UINT32_MAX;
    if (!doc || !a)
        return DY_EINVAL;
    for (uint32_t ei = 0; ei < doc->nevents; ei++) {
        dy_event *e = &doc->events[ei];
        uint32_t v, best = UINT32_MAX, bestd = UINT32_MAX;
        if (e->sentence >= doc->nsents)
            continue;
        if (e->sentence != cur) {
            cur = e->sentence;
            ncand = sent_cands(g, doc, cur, cands, PLACE_MAX_CANDS);
        }
        memset(&e->loc, 0, sizeof e->loc);
        if (ncand == 0)
            continue;
        v = dy_en_verb_tok(doc, e);
        for (uint32_t k = 0; k < ncand; k++) {
            uint32_t dist;
            if (span_has(&e->source, doc, cands[k].name_first) ||
                span_has(&e->target, doc, cands[k].name_first) ||
                span_has(&e->attribution, doc, cands[k].name_first))
                continue;
            dist = cands[k].first > v ? cands[k].first - v : v - cands[k].last;
            if (dist < bestd) {
                bestd = dist;
                best = k;
            }
        }
        if (best == UINT32_MAX)
            continue;
        {
            const place_cand *pc = &cands[best];
            uint32_t off = doc->toks[pc->first].off;
            uint32_t endo = doc->toks[pc->last].off + doc->toks[pc->last].len;
            char *name = dy_arena_strndup(a, doc->text.norm + off, endo - off);
            if (!name)
                return DY_ENOMEM;
            e->loc.name = name;
            e->loc.off = off;
            e->loc.len = endo - off;
            if (pc->ent) {
                memcpy(e->loc.country, pc->ent->country, 4);
                if (pc->ent->admin1[0]) {
                    e->loc.admin1 = dy_arena_strndup(a, pc->ent->admin1, strlen(pc->ent->admin1));
                    if (!e->loc.admin1)
                        return DY_ENOMEM;
                }
                if (pc->ent->has_coords && pc->ent->kind != DY_PLACE_COUNTRY) {
                    e->loc.lat = pc->ent->lat;
                    e->loc.lon = pc->ent->lon;
                    e->loc.has_coords = 1;
                }
            }
        }
        place_as_source(e);
    }
    return 0;
}
