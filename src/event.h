/* event.h — one coded event, with every field of the output contract
 * (DESIGN.md). Events live in the article's arena, in doc->events. Spans are
 * offsets in the cleaned text (doc->text.norm); sinks map them back to the
 * original article bytes with doc->text.map. */
#ifndef DY_EVENT_H
#define DY_EVENT_H
#include <stdint.h>
#include "doc.h"

#define DY_CODE_MAX 32   /* longest actor code kept, including the NUL */

enum dy_status {
    DY_ST_ASSERTED = 0, DY_ST_CLAIMED, DY_ST_UNVERIFIED, DY_ST_DISPUTED,
    DY_ST_CONFIRMED, DY_ST_HYPOTHETICAL, DY_ST_NEGATED
};

enum dy_date_prec { DY_DP_NONE = 0, DY_DP_DAY, DY_DP_WEEK, DY_DP_MONTH, DY_DP_YEAR };

/* An actor mention. code "" means absent. */
typedef struct dy_actor {
    char code[DY_CODE_MAX];  /* CAMEO actor code, e.g. "KORMIL" */
    char country[4];         /* ISO 3166-1 alpha-3 or "" */
    uint32_t off, len;       /* span in the cleaned text; len 0 = none */
} dy_actor;

typedef struct dy_quantity {
    double value, low, high;
    uint8_t has_value, has_low, has_high, approx;
    const char *unit;        /* "people", "soldiers", ... (arena or static) */
    const char *role;        /* "killed", "wounded", ... or NULL */
    uint32_t off, len;
} dy_quantity;

typedef struct dy_location {
    const char *name;        /* NULL = no place given */
    char country[4];
    const char *admin1;      /* ISO 3166-2 code or NULL */
    double lat, lon;
    uint8_t has_coords;
    uint32_t off, len;
} dy_location;

typedef struct dy_event {
    uint32_t sentence;       /* index into doc->sents */
    uint32_t index;          /* n-th event of that sentence */
    dy_actor source, target;
    dy_actor attribution;    /* who made the claim; code "" = none */
    char cameo[8];           /* "1712" */
    char root[3];            /* "17" */
    int quad_class;          /* 1..4; 0 = unknown */
    double goldstein;
    uint8_t has_goldstein;
    const char *plover_event;/* static string or NULL */
    const char *plover_mode; /* static string or NULL */
    uint32_t verb_off, verb_len;
    uint8_t status;          /* enum dy_status */
    char date[11];           /* "YYYY-MM-DD" or "" */
    uint8_t date_prec;       /* enum dy_date_prec */
    dy_quantity *quants;
    uint32_t nquants;
    dy_location loc;
    const char *issues;      /* "ISSUE1,ISSUE2" or NULL */
    const char *cluster_id;  /* NULL until clustering */
    /* The cluster's counts when known (GDELT NumMentions/NumSources/
     * NumArticles); 0 = unknown, written as 1 (this report alone). */
    uint32_t num_mentions, num_sources, num_articles;
} dy_event;

const char *dy_status_name(int status);
const char *dy_date_prec_name(int prec);

#endif
