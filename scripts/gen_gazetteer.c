/* gen_gazetteer.c — build-time generator of dyad's gazetteer TSV (see
 * src/place.h for the format) from files installed by Debian packages:
 *   iso-codes:        /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json
 *   libgeonames0/dev: the GeoNames cities (population > 15000) compiled into
 *                     libgeonames, read through its API.
 * Nothing it reads or writes is committed; scripts/gen_gazetteer.sh builds
 * and runs it. Usage: gen_gazetteer [iso-codes-json-dir] > gazetteer.tsv
 *
 * Subdivisions: GeoNames names a city's first-level subdivision ("Poltava
 * Oblast"); ISO 3166-2 names it in transliteration ("Poltavska oblast").
 * They are joined per country by comparing accent-free, lower-case letter
 * strings without generic words (oblast, province, governorate ...): equal,
 * else the longest common prefix of at least 5 letters covering 60% of the
 * shorter name. A subdivision's coordinates are those of its most populous
 * GeoNames city (GeoNames' cities give no centroids); unmatched ISO
 * subdivisions have none. */
#include <geonames.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct country { char a2[3], a3[4]; } country;
typedef struct subdiv { char code[16]; char *name; char *fold; int is_city; } subdiv;
typedef struct state {
    char a2[3];
    char *name, *fold;
    const subdiv *iso;
    double lat, lon;
    unsigned pop;
} state;

static country countries[400];
static int ncountries;
static subdiv *subs;
static int nsubs;
static state *states;
static int nstates, capstates;

/* Country aliases the ISO names lack (dyad's own list). */
static const char *const aliases[][2] = {
    { "RUS", "Russia" }, { "USA", "United States" }, { "USA", "US" }, { "USA", "U.S." },
    { "USA", "America" }, { "USA", "United States of America" }, { "GBR", "Britain" },
    { "GBR", "Great Britain" }, { "GBR", "UK" }, { "GBR", "U.K." }, { "GBR", "United Kingdom" },
    { "PSE", "Palestine" }, { "PSE", "Palestinian Territories" }, { "COD", "DR Congo" },
    { "COD", "DRC" }, { "COD", "Democratic Republic of Congo" },
    { "COD", "Democratic Republic of the Congo" }, { "COG", "Republic of Congo" },
    { "CIV", "Ivory Coast" }, { "CZE", "Czech Republic" }, { "MKD", "Macedonia" },
    { "MMR", "Burma" }, { "TUR", "Turkey" }, { "VAT", "Vatican" }, { "SWZ", "Swaziland" },
    { "CPV", "Cape Verde" }, { "TLS", "East Timor" }, { "FSM", "Micronesia" },
    { "IRN", "Iran" }, { "SYR", "Syria" }, { "KOR", "South Korea" }, { "PRK", "North Korea" },
    { "VEN", "Venezuela" }, { "BOL", "Bolivia" }, { "TZA", "Tanzania" }, { "MDA", "Moldova" },
    { "LAO", "Laos" }, { "VNM", "Vietnam" }, { "TWN", "Taiwan" },
};

/* Other names of GeoNames cities (dyad's own list): {GeoNames name, alias}. */
static const char *const city_aliases[][2] = {
    { "Washington D.C.", "Washington" }, { "Odessa", "Odesa" }, { "Kyiv", "Kiev" },
    { "Kharkiv", "Kharkov" }, { "Mykolayiv", "Mykolaiv" }, { "Zaporizhzhya", "Zaporizhzhia" },
    { "Gaza", "Gaza City" }, { "Dnipro", "Dnipropetrovsk" }, { "Luhansk", "Lugansk" },
};

static const char *const generic[] = {
    "oblast", "oblast'", "region", "province", "governorate", "state", "district",
    "prefecture", "county", "city", "municipality", "autonomous", "republic", "of",
    "the", "territory", "department", "krai", "kray", "okrug", "voivodeship",
    "emirate", "division", "area", "capital", "do", "special", "metropolitan", NULL
};

static int is_generic(const char *w, size_t n)
{
    for (int i = 0; generic[i]; i++)
        if (strlen(generic[i]) == n && strncmp(generic[i], w, n) == 0)
            return 1;
    return 0;
}

/* ’ and ʼ to ', in place (same or shorter length). */
static void fold_apos(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        if ((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 && (unsigned char)r[2] == 0x99) {
            *w++ = '\'';
            r += 3;
        } else if ((unsigned char)r[0] == 0xCA && (unsigned char)r[1] == 0xBC) {
            *w++ = '\'';
            r += 2;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

/* Accent-free copy keeping case (malloc). */
static char *strip_marks(const char *s)
{
    utf8proc_uint8_t *out = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK) < 0)
        return strdup(s);
    fold_apos((char *)out);
    return (char *)out;
}

/* Lower-case accent-free letters and digits of the non-generic words. */
static char *fold_name(const char *s)
{
    utf8proc_uint8_t *low = NULL;
    char *out, *w;
    const char *p;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &low,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
                     UTF8PROC_CASEFOLD) < 0)
        return strdup("");
    fold_apos((char *)low);
    out = malloc(strlen((char *)low) + 1);
    if (!out) {
        free(low);
        return NULL;
    }
    w = out;
    p = (const char *)low;
    while (*p) {
        const char *q = p;
        while (*q && *q != ' ' && *q != '-')
            q++;
        if (!is_generic(p, (size_t)(q - p))) {
            for (const char *c = p; c < q; c++)
                if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'))
                    *w++ = *c;
        }
        p = *q ? q + 1 : q;
    }
    *w = '\0';
    free(low);
    return out;
}

