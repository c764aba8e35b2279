/* test_when.c — date arithmetic and date expressions anchored on the
 * article date: weekdays (past and future), yesterday, weeks, months,
 * explicit dates, "in 2017", "late 2023", and the article-date fallback. */
#include "harness.h"
#include "enrich_fixture.h"
#include "when.h"

/* Date of the expression nearest the first occurrence of verb. */
static int date_of(const char *adate, const char *text, const char *verb, char out[11])
{
    fx f;
    int prec = -1;
    if (fx_init(&f, adate, text) == 0 && fx_event(&f, verb, "", "", "", "", "0")) {
        dy_when_doc(&f.doc);
        memcpy(out, f.ev[0].date, 11);
        prec = f.ev[0].date_prec;
    }
    fx_free(&f);
    return prec;
}

TEST(arithmetic)
{
    int y, m, d;
    CHECK_INT(dy_when_days(1970, 1, 1), 0);
    CHECK_INT(dy_when_days(2000, 3, 1), 11017);
    dy_when_civil(dy_when_days(2024, 2, 29) + 1, &y, &m, &d);
    CHECK(y == 2024 && m == 3 && d == 1);
    CHECK_INT(dy_when_weekday(2024, 10, 16), 2); /* a Wednesday */
    CHECK_INT(dy_when_weekday(1970, 1, 1), 3);
}

TEST(weekdays)
{
    char s[11];
    /* article: Wednesday 2024-10-16 */
    CHECK_INT(date_of("2024-10-16", "North Korea blew up roads on Tuesday.", "blew", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-15");
    CHECK_INT(date_of("2024-10-16", "Officials met on Wednesday.", "met", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-16");
    CHECK_INT(date_of("2024-10-16", "The ministers will meet on Friday.", "meet", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-18");
    CHECK_INT(date_of("2024-10-16", "Troops attacked the town last Wednesday.", "attacked", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-09");
    CHECK_INT(date_of("2024-10-16", "Rebels attacked the base on Sunday.", "attacked", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-13");
}

TEST(relative_days_weeks_months)
{
    char s[11];
    CHECK_INT(date_of("2024-10-16", "Police arrested him yesterday.", "arrested", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-15");
    CHECK_INT(date_of("2024-10-16", "The army shelled the city last week.", "shelled", s), DY_DP_WEEK);
    CHECK_STR(s, "2024-10-07");
    CHECK_INT(date_of("2024-10-16", "Talks resumed earlier this week.", "resumed", s), DY_DP_WEEK);
    CHECK_STR(s, "2024-10-14");
    CHECK_INT(date_of("2024-01-10", "The sides signed a deal last month.", "signed", s), DY_DP_MONTH);
    CHECK_STR(s, "2023-12-01");
}

TEST(explicit_and_years)
{
    char s[11];
    CHECK_INT(date_of("2024-10-20", "Fighting erupted on 15 October 2024 near the border.", "erupted", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-15");
    CHECK_INT(date_of("2024-10-20", "Fighting erupted on October 15, 2023.", "erupted", s), DY_DP_DAY);
    CHECK_STR(s, "2023-10-15");
    CHECK_INT(date_of("2024-10-20", "The treaty was signed on 2019-08-02.", "signed", s), DY_DP_DAY);
    CHECK_STR(s, "2019-08-02");
    CHECK_INT(date_of("2024-10-20", "The treaty was signed on 02/08/2019.", "signed", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-20"); /* ambiguous day/month: not read */
    CHECK_INT(date_of("2024-10-20", "Russia annexed the peninsula in 2014.", "annexed", s), DY_DP_YEAR);
    CHECK_STR(s, "2014-01-01");
    CHECK_INT(date_of("2024-10-20", "Troops withdrew in late 2023.", "withdrew", s), DY_DP_MONTH);
    CHECK_STR(s, "2023-10-01");
    CHECK_INT(date_of("2024-03-20", "Protests began in early November.", "began", s), DY_DP_MONTH);
    CHECK_STR(s, "2023-11-01");
}

TEST(nearest_and_fallback)
{
    char s[11];
    CHECK_INT(date_of("2024-10-20", "After talks on Monday, troops withdrew on Thursday.", "withdrew", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-17");
    CHECK_INT(date_of("2024-10-20", "Troops withdrew from the village.", "withdrew", s), DY_DP_DAY);
    CHECK_STR(s, "2024-10-20");
    CHECK_INT(date_of("", "Troops withdrew from the village on Monday.", "withdrew", s), DY_DP_NONE);
    CHECK_STR(s, "");
    CHECK_INT(date_of("", "Troops withdrew on 3 May 2022.", "withdrew", s), DY_DP_DAY);
    CHECK_STR(s, "2022-05-03");
}

int main(void)
{
    RUN(arithmetic);
    RUN(weekdays);
    RUN(relative_days_weeks_months);
    RUN(explicit_and_years);
    RUN(nearest_and_fallback);
    return harness_done();
}
