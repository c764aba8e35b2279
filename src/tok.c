/* tok.c — tokenizer (see tok.h): slices doc->text.norm into dy_token
 * {off, len, kind, flags, lower} without copying text and without a malloc
 * per token (one arena array grown geometrically).
 *
 * Decisions (the splitter and the matchers rely on them):
 *  - Possessives are split: "Korea's" -> "Korea" + "'s" (POSS),
 *    "soldiers'" -> "soldiers" + "'" (POSS). After the pronouns it/he/she/
 *    that/there/here/what/who/where/how/let, "'s" is the verb clitic and gets
 *    kind WORD ("it's" -> "it" + "'s").
 *  - Contractions are split the Penn Treebank way, so negation is always a
 *    token of its own: "don't" -> "do" + "n't", "can't" -> "ca" + "n't",
 *    "won't" -> "wo" + "n't"; "I'm" "we're" "they've" "you'll" "he'd" ->
 *    word + "'m"/"'re"/"'ve"/"'ll"/"'d" (kind WORD). Other apostrophes inside
 *    a word stay in it (O'Brien, d'Ivoire).
 *  - Hyphenated words are one WORD with DY_TF_HYPHEN (inter-Korean,
 *    18-year-old, F-16, COVID-19); number-hyphen-number is split
 *    (2014-2021 -> NUM DASH NUM) except ISO dates (2024-10-15, one NUM).
 *  - Numbers: 3,000 (DY_TF_NUM_SEP), 1.4, 1,400,000, 2024, 9/11, 10:30,
 *    12th, 1990s are one NUM; digits followed by other letters (5G, 10km)
 *    are a WORD.
 *  - Abbreviations keep their period and get DY_TF_ABBR: dotted forms
 *    (U.S., U.S.A., e.g., a.m., Ph.D.), the table below (Gen., Jan., Inc.;
 *    "No." only before a number; state names like "Ill." only capitalised),
 *    and single upper-case initials ("J.").
 *  - URLs (http://, https://, www.) are one SYM; @handles and #hashtags
 *    are one WORD; "..." (and ". . .") is one PUNCT; runs of ! and ? are one
 *    PUNCT; "--" is one DASH.
 *  - Non-ASCII: letters, marks and digits (utf8proc categories) are word
 *    characters; Z* and most C* are spaces; Pi/Pf are QUOTE, Pd DASH, other
 *    P* PUNCT, the rest SYM; an invalid byte is a one-byte SYM.
 * ASCII goes through a byte table; utf8proc is called only for bytes >= 0x80. */
#include "tok.h"
#include "dyad.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- byte classes ---- */

enum { C_SPACE = 1, C_UPPER, C_LOWER, C_DIGIT, C_OTHER };

#define R4(x) x, x, x, x
#define R8(x) R4(x), R4(x)
#define R16(x) R8(x), R8(x)
static const unsigned char ascii_cls[128] = {
    /* 0x00 - 0x1f: controls are skipped like spaces */
    R16(C_SPACE), R16(C_SPACE),
    /* ' ' ! " # $ % & ' ( ) * + , - . / */
    C_SPACE, R8(C_OTHER), R4(C_OTHER), C_OTHER, C_OTHER, C_OTHER,
    /* 0-9 */
    R8(C_DIGIT), C_DIGIT, C_DIGIT,
    /* : ; < = > ? @ */
    R4(C_OTHER), C_OTHER, C_OTHER, C_OTHER,
    /* A-Z */
    R16(C_UPPER), R8(C_UPPER), C_UPPER, C_UPPER,
    /* [ \ ] ^ _ ` */
    R4(C_OTHER), C_OTHER, C_OTHER,
    /* a-z */
    R16(C_LOWER), R8(C_LOWER), C_LOWER, C_LOWER,
    /* { | } ~ DEL */
    R4(C_OTHER), C_SPACE
};
#undef R4
#undef R8
#undef R16

static inline int is_alpha(unsigned c) { return c < 128 && (ascii_cls[c] == C_UPPER || ascii_cls[c] == C_LOWER); }
static inline int is_digit(unsigned c) { return c - '0' < 10u; }
static inline int is_alnum(unsigned c) { return c < 128 && ascii_cls[c] >= C_UPPER && ascii_cls[c] <= C_DIGIT; }
static inline unsigned lc(unsigned c) { return c - 'A' < 26u ? c + 32 : c; }
static inline int is_upper_b(unsigned c) { return c - 'A' < 26u; }

/* Classes of non-ASCII code points. */
enum { U_BAD = 0, U_SPACE, U_WORD, U_JOIN, U_PUNCT, U_QUOTE, U_DASH, U_SYM };

