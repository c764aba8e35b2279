/* test_cameo.c — the CAMEO tables: completeness (every root, the 1.1b3
 * additions), values checked against the published tables, parent fallback,
 * sort order, PLOVER mapping, country and actor-type names. */
#include <math.h>
#include <string.h>
#include "harness.h"
#include "cameo.h"
#include "event.h"

static int near(double a, double b) { return fabs(a - b) < 1e-9; }

TEST(every_root_present)
{
    char root[3];
    for (int r = 1; r <= 20; r++) {
        const dy_cameo_info *ci;
        root[0] = (char)('0' + r / 10);
        root[1] = (char)('0' + r % 10);
        root[2] = '\0';
        ci = dy_cameo_lookup(root);
        CHECK(ci != NULL);
        if (!ci)
            continue;
        CHECK_STR(ci->code, root); /* exact, not a fallback */
        CHECK(ci->label && ci->label[0]);
        CHECK_INT(ci->quad_class, r <= 5 ? 1 : r <= 8 ? 2 : r <= 14 ? 3 : 4);
    }
}

TEST(table_sorted_unique_and_well_formed)
{
    int n = dy_cameo_count();
    CHECK(n >= 310 && n <= 330);
    CHECK(dy_cameo_at(-1) == NULL);
    CHECK(dy_cameo_at(n) == NULL);
    for (int i = 0; i < n; i++) {
        const dy_cameo_info *ci = dy_cameo_at(i);
        size_t len = strlen(ci->code);
        int root = (ci->code[0] - '0') * 10 + (ci->code[1] - '0');
        CHECK(len >= 2 && len <= 4);
        CHECK(root >= 1 && root <= 20);
        CHECK(ci->goldstein >= -10.0 && ci->goldstein <= 10.0);
        CHECK_INT(ci->quad_class, root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4);
        CHECK(ci->label && ci->label[0] && !strstr(ci->label, "106:"));
        if (i > 0)
            CHECK(strcmp(dy_cameo_at(i - 1)->code, ci->code) < 0);
        /* Each code's parent is in the table too. */
        if (len > 2) {
            char parent[8];
            memcpy(parent, ci->code, len - 1);
            parent[len - 1] = '\0';
            CHECK(dy_cameo_lookup(parent) && strcmp(dy_cameo_lookup(parent)->code, parent) == 0);
        }
        /* Lookup finds every listed code exactly. */
        CHECK(dy_cameo_lookup(ci->code) == ci);
    }
}

TEST(goldstein_values)
{
    /* GDELT's Goldstein scale: 1712 is -9.2 (not the -9.5 of 191/192). */
    CHECK(near(dy_cameo_lookup("1712")->goldstein, -9.2));
    CHECK(near(dy_cameo_lookup("01")->goldstein, 0.0));
    CHECK(near(dy_cameo_lookup("011")->goldstein, -0.1));
    CHECK(near(dy_cameo_lookup("018")->goldstein, 3.4));
    CHECK(near(dy_cameo_lookup("043")->goldstein, 2.8));
    CHECK(near(dy_cameo_lookup("106")->goldstein, -5.0));
    CHECK(near(dy_cameo_lookup("175")->goldstein, -9.0));
    CHECK(near(dy_cameo_lookup("190")->goldstein, -10.0));
    CHECK(near(dy_cameo_lookup("191")->goldstein, -9.5));
    CHECK(near(dy_cameo_lookup("201")->goldstein, -9.5));
    CHECK(near(dy_cameo_lookup("2042")->goldstein, -10.0));
    /* 1.1b3 codes missing from GDELT's scale take their parent's value. */
    CHECK(near(dy_cameo_lookup("1213")->goldstein, dy_cameo_lookup("121")->goldstein));
    CHECK(near(dy_cameo_lookup("176")->goldstein, dy_cameo_lookup("17")->goldstein));
}

