/* place.h — where an event happened: a read-only gazetteer of countries
 * (ISO 3166-1), first-level subdivisions (ISO 3166-2) and populated places
 * with coordinates (GeoNames cities, via Debian's libgeonames), loaded from
 * the TSV that scripts/gen_gazetteer.sh generates at build time, and the
 * rules that pick an event's place from locative phrases of its sentence
 * ("in the Poltava region", "over Pyongyang", "in eastern Ukraine", "near
 * the border").
 *
 * Gazetteer file (UTF-8, one alias per line, '#' lines ignored):
 *   kind \t name \t ISO3 \t admin1 \t lat \t lon \t population
 * kind: C country, A first-level subdivision, P populated place. admin1 is
 * an ISO 3166-2 code or "". lat/lon are "" when unknown (countries).
 * Subdivisions carry the coordinates of their largest city in GeoNames
 * (GeoNames' cities file gives no centroids); countries carry none. */
#ifndef DY_PLACE_H
#define DY_PLACE_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "doc.h"

enum dy_place_kind { DY_PLACE_COUNTRY = 0, DY_PLACE_ADMIN1 = 1, DY_PLACE_CITY = 2 };

typedef struct dy_place_entry {
    char country[4];        /* ISO 3166-1 alpha-3 */
    char admin1[12];        /* ISO 3166-2 code or "" */
    double lat, lon;
    uint32_t population;
    uint8_t kind;           /* enum dy_place_kind */
    uint8_t has_coords;
} dy_place_entry;

typedef struct dy_gazetteer dy_gazetteer;

/* Load the gazetteer TSV at path. Caller frees with dy_place_gaz_free().
 * DY_EIO when unreadable, DY_EPARSE (with *bad_line set when not NULL) for
 * a malformed line, DY_ENOMEM. */
int dy_place_gaz_load(dy_gazetteer **g, const char *path, uint64_t *bad_line);
/* Same from a buffer (tests); buf is copied. */
int dy_place_gaz_load_mem(dy_gazetteer **g, const char *buf, size_t n, uint64_t *bad_line);
void dy_place_gaz_free(dy_gazetteer **g);
/* Number of distinct names. */
uint32_t dy_place_gaz_size(const dy_gazetteer *g);

/* Best entry of the given kind for name[0..n) (compared ASCII
 * case-insensitively; other bytes exactly), or NULL. Borrowed. Among
 * entries of one kind the most populous wins. */
const dy_place_entry *dy_place_lookup(const dy_gazetteer *g, const char *name, size_t n, int kind);

/* Fill e->loc for every event of doc from its sentence: the locative phrase
 * nearest to the verb ("in|near|over|at|outside|around|inside|across ...
 * [the] [eastern ...] NAME [region|oblast|province ...]", "near the
 * border"). Names inside the event's source/target/attribution spans are
 * not places. No phrase = no place (loc.name NULL). loc.name is arena
 * memory. g may be NULL (then only gazetteer-free phrases such as "near the
 * border" are found). */
int dy_place_doc(const dy_gazetteer *g, dy_doc *doc, dy_arena *a);

/* Country (ISO3) named in tokens [first, last] of doc, or NULL: the
 * longest gazetteer country name found there. Used for speaker actors. */
const char *dy_place_country_in(const dy_gazetteer *g, const dy_doc *doc,
                                uint32_t first, uint32_t last);

#endif
