/* serve.c — the web server behind `dyad serve` (see serve.h): a read-only
 * JSON API over a dyad SQLite database plus the three static files of the
 * page in web/.
 *
 * Requests run on libmicrohttpd's thread pool. Each borrows one read-only
 * SQLite connection from the pool in the dy_serve handle (as many
 * connections as threads, so nobody waits). Every answer is built in a
 * dy_buf: JSON bodies with the project's own escaping, errors as
 * {"error":"..."} with 400/404/405/413/414/500.
 *
 * SQL: each query is assembled from constant fragments chosen by validated
 * parameters (so indexes can be used for the filters that are present);
 * every user value is bound with sqlite3_bind_*, never pasted into SQL.
 *
 * Static files: a fixed table of names (index.html, app.js, style.css)
 * read from the web root; nothing else on disk is reachable. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <microhttpd.h>
#include <jansson.h>
#include <sqlite3.h>
#include "dyad.h"
#include "buf.h"
#include "cameo.h"
#include "serve.h"

#define SERVE_MAX_PARAMS 24              /* query parameters per request */
#define SERVE_MAX_QUERY 8192             /* bytes of all keys and values */
#define SERVE_MAX_BODY (1u << 20)        /* a GET body larger than this: 413 */
#define SERVE_MAX_STATIC (8u << 20)      /* largest static file served */
#define SERVE_CONN_MEMORY (2u << 20)     /* per-connection buffer (MHD) */
#define SERVE_MAX_SQL 4096
#define SERVE_MAX_BINDS 48
#define SERVE_CODE_MAX 32
#define SERVE_Q_MAX 200
#define SERVE_ID_MAX 512
#define NMEMB(a) (sizeof(a) / sizeof *(a))   /* elements of an array */

struct dy_serve {
    struct MHD_Daemon *mhd;
    char *web_root;          /* realpath, or NULL */
    unsigned port;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int sync_ok;             /* mu and cv initialised */
    sqlite3 **conns;
    unsigned char *busy;
    unsigned nconns;
};

/* ---------------------------------------------------------------- utils */

int dy_serve_valid_date(const char *s)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return 0;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = mdays[m - 1] + (m == 2 && leap);
    return d <= max;
}

/* Decimal digits only, value in [lo, hi]; 1 ok, 0 not. */
static int parse_uint(const char *s, long lo, long hi, long *out)
{
    long v = 0;
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    if (v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

/* {"error":"msg"} into b; returns status. */
static int json_error(dy_buf *b, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int json_error(dy_buf *b, int status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dy_buf_clear(b);
    dy_buf_puts(b, "{\"error\":");
    dy_buf_json_str(b, msg, strlen(msg));
    dy_buf_puts(b, "}");
    return status;
}

/* "South Korea military" for KORMIL / KOR; NULL when nothing is known. */
static const char *actor_label(const char *code, const char *country, char *out, size_t outsz)
{
    const char *cn = NULL, *tn = NULL;
    char head[4] = {0}, tail[4] = {0};
    if (!code || !*code)
        return NULL;
    if (country && *country)
        cn = dy_cameo_country_name(country);
    if (strlen(code) >= 3) {
        memcpy(head, code, 3);
        if (!cn)
            cn = dy_cameo_country_name(head);
        if (cn && strlen(code) >= 6) {
            memcpy(tail, code + 3, 3);
            tn = dy_cameo_actor_type_name(tail);
        } else if (!cn) {
            tn = dy_cameo_actor_type_name(head);
        }
    }
    if (cn && tn)
        snprintf(out, outsz, "%s %s", cn, tn);
    else if (cn || tn)
        snprintf(out, outsz, "%s", cn ? cn : tn);
    else
        return NULL;
    return out;
}

/* ------------------------------------------------------------ JSON out */

static int col_null(sqlite3_stmt *st, int c)
{
    return sqlite3_column_type(st, c) == SQLITE_NULL;
}

static void put_col_str(dy_buf *b, sqlite3_stmt *st, int c)
{
    const unsigned char *t = sqlite3_column_text(st, c);
    if (col_null(st, c) || !t)
        dy_buf_puts(b, "null");
    else
        dy_buf_json_str(b, (const char *)t, (size_t)sqlite3_column_bytes(st, c));
}

static void put_col_num(dy_buf *b, sqlite3_stmt *st, int c)
{
    if (col_null(st, c))
        dy_buf_puts(b, "null");
    else
        dy_buf_num(b, sqlite3_column_double(st, c));
}

static void put_col_int(dy_buf *b, sqlite3_stmt *st, int c)
{
    if (col_null(st, c))
        dy_buf_puts(b, "null");
    else
        dy_buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, c));
}

static void put_label(dy_buf *b, const char *code, const char *country)
{
    char tmp[160];
    const char *l = actor_label(code, country, tmp, sizeof tmp);
    if (l)
        dy_buf_json_str(b, l, strlen(l));
    else
        dy_buf_puts(b, "null");
}

/* The label of the actor whose code and country are in columns code and
 * country of the current row. */
static void put_col_label(dy_buf *b, sqlite3_stmt *st, int code, int country)
{
    put_label(b, (const char *)sqlite3_column_text(st, code), (const char *)sqlite3_column_text(st, country));
}

/* {"code","country","text","name"} or null when the actor is absent. */
static void put_actor(dy_buf *b, sqlite3_stmt *st, int code, int country, int text)
{
    if (col_null(st, code) && col_null(st, text)) {
        dy_buf_puts(b, "null");
        return;
    }
    dy_buf_puts(b, "{\"code\":");
    put_col_str(b, st, code);
    dy_buf_puts(b, ",\"country\":");
    put_col_str(b, st, country);
    dy_buf_puts(b, ",\"text\":");
    put_col_str(b, st, text);
    dy_buf_puts(b, ",\"name\":");
    put_col_label(b, st, code, country);
    dy_buf_putc(b, '}');
}

/* [a, z] relative to the sentence that starts at byte sstart and is slen
 * bytes long; null when the span is absent or falls outside it. */
static void put_rel_span(dy_buf *b, sqlite3_stmt *st, int ca, int cz, long long sstart, long long slen)
{
    long long a, z;
    if (col_null(st, ca) || col_null(st, cz) || sstart < 0) {
        dy_buf_puts(b, "null");
        return;
    }
    a = sqlite3_column_int64(st, ca) - sstart;
    z = sqlite3_column_int64(st, cz) - sstart;
    if (a < 0 || z < a || z > slen) {
        dy_buf_puts(b, "null");
        return;
    }
    dy_buf_printf(b, "[%lld,%lld]", a, z);
}

static void put_abs_span(dy_buf *b, sqlite3_stmt *st, int ca, int cz)
{
    if (col_null(st, ca) || col_null(st, cz))
        dy_buf_puts(b, "null");
    else
        dy_buf_printf(b, "[%lld,%lld]", (long long)sqlite3_column_int64(st, ca),
                      (long long)sqlite3_column_int64(st, cz));
}

/* The stored quantities JSON, re-checked so that a bad row cannot break
 * the answer; [] when absent or malformed. */
static void put_quantities(dy_buf *b, sqlite3_stmt *st, int c)
{
    const char *t = (const char *)sqlite3_column_text(st, c);
    size_t n = (size_t)sqlite3_column_bytes(st, c);
    json_t *j;
    if (col_null(st, c) || !t || !n) {
        dy_buf_puts(b, "[]");
        return;
    }
    j = json_loadb(t, n, JSON_REJECT_DUPLICATES, NULL);
    if (j && json_is_array(j))
        dy_buf_put(b, t, n);
    else
        dy_buf_puts(b, "[]");
    json_decref(j);
}

/* The columns every event answer selects, in this order (see put_event). */
#define EV_COLS                                                                              \
    "SELECT e.event_id, e.article_id, e.sentence_index, e.date, e.date_precision,"          \
    " e.source_code, e.source_country, e.source_text,"                                     \
    " e.target_code, e.target_country, e.target_text,"                                     \
    " e.cameo, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode,"          \
    " e.attribution_code, e.attribution_country, e.attribution_text, e.status,"            \
    " e.quantities, e.location_name, e.location_country, e.location_admin1, e.lat, e.lon," \
    " e.source_start, e.source_end, e.verb_start, e.verb_end, e.target_start, e.target_end," \
    " e.attribution_start, e.attribution_end, e.issues, e.cluster_id,"                     \
    " s.start, s.text, a.title, a.source, a.url, a.date"
enum {
    C_ID, C_ART, C_SENT, C_DATE, C_PREC, C_SCODE, C_SCTRY, C_STEXT, C_TCODE, C_TCTRY, C_TTEXT,
    C_CAMEO, C_ROOT, C_QUAD, C_GOLD, C_PEV, C_PMODE, C_ACODE, C_ACTRY, C_ATEXT, C_STATUS,
    C_QUANT, C_LNAME, C_LCTRY, C_LADM, C_LAT, C_LON, C_SS, C_SE, C_VS, C_VE, C_TS, C_TE,
    C_AS, C_AE, C_ISSUES, C_CLUSTER, C_SSTART, C_STXT, C_ATITLE, C_AOUTLET, C_AURL, C_ADATE,
    C_NCOLS
};
#define EV_FROM                                                                   \
    " FROM events e"                                                              \
    " LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_index" \
    " LEFT JOIN articles a ON a.id = e.article_id"

/* A JSON member read from a column: its key (with the '{' or ',' before it
 * and the colon after it), the column, and how the value is written. */
typedef struct col_member {
    const char *key;
    int col;
    char kind;   /* 's' text, 'i' integer, 'n' number; each null when NULL */
} col_member;

/* The n members of m, in order. */
static void put_members(dy_buf *b, sqlite3_stmt *st, const col_member *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        dy_buf_puts(b, m[i].key);
        if (m[i].kind == 'i')
            put_col_int(b, st, m[i].col);
        else if (m[i].kind == 'n')
            put_col_num(b, st, m[i].col);
        else
            put_col_str(b, st, m[i].col);
    }
}

