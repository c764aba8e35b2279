/* ingest.c — streaming readers from input files to dy_article records (see
 * ingest.h). One buffered byte source per reader feeds four record parsers:
 *
 *   JSON Lines   one object per '\n'-terminated line (fast path, or jansson)
 *   text         the whole input is one article (id = base name, or "stdin")
 *   PETRARCH XML a small tolerant scanner for <Sentence> elements
 *   TABARI       "YYMMDD id" header line, text lines, blank line
 *
 * Decisions worth knowing (they are tested in tests/test_ingest.c):
 *  - Memory is bounded by the largest accepted record: one line/record buffer
 *    is reused, and freed after a record that made it grow beyond 1 MiB. A
 *    record longer than max_record is skipped without being stored and is
 *    rejected with its real size.
 *  - JSONL: a flat object of strings/integers/null/booleans in valid UTF-8
 *    (the usual record) is decoded by a small fast path straight into the
 *    arena; anything else, and every malformed line, goes to jansson, whose
 *    message becomes the error. Both feed the same field rules (a test
 *    checks that they agree). Blank lines are skipped silently; a UTF-8
 *    BOM at the start and a CR before the LF are ignored. "text" is required (a string,
 *    not blank); "id" may be a string or a number and, when missing or null,
 *    is made up as "<base name>:<line>" (no warning: the id is still unique
 *    and says where the record is). "date" may be a string or a YYYYMMDD
 *    integer; a bad date rejects the record. Unknown fields are ignored.
 *  - text: a NUL byte means "binary file" and the input is rejected; invalid
 *    UTF-8 is kept (dy_clean replaces it). A leading BOM is dropped.
 *  - PETRARCH XML: every <Sentence> is an article; one_sentence is 1 unless
 *    the sentence attribute says "false". Comments and other elements
 *    (<Parse>, <EventCoding>, <Environment>) are skipped; entities decoded.
 *  - TABARI: a header is a line starting with a digit after a blank line (or
 *    at the start); text lines run to the next blank line. Comments slash-star
 *    ... star-slash are removed and never span a blank line (TABARI's own
 *    files contain an unclosed one). Records that are not valid UTF-8 are
 *    read as Windows-1252/Latin-1 and converted.
 */
#include "ingest.h"
#include "dyad.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define IN_BUFSZ ((size_t)64 * 1024)
#define LB_KEEP ((size_t)1024 * 1024)   /* free the record buffer above this */

struct dy_reader {
    int fd;
    int own_fd;
    char *origin;           /* owned: the path, or "-" for stdin */
    const char *base;       /* base name used for made-up ids */
    dy_format fmt;
    size_t max_record;
    char def_date[11];      /* normalised default date or "" */
    int def_y, def_m, def_d;

    unsigned char *in;      /* input buffer */
    size_t in_pos, in_len;
    int in_eof;             /* read() returned 0 */
    int in_errno;           /* read() failed with this errno */
    int at_start;           /* nothing consumed yet (BOM check) */

    uint64_t line;          /* line-based formats: lines read so far;
                               XML: current line (1-based) */
    int pending_lf;         /* last line ended with CR: swallow one LF */
    int xml_prev_cr;        /* XML line counting: previous byte was CR */

    char *lb;               /* reused line / record buffer */
    size_t lb_cap;

    int done;               /* EOF seen or fatal error: only DY_EEOF now */
    int text_done;          /* TEXT: the article was handed out */
    int tab_in_comment;     /* TABARI: inside a comment */
    int xml_pending;        /* XML: a <Sentence start tag was already read */
    uint64_t xml_pending_line;
};

/* ---------------------------------------------------------------- names */

const char *dy_format_name(dy_format f)
{
    switch (f) {
    case DY_FMT_AUTO: return "auto";
    case DY_FMT_JSONL: return "jsonl";
    case DY_FMT_TEXT: return "text";
    case DY_FMT_PETRXML: return "petrarch-xml";
    case DY_FMT_TABARI: return "tabari";
    }
    return "unknown";
}

int dy_format_parse(const char *name)
{
    static const struct { const char *n; dy_format f; } names[] = {
        {"auto", DY_FMT_AUTO}, {"jsonl", DY_FMT_JSONL}, {"json", DY_FMT_JSONL},
        {"ndjson", DY_FMT_JSONL}, {"text", DY_FMT_TEXT}, {"txt", DY_FMT_TEXT},
        {"petrarch-xml", DY_FMT_PETRXML}, {"petrarch", DY_FMT_PETRXML},
        {"petrxml", DY_FMT_PETRXML}, {"xml", DY_FMT_PETRXML},
        {"tabari", DY_FMT_TABARI},
    };
    if (!name) return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].n) == 0) return (int)names[i].f;
    return -1;
}

/* ---------------------------------------------------------------- dates */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alnum(int c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int date_valid(int y, int m, int d)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int md = mdays[m - 1] + (m == 2 && leap);
    return d <= md;
}

