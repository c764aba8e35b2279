/* frame.h — who made the claim and how sure the text is: reporting frames
 * ("X said (that) S", "S, X said", "S, said X", "according to X, S",
 * "X told Y S", "X's state media reported", "reports from X suggest",
 * quotes with the speaker before or after) give every event inside S an
 * attribution and the status "claimed"; denials, confirmations, verification
 * statements, modals, conditionals, plans and threats, and negation give the
 * other statuses of enum dy_status.
 *
 * Attribution code: the code of an actor the coder found in the speaker span
 * (an event's source or target), else a small table of metonyms (Kremlin,
 * Pentagon, White House ...), else a gazetteer country named in the span
 * composed with an agent word (military -> MIL, government/ministry/officials
 * -> GOV, police -> COP, media/news agency -> MED, rebels -> REB ...), else
 * DY_FRAME_UNKNOWN_SPEAKER ("---"): a speaker was found but has no code; the
 * span is kept either way. Code "" means no attribution.
 *
 * Status rules, for an event whose verb is token v:
 *  - local hedges in v's clause (up to 6 tokens before v, not crossing a
 *    comma, "that" or the frame's content start): the nearest of
 *    may/might/could/would/should, "<plan|threat|vow> to" (plans, threatened,
 *    vowed, intends, aims ...), or an "if/unless" before v in the sentence
 *    -> hypothetical; not/n't/never/"yet to"/"no longer"/"failed to"/
 *    "refused to" -> negated. A threat event (its verb is "threatened")
 *    keeps asserted/claimed; the threatened action is hypothetical.
 *  - inside the content of "X denied/dismissed/rejected that S" -> disputed;
 *    "X confirmed that S" -> confirmed; otherwise inside a reporting frame
 *    -> claimed.
 *  - a verification statement in the sentence ("could not be independently
 *    verified", "unconfirmed", "has not been verified", "difficult to
 *    verify") -> unverified for the sentence's other events.
 *  - back-references: a verification statement in a sentence with no
 *    other event ("These reports remain unverified") makes unverified the
 *    events of the nearest earlier sentence with a claimed or unverified
 *    event (else with events). A denial or confirmation whose
 *    object is not a clause ("the Kremlin dismissed the claims", "the
 *    Pentagon confirmed the transfer") disputes or confirms only the events
 *    it plausibly refers to, by who and what: claims of others, events of
 *    the speaker's side and, for a confirmation, events its object names
 *    ("the transfer": "sent"); never the speaker's own claims; nearest
 *    first, from its own sentence up to 3 sentences back. "rejected the
 *    proposal", "denied entry", "did not deny", "declined to confirm", "if
 *    it is confirmed" deny or confirm nothing. Rules: apply_reference in
 *    frame.c. Hypothetical and negated events keep their status.
 * Local hedges win over frames; later verification statements win over
 * earlier ones. */
#ifndef DY_FRAME_H
#define DY_FRAME_H
#include <stddef.h>
#include "arena.h"
#include "doc.h"
#include "event.h"
#include "place.h"

#define DY_FRAME_UNKNOWN_SPEAKER "---"

/* Set attribution and status of every event of doc. g (may be NULL) serves
 * the country fallback for speaker codes. Events whose status or attribution
 * was already set by the coder are overwritten. */
int dy_frame_doc(const dy_gazetteer *g, dy_doc *doc, dy_arena *a);

/* Is an event with this CAMEO code and verb word (verb[0..n), any case) only
 * the reporting act of a frame ("said", "told", "reported", "according")
 * rather than an event of its own ("accused", "threatened", "denied" are
 * events)? True for pure reporting verbs coded in root 01 or uncoded. */
int dy_frame_is_reporting_only(const char *cameo, const char *verb, size_t n);

/* Remove from doc->events the reporting-only events (see above) of
 * sentences in which another event lies inside the reported content; the
 * frame's attribution is already on that other event. Renumbers
 * e->index. Returns the number removed. */
uint32_t dy_frame_drop_reporting(dy_doc *doc);

/* The attribution actor of a speaker at tokens [first, last] of sentence s
 * whose cue is token cue (rules at the top of this file: coder events of
 * that sentence, metonyms, country + agent word, else
 * DY_FRAME_UNKNOWN_SPEAKER). Leading determiners are trimmed from the span
 * written to out. Used by claims.c. */
void dy_frame_speaker(const dy_gazetteer *g, const dy_doc *doc, uint32_t s, uint32_t cue,
                      uint32_t first, uint32_t last, dy_actor *out);

/* Word classes of the denial rule, shared with claims.c so that both read
 * a denial's object with the same words. */
enum dy_frame_words {
    DY_FRAME_CLAIM_NOUN,   /* what can be true or false: claim, report, figures ... */
    DY_FRAME_ACCUSE_NOUN,  /* accusation, allegation, charge, blame ... */
    DY_FRAME_TRUTH_NOUN,   /* either of the two above */
    DY_FRAME_ACT_NOUN,     /* what the denier did: involvement, role, links ... */
    DY_FRAME_GRANT_NOUN,   /* refused rather than denied as false: entry, visa ... */
    DY_FRAME_REJECT_VERB,  /* dismissed, rejected, disputed, contested (and forms):
                            * deny a claim only when their object is one */
    DY_FRAME_OBJECT_SKIP,  /* determiners, adverbs, weekdays between a deny cue
                            * and its object ("flatly denied the ...") */
    DY_FRAME_UNVERIFIED    /* unverified, unconfirmed, uncorroborated ... */
};

/* Is token i of doc (any case) a word of class w (enum dy_frame_words)? */
int dy_frame_word_is(const dy_doc *doc, uint32_t i, int w);

#endif
