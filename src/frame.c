/* frame.c — attribution (reporting frames and their speakers) and status
 * (claimed, unverified, disputed, confirmed, hypothetical, negated) of coded
 * events. The rules are documented in frame.h. One pass per sentence over
 * its tokens; frames live in a small fixed array on the stack. */
#include "frame.h"
#include <stdio.h>
#include <string.h>
#include "dyad.h"
#include "enrich_int.h"

#define MAX_FRAMES 16
#define MAX_SPEAKER 12

enum { FK_REPORT, FK_ACCORDING, FK_DENY, FK_CONFIRM, FK_UNVERIFIED };

typedef struct frame {
    int kind;
    uint32_t cue, cue_last;        /* the cue's tokens */
    uint32_t sp_first, sp_last;    /* speaker tokens (valid when has_sp) */
    uint32_t c_first, c_last;      /* content tokens (valid when has_c) */
    int has_sp, has_c;
} frame;

static const char *const report_verbs[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "reported", "reports",
    "reporting", "claimed", "claims", "claiming", "warned", "warns", "warning",
    "accused", "accuses", "accusing", "alleged", "alleges", "announced", "announces",
    "stated", "states", "added", "adds", "noted", "notes", "insisted", "insists",
    "argued", "argues", "asserted", "asserts", "acknowledged", "admitted", "suggested",
    "suggest", "suggests", "wrote", "writes", "tweeted", "quoted", "cited",
    "estimated", "estimates", "explained", "declared", "declares", "revealed",
    "indicated", "indicate", "indicates", "showed", "show", "shows", "informed", NULL
};
/* Pure reporting verbs: the act of saying is not an event of its own. */
static const char *const pure_report[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "reported", "reports",
    "reporting", "added", "adds", "stated", "states", "noted", "notes", "according",
    "quoted", "cited", "wrote", "writes", "tweeted", "explained", NULL
};
static const char *const deny_verbs[] = {
    "denied", "denies", "deny", "denying", "dismissed", "dismisses", "dismissing",
    "rejected", "rejects", "rejecting", "refuted", "refutes", "disputed", "disputes",
    "contested", "contests", NULL
};
static const char *const confirm_verbs[] = {
    "confirmed", "confirms", "confirming", "confirm", "verified", "corroborated", NULL
};
static const char *const verify_words[] = {
    "verified", "verify", "confirmed", "confirm", "corroborated", "corroborate", "verifiable",
    NULL
};
static const char *const verify_negs[] = {
    "not", "n't", "cannot", "unable", "difficult", "impossible", "hard", "no", "never", NULL
};
static const char *const unverified_words[] = {
    "unverified", "unconfirmed", "uncorroborated", "unsubstantiated", NULL
};
/* Between a speaker and its verb: "X has also said". */
static const char *const pre_verb_skip[] = {
    "has", "have", "had", "also", "was", "were", "is", "are", "later", "earlier",
    "previously", "repeatedly", "already", "publicly", "officially", "did", "does",
    "reportedly", "separately", "then", "again", "had", "further", NULL
};
/* Objects of "told" before its content: skipped up to "that". */
static const char *const told_like[] = {
    "told", "tells", "tell", "informed", "warned", "warns", "accused", "accuses", "assured",
    NULL
};
static const char *const hyp_modals[] = {
    "may", "might", "could", "would", "should", "if", "unless", "whether", "possibly",
    "perhaps", "potentially", NULL
};
static const char *const plan_verbs[] = {
    "plans", "plan", "planned", "planning", "intends", "intend", "intended", "intending",
    "threatened", "threatens", "threaten", "threatening", "vowed", "vows", "vow",
    "pledged", "pledges", "promised", "promises", "aims", "aim", "aiming", "wants",
    "want", "wanted", "seeks", "seek", "sought", "expected", "hopes", "hope", "hoped",
    "proposed", "proposes", "ready", "prepared", "preparing", "prepares", "set",
    "likely", "unlikely", "poised", "considering", "considers", "considered", "going",
    "scheduled", "due", NULL
};
static const char *const neg_words[] = {
    "not", "n't", "never", "no", "neither", "nor", "without", NULL
};
static const char *const neg_to_verbs[] = {
    "yet", "failed", "fails", "fail", "refused", "refuses", "refuse", "declined",
    "declines", NULL
};
static const char *const clause_stops[] = {
    "that", "and", "but", "or", "while", "after", "before", "because", "as", "when",
    "which", "who", "although", "though", "since", NULL
};
/* Nouns a back-referencing statement points with. */
static const char *const short_tail[] = {
    "on", "in", "at", "late", "earlier", "later", "yesterday", "today", "last", "this",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "a", "an", "the", "statement", "after", "during", "to", "reporters", "told", NULL
};