/* An object of the members of m (the first key opens it), or null when
 * column null_col is NULL. */
static void put_object(dy_buf *b, sqlite3_stmt *st, int null_col, const col_member *m, size_t n)
{
    if (col_null(st, null_col)) {
        dy_buf_puts(b, "null");
        return;
    }
    put_members(b, st, m, n);
    dy_buf_putc(b, '}');
}

/* {"source","verb","target","attribution"} spans: relative to the sentence
 * at byte sstart, slen bytes long (rel != 0), or as article offsets. */
static void put_spans(dy_buf *b, sqlite3_stmt *st, int rel, long long sstart, long long slen)
{
    static const struct {
        const char *key;
        int a, z;
    } sp[] = {{"{\"source\":", C_SS, C_SE}, {",\"verb\":", C_VS, C_VE},
              {",\"target\":", C_TS, C_TE}, {",\"attribution\":", C_AS, C_AE}};
    for (size_t i = 0; i < NMEMB(sp); i++) {
        dy_buf_puts(b, sp[i].key);
        if (rel)
            put_rel_span(b, st, sp[i].a, sp[i].z, sstart, slen);
        else
            put_abs_span(b, st, sp[i].a, sp[i].z);
    }
    dy_buf_putc(b, '}');
}

/* One event object. full != 0 (the statement of /api/event/ID, which selects
 * a.origin and a.coded_at after the EV_COLS) adds article-level spans and
 * the article's origin and coding time. */