int dy_date_parse(const char *s, size_t n, int *y, int *m, int *d)
{
    int yy, mm, dd;
    if (!s) return DY_EPARSE;
    while (n && (s[0] == ' ' || s[0] == '\t')) { s++; n--; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    if (n >= 10 && s[4] == '-' && s[7] == '-') {
        /* YYYY-MM-DD, optionally followed by a time (ISO 8601) */
        if (n > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return DY_EPARSE;
        yy = digits(s, 4); mm = digits(s + 5, 2); dd = digits(s + 8, 2);
    } else if (n == 8 || (n > 8 && (s[8] == 'T' || s[8] == 't') && digits(s, 8) >= 0)) {
        yy = digits(s, 4); mm = digits(s + 4, 2); dd = digits(s + 6, 2);
    } else if (n == 6) {
        yy = digits(s, 2); mm = digits(s + 2, 2); dd = digits(s + 4, 2);
        if (yy >= 0) yy += yy >= 50 ? 1900 : 2000;
    } else {
        return DY_EPARSE;
    }
    if (yy < 0 || mm < 0 || dd < 0 || !date_valid(yy, mm, dd)) return DY_EPARSE;
    if (y) *y = yy;
    if (m) *m = mm;
    if (d) *d = dd;
    return 0;
}

/* ---------------------------------------------------------------- errors */

static int utf8_valid(const unsigned char *s, size_t n);

static void set_err(dy_ingest_err *err, const dy_reader *r, uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void set_err(dy_ingest_err *err, const dy_reader *r, uint64_t line, const char *fmt, ...)
{
    va_list ap;
    err->origin = r ? r->origin : err->origin;
    err->line = line;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    /* one printable line of valid UTF-8, always (messages quote input) */
    for (char *p = err->msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) *p = ' ';
    if (!utf8_valid((const unsigned char *)err->msg, strlen(err->msg)))
        for (char *p = err->msg; *p; p++)
            if ((unsigned char)*p >= 0x80) *p = '?';
}

/* A short, printable excerpt of s[0..n) for messages ("..." when cut). */
static void excerpt(char *dst, size_t dsz, const char *s, size_t n)
{
    size_t j = 0, i = 0;
    for (; i < n && j + 4 < dsz; i++) {
        unsigned char c = (unsigned char)s[i];
        dst[j++] = (c < 0x20 || c == 0x7f || c == '"') ? '?' : (char)c;
    }
    if (i < n) { memcpy(dst + j, "...", 3); j += 3; }
    dst[j] = '\0';
}

/* ---------------------------------------------------------------- source */

/* Refill the input buffer. 1 = data, 0 = end of input, -1 = read error. */
static int src_fill(dy_reader *r)
{
    if (r->in_pos < r->in_len) return 1;
    if (r->in_eof) return 0;
    if (r->in_errno) return -1;
    for (;;) {
        ssize_t k = read(r->fd, r->in, IN_BUFSZ);
        if (k > 0) { r->in_pos = 0; r->in_len = (size_t)k; return 1; }
        if (k == 0) { r->in_eof = 1; r->in_pos = r->in_len = 0; return 0; }
        if (errno == EINTR) continue;
        r->in_errno = errno ? errno : EIO;
        r->in_pos = r->in_len = 0;
        return -1;
    }
}

/* Make lb hold at least need bytes. */
static int lb_reserve(dy_reader *r, size_t need)
{
    if (need <= r->lb_cap) return 0;
    size_t cap = r->lb_cap ? r->lb_cap : 4096;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(r->lb, cap);
    if (!p) return DY_ENOMEM;
    r->lb = p;
    r->lb_cap = cap;
    return 0;
}

/* After each record: do not keep a huge buffer for the rest of the run. */
static void lb_trim(dy_reader *r)
{
    if (r->lb_cap > LB_KEEP) {
        free(r->lb);
        r->lb = NULL;
        r->lb_cap = 0;
    }
}

/* Append bytes to lb at *len, storing at most r->max_record bytes.
 * Returns DY_ENOMEM on allocation failure. */
static int lb_append(dy_reader *r, size_t *len, const void *p, size_t n)
{
    if (*len >= r->max_record) return 0;
    if (n > r->max_record - *len) n = r->max_record - *len;
    if (lb_reserve(r, *len + n + 1) < 0) return DY_ENOMEM;
    memcpy(r->lb + *len, p, n);
    *len += n;
    r->lb[*len] = '\0';
    return 0;
}

/* Read one line into lb (without its end). With cr_eol, CR, LF and CRLF end
 * lines; otherwise only LF. *len is what was stored (at most max_record),
 * *total the line's real length. Returns 1 for a line, 0 at the end of
 * input, -1 on a read error, DY_ENOMEM. */
static int read_line(dy_reader *r, int cr_eol, size_t *len, size_t *total)
{
    int got = 0;
    *len = *total = 0;
    if (lb_reserve(r, 1) < 0) return DY_ENOMEM;
    r->lb[0] = '\0';
    for (;;) {
        int f = src_fill(r);
        if (f < 0) return -1;
        if (f == 0) {
            if (!got) return 0;
            break;
        }
        const unsigned char *p = r->in + r->in_pos;
        size_t avail = r->in_len - r->in_pos;
        if (r->pending_lf) {
            r->pending_lf = 0;
            if (*p == '\n') { r->in_pos++; continue; }
        }
        got = 1;
        const unsigned char *e;
        if (cr_eol) {
            e = NULL;
            for (size_t i = 0; i < avail; i++)
                if (p[i] == '\n' || p[i] == '\r') { e = p + i; break; }
        } else {
            e = memchr(p, '\n', avail);
        }
        size_t n = e ? (size_t)(e - p) : avail;
        if (lb_append(r, len, p, n) < 0) return DY_ENOMEM;
        *total += n;
        r->in_pos += n;
        if (e) {
            r->in_pos++;
            if (*e == '\r') r->pending_lf = 1;
            break;
        }
    }
    r->line++;
    return 1;
}

/* ---------------------------------------------------------------- helpers */

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    return *b ? b : path;
}

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space((unsigned char)s[i])) return 0;
    return 1;
}

/* Is s[0..n) valid UTF-8 (no overlongs, surrogates or values > U+10FFFF)? */
static int utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII eight bytes at a time */
        while (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t k;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) { k = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; }
        else return 0;
        if (n - i <= k) return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += k + 1;
    }
    return 1;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Windows-1252 bytes 0x80..0x9F; 0 = undefined (kept as the C1 code point). */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Arena copy of s[0..n) converted from Windows-1252/Latin-1 to UTF-8. */
static char *latin1_to_utf8(dy_arena *a, const char *s, size_t n, size_t *outn)
{
    size_t need = 0;
    for (size_t i = 0; i < n; i++) need += (unsigned char)s[i] < 0x80 ? 1 : 3;
    char *o = dy_arena_alloc(a, need + 1);
    if (!o) return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        if (c >= 0x80 && c < 0xA0 && cp1252_hi[c - 0x80]) cp = cp1252_hi[c - 0x80];
        j += put_utf8(o + j, cp);
    }
    o[j] = '\0';
    *outn = j;
    return o;
}

/* Fill the parts of *out every format shares. */
static int article_init(dy_reader *r, dy_arena *a, dy_article *out, uint64_t line)
{
    memset(out, 0, sizeof *out);
    out->origin = dy_arena_strndup(a, r->origin, strlen(r->origin));
    if (!out->origin) return DY_ENOMEM;
    out->line = line;
    out->id = out->source = out->url = out->title = out->text = "";
    out->date = "";
    if (r->def_date[0]) {
        out->date = dy_arena_strndup(a, r->def_date, 10);
        if (!out->date) return DY_ENOMEM;
        out->year = r->def_y; out->month = r->def_m; out->day = r->def_d;
    }
    return 0;
}

/* Set out's date from s[0..n); an empty string keeps the default.
 * Returns 0, DY_EPARSE (err filled) or DY_ENOMEM. */
static int article_date(dy_reader *r, dy_arena *a, dy_article *out, const char *s, size_t n,
                        dy_ingest_err *err)
{
    int y, m, d;
    if (blank(s, n)) return 0;
    if (dy_date_parse(s, n, &y, &m, &d) < 0) {
        char ex[64];
        excerpt(ex, sizeof ex, s, n);
        set_err(err, r, out->line, "malformed date \"%s\"", ex);
        return DY_EPARSE;
    }
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    out->date = dy_arena_strndup(a, buf, 10);
    if (!out->date) return DY_ENOMEM;
    out->year = y; out->month = m; out->day = d;
    return 0;
}

/* "<base>:<line>" for records without an id. */
static const char *made_up_id(dy_reader *r, dy_arena *a, uint64_t line)
{
    char buf[32];
    size_t bl = strlen(r->base);
    int k = snprintf(buf, sizeof buf, ":%llu", (unsigned long long)line);
    char *id = dy_arena_alloc(a, bl + (size_t)k + 1);
    if (!id) return NULL;
    memcpy(id, r->base, bl);
    memcpy(id + bl, buf, (size_t)k + 1);
    return id;
}