/* Metonyms that name a government or agency (dyad's own list). */
static const struct { const char *words; const char *code; const char *country; } metonyms[] = {
    { "kremlin", "RUSGOV", "RUS" }, { "pentagon", "USAMIL", "USA" },
    { "white house", "USAGOV", "USA" }, { "state department", "USAGOV", "USA" },
    { "downing street", "GBRGOV", "GBR" }, { "elysee", "FRAGOV", "FRA" },
    { "kcna", "PRKMED", "PRK" }, { "yonhap", "KORMED", "KOR" }, { "tass", "RUSMED", "RUS" },
    { "ria novosti", "RUSMED", "RUS" }, { "xinhua", "CHNMED", "CHN" },
    { "ukrinform", "UKRMED", "UKR" }, { "irna", "IRNMED", "IRN" }, { "sana", "SYRMED", "SYR" },
    { "idf", "ISRMIL", "ISR" }, { "nato", "NAT", "" }, { "united nations", "IGOUNO", "" },
    { "un", "IGOUNO", "" }, { "hamas", "PSEREB", "PSE" }, { "hezbollah", "LBNREB", "LBN" },
    { "taliban", "AFGREB", "AFG" },
};
/* Agent words composed onto a country named in the speaker span. */
static const struct { const char *word; const char *role; } agents[] = {
    { "military", "MIL" }, { "army", "MIL" }, { "forces", "MIL" }, { "troops", "MIL" },
    { "force", "MIL" }, { "defence", "MIL" }, { "defense", "MIL" }, { "navy", "MIL" }, { "staff", "MIL" },
    { "police", "COP" }, { "media", "MED" }, { "agency", "MED" }, { "television", "MED" },
    { "newspaper", "MED" }, { "tv", "MED" }, { "intelligence", "SPY" }, { "rebels", "REB" },
    { "insurgents", "REB" }, { "separatists", "REB" }, { "opposition", "OPP" },
    { "government", "GOV" }, { "ministry", "GOV" }, { "minister", "GOV" },
    { "officials", "GOV" }, { "official", "GOV" }, { "president", "GOV" },
    { "spokesman", "GOV" }, { "spokeswoman", "GOV" }, { "spokesperson", "GOV" },
    { "authorities", "GOV" }, { "cabinet", "GOV" }, { "embassy", "GOV" },
    { "leader", "GOV" }, { "parliament", "LEG" }, { "lawmakers", "LEG" },
    { "court", "JUD" }, { "prosecutors", "JUD" },
};

/* Nationality adjectives for speakers ("Ukrainian officials"). */
static const struct { const char *w; const char *cc; } demonyms[] = {
    { "ukrainian", "UKR" }, { "russian", "RUS" }, { "israeli", "ISR" },
    { "palestinian", "PSE" }, { "syrian", "SYR" }, { "iranian", "IRN" },
    { "american", "USA" }, { "chinese", "CHN" }, { "british", "GBR" }, { "french", "FRA" },
    { "german", "DEU" }, { "turkish", "TUR" }, { "iraqi", "IRQ" }, { "afghan", "AFG" },
    { "lebanese", "LBN" }, { "saudi", "SAU" }, { "egyptian", "EGY" }, { "japanese", "JPN" },
    { "indian", "IND" }, { "pakistani", "PAK" }, { "belarusian", "BLR" }, { "polish", "POL" },
    { "yemeni", "YEM" }, { "sudanese", "SDN" }, { "georgian", "GEO" }, { "libyan", "LBY" },
};

static const char *demonym_in(const dy_doc *d, uint32_t f, uint32_t l)
{
    for (uint32_t k = f; k <= l; k++) {
        if (dy_en_eq(d, k, "korean") && k > f)
            return dy_en_eq(d, k - 1, "north") ? "PRK" : dy_en_eq(d, k - 1, "south") ? "KOR" : NULL;
        for (size_t m = 0; m < sizeof demonyms / sizeof demonyms[0]; m++)
            if (dy_en_eq(d, k, demonyms[m].w))
                return demonyms[m].cc;
    }
    return NULL;
}