/* The name without leading/trailing generic words ("Poltava Oblast" ->
 * "Poltava"), or NULL when nothing would change or too little would remain. */
static char *stem_name(const char *s)
{
    const char *b = s, *e = s + strlen(s);
    for (;;) {
        const char *q = b;
        while (*q && *q != ' ')
            q++;
        if (*q == ' ' && is_generic(b, (size_t)(q - b)) ) { b = q + 1; continue; }
        break;
    }
    for (;;) {
        const char *q = e;
        char low[32];
        size_t n;
        while (q > b && q[-1] != ' ')
            q--;
        if (q <= b)
            break;
        n = (size_t)(e - q);
        if (n >= sizeof low)
            break;
        for (size_t i = 0; i < n; i++)
            low[i] = (char)((q[i] >= 'A' && q[i] <= 'Z') ? q[i] + 32 : q[i]);
        low[n] = '\0';
        fold_apos(low);
        if (!is_generic(low, strlen(low)))
            break;
        e = q - 1;
    }
    if (b == s && e == s + strlen(s))
        return NULL;
    if (e - b < 3)
        return NULL;
    return strndup(b, (size_t)(e - b));
}

static const char *a3_of(const char *a2)
{
    for (int i = 0; i < ncountries; i++)
        if (strcmp(countries[i].a2, a2) == 0)
            return countries[i].a3;
    return NULL;
}

static void emit(char kind, const char *name, const char *a3, const char *admin1, int has,
                 double lat, double lon, unsigned pop)
{
    char *plain;
    if (!name || !*name || strchr(name, '\t') || strchr(name, '\n'))
        return;
    if (has)
        printf("%c\t%s\t%s\t%s\t%.5f\t%.5f\t%u\n", kind, name, a3, admin1, lat, lon, pop);
    else
        printf("%c\t%s\t%s\t%s\t\t\t%u\n", kind, name, a3, admin1, pop);
    plain = strip_marks(name);
    if (plain && strcmp(plain, name) != 0)
        emit(kind, plain, a3, admin1, has, lat, lon, pop);
    free(plain);
}

static size_t common_prefix(const char *a, const char *b)
{
    size_t n = 0;
    while (a[n] && a[n] == b[n])
        n++;
    return n;
}

/* Does the GeoNames name say it is a region rather than a city? */
static int names_region(const char *name)
{
    static const char *const w[] = { "Oblast", "Region", "Province", "Governorate", "Krai", NULL };
    for (int i = 0; w[i]; i++)
        if (strstr(name, w[i]))
            return 1;
    return 0;
}

static const subdiv *match_state(const char *a2, const char *name, const char *fold)
{
    const subdiv *best = NULL;
    size_t bestl = 0;
    size_t fl = strlen(fold);
    int region = names_region(name);
    for (int i = 0; i < nsubs; i++) {
        size_t l, sl, mn;
        if (strncmp(subs[i].code, a2, 2) != 0 || subs[i].code[2] != '-')
            continue;
        if (region && subs[i].is_city)
            continue;
        if (strcmp(subs[i].fold, fold) == 0)
            return &subs[i];
        l = common_prefix(subs[i].fold, fold);
        sl = strlen(subs[i].fold);
        mn = sl < fl ? sl : fl;
        if (((l >= 5 && l * 10 >= mn * 6) || (l >= 4 && l == mn)) && l > bestl) {
            best = &subs[i];
            bestl = l;
        }
    }
    return best;
}

