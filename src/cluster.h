/* cluster.h — the rules of event clustering, kept apart from storage: a
 * 64-bit simhash of an article's text (near-duplicate articles), and the
 * tests that decide whether an event mention reports the same real event as
 * an existing cluster (directed dyad, CAMEO class, date window by precision,
 * place). Pure functions, no allocation, no state: the SQLite store
 * (store.c) keeps the clusters and calls these at store time.
 *
 * Rules (see DESIGN.md "cluster_id"):
 *  - actors: the same country on each side, and one code a prefix of the
 *    other (RUS ~ RUSMIL, RUSMIL !~ RUSGOV); an absent actor matches only an
 *    absent actor.
 *  - CAMEO: the same root, except that 18 (assault), 19 (fight) and 20
 *    (mass violence) form one class, since outlets code one attack as any.
 *  - date: each mention has a day interval by precision (day: [d,d], week:
 *    [d,d+6], month: the month); two intervals match when they overlap
 *    after widening by DY_CLUSTER_DAY_SLACK days. Year-precision and undated
 *    mentions are not clustered (too vague to say they are one event).
 *  - place: when both are known they must agree (same country, then same
 *    admin1 when both have one, within DY_CLUSTER_KM when both have
 *    coordinates, else the same name); an unknown place matches any.
 *  - status: hypothetical mentions are not clustered; the merged status of a
 *    cluster is disputed if any mention is disputed or negated, else
 *    confirmed if any is confirmed, else the strongest of asserted >
 *    claimed > unverified. */
#ifndef DY_CLUSTER_H
#define DY_CLUSTER_H
#include <stddef.h>
#include <stdint.h>
#include "doc.h"
#include "event.h"

#define DY_CLUSTER_DAY_SLACK 1   /* days of tolerance between date intervals */
#define DY_CLUSTER_KM 50.0       /* places closer than this are one place */
#define DY_SIMHASH_MAX_DIST 3    /* Hamming distance of near-duplicates */
#define DY_SIMHASH_MIN_SHINGLES 16 /* shorter texts get no near-duplicate test */

/* Simhash of text[0..len): words are runs of ASCII letters/digits and
 * non-ASCII bytes, ASCII folded to lower case; features are word
 * bigrams (2-word shingles). *nshingles (may be NULL) receives the number of shingles; a
 * text with fewer than DY_SIMHASH_MIN_SHINGLES is too short to compare. */
uint64_t dy_simhash(const char *text, size_t len, uint32_t *nshingles);
/* Number of differing bits. */
int dy_simhash_distance(uint64_t a, uint64_t b);

/* The facts of one event mention that clustering compares. Strings point
 * into the event (borrowed, valid as long as it is). */
typedef struct dy_cluster_key {
    char ckey[16];            /* index key: class|source country|target country */
    const char *source, *target; /* actor codes, "" when absent */
    const char *cameo;
    char root[3];
    long day_lo, day_hi;      /* days since 1970-01-01, inclusive interval */
    int prec;                 /* enum dy_date_prec */
    char date[11];            /* the mention's date, "YYYY-MM-DD" */
    const char *place, *country, *admin1; /* NULL/"" when unknown */
    double lat, lon;
    int has_coords;
    int status;               /* enum dy_status */
} dy_cluster_key;

/* Fill k from event e of article art (the article date stands in for an
 * event without one, at day precision). Returns 1 when the mention can be
 * clustered, 0 when it cannot (no CAMEO root, no usable date, year
 * precision, hypothetical), DY_EINVAL on NULL arguments. */
int dy_cluster_key_of(dy_cluster_key *k, const dy_event *e, const dy_article *art);

/* 1 when actor codes a and b are compatible (see the rules above). */
int dy_cluster_actor_compat(const char *a, const char *b);
/* The CAMEO class of a root: "V" for 18/19/20, else the root itself. */
const char *dy_cluster_root_class(const char *root);
/* 1 when the day intervals overlap within DY_CLUSTER_DAY_SLACK. */
int dy_cluster_date_compat(long lo1, long hi1, long lo2, long hi2);
/* 1 when two places may be the same (unknown matches anything). Pass
 * NULL/"" for unknown fields; has_coords says whether lat/lon are given. */
int dy_cluster_place_compat(const char *country1, const char *admin1_1, const char *name1,
                            int has1, double lat1, double lon1,
                            const char *country2, const char *admin1_2, const char *name2,
                            int has2, double lat2, double lon2);
/* Great-circle distance in km. */
double dy_cluster_km(double lat1, double lon1, double lat2, double lon2);
/* How specific a place is: 0 none, 1 country/name, 2 admin1, 3 coordinates. */
int dy_cluster_place_rank(const char *name, const char *admin1, int has_coords);

/* Statuses seen in a cluster are kept as a bit mask (1 << status); this
 * gives the merged status (enum dy_status) of a mask, DY_ST_ASSERTED for 0. */
int dy_cluster_status_merge(unsigned mask);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long dy_days_from_civil(int y, int m, int d);
/* Parse "YYYY-MM-DD" (or a longer string starting so); 0 ok, DY_EPARSE. */
int dy_cluster_parse_date(const char *s, int *y, int *m, int *d);

#endif