int dy_frame_is_reporting_only(const char *cameo, const char *verb, size_t n)
{
    char low[32];
    if (!verb || n == 0 || n >= sizeof low)
        return 0;
    if (cameo && cameo[0] && !(cameo[0] == '0' && cameo[1] == '1'))
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)dy_en_lc((unsigned char)verb[i]);
    low[n] = '\0';
    for (int k = 0; pure_report[k]; k++)
        if (strcmp(low, pure_report[k]) == 0)
            return 1;
    return 0;
}

static int is_boundary(const dy_doc *d, uint32_t i)
{
    return dy_en_punct_in(d, i, ",;:()\"[]") || d->toks[i].kind == DY_TOK_QUOTE ||
           d->toks[i].kind == DY_TOK_DASH;
}

/* Is the part of the sentence after v "short" (the end of a tail frame such
 * as "..., X said on Tuesday.")? */
static int short_after(const dy_doc *d, uint32_t v, uint32_t end)
{
    uint32_t n = 0;
    for (uint32_t i = v + 1; i < end; i++) {
        if (dy_en_eq(d, i, "that"))
            return 0;
        if (is_boundary(d, i) || dy_en_punct_in(d, i, ".!?"))
            continue;
        if (n == 0 && dy_en_in(d, i, short_tail) < 0 && !(d->toks[i].flags & DY_TF_CAP))
            return 0;
        n++;
    }
    return n <= 8;
}

/* Last token before the sentence's final punctuation and quotes. */
static uint32_t last_word(const dy_doc *d, uint32_t sf, uint32_t end)
{
    uint32_t e = end;
    while (e > sf + 1 && (dy_en_is_punct(d, e - 1)))
        e--;
    return e - 1;
}

/* Build the frame for cue v (kind) within sentence [sf, end). */
static int build_frame(const dy_doc *d, uint32_t sf, uint32_t end, uint32_t v, int kind, frame *f)
{
    uint32_t lw = last_word(d, sf, end);
    uint32_t b, sl;
    int has_b;
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->cue = f->cue_last = v;
    /* speaker end: skip auxiliaries and adverbs */
    sl = v;
    while (sl > sf && dy_en_in(d, sl - 1, pre_verb_skip) >= 0)
        sl--;
    /* speaker start: after the nearest boundary */
    b = sl;
    while (b > sf && !is_boundary(d, b - 1) && sl - b < MAX_SPEAKER + 1)
        b--;
    has_b = b > sf && is_boundary(d, b - 1);
    if (sl == b) {
        /* no speaker before: "..., said the ministry." or a participle */
        if (v > sf && is_boundary(d, v - 1) && v < lw && short_after(d, v, end) &&
            (kind == FK_REPORT)) {
            f->has_sp = 1;
            f->sp_first = v + 1;
            f->sp_last = lw;
            f->has_c = v >= sf + 2;
            f->c_first = sf;
            f->c_last = v - 1;
            while (f->has_c && f->c_last > sf && is_boundary(d, f->c_last))
                f->c_last--;
            return 1;
        }
        if (kind == FK_DENY || kind == FK_CONFIRM) {
            f->has_c = v < lw;
            f->c_first = v + 1;
            f->c_last = lw;
            if (f->has_c && dy_en_eq(d, f->c_first, "that") && f->c_first < lw)
                f->c_first++;
            return 1;
        }
        return 0;
    }
    if (sl - b > MAX_SPEAKER)
        return 0;
    f->has_sp = 1;
    f->sp_first = b;
    f->sp_last = sl - 1;
    if (has_b && b - 1 > sf && short_after(d, v, end)) {
        /* tail frame: "S, X said." / "\"S,\" X said." */
        f->has_c = 1;
        f->c_first = sf;
        f->c_last = b - 1;
        while (f->c_last > sf && is_boundary(d, f->c_last))
            f->c_last--;
        while (f->c_first < f->c_last && is_boundary(d, f->c_first))
            f->c_first++;
        return 1;
    }
    /* head frame: "X said (that) S", "X told Y (that) S" */
    if (v >= lw)
        return 1; /* "X said." — speaker but no content */
    f->has_c = 1;
    f->c_first = v + 1;
    f->c_last = lw;
    if (dy_en_in(d, v, told_like) >= 0) {
        for (uint32_t k = v + 1; k <= lw && k <= v + 7; k++) {
            if (dy_en_eq(d, k, "that")) {
                f->c_first = k;
                break;
            }
        }
    }
    while (f->c_first < f->c_last &&
           (dy_en_eq(d, f->c_first, "that") || is_boundary(d, f->c_first)))
        f->c_first++;
    return 1;
}