TEST(quad_classes)
{
    CHECK_INT(dy_cameo_lookup("043")->quad_class, 1);
    CHECK_INT(dy_cameo_lookup("0211")->quad_class, 1);
    CHECK_INT(dy_cameo_lookup("057")->quad_class, 1);
    CHECK_INT(dy_cameo_lookup("061")->quad_class, 2);
    CHECK_INT(dy_cameo_lookup("0874")->quad_class, 2);
    CHECK_INT(dy_cameo_lookup("090")->quad_class, 3);
    CHECK_INT(dy_cameo_lookup("1454")->quad_class, 3);
    CHECK_INT(dy_cameo_lookup("150")->quad_class, 4);
    CHECK_INT(dy_cameo_lookup("190")->quad_class, 4);
    CHECK_INT(dy_cameo_lookup("204")->quad_class, 4);
    CHECK_STR(dy_cameo_quad_class_name(1), "verbal cooperation");
    CHECK_STR(dy_cameo_quad_class_name(4), "material conflict");
    CHECK(dy_cameo_quad_class_name(0) == NULL);
    CHECK(dy_cameo_quad_class_name(5) == NULL);
}

TEST(labels_and_quirks)
{
    /* GDELT merges 106 into the 1056 line; both are separate here. */
    CHECK_STR(dy_cameo_lookup("1056")->label, "Demand de-escalation of military engagement");
    CHECK_STR(dy_cameo_lookup("106")->code, "106");
    CHECK_STR(dy_cameo_lookup("106")->label, "Demand meeting, negotiation");
    CHECK_STR(dy_cameo_lookup("044")->label, "Meet at a 'third' location");
    CHECK_STR(dy_cameo_lookup("1712")->label, "Destroy property");
    CHECK_STR(dy_cameo_lookup("19")->label, "Fight");
    CHECK_STR(dy_cameo_lookup("0211")->label, "Appeal for economic cooperation");
    /* Codes of CAMEO 1.1b3 that GDELT's list lacks. */
    CHECK_STR(dy_cameo_lookup("1213")->code, "1213");
    CHECK_STR(dy_cameo_lookup("1214")->code, "1214");
    CHECK_STR(dy_cameo_lookup("155")->code, "155");
    CHECK_STR(dy_cameo_lookup("176")->label, "Attack cybernetically");
    CHECK_STR(dy_cameo_lookup("1834")->code, "1834");
    CHECK_STR(dy_cameo_lookup("1952")->code, "1952");
}

TEST(fallback_to_parent)
{
    CHECK_STR(dy_cameo_lookup("1719")->code, "171");
    CHECK_STR(dy_cameo_lookup("179")->code, "17");
    CHECK_STR(dy_cameo_lookup("0219")->code, "021");
    CHECK_STR(dy_cameo_lookup("02199")->code, "021");
    CHECK(dy_cameo_lookup("99") == NULL);
    CHECK(dy_cameo_lookup("00") == NULL);
    CHECK(dy_cameo_lookup("21") == NULL);
    CHECK(dy_cameo_lookup("999") == NULL);
    CHECK(dy_cameo_lookup("") == NULL);
    CHECK(dy_cameo_lookup("1") == NULL);
    CHECK(dy_cameo_lookup(NULL) == NULL);
    CHECK(dy_cameo_lookup("17a") == NULL);
    CHECK(dy_cameo_lookup("171234567890") == NULL);
}

