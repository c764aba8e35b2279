/* cluster.c — event clustering rules and article simhash (see cluster.h).
 * Nothing here allocates; the store decides where clusters live. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "dyad.h"
#include "cluster.h"

/* ---- simhash ---------------------------------------------------------- */

static uint64_t mix64(uint64_t x)
{
    /* splitmix64 finaliser: spreads every input bit over the output. */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

uint64_t dy_simhash(const char *text, size_t len, uint32_t *nshingles)
{
    int32_t acc[64];
    uint64_t w1 = 0;          /* the previous word's hash */
    uint32_t nwords = 0, nsh = 0;
    size_t i = 0;
    uint64_t out = 0;

    memset(acc, 0, sizeof acc);
    while (text && i < len) {
        uint64_t h = 0xcbf29ce484222325ull;
        while (i < len && !is_word_byte((unsigned char)text[i]))
            i++;
        if (i >= len)
            break;
        while (i < len && is_word_byte((unsigned char)text[i])) {
            unsigned char c = (unsigned char)text[i++];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            h ^= c;
            h *= 0x100000001b3ull;
        }
        nwords++;
        if (nwords >= 2) {
            uint64_t f = mix64(mix64(w1 + 0x632be59bd9b4e019ull) ^ h);
            for (int b = 0; b < 64; b += 4) {
                /* Four bits at a time keeps the loop short and branch-free. */
                acc[b] += (int32_t)((f >> b) & 1) * 2 - 1;
                acc[b + 1] += (int32_t)((f >> (b + 1)) & 1) * 2 - 1;
                acc[b + 2] += (int32_t)((f >> (b + 2)) & 1) * 2 - 1;
                acc[b + 3] += (int32_t)((f >> (b + 3)) & 1) * 2 - 1;
            }
            nsh++;
        }
        w1 = h;
    }
    for (int b = 0; b < 64; b++)
        if (acc[b] > 0)
            out |= 1ull << b;
    if (nshingles)
        *nshingles = nsh;
    return out;
}

int dy_simhash_distance(uint64_t a, uint64_t b)
{
    uint64_t x = a ^ b;
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

/* ---- dates ------------------------------------------------------------ */

long dy_days_from_civil(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil. */
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int dy_cluster_parse_date(const char *s, int *y, int *m, int *d)
{
    int v[3] = {0, 0, 0};
    static const int width[3] = {4, 2, 2};
    const char *p = s;
    if (!s)
        return DY_EPARSE;
    for (int f = 0; f < 3; f++) {
        for (int k = 0; k < width[f]; k++, p++) {
            if (*p < '0' || *p > '9')
                return DY_EPARSE;
            v[f] = v[f] * 10 + (*p - '0');
        }
        if (f < 2 && *p++ != '-')
            return DY_EPARSE;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return DY_EPARSE;
    *y = v[0];
    *m = v[1];
    *d = v[2];
    return DY_OK;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

/* ---- the rules -------------------------------------------------------- */

const char *dy_cluster_root_class(const char *root)
{
    if (root && (!strcmp(root, "18") || !strcmp(root, "19") || !strcmp(root, "20")))
        return "V";
    return root ? root : "";
}

/* The country of an actor: its country field, else the code's first three
 * letters when they look like a country code. */
static void actor_country(const dy_actor *a, char out[4])
{
    out[0] = '\0';
    if (a->country[0]) {
        memcpy(out, a->country, 3);
        out[3] = '\0';
    } else if (strlen(a->code) >= 3) {
        memcpy(out, a->code, 3);
        out[3] = '\0';
    }
}

int dy_cluster_key_of(dy_cluster_key *k, const dy_event *e, const dy_article *art)
{
    char sc[4], tc[4];
    const char *date;
    int y, m, d, prec;
    long day;

    if (!k || !e || !art)
        return DY_EINVAL;
    memset(k, 0, sizeof *k);
    if (e->status == DY_ST_HYPOTHETICAL)
        return 0;
    memcpy(k->root, e->root, 2);
    k->root[2] = '\0';
    if (!k->root[0] && e->cameo[0] && e->cameo[1]) {
        k->root[0] = e->cameo[0];
        k->root[1] = e->cameo[1];
    }
    if (!k->root[0] || !k->root[1])
        return 0;
    if (e->date[0]) {
        date = e->date;
        prec = e->date_prec;
    } else {
        date = art->date;
        prec = DY_DP_DAY;
    }
    if (!date || dy_cluster_parse_date(date, &y, &m, &d) < 0)
        return 0;
    day = dy_days_from_civil(y, m, d);
    switch (prec) {
    case DY_DP_DAY:
        k->day_lo = k->day_hi = day;
        break;
    case DY_DP_WEEK:
        k->day_lo = day;
        k->day_hi = day + 6;
        break;
    case DY_DP_MONTH:
        k->day_lo = dy_days_from_civil(y, m, 1);
        k->day_hi = k->day_lo + days_in_month(y, m) - 1;
        break;
    default:
        return 0;
    }
    k->prec = prec;
    memcpy(k->date, date, 10);
    k->date[10] = '\0';
    actor_country(&e->source, sc);
    actor_country(&e->target, tc);
    snprintf(k->ckey, sizeof k->ckey, "%s|%s|%s", dy_cluster_root_class(k->root), sc, tc);
    k->source = e->source.code;
    k->target = e->target.code;
    k->cameo = e->cameo;
    if (e->loc.name && e->loc.name[0]) {
        k->place = e->loc.name;
        k->country = e->loc.country;
        k->admin1 = e->loc.admin1;
        k->has_coords = e->loc.has_coords;
        k->lat = e->loc.lat;
        k->lon = e->loc.lon;
    }
    k->status = e->status;
    return 1;
}

int dy_cluster_actor_compat(const char *a, const char *b)
{
    size_t la, lb;
    if (!a)
        a = "";
    if (!b)
        b = "";
    la = strlen(a);
    lb = strlen(b);
    if (!la || !lb)
        return la == lb;
    /* Same country part, then one code extends the other. */
    if (la >= 3 && lb >= 3 && memcmp(a, b, 3) != 0)
        return 0;
    return memcmp(a, b, la < lb ? la : lb) == 0;
}

int dy_cluster_date_compat(long lo1, long hi1, long lo2, long hi2)
{
    return lo1 <= hi2 + DY_CLUSTER_DAY_SLACK && lo2 <= hi1 + DY_CLUSTER_DAY_SLACK;
}

double dy_cluster_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    if (a > 1.0)
        a = 1.0;
    return 2 * r * asin(sqrt(a));
}

static int known(const char *s)
{
    return s && s[0];
}

int dy_cluster_place_compat(const char *country1, const char *admin1_1, const char *name1,
                            int has1, double lat1, double lon1,
                            const char *country2, const char *admin1_2, const char *name2,
                            int has2, double lat2, double lon2)
{
    if (!known(name1) || !known(name2))
        return 1;
    if (known(country1) && known(country2) && strcmp(country1, country2) != 0)
        return 0;
    if (known(admin1_1) && known(admin1_2) && strcmp(admin1_1, admin1_2) != 0)
        return 0;
    if (has1 && has2)
        return dy_cluster_km(lat1, lon1, lat2, lon2) <= DY_CLUSTER_KM;
    /* A country-level place ("Ukraine") contains any place of the country;
     * a place known only to its admin1 contains the places of that admin1. */
    if ((!known(admin1_1) && !has1) || (!known(admin1_2) && !has2))
        return 1;
    if (known(admin1_1) && known(admin1_2))
        return 1;
    return strcmp(name1, name2) == 0;
}

int dy_cluster_place_rank(const char *name, const char *admin1, int has_coords)
{
    if (!known(name))
        return 0;
    if (has_coords)
        return 3;
    if (known(admin1))
        return 2;
    return 1;
}

int dy_cluster_status_merge(unsigned mask)
{
    static const int order[] = {DY_ST_ASSERTED, DY_ST_CLAIMED, DY_ST_UNVERIFIED};
    if (mask & ((1u << DY_ST_DISPUTED) | (1u << DY_ST_NEGATED)))
        return DY_ST_DISPUTED;
    if (mask & (1u << DY_ST_CONFIRMED))
        return DY_ST_CONFIRMED;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (mask & (1u << order[i]))
            return order[i];
    return DY_ST_ASSERTED;
}
