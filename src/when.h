/* when.h — an event's normalised date, anchored on the article's date.
 * Date expressions of the event's sentence, the one nearest the verb wins:
 *  - "on Wednesday": the latest Wednesday on or before the article date;
 *    on or after it when the event is in the future ("will meet on Friday",
 *    "plans to visit on Friday"); "last Friday" strictly before, "next
 *    Friday" strictly after. Precision day.
 *  - yesterday / today / tonight / tomorrow / last night: day.
 *  - this/last/next week (also "earlier this week"): the Monday of that
 *    week, precision week. this/last/next month: YYYY-MM-01, month.
 *    this/last/next year: YYYY-01-01, year.
 *  - explicit dates: "15 October 2024", "October 15, 2024", "Oct. 15",
 *    "2024-10-15", "15/10/2024" (only when unambiguous: one of the first two
 *    fields above 12): day. "October 2024", "in October", "early/mid/late
 *    October": month (a month after the article's month without a year is
 *    taken as last year's unless the event is in the future).
 *  - "in 2017" / "since 2017": YYYY-01-01, precision year. "early 2023",
 *    "mid-2023", "late 2023": month precision at the start of the part of the
 *    year they name: January, June, October (so "late 2023" -> 2023-10-01).
 *  - nothing found: the article date, precision day; no article date: ""
 *    and DY_DP_NONE. */
#ifndef DY_WHEN_H
#define DY_WHEN_H
#include <stdint.h>
#include "doc.h"
#include "event.h"

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t dy_when_days(int y, int m, int d);
void dy_when_civil(int64_t days, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday. */
int dy_when_weekday(int y, int m, int d);

/* The date expression of sentence s nearest token v: writes "YYYY-MM-DD"
 * into out and returns its enum dy_date_prec (DY_DP_NONE when none; out is
 * then ""). future: the event is in the future. Relative expressions need
 * the article date (doc->article year/month/day). */
int dy_when_sentence(const dy_doc *doc, uint32_t s, uint32_t v, int future, char out[11]);

/* Set e->date / e->date_prec of every event of doc. */
int dy_when_doc(dy_doc *doc);

#endif
