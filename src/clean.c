/* clean.c — article text to matchable text (see clean.h).
 *
 * Two passes over the article:
 *  1. split into lines (LF, CRLF or CR) and mark boilerplate lines to drop:
 *     embedded tweets (the "— Name (@handle) Month D, YYYY" credit line and
 *     the tweet text above it), pic.twitter.com links, lines that are only a
 *     URL, "Read more" / share / subscribe / follow prompts, "Advertisement",
 *     copyright lines, a byline ("By NAME, Reuters") among the first lines,
 *     and section headers such as "Expanded Coverage:" together with the
 *     headline list under them;
 *  2. write the kept lines to norm with a byte map back to the text: ASCII is
 *     copied on a fast path; invalid UTF-8, C0/C1 controls (but \n and \t)
 *     become a space; typographic spaces, quotes, apostrophes and dashes are
 *     folded to ASCII (one character each), "…" becomes "..."; soft hyphens,
 *     zero-width spaces and BOMs are removed; any other non-ASCII run is put
 *     in NFC with utf8proc.
 *
 * The map: map[i] is the offset in art->text where the code point that
 * produced norm byte i starts; when NFC composes several code points (e +
 * U+0301 -> é) all output bytes map to the first of them. map[norm_len] is
 * text_len. A dropped line leaves nothing in norm, not even its newline.
 */
#include "clean.h"
#include "dyad.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define NFC_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)
#define PREFIX_MAX_LINE 300   /* prefix rules only apply to short lines */

typedef struct cl_line {
    uint32_t start, end;   /* [start, end) without the line terminator */
    uint32_t term;         /* terminator length: 0, 1 (LF or CR) or 2 (CRLF) */
    uint8_t drop, blank;
} cl_line;

typedef struct cl_ctx {
    const unsigned char *t;
    size_t tlen;
    dy_arena *arena;
    char *out;             /* norm being built: arena memory at first, */
    uint32_t *map;         /* moved to malloc memory if it must grow */
    size_t olen, ocap;
    int in_arena;
    utf8proc_int32_t *cps; /* utf8proc scratch */
    size_t cps_cap;
    unsigned char *tmp;    /* chunked NFC output scratch */
    size_t tmp_cap;
} cl_ctx;

/* ------------------------------------------------------------------ UTF-8 */

/* Decode one strict UTF-8 sequence at s[0..n). Returns its length and sets
 * *cp, or 0 when the bytes are not valid UTF-8. */
