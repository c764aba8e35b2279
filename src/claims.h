/* claims.h — every reporting frame of an article, whether or not the coder
 * found an event in it: "who said what happened". A claim is a source (who),
 * a cue (the verb or phrase of saying, thinking or showing) and a content
 * (what was said), with the status of the content and the coded events that
 * lie inside it. Shapes recognised (one pass per sentence over its tokens):
 *   X said (that) S / X told Y (that) S / X says, believes, found, wants ... S
 *   S, X said.   "S," said X.   "S," X said.   S, X added on Tuesday.
 *   according to X, S   /   S, according to X
 *   X's state media reported S / reports from X suggest S
 *   X, who said S   (the source span runs from X to "who")
 *   quotes opened in one sentence and closed in a later one, attributed by a
 *   frame at either end (the content then crosses sentences).
 * Sources are kept as text; pronouns (he, she, they, we, I ...) are kept and,
 * for he/she, resolved to the nearest earlier claim whose source is a name
 * (resolved_off/len). Not frames: "the said ...", "so-called", "that said,",
 * passives without an agent ("is said to", "was asked"), infinitives ("to
 * say"), nouns after determiners ("his claims", "the show").
 *
 * Source codes come from dy_frame_speaker (frame.h): coder events in the
 * span, metonyms, a country named in the span composed with an agent word.
 *
 * Status of the content: disputed for a denial of a claim (denied,
 * dismissed, rejected ... with the object rules of frame.c's denials, on
 * the word classes of frame.h: "rejected the proposal", "denied entry" and
 * a negated cue, "did not deny", are plain reports), and for the content
 * of the earlier frame of the sentence that a relative denial denies
 * ("S, a claim Kyiv rejected"); confirmed (confirmed, verified);
 * unverified (a word of the sentence says so: unverified, unconfirmed
 * ...); hypothetical (a conditional or modal opens the content: if, may,
 * might, could, would ...); negated (not/n't/never before the content's
 * first clause break); else claimed. A claim's status concerns its own
 * content only: denials and confirmations of claims made in earlier
 * sentences are frame.c's (they set the statuses of coded events). */
#ifndef DY_CLAIMS_H
#define DY_CLAIMS_H
#include <stdint.h>
#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "enrich.h"
#include "event.h"

enum dy_claim_kind {
    DY_CK_REPORT = 0,   /* said, told, wrote, believes, found ... */
    DY_CK_ACCORDING,    /* according to X */
    DY_CK_DENY,         /* denied, dismissed, rejected */
    DY_CK_CONFIRM       /* confirmed, verified */
};

typedef struct dy_claim {
    uint32_t sentence;          /* sentence of the cue */
    uint32_t index;             /* n-th claim of the article, from 0 */
    uint8_t kind;               /* enum dy_claim_kind */
    uint8_t status;             /* enum dy_status of the content */
    dy_actor source;            /* span in doc->text.norm; code "" = no code */
    uint32_t resolved_off, resolved_len; /* antecedent of a he/she source; len 0 = none */
    uint32_t cue_off, cue_len;
    uint32_t content_off, content_len;   /* len 0 = no content; may cross sentences */
    uint32_t *events;           /* indices into doc->events inside the content */
    uint32_t nevents;
} dy_claim;

/* Every claim of doc (tokenized and split; coded or not), in text order of
 * their cues. ctx may be NULL (no gazetteer fallback for codes). *out is
 * allocated in a (the article's arena) and is valid until its reset; *n
 * may be 0 (then *out is NULL). Errors: DY_EINVAL, DY_ENOMEM. */
int dy_claims_find(const dy_doc *doc, const dy_enrich_ctx *ctx, dy_arena *a, dy_claim **out,
                   uint32_t *n);

/* Give events without attribution the source of a claim whose content
 * crosses sentences and holds the event's verb (quotes opened in one
 * sentence and closed in a later one); their status becomes "claimed" when
 * it was "asserted". Returns the number of events changed. */
uint32_t dy_claims_attribute(dy_doc *doc, const dy_claim *c, uint32_t n);

/* One JSON object per claim, one a line (the "-f claims" sink):
 * {"claim_id","article_id","sentence_index","source":{"code","country",
 * "text","resolved"},"cue","content","spans":{"source","cue","content"},
 * "status","events":[event ids]}. Spans are byte offsets into the article
 * text as ingested. */
void dy_claims_emit(dy_buf *b, const dy_doc *doc, const dy_claim *c, uint32_t n);

/* Find and emit the claims of doc in one call. a may be NULL: a temporary
 * arena is used then. Returns 0 or a DY_E* code. */
int dy_claims_emit_doc(dy_buf *b, const dy_enrich_ctx *ctx, const dy_doc *doc, dy_arena *a);

#endif
