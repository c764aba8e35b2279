/* enrich.c — the enrichment entry point: runs frames (attribution and
 * status), then drops reporting-only events, then quantities, dates and
 * places over the events the coder produced; events inside quotes that
 * cross sentences get the attribution of the frame at either end (claims.h). */
#include "enrich.h"
#include <string.h>
#include <stdlib.h>
#include "dyad.h"
#include "claims.h"
#include "frame.h"
#include "quant.h"
#include "when.h"

struct dy_enrich_ctx {
    dy_gazetteer *gaz;
    int keep_reporting;
};

int dy_enrich_ctx_new(dy_enrich_ctx **ctx, const char *gazetteer_path, uint64_t *bad_line)
{
    dy_enrich_ctx *c;
    int rc;
    if (!ctx)
        return DY_EINVAL;
    *ctx = NULL;
    c = calloc(1, sizeof *c);
    if (!c)
        return DY_ENOMEM;
    if (gazetteer_path) {
        rc = dy_place_gaz_load(&c->gaz, gazetteer_path, bad_line);
        if (rc != 0)
            goto fail_ctx;
    }
    *ctx = c;
    return 0;
fail_ctx:
    free(c);
    return rc;
}

int dy_enrich_ctx_adopt(dy_enrich_ctx **ctx, dy_gazetteer *g)
{
    dy_enrich_ctx *c;
    if (!ctx || !g) {
        dy_place_gaz_free(&g);
        return DY_EINVAL;
    }
    *ctx = NULL;
    c = calloc(1, sizeof *c);
    if (!c) {
        dy_place_gaz_free(&g);
        return DY_ENOMEM;
    }
    c->gaz = g;
    *ctx = c;
    return 0;
}

void dy_enrich_ctx_free(dy_enrich_ctx **ctx)
{
    if (!ctx || !*ctx)
        return;
    dy_place_gaz_free(&(*ctx)->gaz);
    free(*ctx);
    *ctx = NULL;
}

const dy_gazetteer *dy_enrich_gazetteer(const dy_enrich_ctx *ctx)
{
    return ctx ? ctx->gaz : NULL;
}

void dy_enrich_keep_reporting(dy_enrich_ctx *ctx, int keep)
{
    if (ctx)
        ctx->keep_reporting = keep;
}

/* The speaker of a reporting frame is not a participant of the event it
 * reports: "The Joint Chiefs of Staff said North Korean troops detonated
 * explosives" must not make the Joint Chiefs the target. A target whose
 * span is the event's attribution span is cleared; an event whose source
 * and target are the same words (the speaker twice) is dropped. */
static int spans_overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
    return alen && blen && a < b + blen && b < a + alen;
}

static void drop_speaker_roles(dy_doc *doc)
{
    uint32_t w = 0;
    for (uint32_t i = 0; i < doc->nevents; i++) {
        dy_event *e = &doc->events[i];
        if (spans_overlap(e->source.off, e->source.len, e->target.off, e->target.len))
            continue;   /* the same words on both sides: not an event */
        if (e->attribution.len &&
            spans_overlap(e->target.off, e->target.len, e->attribution.off, e->attribution.len))
            memset(&e->target, 0, sizeof e->target);
        if (w != i)
            doc->events[w] = *e;
        w++;
    }
    doc->nevents = w;
}

int dy_enrich_doc(const dy_enrich_ctx *ctx, dy_doc *doc, dy_arena *a)
{
    const dy_gazetteer *g = ctx ? ctx->gaz : NULL;
    int rc;
    if (!doc || !a)
        return DY_EINVAL;
    if (doc->nevents == 0)
        return 0;
    if ((rc = dy_frame_doc(g, doc, a)) != 0)
        return rc;
    if (!(ctx && ctx->keep_reporting))
        dy_frame_drop_reporting(doc);
    drop_speaker_roles(doc);
    {
        /* quotes that cross sentences: frame.c sees one sentence at a time */
        dy_claim *cl;
        uint32_t ncl;
        if ((rc = dy_claims_find(doc, ctx, a, &cl, &ncl)) != 0)
            return rc;
        dy_claims_attribute(doc, cl, ncl);
    }
    if ((rc = dy_quant_doc(doc, a)) != 0)
        return rc;
    if ((rc = dy_when_doc(doc)) != 0)
        return rc;
    return dy_place_doc(g, doc, a);
}