static int u_class(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return U_WORD;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return U_SPACE;
    case UTF8PROC_CATEGORY_CF:
        /* soft hyphen, ZWNJ, ZWJ stay inside words; other format chars
         * (zero-width space, BOM, direction marks) separate like spaces */
        return (cp == 0xAD || cp == 0x200C || cp == 0x200D) ? U_JOIN : U_SPACE;
    case UTF8PROC_CATEGORY_PD: return U_DASH;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: return U_QUOTE;
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PO:
        return U_PUNCT;
    default: return U_SYM;
    }
}

/* Decode one non-ASCII char at t[j]; *len gets its byte length (1 when
 * invalid) and the result is its U_ class (U_BAD when invalid). */
static int u_at(const unsigned char *t, size_t n, size_t j, size_t *len, int32_t *cpo)
{
    int32_t cp = -1;
    size_t left = n - j;
    utf8proc_ssize_t r = utf8proc_iterate(t + j, (utf8proc_ssize_t)(left < 4 ? left : 4), &cp);
    if (r <= 0) {
        *len = 1;
        if (cpo) *cpo = -1;
        return U_BAD;
    }
    *len = (size_t)r;
    if (cpo) *cpo = cp;
    return u_class(cp);
}

/* Byte length of the word character at t[j] (letter, digit, mark, joiner),
 * 0 if none. join_ok: also accept U_JOIN. */
static inline size_t wordchar_len(const unsigned char *t, size_t n, size_t j)
{
    if (j >= n) return 0;
    unsigned c = t[j];
    if (c < 128) return is_alnum(c) ? 1 : 0;
    size_t len;
    int k = u_at(t, n, j, &len, NULL);
    return (k == U_WORD || k == U_JOIN) ? len : 0;
}

/* Letter (not digit) at t[j]? ASCII or non-ASCII word char. */
static inline int letter_at(const unsigned char *t, size_t n, size_t j)
{
    if (j >= n) return 0;
    unsigned c = t[j];
    if (c < 128) return is_alpha(c);
    size_t len;
    return u_at(t, n, j, &len, NULL) == U_WORD;
}

/* ---- abbreviation table ---- */

enum { AB_NONE = 0, AB_TITLE, AB_ENDER, AB_NOEND, AB_MONTH, AB_NUMBEFORE, AB_INITIAL };

typedef struct abbr {
    const char *s;     /* lower case, with the period */
    unsigned char cls;
    unsigned char cap; /* only when written with a capital ("Ill." not "ill.") */
} abbr;