static int fatal_read(dy_reader *r, dy_ingest_err *err)
{
    set_err(err, r, r->line, "read error: %s", strerror(r->in_errno ? r->in_errno : EIO));
    r->done = 1;
    return DY_EIO;
}

static int oom(dy_reader *r, dy_ingest_err *err, uint64_t line)
{
    set_err(err, r, line, "out of memory");
    return DY_ENOMEM;
}

static int too_large(dy_reader *r, dy_ingest_err *err, uint64_t line, size_t total)
{
    set_err(err, r, line, "record too large (%zu bytes > limit %zu)", total, r->max_record);
    return DY_ERANGE;
}

/* ---------------------------------------------------------------- JSONL */

/* The six fields of a record, whichever parser read them. */
enum { JF_ID, JF_DATE, JF_SOURCE, JF_URL, JF_TITLE, JF_TEXT, JF_N };
static const char *const jf_names[JF_N] = {"id", "date", "source", "url", "title", "text"};

enum { JT_ABSENT, JT_NULL, JT_STR, JT_INT, JT_OTHER };
typedef struct jfield {
    int type;
    const char *s;        /* JT_STR: decoded bytes (may hold NULs) */
    size_t n;
    long long i;          /* JT_INT */
    const char *tname;    /* JT_OTHER: "number", "array", ... */
    int in_arena;         /* s already lives in the article's arena */
} jfield;

static const char *json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "object";
    case JSON_ARRAY: return "array";
    case JSON_STRING: return "string";
    case JSON_INTEGER: case JSON_REAL: return "number";
    case JSON_TRUE: case JSON_FALSE: return "boolean";
    case JSON_NULL: return "null";
    }
    return "value";
}

/* A string field into *dst ("" when absent or null); others are errors. */
static int jf_string(dy_reader *r, dy_arena *a, const jfield *f, int k, const char **dst,
                     uint64_t line, dy_ingest_err *err)
{
    if (f->type == JT_ABSENT || f->type == JT_NULL) return 0;
    if (f->type != JT_STR) {
        set_err(err, r, line, "field \"%s\" must be a string, not %s", jf_names[k],
                f->type == JT_INT ? "number" : f->tname);
        return DY_EPARSE;
    }
    if (memchr(f->s, '\0', f->n)) {
        set_err(err, r, line, "field \"%s\" contains a NUL character", jf_names[k]);
        return DY_EPARSE;
    }
    *dst = f->in_arena ? f->s : dy_arena_strndup(a, f->s, f->n);
    return *dst ? 0 : oom(r, err, line);
}

/* Apply the record rules to the parsed fields. */
static int jsonl_build(dy_reader *r, dy_arena *a, dy_article *out, const jfield *f, uint64_t line,
                       dy_ingest_err *err)
{
    int rc;
    if ((rc = article_init(r, a, out, line)) < 0) return oom(r, err, line);
    /* text: required */
    const jfield *t = &f[JF_TEXT];
    if (t->type == JT_ABSENT || t->type == JT_NULL) {
        set_err(err, r, line, "field \"text\" missing");
        return DY_EPARSE;
    }
    if ((rc = jf_string(r, a, t, JF_TEXT, &out->text, line, err)) < 0) return rc;
    out->text_len = t->n;
    if (blank(out->text, out->text_len)) {
        set_err(err, r, line, "field \"text\" is empty");
        return DY_EPARSE;
    }
    /* id: string or integer, made up when absent, null or "" */
    const jfield *id = &f[JF_ID];
    if (id->type == JT_ABSENT || id->type == JT_NULL || (id->type == JT_STR && id->n == 0)) {
        out->id = made_up_id(r, a, line);
        if (!out->id) return oom(r, err, line);
    } else if (id->type == JT_STR) {
        if ((rc = jf_string(r, a, id, JF_ID, &out->id, line, err)) < 0) return rc;
    } else if (id->type == JT_INT) {
        char nb[32];
        snprintf(nb, sizeof nb, "%lld", id->i);
        out->id = dy_arena_strndup(a, nb, strlen(nb));
        if (!out->id) return oom(r, err, line);
    } else if (!strcmp(id->tname, "number")) {
        /* a real-valued id (jansson path only): keep its shortest form */
        out->id = dy_arena_strndup(a, id->s, id->n);
        if (!out->id) return oom(r, err, line);
    } else {
        set_err(err, r, line, "field \"id\" must be a string or number, not %s", id->tname);
        return DY_EPARSE;
    }
    /* date: string, or YYYYMMDD as an integer */
    const jfield *d = &f[JF_DATE];
    if (d->type == JT_STR) {
        if ((rc = article_date(r, a, out, d->s, d->n, err)) < 0) return rc;
    } else if (d->type == JT_INT) {
        char nb[32];
        snprintf(nb, sizeof nb, "%lld", d->i);
        if ((rc = article_date(r, a, out, nb, strlen(nb), err)) < 0) return rc;
    } else if (d->type == JT_OTHER) {
        set_err(err, r, line, "field \"date\" must be a string, not %s", d->tname);
        return DY_EPARSE;
    }
    if ((rc = jf_string(r, a, &f[JF_SOURCE], JF_SOURCE, &out->source, line, err)) < 0) return rc;
    if ((rc = jf_string(r, a, &f[JF_URL], JF_URL, &out->url, line, err)) < 0) return rc;
    if ((rc = jf_string(r, a, &f[JF_TITLE], JF_TITLE, &out->title, line, err)) < 0) return rc;
    return 0;
}

/* The general path: jansson decodes the line; its messages are the errors. */
static int jsonl_record(dy_reader *r, dy_arena *a, dy_article *out, const char *buf, size_t len,
                        uint64_t line, dy_ingest_err *err)
{
    json_error_t jerr;
    int rc;
    json_t *o = json_loadb(buf, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    if (!o) {
        int utf = json_error_code(&jerr) == json_error_invalid_utf8;
        set_err(err, r, line, "%s: %s (column %d)", utf ? "invalid UTF-8 in JSON" : "invalid JSON",
                jerr.text, jerr.column);
        return utf ? DY_EUTF8 : DY_EPARSE;
    }
    if (!json_is_object(o)) {
        set_err(err, r, line, "record is a JSON %s, not an object", json_type_name(o));
        rc = DY_EPARSE;
        goto out_json;
    }
    jfield f[JF_N];
    char real_id[40];
    memset(f, 0, sizeof f);
    for (int k = 0; k < JF_N; k++) {
        json_t *v = json_object_get(o, jf_names[k]);
        if (!v) continue;
        if (json_is_null(v)) f[k].type = JT_NULL;
        else if (json_is_string(v)) { f[k].type = JT_STR; f[k].s = json_string_value(v); f[k].n = json_string_length(v); }
        else if (json_is_integer(v)) { f[k].type = JT_INT; f[k].i = (long long)json_integer_value(v); }
        else {
            f[k].type = JT_OTHER;
            f[k].tname = json_type_name(v);
            if (json_is_real(v)) {
                snprintf(real_id, sizeof real_id, "%.17g", json_real_value(v));
                f[k].s = real_id;
                f[k].n = strlen(real_id);
            }
        }
    }
    rc = jsonl_build(r, a, out, f, line, err);
out_json:
    json_decref(o);
    return rc;
}

/* The fast path for the usual record: a flat object whose values are
 * strings, integers, null or booleans, in valid UTF-8. Strings are decoded
 * straight into the arena. Returns 1 when it produced the result in *rc, 0
 * when the line must go to jansson (anything unusual, and every error, so
 * that messages come from one place). */
static const char *jp_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    return p;
}

