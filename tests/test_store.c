/* test_store.c — the SQLite store: schema and counts after reopen, no
 * duplicates on re-store, replacement of changed articles, read-only mode,
 * the stats report, a writer killed mid-transaction, Unicode and offset
 * mapping, empty fields, and insert throughput. Databases are temp files
 * under /tmp, removed at the end. */
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "dyad.h"
#include "store.h"

/* ---- fixtures ---------------------------------------------------------- */

#define MAXS 8
#define MAXE 16

/* One hand-made coded article; text.norm == text with an identity map unless
 * a test sets its own. */
typedef struct fixture {
    dy_article art;
    dy_doc doc;
    dy_sentence sents[MAXS];
    dy_event evs[MAXE];
    dy_quantity quants[2];
    char id[64];
} fixture;

static uint32_t find(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    return p ? (uint32_t)(p - text) : 0;
}

static void set_actor(dy_actor *a, const char *text, const char *code, const char *country, const char *span)
{
    memset(a, 0, sizeof *a);
    snprintf(a->code, sizeof a->code, "%s", code);
    snprintf(a->country, sizeof a->country, "%s", country);
    if (span) {
        a->off = find(text, span);
        a->len = (uint32_t)strlen(span);
    }
}

static void set_code(dy_event *e, const char *cameo, double goldstein, int quad)
{
    snprintf(e->cameo, sizeof e->cameo, "%s", cameo);
    memcpy(e->root, cameo, 2);
    e->root[2] = '\0';
    e->goldstein = goldstein;
    e->has_goldstein = 1;
    e->quad_class = quad;
}

static const char base_text[] =
    "North Korea blew up roads near the border. "
    "South Korea's military said about 3,000 troops were moved to Kaesong.";

/* Two sentences, two events: PRK 1712 (claimed by KORMIL, with a quantity
 * and a place) and KORMIL 010. */
static void make_doc(fixture *f, const char *id, const char *text)
{
    const char *s2;
    memset(f, 0, sizeof *f);
    snprintf(f->id, sizeof f->id, "%s", id);
    f->art.id = f->id;
    f->art.date = "2024-10-15";
    f->art.source = "Example Wire";
    f->art.url = "https://example.org/a";
    f->art.title = "Roads blown up";
    f->art.text = text;
    f->art.text_len = strlen(text);
    f->art.origin = "fixture.jsonl";
    f->doc.article = &f->art;
    f->doc.text.norm = text;
    f->doc.text.norm_len = (uint32_t)strlen(text);
    f->doc.text.map = NULL; /* identity */
    s2 = strstr(text, ". ");
    f->sents[0].start = 0;
    f->sents[0].end = s2 ? (uint32_t)(s2 - text) + 1 : (uint32_t)strlen(text);
    f->sents[1].start = s2 ? f->sents[0].end + 1 : f->sents[0].end;
    f->sents[1].end = (uint32_t)strlen(text);
    f->doc.sents = f->sents;
    f->doc.nsents = 2;

    dy_event *e = &f->evs[0];
    e->sentence = 0;
    e->index = 0;
    set_actor(&e->source, text, "PRK", "PRK", "North Korea");
    set_actor(&e->target, text, "", "", NULL);
    set_actor(&e->attribution, text, "KORMIL", "KOR", "South Korea's military");
    set_code(e, "1712", -9.2, 4);
    e->plover_event = "ASSAULT";
    e->plover_mode = "seize";
    e->verb_off = find(text, "blew up");
    e->verb_len = 7;
    e->status = DY_ST_CLAIMED;
    memcpy(e->date, "2024-10-15", 11);
    e->date_prec = DY_DP_DAY;
    f->quants[0].value = 3000;
    f->quants[0].has_value = 1;
    f->quants[0].approx = 1;
    f->quants[0].unit = "troops";
    f->quants[0].off = find(text, "about 3,000 troops");
    f->quants[0].len = (uint32_t)strlen("about 3,000 troops");
    e->quants = f->quants;
    e->nquants = 1;
    e->loc.name = "Kaesong";
    memcpy(e->loc.country, "PRK", 4);
    e->loc.lat = 37.97;
    e->loc.lon = 126.55;
    e->loc.has_coords = 1;
    e->issues = "BORDER";

    e = &f->evs[1];
    e->sentence = 1;
    e->index = 0;
    set_actor(&e->source, text, "KORMIL", "KOR", "South Korea's military");
    set_actor(&e->target, text, "PRK", "PRK", NULL);
    set_actor(&e->attribution, text, "", "", NULL);
    set_code(e, "010", 0.0, 1);
    e->verb_off = find(text, "said");
    e->verb_len = 4;
    e->status = DY_ST_ASSERTED;
    f->doc.events = f->evs;
    f->doc.nevents = 2;
}