static state *find_state(const char *a2, const char *name)
{
    for (int i = nstates; i-- > 0;)
        if (strcmp(states[i].a2, a2) == 0 && strcmp(states[i].name, name) == 0)
            return &states[i];
    if (nstates == capstates) {
        int nc = capstates ? capstates * 2 : 1024;
        state *ns = realloc(states, (size_t)nc * sizeof *ns);
        if (!ns)
            return NULL;
        states = ns;
        capstates = nc;
    }
    memset(&states[nstates], 0, sizeof states[nstates]);
    memcpy(states[nstates].a2, a2, 3);
    states[nstates].name = strdup(name);
    states[nstates].fold = fold_name(name);
    states[nstates].iso = match_state(a2, name, states[nstates].fold);
    return &states[nstates++];
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "/usr/share/iso-codes/json";
    char path[1024];
    json_error_t jerr;
    json_t *c1, *c2, *arr;
    size_t i;
    int n;

    snprintf(path, sizeof path, "%s/iso_3166-1.json", dir);
    c1 = json_load_file(path, 0, &jerr);
    snprintf(path, sizeof path, "%s/iso_3166-2.json", dir);
    c2 = json_load_file(path, 0, &jerr);
    if (!c1 || !c2) {
        fprintf(stderr, "gen_gazetteer: cannot read iso-codes JSON in %s: %s\n", dir, jerr.text);
        return 1;
    }
    printf("# dyad gazetteer, generated by scripts/gen_gazetteer.sh from iso-codes and libgeonames.\n"
           "# kind\tname\tISO3\tadmin1\tlat\tlon\tpopulation\n");
    arr = json_object_get(c1, "3166-1");
    for (i = 0; i < json_array_size(arr) && ncountries < 400; i++) {
        json_t *e = json_array_get(arr, i);
        const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
        const char *keys[] = { "name", "common_name", "official_name" };
        if (!a2 || !a3 || strlen(a2) != 2 || strlen(a3) != 3)
            continue;
        memcpy(countries[ncountries].a2, a2, 3);
        memcpy(countries[ncountries].a3, a3, 4);
        ncountries++;
        for (int k = 0; k < 3; k++) {
            const char *nm = json_string_value(json_object_get(e, keys[k]));
            if (nm && !strchr(nm, ','))
                emit('C', nm, a3, "", 0, 0, 0, 0);
        }
    }
    for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        emit('C', aliases[i][1], aliases[i][0], "", 0, 0, 0, 0);

    arr = json_object_get(c2, "3166-2");
    subs = calloc(json_array_size(arr) + 1, sizeof *subs);
    if (!subs)
        return 1;
    for (i = 0; i < json_array_size(arr); i++) {
        json_t *e = json_array_get(arr, i);
        const char *code = json_string_value(json_object_get(e, "code"));
        const char *nm = json_string_value(json_object_get(e, "name"));
        if (!code || !nm || json_object_get(e, "parent") || strlen(code) >= sizeof subs[0].code)
            continue;
        memcpy(subs[nsubs].code, code, strlen(code) + 1);
        subs[nsubs].name = strdup(nm);
        subs[nsubs].fold = fold_name(nm);
        {
            const char *ty = json_string_value(json_object_get(e, "type"));
            subs[nsubs].is_city = ty && (strstr(ty, "city") || strstr(ty, "City"));
        }
        nsubs++;
    }

    /* Cities, and each GeoNames subdivision's most populous city. */
    n = geonames_get_n_cities();
    for (int k = 0; k < n; k++) {
        GeonamesCity *city = geonames_get_city(k);
        const char *a2 = geonames_city_get_country_code(city);
        const char *st = geonames_city_get_state(city);
        const char *a3 = a2 ? a3_of(a2) : NULL;
        state *s = NULL;
        if (a3 && st && *st)
            s = find_state(a2, st);
        if (a3) {
            double lat = geonames_city_get_latitude(city), lon = geonames_city_get_longitude(city);
            unsigned pop = geonames_city_get_population(city);
            const char *nm = geonames_city_get_name(city);
            emit('P', nm, a3, s && s->iso ? s->iso->code : "", 1, lat, lon, pop);
            for (size_t j = 0; nm && j < sizeof city_aliases / sizeof city_aliases[0]; j++)
                if (strcmp(nm, city_aliases[j][0]) == 0)
                    emit('P', city_aliases[j][1], a3, s && s->iso ? s->iso->code : "", 1, lat, lon, pop);
            if (s && pop >= s->pop) {
                s->pop = pop;
                s->lat = lat;
                s->lon = lon;
            }
        }
        geonames_city_free(city);
    }
    for (int k = 0; k < nstates; k++) {
        state *s = &states[k];
        const char *a3 = a3_of(s->a2);
        char *stem = stem_name(s->name);
        const char *code = s->iso ? s->iso->code : "";
        emit('A', s->name, a3, code, 1, s->lat, s->lon, s->pop);
        if (stem)
            emit('A', stem, a3, code, 1, s->lat, s->lon, s->pop);
        free(stem);
    }
    for (int k = 0; k < nsubs; k++) {
        const state *best = NULL;
        const char *a3;
        char a2[3] = { subs[k].code[0], subs[k].code[1], 0 };
        char *stem = stem_name(subs[k].name);
        a3 = a3_of(a2);
        for (int j = 0; j < nstates; j++)
            if (states[j].iso == &subs[k] && (!best || states[j].pop > best->pop))
                best = &states[j];
        if (a3) {
            emit('A', subs[k].name, a3, subs[k].code, best != NULL, best ? best->lat : 0,
                 best ? best->lon : 0, best ? best->pop : 0);
            if (stem)
                emit('A', stem, a3, subs[k].code, best != NULL, best ? best->lat : 0,
                     best ? best->lon : 0, best ? best->pop : 0);
        }
        free(stem);
    }
    json_decref(c1);
    json_decref(c2);
    return fflush(stdout) == 0 ? 0 : 1;
}
