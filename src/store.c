/* store.c — the SQLite event store (see store.h): schema, batched writes
 * with prepared statements reused for every row, per-article savepoints so a
 * failed article leaves nothing behind, replacement of re-stored articles,
 * and the `dyad db stats` report.
 *
 * Durability: WAL mode and synchronous=NORMAL. A batch of batch_size articles
 * is one transaction; a process killed in the middle of a batch loses that
 * batch only, and the database stays consistent (SQLite's journal).
 * Offsets stored are byte offsets into the article text as ingested: spans in
 * the cleaned text are mapped back with doc->text.map. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>
#include "dyad.h"
#include "buf.h"
#include "cameo.h"
#include "cluster.h"
#include "store.h"
#include "emit.h"

/* Version 2 added event clusters and article simhashes (cluster.h);
 * version-1 databases are migrated in place when opened for writing. */
#define STORE_SCHEMA_VERSION 2
#define STORE_DEFAULT_BATCH 500
#define NMEMB(a) (sizeof(a) / sizeof *(a))   /* elements of an array */

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS articles("
    " id TEXT PRIMARY KEY, date TEXT, source TEXT, url TEXT, title TEXT, text TEXT,"
    " content_hash TEXT, origin TEXT, coded_at TEXT);"
    "CREATE TABLE IF NOT EXISTS sentences("
    " article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER, \"end\" INTEGER, text TEXT,"
    " PRIMARY KEY(article_id, idx));"
    "CREATE TABLE IF NOT EXISTS events("
    " event_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, sentence_index INTEGER,"
    " date TEXT, date_precision TEXT,"
    " source_code TEXT, source_country TEXT, source_text TEXT,"
    " target_code TEXT, target_country TEXT, target_text TEXT,"
    " cameo TEXT, root TEXT, quad_class INTEGER, goldstein REAL,"
    " plover_event TEXT, plover_mode TEXT,"
    " attribution_code TEXT, attribution_country TEXT, attribution_text TEXT,"
    " status TEXT, quantities TEXT,"
    " location_name TEXT, location_country TEXT, location_admin1 TEXT, lat REAL, lon REAL,"
    " source_start INTEGER, source_end INTEGER, verb_start INTEGER, verb_end INTEGER,"
    " target_start INTEGER, target_end INTEGER,"
    " attribution_start INTEGER, attribution_end INTEGER,"
    " issues TEXT, cluster_id TEXT);"
    "CREATE TABLE IF NOT EXISTS actors("
    " code TEXT PRIMARY KEY, country TEXT, mentions INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_code);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_code);"
    "CREATE INDEX IF NOT EXISTS events_root ON events(root);"
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_id);";

/* Version 2: clusters of event mentions reporting one real event, the
 * articles of each cluster (with their outlet, for honest source counts),
 * and a banded index of article simhashes for near-duplicate articles
 * (4 bands of 16 bits: two texts within Hamming distance 3 share a band). */
static const char cluster_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS clusters("
    " id INTEGER PRIMARY KEY, ckey TEXT NOT NULL, source_code TEXT, target_code TEXT,"
    " root TEXT, cameo TEXT, day_lo INTEGER, day_hi INTEGER, prec INTEGER, date TEXT,"
    " location_name TEXT, location_country TEXT, location_admin1 TEXT, lat REAL, lon REAL,"
    " status_mask INTEGER NOT NULL DEFAULT 0, status TEXT,"
    " num_mentions INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0,"
    " num_sources INTEGER NOT NULL DEFAULT 0, num_independent INTEGER NOT NULL DEFAULT 0,"
    " first_seen TEXT, last_seen TEXT);"
    "CREATE INDEX IF NOT EXISTS clusters_key ON clusters(ckey, day_lo);"
    "CREATE INDEX IF NOT EXISTS clusters_date ON clusters(date);"
    "CREATE TABLE IF NOT EXISTS cluster_articles("
    " cluster_id INTEGER NOT NULL, article_id TEXT NOT NULL, source TEXT NOT NULL,"
    " independent INTEGER NOT NULL, PRIMARY KEY(cluster_id, article_id)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS cluster_articles_source ON cluster_articles(cluster_id, source);"
    "CREATE INDEX IF NOT EXISTS cluster_articles_article ON cluster_articles(article_id);"
    "CREATE TABLE IF NOT EXISTS simhash_bands("
    " band INTEGER NOT NULL, key INTEGER NOT NULL, article_id TEXT NOT NULL,"
    " PRIMARY KEY(band, key, article_id)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster_id);";

/* Columns added to version-1 tables. */
static const char *const migrate_v2_sql[] = {
    "ALTER TABLE articles ADD COLUMN simhash INTEGER",
    "ALTER TABLE articles ADD COLUMN dup_of TEXT",
};

#ifndef DY_STORE_CLUSTER_DEFAULT
#define DY_STORE_CLUSTER_DEFAULT 1
#endif

/* The prepared statements of a writer, in the order of stmt_sql. */
enum {
    ST_SAVEPOINT, ST_RELEASE, ST_ROLLBACK_TO, ST_EXISTS, ST_ACTOR_UNCOUNT, ST_ACTOR_PRUNE,
    ST_DEL_SENT, ST_DEL_EV, ST_INS_ART, ST_INS_SENT, ST_INS_EV, ST_UPSERT_ACTOR,
    /* clustering (schema version 2) */
    ST_DEL_BAND, ST_FIND_BAND, ST_INS_BAND, ST_ART_CLUSTERS, ST_DEL_ART_CLUSTERS, ST_RECOUNT,
    ST_DROP_EMPTY, ST_CAND, ST_INS_CL, ST_UPD_CL, ST_CA_HAS, ST_CA_SRC, ST_CA_INS, ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
    "SAVEPOINT dy_article",
    "RELEASE dy_article",
    "ROLLBACK TO dy_article",
    "SELECT simhash FROM articles WHERE id = ?1",
    /* Take back the mentions that the article's old events counted. */
    "UPDATE actors SET mentions = mentions"
    " - (SELECT count(*) FROM events WHERE article_id = ?1 AND source_code = actors.code)"
    " - (SELECT count(*) FROM events WHERE article_id = ?1 AND target_code = actors.code)"
    " - (SELECT count(*) FROM events WHERE article_id = ?1 AND attribution_code = actors.code)"
    " WHERE code IN (SELECT source_code FROM events WHERE article_id = ?1"
    " UNION SELECT target_code FROM events WHERE article_id = ?1"
    " UNION SELECT attribution_code FROM events WHERE article_id = ?1)",
    "DELETE FROM actors WHERE mentions <= 0",
    "DELETE FROM sentences WHERE article_id = ?1",
    "DELETE FROM events WHERE article_id = ?1",
    "INSERT OR REPLACE INTO articles(id, date, source, url, title, text, content_hash, origin, coded_at,"
    " simhash, dup_of) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    "INSERT OR REPLACE INTO sentences(article_id, idx, start, \"end\", text) VALUES(?1, ?2, ?3, ?4, ?5)",
    "INSERT OR REPLACE INTO events(event_id, article_id, sentence_index, date, date_precision,"
    " source_code, source_country, source_text, target_code, target_country, target_text,"
    " cameo, root, quad_class, goldstein, plover_event, plover_mode,"
    " attribution_code, attribution_country, attribution_text, status, quantities,"
    " location_name, location_country, location_admin1, lat, lon,"
    " source_start, source_end, verb_start, verb_end, target_start, target_end,"
    " attribution_start, attribution_end, issues, cluster_id)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37)",
    "INSERT INTO actors(code, country, mentions) VALUES(?1, ?2, ?3)"
    " ON CONFLICT(code) DO UPDATE SET mentions = mentions + excluded.mentions,"
    " country = coalesce(actors.country, excluded.country)",
    "DELETE FROM simhash_bands WHERE band = ?1 AND key = ?2 AND article_id = ?3",
    "SELECT b.article_id, a.simhash FROM simhash_bands b JOIN articles a ON a.id = b.article_id"
    " WHERE b.band = ?1 AND b.key = ?2 LIMIT 64",
    "INSERT OR IGNORE INTO simhash_bands(band, key, article_id) VALUES(?1, ?2, ?3)",
    "SELECT cluster_id FROM cluster_articles WHERE article_id = ?1",
    "DELETE FROM cluster_articles WHERE article_id = ?1",
    "UPDATE clusters SET num_mentions = (SELECT count(*) FROM events WHERE cluster_id = 'c' || ?1),"
    " num_articles = (SELECT count(*) FROM cluster_articles WHERE cluster_id = ?1),"
    " num_sources = (SELECT count(DISTINCT source) FROM cluster_articles WHERE cluster_id = ?1),"
    " num_independent = (SELECT count(*) FROM cluster_articles WHERE cluster_id = ?1 AND independent)"
    " WHERE id = ?1",
    "DELETE FROM clusters WHERE id = ?1 AND num_mentions = 0",
    "SELECT id, source_code, target_code, day_lo, day_hi, prec, location_name, location_country,"
    " location_admin1, lat, lon, status_mask, first_seen, last_seen, date"
    " FROM clusters WHERE ckey = ?1 AND day_lo BETWEEN ?2 AND ?3",
    "INSERT INTO clusters(ckey, source_code, target_code, root, cameo, day_lo, day_hi, prec)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "UPDATE clusters SET day_lo = ?2, day_hi = ?3, prec = ?4, date = ?5, location_name = ?6,"
    " location_country = ?7, location_admin1 = ?8, lat = ?9, lon = ?10, status_mask = ?11,"
    " status = ?12, num_mentions = num_mentions + 1, num_articles = num_articles + ?13,"
    " num_sources = num_sources + ?14, num_independent = num_independent + ?15,"
    " first_seen = ?16, last_seen = ?17 WHERE id = ?1",
    "SELECT 1 FROM cluster_articles WHERE cluster_id = ?1 AND article_id = ?2",
    "SELECT 1 FROM cluster_articles WHERE cluster_id = ?1 AND source = ?2 LIMIT 1",
    "INSERT INTO cluster_articles(cluster_id, article_id, source, independent) VALUES(?1, ?2, ?3, ?4)",
};

/* One actor's mentions within the article being stored. */
typedef struct actor_tally {
    const char *code, *country;
    int n;
} actor_tally;

struct dy_store {
    sqlite3 *db;
    int readonly;
    int batch_size;
    int pending;               /* articles in the open transaction */
    sqlite3_stmt *st[ST_COUNT];
    dy_buf scratch;            /* event ids, quantities JSON */
    dy_buf ids;                /* event id of the current event */
    actor_tally *tally;
    size_t ntally, captally;
    int cluster;               /* assign events to clusters at put (default on) */
    sqlite3_int64 *artcl;      /* clusters the current article is already in */
    size_t nartcl, capartcl;
    sqlite3_int64 *touched;    /* clusters of a replaced article, to recount */
    size_t ntouched, captouched;
    char dup_of[256];          /* near-duplicate of the current article, "" = none */
    char err[512];
};

static int fail(dy_store *s, int rc, const char *what)
{
    snprintf(s->err, sizeof s->err, "%s: %s", what, s->db ? sqlite3_errmsg(s->db) : "no database");
    return rc;
}

static int exec_sql(dy_store *s, const char *sql, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "%s: %s", what, msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return DY_EDB;
    }
    return DY_OK;
}

/* Out of memory, said in s->err. */
static int oom(dy_store *s)
{
    snprintf(s->err, sizeof s->err, "out of memory");
    return DY_ENOMEM;
}

/* Make st ready for its next use after stepping it to rc: reset, bindings
 * cleared. DY_OK when rc is SQLITE_ROW or SQLITE_DONE, else the error. */
static int end_step(dy_store *s, sqlite3_stmt *st, int rc, const char *what)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(s, DY_EDB, what);
    return DY_OK;
}

