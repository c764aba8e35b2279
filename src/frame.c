/* frame.c — attribution (reporting frames and their speakers) and status
 * (claimed, unverified, disputed, confirmed, hypothetical, negated) of coded
 * events. The rules are documented in frame.h; two are detailed here: a
 * denial or confirmation that points back disputes or confirms only the
 * events it plausibly refers to — who denies or confirms what
 * (apply_reference) — and a speaker named by its role alone ("the
 * military", a coder code "---MIL") takes its country from the article
 * (context_country). One pass per sentence over its tokens; frames live in
 * a small fixed array on the stack. */
#include "frame.h"
#include <stdio.h>
#include <string.h>
#include "cameo.h"
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
    int obj, plural, rel, clause;  /* FK_DENY, FK_CONFIRM: what is denied or confirmed
                                    * (DO_*), see deny_object */
    int has_hold;                  /* whose claim ("his claims", "Moscow's") */
    uint32_t hold_first, hold_last;
    int has_obj;                   /* FK_CONFIRM: the object phrase ("the transfer") */
    uint32_t obj_first, obj_last;
} frame;

/* What a denial denies (deny_object): a claim or report (also "it", a
 * "that" clause, nothing: "Moscow denied."), an accusation, an act of the
 * denier ("denied involvement", "denied carrying out the strike"); DO_NOT:
 * no factual claim at all ("rejected the proposal", "dismissed the
 * minister", "denied entry to journalists"): not a denial. */
enum { DO_NOT = 0, DO_CLAIM, DO_ACCUSE, DO_ACT };

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
/* Deny verbs (with reject_verbs below: is_deny_verb). */
static const char *const deny_verbs[] = {
    "denied", "denies", "deny", "denying", "refuted", "refutes", NULL
};
/* Deny verbs that deny a claim only when their object is one (a claim
 * noun, a pronoun, a clause): otherwise they reject a policy or a person. */
static const char *const reject_verbs[] = {
    "dismissed", "dismisses", "dismissing", "rejected", "rejects", "rejecting", "disputed",
    "disputes", "contested", "contests", NULL
};
/* Nouns of what can be true or false; a final "s" makes them plural. */
static const char *const claim_nouns[] = {
    "claim", "claims", "report", "reports", "reporting", "statement", "statements",
    "account", "accounts", "story", "stories", "assertion", "assertions", "suggestion",
    "suggestions", "rumour", "rumours", "rumor", "rumors", "figure", "figures", "numbers",
    "toll", "estimate", "estimates", "version", "narrative", "notion", "speculation",
    "assessment", "findings", "conclusion", "conclusions", "characterization",
    "characterisation", "description", "portrayal", "contention", "information", "news",
    "remarks", "comments", "word", "words", NULL
};
static const char *const accuse_nouns[] = {
    "accusation", "accusations", "allegation", "allegations", "charge", "charges",
    "insinuation", "insinuations", "blame", "criticism", "criticisms", "critique", "critiques",
    NULL
};
/* What the denier is said to have done. */
static const char *const act_nouns[] = {
    "involvement", "responsibility", "role", "wrongdoing", "guilt", "complicity",
    "participation", "links", "ties", "presence", "knowledge", NULL
};
/* What can be refused rather than denied as false: "denied entry". */
static const char *const grant_nouns[] = {
    "entry", "access", "visa", "visas", "bail", "permission", "request", "requests",
    "application", "applications", "asylum", "passage", "permit", "permits", "licence",
    "license", "approval", "appeal", "appeals", "right", "rights", "admission",
    "citizenship", "clearance", "funding", "service", "services", "treatment", NULL
};
/* Between a deny verb and its object (and "that": is_deny_skip). */
static const char *const deny_skip[] = {
    "the", "a", "an", "any", "all", "such", "its", "his", "her", "their", "our", "my",
    "your", "these", "those", "this", "both", "again", "strongly", "flatly",
    "categorically", "firmly", "vehemently", "publicly", "repeatedly", "also", "on",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "earlier", "later", "previously", "swiftly", "quickly", "outright", NULL
};
/* Before a deny word used as a noun: "the disputes", "their contests". */
static const char *const noun_dets[] = {
    "the", "a", "an", "these", "those", "their", "its", "his", "her", "our", "my", "your",
    "any", "all", "such", "no", "many", "several", "two", "three", "territorial", "legal",
    "border", NULL
};
/* After "contests" or "disputes" used as a noun. */
static const char *const noun_followers[] = {
    "over", "with", "between", "in", "on", "of", "and", "or", "for", "at", "to", "are",
    "were", "have", "had", "about", "among", NULL
};
/* Report cues that make their content an accusation. */
static const char *const accuse_cues[] = {
    "accused", "accuses", "accusing", "alleged", "alleges", NULL
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
    { "qatari", "QAT" }, { "emirati", "ARE" }, { "jordanian", "JOR" }, { "kuwaiti", "KWT" },
    { "bahraini", "BHR" }, { "omani", "OMN" }, { "ethiopian", "ETH" }, { "somali", "SOM" },
    { "nigerian", "NGA" }, { "kenyan", "KEN" }, { "venezuelan", "VEN" }, { "cuban", "CUB" },
    { "mexican", "MEX" }, { "colombian", "COL" }, { "brazilian", "BRA" }, { "canadian", "CAN" },
    { "australian", "AUS" }, { "italian", "ITA" }, { "spanish", "ESP" }, { "hungarian", "HUN" },
    { "armenian", "ARM" }, { "azerbaijani", "AZE" }, { "taiwanese", "TWN" }, { "filipino", "PHL" },
    { "vietnamese", "VNM" }, { "thai", "THA" }, { "moldovan", "MDA" }, { "serbian", "SRB" },
    { "greek", "GRC" }, { "dutch", "NLD" }, { "swedish", "SWE" }, { "finnish", "FIN" },
    { "norwegian", "NOR" }, { "danish", "DNK" }, { "romanian", "ROU" }, { "lithuanian", "LTU" },
    { "latvian", "LVA" }, { "estonian", "EST" }, { "malian", "MLI" }, { "congolese", "COD" },
};

static int is_deny_verb(const dy_doc *d, uint32_t i)
{
    return dy_en_in(d, i, deny_verbs) >= 0 || dy_en_in(d, i, reject_verbs) >= 0;
}