static size_t u8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char c = s[0];
    size_t k;
    int32_t v;
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { k = 1; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { k = 2; v = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { k = 3; v = c & 0x07; }
    else return 0;
    if (n <= k) return 0;
    for (size_t j = 1; j <= k; j++) {
        if ((s[j] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[j] & 0x3F);
    }
    if ((k == 2 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (k == 3 && (v < 0x10000 || v > 0x10FFFF)))
        return 0;
    *cp = v;
    return k + 1;
}

/* ASCII replacement for code points folded or removed before NFC: returns
 * the replacement (possibly "") or NULL when cp is not folded. */
static const char *fold(int32_t cp)
{
    if (cp < 0xA0) return cp >= 0x80 ? " " : NULL;   /* C1 controls */
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return " ";
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
        return "";
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x2036:
        return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
        return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return "-";
    case 0x2026:
        return "...";
    case 0x2028: case 0x2029:
        return "\n";
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return " ";
    return NULL;
}

/* ------------------------------------------------------------------ output */

static int reserve(cl_ctx *c, size_t extra)
{
    if (c->olen + extra <= c->ocap) return 0;
    size_t cap = c->ocap ? c->ocap : 256;
    while (cap < c->olen + extra) cap *= 2;
    if (cap > (size_t)UINT32_MAX) return DY_ERANGE;
    if (!c->ocap) {
        /* first call: size of the text plus slack, from the arena */
        c->out = dy_arena_alloc(c->arena, cap);
        c->map = dy_arena_alloc(c->arena, cap * sizeof *c->map);
        if (!c->out || !c->map) return DY_ENOMEM;
        c->in_arena = 1;
        c->ocap = cap;
        return 0;
    }
    char *o = realloc(c->in_arena ? NULL : c->out, cap);
    if (!o) return DY_ENOMEM;
    if (c->in_arena) memcpy(o, c->out, c->olen);
    c->out = o;
    uint32_t *m = realloc(c->in_arena ? NULL : c->map, cap * sizeof *m);
    if (!m) {
        if (c->in_arena) { free(o); c->out = NULL; }
        return DY_ENOMEM;
    }
    if (c->in_arena) memcpy(m, c->map, c->olen * sizeof *m);
    c->map = m;
    c->in_arena = 0;
    c->ocap = cap;
    return 0;
}

static inline void emit(cl_ctx *c, char ch, size_t src)
{
    c->out[c->olen] = ch;
    c->map[c->olen++] = (uint32_t)src;
}

/* NFC of s[0..n) into the cps scratch as UTF-8 bytes; returns the byte
 * length or a negative value. */
static utf8proc_ssize_t nfc(cl_ctx *c, const unsigned char *s, size_t n, unsigned char **res)
{
    for (;;) {
        utf8proc_ssize_t k = utf8proc_decompose(s, (utf8proc_ssize_t)n, c->cps, (utf8proc_ssize_t)c->cps_cap, NFC_OPTS);
        if (k < 0) return k;
        if ((size_t)k <= c->cps_cap) {
            k = utf8proc_reencode(c->cps, k, NFC_OPTS);
            *res = (unsigned char *)c->cps;
            return k;
        }
        size_t cap = (size_t)k + 64;
        utf8proc_int32_t *p = realloc(c->cps, cap * sizeof *p);
        if (!p) return UTF8PROC_ERROR_NOMEM;
        c->cps = p;
        c->cps_cap = cap;
    }
}

static int tmp_reserve(cl_ctx *c, size_t need)
{
    if (need <= c->tmp_cap) return 0;
    size_t cap = c->tmp_cap ? c->tmp_cap : 256;
    while (cap < need) cap *= 2;
    unsigned char *p = realloc(c->tmp, cap);
    if (!p) return DY_ENOMEM;
    c->tmp = p;
    c->tmp_cap = cap;
    return 0;
}

/* Write the NFC form of the valid, unfolded run t[rs..re) (which may begin
 * with one ASCII base character). */
static int put_run(cl_ctx *c, size_t rs, size_t re)
{
    const unsigned char *s = c->t + rs;
    size_t n = re - rs;
    int rc;
    /* Latin-1 and Latin Extended (< U+0300) never change under NFC */
    int simple = 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0xCC) { simple = 0; break; }   /* lead byte of U+0300 and up */
    if (simple) {
        if ((rc = reserve(c, n)) < 0) return rc;
        size_t cs = rs;
        for (size_t i = 0; i < n; i++) {
            if ((s[i] & 0xC0) != 0x80) cs = rs + i;
            emit(c, (char)s[i], cs);
        }
        return 0;
    }
    unsigned char *res;
    utf8proc_ssize_t k = nfc(c, s, n, &res);
    if (k < 0) return k == UTF8PROC_ERROR_NOMEM ? DY_ENOMEM : DY_EUTF8;
    if ((rc = reserve(c, (size_t)k)) < 0) return rc;
    if ((size_t)k == n && memcmp(res, s, n) == 0) {
        /* already NFC: every byte maps to its own code point's start */
        size_t cs = rs;
        for (size_t i = 0; i < n; i++) {
            if ((s[i] & 0xC0) != 0x80) cs = rs + i;
            emit(c, (char)s[i], cs);
        }
        return 0;
    }
    /* Changed: normalise chunk by chunk (a chunk = a starter and the
     * non-starters after it) so each output byte can point at its chunk. If
     * the pieces do not add up to the whole (compositions across starters,
     * e.g. Hangul jamo), the whole run maps to its start. */
    if ((rc = tmp_reserve(c, (size_t)k)) < 0) return rc;
    memcpy(c->tmp, res, (size_t)k);
    size_t whole = (size_t)k, done = 0;
    size_t cstart = 0, i = 0;
    int ok = 1;
    size_t mark = c->olen;
    while (i < n && ok) {
        /* find the end of the chunk that starts at i */
        int32_t cp;
        size_t l = u8_decode(s + i, n - i, &cp);
        size_t j = i + (l ? l : 1);
        while (j < n) {
            size_t l2 = u8_decode(s + j, n - j, &cp);
            if (!l2) break;
            if (utf8proc_get_property(cp)->combining_class == 0) break;
            j += l2;
        }
        cstart = i;
        unsigned char *part;
        utf8proc_ssize_t pk = nfc(c, s + cstart, j - cstart, &part);
        if (pk < 0 || done + (size_t)pk > whole || memcmp(c->tmp + done, part, (size_t)pk) != 0) {
            ok = 0;
            break;
        }
        for (utf8proc_ssize_t b = 0; b < pk; b++) emit(c, (char)part[b], rs + cstart);
        done += (size_t)pk;
        i = j;
    }
    if (!ok || done != whole) {
        c->olen = mark;
        for (size_t b = 0; b < whole; b++) emit(c, (char)c->tmp[b], rs);
    }
    return 0;
}

/* Normalise the line t[ls..le) into the output. */
/* Are the 8 bytes at p all printable ASCII (0x20 .. 0x7E)? Word-at-a-time
 * tests for a byte below 0x20 and for one above 0x7E. */
static inline int printable8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t below = (x - ones * 0x20) & ~x & highs;
    uint64_t above = ((x + ones * (127 - 0x7E)) | x) & highs;
    return !(below | above);
}

static int put_line(cl_ctx *c, size_t ls, size_t le)
{
    const unsigned char *t = c->t;
    size_t i = ls;
    int rc;
    /* copies and folds never grow the text; put_run reserves for NFC */
    if ((rc = reserve(c, le - ls + 1)) < 0) return rc;
    while (i < le) {
        if (t[i] < 0x80) {
            /* locals: stores through char pointers would make the
             * compiler reload c->olen for every byte */
            char *o = c->out + c->olen;
            uint32_t *m = c->map + c->olen;
            size_t s0 = i;
            while (i < le && t[i] < 0x80) {
                /* a run of printable bytes: copied as is */
                size_t r0 = i;
                while (i + 8 <= le && printable8(t + i)) i += 8;
                while (i < le && t[i] >= 0x20 && t[i] < 0x7F) i++;
                if (i > r0) {
                    memcpy(o, t + r0, i - r0);
                    for (size_t k = r0; k < i; k++) *m++ = (uint32_t)k;
                    o += i - r0;
                    continue;
                }
                unsigned char ch = t[i];
                *o++ = ch == '\t' ? '\t' : ' ';
                *m++ = (uint32_t)i;
                i++;
            }
            c->olen += i - s0;
            continue;
        }
        int32_t cp;
        size_t l = u8_decode(t + i, le - i, &cp);
        if (!l) { emit(c, ' ', i); i++; continue; }
        const char *f = fold(cp);
        if (f) {
            for (; *f; f++) emit(c, *f, i);
            i += l;
            continue;
        }
        /* a run of valid, unfolded non-ASCII code points */
        size_t rs = i, re = i + l;
        while (re < le && t[re] >= 0x80) {
            size_t l2 = u8_decode(t + re, le - re, &cp);
            if (!l2 || fold(cp)) break;
            re += l2;
        }
        /* a combining mark after an ASCII letter composes with it: take the
         * letter back into the run */
        u8_decode(t + rs, le - rs, &cp);
        if (rs > ls && t[rs - 1] < 0x80 && c->olen && c->map[c->olen - 1] == rs - 1 &&
            (unsigned char)c->out[c->olen - 1] == t[rs - 1] &&
            utf8proc_get_property(cp)->combining_class != 0) {
            c->olen--;
            rs--;
        }
        if ((rc = put_run(c, rs, re)) < 0) return rc;
        /* NFC may have grown the output: room for the rest of the line */
        if ((rc = reserve(c, le - re + 1)) < 0) return rc;
        i = re;
    }
    return 0;
}

/* ------------------------------------------------------------------ rules */

static int lc(int ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }
static int is_sp(int ch) { return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\v'; }
static int is_up(int ch) { return ch >= 'A' && ch <= 'Z'; }
static int is_lo(int ch) { return ch >= 'a' && ch <= 'z'; }
static int is_dig(int ch) { return ch >= '0' && ch <= '9'; }
static int is_alpha(int ch) { return is_up(ch) || is_lo(ch); }

/* Does s[0..n) start with lit, ignoring ASCII case? */
static int starts_ci(const unsigned char *s, size_t n, const char *lit)
{
    if (!n || lc(s[0]) != (unsigned char)lit[0]) return 0;   /* cheap first */
    size_t l = strlen(lit);
    if (l > n) return 0;
    for (size_t i = 0; i < l; i++)
        if (lc(s[i]) != (unsigned char)lit[i]) return 0;
    return 1;
}

/* Does s[0..n) contain lit (lower case), ignoring ASCII case? */
static int has_ci(const unsigned char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    for (size_t i = 0; i + l <= n; i++)
        if (lc(s[i]) == (unsigned char)lit[0] && starts_ci(s + i, n - i, lit)) return 1;
    return 0;
}

/* Does s[0..n) contain lit (case-sensitive)? */
static int has_lit(const unsigned char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    const unsigned char *p = s, *e = s + n;
    while ((size_t)(e - p) >= l && (p = memchr(p, lit[0], (size_t)(e - p) - l + 1)) != NULL) {
        if (memcmp(p, lit, l) == 0) return 1;
        p++;
    }
    return 0;
}

/* Trim ASCII space and the UTF-8 no-break space from both ends. */
static void trim(const unsigned char **s, size_t *n)
{
    for (;;) {
        if (*n && is_sp((*s)[0])) { (*s)++; (*n)--; }
        else if (*n >= 2 && (*s)[0] == 0xC2 && (*s)[1] == 0xA0) { *s += 2; *n -= 2; }
        else break;
    }
    for (;;) {
        if (*n && is_sp((*s)[*n - 1])) (*n)--;
        else if (*n >= 2 && (*s)[*n - 2] == 0xC2 && (*s)[*n - 1] == 0xA0) *n -= 2;
        else break;
    }
}

/* The line without a trailing ':' and spaces, compared with lit exactly. */
static int eq_header(const unsigned char *s, size_t n, const char *lit)
{
    if (n > 48) return 0;   /* longer than any listed line */
    while (n && (s[n - 1] == ':' || is_sp(s[n - 1]))) n--;
    return n == strlen(lit) && starts_ci(s, n, lit);
}

static const char *const section_headers[] = {
    "expanded coverage", "related coverage", "more on this story", "more on this topic",
    "related articles", "related stories", "related content", "related links", "related news",
    "related", "read next", "you may also like", "you might also like", "recommended",
    "recommended stories", "recommended for you", "most read", "most popular", "trending",
    "trending now", "top stories", "more stories", "more coverage", "latest news",
    "more from this section", "what to read next", "also on",
};

/* Lines dropped when they are exactly one of these (':' allowed). */
static const char *const junk_lines[] = {
    "advertisement", "story continues below advertisement", "skip advertisement",
    "continue reading", "continue reading below", "share", "share this", "share this article",
    "share this story", "tweet", "email", "print", "comments", "more", "follow us",
    "view comments", "scroll to continue", "article continues below",
};

/* Lines dropped when they start with one of these (short lines only). */
static const char *const junk_prefixes[] = {
    "share this:", "share on ", "share via ", "click here", "sign up for ", "sign up to ",
    "subscribe to ", "follow us on ", "follow us:", "also read:", "see also:", "related:",
    "view this post on instagram", "a post shared by ", "download the ", "get the latest ",
    "watch:", "watch live:", "listen:", "photo:", "image:", "image source:", "image caption:",
    "reporting by ", "additional reporting by ", "editing by ", "writing by ",
};

static int in_list(const unsigned char *s, size_t n, const char *const *list, size_t cnt, int prefix)
{
    for (size_t i = 0; i < cnt; i++)
        if (prefix ? starts_ci(s, n, list[i]) : eq_header(s, n, list[i])) return 1;
    return 0;
}

/* "Read more", "READ MORE: ...", "Read More »": the words then nothing or
 * a non-letter. Returns 2 when nothing but ':' or '»' follows (a header
 * over a list of links), 1 otherwise, 0 for no match. */
static int read_more(const unsigned char *s, size_t n)
{
    static const char *const lead[] = {"read more", "more:", "read also", "also read", "read next"};
    for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++) {
        size_t l = strlen(lead[i]);
        if (!starts_ci(s, n, lead[i]) || (n > l && is_alpha(s[l]))) continue;
        size_t j = l;
        while (j < n && (is_sp(s[j]) || s[j] == ':' || s[j] == '>' || s[j] == 0xC2 || s[j] == 0xBB)) j++;
        return j == n ? 2 : 1;
    }
    return 0;
}

static int url_only(const unsigned char *s, size_t n)
{
    if (!(starts_ci(s, n, "http://") || starts_ci(s, n, "https://") || starts_ci(s, n, "www.")))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (is_sp(s[i])) return 0;
    return 1;
}

static int copyright(const unsigned char *s, size_t n)
{
    if (n > PREFIX_MAX_LINE) return 0;
    if (has_ci(s, n, "all rights reserved")) return 1;
    if (starts_ci(s, n, "copyright ") || starts_ci(s, n, "\xc2\xa9")) return 1;
    if (starts_ci(s, n, "(c) ") && n > 4 && is_dig(s[4])) return 1;
    return 0;
}

/* An embedded tweet's credit: "(@handle) Month D, YYYY" at the end. */
static int tweet_credit(const unsigned char *s, size_t n)
{
    static const char *const months[] = {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };
    for (size_t i = 0; i + 2 < n; i++) {
        const unsigned char *p = memchr(s + i, '(', n - 2 - i);
        if (!p) break;
        i = (size_t)(p - s);
        if (s[i + 1] != '@') continue;
        size_t j = i + 2, h = j;
        while (j < n && (is_alpha(s[j]) || is_dig(s[j]) || s[j] == '_')) j++;
        if (j == h || j - h > 15 || j >= n || s[j] != ')') continue;
        j++;
        while (j < n && is_sp(s[j])) j++;
        size_t m, ml = 0;
        for (m = 0; m < sizeof months / sizeof months[0]; m++) {
            ml = strlen(months[m]);
            if (starts_ci(s + j, n - j, months[m]) && (j + ml == n || !is_alpha(s[j + ml]))) break;
        }
        if (m == sizeof months / sizeof months[0]) continue;
        j += ml;
        if (j < n && s[j] == '.') j++;
        while (j < n && is_sp(s[j])) j++;
        size_t d = j;
        while (j < n && is_dig(s[j])) j++;
        if (j == d || j - d > 2 || j >= n || s[j] != ',') continue;
        j++;
        while (j < n && is_sp(s[j])) j++;
        d = j;
        while (j < n && is_dig(s[j])) j++;
        if (j - d != 4) continue;
        while (j < n && is_sp(s[j])) j++;
        if (j == n) return 1;
    }
    return 0;
}

/* "By NAME", "By NAME and NAME, Reuters", "BY NAME | AP". */
static int byline(const unsigned char *s, size_t n)
{
    static const char *const small[] = {"and", "de", "la", "le", "van", "von", "der", "den", "da",
                                        "del", "di", "du", "bin", "al", "el", "in", "for", "with"};
    if (n < 4 || n > 120 || !starts_ci(s, n, "by ") || !is_up(s[3])) return 0;
    size_t i = 3, words = 0;
    while (i < n) {
        while (i < n && (is_sp(s[i]) || s[i] == ',' || s[i] == '|' || s[i] == '&' || s[i] == '-' || s[i] == '/')) i++;
        if (i >= n) break;
        size_t w = i;
        while (i < n && !is_sp(s[i]) && s[i] != ',' && s[i] != '|') i++;
        words++;
        if (words > 10) return 0;
        unsigned char f = s[w];
        if (is_up(f) || is_dig(f) || f >= 0x80 || f == '(' || f == '@') continue;
        int ok = 0;
        for (size_t k = 0; k < sizeof small / sizeof small[0] && !ok; k++)
            ok = i - w == strlen(small[k]) && starts_ci(s + w, i - w, small[k]);
        if (!ok) return 0;
    }
    /* a sentence, not a byline: "By Monday, Smith had left." */
    return s[n - 1] != '.' || (n >= 2 && is_up(s[n - 2]));
}

/* Does this line end like prose (so a headline list is over)? */
static int prose_end(const unsigned char *s, size_t n)
{
    if (!n) return 0;
    unsigned char e = s[n - 1];
    if (e == '.' || e == '!' || e == '?' || e == '"' || e == '\'') return n > 40;
    /* ’ ” */
    if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && (e == 0x99 || e == 0x9D)) return n > 40;
    return 0;
}