/* Run a statement that returns no rows (or whose rows are ignored) and reset it. */
static int step_done(dy_store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    return end_step(s, st, rc, what);
}

/* Bind text v to ?1 of the writer's statement which and run it. */
static int run_text(dy_store *s, int which, const char *v, const char *what)
{
    sqlite3_bind_text(s->st[which], 1, v, -1, SQLITE_STATIC);
    return step_done(s, s->st[which], what);
}

/* Bind integer v to ?1 of the writer's statement which and run it. */
static int run_int(dy_store *s, int which, sqlite3_int64 v, const char *what)
{
    sqlite3_bind_int64(s->st[which], 1, v);
    return step_done(s, s->st[which], what);
}

/* One integer from a query (0 when no row). */
static int query_int(sqlite3 *db, const char *sql, sqlite3_int64 *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    *out = 0;
    if (rc != SQLITE_OK)
        return DY_EDB;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return (rc == SQLITE_ROW || rc == SQLITE_DONE) ? DY_OK : DY_EDB;
}

static void finalize_all(dy_store *s)
{
    for (int i = 0; i < ST_COUNT; i++) {
        sqlite3_finalize(s->st[i]);
        s->st[i] = NULL;
    }
}

static void copy_err(char *errmsg, size_t errmsg_size, const char *msg)
{
    if (errmsg && errmsg_size)
        snprintf(errmsg, errmsg_size, "%s", msg);
}

int dy_store_open(dy_store **out, const char *path, int readonly, char *errmsg, size_t errmsg_size)
{
    dy_store *s;
    sqlite3_int64 version = 0, ntables = 0;
    int flags;

    if (!out || !path) {
        copy_err(errmsg, errmsg_size, "no database path");
        return DY_EINVAL;
    }
    *out = NULL;
    s = calloc(1, sizeof *s);
    if (!s) {
        copy_err(errmsg, errmsg_size, "out of memory");
        return DY_ENOMEM;
    }
    s->readonly = readonly != 0;
    s->batch_size = STORE_DEFAULT_BATCH;
    s->cluster = DY_STORE_CLUSTER_DEFAULT;
    dy_buf_init(&s->scratch);
    dy_buf_init(&s->ids);

    flags = s->readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fail(s, DY_EDB, "cannot open database");
        goto fail_opened;
    }
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 1);

    /* Reading the version is the first access: it also catches "file is not
     * a database". */
    if (query_int(s->db, "PRAGMA user_version", &version) < 0) {
        fail(s, DY_EDB, "cannot read database");
        goto fail_opened;
    }
    if (version > STORE_SCHEMA_VERSION) {
        snprintf(s->err, sizeof s->err,
                 "database schema version %lld is newer than this dyad's (%d)",
                 (long long)version, STORE_SCHEMA_VERSION);
        goto fail_opened;
    }
    if (s->readonly) {
        if (query_int(s->db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                             " AND name IN ('articles', 'sentences', 'events', 'actors')",
                      &ntables) < 0 || ntables != 4) {
            snprintf(s->err, sizeof s->err, "not a dyad database (missing tables)");
            goto fail_opened;
        }
        if (exec_sql(s, "PRAGMA query_only = 1", "read-only mode") < 0)
            goto fail_opened;
        *out = s;
        return DY_OK;
    }

    if (exec_sql(s, "PRAGMA journal_mode = WAL", "journal mode") < 0 ||
        exec_sql(s, "PRAGMA synchronous = NORMAL", "synchronous") < 0 ||
        exec_sql(s, "PRAGMA temp_store = MEMORY", "temp store") < 0 ||
        exec_sql(s, "PRAGMA cache_size = -16000", "cache size") < 0)
        goto fail_opened;
    if (version < STORE_SCHEMA_VERSION) {
        char setv[64];
        snprintf(setv, sizeof setv, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
        if (exec_sql(s, "BEGIN IMMEDIATE", "create schema") < 0)
            goto fail_opened;
        if (version < 1 && exec_sql(s, schema_sql, "create schema") < 0)
            goto fail_schema;
        for (size_t i = 0; i < sizeof migrate_v2_sql / sizeof migrate_v2_sql[0]; i++)
            if (exec_sql(s, migrate_v2_sql[i], "migrate schema to version 2") < 0)
                goto fail_schema;
        if (exec_sql(s, cluster_schema_sql, "create schema") < 0 || exec_sql(s, setv, "create schema") < 0 ||
            exec_sql(s, "COMMIT", "create schema") < 0)
            goto fail_schema;
    }
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK) {
            fail(s, DY_EDB, "prepare");
            goto fail_prepared;
        }
    }
    *out = s;
    return DY_OK;