static int is_deny_skip(const dy_doc *d, uint32_t i)
{
    return dy_en_in(d, i, deny_skip) >= 0 || dy_en_eq(d, i, "that");
}

int dy_frame_word_is(const dy_doc *doc, uint32_t i, int w)
{
    static const char *const *const lists[] = {
        [DY_FRAME_CLAIM_NOUN] = claim_nouns, [DY_FRAME_ACCUSE_NOUN] = accuse_nouns,
        [DY_FRAME_ACT_NOUN] = act_nouns, [DY_FRAME_GRANT_NOUN] = grant_nouns,
        [DY_FRAME_REJECT_VERB] = reject_verbs, [DY_FRAME_OBJECT_SKIP] = deny_skip,
        [DY_FRAME_UNVERIFIED] = unverified_words,
    };
    if (w == DY_FRAME_TRUTH_NOUN)
        return dy_en_in(doc, i, claim_nouns) >= 0 || dy_en_in(doc, i, accuse_nouns) >= 0;
    if (w < 0 || (size_t)w >= sizeof lists / sizeof lists[0] || !lists[w])
        return 0;
    return dy_en_in(doc, i, lists[w]) >= 0;
}

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

static int noun_class(const dy_doc *d, uint32_t k)
{
    if (dy_en_in(d, k, claim_nouns) >= 0)
        return DO_CLAIM;
    if (dy_en_in(d, k, accuse_nouns) >= 0)
        return DO_ACCUSE;
    return DO_NOT;
}

static int ends_in_s(const dy_doc *d, uint32_t k)
{
    const dy_token *t = &d->toks[k];
    return t->len > 1 && dy_en_lc((unsigned char)d->text.norm[t->off + t->len - 1]) == 's' &&
           !dy_en_eq(d, k, "news");
}

static int is_be(const dy_doc *d, uint32_t k)
{
    return dy_en_eq(d, k, "was") || dy_en_eq(d, k, "were") || dy_en_eq(d, k, "is") ||
           dy_en_eq(d, k, "are") || dy_en_eq(d, k, "been") || dy_en_eq(d, k, "be");
}

static const char *const poss_pronouns[] = { "his", "her", "their", "its", NULL };

/* A possessor right before the claim noun at k ("his claims", "Moscow's
 * account"): sets f->hold_first/hold_last (a pronoun or the named phrase
 * before 's). */
static void note_holder(const dy_doc *d, uint32_t lo, uint32_t k, frame *f)
{
    uint32_t j = k;
    while (j > lo && !is_boundary(d, j - 1) && k - j < 4) {
        j--;
        if (dy_en_in(d, j, poss_pronouns) >= 0) {
            f->has_hold = 1;
            f->hold_first = f->hold_last = j;
            return;
        }
        if (d->toks[j].kind == DY_TOK_POSS && j > lo) {
            uint32_t b = j - 1;
            while (b > lo && (d->toks[b - 1].flags & DY_TF_CAP) && j - b < 4)
                b--;
            f->has_hold = 1;
            f->hold_first = b;
            f->hold_last = j - 1;
            return;
        }
    }
}

/* Fill f->obj, plural, clause and the holder from the words after deny cue
 * v: "denied the claim", "dismissed the reports" (claims), "denied the
 * accusation", "denied involvement", "denied carrying out" (acts), "denied
 * that S", "it", nothing ("Moscow denied."); any other object: an act for
 * deny/refute ("denied the attack"), no denial for reject/dismiss/dispute
 * ("rejected the proposal"). plural: "the claims", "them"; clause: the
 * object is a clause of its own ("denied that S", "dismissed reports that
 * S") or a claim not told before ("denied a report about X"), so the denial
 * is about that only. */
static void deny_object(const dy_doc *d, uint32_t v, uint32_t end, frame *f)
{
    int reject = dy_en_in(d, v, reject_verbs) >= 0, words = 0;
    f->plural = f->clause = 0;
    for (uint32_t k = v + 1; k < end && k <= v + 6; k++) {
        int c, next_end;
        if (is_boundary(d, k) || dy_en_punct_in(d, k, ".!?"))
            break;
        if ((c = noun_class(d, k)) != DO_NOT) {
            f->plural = ends_in_s(d, k);
            /* "reports that S"; "a report about X" is a new one, not one
             * told before */
            f->clause = k + 1 < end && dy_en_eq(d, k + 1, "that");
            for (uint32_t j = v + 1; j < k; j++)
                f->clause |= dy_en_eq(d, j, "a") || dy_en_eq(d, j, "an");
            note_holder(d, v + 1, k, f);
            f->obj = c;
            return;
        }
        if (dy_en_in(d, k, grant_nouns) >= 0) {
            f->obj = DO_NOT;
            return;
        }
        if (dy_en_in(d, k, act_nouns) >= 0) {
            f->obj = DO_ACT;
            return;
        }
        next_end = k + 1 >= end || is_boundary(d, k + 1) || dy_en_punct_in(d, k + 1, ".!?");
        if (dy_en_eq(d, k, "that") && !(k + 1 < end && noun_class(d, k + 1) != DO_NOT)) {
            f->clause = 1; /* "denied that S" */
            f->obj = DO_CLAIM;
            return;
        }
        if (dy_en_eq(d, k, "it") || dy_en_eq(d, k, "them") ||
            (next_end && (dy_en_eq(d, k, "this") || dy_en_eq(d, k, "these") ||
                          dy_en_eq(d, k, "those") || dy_en_eq(d, k, "both")))) {
            f->plural = !dy_en_eq(d, k, "it") && !dy_en_eq(d, k, "this");
            f->obj = DO_CLAIM;
            return;
        }
        if (is_deny_skip(d, k))
            continue;
        if (!words && d->toks[k].len > 4 && !memcmp(dy_en_tp(d, k) + d->toks[k].len - 3, "ing", 3)) {
            f->obj = reject ? DO_NOT : DO_ACT; /* "denied carrying out the raid" */
            return;
        }
        words++;
    }
    f->obj = !words ? DO_CLAIM : reject ? DO_NOT : DO_ACT;
}

/* Words that open a new clause after a comma: the denial's content ends
 * before them ("denied any links, but critics ...", "rejected the idea
 * that S, saying ..."). */