static void put_event(dy_buf *b, sqlite3_stmt *st, int full)
{
    static const col_member head[] = {
        {"{\"event_id\":", C_ID, 's'}, {",\"article_id\":", C_ART, 's'}, {",\"sentence_index\":", C_SENT, 'i'},
        {",\"sentence\":", C_STXT, 's'}, {",\"date\":", C_DATE, 's'}, {",\"date_precision\":", C_PREC, 's'}};
    static const col_member coded[] = {
        {",\"root\":", C_ROOT, 's'}, {",\"quad_class\":", C_QUAD, 'i'}, {",\"goldstein\":", C_GOLD, 'n'}};
    static const col_member plover[] = {{"{\"event\":", C_PEV, 's'}, {",\"mode\":", C_PMODE, 's'}};
    static const col_member location[] = {
        {"{\"name\":", C_LNAME, 's'}, {",\"country\":", C_LCTRY, 's'}, {",\"admin1\":", C_LADM, 's'},
        {",\"lat\":", C_LAT, 'n'}, {",\"lon\":", C_LON, 'n'}};
    static const col_member notes[] = {{",\"issues\":", C_ISSUES, 's'}, {",\"cluster_id\":", C_CLUSTER, 's'}};
    static const col_member article[] = {
        {",\"article\":{\"title\":", C_ATITLE, 's'}, {",\"source\":", C_AOUTLET, 's'},
        {",\"url\":", C_AURL, 's'}, {",\"date\":", C_ADATE, 's'}};
    /* The statement of /api/event/ID selects two more columns. */
    static const col_member origin[] = {{",\"origin\":", C_NCOLS, 's'}, {",\"coded_at\":", C_NCOLS + 1, 's'}};
    long long sstart = col_null(st, C_SSTART) ? -1 : sqlite3_column_int64(st, C_SSTART);
    long long slen = col_null(st, C_STXT) ? 0 : sqlite3_column_bytes(st, C_STXT);
    const char *cameo = (const char *)sqlite3_column_text(st, C_CAMEO);
    const dy_cameo_info *ci = cameo && *cameo ? dy_cameo_lookup(cameo) : NULL;

    if (col_null(st, C_STXT))
        sstart = -1;
    put_members(b, st, head, NMEMB(head));
    dy_buf_puts(b, ",\"source\":");
    put_actor(b, st, C_SCODE, C_SCTRY, C_STEXT);
    dy_buf_puts(b, ",\"target\":");
    put_actor(b, st, C_TCODE, C_TCTRY, C_TTEXT);
    dy_buf_puts(b, ",\"cameo\":");
    put_col_str(b, st, C_CAMEO);
    dy_buf_puts(b, ",\"cameo_label\":");
    if (ci && ci->label)
        dy_buf_json_str(b, ci->label, strlen(ci->label));
    else
        dy_buf_puts(b, "null");
    put_members(b, st, coded, NMEMB(coded));
    dy_buf_puts(b, ",\"plover\":");
    put_object(b, st, C_PEV, plover, NMEMB(plover));
    dy_buf_puts(b, ",\"attribution\":");
    put_actor(b, st, C_ACODE, C_ACTRY, C_ATEXT);
    dy_buf_puts(b, ",\"status\":");
    put_col_str(b, st, C_STATUS);
    dy_buf_puts(b, ",\"quantities\":");
    put_quantities(b, st, C_QUANT);
    dy_buf_puts(b, ",\"location\":");
    put_object(b, st, C_LNAME, location, NMEMB(location));
    put_members(b, st, notes, NMEMB(notes));
    /* Spans relative to the sentence text (byte offsets, [start, end)). */
    dy_buf_puts(b, ",\"spans\":");
    put_spans(b, st, 1, sstart, slen);
    if (full) {
        dy_buf_puts(b, ",\"sentence_start\":");
        put_col_int(b, st, C_SSTART);
        dy_buf_puts(b, ",\"article_spans\":");
        put_spans(b, st, 0, 0, 0);
    }
    put_members(b, st, article, NMEMB(article));
    if (full)
        put_members(b, st, origin, NMEMB(origin));
    dy_buf_puts(b, "}}");
}

/* ------------------------------------------------------------ requests */

typedef struct kv {
    const char *k, *v;
} kv;

typedef struct params {
    kv a[SERVE_MAX_PARAMS];
    int n;
    size_t bytes;
    int overflow;
} params;

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    params *p = cls;
    (void)kind;
    p->bytes += strlen(key) + (value ? strlen(value) : 0) + 2;
    if (p->n < SERVE_MAX_PARAMS) {
        p->a[p->n].k = key;
        p->a[p->n].v = value ? value : "";
        p->n++;
    } else {
        p->overflow = 1;
    }
    return MHD_YES;
}

static const char *param(const params *p, const char *key)
{
    for (int i = 0; i < p->n; i++)
        if (!strcmp(p->a[i].k, key))
            return p->a[i].v;
    return NULL;
}

/* 0 when every key is in allowed (NULL-terminated) and none repeats;
 * otherwise an error is written to b and its status returned. */
static int check_keys(const params *p, const char *const *allowed, dy_buf *b)
{
    for (int i = 0; i < p->n; i++) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (!strcmp(p->a[i].k, *a))
                ok = 1;
        if (!ok)
            return json_error(b, MHD_HTTP_BAD_REQUEST, "unknown parameter '%.64s'", p->a[i].k);
        for (int j = 0; j < i; j++)
            if (!strcmp(p->a[i].k, p->a[j].k))
                return json_error(b, MHD_HTTP_BAD_REQUEST, "parameter '%.64s' given twice", p->a[i].k);
    }
    return 0;
}

/* The shared filter bar, validated. Strings point into params or into the
 * fixed buffers here. */
typedef struct filters {
    const char *from, *to, *root, *status;
    char actor[SERVE_CODE_MAX], source[SERVE_CODE_MAX], target[SERVE_CODE_MAX];
    char like[SERVE_Q_MAX * 2 + 3];   /* %q% with LIKE escapes */
    long limit, offset;
} filters;

/* Upper-cased actor code into out; 1 ok, 0 bad. */
static int norm_code(const char *v, char *out)
{
    size_t n = strlen(v);
    if (n == 0 || n >= SERVE_CODE_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (!isalnum(c) && c != '_' && c != '-')
            return 0;
        out[i] = (char)toupper(c);
    }
    out[n] = '\0';
    return 1;
}

static const char *const status_names[] = {
    "asserted", "claimed", "unverified", "disputed", "confirmed", "hypothetical", "negated", NULL
};

/* Parse the common filters and limit/offset (limit default def_limit).
 * Returns 0 or an error status with the message in b. */
static int parse_filters(const params *p, filters *f, long def_limit, dy_buf *b)
{
    const char *v;
    memset(f, 0, sizeof *f);
    f->limit = def_limit;
    if ((v = param(p, "from")) && *v) {
        if (!dy_serve_valid_date(v))
            return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'from' date (want YYYY-MM-DD)");
        f->from = v;
    }
    if ((v = param(p, "to")) && *v) {
        if (!dy_serve_valid_date(v))
            return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'to' date (want YYYY-MM-DD)");
        f->to = v;
    }
    if (f->from && f->to && strcmp(f->from, f->to) > 0)
        return json_error(b, MHD_HTTP_BAD_REQUEST, "'from' is after 'to'");
    if ((v = param(p, "actor")) && *v && !norm_code(v, f->actor))
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'actor' (want a CAMEO actor or country code)");
    if ((v = param(p, "source")) && *v && !norm_code(v, f->source))
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'source' (want a CAMEO actor or country code)");
    if ((v = param(p, "target")) && *v && !norm_code(v, f->target))
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'target' (want a CAMEO actor or country code)");
    if ((v = param(p, "root")) && *v) {
        if (strlen(v) != 2 || !isdigit((unsigned char)v[0]) || !isdigit((unsigned char)v[1]) ||
            !strcmp(v, "00") || strcmp(v, "20") > 0)
            return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'root' (want a 2-digit CAMEO root 01..20)");
        f->root = v;
    }
    if ((v = param(p, "status")) && *v) {
        for (const char *const *s = status_names; *s; s++)
            if (!strcmp(*s, v))
                f->status = *s;
        if (!f->status)
            return json_error(b, MHD_HTTP_BAD_REQUEST,
                              "bad 'status' (want asserted, claimed, unverified, disputed, "
                              "confirmed, hypothetical or negated)");
    }
    if ((v = param(p, "q")) && *v) {
        size_t n = strlen(v), k = 0;
        if (n > SERVE_Q_MAX)
            return json_error(b, MHD_HTTP_BAD_REQUEST, "'q' longer than %d bytes", SERVE_Q_MAX);
        f->like[k++] = '%';
        for (size_t i = 0; i < n; i++) {
            if (v[i] == '%' || v[i] == '_' || v[i] == '\\')
                f->like[k++] = '\\';
            f->like[k++] = v[i];
        }
        f->like[k++] = '%';
        f->like[k] = '\0';
    }
    if ((v = param(p, "limit")) && !parse_uint(v, 1, 1000, &f->limit))
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'limit' (want an integer 1..1000)");
    if ((v = param(p, "offset")) && !parse_uint(v, 0, 1000000000L, &f->offset))
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'offset' (want an integer 0..1000000000)");
    return 0;
}