/* Sorted by s (strcmp order) for bsearch. */
static const abbr abbrs[] = {
    {"adm.", AB_TITLE, 0}, {"ala.", AB_ENDER, 1}, {"apr.", AB_MONTH, 1},
    {"approx.", AB_NOEND, 0}, {"ariz.", AB_ENDER, 1}, {"ark.", AB_ENDER, 1},
    {"assn.", AB_ENDER, 0}, {"asst.", AB_TITLE, 0}, {"atty.", AB_TITLE, 0},
    {"aug.", AB_MONTH, 0}, {"ave.", AB_ENDER, 0}, {"blvd.", AB_ENDER, 0},
    {"brig.", AB_TITLE, 0}, {"bros.", AB_ENDER, 0}, {"calif.", AB_ENDER, 0},
    {"capt.", AB_TITLE, 0}, {"cf.", AB_NOEND, 0}, {"cmdr.", AB_TITLE, 0},
    {"co.", AB_ENDER, 0}, {"col.", AB_TITLE, 0}, {"colo.", AB_ENDER, 1},
    {"conn.", AB_ENDER, 1}, {"corp.", AB_ENDER, 0}, {"cpl.", AB_TITLE, 0},
    {"dec.", AB_MONTH, 0}, {"del.", AB_ENDER, 1}, {"dept.", AB_ENDER, 0},
    {"det.", AB_TITLE, 0}, {"dr.", AB_TITLE, 0}, {"est.", AB_NOEND, 0},
    {"etc.", AB_ENDER, 0}, {"feb.", AB_MONTH, 0}, {"fig.", AB_NUMBEFORE, 0},
    {"fla.", AB_ENDER, 0}, {"fr.", AB_TITLE, 1}, {"ft.", AB_TITLE, 1},
    {"ga.", AB_ENDER, 1}, {"gen.", AB_TITLE, 0}, {"gov.", AB_TITLE, 0},
    {"hon.", AB_TITLE, 0}, {"ill.", AB_ENDER, 1}, {"inc.", AB_ENDER, 0},
    {"ind.", AB_ENDER, 1}, {"insp.", AB_TITLE, 0}, {"jan.", AB_MONTH, 0},
    {"jr.", AB_ENDER, 0}, {"jul.", AB_MONTH, 1}, {"jun.", AB_MONTH, 1},
    {"kan.", AB_ENDER, 1}, {"ky.", AB_ENDER, 1}, {"la.", AB_ENDER, 1},
    {"lt.", AB_TITLE, 0}, {"ltd.", AB_ENDER, 0}, {"maj.", AB_TITLE, 0},
    {"mar.", AB_MONTH, 1}, {"mass.", AB_ENDER, 1}, {"md.", AB_ENDER, 1},
    {"messrs.", AB_TITLE, 0}, {"mich.", AB_ENDER, 1}, {"minn.", AB_ENDER, 1},
    {"miss.", AB_ENDER, 1}, {"mo.", AB_ENDER, 1}, {"mont.", AB_ENDER, 1},
    {"mr.", AB_TITLE, 0}, {"mrs.", AB_TITLE, 0}, {"ms.", AB_TITLE, 0},
    {"msgr.", AB_TITLE, 0}, {"mt.", AB_TITLE, 0}, {"neb.", AB_ENDER, 1},
    {"nev.", AB_ENDER, 1}, {"no.", AB_NUMBEFORE, 0}, {"nos.", AB_NUMBEFORE, 0},
    {"nov.", AB_MONTH, 0}, {"oct.", AB_MONTH, 0}, {"okla.", AB_ENDER, 1},
    {"ore.", AB_ENDER, 1}, {"pa.", AB_ENDER, 1}, {"pp.", AB_NUMBEFORE, 0},
    {"pres.", AB_TITLE, 0}, {"prof.", AB_TITLE, 0}, {"pt.", AB_TITLE, 1},
    {"pvt.", AB_TITLE, 0}, {"rep.", AB_TITLE, 0}, {"reps.", AB_TITLE, 0},
    {"rev.", AB_TITLE, 0}, {"sen.", AB_TITLE, 0}, {"sens.", AB_TITLE, 0},
    {"sep.", AB_MONTH, 0}, {"sept.", AB_MONTH, 0}, {"sgt.", AB_TITLE, 0},
    {"sr.", AB_ENDER, 0}, {"st.", AB_ENDER, 0}, {"supt.", AB_TITLE, 0},
    {"tenn.", AB_ENDER, 1}, {"univ.", AB_ENDER, 0}, {"va.", AB_ENDER, 1},
    {"vol.", AB_NUMBEFORE, 0}, {"vs.", AB_NOEND, 0}, {"vt.", AB_ENDER, 1},
    {"wash.", AB_ENDER, 1}, {"wis.", AB_ENDER, 1}, {"wyo.", AB_ENDER, 1},
};

static int abbr_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const abbr *)e)->s);
}

static const abbr *abbr_lookup(const char *lower_with_dot)
{
    return bsearch(lower_with_dot, abbrs, sizeof abbrs / sizeof abbrs[0], sizeof abbrs[0], abbr_cmp);
}

/* Length of a dotted abbreviation (U.S. U.S.A. e.g. a.m. Ph.D.) starting at
 * t[i]: at least two segments of 1-2 ASCII letters, each followed by '.', not
 * followed by a letter or digit. 0 if none. */
static size_t dotted_len(const unsigned char *t, size_t n, size_t i)
{
    size_t j = i;
    int segs = 0;
    for (;;) {
        size_t k = j;
        while (k < n && k - j < 3 && is_alpha(t[k])) k++;
        size_t seg = k - j;
        if (seg == 0 || seg > 2 || k >= n || t[k] != '.') break;
        if (++segs > 6) return 0; /* bounded, so scanning stays linear */
        j = k + 1;
        if (j >= n || !is_alpha(t[j])) break;
    }
    if (segs < 2) return 0;
    if (j < n && (is_alnum(t[j]) || t[j] == '.')) return 0;
    return j - i;
}

/* Class of the abbreviation w[0..n) written as in the text (any case, with
 * its trailing period). */
static int abbr_class_of(const char *w, size_t n, int *needs_cap)
{
    if (needs_cap) *needs_cap = 0;
    if (n < 2 || w[n - 1] != '.') return AB_NONE;
    /* then-Sen. ex-Gov.: the part after the last hyphen decides */
    for (size_t k = n - 1; k-- > 0;)
        if (w[k] == '-') {
            w += k + 1;
            n -= k + 1;
            if (n < 2) return AB_NONE;
            break;
        }
    if (n == 2 && is_alpha((unsigned char)w[0])) return AB_INITIAL;
    char buf[16];
    if (n < sizeof buf) {
        size_t k;
        for (k = 0; k < n; k++) {
            unsigned c = (unsigned char)w[k];
            if (c >= 128) break;
            buf[k] = (char)lc(c);
        }
        if (k == n) {
            buf[n] = '\0';
            const abbr *e = abbr_lookup(buf);
            if (e) {
                if (needs_cap) *needs_cap = e->cap;
                return e->cls;
            }
        }
    }
    if (dotted_len((const unsigned char *)w, n, 0) == n) {
        /* e.g. and i.e. introduce examples: never the end of a sentence */
        if (n == 4 && (lc((unsigned char)w[0]) == 'e' || lc((unsigned char)w[0]) == 'i') &&
            (lc((unsigned char)w[2]) == 'g' || lc((unsigned char)w[2]) == 'e'))
            return AB_NOEND;
        return AB_ENDER;
    }
    return AB_NONE;
}

