/* claims.c — reporting frames of a whole article ("who said what"), coded
 * or not; the shapes, statuses and limits are described in claims.h. One
 * pass per sentence over its tokens: each cue word proposes a frame, whose
 * source is looked for before the cue (walking back over auxiliaries and
 * then over a noun phrase), after it ("S," said X) or, for participles
 * ("..., saying S"), at the start of the sentence; quotes left open at a
 * sentence end (or closed without being opened) stretch the content over
 * neighbouring sentences. */
#include "claims.h"
#include <string.h>
#include "dyad.h"
#include "enrich_int.h"
#include "frame.h"

#define NP_MAX 10        /* longest source noun phrase, in tokens */
#define QUOTE_SPAN 8     /* sentences a quote may stretch over */

enum {
    CF_INV = 1u << 0,    /* may be inverted: "S," said X */
    CF_OBJ = 1u << 1,    /* has an object before its content: told Y that S */
    CF_PART = 1u << 2,   /* past participle: no frame after "is/was/been" */
    CF_NOUN = 1u << 3,   /* also a noun: no frame after a determiner */
    CF_ING = 1u << 4,    /* participle of a clause: "..., saying S" */
    CF_DENY = 1u << 5,
    CF_CONFIRM = 1u << 6,
    CF_TAIL = 1u << 7,   /* only after its content: "S," he continued */
    CF_MIND = 1u << 8    /* thinking or wanting: "I think", "you know" are hedges */
};

typedef struct cue_word {
    const char *w;
    uint16_t fl;
} cue_word;

/* dyad's own list of cues: saying, writing, asking, thinking, wanting,
 * showing and judging verbs, in the forms that carry a subject. Sorted by
 * word (strcmp order): cue_flags() searches it by bisection. */
static const cue_word cues[] = {
    { "accuse", 0 }, { "accused", CF_PART }, { "accuses", 0 }, { "accusing", CF_ING },
    { "acknowledged", CF_INV | CF_PART }, { "acknowledges", CF_INV },
    { "added", CF_INV | CF_PART }, { "adding", CF_ING }, { "adds", CF_INV }, { "admit", 0 },
    { "admits", CF_INV }, { "admitted", CF_INV | CF_PART }, { "advised", CF_PART },
    { "agree", CF_MIND }, { "agreed", CF_PART | CF_MIND }, { "agrees", CF_MIND },
    { "alleged", CF_PART }, { "alleges", 0 }, { "announce", 0 },
    { "announced", CF_INV | CF_PART }, { "announces", 0 }, { "announcing", CF_ING },
    { "answered", CF_INV }, { "apologized", 0 }, { "argue", 0 }, { "argued", CF_INV | CF_PART },
    { "argues", CF_INV }, { "arguing", CF_ING }, { "asked", CF_INV | CF_PART | CF_OBJ },
    { "asking", CF_ING }, { "asks", CF_INV | CF_OBJ }, { "asserted", CF_INV | CF_PART },
    { "backed", CF_PART }, { "believe", CF_MIND }, { "believed", CF_PART | CF_MIND },
    { "believes", CF_MIND }, { "blamed", CF_PART }, { "blames", 0 }, { "blasted", CF_PART },
    { "boasted", CF_INV }, { "branded", CF_PART }, { "called", CF_PART }, { "calling", CF_ING },
    { "calls", CF_NOUN }, { "cautioned", CF_INV }, { "charged", CF_PART },
    { "charges", CF_NOUN }, { "cited", CF_PART }, { "cites", 0 }, { "citing", CF_ING },
    { "claim", CF_NOUN }, { "claimed", CF_INV | CF_PART }, { "claiming", CF_ING },
    { "claims", CF_NOUN }, { "complained", CF_INV }, { "conceded", CF_INV },
    { "concluded", CF_INV | CF_PART }, { "condemned", CF_PART }, { "condemns", 0 },
    { "confirmed", CF_PART | CF_CONFIRM }, { "confirming", CF_ING | CF_CONFIRM },
    { "confirms", CF_CONFIRM }, { "considered", CF_PART }, { "considers", 0 },
    { "contended", CF_INV }, { "continued", CF_INV | CF_TAIL }, { "countered", CF_INV },
    { "criticised", CF_PART }, { "criticize", 0 }, { "criticized", CF_PART },
    { "criticizes", 0 }, { "declared", CF_INV | CF_PART }, { "declaring", CF_ING },
    { "declined", 0 }, { "decried", 0 }, { "defended", CF_PART }, { "demand", CF_NOUN },
    { "demanded", CF_PART }, { "demands", CF_NOUN }, { "denied", CF_PART | CF_DENY },
    { "denies", CF_DENY }, { "denounced", CF_PART }, { "deny", CF_DENY },
    { "denying", CF_ING | CF_DENY }, { "describe", 0 }, { "described", CF_PART },
    { "describes", 0 }, { "describing", CF_ING }, { "dismissed", CF_PART | CF_DENY },
    { "disputed", CF_PART | CF_DENY }, { "doubted", CF_PART }, { "dubbed", CF_PART },
    { "emphasized", CF_INV | CF_PART }, { "endorse", 0 }, { "endorsed", CF_PART },
    { "endorses", 0 }, { "estimate", CF_NOUN }, { "estimated", CF_PART },
    { "estimates", CF_NOUN }, { "expect", CF_MIND }, { "expects", CF_MIND },
    { "explained", CF_INV | CF_PART }, { "explaining", CF_ING }, { "explains", CF_INV },
    { "expressed", CF_PART }, { "expresses", 0 }, { "fear", CF_NOUN | CF_MIND },
    { "feared", CF_PART | CF_MIND }, { "fears", CF_NOUN | CF_MIND }, { "feel", CF_MIND },
    { "feels", CF_MIND }, { "finds", 0 }, { "found", CF_PART }, { "hinted", 0 },
    { "hope", CF_NOUN | CF_MIND }, { "hoped", CF_MIND }, { "hopes", CF_NOUN | CF_MIND },
    { "indicated", CF_PART }, { "indicates", 0 }, { "insist", 0 }, { "insisted", CF_INV },
    { "insisting", CF_ING }, { "insists", CF_INV }, { "intends", 0 }, { "joked", CF_INV },
    { "knew", CF_MIND }, { "know", CF_MIND }, { "knows", CF_MIND }, { "labeled", CF_PART },
    { "lamented", CF_INV }, { "maintained", CF_PART }, { "mocked", CF_PART },
    { "noted", CF_INV | CF_PART }, { "notes", CF_INV | CF_NOUN }, { "noting", CF_ING },
    { "observed", CF_INV | CF_PART }, { "oppose", 0 }, { "opposed", CF_PART }, { "opposes", 0 },
    { "planned", CF_PART }, { "plans", CF_NOUN }, { "pledged", CF_PART },
    { "pointed", CF_PART }, { "praised", CF_PART }, { "praises", 0 }, { "predict", 0 },
    { "predicted", CF_INV | CF_PART }, { "predicts", 0 }, { "projected", CF_PART },
    { "promise", CF_NOUN }, { "promised", CF_PART }, { "promises", CF_NOUN },
    { "proposed", CF_PART }, { "questioned", CF_PART }, { "questions", CF_NOUN },
    { "quipped", CF_INV }, { "recalled", CF_INV | CF_PART }, { "recommended", CF_PART },
    { "recommends", 0 }, { "refused", 0 }, { "refuted", CF_DENY },
    { "reiterated", CF_INV | CF_PART }, { "rejected", CF_PART | CF_DENY },
    { "rejects", CF_DENY }, { "remarked", CF_INV }, { "repeated", CF_PART },
    { "replied", CF_INV }, { "replies", CF_INV }, { "reported", CF_INV | CF_PART },
    { "reports", CF_NOUN }, { "responded", CF_INV }, { "responds", CF_INV },
    { "revealed", CF_PART }, { "reveals", 0 }, { "said", CF_INV | CF_PART }, { "say", CF_MIND },
    { "saying", CF_ING }, { "says", CF_INV }, { "seeks", 0 }, { "show", CF_NOUN },
    { "showed", CF_PART }, { "shows", CF_NOUN }, { "signaled", CF_PART },
    { "slammed", CF_PART }, { "sought", CF_PART }, { "stated", CF_INV | CF_PART },
    { "stressed", CF_INV | CF_PART }, { "suggest", 0 }, { "suggested", CF_PART },
    { "suggesting", CF_ING }, { "suggests", 0 }, { "supported", CF_PART }, { "supports", 0 },
    { "tell", CF_OBJ | CF_MIND }, { "telling", CF_ING | CF_OBJ }, { "tells", CF_OBJ },
    { "testified", 0 }, { "think", CF_MIND }, { "thinks", CF_MIND },
    { "thought", CF_PART | CF_NOUN | CF_MIND }, { "threatened", CF_PART }, { "threatens", 0 },
    { "told", CF_OBJ | CF_PART }, { "touted", CF_PART }, { "touts", 0 },
    { "tweeted", CF_INV | CF_PART }, { "urge", 0 }, { "urged", CF_PART }, { "urges", 0 },
    { "verified", CF_PART | CF_CONFIRM }, { "vow", CF_NOUN }, { "vowed", 0 },
    { "vows", CF_NOUN }, { "want", CF_MIND }, { "wanted", CF_PART | CF_MIND },
    { "wants", CF_MIND }, { "warn", 0 }, { "warned", CF_INV | CF_PART | CF_OBJ },
    { "warning", CF_ING | CF_NOUN }, { "warns", CF_INV | CF_OBJ }, { "wondered", CF_INV },
    { "worries", CF_NOUN | CF_MIND }, { "worry", CF_NOUN | CF_MIND }, { "writes", CF_INV },
    { "writing", CF_ING }, { "wrote", CF_INV }
};

