/* validate.h — what the two validation runners of `dyad validate` share:
 * cmd_validate.c (TABARI suites, where these are defined) and
 * validate_petr.c (PETRARCH XML records). */
#ifndef DYAD_CLI_VALIDATE_H
#define DYAD_CLI_VALIDATE_H
#include <stddef.h>

/* Records passed and failed in one category of a suite. */
typedef struct dy_vcat {
    char name[32];
    int pass, fail;
} dy_vcat;

/* validate_petr.c: run PETRARCH XML validation records; the exit status. */
int dy_validate_petr(const char *xml, double minpct, int verbose, int quiet_dict);

/* s..e without its surrounding white space into dst (cut to cap bytes). */
void dy_validate_trimcpy(char *dst, size_t cap, const char *s, const char *e);

/* The category called name in cats[0..*n), added when new; cats[max - 1]
 * when max categories are in use. */
dy_vcat *dy_validate_cat(dy_vcat *cats, int *n, int max, const char *name);

/* The end of a run: the per-category table, the pass rate and "N passed,
 * N failed" on stdout. Returns the exit status: 0 when the pass rate is at
 * least minpct percent, else 1. */
int dy_validate_report(const dy_vcat *cats, int ncats, int passed, int failed, int skipped, double minpct);

#endif