int dy_tok_is_abbrev(const char *w, size_t n)
{
    if (!w) return 0;
    int c = abbr_class_of(w, n, NULL);
    return c != AB_NONE && c != AB_INITIAL;
}

int dy_tok_abbrev_class(const char *w, size_t n)
{
    if (!w) return DY_ABBR_NONE;
    switch (abbr_class_of(w, n, NULL)) {
    case AB_TITLE: return DY_ABBR_TITLE;
    case AB_ENDER: return DY_ABBR_ENDER;
    case AB_NOEND: return DY_ABBR_NOEND;
    case AB_MONTH: return DY_ABBR_MONTH;
    case AB_NUMBEFORE: return DY_ABBR_NOEND;
    case AB_INITIAL: return DY_ABBR_INITIAL;
    default: return DY_ABBR_NONE;
    }
}

/* ---- token emission ---- */

typedef struct tz {
    const unsigned char *t;
    size_t n;
    dy_token *toks;
    uint32_t ntoks, cap;
    dy_intern *lex;
    dy_arena *a;
    /* lower-cased copies of the tokens that have upper case, interned
     * together at the end: records [uint32 length][bytes]; a token's lower
     * is the offset + 1 of its record until then (0: its text as is) */
    char *low;
    size_t low_len, low_cap;
} tz;

static int grow(tz *z)
{
    size_t ncap = (size_t)z->cap * 2 + 64;
    if (ncap > UINT32_MAX / 2) return DY_ERANGE;
    dy_token *nt = dy_arena_realloc(z->a, z->toks, (size_t)z->cap * sizeof *nt, ncap * sizeof *nt);
    if (!nt) return DY_ENOMEM;
    z->toks = nt;
    z->cap = (uint32_t)ncap;
    return 0;
}