static int jp_hex4(const char *p, const char *e, uint32_t *v)
{
    if (e - p < 4) return 0;
    *v = 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)p[i], d;
        if (is_digit(c)) d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return 0;
        *v = *v * 16 + (uint32_t)d;
    }
    return 1;
}

/* Decode the string starting after the opening quote at *pp into dst (room
 * for the raw length) or just skip it when dst is NULL. Returns the decoded
 * length, or (size_t)-1 to give up. *pp ends after the closing quote. */
static size_t jp_string(const char **pp, const char *e, char *dst)
{
    const char *p = *pp;
    size_t n = 0;
    for (;;) {
        const char *st = p;
        while (p < e && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
        if (dst) memcpy(dst + n, st, (size_t)(p - st));
        n += (size_t)(p - st);
        if (p >= e || (unsigned char)*p < 0x20) return (size_t)-1;
        if (*p == '"') { *pp = p + 1; return n; }
        /* escape */
        if (e - p < 2) return (size_t)-1;
        char c = p[1], out = 0;
        p += 2;
        switch (c) {
        case '"': out = '"'; break;
        case '\\': out = '\\'; break;
        case '/': out = '/'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'n': out = '\n'; break;
        case 'r': out = '\r'; break;
        case 't': out = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            if (!jp_hex4(p, e, &cp)) return (size_t)-1;
            p += 4;
            if (cp >= 0xDC00 && cp <= 0xDFFF) return (size_t)-1;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (e - p < 6 || p[0] != '\\' || p[1] != 'u' || !jp_hex4(p + 2, e, &lo) ||
                    lo < 0xDC00 || lo > 0xDFFF)
                    return (size_t)-1;
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            /* a \uXXXX escape is 6 bytes, its UTF-8 at most 4: fits */
            char tmp[4];
            size_t k = put_utf8(tmp, cp);
            if (dst) memcpy(dst + n, tmp, k);
            n += k;
            continue;
        }
        default: return (size_t)-1;
        }
        if (dst) dst[n] = out;
        n++;
    }
}

static int jsonl_fast(dy_reader *r, dy_arena *a, dy_article *out, const char *buf, size_t len,
                      uint64_t line, dy_ingest_err *err, int *rc)
{
    const char *p = buf, *e = buf + len;
    jfield f[JF_N];
    memset(f, 0, sizeof f);
    if (!utf8_valid((const unsigned char *)buf, len)) return 0;
    p = jp_ws(p, e);
    if (p >= e || *p != '{') return 0;
    p = jp_ws(p + 1, e);
    if (p < e && *p == '}') { p++; goto end_object; }
    for (;;) {
        /* key */
        if (p >= e || *p != '"') return 0;
        p++;
        const char *ks = p;
        while (p < e && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
        if (p >= e || *p != '"') return 0;   /* escapes in keys: rare, let jansson do it */
        size_t kn = (size_t)(p - ks);
        p = jp_ws(p + 1, e);
        if (p >= e || *p != ':') return 0;
        p = jp_ws(p + 1, e);
        if (p >= e) return 0;
        int k;
        for (k = 0; k < JF_N; k++)
            if (strlen(jf_names[k]) == kn && memcmp(jf_names[k], ks, kn) == 0) break;
        jfield *fk = k < JF_N ? &f[k] : NULL;
        /* value */
        if (*p == '"') {
            p++;
            if (fk) {
                /* bound the decoded size by the rest of the line */
                char *dst = dy_arena_alloc(a, (size_t)(e - p) + 1);
                if (!dst) return 0;
                const char *q = p;
                size_t n = jp_string(&q, e, dst);
                if (n == (size_t)-1) return 0;
                dst[n] = '\0';
                /* give back what the string did not use */
                dst = dy_arena_realloc(a, dst, (size_t)(e - p) + 1, n + 1);
                if (!dst) return 0;
                fk->type = JT_STR; fk->s = dst; fk->n = n; fk->in_arena = 1;
                p = q;
            } else if (jp_string(&p, e, NULL) == (size_t)-1) {
                return 0;
            }
        } else if (*p == '-' || is_digit((unsigned char)*p)) {
            const char *ns = p;
            if (*p == '-') p++;
            if (p >= e || !is_digit((unsigned char)*p)) return 0;
            if (*p == '0' && p + 1 < e && is_digit((unsigned char)p[1])) return 0;
            while (p < e && is_digit((unsigned char)*p)) p++;
            if (p < e && (*p == '.' || *p == 'e' || *p == 'E')) return 0;   /* reals: jansson */
            if (p - ns > 18) return 0;
            if (fk) {
                fk->type = JT_INT;
                fk->i = strtoll(ns, NULL, 10);
            }
        } else if (e - p >= 4 && memcmp(p, "null", 4) == 0) {
            p += 4;
            if (fk) fk->type = JT_NULL;
        } else if (e - p >= 4 && memcmp(p, "true", 4) == 0) {
            p += 4;
            if (fk) { fk->type = JT_OTHER; fk->tname = "boolean"; }
        } else if (e - p >= 5 && memcmp(p, "false", 5) == 0) {
            p += 5;
            if (fk) { fk->type = JT_OTHER; fk->tname = "boolean"; }
        } else {
            return 0;   /* nested values and errors */
        }
        p = jp_ws(p, e);
        if (p < e && *p == ',') { p = jp_ws(p + 1, e); continue; }
        if (p < e && *p == '}') { p++; break; }
        return 0;
    }
end_object:
    p = jp_ws(p, e);
    if (p != e) return 0;
    *rc = jsonl_build(r, a, out, f, line, err);
    return 1;
}

static int jsonl_next(dy_reader *r, dy_arena *a, dy_article *out, dy_ingest_err *err)
{
    for (;;) {
        size_t len, total;
        int first = r->line == 0;
        int k = read_line(r, 0, &len, &total);
        if (k == DY_ENOMEM) return oom(r, err, r->line + 1);
        if (k < 0) return fatal_read(r, err);
        if (k == 0) { r->done = 1; return DY_EEOF; }
        uint64_t line = r->line;
        char *s = r->lb;
        if (total > r->max_record) { lb_trim(r); return too_large(r, err, line, total); }
        if (first && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; len -= 3; }
        if (len && s[len - 1] == '\r') len--;
        if (blank(s, len)) continue;
        const char *nul = memchr(s, '\0', len);
        if (nul) {
            set_err(err, r, line, "NUL byte in record (column %zu)", (size_t)(nul - s) + 1);
            lb_trim(r);
            return DY_EPARSE;
        }
        int rc;
        if (!jsonl_fast(r, a, out, s, len, line, err, &rc))
            rc = jsonl_record(r, a, out, s, len, line, err);
        lb_trim(r);
        return rc;
    }
}

/* ---------------------------------------------------------------- text */

static int text_next(dy_reader *r, dy_arena *a, dy_article *out, dy_ingest_err *err)
{
    if (r->text_done) { r->done = 1; return DY_EEOF; }
    r->text_done = 1;
    size_t len = 0, total = 0;
    if (lb_reserve(r, 1) < 0) return oom(r, err, 1);
    for (;;) {
        int f = src_fill(r);
        if (f < 0) return fatal_read(r, err);
        if (f == 0) break;
        size_t n = r->in_len - r->in_pos;
        if (lb_append(r, &len, r->in + r->in_pos, n) < 0) return oom(r, err, 1);
        total += n;
        r->in_pos = r->in_len;
    }
    r->done = 1;
    int rc;
    if (total > r->max_record) { rc = too_large(r, err, 1, total); goto out_text; }
    const char *s = len ? r->lb : "";
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; len -= 3; }
    const char *nul = memchr(s, '\0', len);
    if (nul) {
        set_err(err, r, 1, "binary file (NUL byte at offset %zu)", (size_t)(nul - s));
        rc = DY_EPARSE;
        goto out_text;
    }
    if (blank(s, len)) {
        set_err(err, r, 1, "empty article");
        rc = DY_EPARSE;
        goto out_text;
    }
    if ((rc = article_init(r, a, out, 1)) < 0) { oom(r, err, 1); goto out_text; }
    out->id = dy_arena_strndup(a, r->base, strlen(r->base));
    out->text = dy_arena_strndup(a, s, len);
    if (!out->id || !out->text) { rc = oom(r, err, 1); goto out_text; }
    out->text_len = len;
    rc = 0;
out_text:
    lb_trim(r);
    return rc;
}