/* "according to X, S" / "S, according to X". */
static int build_according(const dy_doc *d, uint32_t sf, uint32_t end, uint32_t v, frame *f)
{
    uint32_t lw = last_word(d, sf, end);
    uint32_t k = v + 2;
    memset(f, 0, sizeof *f);
    f->kind = FK_ACCORDING;
    f->cue = v;
    f->cue_last = v + 1;
    if (k > lw)
        return 0;
    f->has_sp = 1;
    f->sp_first = k;
    while (k <= lw && !is_boundary(d, k) && k - f->sp_first < MAX_SPEAKER)
        k++;
    f->sp_last = k - 1;
    if (v == sf || (v == sf + 1 && is_boundary(d, sf))) {
        f->has_c = k < lw;
        f->c_first = k;
        while (f->c_first < lw && is_boundary(d, f->c_first))
            f->c_first++;
        f->c_last = lw;
    } else {
        f->has_c = v > sf;
        f->c_first = sf;
        f->c_last = v - 1;
        while (f->c_last > sf && is_boundary(d, f->c_last))
            f->c_last--;
    }
    return 1;
}

static uint32_t find_frames(const dy_doc *d, uint32_t s, frame *fr, uint32_t max)
{
    const dy_sentence *se = &d->sents[s];
    uint32_t sf = se->tok_first, end = sf + se->tok_count, n = 0;
    for (uint32_t i = sf; i < end && n < max; i++) {
        if (d->toks[i].kind != DY_TOK_WORD)
            continue;
        if (dy_en_eq(d, i, "according") && i + 1 < end && dy_en_eq(d, i + 1, "to")) {
            if (build_according(d, sf, end, i, &fr[n]))
                n++;
            i++;
            continue;
        }
        if (dy_en_in(d, i, unverified_words) >= 0) {
            memset(&fr[n], 0, sizeof fr[n]);
            fr[n].kind = FK_UNVERIFIED;
            fr[n].cue = fr[n].cue_last = i;
            n++;
            continue;
        }
        if (dy_en_in(d, i, verify_words) >= 0) {
            uint32_t lo = i >= sf + 3 ? i - 3 : sf, neg = UINT32_MAX;
            for (uint32_t k = lo; k < i; k++)
                if (dy_en_in(d, k, verify_negs) >= 0)
                    neg = k;
            if (neg != UINT32_MAX) {
                memset(&fr[n], 0, sizeof fr[n]);
                fr[n].kind = FK_UNVERIFIED;
                fr[n].cue = neg;
                /* "could not be independently verified": take in the modal */
                while (fr[n].cue > sf && (dy_en_in(d, fr[n].cue - 1, hyp_modals) >= 0 ||
                                          dy_en_eq(d, fr[n].cue - 1, "can") ||
                                          dy_en_eq(d, fr[n].cue - 1, "has") ||
                                          dy_en_eq(d, fr[n].cue - 1, "have") ||
                                          dy_en_eq(d, fr[n].cue - 1, "was") ||
                                          dy_en_eq(d, fr[n].cue - 1, "is")))
                    fr[n].cue--;
                fr[n].cue_last = i;
                n++;
                continue;
            }
        }
        if (dy_en_in(d, i, confirm_verbs) >= 0) {
            if (build_frame(d, sf, end, i, FK_CONFIRM, &fr[n]))
                n++;
            continue;
        }
        if (dy_en_in(d, i, deny_verbs) >= 0) {
            if (build_frame(d, sf, end, i, FK_DENY, &fr[n]))
                n++;
            continue;
        }
        if (dy_en_in(d, i, report_verbs) >= 0) {
            /* A capitalised cue word inside the sentence is part of a name
             * ("the United States", "Daily Reports"), not a verb. */
            if (i > sf && (d->toks[i].flags & DY_TF_CAP))
                continue;
            /* "reports from X suggest": "reports" as a noun at the start */
            if (build_frame(d, sf, end, i, FK_REPORT, &fr[n]))
                n++;
        }
    }
    return n;
}

static int overlaps(const dy_actor *a, uint32_t off, uint32_t end)
{
    return a->len && a->off < end && off < a->off + a->len;
}