/* ---- helpers ----------------------------------------------------------- */

static char tmp_paths[16][64];
static int ntmp;

static const char *temp_db(void)
{
    char *p = tmp_paths[ntmp++];
    int fd;
    snprintf(p, 64, "/tmp/dyad_store_XXXXXX");
    fd = mkstemp(p);
    if (fd >= 0) {
        close(fd);
        unlink(p); /* SQLite creates it */
    }
    return p;
}

static void remove_db(const char *p)
{
    char side[80];
    unlink(p);
    snprintf(side, sizeof side, "%s-wal", p);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", p);
    unlink(side);
    snprintf(side, sizeof side, "%s-journal", p);
    unlink(side);
}

static long long q_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_type(st, 0) == SQLITE_NULL ? -2 : sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* First column of the first row as a string (static buffer), or NULL for
 * SQL NULL / no row. */
static const char *q_str(const char *path, const char *sql)
{
    static char buf[1024];
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    const char *r = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_type(st, 0) != SQLITE_NULL) {
        snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
        r = buf;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return r;
}

static double q_dbl(const char *path, const char *sql)
{
    const char *s = q_str(path, sql);
    return s ? atof(s) : -999.0;
}

static int put_n(dy_store *s, const char *prefix, int from, int to)
{
    fixture f;
    char id[64];
    for (int i = from; i < to; i++) {
        snprintf(id, sizeof id, "%s%d", prefix, i);
        make_doc(&f, id, base_text);
        if (dy_store_put(s, &f.doc) < 0)
            return -1;
    }
    return 0;
}

/* ---- tests --------------------------------------------------------------- */