/* ---------------------------------------------------------------- TABARI */

/* Remove comments from line[0..n) in place, tracking r->tab_in_comment.
 * Returns the new length. */
static size_t tabari_strip_comments(dy_reader *r, char *s, size_t n)
{
    size_t i = 0, j = 0;
    while (i < n) {
        if (r->tab_in_comment) {
            if (s[i] == '*' && i + 1 < n && s[i + 1] == '/') { r->tab_in_comment = 0; i += 2; }
            else i++;
        } else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
            r->tab_in_comment = 1;
            i += 2;
        } else {
            s[j++] = s[i++];
        }
    }
    return j;
}

static int tabari_next(dy_reader *r, dy_arena *a, dy_article *out, dy_ingest_err *err)
{
    size_t len, total;
    int k;
    /* find a header: a line starting with a digit, at the start of a block */
    for (;;) {
        int first = r->line == 0;
        k = read_line(r, 1, &len, &total);
        if (k == DY_ENOMEM) return oom(r, err, r->line + 1);
        if (k < 0) return fatal_read(r, err);
        if (k == 0) { r->done = 1; return DY_EEOF; }
        char *s = r->lb;
        if (first && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { memmove(s, s + 3, len - 2); len -= 3; }
        if (blank(s, len)) { r->tab_in_comment = 0; continue; }
        len = tabari_strip_comments(r, s, len);
        if (len && is_digit((unsigned char)s[0])) break;
        /* a comment block: skip it up to the next blank line */
        for (;;) {
            k = read_line(r, 1, &len, &total);
            if (k == DY_ENOMEM) return oom(r, err, r->line + 1);
            if (k < 0) return fatal_read(r, err);
            if (k == 0) { r->done = 1; return DY_EEOF; }
            if (blank(r->lb, len)) { r->tab_in_comment = 0; break; }
            tabari_strip_comments(r, r->lb, len);
        }
    }
    uint64_t line = r->line;
    int rc = 0;
    /* header: date (6 or 8 digits), separator, id */
    char hdr[128], date[16];
    size_t hn = len < sizeof hdr - 1 ? len : sizeof hdr - 1;
    memcpy(hdr, r->lb, hn);
    hdr[hn] = '\0';
    size_t nd = 0;
    while (nd < hn && is_digit((unsigned char)hdr[nd])) nd++;
    const char *id = hdr + nd;
    size_t idn = 0;
    if (nd != 6 && nd != 8) {
        char ex[40];
        excerpt(ex, sizeof ex, hdr, nd);
        set_err(err, r, line, "malformed TABARI header: date \"%s\" is not YYMMDD or YYYYMMDD", ex);
        rc = DY_EPARSE;
    } else {
        memcpy(date, hdr, nd);
        date[nd] = '\0';
        if (*id && *id != ' ' && *id != '\t') {
            if (is_alnum((unsigned char)*id)) {
                set_err(err, r, line, "malformed TABARI header: no space after the date");
                rc = DY_EPARSE;
            }
            id++;   /* "950101*INTRO": one punctuation separator */
        }
        while (*id == ' ' || *id == '\t') id++;
        while (id[idn] && !is_space((unsigned char)id[idn])) idn++;
    }
    /* id and date go to the arena before lb is reused for the text */
    const char *idc = NULL;
    if (rc == 0 && idn) {
        idc = dy_arena_strndup(a, id, idn);
        if (!idc) return oom(r, err, line);
    }
    char datec[16];
    snprintf(datec, sizeof datec, "%s", rc == 0 ? date : "");

    /* text lines up to a blank line; lb is rebuilt as "line\nline" */
    char *text = NULL;
    size_t tlen = 0, ttotal = 0, tcap = 0, nlines = 0;
    for (;;) {
        k = read_line(r, 1, &len, &total);
        if (k == DY_ENOMEM) { rc = oom(r, err, line); goto out_tab; }
        if (k < 0) { free(text); return fatal_read(r, err); }
        if (k == 0) break;
        if (blank(r->lb, len)) { r->tab_in_comment = 0; break; }
        len = tabari_strip_comments(r, r->lb, len);
        while (len && is_space((unsigned char)r->lb[len - 1])) len--;
        if (blank(r->lb, len)) continue;
        ttotal += total + (nlines++ ? 1 : 0);
        if (rc < 0 || ttotal > r->max_record) continue;
        size_t need = tlen + len + 2;
        if (need > tcap) {
            size_t nc = tcap ? tcap * 2 : 1024;
            while (nc < need) nc *= 2;
            char *p = realloc(text, nc);
            if (!p) { rc = oom(r, err, line); continue; }
            text = p;
            tcap = nc;
        }
        if (tlen) text[tlen++] = '\n';
        memcpy(text + tlen, r->lb, len);
        tlen += len;
    }
    lb_trim(r);
    if (rc < 0) goto out_tab;
    if (ttotal > r->max_record) { rc = too_large(r, err, line, ttotal); goto out_tab; }
    if (!text || blank(text, tlen)) {
        set_err(err, r, line, "empty article");
        rc = DY_EPARSE;
        goto out_tab;
    }
    if (memchr(text, '\0', tlen)) {
        set_err(err, r, line, "NUL byte in record");
        rc = DY_EPARSE;
        goto out_tab;
    }
    if ((rc = article_init(r, a, out, line)) < 0) { oom(r, err, line); goto out_tab; }
    if ((rc = article_date(r, a, out, datec, strlen(datec), err)) < 0) goto out_tab;
    out->id = idc ? idc : made_up_id(r, a, line);
    if (utf8_valid((const unsigned char *)text, tlen)) {
        out->text = dy_arena_strndup(a, text, tlen);
        out->text_len = tlen;
    } else {
        out->text = latin1_to_utf8(a, text, tlen, &out->text_len);
    }
    if (!out->id || !out->text) { rc = oom(r, err, line); goto out_tab; }
    out->one_sentence = 1;
    rc = 0;
out_tab:
    free(text);
    return rc;
}

/* ---------------------------------------------------------------- XML */

/* Next byte of the input, counting lines; -1 at the end, -2 on error. */
static inline int xgetc(dy_reader *r)
{
    if (r->in_pos == r->in_len) {
        int f = src_fill(r);
        if (f <= 0) return f == 0 ? -1 : -2;
    }
    int c = r->in[r->in_pos++];
    if (c == '\n') { if (!r->xml_prev_cr) r->line++; r->xml_prev_cr = 0; }
    else if (c == '\r') { r->line++; r->xml_prev_cr = 1; }
    else r->xml_prev_cr = 0;
    return c;
}

/* Skip up to and including the terminator term (e.g. "-->"). -1 at EOF. */
static int xskip_until(dy_reader *r, const char *term)
{
    size_t tl = strlen(term), m = 0;
    for (;;) {
        int c = xgetc(r);
        if (c < 0) return c;
        if (c == term[m]) { if (++m == tl) return 0; }
        else m = (c == term[0]) ? 1 : 0;
    }
}

static int name_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-' ||
           c == ':' || c == '.' || c == '!' || c == '?' || c == '/' || c == '[';
}