fail_schema:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    goto fail_opened;
fail_prepared:
    finalize_all(s);
fail_opened:
    copy_err(errmsg, errmsg_size, s->err);
    sqlite3_close(s->db);
    dy_buf_free(&s->scratch);
    dy_buf_free(&s->ids);
    free(s);
    return DY_EDB;
}

int dy_store_set_batch_size(dy_store *s, int n)
{
    if (!s || n < 1)
        return DY_EINVAL;
    s->batch_size = n;
    return DY_OK;
}

const char *dy_store_errmsg(const dy_store *s)
{
    if (!s)
        return "no database";
    return s->err[0] ? s->err : "no error";
}

/* ---- writing ---------------------------------------------------------- */

/* 64-bit FNV-1a of the article text, as 16 hex digits. */
static void content_hash(const char *p, size_t n, char out[17])
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3ull;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* Original-text offset of cleaned-text offset o (clamped to the text). */
static uint32_t orig_off(const dy_doc *doc, uint32_t o)
{
    uint32_t r = o;
    if (doc->text.map) {
        if (o > doc->text.norm_len)
            o = doc->text.norm_len;
        r = doc->text.map[o];
    }
    if (r > doc->article->text_len)
        r = (uint32_t)doc->article->text_len;
    return r;
}

/* Bind s (NULL or "" -> SQL NULL). The string must stay valid until the step. */
static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Bind v, or NULL when !has. */
static void bind_num(sqlite3_stmt *st, int i, int has, double v)
{
    if (has)
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

/* Bind the span [off, off+len) of the cleaned text as original offsets at
 * columns i, i+1 and, when ti > 0, its text at column ti. len 0 -> NULLs. */
static void bind_span(sqlite3_stmt *st, const dy_doc *doc, uint32_t off, uint32_t len, int i, int ti)
{
    uint32_t a, z;
    if (!len) {
        sqlite3_bind_null(st, i);
        sqlite3_bind_null(st, i + 1);
        if (ti > 0)
            sqlite3_bind_null(st, ti);
        return;
    }
    a = orig_off(doc, off);
    z = orig_off(doc, off + len < off ? UINT32_MAX : off + len);
    if (a > z)
        a = z;
    sqlite3_bind_int64(st, i, a);
    sqlite3_bind_int64(st, i + 1, z);
    if (ti > 0)
        sqlite3_bind_text(st, ti, doc->article->text + a, (int)(z - a), SQLITE_STATIC);
}


/* Count one mention of actor a in the article's tally. */
static int tally_actor(dy_store *s, const dy_actor *a)
{
    if (!a->code[0])
        return DY_OK;
    for (size_t i = 0; i < s->ntally; i++) {
        if (strcmp(s->tally[i].code, a->code) == 0) {
            s->tally[i].n++;
            if (!s->tally[i].country[0])
                s->tally[i].country = a->country;
            return DY_OK;
        }
    }
    if (s->ntally == s->captally) {
        size_t cap = s->captally ? s->captally * 2 : 32;
        actor_tally *t = realloc(s->tally, cap * sizeof *t);
        if (!t)
            return DY_ENOMEM;
        s->tally = t;
        s->captally = cap;
    }
    s->tally[s->ntally].code = a->code;
    s->tally[s->ntally].country = a->country;
    s->tally[s->ntally].n = 1;
    s->ntally++;
    return DY_OK;
}

/* ---- clustering (see cluster.h for the rules) -------------------------- */

int dy_store_set_cluster(dy_store *s, int on)
{
    if (!s)
        return DY_EINVAL;
    s->cluster = on != 0;
    return DY_OK;
}

static int push_id(sqlite3_int64 **a, size_t *n, size_t *cap, sqlite3_int64 v)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        sqlite3_int64 *t = realloc(*a, c * sizeof *t);
        if (!t)
            return DY_ENOMEM;
        *a = t;
        *cap = c;
    }
    (*a)[(*n)++] = v;
    return DY_OK;
}

static int has_id(const sqlite3_int64 *a, size_t n, sqlite3_int64 v)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] == v)
            return 1;
    return 0;
}

static void copy_col(char *dst, size_t n, sqlite3_stmt *st, int col)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    snprintf(dst, n, "%s", v ? (const char *)v : "");
}

/* Does statement st (already bound) return a row? 1, 0 or DY_EDB. */
static int has_row(dy_store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st), err = end_step(s, st, rc, what);
    return err < 0 ? err : rc == SQLITE_ROW;
}

/* Is there a row of the cluster-articles query which (ST_CA_SRC: an article
 * of that outlet; ST_CA_HAS: that article) for cluster id and text v?
 * 1, 0 or DY_EDB. */
static int cluster_has(dy_store *s, int which, sqlite3_int64 id, const char *v, const char *what)
{
    sqlite3_bind_int64(s->st[which], 1, id);
    sqlite3_bind_text(s->st[which], 2, v, -1, SQLITE_STATIC);
    return has_row(s, s->st[which], what);
}

/* Add or remove the 4 band rows of an article's simhash. */
static int band_rows(dy_store *s, int which, const char *id, uint64_t h)
{
    sqlite3_stmt *st = s->st[which];
    int rc;
    for (int b = 0; b < 4; b++) {
        sqlite3_bind_int(st, 1, b);
        sqlite3_bind_int(st, 2, (int)((h >> (16 * b)) & 0xffffu));
        sqlite3_bind_text(st, 3, id, -1, SQLITE_STATIC);
        if ((rc = step_done(s, st, "simhash index")) < 0)
            return rc;
    }
    return DY_OK;
}

/* Simhash of the article; when the text is long enough, look for an earlier
 * near-duplicate (s->dup_of) and, when there is none, index this one. */