static void set_code(dy_actor *dst, const char *code, const char *country)
{
    snprintf(dst->code, sizeof dst->code, "%s", code);
    snprintf(dst->country, sizeof dst->country, "%s", country ? country : "");
}

/* Fill attribution actor for speaker tokens [f, l] of sentence s. */
static void speaker_actor(const dy_gazetteer *g, const dy_doc *d, uint32_t s, uint32_t cue,
                          uint32_t f, uint32_t l, uint32_t ev_first, uint32_t ev_end,
                          dy_actor *out)
{
    uint32_t off = d->toks[f].off, end = d->toks[l].off + d->toks[l].len;
    const dy_actor *best = NULL;
    int best_rank = -1;
    const char *cc;
    memset(out, 0, sizeof *out);
    /* leading determiners are not part of the speaker's name */
    while (f < l && (dy_en_eq(d, f, "the") || dy_en_eq(d, f, "a") || dy_en_eq(d, f, "an")))
        f++;
    out->off = d->toks[f].off;
    out->len = end - out->off;
    off = out->off;
    for (uint32_t k = ev_first; k < ev_end; k++) {
        const dy_event *e = &d->events[k];
        int own = 0;
        if (e->sentence != s)
            continue;
        own = e->verb_len && e->verb_off == d->toks[cue].off;
        if (e->source.code[0] && overlaps(&e->source, off, end) && best_rank < 2 + own) {
            best = &e->source;
            best_rank = 2 + own;
        }
        if (e->target.code[0] && overlaps(&e->target, off, end) && best_rank < 1) {
            best = &e->target;
            best_rank = 1;
        }
    }
    if (best) {
        set_code(out, best->code, best->country);
        return;
    }
    for (size_t m = 0; m < sizeof metonyms / sizeof metonyms[0]; m++) {
        const char *w = metonyms[m].words;
        for (uint32_t k = f; k <= l; k++) {
            const char *sp = strchr(w, ' ');
            if (!sp) {
                if (dy_en_eq(d, k, w)) {
                    set_code(out, metonyms[m].code, metonyms[m].country);
                    return;
                }
            } else if (k < l) {
                char first[32];
                size_t n = (size_t)(sp - w);
                if (n < sizeof first) {
                    memcpy(first, w, n);
                    first[n] = '\0';
                    if (dy_en_eq(d, k, first) && dy_en_eq(d, k + 1, sp + 1)) {
                        set_code(out, metonyms[m].code, metonyms[m].country);
                        return;
                    }
                }
            }
        }
    }
    cc = dy_place_country_in(g, d, f, l);
    if (!cc)
        cc = demonym_in(d, f, l);
    if (cc) {
        char code[DY_CODE_MAX];
        const char *role = "";
        for (uint32_t k = f; k <= l && !role[0]; k++)
            for (size_t m = 0; m < sizeof agents / sizeof agents[0]; m++)
                if (dy_en_eq(d, k, agents[m].word)) {
                    role = agents[m].role;
                    break;
                }
        snprintf(code, sizeof code, "%s%s", cc, role);
        set_code(out, code, cc);
        return;
    }
    set_code(out, DY_FRAME_UNKNOWN_SPEAKER, "");
}

/* Local hedge of the event whose verb is token v: DY_ST_HYPOTHETICAL,
 * DY_ST_NEGATED or -1. Tokens in [lo_limit, v) are looked at; tokens inside
 * unverified cues are skipped. */
static int local_hedge(const dy_doc *d, uint32_t lo_limit, uint32_t v, const frame *fr,
                       uint32_t nfr)
{
    uint32_t lo = v >= lo_limit + 6 ? v - 6 : lo_limit;
    for (uint32_t i = v; i-- > lo;) {
        int masked = 0;
        for (uint32_t k = 0; k < nfr; k++)
            if (fr[k].kind == FK_UNVERIFIED && i >= fr[k].cue && i <= fr[k].cue_last)
                masked = 1;
        if (masked)
            continue;
        if (is_boundary(d, i))
            break;
        if (dy_en_eq(d, i, "to") && i > lo_limit) {
            /* "<plan|threat> [on Wednesday] to V", "has yet to V" */
            for (uint32_t p = i; p-- > lo_limit && p + 4 > i;) {
                if (is_boundary(d, p))
                    break;
                if (dy_en_in(d, p, neg_to_verbs) >= 0)
                    return DY_ST_NEGATED;
                if (dy_en_in(d, p, plan_verbs) >= 0)
                    return DY_ST_HYPOTHETICAL;
            }
            continue;
        }
        if (dy_en_in(d, i, neg_words) >= 0) {
            if (dy_en_eq(d, i, "no") && i + 1 < v && dy_en_eq(d, i + 1, "longer"))
                return DY_ST_NEGATED;
            if (dy_en_eq(d, i, "no"))
                continue; /* "no" before a noun, not a verb */
            return DY_ST_NEGATED;
        }
        if (dy_en_in(d, i, hyp_modals) >= 0)
            return DY_ST_HYPOTHETICAL;
        if (dy_en_in(d, i, clause_stops) >= 0)
            break;
    }
    return -1;
}