static const char *const clause_openers[] = {
    "but", "while", "although", "though", "whereas", "yet", "and", "which", "saying",
    "adding", "calling", "insisting", "arguing", "noting", "claiming", "describing", NULL
};

/* Fill obj, plural, rel, clause and holder of deny frame f in sentence
 * [sf, end), fix its speaker and end its content at a new clause; 0 when the
 * cue denies no claim. Shapes:
 *  - a noun ("the disputes", "the March 1 contests", "regional contests,
 *    ...", "disputes over land") or a negated cue ("did
 *    not deny", "cannot be denied", "refused to deny") is no denial;
 *  - relative: ", a claim Kyiv dismissed", ", allegations Moscow denies",
 *    ", which Moscow denied": the speaker is what follows the noun, the
 *    object is the noun (which: a claim), and what is denied is said
 *    earlier in the same sentence (rel = 1, no content);
 *  - passive: "the claims were denied by the Kremlin": the object is the
 *    subject, the denier follows "by" (else unknown);
 *  - active: the words after the cue (deny_object). */
static int classify_denial(const dy_doc *d, uint32_t sf, uint32_t end, frame *f)
{
    uint32_t v = f->cue, k;
    int passive = v > sf && is_be(d, v - 1);
    if (v > sf && (d->toks[v - 1].kind == DY_TOK_NUM || d->toks[v - 1].kind == DY_TOK_POSS ||
                   dy_en_in(d, v - 1, noun_dets) >= 0))
        return 0;
    if ((dy_en_eq(d, v, "contests") || dy_en_eq(d, v, "disputes")) &&
        (v + 1 >= end || is_boundary(d, v + 1) || dy_en_in(d, v + 1, noun_followers) >= 0))
        return 0; /* "the regional contests, ...", "disputes over land" */
    for (k = v; k-- > sf && k + 4 > v && !is_boundary(d, k);)
        if (dy_en_in(d, k, verify_negs) >= 0 || dy_en_eq(d, k, "cannot") ||
            dy_en_in(d, k, neg_to_verbs) >= 0)
            return 0;
    deny_object(d, v, end, f);
    if (f->has_c) {
        for (k = f->c_first; k < f->c_last; k++)
            if ((dy_en_punct_in(d, k, ",;") || d->toks[k].kind == DY_TOK_DASH) &&
                (dy_en_punct_in(d, k, ";") || dy_en_in(d, k + 1, clause_openers) >= 0)) {
                f->c_last = k > f->c_first ? k - 1 : k;
                break;
            }
    }
    if (!f->has_sp)
        return f->obj != DO_NOT;
    k = f->sp_first;
    if (passive) {
        int c = DO_NOT;
        for (k = v + 1; k < end && k <= v + 3; k++)
            if (dy_en_in(d, k, grant_nouns) >= 0)
                return 0; /* "he was denied entry" */
        f->has_hold = 0;
        for (k = f->sp_first; k <= f->sp_last && c == DO_NOT; k++)
            if ((c = noun_class(d, k)) != DO_NOT) {
                f->plural = ends_in_s(d, k);
                note_holder(d, f->sp_first, k, f);
            }
        if (c == DO_NOT)
            c = dy_en_in(d, v, reject_verbs) >= 0 ? DO_NOT : DO_ACT;
        f->obj = c;
        f->has_sp = f->has_c = f->clause = 0;
        if (v + 2 < end && dy_en_eq(d, v + 1, "by") && !is_boundary(d, v + 2)) {
            f->has_sp = 1;
            f->sp_first = f->sp_last = v + 2;
            while (f->sp_last + 1 < end && !is_boundary(d, f->sp_last + 1) &&
                   !dy_en_punct_in(d, f->sp_last + 1, ".!?") && f->sp_last - v < MAX_SPEAKER)
                f->sp_last++;
        }
        return f->obj != DO_NOT;
    }
    if (dy_en_eq(d, k, "which") && k < f->sp_last) {
        f->rel = 1;
        f->obj = DO_CLAIM;
        f->plural = 0;
        f->sp_first = k + 1;
    } else {
        while (k < f->sp_last && is_deny_skip(d, k))
            k++;
        if (k < f->sp_last && noun_class(d, k) != DO_NOT && d->toks[k + 1].kind != DY_TOK_POSS) {
            f->rel = 1;
            f->obj = noun_class(d, k);
            f->plural = ends_in_s(d, k);
            f->has_hold = 0;
            note_holder(d, f->sp_first, k, f);
            k++;
            if (k < f->sp_last && (dy_en_eq(d, k, "that") || dy_en_eq(d, k, "which")))
                k++;
            f->sp_first = k;
        }
    }
    if (f->rel)
        f->has_c = f->clause = 0;
    return f->obj != DO_NOT;
}

/* Words that end a confirmation's object phrase: "the transfer of
 * troops", "the strike on the depot". */
static const char *const object_stops[] = {
    "of", "in", "on", "at", "by", "from", "to", "with", "for", "near", "against", "after",
    "before", "during", "that", "which", "who", "and", "but", "as", "into", "over", NULL
};

/* Fill the object and confirmer of confirm frame f in sentence [sf, end)
 * as classify_denial does for denials (the same shapes: "confirmed the
 * reports", "confirmed it", "confirmed that S", passive "was confirmed by
 * X", relative ", which X confirmed"; "the confirmed cases" and
 * "declined to confirm" confirm nothing), plus the object phrase
 * (obj_first..obj_last): the words after the cue up to a preposition
 * ("confirmed the transfer of troops": "transfer"), or the subject of a
 * passive ("the transfer was confirmed"). A hedged cue ("if the test is
 * confirmed", "would confirm", "will confirm") confirms nothing. 0 when
 * the cue confirms nothing. */