static int near_duplicate(dy_store *s, const dy_doc *doc, const char *id, uint64_t *hash)
{
    const char *text = doc->text.norm ? doc->text.norm : doc->article->text;
    size_t len = doc->text.norm ? doc->text.norm_len : doc->article->text_len;
    sqlite3_stmt *st = s->st[ST_FIND_BAND];
    uint32_t nsh = 0;
    uint64_t h = dy_simhash(text, len, &nsh);
    int rc = SQLITE_DONE;

    *hash = h;
    s->dup_of[0] = '\0';
    if (nsh < DY_SIMHASH_MIN_SHINGLES)
        return DY_OK;
    for (int b = 0; b < 4 && !s->dup_of[0]; b++) {
        sqlite3_bind_int(st, 1, b);
        sqlite3_bind_int(st, 2, (int)((h >> (16 * b)) & 0xffffu));
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *other = (const char *)sqlite3_column_text(st, 0);
            uint64_t oh = (uint64_t)sqlite3_column_int64(st, 1);
            if (other && strcmp(other, id) != 0 && dy_simhash_distance(h, oh) <= DY_SIMHASH_MAX_DIST) {
                snprintf(s->dup_of, sizeof s->dup_of, "%s", other);
                break;
            }
        }
        if ((rc = end_step(s, st, rc, "near-duplicate lookup")) < 0)
            return rc;
    }
    /* A near-duplicate is represented by its original in the index. */
    if (!s->dup_of[0])
        return band_rows(s, ST_INS_BAND, id, h);
    return DY_OK;
}

/* A cluster as read for matching. */
typedef struct cl_row {
    sqlite3_int64 id;
    long day_lo, day_hi;
    int prec;
    char date[11];
    char place[160], country[4], admin1[16];
    double lat, lon;
    int has_coords;
    unsigned mask;
    char first_seen[11], last_seen[11];
} cl_row;

/* Find or create the cluster of event e; writes "c<id>" to out ("" when
 * the event is not clustered) and updates the cluster's evidence. */
static int assign_cluster(dy_store *s, const dy_doc *doc, const dy_event *e, char out[32])
{
    const dy_article *art = doc->article;
    const char *outlet = art->source ? art->source : "";
    const char *adate = art->date ? art->date : "";
    sqlite3_stmt *st = s->st[ST_CAND];
    dy_cluster_key k;
    cl_row c;
    long bestdist = -1;
    int rc, newcl = 0, newart = 0, newsrc = 0, indep = 0;

    out[0] = '\0';
    if (dy_cluster_key_of(&k, e, art) <= 0)
        return DY_OK;
    memset(&c, 0, sizeof c);
    sqlite3_bind_text(st, 1, k.ckey, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, k.day_lo - 31 - DY_CLUSTER_DAY_SLACK);
    sqlite3_bind_int64(st, 3, k.day_hi + DY_CLUSTER_DAY_SLACK);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long lo = (long)sqlite3_column_int64(st, 3), hi = (long)sqlite3_column_int64(st, 4), dist;
        int has = sqlite3_column_type(st, 9) != SQLITE_NULL;
        if (!dy_cluster_actor_compat(k.source, (const char *)sqlite3_column_text(st, 1)) ||
            !dy_cluster_actor_compat(k.target, (const char *)sqlite3_column_text(st, 2)) ||
            !dy_cluster_date_compat(k.day_lo, k.day_hi, lo, hi))
            continue;
        if (!dy_cluster_place_compat(k.country, k.admin1, k.place, k.has_coords, k.lat, k.lon,
                                     (const char *)sqlite3_column_text(st, 7),
                                     (const char *)sqlite3_column_text(st, 8),
                                     (const char *)sqlite3_column_text(st, 6), has,
                                     sqlite3_column_double(st, 9), sqlite3_column_double(st, 10)))
            continue;
        dist = lo > k.day_lo ? lo - k.day_lo : k.day_lo - lo;
        if (bestdist >= 0 && dist >= bestdist)
            continue;
        bestdist = dist;
        c.id = sqlite3_column_int64(st, 0);
        c.day_lo = lo;
        c.day_hi = hi;
        c.prec = sqlite3_column_int(st, 5);
        copy_col(c.place, sizeof c.place, st, 6);
        copy_col(c.country, sizeof c.country, st, 7);
        copy_col(c.admin1, sizeof c.admin1, st, 8);
        c.has_coords = has;
        c.lat = sqlite3_column_double(st, 9);
        c.lon = sqlite3_column_double(st, 10);
        c.mask = (unsigned)sqlite3_column_int(st, 11);
        copy_col(c.first_seen, sizeof c.first_seen, st, 12);
        copy_col(c.last_seen, sizeof c.last_seen, st, 13);
        copy_col(c.date, sizeof c.date, st, 14);
    }
    if ((rc = end_step(s, st, rc, "find cluster")) < 0)
        return rc;

    if (bestdist < 0) {
        st = s->st[ST_INS_CL];
        sqlite3_bind_text(st, 1, k.ckey, -1, SQLITE_STATIC);
        bind_str(st, 2, k.source);
        bind_str(st, 3, k.target);
        bind_str(st, 4, k.root);
        bind_str(st, 5, k.cameo);
        sqlite3_bind_int64(st, 6, k.day_lo);
        sqlite3_bind_int64(st, 7, k.day_hi);
        sqlite3_bind_int(st, 8, k.prec);
        if ((rc = step_done(s, st, "new cluster")) < 0)
            return rc;
        c.id = sqlite3_last_insert_rowid(s->db);
        newcl = 1;
    }
    /* Best date: the most precise, then the earliest. */
    if (newcl || k.prec < c.prec || (k.prec == c.prec && k.day_lo < c.day_lo)) {
        c.day_lo = k.day_lo;
        c.day_hi = k.day_hi;
        c.prec = k.prec;
        memcpy(c.date, k.date, sizeof c.date);
    }
    /* Best place: the most specific. */
    if (dy_cluster_place_rank(k.place, k.admin1, k.has_coords) >
        dy_cluster_place_rank(c.place, c.admin1, c.has_coords)) {
        snprintf(c.place, sizeof c.place, "%s", k.place);
        snprintf(c.country, sizeof c.country, "%s", k.country ? k.country : "");
        snprintf(c.admin1, sizeof c.admin1, "%s", k.admin1 ? k.admin1 : "");
        c.has_coords = k.has_coords;
        c.lat = k.lat;
        c.lon = k.lon;
    }
    c.mask |= 1u << (k.status & 15);
    if (adate[0] && (!c.first_seen[0] || strcmp(adate, c.first_seen) < 0))
        snprintf(c.first_seen, sizeof c.first_seen, "%s", adate);
    if (adate[0] && (!c.last_seen[0] || strcmp(adate, c.last_seen) > 0))
        snprintf(c.last_seen, sizeof c.last_seen, "%s", adate);

    /* The article's first mention in this cluster counts the article, its
     * outlet (when new to the cluster), and whether it is independent (not
     * a near-duplicate of an article already in the cluster). */
    if (!has_id(s->artcl, s->nartcl, c.id)) {
        newart = 1;
        if (newcl) {
            newsrc = 1;
            indep = 1;
        } else {
            if ((rc = cluster_has(s, ST_CA_SRC, c.id, outlet, "cluster outlets")) < 0)
                return rc;
            newsrc = !rc;
            indep = 1;
            if (s->dup_of[0]) {
                if ((rc = cluster_has(s, ST_CA_HAS, c.id, s->dup_of, "cluster articles")) < 0)
                    return rc;
                indep = !rc;
            }
        }
        st = s->st[ST_CA_INS];
        sqlite3_bind_int64(st, 1, c.id);
        sqlite3_bind_text(st, 2, art->id ? art->id : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, outlet, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, indep);
        if ((rc = step_done(s, st, "cluster article")) < 0)
            return rc;
        if (push_id(&s->artcl, &s->nartcl, &s->capartcl, c.id) < 0)
            return oom(s);
    }

    st = s->st[ST_UPD_CL];
    sqlite3_bind_int64(st, 1, c.id);
    sqlite3_bind_int64(st, 2, c.day_lo);
    sqlite3_bind_int64(st, 3, c.day_hi);
    sqlite3_bind_int(st, 4, c.prec);
    bind_str(st, 5, c.date);
    bind_str(st, 6, c.place);
    bind_str(st, 7, c.country);
    bind_str(st, 8, c.admin1);
    bind_num(st, 9, c.has_coords, c.lat);
    bind_num(st, 10, c.has_coords, c.lon);
    sqlite3_bind_int(st, 11, (int)c.mask);
    bind_str(st, 12, dy_status_name(dy_cluster_status_merge(c.mask)));
    sqlite3_bind_int(st, 13, newart);
    sqlite3_bind_int(st, 14, newsrc);
    sqlite3_bind_int(st, 15, newart && indep);
    bind_str(st, 16, c.first_seen);
    bind_str(st, 17, c.last_seen);
    if ((rc = step_done(s, st, "update cluster")) < 0)
        return rc;
    snprintf(out, 32, "c%lld", (long long)c.id);
    return DY_OK;
}