static int in_content(const frame *f, uint32_t v)
{
    return f->has_c && v >= f->c_first && v <= f->c_last;
}

/* Events before index ev_first belong to earlier sentences (coder order). */
static void apply_back(dy_doc *d, uint32_t ev_first, int status)
{
    int64_t target = -1, any = -1;
    for (uint32_t k = ev_first; k-- > 0;) {
        const dy_event *e = &d->events[k];
        if (any < 0)
            any = e->sentence;
        if (e->status == DY_ST_CLAIMED || e->status == DY_ST_UNVERIFIED) {
            target = e->sentence;
            break;
        }
    }
    if (target < 0)
        target = any;
    if (target < 0)
        return;
    for (uint32_t k = ev_first; k-- > 0 && d->events[k].sentence >= (uint32_t)target;) {
        dy_event *e = &d->events[k];
        if (e->sentence == (uint32_t)target && e->status != DY_ST_HYPOTHETICAL &&
            e->status != DY_ST_NEGATED)
            e->status = (uint8_t)status;
    }
}

static int kind_status(int kind)
{
    switch (kind) {
    case FK_DENY: return DY_ST_DISPUTED;
    case FK_CONFIRM: return DY_ST_CONFIRMED;
    case FK_UNVERIFIED: return DY_ST_UNVERIFIED;
    default: return DY_ST_CLAIMED;
    }
}

/* Could sentence s hold a frame that points back to earlier sentences
 * (FK_DENY, FK_CONFIRM, FK_UNVERIFIED: see find_frames)? A quick filter on
 * the first letters of those cue words, then the lists themselves. */
static int has_back_cue(const dy_doc *d, uint32_t s)
{
    const dy_sentence *se = &d->sents[s];
    uint32_t end = se->tok_first + se->tok_count;
    for (uint32_t i = se->tok_first; i < end; i++) {
        int c0;
        if (d->toks[i].kind != DY_TOK_WORD)
            continue;
        c0 = dy_en_lc((unsigned char)d->text.norm[d->toks[i].off]);
        if (c0 != 'u' && c0 != 'v' && c0 != 'c' && c0 != 'd' && c0 != 'r')
            continue;
        if (dy_en_in(d, i, unverified_words) >= 0 || dy_en_in(d, i, verify_words) >= 0 ||
            dy_en_in(d, i, confirm_verbs) >= 0 || dy_en_in(d, i, deny_verbs) >= 0)
            return 1;
    }
    return 0;
}