/* SQL text from constant fragments plus the values bound to its '?'s. */
typedef struct qb {
    char sql[SERVE_MAX_SQL];
    size_t len;
    const char *bind[SERVE_MAX_BINDS];
    long long ibind[SERVE_MAX_BINDS];
    unsigned char is_int[SERVE_MAX_BINDS];
    int nbind;
    int overflow;
} qb;

static void qb_sql(qb *q, const char *frag)
{
    size_t n = strlen(frag);
    if (q->len + n + 1 > sizeof q->sql) {
        q->overflow = 1;
        return;
    }
    memcpy(q->sql + q->len, frag, n + 1);
    q->len += n;
}

static void qb_text(qb *q, const char *v)
{
    if (q->nbind >= SERVE_MAX_BINDS) {
        q->overflow = 1;
        return;
    }
    q->is_int[q->nbind] = 0;
    q->bind[q->nbind++] = v;
}

static void qb_int(qb *q, long long v)
{
    if (q->nbind >= SERVE_MAX_BINDS) {
        q->overflow = 1;
        return;
    }
    q->is_int[q->nbind] = 1;
    q->ibind[q->nbind++] = v;
}

/* cond (" AND ...") with the value v bound to each of its n '?'s. */
static void qb_and(qb *q, const char *cond, const char *v, int n)
{
    qb_sql(q, cond);
    for (int i = 0; i < n; i++)
        qb_text(q, v);
}

/* " AND ..." for each filter present. */
static void qb_filters(qb *q, const filters *f)
{
    if (f->from)
        qb_and(q, " AND e.date >= ?", f->from, 1);
    /* "2024-10-15" and a longer timestamp of that day both pass. */
    if (f->to)
        qb_and(q, " AND substr(e.date, 1, 10) <= ?", f->to, 1);
    if (f->actor[0])
        qb_and(q, " AND (e.source_code = ? OR e.source_country = ? OR e.target_code = ? OR e.target_country = ?)",
               f->actor, 4);
    if (f->source[0])
        qb_and(q, " AND (e.source_code = ? OR e.source_country = ?)", f->source, 2);
    if (f->target[0])
        qb_and(q, " AND (e.target_code = ? OR e.target_country = ?)", f->target, 2);
    if (f->root)
        qb_and(q, " AND e.root = ?", f->root, 1);
    if (f->status)
        qb_and(q, " AND e.status = ?", f->status, 1);
    if (f->like[0])
        qb_and(q, " AND (s.text LIKE ? ESCAPE '\\' OR e.source_text LIKE ? ESCAPE '\\'"
                  " OR e.target_text LIKE ? ESCAPE '\\' OR e.attribution_text LIKE ? ESCAPE '\\')",
               f->like, 4);
}

/* " FROM events e WHERE <cond>" and a " AND ..." term for each filter
 * present. The sentence is joined only when the text filter needs it (the
 * join costs a lookup per event on large databases). */
static void qb_where(qb *q, const filters *f, const char *cond)
{
    qb_sql(q, " FROM events e");
    if (f->like[0])
        qb_sql(q, " LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_index");
    qb_sql(q, " WHERE ");
    qb_sql(q, cond);
    qb_filters(q, f);
}

/* "SELECT <bucket> AS bucket, <cols>" over the filtered events, one row per
 * date bucket, oldest first (the timeline and dyad answers). */
static void qb_buckets(qb *q, const filters *f, const char *bucket, const char *cols)
{
    qb_sql(q, "SELECT ");
    qb_sql(q, bucket);
    qb_sql(q, " AS bucket, ");
    qb_sql(q, cols);
    qb_where(q, f, "bucket IS NOT NULL");
    qb_sql(q, " GROUP BY bucket ORDER BY bucket");
}

/* Prepare and bind; returns the statement or NULL with the error in b. */
static sqlite3_stmt *qb_prepare(sqlite3 *db, const qb *q, dy_buf *b, int *status)
{
    sqlite3_stmt *st = NULL;
    if (q->overflow) {
        *status = json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "query too large");
        return NULL;
    }
    if (sqlite3_prepare_v2(db, q->sql, (int)q->len, &st, NULL) != SQLITE_OK) {
        *status = json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "database: %s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return NULL;
    }
    for (int i = 0; i < q->nbind; i++) {
        if (q->is_int[i])
            sqlite3_bind_int64(st, i + 1, q->ibind[i]);
        else
            sqlite3_bind_text(st, i + 1, q->bind[i], -1, SQLITE_STATIC);
    }
    return st;
}

/* Step to the end; on an error other than SQLITE_DONE write a 500. */
static int step_error(sqlite3 *db, int rc, dy_buf *b)
{
    if (rc == SQLITE_DONE)
        return 0;
    return json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "database: %s", sqlite3_errmsg(db));
}

/* Writes one element of a JSON array from the current row (put_rows). */
typedef void (*put_row_fn)(dy_buf *b, sqlite3_stmt *st, void *ctx);

/* The array every list answer ends with, appended to the head already in
 * b: q is run and each row written through put, comma-separated, then
 * close. Returns MHD_HTTP_OK, or the error status with the message in b
 * (which then replaces the whole answer). */
static int put_rows(sqlite3 *db, const qb *q, dy_buf *b, put_row_fn put, void *ctx, const char *close)
{
    int rc, status;
    sqlite3_stmt *st = qb_prepare(db, q, b, &status);

    if (!st)
        return status;
    for (int n = 0; (rc = sqlite3_step(st)) == SQLITE_ROW; n++) {
        if (n)
            dy_buf_putc(b, ',');
        put(b, st, ctx);
    }
    dy_buf_puts(b, close);
    status = step_error(db, rc, b);
    sqlite3_finalize(st);
    return status ? status : MHD_HTTP_OK;
}

/* Check the parameter names against keys (NULL-terminated) and parse the
 * filter bar into f; 0 or an error status with the message in b. */
