/* harness.h — a tiny single-header test harness.
 * TEST(name) { CHECK(cond); CHECK_STR(a, b); CHECK_INT(a, b); }
 * int main(void) { RUN(name); ...; return harness_done(); }
 * Prints one line per failed check, and at the end "N passed, N failed" for
 * the tests of this file. tests/run.sh adds the files' counts up. */
#ifndef HARNESS_H
#define HARNESS_H
#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed, harness_cur_failed;
static const char *harness_cur;

#define TEST(name) static void name(void)
#define CHECK(cond) do { if (!(cond)) { harness_cur_failed = 1; \
    fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, harness_cur, #cond); } } while (0)
#define CHECK_INT(a, b) do { long long ha_ = (long long)(a), hb_ = (long long)(b); if (ha_ != hb_) { \
    harness_cur_failed = 1; fprintf(stderr, "%s:%d: %s: %s == %lld, expected %lld\n", \
    __FILE__, __LINE__, harness_cur, #a, ha_, hb_); } } while (0)
#define CHECK_STR(a, b) do { const char *ha_ = (a), *hb_ = (b); \
    if (!ha_ || !hb_ || strcmp(ha_, hb_) != 0) { harness_cur_failed = 1; \
    fprintf(stderr, "%s:%d: %s: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
    harness_cur, #a, ha_ ? ha_ : "(null)", hb_ ? hb_ : "(null)"); } } while (0)
#define RUN(name) do { harness_cur = #name; harness_cur_failed = 0; name(); \
    if (harness_cur_failed) harness_failed++; else harness_passed++; } while (0)
/* For table-driven tests: count one case by hand. */
#define HARNESS_CASE(ok) do { if (ok) harness_passed++; else harness_failed++; } while (0)

static int harness_done(void)
{
    printf("%d passed, %d failed\n", harness_passed, harness_failed);
    return harness_failed ? 1 : 0;
}
#endif
