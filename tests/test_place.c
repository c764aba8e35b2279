/* test_place.c — the gazetteer (loading, errors, lookups by kind) and the
 * locative phrases that give an event its place: regions resolved to ISO
 * 3166-2 with coordinates, cities, countries with direction words, "near
 * the border", names that are actors rather than places. */
#include <math.h>
#include "harness.h"
#include "enrich_fixture.h"
#include "dyad.h"
#include "place.h"

static dy_gazetteer *G;

static int near(double a, double b) { return fabs(a - b) < 1e-4; }

/* Place of the event whose verb is verb (source words src). */
static dy_location place_of(const dy_gazetteer *g, const char *text, const char *verb, const char *src)
{
    fx f;
    dy_location l;
    static char name[128];
    static char admin[16];
    memset(&l, 0, sizeof l);
    if (fx_init(&f, "2024-10-16", text) == 0 && fx_event(&f, verb, src, "X", "", "", "190") &&
        dy_place_doc(g, &f.doc, f.a) == 0) {
        l = f.ev[0].loc;
        if (l.name) {
            snprintf(name, sizeof name, "%s", l.name);
            l.name = name;
        }
        if (l.admin1) {
            snprintf(admin, sizeof admin, "%s", l.admin1);
            l.admin1 = admin;
        }
    }
    fx_free(&f);
    return l;
}

TEST(gazetteer_load_and_lookup)
{
    dy_gazetteer *g = NULL;
    uint64_t bad = 0;
    const dy_place_entry *e;
    CHECK(G != NULL);
    CHECK(dy_place_gaz_size(G) >= 15);
    e = dy_place_lookup(G, "POLTAVA", 7, DY_PLACE_ADMIN1);
    CHECK(e && strcmp(e->admin1, "UA-53") == 0 && e->has_coords);
    e = dy_place_lookup(G, "moscow", 6, DY_PLACE_CITY);
    CHECK(e && strcmp(e->country, "RUS") == 0); /* most populous Moscow */
    e = dy_place_lookup(G, "ukraine", 7, DY_PLACE_COUNTRY);
    CHECK(e && !e->has_coords);
    CHECK(dy_place_lookup(G, "atlantis", 8, DY_PLACE_CITY) == NULL);
    CHECK(dy_place_lookup(G, "ukraine", 7, DY_PLACE_CITY) == NULL);
    {
        static const char two[] = "C\tUkraine\tUKR\t\t\t\t0\nX\tbad\tUKR\t\t\t\t0\n";
        CHECK_INT(dy_place_gaz_load_mem(&g, two, strlen(two), &bad), DY_EPARSE);
    }
    CHECK_INT(bad, 2);
    CHECK(g == NULL);
    {
        static const char badlat[] = "P\tKyiv\tUKR\tUA-30\t95\t30\t1\n";
        CHECK_INT(dy_place_gaz_load_mem(&g, badlat, strlen(badlat), &bad), DY_EPARSE);
    }
    CHECK_INT(dy_place_gaz_load(&g, "/nonexistent/gazetteer.tsv", NULL), DY_EIO);
}

TEST(region_phrase_admin1_with_coords)
{
    dy_location l = place_of(G, "Russian drones struck an energy facility in the Poltava region "
                             "overnight.", "struck", "Russian drones");
    CHECK_STR(l.name, "Poltava region");
    CHECK_STR(l.country, "UKR");
    CHECK_STR(l.admin1, "UA-53");
    CHECK_INT(l.has_coords, 1);
    CHECK(near(l.lat, 49.58925) && near(l.lon, 34.55367));
}

TEST(city_country_border)
{
    dy_location l = place_of(G, "A missile exploded over Pyongyang on Monday.", "exploded", "missile");
    CHECK_STR(l.name, "Pyongyang");
    CHECK_STR(l.country, "PRK");
    CHECK_STR(l.admin1, "KP-01");
    CHECK(l.has_coords && near(l.lat, 39.03385));
    l = place_of(G, "Separatists shelled villages in eastern Ukraine.", "shelled", "Separatists");
    CHECK_STR(l.name, "eastern Ukraine");
    CHECK_STR(l.country, "UKR");
    CHECK(l.admin1 == NULL);
    CHECK_INT(l.has_coords, 0); /* no guess for a country */
    l = place_of(G, "Troops exchanged fire near the border.", "exchanged", "Troops");
    CHECK_STR(l.name, "border");
    CHECK_STR(l.country, "");
    l = place_of(G, "Russian forces attacked Kharkiv, and later shelled the city of Kharkiv.", "shelled", "Russian forces");
    CHECK_STR(l.name, "city of Kharkiv");
    CHECK_STR(l.admin1, "UA-63");
}

TEST(no_place_without_locative)
{
    dy_location l = place_of(G, "Ukraine accused Russia of war crimes.", "accused", "Ukraine");
    CHECK(l.name == NULL);
    l = place_of(G, "Talks will resume in March.", "resume", "");
    CHECK(l.name == NULL);
    l = place_of(NULL, "Troops entered Kharkiv.", "entered", "Troops");
    CHECK(l.name == NULL);
}

TEST(generated_gazetteer)
{
    dy_gazetteer *g = fx_real_gaz();
    dy_location l;
    if (!g) {
        fprintf(stderr, "test_place: generated gazetteer absent, skipped\n");
        return;
    }
    CHECK(dy_place_gaz_size(g) > 20000);
    l = place_of(g, "Russian drones struck an energy facility in the Poltava region overnight.",
                 "struck", "Russian drones");
    CHECK_STR(l.admin1, "UA-53");
    CHECK(l.has_coords && near(l.lat, 49.58925) && near(l.lon, 34.55367));
    l = place_of(g, "A missile exploded over Pyongyang.", "exploded", "missile");
    CHECK_STR(l.country, "PRK");
    l = place_of(g, "Clashes broke out in Washington.", "broke", "Clashes");
    CHECK_STR(l.admin1, "US-DC");
    dy_place_gaz_free(&g);
}

/* Source of the event after dy_place_doc (static buffer). */
static const char *source_after(const char *text, const char *verb, const char *tgt,
                                const char *tgt_code, const char *cameo)
{
    static char code[32];
    fx f;
    code[0] = '\0';
    if (fx_init(&f, "2024-10-16", text) == 0 && fx_event(&f, verb, "", "", tgt, tgt_code, cameo) &&
        dy_place_doc(G, &f.doc, f.a) == 0)
        snprintf(code, sizeof code, "%s", f.ev[0].source.code);
    fx_free(&f);
    return code;
}

/* CAMEO: an attack with no named author takes its place as source, unless
 * the place is the target's own country */
TEST(place_as_unknown_source)
{
    CHECK_STR(source_after("A roadside bomb near Gaza killed two Israeli soldiers.", "killed",
                           "Israeli soldiers", "ISRMIL", "1833"), "PSE");
    CHECK_STR(source_after("A roadside bomb near Moscow killed two Russian soldiers.", "killed",
                           "Russian soldiers", "RUSMIL", "1833"), "");
    CHECK_STR(source_after("Two Israeli envoys met in Gaza on Monday.", "met",
                           "Israeli envoys", "ISRGOV", "040"), "");
}

int main(void)
{
    G = fx_gaz();
    RUN(gazetteer_load_and_lookup);
    RUN(region_phrase_admin1_with_coords);
    RUN(city_country_border);
    RUN(no_place_without_locative);
    RUN(generated_gazetteer);
    RUN(place_as_unknown_source);
    dy_place_gaz_free(&G);
    return harness_done();
}