TEST(create_put_reopen)
{
    const char *p = temp_db();
    dy_store *s = NULL;
    char err[256] = "";
    CHECK_INT(dy_store_open(&s, p, 0, err, sizeof err), DY_OK);
    if (!s)
        return;
    CHECK_INT(put_n(s, "a", 1, 4), 0);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK(s == NULL);

    CHECK_INT(q_int(p, "SELECT count(*) FROM articles"), 3);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 6);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), 6);
    CHECK_INT(q_int(p, "PRAGMA user_version"), 2);
    CHECK_STR(q_str(p, "PRAGMA journal_mode"), "wal");
    CHECK_INT(q_int(p, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name LIKE 'events_%'"), 6);

    /* Every field of the first event. */
    CHECK_STR(q_str(p, "SELECT article_id FROM events WHERE event_id='a1:0:0'"), "a1");
    CHECK_STR(q_str(p, "SELECT source_text FROM events WHERE event_id='a1:0:0'"), "North Korea");
    CHECK_INT(q_int(p, "SELECT source_start FROM events WHERE event_id='a1:0:0'"), 0);
    CHECK_INT(q_int(p, "SELECT source_end FROM events WHERE event_id='a1:0:0'"), 11);
    CHECK_INT(q_int(p, "SELECT verb_start FROM events WHERE event_id='a1:0:0'"), 12);
    CHECK_INT(q_int(p, "SELECT verb_end FROM events WHERE event_id='a1:0:0'"), 19);
    CHECK_INT(q_int(p, "SELECT target_start FROM events WHERE event_id='a1:0:0'"), -2);
    CHECK(q_str(p, "SELECT target_code FROM events WHERE event_id='a1:0:0'") == NULL);
    CHECK_STR(q_str(p, "SELECT cameo FROM events WHERE event_id='a1:0:0'"), "1712");
    CHECK_STR(q_str(p, "SELECT root FROM events WHERE event_id='a1:0:0'"), "17");
    CHECK_INT(q_int(p, "SELECT quad_class FROM events WHERE event_id='a1:0:0'"), 4);
    CHECK(q_dbl(p, "SELECT goldstein FROM events WHERE event_id='a1:0:0'") == -9.2);
    CHECK_STR(q_str(p, "SELECT plover_event FROM events WHERE event_id='a1:0:0'"), "ASSAULT");
    CHECK_STR(q_str(p, "SELECT attribution_code FROM events WHERE event_id='a1:0:0'"), "KORMIL");
    CHECK_STR(q_str(p, "SELECT attribution_text FROM events WHERE event_id='a1:0:0'"), "South Korea's military");
    CHECK_STR(q_str(p, "SELECT status FROM events WHERE event_id='a1:0:0'"), "claimed");
    CHECK_STR(q_str(p, "SELECT date || ' ' || date_precision FROM events WHERE event_id='a1:0:0'"),
              "2024-10-15 day");
    CHECK_STR(q_str(p, "SELECT location_name || ' ' || location_country FROM events WHERE event_id='a1:0:0'"),
              "Kaesong PRK");
    CHECK(q_dbl(p, "SELECT lat FROM events WHERE event_id='a1:0:0'") == 37.97);
    CHECK_STR(q_str(p, "SELECT issues FROM events WHERE event_id='a1:0:0'"), "BORDER");
    /* Clustering is on by default (test_cluster.c covers it). */
    CHECK_STR(q_str(p, "SELECT cluster_id FROM events WHERE event_id='a1:0:0'"), "c1");
    CHECK_STR(q_str(p, "SELECT quantities FROM events WHERE event_id='a1:0:0'"),
              "[{\"value\":3000,\"low\":null,\"high\":null,\"approx\":true,\"unit\":\"troops\","
              "\"role\":null,\"text\":\"about 3,000 troops\"}]");
    CHECK_STR(q_str(p, "SELECT quantities FROM events WHERE event_id='a1:1:0'"), "[]");
    /* The second event takes its date from the article. */
    CHECK_STR(q_str(p, "SELECT date || ' ' || date_precision FROM events WHERE event_id='a1:1:0'"),
              "2024-10-15 day");

    /* Sentences: offsets into the text and their text. */
    CHECK_STR(q_str(p, "SELECT text FROM sentences WHERE article_id='a2' AND idx=0"),
              "North Korea blew up roads near the border.");
    CHECK_INT(q_int(p, "SELECT start FROM sentences WHERE article_id='a2' AND idx=1"), 43);
    CHECK_INT(q_int(p, "SELECT \"end\" FROM sentences WHERE article_id='a2' AND idx=1"),
              (long long)strlen(base_text));

    /* Article row. */
    CHECK_STR(q_str(p, "SELECT title FROM articles WHERE id='a3'"), "Roads blown up");
    CHECK_INT(q_int(p, "SELECT length(content_hash) FROM articles WHERE id='a3'"), 16);
    CHECK_INT(q_int(p, "SELECT count(DISTINCT content_hash) FROM articles"), 1);
    CHECK(q_str(p, "SELECT coded_at FROM articles WHERE id='a3'") != NULL);

    /* Actors: PRK is source of one event and target of another per article. */
    CHECK_INT(q_int(p, "SELECT mentions FROM actors WHERE code='PRK'"), 6);
    CHECK_INT(q_int(p, "SELECT mentions FROM actors WHERE code='KORMIL'"), 6);
    CHECK_STR(q_str(p, "SELECT country FROM actors WHERE code='KORMIL'"), "KOR");

    /* Reopen for writing keeps everything. */
    CHECK_INT(dy_store_open(&s, p, 0, err, sizeof err), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), 6);
    remove_db(p);
}

TEST(restore_no_duplicates)
{
    const char *p = temp_db();
    dy_store *s = NULL;
    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_INT(put_n(s, "a", 1, 4), 0);
    CHECK_INT(put_n(s, "a", 1, 4), 0); /* same transaction */
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    CHECK_INT(put_n(s, "a", 1, 4), 0); /* a later run */
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM articles"), 3);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 6);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), 6);
    CHECK_INT(q_int(p, "SELECT mentions FROM actors WHERE code='PRK'"), 6);
    CHECK_INT(q_int(p, "SELECT sum(mentions) FROM actors"), 12);
    remove_db(p);
}