/* Append token t[off..off+len): computes CAP/ALLCAP and the lower-cased id. */
static int push(tz *z, size_t off, size_t len, int kind, unsigned flags)
{
    if (z->ntoks == z->cap) {
        int rc = grow(z);
        if (rc) return rc;
    }
    const unsigned char *s = z->t + off;
    if (z->low_cap - z->low_len < len * 2 + 8) {
        size_t ncap = z->low_cap * 2 + len * 2 + 4096;
        char *nl = realloc(z->low, ncap);
        if (!nl) return DY_ENOMEM;
        z->low = nl;
        z->low_cap = ncap;
    }
    char *buf = z->low + z->low_len + 4;
    size_t o = 0;
    int changed = 0, first = 0; /* first: 1 upper, 2 lower/other letter */
    uint32_t nup = 0, nlow = 0;
    size_t k0 = 0;
    /* the ASCII prefix (most tokens are all ASCII), with few branches */
    for (; k0 < len && s[k0] < 128; k0++) {
        unsigned c = s[k0];
        unsigned up = ascii_cls[c] == C_UPPER;
        nup += up;
        nlow += ascii_cls[c] == C_LOWER;
        buf[k0] = (char)(c + (up << 5));
    }
    o = k0;
    for (size_t k = 0; k < k0; k++) {
        if (ascii_cls[s[k]] == C_UPPER || ascii_cls[s[k]] == C_LOWER) {
            first = ascii_cls[s[k]] == C_UPPER ? 1 : 2;
            break;
        }
    }
    changed = nup != 0;
    for (size_t k = k0; k < len;) {
        unsigned c = s[k];
        if (c < 128) {
            if (c - 'A' < 26u) {
                nup++;
                if (!first) first = 1;
                buf[o++] = (char)(c + 32);
                changed = 1;
            } else {
                if (c - 'a' < 26u) {
                    nlow++;
                    if (!first) first = 2;
                }
                buf[o++] = (char)c;
            }
            k++;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t r = utf8proc_iterate(s + k, (utf8proc_ssize_t)(len - k < 4 ? len - k : 4), &cp);
        if (r <= 0) {
            buf[o++] = (char)c;
            k++;
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        int32_t lcp = cp;
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
            nup++;
            if (!first) first = 1;
            lcp = utf8proc_tolower(cp);
        } else if (cat == UTF8PROC_CATEGORY_LL) {
            nlow++;
            if (!first) first = 2;
        } else if (cat == UTF8PROC_CATEGORY_LO && !first) {
            first = 2;
        }
        if (lcp != cp) {
            changed = 1;
            o += (size_t)utf8proc_encode_char(lcp, (utf8proc_uint8_t *)buf + o);
        } else {
            memcpy(buf + o, s + k, (size_t)r);
            o += (size_t)r;
        }
        k += (size_t)r;
    }
    if (first == 1) flags |= DY_TF_CAP;
    if (nup >= 2 && nlow == 0) flags |= DY_TF_ALLCAP;
    uint32_t id = 0;
    if (changed) {
        uint32_t o32 = (uint32_t)o;
        memcpy(z->low + z->low_len, &o32, 4);
        id = (uint32_t)z->low_len + 1;
        z->low_len += 4 + o;
    }
    dy_token *tk = &z->toks[z->ntoks++];
    tk->off = (uint32_t)off;
    tk->len = (uint32_t)len;
    tk->lower = id;
    tk->kind = (uint16_t)kind;
    tk->flags = (uint16_t)flags;
    return 0;
}

/* ---- scanners; each returns the end of what it consumed, or emits ---- */

/* ASCII letters run length from j. */
static size_t alpha_run(const unsigned char *t, size_t n, size_t j)
{
    size_t k = j;
    while (k < n && is_alpha(t[k])) k++;
    return k - j;
}

/* Lower-cased equality of t[j..j+len) with the lower-case ASCII word w. */
static int lc_eq(const unsigned char *t, size_t j, size_t len, const char *w)
{
    for (size_t k = 0; k < len; k++)
        if (!w[k] || lc(t[j + k]) != (unsigned char)w[k]) return 0;
    return w[len] == '\0';
}

/* The clitic after an apostrophe at t[j]: returns its length (including the
 * apostrophe) when t[j..] is 's 'm 're 've 'll 'd followed by a non-word char,
 * else 0. */
static size_t clitic_len(const unsigned char *t, size_t n, size_t j)
{
    size_t r = alpha_run(t, n, j + 1);
    if (r == 0 || r > 2 || wordchar_len(t, n, j + 1 + r)) return 0;
    if (lc_eq(t, j + 1, r, "s") || lc_eq(t, j + 1, r, "m") || lc_eq(t, j + 1, r, "d") ||
        lc_eq(t, j + 1, r, "re") || lc_eq(t, j + 1, r, "ve") || lc_eq(t, j + 1, r, "ll"))
        return r + 1;
    return 0;
}

/* Continue a word from j. *flags gets DY_TF_HYPHEN; *nt_at is set to the
 * offset of a split "n't" (0 if none). Returns the end. */
static size_t word_core(const unsigned char *t, size_t n, size_t start, size_t j,
                        unsigned *flags, size_t *nt_at)
{
    *nt_at = 0;
    while (j < n) {
        unsigned c = t[j];
        if (c < 128) {
            if (is_alnum(c)) { j++; continue; }
            if (c == '-' && j + 1 < n && wordchar_len(t, n, j + 1)) {
                *flags |= DY_TF_HYPHEN;
                size_t dl = dotted_len(t, n, j + 1);
                if (dl) { /* ex-U.S. anti-U.N. */
                    j += 1 + dl;
                    if (!(j + 1 < n && t[j] == '-' && wordchar_len(t, n, j + 1))) {
                        *flags |= DY_TF_ABBR;
                        break;
                    }
                    continue;
                }
                j++;
                continue;
            }
            if (c == '\'' && letter_at(t, n, j + 1)) {
                if (clitic_len(t, n, j)) break;
                size_t r = alpha_run(t, n, j + 1);
                if (r == 1 && lc(t[j + 1]) == 't' && !wordchar_len(t, n, j + 2) &&
                    j - 1 > start && lc(t[j - 1]) == 'n') {
                    *nt_at = j - 1;
                    return j + 2;
                }
                j++; /* O'Brien, d'Ivoire */
                continue;
            }
            if (c == '&' && j > start && is_upper_b(t[j - 1]) && j + 1 < n && is_upper_b(t[j + 1])) {
                j++; /* AT&T, S&P */
                continue;
            }
            break;
        }
        size_t len = wordchar_len(t, n, j);
        if (!len) break;
        j += len;
    }
    return j;
}

/* Next non-space byte at or after j is a digit or '#'? */
static int digit_follows(const unsigned char *t, size_t n, size_t j)
{
    while (j < n && (t[j] == ' ' || t[j] == '\t')) j++;
    return j < n && (is_digit(t[j]) || t[j] == '#');
}

/* Emit a word (possibly split "n't", possibly with an abbreviation period)
 * that starts at i; wj is where scanning resumes (> i when a prefix was
 * already consumed), kind WORD. Returns the end or a negative status. */
static long long do_word(tz *z, size_t i, size_t wj, unsigned flags)
{
    const unsigned char *t = z->t;
    size_t n = z->n;
    size_t nt_at = 0;
    size_t e = word_core(t, n, i, wj, &flags, &nt_at);
    int rc;
    if (nt_at) {
        if ((rc = push(z, i, nt_at - i, DY_TOK_WORD, flags)) != 0) return rc;
        if ((rc = push(z, nt_at, e - nt_at, DY_TOK_WORD, 0)) != 0) return rc;
        return (long long)e;
    }
    /* an abbreviation period? (not the start of an ellipsis) */
    size_t ws = i; /* start of the last hyphen segment */
    if (flags & DY_TF_HYPHEN)
        for (size_t k = e; k > i; k--)
            if (t[k - 1] == '-') { ws = k; break; }
    if (!(flags & DY_TF_ABBR) && e < n && t[e] == '.' && !(e + 1 < n && t[e + 1] == '.') && e - ws <= 8) {
        int needs_cap = 0;
        int cls = abbr_class_of((const char *)t + ws, e - ws + 1, &needs_cap);
        if (cls == AB_INITIAL && (!is_upper_b(t[ws]) || ws != i)) cls = AB_NONE;
        if (cls == AB_NUMBEFORE && !digit_follows(t, n, e + 1)) cls = AB_NONE;
        if (needs_cap && !is_upper_b(t[ws])) cls = AB_NONE;
        if (cls != AB_NONE) {
            if ((rc = push(z, i, e + 1 - i, DY_TOK_WORD, flags | DY_TF_ABBR)) != 0) return rc;
            return (long long)(e + 1);
        }
    }
    if ((rc = push(z, i, e - i, DY_TOK_WORD, flags)) != 0) return rc;
    return (long long)e;
}

static int ci_prefix(const unsigned char *t, size_t n, size_t i, const char *p)
{
    size_t k = 0;
    for (; p[k]; k++)
        if (i + k >= n || lc(t[i + k]) != (unsigned char)p[k]) return 0;
    return 1;
}

/* URL starting at i (http://, https://, www.), returns its length or 0. */
static size_t url_len(const unsigned char *t, size_t n, size_t i)
{
    size_t p;
    if (ci_prefix(t, n, i, "http://")) p = 7;
    else if (ci_prefix(t, n, i, "https://")) p = 8;
    else if (ci_prefix(t, n, i, "www.") && i + 4 < n && is_alnum(t[i + 4])) p = 4;
    else return 0;
    if (i > 0 && is_alnum(t[i - 1])) return 0;
    size_t j = i + p;
    int paren = 0;
    while (j < n) {
        unsigned c = t[j];
        if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == 127) break;
        if (c == '(') paren++;
        else if (c == ')') paren--;
        j++;
    }
    /* trailing punctuation belongs to the sentence */
    while (j > i + p) {
        unsigned c = t[j - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
            (c == ')' && paren < 0) || c == ']') {
            if (c == ')') paren++;
            j--;
        } else break;
    }
    return j > i + p ? j - i : 0;
}

