/* quant.h — the numbers in an event's sentence: "3,000 troops", "1.4
 * million young people", "two dozen soldiers", "tens of thousands of
 * protesters", "at least 12 civilians were killed", "between 200 and 300
 * people". Each quantity has a value and/or bounds, an approx flag, the
 * counted noun (unit) and the role of the counted things (killed, wounded,
 * mobilised, deployed, arrested, displaced, protesting) when the sentence
 * says it.
 *
 * Approximators: approximately/around/about/some/roughly/an estimated ->
 * value, approx; nearly/almost/up to/fewer than/less than/as many as/under
 * -> value = high, approx; more than/over/at least/upwards of/exceeding ->
 * value = low, approx; "between X and Y", "X to Y", "from X to Y" -> low,
 * high, approx, no value. Vague plurals: "dozens" 24..99, "scores" 40..99,
 * "hundreds" 200..999, "thousands" 2000..9999, "tens of thousands"
 * 20000..99999, "hundreds of thousands" 200000..999999, "millions" 2e6..;
 * all approx with no value. Only numbers followed (within 3 words, "of"
 * allowed) by a counted noun of the built-in list are kept, so years, days
 * and article numbers are not quantities. A quantity goes to the event of its
 * sentence whose verb is nearest in tokens. */
#ifndef DY_QUANT_H
#define DY_QUANT_H
#include <stdint.h>
#include "arena.h"
#include "doc.h"
#include "event.h"

/* Quantities of sentence s into out[0..max); returns how many. at[i] (may
 * be NULL) receives the token index of quantity i's number. */
uint32_t dy_quant_sentence(const dy_doc *doc, uint32_t s, dy_quantity *out, uint32_t max,
                           uint32_t *at);

/* Attach every sentence's quantities to its events (e->quants in arena). */
int dy_quant_doc(dy_doc *doc, dy_arena *a);

/* Parse a number word or numeral w[0..n) ("3,000", "1.4", "twelve",
 * "dozen"); returns 1 and *v on success. */
int dy_quant_number(const char *w, size_t n, double *v);

#endif