/* After '<': read the tag name into nm (truncated), return the first byte
 * after it (or <0). */
static int xname(dy_reader *r, char *nm, size_t nsz)
{
    size_t k = 0;
    int c;
    for (;;) {
        c = xgetc(r);
        if (c < 0 || !name_char(c)) break;
        if (k + 1 < nsz) nm[k++] = (char)c;
        /* "<!--" has no separator before the comment body */
        if (k == 3 && memcmp(nm, "!--", 3) == 0) { c = ' '; break; }
        if (k == 8 && memcmp(nm, "![CDATA[", 8) == 0) { c = ' '; break; }
    }
    nm[k] = '\0';
    return c;
}

/* Decode XML entities in s[0..n) into dst (which has room for n bytes: no
 * entity expands). Returns the new length. */
static size_t xml_decode(char *dst, const char *s, size_t n)
{
    size_t i = 0, j = 0;
    while (i < n) {
        if (s[i] != '&') { dst[j++] = s[i++]; continue; }
        const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
        if (!semi) { dst[j++] = s[i++]; continue; }
        const char *e = s + i + 1;
        size_t el = (size_t)(semi - e);
        uint32_t cp = 0;
        int ok = 1;
        if (el == 3 && !memcmp(e, "amp", 3)) cp = '&';
        else if (el == 2 && !memcmp(e, "lt", 2)) cp = '<';
        else if (el == 2 && !memcmp(e, "gt", 2)) cp = '>';
        else if (el == 4 && !memcmp(e, "quot", 4)) cp = '"';
        else if (el == 4 && !memcmp(e, "apos", 4)) cp = '\'';
        else if (el >= 2 && e[0] == '#') {
            int hex = e[1] == 'x' || e[1] == 'X';
            size_t p = hex ? 2 : 1;
            if (p == el) ok = 0;
            for (; p < el && ok; p++) {
                int c = (unsigned char)e[p], v;
                if (is_digit(c)) v = c - '0';
                else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
                else { ok = 0; break; }
                cp = cp * (hex ? 16 : 10) + (uint32_t)v;
                if (cp > 0x10FFFF) ok = 0;
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) ok = 0;
        } else {
            ok = 0;
        }
        size_t elen = el + 2;     /* '&' .. ';' */
        char tmp[4];
        size_t k = ok ? put_utf8(tmp, cp) : 0;
        if (!ok || k > elen) { dst[j++] = s[i++]; continue; }
        memcpy(dst + j, tmp, k);
        j += k;
        i += elen;
    }
    return j;
}

/* Attribute name="value" in the start tag s[0..n); returns a pointer to the
 * raw value and sets *vn, or NULL. Tolerates spaces around '=' and either
 * quote. Names are compared case-insensitively. */
static const char *xml_attr(const char *s, size_t n, const char *name, size_t *vn)
{
    size_t nl = strlen(name), i = 0;
    while (i < n) {
        while (i < n && (is_space((unsigned char)s[i]) || s[i] == '/')) i++;
        size_t ns = i;
        while (i < n && !is_space((unsigned char)s[i]) && s[i] != '=' && s[i] != '/' && s[i] != '>') i++;
        size_t ne = i;
        while (i < n && is_space((unsigned char)s[i])) i++;
        if (i >= n || s[i] != '=') { if (ne == ns) i++; continue; }
        i++;
        while (i < n && is_space((unsigned char)s[i])) i++;
        const char *v;
        size_t vl;
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
            char q = s[i++];
            v = s + i;
            while (i < n && s[i] != q) i++;
            vl = (size_t)(s + i - v);
            if (i < n) i++;
        } else {
            v = s + i;
            while (i < n && !is_space((unsigned char)s[i])) i++;
            vl = (size_t)(s + i - v);
        }
        if (ne - ns == nl && strncasecmp(s + ns, name, nl) == 0) { *vn = vl; return v; }
    }
    return NULL;
}

/* Decoded copy of an attribute into the arena ("" when absent). */
static const char *xml_attr_dup(dy_arena *a, const char *tag, size_t tn, const char *name, int *present)
{
    size_t vn = 0;
    const char *v = xml_attr(tag, tn, name, &vn);
    if (present) *present = v != NULL;
    if (!v) return "";
    char *d = dy_arena_alloc(a, vn + 1);
    if (!d) return NULL;
    size_t k = xml_decode(d, v, vn);
    d[k] = '\0';
    return d;
}

/* Find "<Text>" .. "</Text>" in the element body b[0..n) (comments were
 * dropped while reading). Returns the raw content and its length. */
static const char *xml_find_text(const char *b, size_t n, size_t *tn)
{
    const char *end = b + n;
    for (const char *p = b; p < end; p++) {
        if (*p != '<' || (size_t)(end - p) < 6 || strncasecmp(p + 1, "Text", 4) != 0) continue;
        if (p[5] != '>' && !is_space((unsigned char)p[5])) continue;
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) return NULL;
        const char *c = gt + 1;
        for (const char *q = c; q + 7 <= end; q++)
            if (*q == '<' && strncasecmp(q, "</Text", 6) == 0 && (q[6] == '>' || is_space((unsigned char)q[6]))) {
                *tn = (size_t)(q - c);
                return c;
            }
        *tn = (size_t)(end - c);   /* tolerate a missing </Text> */
        return c;
    }
    return NULL;
}