static int parse_request(const params *p, const char *const *keys, filters *f, long def_limit, dy_buf *b)
{
    int status = check_keys(p, keys, b);
    return status ? status : parse_filters(p, f, def_limit, b);
}

#define FILTER_KEYS "from", "to", "actor", "source", "target", "root", "status", "q"

static void put_event_row(dy_buf *b, sqlite3_stmt *st, void *ctx)
{
    (void)ctx;
    put_event(b, st, 0);
}

/* GET /api/events */
static int api_events(sqlite3 *db, const params *p, dy_buf *b)
{
    static const char *const keys[] = {FILTER_KEYS, "limit", "offset", NULL};
    filters f;
    qb q = {0};
    sqlite3_stmt *st;
    long long total = 0;
    int status = 0, rc;

    if ((status = parse_request(p, keys, &f, 100, b)))
        return status;
    qb_sql(&q, "SELECT count(*)");
    qb_where(&q, &f, "1");
    if (!(st = qb_prepare(db, &q, b, &status)))
        return status;
    if ((rc = sqlite3_step(st)) == SQLITE_ROW)
        total = sqlite3_column_int64(st, 0);
    else
        status = step_error(db, rc, b);
    sqlite3_finalize(st);
    if (status)
        return status;

    memset(&q, 0, sizeof q);
    /* Page over narrow rows first, then join the page's rows only: a deep
     * offset does not look up sentences and articles it skips. */
    qb_sql(&q, EV_COLS " FROM (SELECT e.rowid AS rid");
    qb_where(&q, &f, "1");
    qb_sql(&q, " ORDER BY e.date DESC, e.article_id, e.sentence_index, e.event_id LIMIT ? OFFSET ?) AS page"
               " JOIN events e ON e.rowid = page.rid"
               " LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_index"
               " LEFT JOIN articles a ON a.id = e.article_id"
               " ORDER BY e.date DESC, e.article_id, e.sentence_index, e.event_id");
    qb_int(&q, f.limit);
    qb_int(&q, f.offset);
    dy_buf_clear(b);
    dy_buf_printf(b, "{\"total\":%lld,\"limit\":%ld,\"offset\":%ld,\"events\":[", total, f.limit, f.offset);
    return put_rows(db, &q, b, put_event_row, NULL, "]}");
}

/* GET /api/event/ID */
static int api_event(sqlite3 *db, const char *id, const params *p, dy_buf *b)
{
    static const char *const keys[] = {NULL};
    qb q = {0};
    sqlite3_stmt *st;
    int status, rc;
    if ((status = check_keys(p, keys, b)))
        return status;
    if (!*id || strlen(id) > SERVE_ID_MAX)
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad event id");
    qb_sql(&q, EV_COLS ", a.origin, a.coded_at" EV_FROM " WHERE e.event_id = ?");
    qb_text(&q, id);
    if (!(st = qb_prepare(db, &q, b, &status)))
        return status;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        dy_buf_clear(b);
        put_event(b, st, 1);
        status = MHD_HTTP_OK;
    } else if (rc == SQLITE_DONE) {
        status = json_error(b, MHD_HTTP_NOT_FOUND, "no event '%.128s'", id);
    } else {
        status = step_error(db, rc, b);
    }
    sqlite3_finalize(st);
    return status;
}

/* The date bucket expression for interval=day|week|month (week = Monday). */
static const char *bucket_sql(const char *interval)
{
    if (!interval || !strcmp(interval, "week"))
        return "date(substr(e.date, 1, 10), '-6 days', 'weekday 1')";
    if (!strcmp(interval, "day"))
        return "date(substr(e.date, 1, 10))";
    if (!strcmp(interval, "month"))
        return "date(substr(e.date, 1, 10), 'start of month')";
    return NULL;
}

/* Rows of (name, count) written as {"<key>":name,"count":N}, with the
 * running sum of the counts (timeline buckets, summary statuses). */
typedef struct count_rows {
    const char *key;
    long long total;
} count_rows;

static void put_count_row(dy_buf *b, sqlite3_stmt *st, void *ctx)
{
    count_rows *c = ctx;
    dy_buf_printf(b, "{\"%s\":", c->key);
    put_col_str(b, st, 0);
    dy_buf_printf(b, ",\"count\":%lld}", (long long)sqlite3_column_int64(st, 1));
    c->total += sqlite3_column_int64(st, 1);
}

/* GET /api/timeline */
static int api_timeline(sqlite3 *db, const params *p, dy_buf *b)
{
    static const char *const keys[] = {FILTER_KEYS, "interval", "count", NULL};
    const char *interval = param(p, "interval"), *count = param(p, "count"), *bucket, *what;
    filters f;
    qb q = {0};
    count_rows rows = {"date", 0};
    int status;

    if ((status = parse_request(p, keys, &f, 100, b)))
        return status;
    if (!(bucket = bucket_sql(interval)))
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'interval' (want day, week or month)");
    if (!count || !strcmp(count, "events"))
        what = "count(DISTINCT coalesce(e.cluster_id, e.event_id))";
    else if (!strcmp(count, "reports"))
        what = "count(DISTINCT e.article_id)";
    else
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'count' (want events or reports)");
    qb_buckets(&q, &f, bucket, what);
    dy_buf_clear(b);
    dy_buf_printf(b, "{\"interval\":\"%s\",\"count\":\"%s\",\"buckets\":[", interval ? interval : "week",
                  count ? count : "events");
    status = put_rows(db, &q, b, put_count_row, &rows, "]");
    if (status == MHD_HTTP_OK)
        dy_buf_printf(b, ",\"total\":%lld}", rows.total);
    return status;
}

/* "<key>":"CODE","<key>_name":label — an actor code given as a filter. */
static void put_code_named(dy_buf *b, const char *key, const char *code)
{
    dy_buf_printf(b, "\"%s\":", key);
    dy_buf_json_str(b, code, strlen(code));
    dy_buf_printf(b, ",\"%s_name\":", key);
    put_label(b, code, NULL);
}

static void put_dyad_row(dy_buf *b, sqlite3_stmt *st, void *ctx)
{
    (void)ctx;
    dy_buf_puts(b, "{\"date\":");
    put_col_str(b, st, 0);
    dy_buf_printf(b, ",\"events\":%lld,\"goldstein\":", (long long)sqlite3_column_int64(st, 1));
    put_col_num(b, st, 2);
    dy_buf_printf(b, ",\"quad\":[%lld,%lld,%lld,%lld]}", (long long)sqlite3_column_int64(st, 3),
                  (long long)sqlite3_column_int64(st, 4), (long long)sqlite3_column_int64(st, 5),
                  (long long)sqlite3_column_int64(st, 6));
}