/* Before an article's rows are replaced: forget its simhash bands and its
 * cluster memberships (clusters are recounted by recount_touched). */
static int uncluster_article(dy_store *s, const char *id, int has_old_hash, uint64_t old_hash)
{
    sqlite3_stmt *st = s->st[ST_ART_CLUSTERS];
    int rc;
    s->ntouched = 0;
    if (has_old_hash && (rc = band_rows(s, ST_DEL_BAND, id, old_hash)) < 0)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (push_id(&s->touched, &s->ntouched, &s->captouched, sqlite3_column_int64(st, 0)) < 0) {
            sqlite3_reset(st);
            return oom(s);
        }
    }
    if ((rc = end_step(s, st, rc, "article clusters")) < 0)
        return rc;
    return run_text(s, ST_DEL_ART_CLUSTERS, id, "article clusters");
}

/* After the old events are gone: recount the clusters they were in. A
 * cluster left empty stays until the article's new events are stored (so
 * that re-coding an article keeps its cluster ids), then drop_empty()
 * removes it. Dates, places and statuses of the remaining clusters keep what
 * the removed mentions contributed (a known limit). */
static int recount_touched(dy_store *s)
{
    int rc;
    for (size_t i = 0; i < s->ntouched; i++)
        if ((rc = run_int(s, ST_RECOUNT, s->touched[i], "recount cluster")) < 0)
            return rc;
    return DY_OK;
}

static int drop_empty(dy_store *s)
{
    int rc;
    for (size_t i = 0; i < s->ntouched; i++)
        if ((rc = run_int(s, ST_DROP_EMPTY, s->touched[i], "drop cluster")) < 0)
            return rc;
    s->ntouched = 0;
    return DY_OK;
}

static int put_event(dy_store *s, const dy_doc *doc, dy_event *e, dy_arena *a)
{
    const dy_article *art = doc->article;
    sqlite3_stmt *st = s->st[ST_INS_EV];
    const dy_cameo_info *ci = NULL;
    const char *date = e->date[0] ? e->date : art->date;
    const char *prec = e->date[0] ? dy_date_prec_name(e->date_prec) : (date && date[0] ? "day" : NULL);
    char cameo[sizeof e->cameo], root[sizeof e->root], cid[32];
    int rc;

    cid[0] = '\0';
    if (s->cluster && (rc = assign_cluster(s, doc, e, cid)) < 0)
        return rc;
    if (a && cid[0]) {
        /* give the caller the id too, for its text output */
        const char *copy = dy_arena_strndup(a, cid, strlen(cid));
        if (!copy)
            return oom(s);
        e->cluster_id = copy;
    }
    /* Fixed-size code fields may lack their NUL in a hand-made event. */
    memcpy(cameo, e->cameo, sizeof cameo);
    cameo[sizeof cameo - 1] = '\0';
    memcpy(root, e->root, sizeof root);
    root[sizeof root - 1] = '\0';
    if (!root[0] && cameo[0] && cameo[1]) {
        root[0] = cameo[0];
        root[1] = cameo[1];
        root[2] = '\0';
    }

    dy_buf_clear(&s->ids);
    dy_buf_printf(&s->ids, "%s:%u:%u", art->id ? art->id : "", e->sentence, e->index);
    dy_buf_clear(&s->scratch);
    dy_emit_quantities_json(&s->scratch, doc, e);
    if (!dy_buf_ok(&s->ids) || !dy_buf_ok(&s->scratch))
        return oom(s);

    sqlite3_bind_text(st, 1, s->ids.data, (int)s->ids.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, art->id ? art->id : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, e->sentence);
    bind_str(st, 4, date);
    bind_str(st, 5, prec);
    bind_str(st, 6, e->source.code);
    bind_str(st, 7, e->source.country);
    bind_span(st, doc, e->source.off, e->source.len, 28, 8);
    bind_str(st, 9, e->target.code);
    bind_str(st, 10, e->target.country);
    bind_span(st, doc, e->target.off, e->target.len, 32, 11);
    bind_str(st, 12, cameo);
    bind_str(st, 13, root);
    /* Fill QuadClass, Goldstein and PLOVER from the CAMEO table when the
     * coder left them out. */
    if ((!e->quad_class || !e->has_goldstein || !e->plover_event) && cameo[0])
        ci = dy_cameo_lookup(cameo);
    if (e->quad_class)
        sqlite3_bind_int(st, 14, e->quad_class);
    else if (ci)
        sqlite3_bind_int(st, 14, ci->quad_class);
    else
        sqlite3_bind_null(st, 14);
    bind_num(st, 15, e->has_goldstein || ci, e->has_goldstein ? e->goldstein : ci ? ci->goldstein : 0);
    bind_str(st, 16, e->plover_event ? e->plover_event : ci ? ci->plover_event : NULL);
    bind_str(st, 17, e->plover_event ? e->plover_mode : ci ? ci->plover_mode : NULL);
    bind_str(st, 18, e->attribution.code);
    bind_str(st, 19, e->attribution.country);
    bind_span(st, doc, e->attribution.off, e->attribution.len, 34, 20);
    bind_str(st, 21, dy_status_name(e->status));
    sqlite3_bind_text(st, 22, s->scratch.data, (int)s->scratch.len, SQLITE_STATIC);
    bind_str(st, 23, e->loc.name);
    bind_str(st, 24, e->loc.name ? e->loc.country : NULL);
    bind_str(st, 25, e->loc.name ? e->loc.admin1 : NULL);
    bind_num(st, 26, e->loc.has_coords, e->loc.lat);
    bind_num(st, 27, e->loc.has_coords, e->loc.lon);
    bind_span(st, doc, e->verb_off, e->verb_len, 30, 0);
    bind_str(st, 36, e->issues);
    bind_str(st, 37, cid[0] ? cid : e->cluster_id);
    rc = step_done(s, st, "insert event");
    if (rc < 0)
        return rc;
    if ((rc = tally_actor(s, &e->source)) < 0 || (rc = tally_actor(s, &e->target)) < 0 ||
        (rc = tally_actor(s, &e->attribution)) < 0) {
        snprintf(s->err, sizeof s->err, "out of memory");
        return rc;
    }
    return DY_OK;
}

