/* enrich.h — the layers no classic event coder records, run over
 * doc->events after the coder: attribution and status (frame.h),
 * quantities (quant.h), normalised dates (when.h) and places (place.h).
 * A dy_enrich_ctx holds the read-only gazetteer and is shared by all
 * threads; dy_enrich_doc touches only the doc and its arena. */
#ifndef DY_ENRICH_H
#define DY_ENRICH_H
#include <stdint.h>
#include "arena.h"
#include "doc.h"
#include "place.h"

/* Where scripts/gen_gazetteer.sh writes the gazetteer by default. */
#define DY_ENRICH_DEFAULT_GAZETTEER "build/gen/gazetteer.tsv"

typedef struct dy_enrich_ctx dy_enrich_ctx;

/* New context. gazetteer_path: the TSV made by scripts/gen_gazetteer.sh,
 * or NULL for none (no places from names, no country fallback for speaker
 * codes; everything else works). Errors: DY_EIO (unreadable), DY_EPARSE
 * (*bad_line, when not NULL, gets the line), DY_ENOMEM. Caller frees with
 * dy_enrich_ctx_free(). */
int dy_enrich_ctx_new(dy_enrich_ctx **ctx, const char *gazetteer_path, uint64_t *bad_line);
/* New context that takes ownership of an already loaded gazetteer g (also
 * on failure). DY_EINVAL when g is NULL. */
int dy_enrich_ctx_adopt(dy_enrich_ctx **ctx, dy_gazetteer *g);
void dy_enrich_ctx_free(dy_enrich_ctx **ctx);
/* The context's gazetteer (borrowed) or NULL. */
const dy_gazetteer *dy_enrich_gazetteer(const dy_enrich_ctx *ctx);
/* Keep reporting-only events ("said") even when the sentence has another
 * event inside the reported content (default: drop them; see
 * dy_frame_drop_reporting in frame.h). */
void dy_enrich_keep_reporting(dy_enrich_ctx *ctx, int keep);

/* Enrich every event of doc (after dy_code_doc): attribution, status,
 * quantities, date, place. May remove reporting-only events (see above).
 * ctx may be NULL (no gazetteer, default options). */
int dy_enrich_doc(const dy_enrich_ctx *ctx, dy_doc *doc, dy_arena *a);

#endif