static int classify_confirmation(const dy_doc *d, uint32_t sf, uint32_t end, frame *f)
{
    uint32_t v = f->cue, first, last;
    for (uint32_t k = v; k-- > sf && k + 5 > v && !is_boundary(d, k);)
        if (dy_en_in(d, k, hyp_modals) >= 0 || dy_en_eq(d, k, "will"))
            return 0;
    if (v > sf && is_be(d, v - 1)) {
        f->has_obj = f->has_sp;
        f->obj_first = f->sp_first;
        f->obj_last = f->sp_last;
    } else {
        first = v + 1;
        while (first < end && is_deny_skip(d, first))
            first++;
        last = first;
        while (last < end && last < first + 5 &&
               (d->toks[last].kind == DY_TOK_WORD || d->toks[last].kind == DY_TOK_POSS ||
                d->toks[last].kind == DY_TOK_NUM) &&
               dy_en_in(d, last, object_stops) < 0)
            last++;
        f->has_obj = last > first;
        f->obj_first = first;
        f->obj_last = last - 1;
    }
    return classify_denial(d, sf, end, f);
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
            if (build_frame(d, sf, end, i, FK_CONFIRM, &fr[n]) &&
                classify_confirmation(d, sf, end, &fr[n]))
                n++;
            continue;
        }
        if (is_deny_verb(d, i)) {
            if (build_frame(d, sf, end, i, FK_DENY, &fr[n]) && classify_denial(d, sf, end, &fr[n]))
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

/* National capitals that stand for their government ("Moscow denied",
 * "Kyiv dismissed the claim"): read after the gazetteer's countries and the
 * demonyms, so "Russia's embassy in Washington" stays Russian. */
static const struct { const char *w; const char *cc; } capitals[] = {
    { "moscow", "RUS" }, { "kyiv", "UKR" }, { "kiev", "UKR" }, { "beijing", "CHN" },
    { "washington", "USA" }, { "tehran", "IRN" }, { "seoul", "KOR" }, { "pyongyang", "PRK" },
    { "tokyo", "JPN" }, { "london", "GBR" }, { "paris", "FRA" }, { "berlin", "DEU" },
    { "ankara", "TUR" }, { "damascus", "SYR" }, { "baghdad", "IRQ" }, { "cairo", "EGY" },
    { "riyadh", "SAU" }, { "taipei", "TWN" }, { "minsk", "BLR" }, { "warsaw", "POL" },
    { "tbilisi", "GEO" }, { "islamabad", "PAK" }, { "kabul", "AFG" }, { "caracas", "VEN" },
    { "havana", "CUB" }, { "beirut", "LBN" }, { "amman", "JOR" }, { "doha", "QAT" },
    { "khartoum", "SDN" }, { "sanaa", "YEM" }, { "rome", "ITA" }, { "madrid", "ESP" },
    { "ottawa", "CAN" }, { "canberra", "AUS" }, { "budapest", "HUN" }, { "yerevan", "ARM" },
    { "baku", "AZE" },
};

static const char *capital_in(const dy_doc *d, uint32_t f, uint32_t l)
{
    for (uint32_t k = f; k <= l; k++) {
        if (dy_en_eq(d, k, "delhi") && k > f && dy_en_eq(d, k - 1, "new"))
            return "IND";
        for (size_t m = 0; m < sizeof capitals / sizeof capitals[0]; m++)
            if (dy_en_eq(d, k, capitals[m].w))
                return capitals[m].cc;
    }
    return NULL;
}

/* Role of the first agent word of tokens [f, l] ("" when none). */
static const char *agent_role(const dy_doc *d, uint32_t f, uint32_t l)
{
    for (uint32_t k = f; k <= l; k++)
        for (size_t m = 0; m < sizeof agents / sizeof agents[0]; m++)
            if (dy_en_eq(d, k, agents[m].word))
                return agents[m].role;
    return "";
}

/* The code of a speaker phrase [f, l] from its words alone: a metonym, else
 * a country (gazetteer, demonym, capital) composed with an agent word (a
 * capital alone is its government). Writes the code and country to out
 * and returns 1, or returns 0 with *role set to the agent word's role ("" =
 * none) when no country is named. */
static int phrase_code(const dy_gazetteer *g, const dy_doc *d, uint32_t f, uint32_t l,
                       dy_actor *out, const char **role)
{
    const char *cc;
    char code[DY_CODE_MAX];
    *role = agent_role(d, f, l);
    for (size_t m = 0; m < sizeof metonyms / sizeof metonyms[0]; m++) {
        const char *w = metonyms[m].words;
        const char *sp = strchr(w, ' ');
        for (uint32_t k = f; k <= l; k++) {
            if (!sp) {
                if (dy_en_eq(d, k, w)) {
                    set_code(out, metonyms[m].code, metonyms[m].country);
                    return 1;
                }
            } else if (k < l) {
                char first[32];
                size_t n = (size_t)(sp - w);
                if (n < sizeof first) {
                    memcpy(first, w, n);
                    first[n] = '\0';
                    if (dy_en_eq(d, k, first) && dy_en_eq(d, k + 1, sp + 1)) {
                        set_code(out, metonyms[m].code, metonyms[m].country);
                        return 1;
                    }
                }
            }
        }
    }
    cc = dy_place_country_in(g, d, f, l);
    if (!cc)
        cc = demonym_in(d, f, l);
    if (!cc && (cc = capital_in(d, f, l)) != NULL && !(*role)[0]) {
        /* the capital alone is its government; "reports from Kyiv" are
         * nobody's in particular */
        if (f == l || (f + 1 == l && dy_en_eq(d, f, "new")))
            *role = "GOV";
        else
            cc = NULL;
    }
    if (!cc)
        return 0;
    snprintf(code, sizeof code, "%s%s", cc, *role);
    set_code(out, code, cc);
    return 1;
}

/* Speaker context: how many earlier sentences are searched for a speaker
 * of the same role whose country is named. */
#define CTX_SENTS 12
#define CTX_PHRASE 6

/* The country of a speaker named without one ("the military", "the Joint
 * Chiefs of Staff", "officials") whose role is known, from the article:
 *  1. the nearest speaker of an earlier sentence (up to CTX_SENTS back) with
 *     the same role and a named country: "South Korea's military said ...
 *     The military said ..." (participants of reported events are not
 *     speakers: "North Korean troops detonated" does not count);
 *  2. else the only country among the coded actors and attributions of the
 *     article up to this sentence, as the coder's AGENT COUNTRY does;
 *  3. else none. Writes cc (4 bytes) and returns 1, or returns 0. */
static int context_country(const dy_gazetteer *g, const dy_doc *d, uint32_t s, const char *role,
                           char cc[4])
{
    const char *only = NULL;
    for (uint32_t t = s; t-- > 0 && t + CTX_SENTS >= s;) {
        const dy_sentence *se = &d->sents[t];
        uint32_t sf = se->tok_first, end = sf + se->tok_count;
        for (uint32_t i = end; i-- > sf;) {
            uint32_t b, l;
            dy_actor a;
            const char *r;
            if (d->toks[i].kind != DY_TOK_WORD)
                continue;
            if (dy_en_eq(d, i, "according") && i + 1 < end && dy_en_eq(d, i + 1, "to")) {
                b = l = i + 2;
                while (l + 1 < end && !is_boundary(d, l + 1) && l + 1 - b < CTX_PHRASE &&
                       !dy_en_punct_in(d, l + 1, ".!?"))
                    l++;
                if (b >= end || is_boundary(d, b))
                    continue;
            } else if ((dy_en_in(d, i, report_verbs) >= 0 || is_deny_verb(d, i) ||
                        dy_en_in(d, i, confirm_verbs) >= 0) &&
                       !(i > sf && (d->toks[i].flags & DY_TF_CAP))) {
                l = i;
                while (l > sf && dy_en_in(d, l - 1, pre_verb_skip) >= 0)
                    l--;
                if (l > sf && !is_boundary(d, l - 1)) {
                    b = --l;
                    while (b > sf && !is_boundary(d, b - 1) && l - b + 1 < CTX_PHRASE)
                        b--;
                } else if (i + 1 < end && !is_boundary(d, i + 1)) {
                    /* inverted: "..., said the ministry" */
                    b = l = i + 1;
                    while (l + 1 < end && !is_boundary(d, l + 1) && l + 1 - b < CTX_PHRASE &&
                           !dy_en_punct_in(d, l + 1, ".!?"))
                        l++;
                } else {
                    continue;
                }
            } else {
                continue;
            }
            memset(&a, 0, sizeof a);
            if (phrase_code(g, d, b, l, &a, &r) && a.country[0] && !strcmp(r, role)) {
                memcpy(cc, a.country, 4);
                return 1;
            }
        }
    }
    for (uint32_t k = 0; k < d->nevents && d->events[k].sentence <= s; k++) {
        const dy_event *e = &d->events[k];
        const dy_actor *side[3] = { &e->source, &e->target, &e->attribution };
        for (int j = 0; j < 3; j++) {
            if (!side[j]->country[0] || !dy_cameo_country_name(side[j]->country))
                continue;
            if (!only)
                only = side[j]->country;
            else if (strcmp(only, side[j]->country) != 0)
                return 0;
        }
    }
    if (!only)
        return 0;
    memcpy(cc, only, 4);
    return 1;
}

/* Fill attribution actor for speaker tokens [f, l] of sentence s: a coder
 * actor in the span (the cue's own event first), else phrase_code(), else,
 * for a role named without a country ("the military", or a coder code
 * "---MIL"), the country from context_country(); else
 * DY_FRAME_UNKNOWN_SPEAKER (or the coder's "---ROLE" code). */
static void speaker_actor(const dy_gazetteer *g, const dy_doc *d, uint32_t s, uint32_t cue,
                          uint32_t f, uint32_t l, uint32_t ev_first, uint32_t ev_end,
                          dy_actor *out)
{
    uint32_t off = d->toks[f].off, end = d->toks[l].off + d->toks[l].len;
    const dy_actor *best = NULL;
    int best_rank = -1;
    const char *role = "";
    char cc[4], code[DY_CODE_MAX];
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
    if (best && strncmp(best->code, DY_FRAME_UNKNOWN_SPEAKER, 3) != 0) {
        set_code(out, best->code, best->country);
        return;
    }
    if (best) {
        /* the coder's agent without a country: "---MIL" */
        role = best->code + 3;
    } else if (phrase_code(g, d, f, l, out, &role)) {
        return;
    }
    if (role[0] && context_country(g, d, s, role, cc)) {
        snprintf(code, sizeof code, "%s%s", cc, role);
        set_code(out, code, cc);
        return;
    }
    set_code(out, best ? best->code : DY_FRAME_UNKNOWN_SPEAKER, "");
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

/* A verification statement that points back ("These reports remain
 * unverified"): status for the events of the nearest earlier sentence with
 * a claimed or unverified event, else of the nearest earlier sentence with
 * events (hypothetical and negated events keep theirs). Events before
 * index ev_first belong to earlier sentences (coder order). */
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

/* Does the actor's code name a side (a country or an organisation), not
 * only a role ("---GOV") or nothing? */
static int known_actor(const dy_actor *a)
{
    return a->code[0] && a->code[0] != '-';
}

/* Roles that speak and act for a state: a government denies for its army. */
static int state_role(const char *r)
{
    static const char *const roles[] = { "GOV", "MIL", "COP", "SPY", "JUD", "LEG", NULL };
    if (!r[0])
        return 1; /* the country itself */
    for (int k = 0; roles[k]; k++)
        if (!strncmp(r, roles[k], 3))
            return 1;
    return 0;
}

/* Are a and b the same side: the same code, or the same country and both
 * its state (RUSGOV and RUSMIL; not GEOGOV and GEOOPP)? */
static int same_side(const dy_actor *a, const dy_actor *b)
{
    size_t n;
    if (!known_actor(a) || !known_actor(b))
        return 0;
    if (!a->country[0] || !b->country[0])
        return !strcmp(a->code, b->code);
    if (strcmp(a->country, b->country) != 0)
        return 0;
    n = strlen(a->country);
    return !strcmp(a->code, b->code) ||
           (!strncmp(a->code, a->country, n) && !strncmp(b->code, b->country, n) &&
            state_role(a->code + n) && state_role(b->code + n));
}

/* Events [*lo, *hi) of sentence t (events are grouped by sentence). */
static void sentence_events(const dy_doc *d, uint32_t t, uint32_t *lo, uint32_t *hi)
{
    uint32_t a = 0, b = d->nevents;
    while (a < b) {
        uint32_t m = a + (b - a) / 2;
        if (d->events[m].sentence < t)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    while (a < d->nevents && d->events[a].sentence == t)
        a++;
    *hi = a;
}

/* Is event e inside the content of an accusation ("Ukraine accused Russia
 * of shelling the plant": the shelling)? */
static int in_accusation(const dy_doc *d, const dy_event *e)
{
    frame fr[MAX_FRAMES];
    uint32_t v = dy_en_verb_tok(d, e), n = find_frames(d, e->sentence, fr, MAX_FRAMES);
    const frame *inner = NULL;
    for (uint32_t k = 0; k < n; k++)
        if (in_content(&fr[k], v) &&
            (!inner || fr[k].c_last - fr[k].c_first < inner->c_last - inner->c_first))
            inner = &fr[k];
    return inner && inner->kind == FK_REPORT && dy_en_in(d, inner->cue, accuse_cues) >= 0;
}

/* Does the last word of actor span a equal token t ("Klein" in "author
 * Edward Klein")? */
static int span_ends_with(const dy_doc *d, const dy_actor *a, uint32_t t)
{
    const char *p = d->text.norm, *w = dy_en_tp(d, t);
    uint32_t e = a->off + a->len, b, n = d->toks[t].len;
    if (!a->len || e > d->text.norm_len)
        return 0;
    while (e > a->off && !((p[e - 1] | 32) >= 'a' && (p[e - 1] | 32) <= 'z'))
        e--;
    b = e;
    while (b > a->off && (((p[b - 1] | 32) >= 'a' && (p[b - 1] | 32) <= 'z') || p[b - 1] == '-'))
        b--;
    if (e - b != n)
        return 0;
    for (uint32_t k = 0; k < n; k++)
        if (dy_en_lc((unsigned char)p[b + k]) != dy_en_lc((unsigned char)w[k]))
            return 0;
    return 1;
}

/* The holder of the denied claim: "Moscow's claims" -> Moscow; "his
 * claims" -> the nearest name before "his" in the sentence (not its first
 * word). Fills h (code may be "") and *last (its last token); 0 when the
 * claim has no holder or a pronoun one that cannot be resolved. */
static int holder_actor(const dy_gazetteer *g, const dy_doc *d, uint32_t s, const frame *f,
                        dy_actor *h, uint32_t *last)
{
    uint32_t hf = f->hold_first, hl = f->hold_last, sf = d->sents[s].tok_first;
    const char *role;
    if (!f->has_hold)
        return 0;
    if (dy_en_in(d, hf, poss_pronouns) >= 0) {
        uint32_t k = hf;
        while (k > sf && !((d->toks[k - 1].flags & DY_TF_CAP) && d->toks[k - 1].kind == DY_TOK_WORD &&
                           !(d->toks[k - 1].flags & DY_TF_SENT_START)))
            k--;
        if (k == sf)
            return 0;
        hl = hf = k - 1;
        while (hf > sf + 1 && (d->toks[hf - 1].flags & DY_TF_CAP) && hl - hf < 3)
            hf--;
    }
    memset(h, 0, sizeof *h);
    if (!phrase_code(g, d, hf, hl, h, &role))
        h->code[0] = '\0';
    h->off = d->toks[hf].off;
    h->len = d->toks[hl].off + d->toks[hl].len - h->off;
    *last = hl;
    return 1;
}

/* Is e a claim: inside a reporting frame, or said to be unverified? */
static int is_claim(const dy_event *e)
{
    return e->attribution.len > 0 || e->status == DY_ST_CLAIMED || e->status == DY_ST_UNVERIFIED;
}

/* Is e an accusation (a CAMEO 11x disapprove event)? */
static int is_disapproval(const dy_event *e)
{
    return e->cameo[0] == '1' && e->cameo[1] == '1';
}

/* Is e a claim of holder hold ("his claims", "Moscow's account"), whose
 * last token is hold_last? */
static int held_by(const dy_doc *d, const dy_actor *hold, uint32_t hold_last, const dy_event *e)
{
    const dy_actor *by = e->attribution.len ? &e->attribution
                         : is_disapproval(e) ? &e->source : NULL;
    return by && (same_side(hold, by) || span_ends_with(d, by, hold_last));
}

/* Can denial f by den deny event e (rule at apply_reference)? hold (NULL =
 * none) is the holder of the denied claim, hold_last its last token. */
static int denies(const dy_doc *d, const frame *f, const dy_actor *den, const dy_actor *hold,
                  uint32_t hold_last, const dy_event *e)
{
    int claim = is_claim(e);
    int disapprove = is_disapproval(e);
    int about = same_side(den, &e->source) || (disapprove && same_side(den, &e->target));
    if (same_side(den, &e->attribution))
        return 0; /* nobody denies their own claim */
    if (hold && f->obj != DO_ACT && !held_by(d, hold, hold_last, e))
        return 0;
    switch (f->obj) {
    case DO_CLAIM:
        return claim || disapprove || about;
    case DO_ACCUSE:
        return disapprove || (claim && (about || in_accusation(d, e)));
    default: /* DO_ACT */
        return known_actor(den) ? about : (claim || disapprove);
    }
}

/* Nouns that name an event, and the stems of the verbs of the events they
 * name ("confirmed the transfer" of "sent troops", "the deaths" of
 * "killed"): dyad's own list, words separated by spaces. */
static const struct { const char *nouns, *stems; } event_nouns[] = {
    { "attack attacks assault assaults raid raids strike strikes airstrike airstrikes bombing "
      "bombings bombardment shelling offensive ambush",
      "attack assault raid strik struck hit bomb shell storm ambush fire fired target pound" },
    { "killing killings death deaths casualties murder murders assassination execution",
      "kill die died dead murder assassinat execut slay slain shot shoot" },
    { "transfer transfers deployment deployments shipment shipments delivery deliveries "
      "supply supplies dispatch",
      "send sent transfer deploy ship deliver suppl dispatch move moving provid station" },
    { "arrest arrests detention detentions abduction abductions kidnapping capture",
      "arrest detain held hold abduct kidnap captur seiz nab" },
    { "capture seizure takeover occupation fall",
      "captur seiz took take taken occup overr enter fell fall" },
    { "withdrawal withdrawals retreat pullout", "withdr retreat pull leav left" },
    { "launch launches test tests", "launch fire fired test" },
    { "meeting meetings talks visit visits summit call", "meet met talk visit host call spoke" },
    { "agreement deal accord ceasefire truce treaty", "agree sign reach conclud" },
    { "sanctions sanction ban embargo", "sanction impos ban" },
    { "release releases exchange swap", "releas free exchang swap" },
    { "protest protests rally rallies demonstration demonstrations march marches",
      "protest rall demonstrat march gather" },
    { "donation donations payment payments contribution contributions",
      "donat pay paid gave give contribut" },
    { "resignation", "resign quit step" },
    { "appointment nomination", "appoint nominat nam" },
    { "hack hacking breach intrusion", "hack breach penetrat" },
};

/* Is token k one of the space-separated words of list (prefix: starts
 * with one of them)? */
static int in_spaced(const dy_doc *d, uint32_t k, const char *list, int prefix)
{
    const char *p = dy_en_tp(d, k);
    uint32_t len = d->toks[k].len;
    while (*list) {
        size_t n = strcspn(list, " "), i = 0;
        if (n <= len && (prefix || n == len)) {
            while (i < n && dy_en_lc((unsigned char)p[i]) == list[i])
                i++;
            if (i == n)
                return 1;
        }
        list += n;
        while (*list == ' ')
            list++;
    }
    return 0;
}

/* Do words a and b share a stem ("capture" and "captured", "deployment"
 * and "deployed")? A common beginning of 6 letters, or of the whole
 * shorter word (of 4 letters or more, less a final "e"). */
static int same_stem(const dy_doc *d, uint32_t a, uint32_t b)
{
    const char *p = dy_en_tp(d, a), *q = dy_en_tp(d, b);
    uint32_t la = d->toks[a].len, lb = d->toks[b].len, n = la < lb ? la : lb, c = 0;
    const char *shorter = la < lb ? p : q;
    while (c < n && dy_en_lc((unsigned char)p[c]) == dy_en_lc((unsigned char)q[c]))
        c++;
    return c >= 6 ||
           (c >= 4 && (c == n || (c + 1 == n && dy_en_lc((unsigned char)shorter[n - 1]) == 'e')));
}

/* Does a word of the object phrase of confirmation f name event e (its
 * verb: the same stem, or event_nouns)? */
static int names_event(const dy_doc *d, const frame *f, const dy_event *e)
{
    uint32_t v = dy_en_verb_tok(d, e);
    if (!f->has_obj || !e->verb_len || d->toks[v].kind != DY_TOK_WORD)
        return 0;
    for (uint32_t k = f->obj_first; k <= f->obj_last; k++) {
        if (d->toks[k].kind != DY_TOK_WORD || d->toks[k].len < 4)
            continue;
        if (same_stem(d, k, v))
            return 1;
        for (size_t m = 0; m < sizeof event_nouns / sizeof event_nouns[0]; m++)
            if (in_spaced(d, k, event_nouns[m].nouns, 0) &&
                in_spaced(d, v, event_nouns[m].stems, 1))
                return 1;
    }
    return 0;
}

/* Can confirmation f by con confirm event e (rule at apply_reference)?
 * hold as for denies. */
static int confirms(const dy_doc *d, const frame *f, const dy_actor *con, const dy_actor *hold,
                    uint32_t hold_last, const dy_event *e)
{
    int party = same_side(con, &e->source) || same_side(con, &e->target);
    if (same_side(con, &e->attribution))
        return 0; /* saying it again confirms nothing */
    if (hold && f->obj != DO_ACT && !held_by(d, hold, hold_last, e))
        return 0;
    if (f->obj == DO_CLAIM || f->obj == DO_ACCUSE)
        return is_claim(e) || party;
    return party || names_event(d, f, e); /* DO_ACT: a thing done */
}

/* Does frame f (FK_DENY or FK_CONFIRM) by who refer to event e? */
static int refers(const dy_doc *d, const frame *f, const dy_actor *who, const dy_actor *hold,
                  uint32_t hold_last, const dy_event *e)
{
    return f->kind == FK_CONFIRM ? confirms(d, f, who, hold, hold_last, e)
                                 : denies(d, f, who, hold, hold_last, e);
}

/* Does sentence t, before token lim, hold a claim (an accusation for
 * DO_ACCUSE) by someone other than den, coded or not? */
static int claim_in(const dy_gazetteer *g, const dy_doc *d, uint32_t t, uint32_t lim, int obj,
                    const dy_actor *den)
{
    frame fr[MAX_FRAMES];
    uint32_t n = find_frames(d, t, fr, MAX_FRAMES), lo, hi;
    sentence_events(d, t, &lo, &hi);
    for (uint32_t k = 0; k < n; k++) {
        dy_actor sp;
        int accuse = fr[k].kind == FK_REPORT && dy_en_in(d, fr[k].cue, accuse_cues) >= 0;
        if (fr[k].cue >= lim || !fr[k].has_sp || !fr[k].has_c)
            continue;
        if (obj == DO_ACCUSE ? !accuse : fr[k].kind != FK_REPORT && fr[k].kind != FK_ACCORDING)
            continue;
        if (known_actor(den)) {
            speaker_actor(g, d, t, fr[k].cue, fr[k].sp_first, fr[k].sp_last, lo, hi, &sp);
            if (same_side(den, &sp))
                continue;
        }
        return 1;
    }
    return 0;
}

/* A denial or confirmation whose object is not a clause of its own
 * sentence ("Kyiv denied the claim", "Moscow dismissed the reports", "...,
 * a claim Kyiv dismissed", "The Pentagon confirmed the transfer") disputes
 * or confirms only the events it plausibly refers to: who denies or
 * confirms what.
 *  - What, for a denial: the object (classify_denial). A claim noun, a
 *    pronoun or nothing refers to a claim: an event inside a reporting
 *    frame (claimed, unverified), an accusation (a CAMEO 11x disapprove
 *    event), or an event whose source is the denier's side (the reports
 *    about what the denier did). An accusation noun refers to an 11x event
 *    or to the content of a claim that is about the denier or made with
 *    "accused/alleged". An act ("denied involvement", "denied the attack")
 *    refers to an event of the denier's side (with an unknown denier: to a
 *    claim). A rejected proposal, plan, request or person, a refusal
 *    ("denied entry"), a negated cue ("did not deny") is no denial at all
 *    (the frame is not kept), so "Hamas rejected the proposal" disputes
 *    nothing.
 *  - What, for a confirmation (classify_confirmation): a claim noun, an
 *    accusation noun, a pronoun or nothing refers to a claim or to an event
 *    the confirmer is a party to (its source or target); any other object
 *    ("confirmed the transfer", "confirmed its role") refers to an event
 *    the confirmer is a party to, or one its object phrase names (the
 *    verb's stem, or event_nouns: "the transfer" names "sent", "the
 *    deaths" names "killed"). "Warsaw confirmed the purchase of tanks"
 *    confirms no strike reported before it. A hedged or refused cue
 *    ("if it is confirmed", "declined to confirm") is no confirmation.
 *  - A clause object ("denied that S", "confirmed reports that S") or a
 *    new claim ("a report about X") is about itself only: it never points
 *    back.
 *  - Whose: a claim with a holder ("Kyiv's account", "his claims": the
 *    nearest name before the pronoun in the sentence) is one made by that
 *    holder (same side, or the same last word in the attribution).
 *  - Who: nobody disputes or confirms their own claim: an event whose
 *    attribution is the speaker's side is left alone. Sides are codes: the
 *    same code, or one country's state actors (GOV, MIL, COP, SPY, JUD, LEG
 *    and the bare country) together; the opposition or rebels of that
 *    country are another side.
 *  - Where: the nearest first: the events of the statement's own sentence
 *    before its speaker, then up to REF_REACH earlier sentences; the first
 *    sentence with matching events gets them all disputed or confirmed
 *    (hypothetical and negated events keep their status). A singular
 *    object ("the claim", "the accusation", "it") names one claim: a
 *    nearer sentence that holds a claim of that kind, coded or not, by
 *    someone else, ends the search ("The opposition accused the government
 *    of X. The government denied the accusation." disputes no event of
 *    earlier sentences). A plural object ("the claims", "them") and an act
 *    are not stopped that way. A relative statement looks at its own
 *    sentence only. */
#define REF_REACH 3

static void apply_reference(const dy_gazetteer *g, dy_doc *d, uint32_t s, uint32_t ev_first,
                            uint32_t ev_end, const frame *f)
{
    dy_actor den, hold;
    uint8_t status = f->kind == FK_CONFIRM ? DY_ST_CONFIRMED : DY_ST_DISPUTED;
    uint32_t lim = f->has_sp ? f->sp_first : f->cue, lo = ev_first, hi = ev_end, hold_last = 0;
    const dy_actor *hp = NULL;
    memset(&den, 0, sizeof den);
    if (f->has_sp)
        speaker_actor(g, d, s, f->cue, f->sp_first, f->sp_last, ev_first, ev_end, &den);
    if (holder_actor(g, d, s, f, &hold, &hold_last))
        hp = &hold;
    for (uint32_t t = s;; t--) {
        uint32_t matched = 0;
        for (uint32_t pass = 0; pass < 2; pass++) {
            for (uint32_t k = lo; k < hi; k++) {
                dy_event *e = &d->events[k];
                if (t == s && dy_en_verb_tok(d, e) >= lim)
                    continue;
                if (pass == 0) {
                    matched += (uint32_t)refers(d, f, &den, hp, hold_last, e);
                } else if (refers(d, f, &den, hp, hold_last, e) &&
                           e->status != DY_ST_HYPOTHETICAL && e->status != DY_ST_NEGATED) {
                    e->status = status;
                }
            }
            if (!matched)
                break;
        }
        if (matched || f->rel || t == 0 || t + REF_REACH <= s)
            return;
        if (!f->plural && f->obj != DO_ACT &&
            claim_in(g, d, t, t == s ? lim : UINT32_MAX, f->obj, &den))
            return;
        hi = lo;
        while (lo > 0 && d->events[lo - 1].sentence == t - 1)
            lo--;
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
            dy_en_in(d, i, confirm_verbs) >= 0 || is_deny_verb(d, i))
            return 1;
    }
    return 0;
}

/* A reporting-only event kept as an event of its own ("The Joint Chiefs
 * of Staff said North Korean troops detonated explosives", coded 010 with
 * nothing coded inside the content) is the speaker's statement: a target
 * that lies inside the reported content is a participant of what was said,
 * not the one spoken to, and is cleared; a source coded without a country
 * ("---MIL") gets the speaker's code (context_country). */
static void reporting_event_roles(const dy_gazetteer *g, dy_doc *d, uint32_t s,
                                  uint32_t ev_first, uint32_t ev_end, const frame *fr,
                                  uint32_t nfr)
{
    for (uint32_t k = ev_first; k < ev_end; k++) {
        dy_event *e = &d->events[k];
        uint32_t v = dy_en_verb_tok(d, e);
        if (!dy_frame_is_reporting_only(e->cameo, d->text.norm + e->verb_off, e->verb_len))
            continue;
        for (uint32_t f = 0; f < nfr; f++) {
            uint32_t c0, c1;
            if (fr[f].cue != v || fr[f].kind != FK_REPORT)
                continue;
            if (fr[f].has_c) {
                c0 = d->toks[fr[f].c_first].off;
                c1 = d->toks[fr[f].c_last].off + d->toks[fr[f].c_last].len;
                if (e->target.len && e->target.off >= c0 && e->target.off + e->target.len <= c1)
                    memset(&e->target, 0, sizeof e->target);
            }
            if (fr[f].has_sp && !strncmp(e->source.code, DY_FRAME_UNKNOWN_SPEAKER, 3) &&
                overlaps(&e->source, d->toks[fr[f].sp_first].off,
                         d->toks[fr[f].sp_last].off + d->toks[fr[f].sp_last].len)) {
                dy_actor sp;
                speaker_actor(g, d, s, fr[f].cue, fr[f].sp_first, fr[f].sp_last, ev_first, ev_end,
                              &sp);
                if (known_actor(&sp)) {
                    memcpy(e->source.code, sp.code, sizeof e->source.code);
                    memcpy(e->source.country, sp.country, sizeof e->source.country);
                }
            }
            break;
        }
    }
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
    reporting_event_roles(g, d, s, ev_first, ev_end, fr, nfr);
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
        if (local)
            continue;
        if (fr[f].kind == FK_UNVERIFIED)
            apply_back(d, ev_first, DY_ST_UNVERIFIED);
        else if (!fr[f].clause) /* "denied reports that S": S only, coded or not */
            apply_reference(g, d, s, ev_first, ev_end, &fr[f]);
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