/* GET /api/dyad?source=X&target=Y */
static int api_dyad(sqlite3 *db, const params *p, dy_buf *b)
{
    static const char *const keys[] = {FILTER_KEYS, "interval", NULL};
    const char *interval = param(p, "interval"), *bucket;
    filters f;
    qb q = {0};
    int status;

    if ((status = parse_request(p, keys, &f, 100, b)))
        return status;
    if (!f.source[0] || !f.target[0])
        return json_error(b, MHD_HTTP_BAD_REQUEST, "'source' and 'target' are required");
    if (!(bucket = bucket_sql(interval)))
        return json_error(b, MHD_HTTP_BAD_REQUEST, "bad 'interval' (want day, week or month)");
    qb_buckets(&q, &f, bucket,
               "count(*), avg(e.goldstein), sum(e.quad_class = 1), sum(e.quad_class = 2),"
               " sum(e.quad_class = 3), sum(e.quad_class = 4)");
    dy_buf_clear(b);
    dy_buf_putc(b, '{');
    put_code_named(b, "source", f.source);
    dy_buf_putc(b, ',');
    put_code_named(b, "target", f.target);
    dy_buf_printf(b, ",\"interval\":\"%s\",\"buckets\":[", interval ? interval : "week");
    return put_rows(db, &q, b, put_dyad_row, NULL, "]}");
}

static void put_actor_row(dy_buf *b, sqlite3_stmt *st, void *ctx)
{
    static const col_member m[] = {{"{\"code\":", 0, 's'}, {",\"country\":", 1, 's'}};

    (void)ctx;
    put_members(b, st, m, NMEMB(m));
    dy_buf_puts(b, ",\"name\":");
    put_col_label(b, st, 0, 1);
    dy_buf_printf(b, ",\"as_source\":%lld,\"as_target\":%lld,\"events\":%lld}",
                  (long long)sqlite3_column_int64(st, 2), (long long)sqlite3_column_int64(st, 3),
                  (long long)sqlite3_column_int64(st, 4));
}

/* GET /api/actors */
static int api_actors(sqlite3 *db, const params *p, dy_buf *b)
{
    static const char *const keys[] = {FILTER_KEYS, "limit", NULL};
    filters f;
    qb q = {0};
    int status;

    if ((status = parse_request(p, keys, &f, 50, b)))
        return status;
    qb_sql(&q, "SELECT code, max(country), sum(src), sum(tgt), count(*) FROM ("
               "SELECT e.source_code AS code, e.source_country AS country, 1 AS src, 0 AS tgt");
    qb_where(&q, &f, "e.source_code IS NOT NULL AND e.source_code <> ''");
    qb_sql(&q, " UNION ALL "
               "SELECT e.target_code, e.target_country, 0, 1");
    qb_where(&q, &f, "e.target_code IS NOT NULL AND e.target_code <> ''");
    qb_sql(&q, ") GROUP BY code ORDER BY count(*) DESC, code LIMIT ?");
    qb_int(&q, f.limit);
    dy_buf_clear(b);
    dy_buf_puts(b, "{\"actors\":[");
    return put_rows(db, &q, b, put_actor_row, NULL, "]}");
}

static void put_network_row(dy_buf *b, sqlite3_stmt *st, void *ctx)
{
    static const col_member m[] = {{"{\"source\":", 0, 's'}, {",\"target\":", 1, 's'}};

    (void)ctx;
    put_members(b, st, m, NMEMB(m));
    dy_buf_puts(b, ",\"source_name\":");
    put_col_label(b, st, 0, 2);
    dy_buf_puts(b, ",\"target_name\":");
    put_col_label(b, st, 1, 3);
    dy_buf_printf(b, ",\"count\":%lld,\"goldstein\":", (long long)sqlite3_column_int64(st, 4));
    put_col_num(b, st, 5);
    dy_buf_putc(b, '}');
}

/* GET /api/network */
static int api_network(sqlite3 *db, const params *p, dy_buf *b)
{
    static const char *const keys[] = {FILTER_KEYS, "limit", NULL};
    filters f;
    qb q = {0};
    int status;

    if ((status = parse_request(p, keys, &f, 30, b)))
        return status;
    qb_sql(&q, "SELECT e.source_code, e.target_code, max(e.source_country), max(e.target_country),"
               " count(*), avg(e.goldstein)");
    qb_where(&q, &f, "e.source_code IS NOT NULL AND e.source_code <> ''"
                     " AND e.target_code IS NOT NULL AND e.target_code <> ''"
                     " AND e.source_code <> e.target_code");
    qb_sql(&q, " GROUP BY e.source_code, e.target_code ORDER BY count(*) DESC, 1, 2 LIMIT ?");
    qb_int(&q, f.limit);
    dy_buf_clear(b);
    dy_buf_puts(b, "{\"dyads\":[");
    return put_rows(db, &q, b, put_network_row, NULL, "]}");
}

/* GET /api/summary: counts and date range of the events that match. */
static int api_summary(sqlite3 *db, const params *p, dy_buf *b)
{
    static const char *const keys[] = {FILTER_KEYS, NULL};
    filters f;
    qb q = {0};
    sqlite3_stmt *st;
    count_rows rows = {"status", 0};
    int status, rc;

    if ((status = parse_request(p, keys, &f, 100, b)))
        return status;
    qb_sql(&q, "SELECT count(*), count(DISTINCT e.article_id), min(substr(e.date, 1, 10)),"
               " max(substr(e.date, 1, 10)), (SELECT count(*) FROM articles)");
    qb_where(&q, &f, "1");
    if (!(st = qb_prepare(db, &q, b, &status)))
        return status;
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        status = step_error(db, rc, b);
        sqlite3_finalize(st);
        return status ? status : json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "database: no row");
    }
    dy_buf_clear(b);
    dy_buf_printf(b, "{\"events\":%lld,\"reports\":%lld,\"first_date\":", (long long)sqlite3_column_int64(st, 0),
                  (long long)sqlite3_column_int64(st, 1));
    put_col_str(b, st, 2);
    dy_buf_puts(b, ",\"last_date\":");
    put_col_str(b, st, 3);
    dy_buf_printf(b, ",\"articles_in_db\":%lld", (long long)sqlite3_column_int64(st, 4));
    sqlite3_finalize(st);

    /* Events per status. */
    memset(&q, 0, sizeof q);
    qb_sql(&q, "SELECT e.status, count(*)");
    qb_where(&q, &f, "1");
    qb_sql(&q, " GROUP BY e.status ORDER BY count(*) DESC, e.status");
    dy_buf_puts(b, ",\"statuses\":[");
    return put_rows(db, &q, b, put_count_row, &rows, "]}");
}