/* Everything of one article, inside the open transaction. */
static int put_article(dy_store *s, const dy_doc *doc, dy_arena *a)
{
    const dy_article *art = doc->article;
    const char *id = art->id ? art->id : "";
    const char *text = art->text ? art->text : "";
    char hash[17], now[32];
    time_t t = time(NULL);
    struct tm tmv;
    sqlite3_stmt *st;
    int rc, err;

    uint64_t simh = 0, old_hash = 0;
    int has_old_hash = 0;

    s->ntouched = 0;
    /* A re-stored article: take back its actor mentions, drop its rows. */
    st = s->st[ST_EXISTS];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        has_old_hash = 1;
        old_hash = (uint64_t)sqlite3_column_int64(st, 0);
    }
    if ((err = end_step(s, st, rc, "look up article")) < 0)
        return err;
    if (rc == SQLITE_ROW) {
        static const int del[] = { ST_ACTOR_UNCOUNT, ST_DEL_SENT, ST_DEL_EV };
        if ((rc = uncluster_article(s, id, has_old_hash, old_hash)) < 0)
            return rc;
        for (size_t i = 0; i < sizeof del / sizeof del[0]; i++)
            if ((rc = run_text(s, del[i], id, "replace article")) < 0)
                return rc;
        if ((rc = step_done(s, s->st[ST_ACTOR_PRUNE], "replace article")) < 0)
            return rc;
        if ((rc = recount_touched(s)) < 0)
            return rc;
    }
    s->nartcl = 0;
    s->dup_of[0] = '\0';
    if (s->cluster && (rc = near_duplicate(s, doc, id, &simh)) < 0)
        return rc;

    content_hash(text, art->text ? art->text_len : 0, hash);
    if (gmtime_r(&t, &tmv))
        strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    else
        now[0] = '\0';
    st = s->st[ST_INS_ART];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    bind_str(st, 2, art->date);
    bind_str(st, 3, art->source);
    bind_str(st, 4, art->url);
    bind_str(st, 5, art->title);
    sqlite3_bind_text(st, 6, text, art->text ? (int)art->text_len : 0, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, hash, 16, SQLITE_STATIC);
    bind_str(st, 8, art->origin);
    bind_str(st, 9, now);
    if (s->cluster)
        sqlite3_bind_int64(st, 10, (sqlite3_int64)simh);
    else
        sqlite3_bind_null(st, 10);
    bind_str(st, 11, s->dup_of);
    if ((rc = step_done(s, st, "insert article")) < 0)
        return rc;

    st = s->st[ST_INS_SENT];
    for (uint32_t i = 0; doc->sents && i < doc->nsents; i++) {
        const dy_sentence *sn = &doc->sents[i];
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, i);
        bind_span(st, doc, sn->start, sn->end > sn->start ? sn->end - sn->start : 0, 3, 5);
        if (sn->end <= sn->start) {
            /* An empty sentence keeps its position. */
            uint32_t at = orig_off(doc, sn->start);
            sqlite3_bind_int64(st, 3, at);
            sqlite3_bind_int64(st, 4, at);
            sqlite3_bind_text(st, 5, "", 0, SQLITE_STATIC);
        }
        if ((rc = step_done(s, st, "insert sentence")) < 0)
            return rc;
    }

    s->ntally = 0;
    for (uint32_t i = 0; doc->events && i < doc->nevents; i++)
        if ((rc = put_event(s, doc, &doc->events[i], a)) < 0)
            return rc;
    if (s->ntouched && (rc = drop_empty(s)) < 0)
        return rc;
    st = s->st[ST_UPSERT_ACTOR];
    for (size_t i = 0; i < s->ntally; i++) {
        sqlite3_bind_text(st, 1, s->tally[i].code, -1, SQLITE_STATIC);
        bind_str(st, 2, s->tally[i].country);
        sqlite3_bind_int(st, 3, s->tally[i].n);
        if ((rc = step_done(s, st, "count actor")) < 0)
            return rc;
    }
    return DY_OK;
}

static int commit(dy_store *s)
{
    if (sqlite3_get_autocommit(s->db)) {
        s->pending = 0;
        return DY_OK;
    }
    if (exec_sql(s, "COMMIT", "commit") < 0) {
        /* Keep the database as it was before the batch. */
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        s->pending = 0;
        return DY_EDB;
    }
    s->pending = 0;
    return DY_OK;
}

int dy_store_put(dy_store *s, const dy_doc *doc)
{
    return dy_store_put_ex(s, doc, NULL);
}

int dy_store_put_ex(dy_store *s, const dy_doc *doc, dy_arena *a)
{
    int rc;
    if (!s || !doc || !doc->article)
        return DY_EINVAL;
    if (s->readonly) {
        snprintf(s->err, sizeof s->err, "database opened read-only");
        return DY_EINVAL;
    }
    if (sqlite3_get_autocommit(s->db)) {
        if (exec_sql(s, "BEGIN IMMEDIATE", "begin") < 0)
            return DY_EDB;
        s->pending = 0;
    }
    if ((rc = step_done(s, s->st[ST_SAVEPOINT], "savepoint")) < 0)
        return rc;
    rc = put_article(s, doc, a);
    if (rc < 0) {
        /* Nothing of a failed article stays; the batch goes on. */
        sqlite3_step(s->st[ST_ROLLBACK_TO]);
        sqlite3_reset(s->st[ST_ROLLBACK_TO]);
        sqlite3_step(s->st[ST_RELEASE]);
        sqlite3_reset(s->st[ST_RELEASE]);
        return rc;
    }
    if ((rc = step_done(s, s->st[ST_RELEASE], "release")) < 0)
        return rc;
    if (++s->pending >= s->batch_size)
        return commit(s);
    return DY_OK;
}

int dy_store_flush(dy_store *s)
{
    if (!s)
        return DY_EINVAL;
    if (s->readonly)
        return DY_OK;
    return commit(s);
}

int dy_store_close(dy_store **sp)
{
    dy_store *s;
    int rc = DY_OK;
    if (!sp || !*sp)
        return DY_OK;
    s = *sp;
    *sp = NULL;
    if (!s->readonly)
        rc = commit(s);
    finalize_all(s);
    if (!s->readonly && rc == DY_OK)
        sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
    if (sqlite3_close(s->db) != SQLITE_OK && rc == DY_OK)
        rc = DY_EDB;
    dy_buf_free(&s->scratch);
    dy_buf_free(&s->ids);
    free(s->tally);
    free(s->artcl);
    free(s->touched);
    free(s);
    return rc;
}

/* ---- stats ------------------------------------------------------------ */

/* Print "label value" rows of a two-column query; returns rows or DY_EDB. */
static int print_rows(dy_store *s, FILE *out, const char *sql, int with_cameo_label)
{
    sqlite3_stmt *st = NULL;
    int rc, n = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(s, DY_EDB, "stats");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        long long v = sqlite3_column_int64(st, 1);
        if (with_cameo_label) {
            const dy_cameo_info *ci = k ? dy_cameo_lookup(k) : NULL;
            fprintf(out, "  %-6s %-34s %10lld\n", k ? k : "-", ci ? ci->label : "(unknown)", v);
        } else {
            fprintf(out, "  %-41s %10lld\n", k ? k : "(none)", v);
        }
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail(s, DY_EDB, "stats");
    return n;
}

/* The tables of the stats report, in order (print_rows). */
static const struct {
    const char *title, *sql;
    int with_cameo_label;
} stats_tables[] = {
    {"events by root", "SELECT root, count(*) FROM events GROUP BY root ORDER BY root", 1},
    {"events by QuadClass",
     "SELECT CASE quad_class WHEN 1 THEN '1 verbal cooperation'"
     " WHEN 2 THEN '2 material cooperation' WHEN 3 THEN '3 verbal conflict'"
     " WHEN 4 THEN '4 material conflict' END, count(*)"
     " FROM events GROUP BY quad_class ORDER BY quad_class", 0},
    {"events by status", "SELECT status, count(*) FROM events GROUP BY status ORDER BY count(*) DESC, status", 0},
    {"top source actors",
     "SELECT source_code, count(*) FROM events WHERE source_code IS NOT NULL"
     " GROUP BY source_code ORDER BY count(*) DESC, source_code LIMIT 10", 0},
    {"top target actors",
     "SELECT target_code, count(*) FROM events WHERE target_code IS NOT NULL"
     " GROUP BY target_code ORDER BY count(*) DESC, target_code LIMIT 10", 0},
};