/* Auxiliaries and adverbs between a source and its cue. */
static const char *const aux_skip[] = {
    "has", "have", "had", "'ve", "'d", "also", "will", "would", "could", "can", "may",
    "might", "should", "must", "shall", "did", "does", "do", "not", "n't", "never", "still",
    "just", "even", "already", "recently", "previously", "repeatedly", "later", "earlier",
    "once", "often", "always", "publicly", "privately", "reportedly", "further", "then",
    "again", "clearly", "simply", "actually", "really", "only", "long", "since", "first",
    "initially", "now", "ultimately", "quickly", "too", "both", "all", "'ll", "wo", "ca",
    "been", "being", "is", "are", "was", "were", "'s", "'re", "'m", NULL
};
static const char *const be_words[] = {
    "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "get", "got",
    "gets", "getting", NULL
};
static const char *const determiners[] = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "whose", "such", "no", "any", "every", "each", "another", NULL
};
/* Words that end a source noun phrase when walking back from a cue. */
static const char *const np_stops[] = {
    "that", "and", "but", "or", "nor", "because", "when", "if", "while", "after", "before",
    "as", "although", "though", "so", "where", "whether", "than", "what", "how", "why",
    "unless", "until", "in", "on", "during", "over", "into", "about", "against", "under",
    "through", "last", "yesterday", "today", "tonight", "now", "then", "here", "there",
    "however", "meanwhile", "instead", "also", "to", "not", "is", "are", "was", "were",
    "be", "been", "said", "says", "told", "whom", "since", "once", "indeed", "yet",
    "later", "earlier", "recently", "even", "still", "just", "thus", "therefore", "again",
    "like", "who", "which", "it", "this", "there", "these", "those", "by", NULL
};
/* Words that end a source after an inverted cue ("said X in a statement"). */
static const char *const inv_stops[] = {
    "in", "on", "at", "during", "who", "which", "that", "when", "adding", "saying", "while",
    "after", "before", "last", "yesterday", "today", "according", "to", "told", "and",
    "because", "as", "noting", "referring", "speaking", "citing", "of", NULL
};
/* First words of a clause inserted between a source and its cue. */
static const char *const apposit_rel[] = { "who", "which", "whose", NULL };
static const char *const apposit_soft[] = {
    "a", "an", "the", "his", "her", "their", "its", "also", "now", "then", "both", "in",
    "at", "on", "during", "while", "after", "speaking", "citing", "according", "however",
    "meanwhile", "for", "like", NULL
};
static const char *const pronouns[] = {
    "he", "she", "they", "we", "i", "you", "it", "who", NULL
};
static const char *const bad_sources[] = {
    "there", "this", "that", "what", "which", "these", "those", "here", "it", "one", NULL
};
/* Openers of a sentence that are not part of its subject. */
static const char *const opener_words[] = {
    "the", "a", "an", "in", "on", "at", "but", "and", "after", "before", "when", "as",
    "while", "during", "if", "since", "meanwhile", "still", "yet", "so", "for", "with",
    "last", "this", "that", "then", "now", "also", "however", "speaking", "asked", NULL
};
static const char *const hyp_words[] = {
    "if", "unless", "whether", "may", "might", "could", "would", "should", "possibly",
    "perhaps", "potentially", "maybe", NULL
};
static const char *const neg_words[] = {
    "not", "n't", "never", "neither", "nor", "no", NULL
};
static const char *const short_tail[] = {
    "on", "in", "at", "late", "earlier", "later", "yesterday", "today", "last", "this",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "a", "an",
    "the", "after", "during", "to", "reporters", "told", "of", "when", "while", "before",
    "adding", "with", "via", "from", "through", "according", "recently", NULL
};

