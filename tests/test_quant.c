/* test_quant.c — numbers in digits and words, approximators, ranges,
 * vague plurals, counted nouns and roles, and their attachment to the
 * nearest event of the sentence. */
#include <math.h>
#include "harness.h"
#include "enrich_fixture.h"
#include "quant.h"

static uint32_t q1(const char *text, dy_quantity *q, uint32_t max)
{
    fx f;
    uint32_t n = 0;
    if (fx_init(&f, "2024-10-16", text) == 0)
        n = dy_quant_sentence(&f.doc, 0, q, max, NULL);
    fx_free(&f);
    return n;
}

static int eq(double a, double b) { return fabs(a - b) < 1e-6; }

TEST(number_parsing)
{
    double v = 0;
    CHECK(dy_quant_number("3,000", 5, &v) && eq(v, 3000));
    CHECK(dy_quant_number("1.4", 3, &v) && eq(v, 1.4));
    CHECK(dy_quant_number("twelve", 6, &v) && eq(v, 12));
    CHECK(dy_quant_number("Twenty-five", 11, &v) && eq(v, 25));
    CHECK(!dy_quant_number("troops", 6, &v));
    CHECK(!dy_quant_number("", 0, &v));
}

TEST(approximately_million_words)
{
    dy_quantity q[4];
    uint32_t n = q1("Russia plans to mobilise approximately 1.4 million young people.", q, 4);
    CHECK_INT(n, 1);
    if (n < 1) return;
    CHECK(q[0].has_value && eq(q[0].value, 1400000));
    CHECK_INT(q[0].approx, 1);
    CHECK_INT(q[0].has_low, 0);
    CHECK_STR(q[0].unit, "people");
    CHECK_STR(q[0].role, "mobilised");
}

TEST(at_least_killed_digits)
{
    dy_quantity q[4];
    uint32_t n = q1("At least 3,000 civilians were killed in the fighting.", q, 4);
    CHECK_INT(n, 1);
    if (n < 1) return;
    CHECK(q[0].has_low && eq(q[0].low, 3000));
    CHECK(q[0].has_value && eq(q[0].value, 3000));
    CHECK_INT(q[0].approx, 1);
    CHECK_STR(q[0].unit, "civilians");
    CHECK_STR(q[0].role, "killed");
}

TEST(words_dozen_and_vague)
{
    dy_quantity q[4];
    uint32_t n = q1("Two dozen soldiers were wounded.", q, 4);
    CHECK_INT(n, 1);
    if (n >= 1) {
        CHECK(eq(q[0].value, 24));
        CHECK_INT(q[0].approx, 0);
        CHECK_STR(q[0].role, "wounded");
    }
    n = q1("Tens of thousands of protesters marched through the capital.", q, 4);
    CHECK_INT(n, 1);
    if (n >= 1) {
        CHECK_INT(q[0].has_value, 0);
        CHECK(eq(q[0].low, 20000) && eq(q[0].high, 99999));
        CHECK_STR(q[0].unit, "protesters");
        CHECK_STR(q[0].role, "protesting");
    }
    n = q1("Police detained hundreds of demonstrators.", q, 4);
    CHECK_INT(n, 1);
    if (n >= 1) {
        CHECK(eq(q[0].low, 200));
        CHECK_STR(q[0].role, "arrested");
    }
    n = q1("A dozen troops were deployed.", q, 4);
    CHECK_INT(n, 1);
    if (n >= 1) {
        CHECK(eq(q[0].value, 12));
        CHECK_STR(q[0].role, "deployed");
    }
}

TEST(ranges_and_upper_bounds)
{
    dy_quantity q[4];
    uint32_t n = q1("Between 200 and 300 people were displaced.", q, 4);
    CHECK_INT(n, 1);
    if (n >= 1) {
        CHECK_INT(q[0].has_value, 0);
        CHECK(eq(q[0].low, 200) && eq(q[0].high, 300));
        CHECK_STR(q[0].role, "displaced");
    }
    n = q1("Up to 5,000 troops were sent to the border.", q, 4);
    CHECK_INT(n, 1);
    if (n >= 1) {
        CHECK(eq(q[0].high, 5000) && q[0].has_high && !q[0].has_low);
        CHECK_STR(q[0].unit, "troops");
    }
    n = q1("Nearly 40 people died, and more than 100 others were injured.", q, 4);
    CHECK_INT(n, 2);
    if (n >= 2) {
        CHECK(eq(q[0].high, 40));
        CHECK_STR(q[0].role, "killed");
        CHECK(eq(q[1].low, 100));
    }
}

TEST(not_quantities)
{
    dy_quantity q[4];
    CHECK_INT(q1("The talks began on October 15 in 2017 under Article 5.", q, 4), 0);
    CHECK_INT(q1("Troops entered the city at 10 in the morning.", q, 4), 0);
}

TEST(attached_to_nearest_event)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-16", "Police arrested 45 protesters, and soldiers killed "
                      "three civilians."), 0);
    fx_event(&f, "arrested", "Police", "COP", "protesters", "", "173");
    fx_event(&f, "killed", "soldiers", "MIL", "civilians", "", "1823");
    CHECK_INT(dy_quant_doc(&f.doc, f.a), 0);
    CHECK_INT(f.ev[0].nquants, 1);
    CHECK_INT(f.ev[1].nquants, 1);
    if (f.ev[0].nquants && f.ev[1].nquants) {
        CHECK(eq(f.ev[0].quants[0].value, 45));
        CHECK(eq(f.ev[1].quants[0].value, 3));
        CHECK_STR(fx_span(&f, f.ev[0].quants[0].off, f.ev[0].quants[0].len), "45 protesters");
    }
    fx_free(&f);
}

int main(void)
{
    RUN(number_parsing);
    RUN(approximately_million_words);
    RUN(at_least_killed_digits);
    RUN(words_dozen_and_vague);
    RUN(ranges_and_upper_bounds);
    RUN(not_quantities);
    RUN(attached_to_nearest_event);
    return harness_done();
}