TEST(changed_content_replaced)
{
    const char *p = temp_db();
    static const char text2[] = "Japan praised Canada. Nothing else happened here.";
    dy_store *s = NULL;
    fixture f;
    char hash1[32] = "";
    const char *h;
    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_INT(put_n(s, "a", 1, 3), 0);
    CHECK_INT(dy_store_flush(s), DY_OK);
    h = q_str(p, "SELECT content_hash FROM articles WHERE id='a1'");
    CHECK(h != NULL);
    if (h)
        snprintf(hash1, sizeof hash1, "%s", h);

    make_doc(&f, "a1", text2);
    f.doc.nevents = 1;
    set_actor(&f.evs[0].source, text2, "JPN", "JPN", "Japan");
    set_actor(&f.evs[0].target, text2, "CAN", "CAN", "Canada");
    set_actor(&f.evs[0].attribution, text2, "", "", NULL);
    set_code(&f.evs[0], "051", 3.4, 1);
    f.evs[0].nquants = 0;
    f.evs[0].loc.name = NULL;
    f.evs[0].loc.has_coords = 0;
    f.evs[0].verb_off = find(text2, "praised");
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);

    CHECK_INT(q_int(p, "SELECT count(*) FROM articles"), 2);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events WHERE article_id='a1'"), 1);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events WHERE article_id='a2'"), 2);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences WHERE article_id='a1'"), 2);
    CHECK_STR(q_str(p, "SELECT text FROM sentences WHERE article_id='a1' AND idx=0"), "Japan praised Canada.");
    CHECK_STR(q_str(p, "SELECT source_text FROM events WHERE article_id='a1'"), "Japan");
    h = q_str(p, "SELECT content_hash FROM articles WHERE id='a1'");
    CHECK(h && strcmp(h, hash1) != 0);
    /* Actor mentions follow: a1's old PRK/KORMIL mentions are gone. */
    CHECK_INT(q_int(p, "SELECT mentions FROM actors WHERE code='PRK'"), 2);
    CHECK_INT(q_int(p, "SELECT mentions FROM actors WHERE code='JPN'"), 1);
    CHECK_INT(q_int(p, "SELECT mentions FROM actors WHERE code='CAN'"), 1);
    remove_db(p);
}