int dy_store_stats(dy_store *s, FILE *out)
{
    sqlite3_int64 narts = 0, nsents = 0, nevents = 0, nactors = 0;
    sqlite3_stmt *st = NULL;
    int began = 0;
    if (!s || !out)
        return DY_EINVAL;
    /* One read transaction, so the numbers agree with each other. */
    if (sqlite3_get_autocommit(s->db)) {
        if (exec_sql(s, "BEGIN", "stats") < 0)
            return DY_EDB;
        began = 1;
    }
    if (query_int(s->db, "SELECT count(*) FROM articles", &narts) < 0 ||
        query_int(s->db, "SELECT count(*) FROM sentences", &nsents) < 0 ||
        query_int(s->db, "SELECT count(*) FROM events", &nevents) < 0 ||
        query_int(s->db, "SELECT count(*) FROM actors", &nactors) < 0) {
        fail(s, DY_EDB, "stats");
        goto fail;
    }
    fprintf(out, "articles:   %lld\n", (long long)narts);
    fprintf(out, "sentences:  %lld\n", (long long)nsents);
    fprintf(out, "events:     %lld\n", (long long)nevents);
    fprintf(out, "actors:     %lld\n", (long long)nactors);
    if (sqlite3_prepare_v2(s->db, "SELECT min(date), max(date), count(date) FROM events"
                                  " WHERE date IS NOT NULL AND date <> ''", -1, &st, NULL) != SQLITE_OK) {
        fail(s, DY_EDB, "stats");
        goto fail;
    }
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 2) > 0)
        fprintf(out, "date range: %s .. %s (%lld dated events)\n",
                (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
                (long long)sqlite3_column_int64(st, 2));
    else
        fprintf(out, "date range: (no dated events)\n");
    sqlite3_finalize(st);

    for (size_t i = 0; nevents > 0 && i < NMEMB(stats_tables); i++) {
        fprintf(out, "\n%s:\n", stats_tables[i].title);
        if (print_rows(s, out, stats_tables[i].sql, stats_tables[i].with_cameo_label) < 0)
            goto fail;
    }
    if (began)
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    return ferror(out) ? DY_EIO : DY_OK;

fail:
    if (began)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return DY_EDB;
}

/* ---- clusters report -------------------------------------------------- */

static const char cluster_list_sql[] =
    "SELECT id, source_code, target_code, root, cameo, date, prec, location_name,"
    " location_country, location_admin1, lat, lon, status, status_mask, num_mentions,"
    " num_articles, num_sources, num_independent, first_seen, last_seen FROM clusters"
    " WHERE num_mentions >= ?1 AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
    " ORDER BY date, id LIMIT ?4";

static const char cluster_mentions_sql[] =
    "SELECT e.event_id, e.article_id, a.source, a.title, a.date, a.dup_of, e.sentence_index,"
    " t.text, e.cameo, e.source_code, e.target_code, e.status, e.attribution_code,"
    " e.attribution_text, e.date, e.date_precision, e.location_name, e.quantities"
    " FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN sentences t ON t.article_id = e.article_id AND t.idx = e.sentence_index"
    " WHERE e.cluster_id = ?1 ORDER BY a.date, e.article_id, e.sentence_index, e.event_id";

static const char *col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    return v ? (const char *)v : NULL;
}

static void json_col(dy_buf *b, sqlite3_stmt *st, int i)
{
    const char *v = col_str(st, i);
    if (v)
        dy_buf_json_str(b, v, strlen(v));
    else
        dy_buf_puts(b, "null");
}

/* A number column, or null. */
static void num_col(dy_buf *b, sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) != SQLITE_NULL)
        dy_buf_num(b, sqlite3_column_double(st, i));
    else
        dy_buf_puts(b, "null");
}

/* A JSON member from a text column: its key, with the '{' or ',' before it
 * and the colon after it, and the column (json_col). */
typedef struct json_member {
    const char *key;
    int col;
} json_member;

/* The n members of m, in order. */
static void json_members(dy_buf *b, sqlite3_stmt *st, const json_member *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        dy_buf_puts(b, m[i].key);
        json_col(b, st, m[i].col);
    }
}

/* A stored quantities array, or [] when absent or not an array. */
static void quants_col(dy_buf *b, sqlite3_stmt *st, int i)
{
    const char *v = col_str(st, i);
    dy_buf_puts(b, v && v[0] == '[' ? v : "[]");
}

static void cluster_json(dy_buf *b, sqlite3_stmt *c, sqlite3_stmt *m)
{
    static const char *const prec[] = {NULL, "day", "week", "month", "year"};
    /* columns of cluster_list_sql */
    static const json_member head[] = {
        {",\"source\":", 1}, {",\"target\":", 2}, {",\"root\":", 3}, {",\"cameo\":", 4}, {",\"date\":", 5}};
    static const json_member place[] = {{"{\"name\":", 7}, {",\"country\":", 8}, {",\"admin1\":", 9}};
    static const json_member seen[] = {{",\"first_seen\":", 18}, {",\"last_seen\":", 19}};
    /* columns of cluster_mentions_sql */
    static const json_member figures[] = {
        {"{\"outlet\":", 2}, {",\"article_id\":", 1}, {",\"event_id\":", 0}, {",\"status\":", 11}};
    static const json_member article[] = {
        {"{\"event_id\":", 0}, {",\"article_id\":", 1}, {",\"outlet\":", 2}, {",\"title\":", 3},
        {",\"article_date\":", 4}, {",\"dup_of\":", 5}};
    static const json_member coded[] = {
        {",\"sentence\":", 7}, {",\"cameo\":", 8}, {",\"source\":", 9}, {",\"target\":", 10}, {",\"status\":", 11}};
    static const json_member attribution[] = {{"{\"code\":", 12}, {",\"text\":", 13}};
    static const json_member when[] = {{",\"date\":", 14}, {",\"date_precision\":", 15}, {",\"location\":", 16}};
    int p = sqlite3_column_int(c, 6), nq = 0, rc;
    unsigned mask = (unsigned)sqlite3_column_int(c, 13);
    dy_buf_printf(b, "{\"cluster_id\":\"c%lld\"", (long long)sqlite3_column_int64(c, 0));
    json_members(b, c, head, NMEMB(head));
    dy_buf_puts(b, ",\"date_precision\":");
    if (p >= 1 && p <= 4)
        dy_buf_printf(b, "\"%s\"", prec[p]);
    else
        dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"location\":");
    if (col_str(c, 7)) {
        json_members(b, c, place, NMEMB(place));
        dy_buf_puts(b, ",\"lat\":");
        num_col(b, c, 10);
        dy_buf_puts(b, ",\"lon\":");
        num_col(b, c, 11);
        dy_buf_putc(b, '}');
    } else {
        dy_buf_puts(b, "null");
    }
    dy_buf_puts(b, ",\"status\":");
    json_col(b, c, 12);
    dy_buf_puts(b, ",\"statuses\":[");
    for (int i = 0, n = 0; i < 16; i++)
        if (mask & (1u << i))
            dy_buf_printf(b, "%s\"%s\"", n++ ? "," : "", dy_status_name(i));
    dy_buf_printf(b, "],\"num_mentions\":%lld,\"num_articles\":%lld,\"num_sources\":%lld,"
                     "\"num_independent\":%lld",
                  (long long)sqlite3_column_int64(c, 14), (long long)sqlite3_column_int64(c, 15),
                  (long long)sqlite3_column_int64(c, 16), (long long)sqlite3_column_int64(c, 17));
    json_members(b, c, seen, NMEMB(seen));

    /* Figures as each outlet reported them. */
    dy_buf_puts(b, ",\"quantities_by_source\":[");
    while ((rc = sqlite3_step(m)) == SQLITE_ROW) {
        const char *q = col_str(m, 17);
        if (!q || strcmp(q, "[]") == 0 || q[0] != '[')
            continue;
        if (nq++)
            dy_buf_putc(b, ',');
        json_members(b, m, figures, NMEMB(figures));
        dy_buf_puts(b, ",\"quantities\":");
        dy_buf_puts(b, q);
        dy_buf_putc(b, '}');
    }
    sqlite3_reset(m);

    dy_buf_puts(b, "],\"mentions\":[");
    for (int n = 0; (rc = sqlite3_step(m)) == SQLITE_ROW; n++) {
        if (n)
            dy_buf_putc(b, ',');
        json_members(b, m, article, NMEMB(article));
        dy_buf_printf(b, ",\"sentence_index\":%lld", (long long)sqlite3_column_int64(m, 6));
        json_members(b, m, coded, NMEMB(coded));
        dy_buf_puts(b, ",\"attribution\":");
        if (col_str(m, 12) || col_str(m, 13)) {
            json_members(b, m, attribution, NMEMB(attribution));
            dy_buf_putc(b, '}');
        } else {
            dy_buf_puts(b, "null");
        }
        json_members(b, m, when, NMEMB(when));
        dy_buf_puts(b, ",\"quantities\":");
        quants_col(b, m, 17);
        dy_buf_putc(b, '}');
    }
    sqlite3_reset(m);
    dy_buf_puts(b, "]}\n");
}