typedef struct cand {
    int kind;
    uint32_t s;                     /* sentence */
    uint32_t cue, cue_last;
    uint32_t sp_first, sp_last;     /* has_sp */
    uint32_t c_first, c_last;       /* has_c; token indices, may cross sentences */
    int has_sp, has_c;
    int disputed;                   /* a later relative denial disputes it */
} cand;

typedef struct vec {
    cand *v;
    uint32_t n, cap;
} vec;

static int push(dy_arena *a, vec *x, const cand *c)
{
    if (x->n == x->cap) {
        uint32_t nc = x->cap ? x->cap * 2 : 32;
        cand *nv = dy_arena_realloc(a, x->v, x->cap * sizeof *nv, nc * sizeof *nv);
        if (!nv)
            return DY_ENOMEM;
        x->v = nv;
        x->cap = nc;
    }
    x->v[x->n++] = *c;
    return 0;
}

static int cue_flags(const dy_doc *d, uint32_t i)
{
    const dy_token *t = &d->toks[i];
    const char *p;
    char w[16];
    size_t lo = 0, hi = sizeof cues / sizeof cues[0];
    if (t->kind != DY_TOK_WORD || t->len < 3 || t->len > 14)
        return -1;
    /* cue words are lower-case ASCII letters only */
    p = d->text.norm + t->off;
    for (uint32_t k = 0; k < t->len; k++) {
        int c = dy_en_lc((unsigned char)p[k]);
        if (c < 'a' || c > 'z')
            return -1;
        w[k] = (char)c;
    }
    w[t->len] = '\0';
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *q = cues[mid].w;
        size_t k = 0;
        int c;
        while (w[k] && w[k] == q[k])
            k++;
        c = (unsigned char)w[k] - (unsigned char)q[k];
        if (c == 0)
            return cues[mid].fl;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* cue_flags() remembered per interned lower-case id within one article
 * (direct-mapped): most words of an article are repeats. Only pure-ASCII
 * tokens go through it, so equal ids mean equal ASCII-lower-cased bytes;
 * other tokens are never cues. */
#define CUE_MEMO 2048
typedef struct cue_memo {
    uint32_t id[CUE_MEMO];
    int16_t fl[CUE_MEMO];
} cue_memo;

static int cue_flags_memo(const dy_doc *d, uint32_t i, cue_memo *m)
{
    const dy_token *t = &d->toks[i];
    const unsigned char *p;
    uint32_t id = t->lower, h;
    int fl;
    if (t->kind != DY_TOK_WORD || t->len < 3 || t->len > 14)
        return -1;
    if (id == 0)
        return cue_flags(d, i);
    p = (const unsigned char *)d->text.norm + t->off;
    for (uint32_t k = 0; k < t->len; k++)
        if (p[k] >= 0x80)
            return -1;
    h = (id * 2654435761u) >> 21; /* 11 bits: CUE_MEMO slots */
    if (m->id[h] == id)
        return m->fl[h];
    fl = cue_flags(d, i);
    m->id[h] = id;
    m->fl[h] = (int16_t)fl;
    return fl;
}

static int is_bound(const dy_doc *d, uint32_t i)
{
    uint16_t k = d->toks[i].kind;
    return k == DY_TOK_PUNCT || k == DY_TOK_QUOTE || k == DY_TOK_DASH;
}

static int is_cap(const dy_doc *d, uint32_t i)
{
    return d->toks[i].kind == DY_TOK_WORD && (d->toks[i].flags & DY_TF_CAP);
}

/* Lower-case word ending in "ly" (an adverb, most of the time). */
static int is_ly(const dy_doc *d, uint32_t i)
{
    const dy_token *t = &d->toks[i];
    const char *p = dy_en_tp(d, i);
    return t->kind == DY_TOK_WORD && t->len >= 5 && !(t->flags & DY_TF_CAP) &&
           p[t->len - 2] == 'l' && p[t->len - 1] == 'y';
}

/* Last word of sentence [sf, end) before its closing punctuation. */
static uint32_t last_word(const dy_doc *d, uint32_t sf, uint32_t end)
{
    uint32_t e = end;
    while (e > sf + 1 && is_bound(d, e - 1))
        e--;
    return e - 1;
}

/* Is what follows the cue v short enough to be the end of a tail frame
 * ("..., X said on Tuesday.")? */
static int short_after(const dy_doc *d, uint32_t v, uint32_t end)
{
    uint32_t n = 0;
    for (uint32_t i = v + 1; i < end; i++) {
        if (dy_en_eq(d, i, "that"))
            return 0;
        if (is_bound(d, i))
            continue;
        if (n == 0 && dy_en_in(d, i, short_tail) < 0 && !is_cap(d, i) &&
            dy_en_in(d, i, pronouns) < 0)
            return 0;
        n++;
    }
    return n <= 10;
}

/* Trim boundaries and a leading "that" from content [*f, *l]; 0 when empty. */
static int trim_content(const dy_doc *d, uint32_t *f, uint32_t *l)
{
    while (*f < *l && is_bound(d, *f))
        (*f)++;
    if (*f < *l && dy_en_eq(d, *f, "that"))
        (*f)++;
    while (*l > *f && is_bound(d, *l))
        (*l)--;
    /* a quote alone at either end that is not part of the content */
    if (*f == *l && is_bound(d, *f))
        return 0;
    return 1;
}

/* Source noun phrase ending just before token sl, not before sf: sets
 * [*f, *l]; 0 when none. */
static int np_before(const dy_doc *d, uint32_t sf, uint32_t sl, uint32_t *f, uint32_t *l)
{
    uint32_t b = sl;
    int words = 0, fl;
    if (sl <= sf)
        return 0;
    /* a pronoun right before the cue is the whole source */
    if (dy_en_in(d, sl - 1, pronouns) >= 0) {
        uint32_t p = sl - 1;
        if (dy_en_eq(d, p, "it"))
            return 0;
        *l = p;
        *f = p;
        if (dy_en_eq(d, p, "who") && p > sf + 1) {
            /* "X, who said": the span runs from the antecedent X */
            uint32_t q = p, af, al;
            if (dy_en_punct_in(d, q - 1, ","))
                q--;
            if (np_before(d, sf, q, &af, &al) && !dy_en_eq(d, al, "who"))
                *f = af;
        }
        return 1;
    }
    /* "a report that shows", "the group, which said": the antecedent */
    if (dy_en_eq(d, sl - 1, "that") || dy_en_eq(d, sl - 1, "which")) {
        uint32_t q = sl - 1;
        if (q > sf && dy_en_punct_in(d, q - 1, ","))
            q--;
        if (q > sf && !is_bound(d, q - 1) && cue_flags(d, q - 1) < 0 &&
            np_before(d, sf, q, f, l)) {
            *l = sl - 1;
            return 1;
        }
        return 0;
    }
    while (b > sf && sl - b < NP_MAX) {
        uint32_t t = b - 1;
        if (d->toks[t].kind == DY_TOK_POSS) {
            b--;
            continue;
        }
        if (is_bound(d, t) || dy_en_in(d, t, np_stops) >= 0)
            break;
        fl = cue_flags(d, t);
        if (fl >= 0 && !(fl & CF_NOUN))
            break;
        if (dy_en_in(d, t, pronouns) >= 0)
            break;
        b--;
    }
    if (b == sl)
        return 0;
    /* leading determiners stay (the spokesman) but a phrase of only
     * determiners and possessives is no source */
    for (uint32_t k = b; k < sl; k++)
        if (d->toks[k].kind == DY_TOK_WORD && dy_en_in(d, k, determiners) < 0)
            words++;
    if (!words)
        return 0;
    if (sl - b == 1 && dy_en_in(d, b, bad_sources) >= 0)
        return 0;
    /* a phrase that starts with a possessive clitic is no phrase */
    if (d->toks[b].kind == DY_TOK_POSS)
        return 0;
    *f = b;
    *l = sl - 1;
    return 1;
}

/* Source after an inverted cue: "said X", "said the ministry in a
 * statement". */
static int np_after(const dy_doc *d, uint32_t v, uint32_t lw, uint32_t *f, uint32_t *l)
{
    uint32_t k = v + 1;
    if (k > lw)
        return 0;
    if (!is_cap(d, k) && dy_en_in(d, k, determiners) < 0 && dy_en_in(d, k, pronouns) < 0)
        return 0;
    while (k <= lw && k - (v + 1) < NP_MAX && (!is_bound(d, k) || dy_en_punct_in(d, k, ".")) &&
           (k == v + 1 || dy_en_in(d, k, inv_stops) < 0 || (dy_en_eq(d, k, "of") && is_cap(d, k + 1))))
        k++;
    if (k == v + 1)
        return 0;
    *f = v + 1;
    *l = k - 1;
    return 1;
}

/* Subject at the start of sentence [sf, v): a pronoun, or a run of
 * capitalised words ("Senator Bernie Sanders"). */
static int sentence_subject(const dy_doc *d, uint32_t sf, uint32_t v, uint32_t *f, uint32_t *l)
{
    uint32_t k = sf;
    while (k < v && is_bound(d, k))
        k++;
    if (k >= v)
        return 0;
    if (dy_en_in(d, k, pronouns) >= 0 && !dy_en_eq(d, k, "it") && !dy_en_eq(d, k, "who")) {
        *f = *l = k;
        return 1;
    }
    if (!is_cap(d, k) || dy_en_in(d, k, opener_words) >= 0)
        return 0;
    *f = k;
    while (k + 1 < v && (is_cap(d, k + 1) || d->toks[k + 1].kind == DY_TOK_POSS))
        k++;
    *l = k;
    return 1;
}

/* Skip back over auxiliaries and adverbs before cue v; returns the token
 * after the source (the first skipped one, or v). *passive is set when the
 * cue is a past participle after a form of "be". */
static uint32_t skip_aux(const dy_doc *d, uint32_t sf, uint32_t v, int fl, int *passive)
{
    uint32_t sl = v;
    *passive = 0;
    while (sl > sf && (dy_en_in(d, sl - 1, aux_skip) >= 0 || is_ly(d, sl - 1))) {
        if ((fl & CF_PART) && dy_en_in(d, sl - 1, be_words) >= 0) {
            /* "has been saying" is active; "was asked", "is said to" not */
            *passive = 1;
            return sl;
        }
        sl--;
    }
    return sl;
}

/* Does deny cue v (sentence ends at end) deny a claim? The rule of
 * frame.c's deny_object (which sets the statuses of coded events), on the
 * word classes of frame.h: "rejected the proposal", "dismissed the
 * minister", "denied entry to reporters" are attitudes or acts, not
 * denials of a claim, and their frames are kept as plain claims (status
 * from their content); "denied the claims", "rejected the allegations",
 * "denied that S", "denied it", "denied involvement", "denied the attack"
 * are. Deny/refute deny a claim unless their object is something granted;
 * reject/dismiss/dispute only when their object is a claim noun, a pronoun
 * or a clause. */
static int denies_claim(const dy_doc *d, uint32_t v, uint32_t end)
{
    int reject = dy_frame_word_is(d, v, DY_FRAME_REJECT_VERB), words = 0;
    for (uint32_t k = v + 1; k < end && k <= v + 6; k++) {
        if (is_bound(d, k))
            break;
        if (dy_frame_word_is(d, k, DY_FRAME_TRUTH_NOUN) ||
            dy_frame_word_is(d, k, DY_FRAME_ACT_NOUN))
            return 1;
        if (dy_frame_word_is(d, k, DY_FRAME_GRANT_NOUN))
            return 0;
        if (dy_en_eq(d, k, "that") || dy_en_eq(d, k, "it") || dy_en_eq(d, k, "them"))
            return 1;
        if (dy_frame_word_is(d, k, DY_FRAME_OBJECT_SKIP))
            continue;
        if (!words && d->toks[k].len > 4 && !memcmp(dy_en_tp(d, k) + d->toks[k].len - 3, "ing", 3))
            return !reject; /* "denied carrying out the raid" */
        if (words && dy_en_eq(d, k, "as"))
            return 1; /* "dismissed the idea as absurd": a judgement said */
        words++;
    }
    return !words || !reject;
}

/* A frame whose content runs past the end of the content of a later frame
 * of its sentence that holds it ("Hamas rejected the offer, a spokesman
 * said": the rejection's content is "the offer", not "the offer, a
 * spokesman said") ends there. Frames found[from..] are of sentence
 * [sf, end). */
static void end_at_outer_content(const dy_doc *d, vec *found, uint32_t from, uint32_t end)
{
    for (uint32_t j = from; j < found->n; j++) {
        const cand *t = &found->v[j];
        if (!t->has_c || t->c_last >= t->cue)
            continue; /* not "S, X said" */
        for (uint32_t k = from; k < j; k++) {
            cand *h = &found->v[k];
            if (h->has_c && h->c_first > h->cue_last && t->c_first <= h->cue &&
                h->c_first <= t->c_last && t->c_last < h->c_last && h->c_last < end) {
                h->c_last = t->c_last;
                h->has_c = trim_content(d, &h->c_first, &h->c_last);
            }
        }
    }
}

/* Is cue v negated ("did not deny", "never disputed", "refused to deny")? */
static int negated_cue(const dy_doc *d, uint32_t sf, uint32_t v)
{
    for (uint32_t k = v; k-- > sf && k + 4 > v && !is_bound(d, k);)
        if (dy_en_in(d, k, neg_words) >= 0 || dy_en_eq(d, k, "cannot") ||
            dy_en_eq(d, k, "refused") || dy_en_eq(d, k, "declined"))
            return 1;
    return 0;
}

/* A relative denial: ", a claim Kyiv dismissed", ", allegations Moscow
 * denies", ", which Moscow denied". The source is what follows the noun
 * (or "which") and the content is the claim said before it in the same
 * sentence: a claim noun right before ", which" ("the allegations, which
 * X denies"), else the content of the previous frame of the sentence
 * (found->v from found_from on), else the words before the comma. That
 * previous frame's content then ends at the comma and, when dispute is set
 * (the cue is not negated), is disputed. Adjusts c; 0 when c is not of that
 * shape. */
static int relative_denial(const dy_doc *d, uint32_t sf, vec *found, uint32_t found_from,
                           int dispute, cand *c)
{
    uint32_t k = c->sp_first, comma;
    cand *p = NULL;
    if (!c->has_sp)
        return 0;
    if (k >= sf + 2 && dy_en_eq(d, k - 1, "which") && dy_en_punct_in(d, k - 2, ",")) {
        comma = k - 2;
    } else {
        while (k < c->sp_last && dy_frame_word_is(d, k, DY_FRAME_OBJECT_SKIP))
            k++;
        if (k >= c->sp_last || !dy_frame_word_is(d, k, DY_FRAME_TRUTH_NOUN) ||
            d->toks[k + 1].kind == DY_TOK_POSS || c->sp_first <= sf + 1 ||
            !dy_en_punct_in(d, c->sp_first - 1, ","))
            return 0;
        comma = c->sp_first - 1;
        k++;
        if (k < c->sp_last && (dy_en_eq(d, k, "that") || dy_en_eq(d, k, "which")))
            k++;
        c->sp_first = k;
    }
    if (found->n > found_from && found->v[found->n - 1].has_c &&
        found->v[found->n - 1].c_first < comma) {
        /* the claim said before: its content ends at the comma and is
         * disputed */
        p = &found->v[found->n - 1];
        p->disputed |= dispute;
        if (p->c_last >= comma) {
            p->c_last = comma - 1;
            p->has_c = trim_content(d, &p->c_first, &p->c_last);
        }
    }
    if (dy_en_eq(d, c->sp_first - 1, "which") &&
        dy_frame_word_is(d, comma - 1, DY_FRAME_TRUTH_NOUN)) {
        /* the noun phrase the relative clause hangs on */
        uint32_t b = comma - 1;
        while (b > sf && comma - b < NP_MAX / 2 && !is_bound(d, b - 1) &&
               dy_en_in(d, b - 1, np_stops) < 0 && !dy_en_eq(d, b - 1, "of") &&
               cue_flags(d, b - 1) < 0 && dy_en_in(d, b, determiners) < 0)
            b--;
        c->c_first = b;
        c->c_last = comma - 1;
    } else if (p) {
        c->c_first = p->c_first;
        c->c_last = p->c_last;
    } else {
        c->c_first = sf;
        c->c_last = comma - 1;
    }
    c->has_c = trim_content(d, &c->c_first, &c->c_last);
    return 1;
}

/* Frames of cue v in sentence s [sf, end). Returns 1 and fills c, or 0. */
static int cue_frame(const dy_doc *d, uint32_t s, uint32_t sf, uint32_t end, uint32_t v, int fl,
                     const vec *found, uint32_t found_from, cand *c)
{
    uint32_t lw = last_word(d, sf, end);
    uint32_t sl, spf, spl;
    int passive;
    memset(c, 0, sizeof *c);
    c->s = s;
    c->cue = c->cue_last = v;
    c->kind = (fl & CF_DENY) ? DY_CK_DENY : (fl & CF_CONFIRM) ? DY_CK_CONFIRM : DY_CK_REPORT;
    /* not frames: "the said", "his claims", "that said," */
    if (v > sf && (dy_en_in(d, v - 1, determiners) >= 0 || d->toks[v - 1].kind == DY_TOK_POSS) &&
        !dy_en_eq(d, v - 1, "that"))
        return 0;
    if (v > sf && dy_en_eq(d, v - 1, "that") && v + 1 < end && dy_en_punct_in(d, v + 1, ","))
        return 0;
    if (v > sf && dy_en_eq(d, v - 1, "to"))
        return 0;
    if (v + 1 < end && dy_en_eq(d, v + 1, "to") && (fl & CF_PART) && !(fl & CF_OBJ))
        if (v > sf && dy_en_in(d, v - 1, be_words) >= 0)
            return 0;
    if (fl & CF_ING) {
        /* "..., saying S": the subject of the sentence, or the source of an
         * earlier frame of this sentence */
        if (!(v > sf && is_bound(d, v - 1)) || v >= lw)
            return 0;
        if (found->n > found_from && found->v[found->n - 1].has_sp) {
            spf = found->v[found->n - 1].sp_first;
            spl = found->v[found->n - 1].sp_last;
        } else if (!sentence_subject(d, sf, v, &spf, &spl)) {
            return 0;
        }
        c->has_sp = 1;
        c->sp_first = spf;
        c->sp_last = spl;
        c->c_first = v + 1;
        c->c_last = lw;
        c->has_c = trim_content(d, &c->c_first, &c->c_last);
        return 1;
    }
    sl = skip_aux(d, sf, v, fl, &passive);
    if (passive)
        return 0;
    if (sl > sf + 2 && dy_en_punct_in(d, sl - 1, ")")) {
        /* "Kasich (who has 25 delegates) said" */
        uint32_t o = sl - 1;
        while (o > sf && sl - 1 - o <= 16 && !dy_en_punct_in(d, o, "("))
            o--;
        if (dy_en_punct_in(d, o, "("))
            sl = o;
    }
    if (sl > sf + 2 && dy_en_punct_in(d, sl - 1, ",")) {
        /* "Officials, who spoke on condition of anonymity, said": the
         * phrase before the inserted clause */
        uint32_t c0 = sl - 1;
        while (c0 > sf && sl - 1 - c0 <= 14 && !is_bound(d, c0 - 1))
            c0--;
        if (c0 > sf + 1 && dy_en_punct_in(d, c0 - 1, ",") && c0 < sl - 1 &&
            (dy_en_in(d, c0, apposit_rel) >= 0 ||
             (dy_en_in(d, c0, apposit_soft) >= 0 &&
              !((fl & CF_INV) && np_after(d, v, last_word(d, sf, end), &spf, &spl)))))
            sl = c0 - 1;
    }
    if (np_before(d, sf, sl, &spf, &spl)) {
        c->has_sp = 1;
        c->sp_first = spf;
        c->sp_last = spl;
        if (spf > sf + 1 && is_bound(d, spf - 1) && !dy_en_eq(d, spl, "who") &&
            short_after(d, v, end)) {
            /* tail frame: "S, X said." */
            c->c_first = sf;
            c->c_last = spf - 1;
            c->has_c = trim_content(d, &c->c_first, &c->c_last);
            return 1;
        }
        if (fl & CF_TAIL)
            return 0;
        if (v >= lw)
            return 1;  /* "X said." */
        c->c_first = v + 1;
        c->c_last = lw;
        if (fl & CF_OBJ) {
            for (uint32_t k = v + 1; k <= lw && k <= v + 8; k++)
                if (dy_en_eq(d, k, "that") || dy_en_punct_in(d, k, ":")) {
                    c->c_first = k;
                    break;
                }
        }
        c->has_c = trim_content(d, &c->c_first, &c->c_last);
        return 1;
    }
    /* inverted: "S," said X */
    if ((fl & CF_INV) && sl == v && v > sf && v < lw &&
        (dy_en_punct_in(d, v - 1, ",") || d->toks[v - 1].kind == DY_TOK_QUOTE) &&
        np_after(d, v, lw, &spf, &spl) &&
        (spl == lw || is_bound(d, spl + 1) || dy_en_in(d, spl + 1, inv_stops) >= 0)) {
        c->has_sp = 1;
        c->sp_first = spf;
        c->sp_last = spl;
        c->c_first = sf;
        c->c_last = v - 1;
        c->has_c = v > sf + 1 && trim_content(d, &c->c_first, &c->c_last);
        return 1;
    }
    return 0;
}

/* "according to X, S" / "S, according to X". */
static int according_frame(const dy_doc *d, uint32_t s, uint32_t sf, uint32_t end, uint32_t v,
                           cand *c)
{
    uint32_t lw = last_word(d, sf, end);
    uint32_t k = v + 2;
    memset(c, 0, sizeof *c);
    c->s = s;
    c->kind = DY_CK_ACCORDING;
    c->cue = v;
    c->cue_last = v + 1;
    if (k > lw)
        return 0;
    c->has_sp = 1;
    c->sp_first = k;
    while (k <= lw && (!is_bound(d, k) || d->toks[k].kind == DY_TOK_POSS) &&
           k - c->sp_first < NP_MAX && !(k > c->sp_first && dy_en_in(d, k, inv_stops) >= 0 &&
                                         !dy_en_eq(d, k, "of")))
        k++;
    if (k == c->sp_first)
        return 0;
    c->sp_last = k - 1;
    if (v == sf || (v == sf + 1 && is_bound(d, sf))) {
        c->c_first = k;
        c->c_last = lw;
        c->has_c = k < lw && trim_content(d, &c->c_first, &c->c_last);
    } else {
        c->c_first = sf;
        c->c_last = v - 1;
        c->has_c = v > sf && trim_content(d, &c->c_first, &c->c_last);
    }
    return 1;
}

/* Number of quote tokens in [f, l] (inclusive). */
static uint32_t quotes_in(const dy_doc *d, uint32_t f, uint32_t l)
{
    uint32_t n = 0;
    for (uint32_t k = f; k <= l; k++)
        n += d->toks[k].kind == DY_TOK_QUOTE;
    return n;
}

/* A content that opens a quote it does not close runs on to the closing
 * quote of a later sentence; one that closes a quote it did not open runs
 * back to the opening quote of an earlier sentence. */
static void stretch_quotes(const dy_doc *d, cand *c)
{
    const dy_sentence *se = &d->sents[c->s];
    uint32_t sf = se->tok_first, end = sf + se->tok_count;
    if (!c->has_c)
        return;
    if (c->c_first > c->cue_last) {
        /* head frame: the quote must be open at the end of the sentence */
        uint32_t q = quotes_in(d, c->cue_last + 1, end - 1);
        if (q % 2 == 0 || quotes_in(d, c->cue_last + 1, c->c_first) == 0)
            return;
        for (uint32_t s = c->s + 1; s < d->nsents && s <= c->s + QUOTE_SPAN; s++) {
            const dy_sentence *t = &d->sents[s];
            for (uint32_t k = t->tok_first; k < t->tok_first + t->tok_count; k++) {
                if (d->toks[k].kind != DY_TOK_QUOTE)
                    continue;
                c->c_last = k > t->tok_first ? k - 1 : k;
                while (c->c_last > t->tok_first && is_bound(d, c->c_last))
                    c->c_last--;
                return;
            }
        }
        return;
    }
    /* tail frame: a quote closed before the source but never opened */
    if (c->c_last < c->cue && c->c_first == sf + (d->toks[sf].kind == DY_TOK_QUOTE)) {
        uint32_t q = quotes_in(d, sf, c->has_sp ? c->sp_first - 1 : c->cue - 1);
        if (q != 1 || d->toks[sf].kind == DY_TOK_QUOTE)
            return;
        for (uint32_t s = c->s; s-- > 0 && s + QUOTE_SPAN >= c->s;) {
            const dy_sentence *t = &d->sents[s];
            for (uint32_t k = t->tok_first + t->tok_count; k-- > t->tok_first;) {
                if (d->toks[k].kind != DY_TOK_QUOTE)
                    continue;
                c->c_first = k + 1 < t->tok_first + t->tok_count ? k + 1 : k;
                return;
            }
        }
    }
}

/* Status of the content of c. */
static int content_status(const dy_doc *d, const cand *c)
{
    const dy_sentence *se = &d->sents[c->s];
    if (c->kind == DY_CK_DENY || c->disputed)
        return DY_ST_DISPUTED;
    if (c->kind == DY_CK_CONFIRM)
        return DY_ST_CONFIRMED;
    for (uint32_t k = se->tok_first; k < se->tok_first + se->tok_count; k++)
        if (dy_frame_word_is(d, k, DY_FRAME_UNVERIFIED))
            return DY_ST_UNVERIFIED;
    if (!c->has_c)
        return DY_ST_CLAIMED;
    for (uint32_t k = c->c_first; k <= c->c_last && k < c->c_first + 8; k++) {
        if (dy_en_punct_in(d, k, ",;:.") && k > c->c_first)
            break;
        if (dy_en_in(d, k, hyp_words) >= 0)
            return DY_ST_HYPOTHETICAL;
        if (dy_en_in(d, k, neg_words) >= 0)
            return DY_ST_NEGATED;
    }
    return DY_ST_CLAIMED;
}

/* Words that make a capitalised run a place or an institution, not a
 * person ("New York", "White House"). */
static const char *const not_person[] = {
    "house", "street", "york", "states", "department", "party", "times", "news", "post",
    "committee", "court", "senate", "congress", "university", "county", "city", "state",
    "america", "republicans", "democrats", "washington", "council", "union", "nations",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

/* Nearest run of 2 to 4 capitalised words before token t (a person's name,
 * most of the time): sets [*f, *l]. */
static int name_before(const dy_doc *d, uint32_t t, uint32_t *f, uint32_t *l)
{
    uint32_t lo = t > 400 ? t - 400 : 0;
    for (uint32_t k = t; k-- > lo;) {
        uint32_t b = k, bad = 0;
        if (!is_cap(d, k))
            continue;
        while (b > lo && is_cap(d, b - 1) && k - b < 4)
            b--;
        if (b < k && (d->toks[b].flags & DY_TF_SENT_START) && dy_en_in(d, b, opener_words) >= 0)
            b++;
        for (uint32_t j = b; j <= k; j++)
            bad |= dy_en_in(d, j, not_person) >= 0 || dy_en_in(d, j, pronouns) >= 0 ||
                    dy_en_in(d, j, opener_words) >= 0;
        if (k - b >= 1 && k - b <= 3 && !bad) {
            *f = b;
            *l = k;
            return 1;
        }
        k = b;
    }
    return 0;
}

static int is_name_source(const dy_doc *d, const dy_claim *c, uint32_t sp_last_tok)
{
    return c->source.len && is_cap(d, sp_last_tok) && dy_en_in(d, sp_last_tok, pronouns) < 0 &&
           !dy_en_eq(d, sp_last_tok, "i");
}

int dy_claims_find(const dy_doc *doc, const dy_enrich_ctx *ctx, dy_arena *a, dy_claim **out,
                   uint32_t *n)
{
    const dy_gazetteer *g = dy_enrich_gazetteer(ctx);
    cue_memo memo;
    vec found = { 0 };
    dy_claim *cl;
    uint32_t *last_tok;
    cand c;
    int rc;
    if (!doc || !a || !out || !n)
        return DY_EINVAL;
    *out = NULL;
    *n = 0;
    memset(memo.id, 0, sizeof memo.id); /* id 0 is never a token's */
    for (uint32_t s = 0; s < doc->nsents; s++) {
        const dy_sentence *se = &doc->sents[s];
        uint32_t sf = se->tok_first, end = sf + se->tok_count, from = found.n;
        for (uint32_t i = sf; i < end; i++) {
            int fl;
            if (doc->toks[i].kind != DY_TOK_WORD)
                continue;
            if (dy_en_eq(doc, i, "according") && i + 1 < end && dy_en_eq(doc, i + 1, "to")) {
                if (according_frame(doc, s, sf, end, i, &c) && (rc = push(a, &found, &c)) != 0)
                    return rc;
                i++;
                continue;
            }
            fl = cue_flags_memo(doc, i, &memo);
            if (fl < 0)
                continue;
            if (cue_frame(doc, s, sf, end, i, fl, &found, from, &c)) {
                if (fl & CF_DENY) {
                    /* "rejected the proposal": an attitude; "did not deny":
                     * no denial */
                    int neg = negated_cue(doc, sf, i);
                    if ((!relative_denial(doc, sf, &found, from, !neg, &c) &&
                         !denies_claim(doc, i, end)) || neg)
                        c.kind = DY_CK_REPORT;
                }
                /* "I said", "you know", "we think": a speaker inside a
                 * quote talking of themselves or their listener; the
                 * claim is the quote's */
                if (c.has_sp && c.sp_first == c.sp_last &&
                    (dy_en_eq(doc, c.sp_first, "i") || dy_en_eq(doc, c.sp_first, "you") ||
                     ((fl & CF_MIND) && dy_en_eq(doc, c.sp_first, "we"))))
                    continue;
                stretch_quotes(doc, &c);
                if ((rc = push(a, &found, &c)) != 0)
                    return rc;
            }
        }
        end_at_outer_content(doc, &found, from, end);
    }
    if (found.n == 0)
        return 0;
    cl = dy_arena_calloc(a, found.n, sizeof *cl);
    last_tok = dy_arena_calloc(a, found.n, sizeof *last_tok);
    if (!cl || !last_tok)
        return DY_ENOMEM;
    for (uint32_t k = 0; k < found.n; k++) {
        const cand *f = &found.v[k];
        dy_claim *o = &cl[k];
        o->sentence = f->s;
        o->index = k;
        o->kind = (uint8_t)f->kind;
        o->status = (uint8_t)content_status(doc, f);
        o->cue_off = doc->toks[f->cue].off;
        o->cue_len = doc->toks[f->cue_last].off + doc->toks[f->cue_last].len - o->cue_off;
        if (f->has_sp) {
            dy_frame_speaker(g, doc, f->s, f->cue, f->sp_first, f->sp_last, &o->source);
            if (!strcmp(o->source.code, DY_FRAME_UNKNOWN_SPEAKER))
                o->source.code[0] = '\0';
            /* keep the span as found (the speaker function drops "the") */
            o->source.off = doc->toks[f->sp_first].off;
            o->source.len = doc->toks[f->sp_last].off + doc->toks[f->sp_last].len - o->source.off;
            last_tok[k] = f->sp_last;
            if (f->sp_first == f->sp_last &&
                (dy_en_eq(doc, f->sp_first, "he") || dy_en_eq(doc, f->sp_first, "she"))) {
                uint32_t nf, nl;
                if (name_before(doc, f->sp_first, &nf, &nl)) {
                    o->resolved_off = doc->toks[nf].off;
                    o->resolved_len = doc->toks[nl].off + doc->toks[nl].len - o->resolved_off;
                }
                for (uint32_t j = k; j-- > 0;) {
                    if (!is_name_source(doc, &cl[j], last_tok[j]) ||
                        (o->resolved_len && cl[j].source.off < o->resolved_off))
                        continue;
                    o->resolved_off = cl[j].source.off;
                    o->resolved_len = cl[j].source.len;
                    if (!o->source.code[0] && cl[j].source.code[0]) {
                        memcpy(o->source.code, cl[j].source.code, sizeof o->source.code);
                        memcpy(o->source.country, cl[j].source.country, sizeof o->source.country);
                    }
                    break;
                }
            }
        }
        if (f->has_c) {
            uint32_t e;
            o->content_off = doc->toks[f->c_first].off;
            e = doc->toks[f->c_last].off + doc->toks[f->c_last].len;
            o->content_len = e > o->content_off ? e - o->content_off : 0;
        }
        if (o->content_len) {
            uint32_t m = 0;
            for (uint32_t j = 0; j < doc->nevents; j++) {
                const dy_event *ev = &doc->events[j];
                if (ev->verb_len && ev->verb_off >= o->content_off &&
                    ev->verb_off < o->content_off + o->content_len)
                    m++;
            }
            if (m) {
                o->events = dy_arena_alloc(a, m * sizeof *o->events);
                if (!o->events)
                    return DY_ENOMEM;
                for (uint32_t j = 0; j < doc->nevents; j++) {
                    const dy_event *ev = &doc->events[j];
                    if (ev->verb_len && ev->verb_off >= o->content_off &&
                        ev->verb_off < o->content_off + o->content_len)
                        o->events[o->nevents++] = j;
                }
            }
        }
    }
    *out = cl;
    *n = found.n;
    return 0;
}

uint32_t dy_claims_attribute(dy_doc *doc, const dy_claim *c, uint32_t n)
{
    uint32_t changed = 0;
    if (!doc || !c)
        return 0;
    for (uint32_t k = 0; k < n; k++) {
        const dy_claim *cl = &c[k];
        uint32_t last;
        if (!cl->content_len || !cl->source.len)
            continue;
        last = cl->content_off + cl->content_len;
        /* only contents that cross sentences: frame.c handles the rest */
        if (cl->content_off >= doc->sents[cl->sentence].start && last <= doc->sents[cl->sentence].end)
            continue;
        for (uint32_t j = 0; j < cl->nevents; j++) {
            dy_event *e = &doc->events[cl->events[j]];
            if (e->attribution.code[0] || e->sentence == cl->sentence)
                continue;
            e->attribution = cl->source;
            if (!e->attribution.code[0])
                memcpy(e->attribution.code, DY_FRAME_UNKNOWN_SPEAKER,
                       sizeof DY_FRAME_UNKNOWN_SPEAKER);
            if (e->status == DY_ST_ASSERTED)
                e->status = DY_ST_CLAIMED;
            changed++;
        }
    }
    return changed;
}

/* Original-text offset of norm offset o (as emit.c maps spans). */
static uint32_t orig(const dy_doc *doc, uint32_t o)
{
    if (!doc->text.map)
        return o;
    if (o > doc->text.norm_len)
        o = doc->text.norm_len;
    return doc->text.map[o];
}

static void put_text(dy_buf *b, const dy_doc *doc, uint32_t off, uint32_t len)
{
    uint32_t x = orig(doc, off), z = orig(doc, off + len);
    if (!len) {
        dy_buf_puts(b, "null");
        return;
    }
    if (z > doc->article->text_len)
        z = (uint32_t)doc->article->text_len;
    if (x > z)
        x = z;
    dy_buf_json_str(b, doc->article->text + x, z - x);
}

static void put_span(dy_buf *b, const dy_doc *doc, uint32_t off, uint32_t len)
{
    if (!len)
        dy_buf_puts(b, "null");
    else
        dy_buf_printf(b, "[%u,%u]", orig(doc, off), orig(doc, off + len));
}

void dy_claims_emit(dy_buf *b, const dy_doc *doc, const dy_claim *c, uint32_t n)
{
    const char *id = doc->article->id;
    for (uint32_t k = 0; k < n; k++) {
        const dy_claim *cl = &c[k];
        dy_buf_puts(b, "{\"claim_id\":\"");
        dy_buf_json_body(b, id, strlen(id));
        dy_buf_printf(b, ":c%u\",\"article_id\":", cl->index);
        dy_buf_json_str(b, id, strlen(id));
        dy_buf_printf(b, ",\"sentence_index\":%u,\"source\":", cl->sentence);
        if (cl->source.len) {
            dy_buf_puts(b, "{\"code\":");
            if (cl->source.code[0])
                dy_buf_json_str(b, cl->source.code, strlen(cl->source.code));
            else
                dy_buf_puts(b, "null");
            dy_buf_puts(b, ",\"country\":");
            if (cl->source.country[0])
                dy_buf_json_str(b, cl->source.country, strlen(cl->source.country));
            else
                dy_buf_puts(b, "null");
            dy_buf_puts(b, ",\"text\":");
            put_text(b, doc, cl->source.off, cl->source.len);
            dy_buf_puts(b, ",\"resolved\":");
            put_text(b, doc, cl->resolved_off, cl->resolved_len);
            dy_buf_putc(b, '}');
        } else {
            dy_buf_puts(b, "null");
        }
        dy_buf_puts(b, ",\"cue\":");
        put_text(b, doc, cl->cue_off, cl->cue_len);
        dy_buf_puts(b, ",\"content\":");
        put_text(b, doc, cl->content_off, cl->content_len);
        dy_buf_puts(b, ",\"spans\":{\"source\":");
        put_span(b, doc, cl->source.off, cl->source.len);
        dy_buf_puts(b, ",\"cue\":");
        put_span(b, doc, cl->cue_off, cl->cue_len);
        dy_buf_puts(b, ",\"content\":");
        put_span(b, doc, cl->content_off, cl->content_len);
        dy_buf_puts(b, "},\"status\":");
        dy_buf_json_str(b, dy_status_name(cl->status), strlen(dy_status_name(cl->status)));
        dy_buf_puts(b, ",\"events\":[");
        for (uint32_t j = 0; j < cl->nevents; j++) {
            const dy_event *e = &doc->events[cl->events[j]];
            if (j)
                dy_buf_putc(b, ',');
            dy_buf_putc(b, '"');
            dy_buf_json_body(b, id, strlen(id));
            dy_buf_printf(b, ":%u:%u\"", e->sentence, e->index);
        }
        dy_buf_puts(b, "]}\n");
    }
}

int dy_claims_emit_doc(dy_buf *b, const dy_enrich_ctx *ctx, const dy_doc *doc, dy_arena *a)
{
    dy_arena *own = NULL;
    dy_claim *c;
    uint32_t n;
    int rc;
    if (!b || !doc)
        return DY_EINVAL;
    if (!a) {
        own = dy_arena_new(1u << 16);
        if (!own)
            return DY_ENOMEM;
        a = own;
    }
    rc = dy_claims_find(doc, ctx, a, &c, &n);
    if (rc == 0)
        dy_claims_emit(b, doc, c, n);
    dy_arena_free(&own);
    return rc;
}