/* Copy XML character data to dst: entities decoded, CDATA sections kept
 * verbatim, other markup dropped. dst has room for n bytes. */
static size_t xml_chardata(char *dst, const char *s, size_t n)
{
    size_t i = 0, j = 0;
    while (i < n) {
        if (s[i] == '<') {
            if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
                size_t st = i + 9, e = st;
                while (e + 2 < n && memcmp(s + e, "]]>", 3) != 0) e++;
                if (e + 2 >= n) e = n;
                memcpy(dst + j, s + st, e - st);
                j += e - st;
                i = e + 3 < n ? e + 3 : n;
                continue;
            }
            const char *gt = memchr(s + i, '>', n - i);
            i = gt ? (size_t)(gt - s) + 1 : n;
            continue;
        }
        size_t st = i;
        while (i < n && s[i] != '<') i++;
        j += xml_decode(dst + j, s + st, i - st);
    }
    return j;
}

static int xml_next(dy_reader *r, dy_arena *a, dy_article *out, dy_ingest_err *err)
{
    char nm[40];
    int c;
    uint64_t line;
    if (r->xml_pending) {
        r->xml_pending = 0;
        line = r->xml_pending_line;
    } else {
        /* find the next <Sentence */
        for (;;) {
            c = xgetc(r);
            if (c == -2) return fatal_read(r, err);
            if (c < 0) { r->done = 1; return DY_EEOF; }
            if (c != '<') continue;
            line = r->line;
            c = xname(r, nm, sizeof nm);
            if (c == -2) return fatal_read(r, err);
            if (c < 0) { r->done = 1; return DY_EEOF; }
            if (!strcmp(nm, "!--")) c = xskip_until(r, "-->");
            else if (!strcmp(nm, "![CDATA[")) c = xskip_until(r, "]]>");
            else if (!strcasecmp(nm, "Sentence") && (is_space(c) || c == '>' || c == '/')) break;
            else if (c != '>') c = xskip_until(r, ">");
            if (c == -2) return fatal_read(r, err);
            if (c == -1) { r->done = 1; return DY_EEOF; }
        }
        /* put back the byte after the name into the start tag below */
        if (c == '>' || c == '/') { r->in_pos--; }
    }
    /* start tag attributes into lb[0..tn) */
    size_t tn = 0, total = 0;
    int q = 0, rc = 0;
    if (lb_reserve(r, 1) < 0) return oom(r, err, line);
    for (;;) {
        c = xgetc(r);
        if (c == -2) return fatal_read(r, err);
        if (c == -1) {
            r->done = 1;
            set_err(err, r, line, "unterminated <Sentence> tag at end of file");
            return DY_EPARSE;
        }
        if (q) { if (c == q) q = 0; }
        else if (c == '"' || c == '\'') q = c;
        else if (c == '>') break;
        char ch = (char)c;
        total++;
        if (lb_append(r, &tn, &ch, 1) < 0) return oom(r, err, line);
    }
    int empty_elem = tn && r->lb[tn - 1] == '/';
    /* body: up to </Sentence>, comments dropped; stored after the tag */
    size_t bn = tn;
    int closed = empty_elem;
    while (!closed) {
        c = xgetc(r);
        if (c == -2) return fatal_read(r, err);
        if (c == -1) break;
        total++;
        if (c != '<') {
            char ch = (char)c;
            if (lb_append(r, &bn, &ch, 1) < 0) return oom(r, err, line);
            continue;
        }
        uint64_t tline = r->line;
        c = xname(r, nm, sizeof nm);
        if (c == -2) return fatal_read(r, err);
        if (!strcmp(nm, "!--")) {
            if (xskip_until(r, "-->") == -2) return fatal_read(r, err);
            continue;
        }
        if (!strcasecmp(nm, "/Sentence")) {
            if (c != '>' && c >= 0 && xskip_until(r, ">") == -2) return fatal_read(r, err);
            closed = 1;
            break;
        }
        if (!strcasecmp(nm, "Sentence") && (is_space(c) || c == '>' || c == '/')) {
            /* a new record starts before this one ended */
            if (c == '>' || c == '/') r->in_pos--;
            r->xml_pending = 1;
            r->xml_pending_line = tline;
            break;
        }
        char ch = '<';
        if (lb_append(r, &bn, &ch, 1) < 0 || lb_append(r, &bn, nm, strlen(nm)) < 0) return oom(r, err, line);
        total += strlen(nm);
        if (c >= 0) {
            ch = (char)c;
            if (lb_append(r, &bn, &ch, 1) < 0) return oom(r, err, line);
            total++;
        }
        if (c == -1) break;
    }
    if (!closed) {
        if (!r->xml_pending) r->done = 1;
        set_err(err, r, line, "unterminated <Sentence> (no </Sentence> before %s)",
                r->xml_pending ? "the next <Sentence>" : "end of file");
        rc = DY_EPARSE;
        goto out_xml;
    }
    if (total > r->max_record) { rc = too_large(r, err, line, total); goto out_xml; }
    const char *tag = r->lb, *body = r->lb + tn;
    if (memchr(r->lb, '\0', bn)) {
        set_err(err, r, line, "NUL byte in record");
        rc = DY_EPARSE;
        goto out_xml;
    }
    size_t rawn = 0;
    const char *raw = xml_find_text(body, bn - tn, &rawn);
    if (!raw) {
        set_err(err, r, line, "<Sentence> has no <Text>");
        rc = DY_EPARSE;
        goto out_xml;
    }
    char *text = dy_arena_alloc(a, rawn + 1);
    if (!text) { rc = oom(r, err, line); goto out_xml; }
    size_t n = xml_chardata(text, raw, rawn);
    size_t st = 0;
    while (st < n && is_space((unsigned char)text[st])) st++;
    while (n > st && is_space((unsigned char)text[n - 1])) n--;
    if (n == st) {
        set_err(err, r, line, "empty article");
        rc = DY_EPARSE;
        goto out_xml;
    }
    if ((rc = article_init(r, a, out, line)) < 0) { oom(r, err, line); goto out_xml; }
    memmove(text, text + st, n - st);
    text[n - st] = '\0';
    out->text = text;
    out->text_len = n - st;
    int has_date = 0, has_id = 0;
    const char *date = xml_attr_dup(a, tag, tn, "date", &has_date);
    out->id = xml_attr_dup(a, tag, tn, "id", &has_id);
    out->source = xml_attr_dup(a, tag, tn, "source", NULL);
    out->url = xml_attr_dup(a, tag, tn, "url", NULL);
    out->title = xml_attr_dup(a, tag, tn, "title", NULL);
    const char *sent = xml_attr_dup(a, tag, tn, "sentence", NULL);
    if (!date || !out->id || !out->source || !out->url || !out->title || !sent) {
        rc = oom(r, err, line);
        goto out_xml;
    }
    if (!out->id[0]) out->id = made_up_id(r, a, line);
    if (!out->id) { rc = oom(r, err, line); goto out_xml; }
    if ((rc = article_date(r, a, out, date, strlen(date), err)) < 0) goto out_xml;
    out->one_sentence = strcasecmp(sent, "false") != 0;
    rc = 0;
out_xml:
    lb_trim(r);
    return rc;
}