TEST(plover_mapping)
{
    const dy_cameo_info *ci;
    ci = dy_cameo_lookup("1712");
    CHECK_STR(ci->plover_event, "ASSAULT");
    CHECK_STR(ci->plover_mode, "seize");
    CHECK_STR(dy_cameo_plover_context("1712"), "human_security");
    ci = dy_cameo_lookup("041");
    CHECK_STR(ci->plover_event, "CONSULT");
    CHECK_STR(ci->plover_mode, "phone");
    ci = dy_cameo_lookup("0841");
    CHECK_STR(ci->plover_event, "RETREAT");
    CHECK_STR(ci->plover_mode, "release");
    CHECK_STR(dy_cameo_lookup("08")->plover_event, "CONCEDE");
    CHECK_STR(dy_cameo_lookup("163")->plover_event, "COERCE");
    CHECK_STR(dy_cameo_lookup("191")->plover_event, "COERCE");
    CHECK_STR(dy_cameo_lookup("193")->plover_mode, "firearms");
    CHECK_STR(dy_cameo_lookup("186")->plover_mode, "assassinate");
    CHECK_STR(dy_cameo_lookup("1724")->plover_mode, "martial-law");
    CHECK_STR(dy_cameo_lookup("090")->plover_event, "ACCUSE");
    CHECK_STR(dy_cameo_lookup("090")->plover_mode, "investigate");
    CHECK_STR(dy_cameo_lookup("145")->plover_mode, "riot");
    CHECK_STR(dy_cameo_plover_context("1121"), "crime; corruption");
    CHECK(dy_cameo_lookup("060")->plover_mode == NULL);
    /* 175's context sits in the mode column of the source table. */
    CHECK(dy_cameo_lookup("175")->plover_mode == NULL);
    CHECK_STR(dy_cameo_plover_context("175"), "pro_autocracy; military");
    /* 01 has no PLOVER event; 02 is REQUEST like its twin 10. */
    CHECK(dy_cameo_lookup("010")->plover_event == NULL);
    CHECK_STR(dy_cameo_lookup("0231")->plover_event, "REQUEST");
    CHECK_STR(dy_cameo_lookup("0231")->plover_mode, dy_cameo_lookup("1031")->plover_mode);
    CHECK_STR(dy_cameo_lookup("1056")->plover_mode, "yield");
    /* Every code outside 01 has a PLOVER event. */
    for (int i = 0; i < dy_cameo_count(); i++) {
        const dy_cameo_info *e = dy_cameo_at(i);
        if (strncmp(e->code, "01", 2) != 0)
            CHECK(e->plover_event != NULL);
    }
}

TEST(country_and_type_names)
{
    CHECK_STR(dy_cameo_country_name("KOR"), "South Korea");
    CHECK_STR(dy_cameo_country_name("PRK"), "North Korea");
    CHECK_STR(dy_cameo_country_name("usa"), "United States");
    CHECK(dy_cameo_country_name("WSB") != NULL);
    CHECK(dy_cameo_country_name("ZZZ") == NULL);
    CHECK(dy_cameo_country_name("KO") == NULL);
    CHECK(dy_cameo_country_name("KORGOV") == NULL);
    CHECK(dy_cameo_country_name(NULL) == NULL);
    CHECK_STR(dy_cameo_actor_type_name("MIL"), "Military");
    CHECK_STR(dy_cameo_actor_type_name("GOV"), "Government");
    CHECK(dy_cameo_actor_type_name("IGO") != NULL);
    CHECK(dy_cameo_actor_type_name("XYZ") == NULL);
}

TEST(event_enum_names)
{
    CHECK_STR(dy_status_name(DY_ST_ASSERTED), "asserted");
    CHECK_STR(dy_status_name(DY_ST_CLAIMED), "claimed");
    CHECK_STR(dy_status_name(DY_ST_UNVERIFIED), "unverified");
    CHECK_STR(dy_status_name(DY_ST_DISPUTED), "disputed");
    CHECK_STR(dy_status_name(DY_ST_CONFIRMED), "confirmed");
    CHECK_STR(dy_status_name(DY_ST_HYPOTHETICAL), "hypothetical");
    CHECK_STR(dy_status_name(DY_ST_NEGATED), "negated");
    CHECK(dy_status_name(99) != NULL);
    CHECK_STR(dy_date_prec_name(DY_DP_NONE), "none");
    CHECK_STR(dy_date_prec_name(DY_DP_DAY), "day");
    CHECK_STR(dy_date_prec_name(DY_DP_WEEK), "week");
    CHECK_STR(dy_date_prec_name(DY_DP_MONTH), "month");
    CHECK_STR(dy_date_prec_name(DY_DP_YEAR), "year");
    CHECK(dy_date_prec_name(-1) != NULL);
}

int main(void)
{
    RUN(every_root_present);
    RUN(table_sorted_unique_and_well_formed);
    RUN(goldstein_values);
    RUN(quad_classes);
    RUN(labels_and_quirks);
    RUN(fallback_to_parent);
    RUN(plover_mapping);
    RUN(country_and_type_names);
    RUN(event_enum_names);
    return harness_done();
}
