/* cameo.h — the CAMEO event-code tables written by this project: label,
 * Goldstein value, QuadClass and the PLOVER event and mode of every CAMEO
 * code (sources: the CAMEO 1.1b3 codebook, the Goldstein scale as published
 * with GDELT, the CAMEO->PLOVER conversion). */
#ifndef DY_CAMEO_H
#define DY_CAMEO_H

typedef struct dy_cameo_info {
    const char *code;        /* "1712" */
    const char *label;       /* "Destroy property" */
    double goldstein;
    int quad_class;          /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    const char *plover_event;/* "COERCE" or NULL */
    const char *plover_mode; /* "destroy" or NULL */
} dy_cameo_info;

/* Info for code (e.g. "1712", "043"); falls back to the nearest parent code
 * ("1712" -> "171" -> "17") when the exact code is unknown. NULL when even
 * the root is unknown. Borrowed, static. */
const dy_cameo_info *dy_cameo_lookup(const char *code);
/* Number of codes in the table and the i-th entry (for tests, exports). */
int dy_cameo_count(void);
const dy_cameo_info *dy_cameo_at(int i);

/* PLOVER context of code ("military", "crime; corruption"), with the same
 * parent fallback as dy_cameo_lookup; NULL when none. Static. */
const char *dy_cameo_plover_context(const char *code);
/* "verbal cooperation", "material cooperation", "verbal conflict",
 * "material conflict" for 1..4; NULL otherwise. Static. */
const char *dy_cameo_quad_class_name(int quad_class);

/* Country: ISO alpha-3 actor code prefix -> name, or NULL. Case-insensitive.
 * Also knows CAMEO's regional codes (AFR, WSB, ...). Static. */
const char *dy_cameo_country_name(const char *iso3);
/* CAMEO country code of an ISO 3166-1 alpha-3 code: the same code except
 * where CAMEO keeps its own (ROU -> ROM, TLS -> TMP, MNE -> MTN). Static;
 * NULL when CAMEO has no such country. */
const char *dy_cameo_country_code(const char *iso3);
/* Is code an assault or use of force (roots 18, 19, 20)? */
int dy_cameo_use_of_force(const char *code);
/* CAMEO actor type (GOV, MIL, REB, IGO, NGO, ...) -> name, or NULL. Static. */
const char *dy_cameo_actor_type_name(const char *type3);

#endif