/* ---------------------------------------------------------------- detection */

/* Does the line s[0..n) look like a TABARI header ("950101 DEMO-01")? */
static int tabari_header_like(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_digit((unsigned char)s[i])) i++;
    if (i != 6 && i != 8) return 0;
    if (dy_date_parse(s, i, NULL, NULL, NULL) < 0) return 0;
    size_t sep = i;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '*')) i++;
    return i > sep && i < n && !is_space((unsigned char)s[i]);
}

dy_format dy_format_sniff(const void *buf, size_t n)
{
    const char *s = buf, *end = s + n;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3;
    const char *p = s;
    while (p < end && is_space((unsigned char)*p)) p++;
    if (p < end && *p == '{') return DY_FMT_JSONL;
    if (p < end && *p == '<') return DY_FMT_PETRXML;
    /* first line that is neither blank nor a '#' comment */
    while (p < end) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\r') e++;
        if (!blank(p, (size_t)(e - p)) && *p != '#')
            return tabari_header_like(p, (size_t)(e - p)) ? DY_FMT_TABARI : DY_FMT_TEXT;
        p = e < end ? e + 1 : e;
    }
    return DY_FMT_TEXT;
}

static dy_format format_from_name(const char *path)
{
    const char *b = base_name(path), *dot = strrchr(b, '.');
    if (!dot) return DY_FMT_AUTO;
    if (!strcasecmp(dot, ".jsonl") || !strcasecmp(dot, ".ndjson") || !strcasecmp(dot, ".json"))
        return DY_FMT_JSONL;
    if (!strcasecmp(dot, ".xml")) return DY_FMT_PETRXML;
    if (!strcasecmp(dot, ".txt")) return DY_FMT_TEXT;
    return DY_FMT_AUTO;
}

/* ---------------------------------------------------------------- open/close */

int dy_reader_open(dy_reader **rp, const char *path, const dy_reader_opts *opts, dy_ingest_err *err)
{
    dy_ingest_err dummy;
    if (!err) err = &dummy;
    memset(err, 0, sizeof *err);
    int is_stdin = !path || !strcmp(path, "-");
    err->origin = is_stdin ? "-" : path;
    if (!rp) { set_err(err, NULL, 0, "invalid argument"); return DY_EINVAL; }
    *rp = NULL;
    dy_reader_opts o = {DY_FMT_AUTO, NULL, 0};
    if (opts) o = *opts;
    if ((int)o.format < DY_FMT_AUTO || o.format > DY_FMT_TABARI) {
        set_err(err, NULL, 0, "unknown input format %d", (int)o.format);
        return DY_EINVAL;
    }
    dy_reader *r = calloc(1, sizeof *r);
    int rc;
    if (!r) { set_err(err, NULL, 0, "out of memory"); return DY_ENOMEM; }
    r->fd = -1;
    r->at_start = 1;
    r->max_record = o.max_record ? o.max_record : DY_MAX_ARTICLE;
    if (r->max_record > DY_MAX_ARTICLE) r->max_record = DY_MAX_ARTICLE;
    if (o.default_date && o.default_date[0]) {
        if (dy_date_parse(o.default_date, strlen(o.default_date), &r->def_y, &r->def_m, &r->def_d) < 0) {
            set_err(err, NULL, 0, "invalid default date \"%.40s\"", o.default_date);
            rc = DY_EINVAL;
            goto fail_reader;
        }
        snprintf(r->def_date, sizeof r->def_date, "%04d-%02d-%02d", r->def_y, r->def_m, r->def_d);
    }
    r->origin = strdup(is_stdin ? "-" : path);
    r->in = malloc(IN_BUFSZ);
    if (!r->origin || !r->in) { set_err(err, NULL, 0, "out of memory"); rc = DY_ENOMEM; goto fail_reader; }
    r->base = is_stdin ? "stdin" : base_name(r->origin);
    if (is_stdin) {
        r->fd = 0;
    } else {
        r->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (r->fd < 0) {
            set_err(err, NULL, 0, "cannot open: %s", strerror(errno));
            rc = DY_EIO;
            goto fail_reader;
        }
        r->own_fd = 1;
        struct stat st;
        if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            set_err(err, NULL, 0, "cannot open: %s", strerror(EISDIR));
            rc = DY_EIO;
            goto fail_reader;
        }
    }
    r->fmt = o.format;
    if (r->fmt == DY_FMT_AUTO && !is_stdin) r->fmt = format_from_name(path);
    if (r->fmt == DY_FMT_AUTO) {
        /* sniff the first bytes (a pipe may deliver them in pieces) */
        while (r->in_len < 4096 && !r->in_eof) {
            ssize_t k = read(r->fd, r->in + r->in_len, IN_BUFSZ - r->in_len);
            if (k > 0) r->in_len += (size_t)k;
            else if (k == 0) r->in_eof = 1;
            else if (errno != EINTR) {
                set_err(err, NULL, 0, "cannot read: %s", strerror(errno));
                rc = DY_EIO;
                goto fail_reader;
            }
        }
        /* src_fill treats in_eof as "nothing more after the buffer" */
        r->fmt = dy_format_sniff(r->in, r->in_len);
    }
    r->line = r->fmt == DY_FMT_PETRXML ? 1 : 0;
    *rp = r;
    return 0;
fail_reader:
    dy_reader_close(&r);
    return rc;
}

dy_format dy_reader_format(const dy_reader *r) { return r ? r->fmt : DY_FMT_AUTO; }

int dy_reader_next(dy_reader *r, dy_arena *a, dy_article *out, dy_ingest_err *err)
{
    dy_ingest_err dummy;
    if (!err) err = &dummy;
    err->origin = r ? r->origin : "";
    err->line = 0;
    err->msg[0] = '\0';
    if (!r || !a || !out) { snprintf(err->msg, sizeof err->msg, "invalid argument"); return DY_EINVAL; }
    if (r->done) return DY_EEOF;
    switch (r->fmt) {
    case DY_FMT_JSONL: return jsonl_next(r, a, out, err);
    case DY_FMT_TEXT: return text_next(r, a, out, err);
    case DY_FMT_PETRXML: return xml_next(r, a, out, err);
    case DY_FMT_TABARI: return tabari_next(r, a, out, err);
    case DY_FMT_AUTO: break;
    }
    r->done = 1;
    set_err(err, r, 0, "no input format");
    return DY_EFORMAT;
}

void dy_reader_close(dy_reader **rp)
{
    if (!rp || !*rp) return;
    dy_reader *r = *rp;
    if (r->own_fd && r->fd >= 0) close(r->fd);
    free(r->lb);
    free(r->in);
    free(r->origin);
    free(r);
    *rp = NULL;
}