/* GET /api/codes: the CAMEO code table (labels for the page). */
static int api_codes(const params *p, dy_buf *b)
{
    static const char *const keys[] = {NULL};
    int status, n = dy_cameo_count();
    if ((status = check_keys(p, keys, b)))
        return status;
    dy_buf_clear(b);
    dy_buf_puts(b, "{\"codes\":[");
    for (int i = 0; i < n; i++) {
        const dy_cameo_info *c = dy_cameo_at(i);
        if (!c || !c->code)
            continue;
        if (i)
            dy_buf_putc(b, ',');
        dy_buf_puts(b, "{\"code\":");
        dy_buf_json_str(b, c->code, strlen(c->code));
        dy_buf_puts(b, ",\"label\":");
        if (c->label)
            dy_buf_json_str(b, c->label, strlen(c->label));
        else
            dy_buf_puts(b, "null");
        dy_buf_puts(b, ",\"goldstein\":");
        dy_buf_num(b, c->goldstein);
        dy_buf_printf(b, ",\"quad_class\":%d}", c->quad_class);
    }
    dy_buf_puts(b, "],\"quad_classes\":[");
    for (int i = 1; i <= 4; i++) {
        const char *nm = dy_cameo_quad_class_name(i);
        if (i > 1)
            dy_buf_putc(b, ',');
        if (nm)
            dy_buf_json_str(b, nm, strlen(nm));
        else
            dy_buf_puts(b, "null");
    }
    dy_buf_puts(b, "],\"statuses\":[");
    for (int i = 0; status_names[i]; i++) {
        if (i)
            dy_buf_putc(b, ',');
        dy_buf_json_str(b, status_names[i], strlen(status_names[i]));
    }
    dy_buf_puts(b, "]}");
    return MHD_HTTP_OK;
}

/* --------------------------------------------------------- connections */

static sqlite3 *pool_get(dy_serve *s)
{
    sqlite3 *db = NULL;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        for (unsigned i = 0; i < s->nconns; i++)
            if (!s->busy[i]) {
                s->busy[i] = 1;
                db = s->conns[i];
                break;
            }
        if (db)
            break;
        pthread_cond_wait(&s->cv, &s->mu);
    }
    pthread_mutex_unlock(&s->mu);
    return db;
}

static void pool_put(dy_serve *s, sqlite3 *db)
{
    pthread_mutex_lock(&s->mu);
    for (unsigned i = 0; i < s->nconns; i++)
        if (s->conns[i] == db)
            s->busy[i] = 0;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

/* Route an /api/ request. */
static int api_route(dy_serve *s, const char *url, const params *p, dy_buf *b)
{
    sqlite3 *db;
    int status;
    const char *r = url + 5;   /* after "/api/" */

    if (!strcmp(r, "codes"))
        return api_codes(p, b);
    if (strcmp(r, "events") && strcmp(r, "timeline") && strcmp(r, "dyad") && strcmp(r, "actors") &&
        strcmp(r, "network") && strcmp(r, "summary") && strncmp(r, "event/", 6))
        return json_error(b, MHD_HTTP_NOT_FOUND, "no such API route");
    db = pool_get(s);
    if (!strcmp(r, "events"))
        status = api_events(db, p, b);
    else if (!strcmp(r, "timeline"))
        status = api_timeline(db, p, b);
    else if (!strcmp(r, "dyad"))
        status = api_dyad(db, p, b);
    else if (!strcmp(r, "actors"))
        status = api_actors(db, p, b);
    else if (!strcmp(r, "network"))
        status = api_network(db, p, b);
    else if (!strcmp(r, "summary"))
        status = api_summary(db, p, b);
    else
        status = api_event(db, r + 6, p, b);
    pool_put(s, db);
    return status;
}

/* The page's files: nothing outside this table is ever opened. */
static const struct {
    const char *url, *file, *type;
} static_files[] = {
    {"/", "index.html", "text/html; charset=utf-8"},
    {"/index.html", "index.html", "text/html; charset=utf-8"},
    {"/app.js", "app.js", "text/javascript; charset=utf-8"},
    {"/style.css", "style.css", "text/css; charset=utf-8"},
};

/* Read web_root/name into b; 0 ok, else an error status with JSON in b. */
static int read_static(const dy_serve *s, const char *name, dy_buf *b)
{
    char path[PATH_MAX];
    struct stat sb;
    int fd, status = MHD_HTTP_OK;
    if (!s->web_root)
        return json_error(b, MHD_HTTP_NOT_FOUND, "no web root: this server answers /api/ only");
    if ((size_t)snprintf(path, sizeof path, "%s/%s", s->web_root, name) >= sizeof path)
        return json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "web root path too long");
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return json_error(b, MHD_HTTP_NOT_FOUND, "%s is missing from the web root", name);
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (size_t)sb.st_size > SERVE_MAX_STATIC) {
        close(fd);
        return json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s is not a readable file", name);
    }
    dy_buf_clear(b);
    for (;;) {
        char chunk[16384];
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            status = json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read %s", name);
            break;
        }
        if (n == 0)
            break;
        dy_buf_put(b, chunk, (size_t)n);
        if (b->len > SERVE_MAX_STATIC) {
            status = json_error(b, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s is too large", name);
            break;
        }
    }
    close(fd);
    return status;
}