static void do_sentence(const dy_gazetteer *g, dy_doc *d, uint32_t s, uint32_t ev_first,
                        uint32_t ev_end)
{
    frame fr[MAX_FRAMES];
    const dy_sentence *se = &d->sents[s];
    uint32_t nfr;
    /* a sentence without events only matters through its back-references,
     * and those only when earlier sentences have events */
    if (ev_first == ev_end && (ev_first == 0 || !has_back_cue(d, s)))
        return;
    nfr = find_frames(d, s, fr, MAX_FRAMES);
    for (uint32_t k = ev_first; k < ev_end; k++) {
        dy_event *e = &d->events[k];
        uint32_t v = dy_en_verb_tok(d, e);
        const frame *inner = NULL, *attr = NULL;
        uint32_t lo_limit = se->tok_first;
        int st = DY_ST_ASSERTED, h;
        memset(&e->attribution, 0, sizeof e->attribution);
        for (uint32_t f = 0; f < nfr; f++) {
            if (!in_content(&fr[f], v))
                continue;
            if (!inner || fr[f].c_last - fr[f].c_first < inner->c_last - inner->c_first)
                inner = &fr[f];
            if ((fr[f].kind == FK_REPORT || fr[f].kind == FK_ACCORDING ||
                 fr[f].kind == FK_CONFIRM) && fr[f].has_sp &&
                (!attr || fr[f].c_last - fr[f].c_first < attr->c_last - attr->c_first))
                attr = &fr[f];
        }
        if (inner) {
            st = kind_status(inner->kind);
            if (inner->c_first > lo_limit && inner->c_first <= v)
                lo_limit = inner->c_first;
        }
        if (attr)
            speaker_actor(g, d, s, attr->cue, attr->sp_first, attr->sp_last, ev_first, ev_end,
                          &e->attribution);
        /* a sentence's own verification statement */
        for (uint32_t f = 0; f < nfr; f++)
            if (fr[f].kind == FK_UNVERIFIED && (v < fr[f].cue || v > fr[f].cue_last))
                st = DY_ST_UNVERIFIED;
        h = local_hedge(d, lo_limit, v, fr, nfr);
        if (h >= 0)
            st = h;
        e->status = (uint8_t)st;
    }
    /* statements that point back to earlier sentences */
    for (uint32_t f = 0; f < nfr; f++) {
        int local = 0;
        if (fr[f].kind != FK_DENY && fr[f].kind != FK_CONFIRM && fr[f].kind != FK_UNVERIFIED)
            continue;
        for (uint32_t k = ev_first; k < ev_end; k++) {
            uint32_t v = dy_en_verb_tok(d, &d->events[k]);
            if (v >= fr[f].cue && v <= fr[f].cue_last)
                continue; /* the statement's own event */
            if (fr[f].kind == FK_UNVERIFIED || in_content(&fr[f], v))
                local = 1;
        }
        if (!local)
            apply_back(d, ev_first, kind_status(fr[f].kind));
    }
}

int dy_frame_doc(const dy_gazetteer *g, dy_doc *doc, dy_arena *a)
{
    uint32_t k = 0;
    if (!doc)
        return DY_EINVAL;
    (void)a;
    /* events are grouped by sentence in coder order; sentences without
     * events still matter (back-references), so walk the sentences. */
    for (uint32_t s = 0; s < doc->nsents; s++) {
        uint32_t first = k;
        while (k < doc->nevents && doc->events[k].sentence < s)
            k++;
        first = k;
        while (k < doc->nevents && doc->events[k].sentence == s)
            k++;
        do_sentence(g, doc, s, first, k);
    }
    return 0;
}

void dy_frame_speaker(const dy_gazetteer *g, const dy_doc *doc, uint32_t s, uint32_t cue,
                      uint32_t first, uint32_t last, dy_actor *out)
{
    uint32_t lo = 0, hi;
    /* events are grouped by sentence in coder order */
    while (lo < doc->nevents && doc->events[lo].sentence < s)
        lo++;
    hi = lo;
    while (hi < doc->nevents && doc->events[hi].sentence == s)
        hi++;
    speaker_actor(g, doc, s, cue, first, last, lo, hi, out);
}

uint32_t dy_frame_drop_reporting(dy_doc *doc)
{
    uint32_t w = 0, removed = 0;
    if (!doc)
        return 0;
    for (uint32_t k = 0; k < doc->nevents; k++) {
        dy_event *e = &doc->events[k];
        int drop = 0;
        if (dy_frame_is_reporting_only(e->cameo, doc->text.norm + e->verb_off, e->verb_len)) {
            const dy_sentence *se = &doc->sents[e->sentence];
            uint32_t lo = k, hi = k + 1;
            while (lo > 0 && doc->events[lo - 1].sentence == e->sentence)
                lo--;
            while (hi < doc->nevents && doc->events[hi].sentence == e->sentence)
                hi++;
            for (uint32_t j = lo; j < hi && !drop; j++) {
                const dy_event *o = &doc->events[j];
                if (j == k || o->attribution.len == 0)
                    continue;
                if (o->attribution.off >= se->start && o->attribution.off < se->end &&
                    !(o->verb_off == e->verb_off && o->verb_len == e->verb_len))
                    drop = 1;
            }
        }
        if (drop) {
            removed++;
            continue;
        }
        if (w != k)
            doc->events[w] = *e;
        w++;
    }
    doc->nevents = w;
    if (removed) {
        uint32_t n = 0;
        for (uint32_t k = 0; k < doc->nevents; k++) {
            if (k > 0 && doc->events[k].sentence != doc->events[k - 1].sentence)
                n = 0;
            doc->events[k].index = n++;
        }
    }
    return removed;
}