/* A number at i (t[i] is a digit). */
static long long do_number(tz *z, size_t i)
{
    const unsigned char *t = z->t;
    size_t n = z->n;
    size_t j = i;
    unsigned flags = 0;
    int rc;
    while (j < n && is_digit(t[j])) j++;
    /* ISO date 2024-10-15 */
    if (j - i == 4 && j + 6 <= n && t[j] == '-' && is_digit(t[j + 1]) && is_digit(t[j + 2]) &&
        t[j + 3] == '-' && is_digit(t[j + 4]) && is_digit(t[j + 5]) &&
        (j + 6 == n || !is_alnum(t[j + 6]))) {
        if ((rc = push(z, i, j + 6 - i, DY_TOK_NUM, 0)) != 0) return rc;
        return (long long)(j + 6);
    }
    int dec = 0;
    for (;;) {
        if (j + 3 < n && t[j] == ',' && !dec && is_digit(t[j + 1]) && is_digit(t[j + 2]) &&
            is_digit(t[j + 3]) && (j + 4 >= n || !is_digit(t[j + 4])) &&
            (flags & DY_TF_NUM_SEP || j - i <= 3)) {
            flags |= DY_TF_NUM_SEP;
            j += 4;
        } else if (j + 1 < n && t[j] == '.' && is_digit(t[j + 1])) {
            dec = 1;
            j++;
            while (j < n && is_digit(t[j])) j++;
        } else if (j + 1 < n && (t[j] == '/' || t[j] == ':') && is_digit(t[j + 1])) {
            j++;
            while (j < n && is_digit(t[j])) j++;
        } else break;
    }
    if (j < n && is_alpha(t[j])) {
        size_t r = alpha_run(t, n, j);
        if (!wordchar_len(t, n, j + r) && !(j + r < n && t[j + r] == '-' && wordchar_len(t, n, j + r + 1)) &&
            (lc_eq(t, j, r, "st") || lc_eq(t, j, r, "nd") || lc_eq(t, j, r, "rd") ||
             lc_eq(t, j, r, "th") || lc_eq(t, j, r, "s"))) {
            if ((rc = push(z, i, j + r - i, DY_TOK_NUM, flags)) != 0) return rc;
            return (long long)(j + r);
        }
        return do_word(z, i, j, flags); /* 5G, 10km */
    }
    if (j + 1 < n && t[j] == '-' && letter_at(t, n, j + 1))
        return do_word(z, i, j, flags); /* 18-year-old */
    if (j < n && t[j] >= 128 && wordchar_len(t, n, j))
        return do_word(z, i, j, flags);
    if ((rc = push(z, i, j - i, DY_TOK_NUM, flags)) != 0) return rc;
    return (long long)j;
}