/* Percent-decoding for the URL path and the query arguments (MHD has
 * already turned '+' into ' ' in arguments). "%00" stays as it is: a NUL
 * would cut the C string short, and "/app.js%00.html" must not be read as
 * "/app.js". Decodes in place; returns the new length. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    char *w = s;
    const char *r = s;
    (void)cls;
    (void)c;
    while (*r) {
        if (r[0] == '%' && isxdigit((unsigned char)r[1]) && isxdigit((unsigned char)r[2])) {
            char hex[3] = {r[1], r[2], 0};
            unsigned v = (unsigned)strtoul(hex, NULL, 16);
            if (v != 0) {
                *w++ = (char)v;
                r += 3;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
    return (size_t)(w - s);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, int status, dy_buf *b, const char *ctype,
                                  int is_api)
{
    struct MHD_Response *r;
    enum MHD_Result ret;
    if (!dy_buf_ok(b)) {
        static const char oom[] = "{\"error\":\"out of memory\"}";
        r = MHD_create_response_from_buffer(sizeof oom - 1, (void *)oom, MHD_RESPMEM_PERSISTENT);
        status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        ctype = "application/json; charset=utf-8";
    } else {
        r = MHD_create_response_from_buffer(b->len, b->data, MHD_RESPMEM_MUST_COPY);
    }
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                            "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, is_api ? "no-store" : "no-cache");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    dy_serve *s = cls;
    static const char json_type[] = "application/json; charset=utf-8";
    const char *ctype = json_type, *clen;
    params p;
    dy_buf b;
    int status = 0, is_api = 1;
    enum MHD_Result ret;
    (void)version;
    (void)upload_data;

    /* A second call means a body is arriving after we answered (we always
     * answer on the first call): discard it. */
    if (*con_cls) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    *con_cls = s;
    dy_buf_init(&b);
    memset(&p, 0, sizeof p);

    if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD)) {
        status = json_error(&b, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed (GET or HEAD only)");
        goto reply;
    }
    clen = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (clen && strtoull(clen, NULL, 10) > SERVE_MAX_BODY) {
        status = json_error(&b, MHD_HTTP_CONTENT_TOO_LARGE, "request body too large");
        goto reply;
    }
    if (strlen(url) > SERVE_MAX_QUERY) {
        status = json_error(&b, MHD_HTTP_URI_TOO_LONG, "path too long");
        goto reply;
    }
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_param, &p);
    if (p.bytes > SERVE_MAX_QUERY || p.overflow) {
        status = json_error(&b, MHD_HTTP_URI_TOO_LONG, "query string too long (at most %d bytes, %d parameters)",
                            SERVE_MAX_QUERY, SERVE_MAX_PARAMS);
        goto reply;
    }
    if (!strncmp(url, "/api/", 5)) {
        status = api_route(s, url, &p, &b);
        goto reply;
    }
    for (size_t i = 0; i < sizeof static_files / sizeof static_files[0]; i++) {
        if (!strcmp(url, static_files[i].url)) {
            status = read_static(s, static_files[i].file, &b);
            if (status == MHD_HTTP_OK) {
                ctype = static_files[i].type;
                is_api = 0;
            }
            goto reply;
        }
    }
    status = json_error(&b, MHD_HTTP_NOT_FOUND, "not found");

reply:
    ret = send_reply(c, status, &b, ctype, is_api);
    dy_buf_free(&b);
    return ret;
}

/* -------------------------------------------------------------- set-up */

static int set_err(char *err, size_t err_size, int rc, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int set_err(char *err, size_t err_size, int rc, const char *fmt, ...)
{
    va_list ap;
    if (err && err_size) {
        va_start(ap, fmt);
        vsnprintf(err, err_size, fmt, ap);
        va_end(ap);
    }
    return rc;
}

/* Open one read-only connection and check the schema. */
static int open_conn(const char *path, sqlite3 **out, char *err, size_t err_size)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        set_err(err, err_size, DY_EDB, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
        goto fail_db;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
    /* Every column the API reads must be there. */
    rc = sqlite3_prepare_v2(db, EV_COLS ", a.origin, a.coded_at" EV_FROM " LIMIT 0", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        set_err(err, err_size, DY_EDB, "%s: not a dyad database (%s)", path, sqlite3_errmsg(db));
        goto fail_stmt;
    }
    sqlite3_finalize(st);
    *out = db;
    return DY_OK;

fail_stmt:
    sqlite3_finalize(st);
fail_db:
    sqlite3_close(db);
    return DY_EDB;
}

static void free_server(dy_serve *s)
{
    if (!s)
        return;
    for (unsigned i = 0; s->conns && i < s->nconns; i++)
        sqlite3_close(s->conns[i]);
    free(s->conns);
    free(s->busy);
    free(s->web_root);
    if (s->sync_ok) {
        pthread_cond_destroy(&s->cv);
        pthread_mutex_destroy(&s->mu);
    }
    free(s);
}

int dy_serve_start(dy_serve **out, const dy_serve_opts *o, char *err, size_t err_size)
{
    dy_serve *s;
    const char *host;
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    const struct sockaddr *sa;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD;
    const union MHD_DaemonInfo *info;
    int rc;

    if (!out || !o || !o->db_path || o->port > 65535)
        return set_err(err, err_size, DY_EINVAL, "invalid server options");
    *out = NULL;
    host = o->host ? o->host : "127.0.0.1";
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    if (inet_pton(AF_INET, host, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((uint16_t)o->port);
        sa = (const struct sockaddr *)&a4;
    } else if (inet_pton(AF_INET6, host, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)o->port);
        sa = (const struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    } else {
        return set_err(err, err_size, DY_EINVAL, "bad listen address '%s' (want a numeric IPv4 or IPv6 address)",
                       host);
    }

    if (!(s = calloc(1, sizeof *s)))
        return set_err(err, err_size, DY_ENOMEM, "out of memory");
    if (pthread_mutex_init(&s->mu, NULL) != 0) {
        rc = set_err(err, err_size, DY_ENOMEM, "cannot create a mutex");
        goto fail;
    }
    if (pthread_cond_init(&s->cv, NULL) != 0) {
        pthread_mutex_destroy(&s->mu);
        rc = set_err(err, err_size, DY_ENOMEM, "cannot create a condition variable");
        goto fail;
    }
    s->sync_ok = 1;
    s->nconns = o->threads ? o->threads : 4;
    if (s->nconns > 64)
        s->nconns = 64;
    s->conns = calloc(s->nconns, sizeof *s->conns);
    s->busy = calloc(s->nconns, 1);
    if (!s->conns || !s->busy) {
        rc = set_err(err, err_size, DY_ENOMEM, "out of memory");
        goto fail;
    }
    for (unsigned i = 0; i < s->nconns; i++)
        if ((rc = open_conn(o->db_path, &s->conns[i], err, err_size)) < 0)
            goto fail;
    if (o->web_root) {
        char *rp = realpath(o->web_root, NULL);
        struct stat sb;
        if (!rp || stat(rp, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
            free(rp);
            rc = set_err(err, err_size, DY_EINVAL, "web root '%s' is not a folder", o->web_root);
            goto fail;
        }
        s->web_root = rp;
    }

    s->mhd = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request, s,
                              MHD_OPTION_SOCK_ADDR, sa,
                              MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)s->nconns,
                              MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONN_MEMORY,
                              MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
                              MHD_OPTION_CONNECTION_LIMIT, (unsigned int)1000,
                              MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
                              MHD_OPTION_END);
    if (!s->mhd) {
        rc = set_err(err, err_size, DY_EIO, "cannot listen on %s port %u (in use, or not allowed?)", host,
                     o->port);
        goto fail;
    }
    info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info && info->port ? info->port : o->port;
    *out = s;
    return DY_OK;

fail:
    free_server(s);
    return rc;
}

unsigned dy_serve_port(const dy_serve *s)
{
    return s ? s->port : 0;
}

void dy_serve_stop(dy_serve **sp)
{
    dy_serve *s;
    if (!sp || !*sp)
        return;
    s = *sp;
    if (s->mhd)
        MHD_stop_daemon(s->mhd);
    free_server(s);
    *sp = NULL;
}