static void mark_lines(const unsigned char *t, cl_line *L, size_t nl)
{
    size_t nonblank_seen = 0;
    int in_section = 0;
    for (size_t i = 0; i < nl; i++) {
        const unsigned char *s = t + L[i].start;
        size_t n = L[i].end - L[i].start;
        trim(&s, &n);
        if (!n) { L[i].blank = 1; continue; }
        nonblank_seen++;
        if (in_section) {
            /* the link list under a section header */
            if (!prose_end(s, n) && n <= PREFIX_MAX_LINE) { L[i].drop = 1; continue; }
            in_section = 0;
        }
        int shortl = n <= PREFIX_MAX_LINE;
        if (shortl && (in_list(s, n, section_headers, sizeof section_headers / sizeof *section_headers, 0) ||
                       starts_ci(s, n, "expanded coverage:") || starts_ci(s, n, "related coverage:"))) {
            L[i].drop = 1;
            in_section = 1;
            continue;
        }
        int rm = shortl ? read_more(s, n) : 0;
        if (rm == 2) {
            L[i].drop = 1;
            in_section = 1;
            continue;
        }
        if (tweet_credit(s, n)) {
            L[i].drop = 1;
            /* the tweet text above: the block back to a blank line (up to 3
             * lines), or only the line just above when there is none */
            size_t k = 0, j = i;
            int bounded = 0;   /* a blank line within 3 lines above */
            while (k < 4 && j > 0) {
                j--;
                if (L[j].blank) { bounded = 1; break; }
                k++;
            }
            size_t back = bounded && k <= 3 ? k : (k ? 1 : 0);
            for (size_t b = 1; b <= back; b++) L[i - b].drop = 1;
            continue;
        }
        if (has_lit(s, n, "pic.twitter.com/") || url_only(s, n) || copyright(s, n) ||
            (shortl && (rm ||
                        in_list(s, n, junk_lines, sizeof junk_lines / sizeof *junk_lines, 0) ||
                        in_list(s, n, junk_prefixes, sizeof junk_prefixes / sizeof *junk_prefixes, 1))) ||
            (nonblank_seen <= 3 && byline(s, n))) {
            L[i].drop = 1;
        }
    }
}