TEST(readonly_cannot_write)
{
    const char *p = temp_db();
    dy_store *s = NULL;
    char err[256] = "";
    fixture f;
    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_INT(put_n(s, "a", 1, 3), 0);
    CHECK_INT(dy_store_close(&s), DY_OK);

    CHECK_INT(dy_store_open(&s, p, 1, err, sizeof err), DY_OK);
    if (!s)
        return;
    make_doc(&f, "new", base_text);
    CHECK(dy_store_put(s, &f.doc) < 0);
    CHECK(strstr(dy_store_errmsg(s), "read-only") != NULL);
    CHECK_INT(dy_store_flush(s), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM articles"), 2);

    /* Missing file, not a database, not a dyad database, newer schema. */
    CHECK_INT(dy_store_open(&s, "/tmp/dyad_no_such_dir/x.db", 1, err, sizeof err), DY_EDB);
    CHECK(s == NULL && err[0]);
    {
        const char *g = temp_db();
        FILE *fp = fopen(g, "wb");
        if (fp) {
            fputs("this is not an SQLite database, just some bytes of text ........", fp);
            fclose(fp);
        }
        err[0] = '\0';
        CHECK_INT(dy_store_open(&s, g, 0, err, sizeof err), DY_EDB);
        CHECK(s == NULL && strstr(err, "not a database"));
        remove_db(g);
    }
    {
        const char *g = temp_db();
        sqlite3 *db = NULL;
        sqlite3_open(g, &db);
        sqlite3_exec(db, "CREATE TABLE other(x)", NULL, NULL, NULL);
        sqlite3_close(db);
        CHECK_INT(dy_store_open(&s, g, 1, err, sizeof err), DY_EDB);
        CHECK(strstr(err, "not a dyad database") != NULL);
        db = NULL;
        sqlite3_open(g, &db);
        sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
        sqlite3_close(db);
        CHECK_INT(dy_store_open(&s, g, 0, err, sizeof err), DY_EDB);
        CHECK(strstr(err, "newer") != NULL);
        remove_db(g);
    }
    remove_db(p);
}

TEST(stats_report)
{
    const char *p = temp_db();
    dy_store *s = NULL;
    char *out = NULL;
    size_t n = 0;
    FILE *mf;
    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_INT(put_n(s, "a", 1, 4), 0);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_INT(dy_store_open(&s, p, 1, NULL, 0), DY_OK);
    if (!s)
        return;
    mf = open_memstream(&out, &n);
    CHECK_INT(dy_store_stats(s, mf), DY_OK);
    fclose(mf);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK(out && strstr(out, "articles:   3\n"));
    CHECK(out && strstr(out, "sentences:  6\n"));
    CHECK(out && strstr(out, "events:     6\n"));
    CHECK(out && strstr(out, "2024-10-15 .. 2024-10-15"));
    CHECK(out && strstr(out, "Coerce"));
    CHECK(out && strstr(out, "Make public statement"));
    CHECK(out && strstr(out, "claimed"));
    CHECK(out && strstr(out, "top source actors"));
    CHECK(out && strstr(out, "KORMIL"));
    if (harness_cur_failed && out)
        fputs(out, stderr);
    free(out);
    remove_db(p);
}

TEST(killed_mid_transaction)
{
    const char *p = temp_db();
    dy_store *s = NULL;
    pid_t pid;
    int status = 0;
    char *out = NULL;
    size_t n = 0;

    fflush(NULL);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        dy_store *c = NULL;
        if (dy_store_open(&c, p, 0, NULL, 0) < 0)
            _exit(3);
        dy_store_set_batch_size(c, 10);
        /* 3 committed batches, then 7 articles of an open one. */
        if (put_n(c, "k", 0, 37) < 0)
            _exit(4);
        raise(SIGKILL);
        _exit(5);
    }
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_STR(q_str(p, "PRAGMA integrity_check"), "ok");
    CHECK_INT(q_int(p, "SELECT count(*) FROM articles"), 30);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), 60);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 60);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"), 0);
    CHECK_INT(q_int(p, "SELECT sum(mentions) FROM actors"), 120);
    /* A re-run completes the set without duplicates. */
    CHECK_INT(put_n(s, "k", 0, 37), 0);
    {
        FILE *mf = open_memstream(&out, &n);
        CHECK_INT(dy_store_stats(s, mf), DY_OK); /* sees its own open batch */
        fclose(mf);
        CHECK(out && strstr(out, "articles:   37\n"));
        free(out);
    }
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM articles"), 37);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), 74);
    CHECK_INT(q_int(p, "SELECT sum(mentions) FROM actors"), 148);
    remove_db(p);
}