/* Is the previous token an adjacent word/number ending at i? */
static const dy_token *adjacent_prev(const tz *z, size_t i)
{
    if (!z->ntoks) return NULL;
    const dy_token *p = &z->toks[z->ntoks - 1];
    if ((size_t)p->off + p->len != i) return NULL;
    if (p->kind != DY_TOK_WORD && p->kind != DY_TOK_NUM) return NULL;
    return p;
}

static int is_clitic_pronoun(const unsigned char *w, size_t n)
{
    static const char *const pr[] = {"it", "he", "she", "that", "there", "here", "what",
                                     "who", "where", "how", "let", NULL};
    for (int k = 0; pr[k]; k++)
        if (lc_eq(w, 0, n, pr[k])) return 1;
    return 0;
}

/* An apostrophe at i. */
static long long do_apostrophe(tz *z, size_t i)
{
    const unsigned char *t = z->t;
    size_t n = z->n;
    int rc;
    const dy_token *p = adjacent_prev(z, i);
    if (p) {
        size_t cl = clitic_len(t, n, i);
        if (cl) {
            int kind = DY_TOK_WORD;
            if (cl == 2 && lc(t[i + 1]) == 's' && !is_clitic_pronoun(t + p->off, p->len))
                kind = DY_TOK_POSS;
            if ((rc = push(z, i, cl, kind, 0)) != 0) return rc;
            return (long long)(i + cl);
        }
        unsigned last = t[p->off + p->len - 1];
        if ((last == 's' || last == 'S') && p->kind == DY_TOK_WORD && !wordchar_len(t, n, i + 1)) {
            if ((rc = push(z, i, 1, DY_TOK_POSS, 0)) != 0) return rc;
            return (long long)(i + 1);
        }
    }
    if ((rc = push(z, i, 1, DY_TOK_QUOTE, 0)) != 0) return rc;
    return (long long)(i + 1);
}

/* Punctuation and symbols (ASCII). */
static long long do_punct(tz *z, size_t i)
{
    const unsigned char *t = z->t;
    size_t n = z->n;
    unsigned c = t[i];
    size_t j = i + 1;
    int kind = DY_TOK_PUNCT;
    switch (c) {
    case '.':
        if (j < n && t[j] == '.') {
            while (j < n && t[j] == '.') j++;
        } else if (i + 4 < n && t[i + 1] == ' ' && t[i + 2] == '.' && t[i + 3] == ' ' && t[i + 4] == '.') {
            j = i + 5;
        }
        break;
    case '!': case '?':
        while (j < n && (t[j] == '!' || t[j] == '?')) j++;
        break;
    case '"':
        kind = DY_TOK_QUOTE;
        break;
    case '`':
        kind = DY_TOK_QUOTE;
        while (j < n && t[j] == '`') j++;
        break;
    case '\'':
        return do_apostrophe(z, i);
    case '-':
        kind = DY_TOK_DASH;
        while (j < n && t[j] == '-') j++;
        break;
    case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '{': case '}':
        break;
    case '@': case '#':
        if (!adjacent_prev(z, i) && j < n && (is_alpha(t[j]) || t[j] == '_' || (c == '@' && is_digit(t[j])) ||
                                              (t[j] >= 128 && letter_at(t, n, j)))) {
            while (j < n) {
                if (is_alnum(t[j]) || t[j] == '_') j++;
                else if (t[j] >= 128) {
                    size_t l = wordchar_len(t, n, j);
                    if (!l) break;
                    j += l;
                } else break;
            }
            kind = DY_TOK_WORD;
        } else kind = DY_TOK_SYM;
        break;
    default:
        kind = DY_TOK_SYM;
        break;
    }
    int rc = push(z, i, j - i, kind, 0);
    return rc ? rc : (long long)j;
}

/* Intern the lower-cased forms of all tokens (see tz.low), in token order:
 * the ids are those one dy_intern_add per token would give. */