/* ------------------------------------------------------------------ main */

int dy_clean(const dy_article *art, dy_arena *a, dy_text *out)
{
    if (!art || !a || !out) return DY_EINVAL;
    memset(out, 0, sizeof *out);
    size_t tlen = art->text ? art->text_len : 0;
    if (tlen > DY_MAX_ARTICLE) return DY_ERANGE;
    const unsigned char *t = (const unsigned char *)(art->text ? art->text : "");
    cl_ctx c = {.t = t, .tlen = tlen, .arena = a};
    cl_line *L = NULL;
    int rc = 0;

    /* 1. lines */
    size_t nl = 1;
    for (const unsigned char *p = t, *e = t + tlen; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) nl++;
    for (const unsigned char *p = t, *e = t + tlen; (p = memchr(p, '\r', (size_t)(e - p))) != NULL; p++)
        if (p + 1 == e || p[1] != '\n') nl++;
    L = calloc(nl, sizeof *L);
    if (!L) { rc = DY_ENOMEM; goto out_lines; }
    size_t k = 0, st = 0;
    /* next '\r' / '\n' at or after st (tlen: none; SIZE_MAX: not looked for) */
    size_t next_cr = SIZE_MAX, next_lf = SIZE_MAX;
    for (;;) {
        size_t j;
        if (next_cr == SIZE_MAX || next_cr < st) {
            const unsigned char *p = st < tlen ? memchr(t + st, '\r', tlen - st) : NULL;
            next_cr = p ? (size_t)(p - t) : tlen;
        }
        if (next_lf == SIZE_MAX || next_lf < st) {
            const unsigned char *p = st < tlen ? memchr(t + st, '\n', tlen - st) : NULL;
            next_lf = p ? (size_t)(p - t) : tlen;
        }
        j = next_cr < next_lf ? next_cr : next_lf;
        L[k].start = (uint32_t)st;
        L[k].end = (uint32_t)j;
        if (j == tlen) { k++; break; }
        L[k].term = (t[j] == '\r' && j + 1 < tlen && t[j + 1] == '\n') ? 2 : 1;
        st = j + L[k].term;
        k++;
    }
    nl = k;
    mark_lines(t, L, nl);

    /* 2. normalise kept lines */
    if ((rc = reserve(&c, tlen + 64)) < 0) goto out_buf;
    uint32_t dropped = 0;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].drop) { dropped++; continue; }
        if ((rc = put_line(&c, L[i].start, L[i].end)) < 0) goto out_buf;
        if (L[i].term) {
            if ((rc = reserve(&c, 1)) < 0) goto out_buf;
            emit(&c, '\n', L[i].end);
        }
    }
    if (c.olen > (size_t)UINT32_MAX - 1) { rc = DY_ERANGE; goto out_buf; }

    /* 3. into the arena (already there unless NFC made the text grow) */
    if ((rc = reserve(&c, 1)) < 0) goto out_buf;
    char *norm = c.out;
    uint32_t *map = c.map;
    if (!c.in_arena) {
        norm = dy_arena_alloc(a, c.olen + 1);
        map = dy_arena_alloc(a, (c.olen + 1) * sizeof *map);
        if (!norm || !map) { rc = DY_ENOMEM; goto out_buf; }
        memcpy(norm, c.out, c.olen);
        memcpy(map, c.map, c.olen * sizeof *map);
    }
    norm[c.olen] = '\0';
    map[c.olen] = (uint32_t)tlen;
    out->norm = norm;
    out->norm_len = (uint32_t)c.olen;
    out->map = map;
    out->dropped_lines = dropped;
    rc = 0;
out_buf:
    if (!c.in_arena) {
        free(c.out);
        free(c.map);
    }
    free(c.cps);
    free(c.tmp);
out_lines:
    free(L);
    return rc;
}