TEST(unicode_and_mapped_offsets)
{
    /* The original text has curly quotes (3 bytes each) and non-ASCII names;
     * the cleaned text folds the quotes to '"'. Spans are given in the
     * cleaned text and must come out as the original bytes. */
    static const char orig[] = "\xE2\x80\x9CZ\xC3\xBCrich\xE2\x80\x9D said \xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE fired 2 missiles \xF0\x9F\x9A\x80.";
    static const char norm[] = "\"Z\xC3\xBCrich\" said \xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE fired 2 missiles \xF0\x9F\x9A\x80.";
    uint32_t map[sizeof norm];
    const char *p = temp_db();
    dy_store *s = NULL;
    fixture f;
    json_t *j;
    json_error_t jerr;
    const char *qs;
    size_t nl = strlen(norm), i, o = 0;

    /* norm byte i -> orig byte map[i]: the quotes are 1 byte for 3. */
    for (i = 0; i < nl; i++) {
        map[i] = (uint32_t)o;
        o += (norm[i] == '"') ? 3 : 1;
    }
    map[nl] = (uint32_t)strlen(orig);
    CHECK_INT(o, strlen(orig));

    make_doc(&f, "u\xC3\xBC-1", orig);
    f.doc.text.norm = norm;
    f.doc.text.norm_len = (uint32_t)nl;
    f.doc.text.map = map;
    f.doc.nsents = 1;
    f.sents[0].start = 0;
    f.sents[0].end = (uint32_t)nl;
    f.doc.nevents = 1;
    set_actor(&f.evs[0].source, norm, "CHE", "CHE", "\"Z\xC3\xBCrich\"");
    set_actor(&f.evs[0].target, norm, "PRK", "PRK", "\xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE");
    set_actor(&f.evs[0].attribution, norm, "", "", NULL);
    f.evs[0].verb_off = find(norm, "fired");
    f.evs[0].verb_len = 5;
    f.quants[0].off = find(norm, "2 missiles \xF0\x9F\x9A\x80");
    f.quants[0].len = (uint32_t)strlen("2 missiles \xF0\x9F\x9A\x80");
    f.quants[0].unit = "missiles \"ballistic\"\\\n";
    f.evs[0].loc.name = "Z\xC3\xBCrich";

    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);

    CHECK_STR(q_str(p, "SELECT source_text FROM events"), "\xE2\x80\x9CZ\xC3\xBCrich\xE2\x80\x9D");
    CHECK_INT(q_int(p, "SELECT source_end FROM events"), 13); /* 3+7+3 bytes */
    CHECK_STR(q_str(p, "SELECT target_text FROM events"), "\xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE");
    CHECK_INT(q_int(p, "SELECT target_start FROM events"), find(orig, "\xE5\x8C\x97"));
    CHECK_INT(q_int(p, "SELECT verb_start FROM events"), find(orig, "fired"));
    CHECK_STR(q_str(p, "SELECT text FROM sentences"), orig);
    CHECK_STR(q_str(p, "SELECT event_id FROM events"), "u\xC3\xBC-1:0:0");
    CHECK_STR(q_str(p, "SELECT location_name FROM events"), "Z\xC3\xBCrich");
    qs = q_str(p, "SELECT quantities FROM events");
    j = qs ? json_loads(qs, 0, &jerr) : NULL;
    CHECK(j != NULL);
    if (j) {
        json_t *q0 = json_array_get(j, 0);
        CHECK_STR(json_string_value(json_object_get(q0, "unit")), "missiles \"ballistic\"\\\n");
        CHECK_STR(json_string_value(json_object_get(q0, "text")), "2 missiles \xF0\x9F\x9A\x80");
        CHECK(json_number_value(json_object_get(q0, "value")) == 3000);
        json_decref(j);
    }
    remove_db(p);
}

TEST(empty_and_null_fields)
{
    const char *p = temp_db();
    dy_store *s = NULL;
    dy_article art;
    dy_doc doc;
    dy_event ev;
    dy_sentence sn;

    memset(&art, 0, sizeof art);
    art.id = "empty";
    art.date = "";
    art.source = "";
    art.url = "";
    art.title = "";
    art.text = "";
    art.origin = "";
    memset(&doc, 0, sizeof doc);
    doc.article = &art;

    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_INT(dy_store_put(s, &doc), DY_OK); /* no text, no sentences, no events */

    /* An event with nothing known, in an article with no date; spans past
     * the end of the text are clamped, not read. */
    memset(&ev, 0, sizeof ev);
    memset(&sn, 0, sizeof sn);
    art.id = "bare";
    art.text = "Hi.";
    art.text_len = 3;
    doc.text.norm = "Hi.";
    doc.text.norm_len = 3;
    doc.sents = &sn;
    sn.end = 3;
    doc.nsents = 1;
    ev.status = 200; /* out of range */
    ev.verb_off = 2;
    ev.verb_len = 50;
    doc.events = &ev;
    doc.nevents = 1;
    CHECK_INT(dy_store_put(s, &doc), DY_OK);

    /* A NULL doc or article is refused. */
    CHECK_INT(dy_store_put(s, NULL), DY_EINVAL);
    doc.article = NULL;
    CHECK_INT(dy_store_put(s, &doc), DY_EINVAL);
    CHECK_INT(dy_store_close(&s), DY_OK);

    CHECK_INT(q_int(p, "SELECT count(*) FROM articles"), 2);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences WHERE article_id='empty'"), 0);
    CHECK(q_str(p, "SELECT date FROM articles WHERE id='empty'") == NULL);
    CHECK(q_str(p, "SELECT title FROM articles WHERE id='empty'") == NULL);
    CHECK_STR(q_str(p, "SELECT content_hash FROM articles WHERE id='empty'"), "cbf29ce484222325");
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), 1);
    CHECK(q_str(p, "SELECT source_code FROM events") == NULL);
    CHECK(q_str(p, "SELECT cameo FROM events") == NULL);
    CHECK(q_str(p, "SELECT date FROM events") == NULL);
    CHECK(q_str(p, "SELECT date_precision FROM events") == NULL);
    CHECK_INT(q_int(p, "SELECT quad_class FROM events"), -2);
    CHECK_INT(q_int(p, "SELECT goldstein FROM events"), -2);
    CHECK(q_str(p, "SELECT location_name FROM events") == NULL);
    CHECK(q_str(p, "SELECT status FROM events") != NULL);
    CHECK_STR(q_str(p, "SELECT quantities FROM events"), "[]");
    CHECK_INT(q_int(p, "SELECT verb_end FROM events"), 3);
    CHECK_INT(q_int(p, "SELECT count(*) FROM actors"), 0);
    remove_db(p);
}