static int intern_all(tz *z)
{
    enum { BATCH = 256 };
    const char *ks[BATCH];
    uint32_t kn[BATCH], ids[BATCH];
    for (uint32_t b = 0; b < z->ntoks; b += BATCH) {
        uint32_t m = z->ntoks - b < BATCH ? z->ntoks - b : BATCH;
        for (uint32_t k = 0; k < m; k++) {
            const dy_token *tk = &z->toks[b + k];
            if (tk->lower) {
                memcpy(&kn[k], z->low + tk->lower - 1, 4);
                ks[k] = z->low + tk->lower - 1 + 4;
            } else {
                ks[k] = (const char *)z->t + tk->off;
                kn[k] = tk->len;
            }
        }
        if (dy_intern_add_many(z->lex, ks, kn, m, ids) != 0) return DY_ENOMEM;
        for (uint32_t k = 0; k < m; k++)
            z->toks[b + k].lower = ids[k];
    }
    return 0;
}

int dy_tokenize(dy_doc *doc, dy_intern *lex, dy_arena *a)
{
    if (!doc || !lex || !a || (!doc->text.norm && doc->text.norm_len)) return DY_EINVAL;
    tz z;
    z.t = (const unsigned char *)(doc->text.norm ? doc->text.norm : "");
    z.n = doc->text.norm_len;
    z.lex = lex;
    z.a = a;
    z.low = NULL;
    z.low_len = z.low_cap = 0;
    z.ntoks = 0;
    z.cap = (uint32_t)(z.n / 5 + 16);
    z.toks = dy_arena_alloc(a, (size_t)z.cap * sizeof *z.toks);
    doc->toks = NULL;
    doc->ntoks = 0;
    if (!z.toks) return DY_ENOMEM;
    const unsigned char *t = z.t;
    size_t n = z.n, i = 0;
    while (i < n) {
        unsigned c = t[i];
        long long r;
        if (c < 128) {
            switch (ascii_cls[c]) {
            case C_SPACE:
                i++;
                continue;
            case C_UPPER: case C_LOWER: {
                size_t dl, ul;
                if ((c | 32) == 'h' || (c | 32) == 'w') {
                    if ((ul = url_len(t, n, i)) != 0) {
                        r = push(&z, i, ul, DY_TOK_SYM, 0);
                        r = r ? r : (long long)(i + ul);
                        break;
                    }
                }
                if (i + 1 < n && (t[i + 1] == '.' || t[i + 2 < n ? i + 2 : i] == '.') &&
                    (dl = dotted_len(t, n, i)) != 0) {
                    if (dl < n - i && t[i + dl] == '-' && wordchar_len(t, n, i + dl + 1)) {
                        r = do_word(&z, i, i + dl, 0); /* U.S.-led */
                    } else {
                        r = push(&z, i, dl, DY_TOK_WORD, DY_TF_ABBR);
                        r = r ? r : (long long)(i + dl);
                    }
                    break;
                }
                r = do_word(&z, i, i + 1, 0);
                break;
            }
            case C_DIGIT:
                r = do_number(&z, i);
                break;
            default:
                r = do_punct(&z, i);
                break;
            }
        } else {
            size_t len;
            int32_t cp;
            int k = u_at(t, n, i, &len, &cp);
            switch (k) {
            case U_SPACE: case U_JOIN:
                i += len;
                continue;
            case U_WORD:
                r = do_word(&z, i, i + len, 0);
                break;
            case U_QUOTE:
                r = push(&z, i, len, DY_TOK_QUOTE, 0);
                r = r ? r : (long long)(i + len);
                break;
            case U_DASH:
                r = push(&z, i, len, DY_TOK_DASH, 0);
                r = r ? r : (long long)(i + len);
                break;
            case U_PUNCT:
                r = push(&z, i, len, DY_TOK_PUNCT, 0);
                r = r ? r : (long long)(i + len);
                break;
            default:
                r = push(&z, i, len, DY_TOK_SYM, 0);
                r = r ? r : (long long)(i + len);
                break;
            }
        }
        if (r < 0) {
            free(z.low);
            return (int)r;
        }
        i = (size_t)r;
    }
    if (intern_all(&z) != 0) {
        free(z.low);
        return DY_ENOMEM;
    }
    free(z.low);
    /* give the unused tail back to the arena (toks is its latest allocation) */
    if (z.ntoks < z.cap) {
        dy_token *nt = dy_arena_realloc(a, z.toks, (size_t)z.cap * sizeof *nt,
                                        (size_t)(z.ntoks ? z.ntoks : 1) * sizeof *nt);
        if (nt) z.toks = nt;
    }
    doc->toks = z.toks;
    doc->ntoks = z.ntoks;
    return 0;
}