static const char *or_dash(const char *v)
{
    return v ? v : "-";
}

static void cluster_row(dy_buf *b, sqlite3_stmt *c, sqlite3_stmt *m)
{
    static const char *const prec[] = {"-", "day", "week", "month", "year"};
    int p = sqlite3_column_int(c, 6);
    const char *place = col_str(c, 7);
    dy_buf_printf(b, "c%-7lld %-10s %-5s %-10.10s %-10.10s %-5s %-11s %5lld %5lld %5lld  %s\n",
                  (long long)sqlite3_column_int64(c, 0), or_dash(col_str(c, 5)),
                  prec[p >= 0 && p <= 4 ? p : 0], or_dash(col_str(c, 1)), or_dash(col_str(c, 2)),
                  or_dash(col_str(c, 4)), or_dash(col_str(c, 12)),
                  (long long)sqlite3_column_int64(c, 14), (long long)sqlite3_column_int64(c, 15),
                  (long long)sqlite3_column_int64(c, 16), place ? place : "");
    /* The figures of each report, side by side. */
    while (sqlite3_step(m) == SQLITE_ROW) {
        const char *q = col_str(m, 17), *outlet = col_str(m, 2);
        if (!q || q[0] != '[' || strcmp(q, "[]") == 0)
            continue;
        dy_buf_printf(b, "         %-20.20s %-16.16s %-11s ", outlet ? outlet : "(no outlet)",
                      or_dash(col_str(m, 1)), or_dash(col_str(m, 11)));
        /* The quantities' own words: each "text" member of the array. */
        for (const char *t = strstr(q, "\"text\":\""); t; t = strstr(t, "\"text\":\"")) {
            const char *e;
            t += 8;
            for (e = t; *e && *e != '"'; e++)
                if (*e == '\\' && e[1])
                    e++;
            dy_buf_putc(b, '"');
            dy_buf_put(b, t, (size_t)(e - t));
            dy_buf_puts(b, "\" ");
            t = e;
        }
        dy_buf_putc(b, '\n');
    }
    sqlite3_reset(m);
}

int dy_store_clusters(dy_store *s, const dy_cluster_query *q, FILE *out)
{
    sqlite3_stmt *c = NULL, *m = NULL;
    sqlite3_int64 ntab = 0;
    dy_buf b;
    int rc = DY_OK, step;

    if (!s || !q || !out)
        return DY_EINVAL;
    if (query_int(s->db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'clusters'",
                  &ntab) < 0)
        return fail(s, DY_EDB, "clusters");
    if (!ntab) {
        snprintf(s->err, sizeof s->err, "no clusters in this database (made by an older dyad: code the articles again)");
        return DY_ENOTFOUND;
    }
    if (sqlite3_prepare_v2(s->db, cluster_list_sql, -1, &c, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, cluster_mentions_sql, -1, &m, NULL) != SQLITE_OK) {
        rc = fail(s, DY_EDB, "clusters");
        goto out_stmts;
    }
    sqlite3_bind_int(c, 1, q->min_mentions);
    if (q->from) sqlite3_bind_text(c, 2, q->from, -1, SQLITE_STATIC);
    if (q->to) sqlite3_bind_text(c, 3, q->to, -1, SQLITE_STATIC);
    sqlite3_bind_int64(c, 4, q->limit > 0 ? q->limit : -1);
    dy_buf_init(&b);
    if (q->table)
        fprintf(out, "%-8s %-10s %-5s %-10s %-10s %-5s %-11s %5s %5s %5s  %s\n", "cluster", "date", "prec",
                "source", "target", "cameo", "status", "ment", "arts", "srcs", "place");
    while ((step = sqlite3_step(c)) == SQLITE_ROW) {
        char cid[32];
        snprintf(cid, sizeof cid, "c%lld", (long long)sqlite3_column_int64(c, 0));
        sqlite3_bind_text(m, 1, cid, -1, SQLITE_TRANSIENT);
        dy_buf_clear(&b);
        if (q->table)
            cluster_row(&b, c, m);
        else
            cluster_json(&b, c, m);
        if (!dy_buf_ok(&b)) {
            snprintf(s->err, sizeof s->err, "out of memory");
            rc = DY_ENOMEM;
            break;
        }
        if (dy_buf_write(&b, out) < 0) {
            snprintf(s->err, sizeof s->err, "write error");
            rc = DY_EIO;
            break;
        }
    }
    if (rc == DY_OK && step != SQLITE_DONE)
        rc = fail(s, DY_EDB, "clusters");
    dy_buf_free(&b);
out_stmts:
    sqlite3_finalize(c);
    sqlite3_finalize(m);
    return rc;
}

int dy_store_cluster_counts(dy_store *s, const char *cluster_id, long *num_mentions,
                            long *num_sources, long *num_articles)
{
    sqlite3_stmt *st = NULL;
    int rc;
    if (!s || !cluster_id || cluster_id[0] != 'c' || !num_mentions || !num_sources || !num_articles)
        return DY_EINVAL;
    if (sqlite3_prepare_v2(s->db, "SELECT num_mentions, num_sources, num_articles FROM clusters WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return fail(s, DY_EDB, "cluster counts");
    sqlite3_bind_int64(st, 1, strtoll(cluster_id + 1, NULL, 10));
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *num_mentions = (long)sqlite3_column_int64(st, 0);
        *num_sources = (long)sqlite3_column_int64(st, 1);
        *num_articles = (long)sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return DY_OK;
    if (rc == SQLITE_DONE)
        return DY_ENOTFOUND;
    return fail(s, DY_EDB, "cluster counts");
}