TEST(cameo_fields_filled_when_missing)
{
    const char *p = temp_db();
    dy_store *s = NULL;
    fixture f;
    make_doc(&f, "fill", base_text);
    f.evs[0].has_goldstein = 0;
    f.evs[0].quad_class = 0;
    f.evs[0].plover_event = NULL;
    f.evs[0].plover_mode = NULL;
    f.evs[0].root[0] = '\0';
    snprintf(f.evs[0].cameo, sizeof f.evs[0].cameo, "190");
    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_STR(q_str(p, "SELECT root FROM events WHERE event_id='fill:0:0'"), "19");
    CHECK_INT(q_int(p, "SELECT quad_class FROM events WHERE event_id='fill:0:0'"), 4);
    CHECK(q_dbl(p, "SELECT goldstein FROM events WHERE event_id='fill:0:0'") == -10.0);
    CHECK_STR(q_str(p, "SELECT plover_event FROM events WHERE event_id='fill:0:0'"), "ASSAULT");
    remove_db(p);
}

TEST(insert_throughput)
{
    enum { NART = 10000, NEV = 10 };
    const char *p = temp_db();
    dy_store *s = NULL;
    fixture f;
    char id[32];
    struct timespec t0, t1;
    double secs, rate;
    int ok = 1;

    make_doc(&f, "x", base_text);
    for (int i = 2; i < NEV; i++) {
        f.evs[i] = f.evs[i % 2];
        f.evs[i].index = (uint32_t)(i / 2);
    }
    f.doc.nevents = NEV;
    CHECK_INT(dy_store_open(&s, p, 0, NULL, 0), DY_OK);
    if (!s)
        return;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < NART && ok; i++) {
        snprintf(id, sizeof id, "bench%d", i);
        snprintf(f.id, sizeof f.id, "%s", id);
        ok = dy_store_put(s, &f.doc) == DY_OK;
    }
    ok = ok && dy_store_close(&s) == DY_OK;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    CHECK(ok);
    secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    rate = (double)NART * NEV / secs;
    fprintf(stderr, "store: %d articles, %d events in %.2f s: %.0f events/s\n", NART, NART * NEV, secs, rate);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), NART * NEV);
    /* A lenient floor: the machine is shared; the target is 50k/s. */
    CHECK(rate > 10000.0);
    remove_db(p);
}

int main(void)
{
    RUN(create_put_reopen);
    RUN(restore_no_duplicates);
    RUN(changed_content_replaced);
    RUN(readonly_cannot_write);
    RUN(stats_report);
    RUN(killed_mid_transaction);
    RUN(unicode_and_mapped_offsets);
    RUN(empty_and_null_fields);
    RUN(cameo_fields_filled_when_missing);
    RUN(insert_throughput);
    for (int i = 0; i < ntmp; i++)
        remove_db(tmp_paths[i]);
    return harness_done();
}
