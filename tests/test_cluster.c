/* test_cluster.c — event clustering: the rules of cluster.h (actors, CAMEO
 * class, date windows, places, merged status, simhash) and the store's
 * clusters built from hand-made coded articles (merging, splitting, merged
 * status, best date, counts, clustering off). Databases are temp files. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"
#include "dyad.h"
#include "cluster.h"
#include "store.h"

/* ---- rules ------------------------------------------------------------ */

TEST(actor_rules)
{
    CHECK(dy_cluster_actor_compat("RUS", "RUSMIL"));
    CHECK(dy_cluster_actor_compat("RUSMIL", "RUS"));
    CHECK(dy_cluster_actor_compat("UKRMIL", "UKRMIL"));
    CHECK(!dy_cluster_actor_compat("RUSMIL", "RUSGOV"));
    CHECK(!dy_cluster_actor_compat("RUS", "UKR"));
    CHECK(!dy_cluster_actor_compat("RUS", ""));
    CHECK(dy_cluster_actor_compat("", NULL));
}

TEST(root_class_and_dates)
{
    CHECK_STR(dy_cluster_root_class("19"), "V");
    CHECK_STR(dy_cluster_root_class("18"), "V");
    CHECK_STR(dy_cluster_root_class("20"), "V");
    CHECK_STR(dy_cluster_root_class("17"), "17");
    CHECK_INT(dy_days_from_civil(1970, 1, 1), 0);
    CHECK_INT(dy_days_from_civil(2024, 3, 1) - dy_days_from_civil(2024, 2, 28), 2);
    CHECK(dy_cluster_date_compat(100, 100, 101, 101));
    CHECK(!dy_cluster_date_compat(100, 100, 102, 102));
    CHECK(dy_cluster_date_compat(100, 130, 120, 120));
    int y, m, d;
    CHECK_INT(dy_cluster_parse_date("2024-02-29", &y, &m, &d), DY_OK);
    CHECK_INT(y * 10000 + m * 100 + d, 20240229);
    CHECK_INT(dy_cluster_parse_date("2024-2-29", &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_cluster_parse_date("2024-13-01", &y, &m, &d), DY_EPARSE);
}

TEST(place_rules)
{
    /* Kharkiv and Odesa: different admin1 -> different places. */
    CHECK(!dy_cluster_place_compat("UKR", "UA-63", "Kharkiv", 1, 49.98, 36.25,
                                   "UKR", "UA-51", "Odesa", 1, 46.48, 30.74));
    /* Unknown place matches anything; country-level contains its places. */
    CHECK(dy_cluster_place_compat(NULL, NULL, NULL, 0, 0, 0, "UKR", "UA-51", "Odesa", 1, 46.48, 30.74));
    CHECK(dy_cluster_place_compat("UKR", NULL, "Ukraine", 0, 0, 0, "UKR", "UA-51", "Odesa", 1, 46.48, 30.74));
    CHECK(!dy_cluster_place_compat("RUS", NULL, "Russia", 0, 0, 0, "UKR", "UA-51", "Odesa", 1, 46.48, 30.74));
    /* Same admin1, 100 km apart with coordinates: two places. */
    CHECK(!dy_cluster_place_compat("UKR", "UA-14", "Donetsk", 1, 48.00, 37.80,
                                   "UKR", "UA-14", "Mariupol", 1, 47.10, 37.55));
    CHECK(dy_cluster_place_compat("UKR", "UA-14", "Donetsk", 1, 48.00, 37.80,
                                  "UKR", "UA-14", "Donetsk airport", 1, 48.07, 37.74));
    CHECK(dy_cluster_km(48.0, 37.8, 47.1, 37.55) > 95.0);
    CHECK_INT(dy_cluster_place_rank("Odesa", "UA-51", 1), 3);
    CHECK_INT(dy_cluster_place_rank("Ukraine", NULL, 0), 1);
    CHECK_INT(dy_cluster_place_rank(NULL, NULL, 0), 0);
}

TEST(status_merge)
{
    CHECK_INT(dy_cluster_status_merge(1u << DY_ST_CLAIMED), DY_ST_CLAIMED);
    CHECK_INT(dy_cluster_status_merge((1u << DY_ST_CLAIMED) | (1u << DY_ST_ASSERTED)), DY_ST_ASSERTED);
    CHECK_INT(dy_cluster_status_merge((1u << DY_ST_CLAIMED) | (1u << DY_ST_CONFIRMED)), DY_ST_CONFIRMED);
    CHECK_INT(dy_cluster_status_merge((1u << DY_ST_CONFIRMED) | (1u << DY_ST_DISPUTED)), DY_ST_DISPUTED);
    CHECK_INT(dy_cluster_status_merge((1u << DY_ST_UNVERIFIED) | (1u << DY_ST_NEGATED)), DY_ST_DISPUTED);
    CHECK_INT(dy_cluster_status_merge(1u << DY_ST_UNVERIFIED), DY_ST_UNVERIFIED);
}

TEST(simhash)
{
    static const char a[] =
        "Russian forces shelled the Ukrainian city of Kharkiv on Sunday, killing five civilians, "
        "regional officials said. The strike hit a residential district and a school, and rescue "
        "teams searched the rubble through the night while the regional governor announced a day "
        "of mourning.";
    static const char b[] =
        "Russian forces shelled the Ukrainian city of Odesa on Monday, killing two civilians, "
        "officials said. The strike hit the port and a grain terminal, and firefighters fought the "
        "blaze through the night while the mayor announced that the port would reopen on Tuesday.";
    char up[sizeof a], longer[sizeof a + 32];
    uint32_t n = 0;
    uint64_t ha = dy_simhash(a, strlen(a), &n);
    CHECK(n >= DY_SIMHASH_MIN_SHINGLES);
    for (size_t i = 0; i < sizeof a; i++)
        up[i] = (a[i] >= 'a' && a[i] <= 'z') ? (char)(a[i] - 32) : a[i];
    /* Case and punctuation do not matter; a credit line changes little;
     * another story is far away. */
    CHECK_INT(dy_simhash_distance(ha, dy_simhash(up, strlen(up), NULL)), 0);
    snprintf(longer, sizeof longer, "%s Copyright AFP.", a);
    CHECK(dy_simhash_distance(ha, dy_simhash(longer, strlen(longer), NULL)) <= DY_SIMHASH_MAX_DIST);
    CHECK(dy_simhash_distance(ha, dy_simhash(b, strlen(b), NULL)) > 10);
    dy_simhash("a b", 3, &n);
    CHECK_INT(n, 1);
    CHECK_INT(dy_simhash(NULL, 0, &n), 0);
    CHECK_INT(dy_simhash_distance(0, ~0ull), 64);
}

/* ---- the store -------------------------------------------------------- */

typedef struct fix {
    dy_article art;
    dy_doc doc;
    dy_sentence sent;
    dy_event ev[2];
    char id[32], src[32], text[256];
} fix;

/* One article with one (or two) events: src -> tgt, cameo, status, date. */
static void mk(fix *f, const char *id, const char *outlet, const char *date, const char *src,
               const char *tgt, const char *cameo, int status, const char *edate, int prec,
               const char *place, const char *admin1)
{
    memset(f, 0, sizeof *f);
    snprintf(f->id, sizeof f->id, "%s", id);
    snprintf(f->src, sizeof f->src, "%s", outlet);
    snprintf(f->text, sizeof f->text, "%s %s %s in %s.", src, cameo, tgt, place ? place : "somewhere");
    f->art.id = f->id;
    f->art.date = date;
    f->art.source = f->src;
    f->art.url = "";
    f->art.title = "";
    f->art.text = f->text;
    f->art.text_len = strlen(f->text);
    f->doc.article = &f->art;
    f->doc.text.norm = f->text;
    f->doc.text.norm_len = (uint32_t)f->art.text_len;
    f->sent.start = 0;
    f->sent.end = f->doc.text.norm_len;
    f->doc.sents = &f->sent;
    f->doc.nsents = 1;
    f->doc.events = f->ev;
    f->doc.nevents = 1;
    dy_event *e = &f->ev[0];
    snprintf(e->source.code, sizeof e->source.code, "%s", src);
    snprintf(e->target.code, sizeof e->target.code, "%s", tgt);
    snprintf(e->cameo, sizeof e->cameo, "%s", cameo);
    memcpy(e->root, cameo, 2);
    e->status = (uint8_t)status;
    if (edate) {
        snprintf(e->date, sizeof e->date, "%s", edate);
        e->date_prec = (uint8_t)prec;
    }
    if (place) {
        e->loc.name = place;
        snprintf(e->loc.country, sizeof e->loc.country, "UKR");
        e->loc.admin1 = admin1;
    }
}

static char dbpath[64];

static sqlite3_int64 qi(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    sqlite3_int64 v = -1;
    if (sqlite3_open(dbpath, &db) != SQLITE_OK)
        return -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static char qsbuf[256];
static const char *qs(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    qsbuf[0] = '\0';
    if (sqlite3_open(dbpath, &db) != SQLITE_OK)
        return NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(qsbuf, sizeof qsbuf, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return qsbuf;
}

static void rm_db(void)
{
    char p[80];
    unlink(dbpath);
    snprintf(p, sizeof p, "%s-wal", dbpath);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", dbpath);
    unlink(p);
}

static dy_store *fresh(void)
{
    dy_store *s = NULL;
    char err[256];
    snprintf(dbpath, sizeof dbpath, "/tmp/dyad-test-cluster-%d.db", (int)getpid());
    rm_db();
    if (dy_store_open(&s, dbpath, 0, err, sizeof err) < 0)
        fprintf(stderr, "open: %s\n", err);
    return s;
}

TEST(store_merge_and_split)
{
    dy_store *s = fresh();
    fix f;
    CHECK(s != NULL);
    if (!s)
        return;
    /* a1..a3: one event from three outlets (RUS ~ RUSMIL, 190 ~ 193 ~ 183,
     * dates within a day); statuses claimed, confirmed. */
    mk(&f, "a1", "AFP", "2024-03-10", "RUSMIL", "UKR", "190", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, "Kharkiv", "UA-63");
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    mk(&f, "a2", "Reuters", "2024-03-11", "RUS", "UKR", "193", DY_ST_CONFIRMED, NULL, 0, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    mk(&f, "a3", "AP", "2024-03-10", "RUSMIL", "UKRCVL", "183", DY_ST_CLAIMED, "2024-03-09", DY_DP_DAY, "Kharkiv", "UA-63");
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    /* Not the same event: RUSGOV is another actor than the cluster's
     * RUSMIL (a cluster keeps the codes of its first mention). */
    mk(&f, "b1", "AFP", "2024-03-10", "RUSGOV", "UKR", "190", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    /* Another place, another admin1. */
    mk(&f, "b2", "AFP", "2024-03-10", "RUSMIL", "UKR", "190", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, "Odesa", "UA-51");
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    /* Three days later. */
    mk(&f, "b3", "AFP", "2024-03-13", "RUSMIL", "UKR", "190", DY_ST_CLAIMED, "2024-03-13", DY_DP_DAY, "Kharkiv", "UA-63");
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    /* Reverse direction, another root class, hypothetical: not merged. */
    mk(&f, "b4", "AFP", "2024-03-10", "UKR", "RUSMIL", "190", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    mk(&f, "b5", "AFP", "2024-03-10", "RUSMIL", "UKR", "172", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    mk(&f, "b6", "AFP", "2024-03-10", "RUSMIL", "UKR", "190", DY_ST_HYPOTHETICAL, "2024-03-10", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    /* A month-precision denial in February starts a cluster; a day event
     * of that month joins it and gives it its precise date. */
    mk(&f, "b7", "AFP", "2024-03-30", "RUSMIL", "UKR", "195", DY_ST_DISPUTED, "2024-02-01", DY_DP_MONTH, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    mk(&f, "b9", "BBC", "2024-02-16", "RUSMIL", "UKR", "190", DY_ST_ASSERTED, "2024-02-15", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    /* Year precision does not cluster. */
    mk(&f, "b8", "AFP", "2024-03-30", "RUSMIL", "UKR", "190", DY_ST_CLAIMED, "2024-01-01", DY_DP_YEAR, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);

    CHECK_STR(qs("SELECT cluster_id FROM events WHERE article_id = 'a1'"), "c1");
    CHECK_STR(qs("SELECT group_concat(cluster_id) FROM events WHERE article_id IN ('a2', 'a3')"), "c1,c1");
    CHECK_STR(qs("SELECT num_mentions || '/' || num_articles || '/' || num_sources || '/' || num_independent"
                 " FROM clusters WHERE id = 1"), "3/3/3/3");
    /* Best date: the earliest day-precision date; place: the known one;
     * merged status: confirmed (one report confirms). */
    CHECK_STR(qs("SELECT date || ' ' || prec || ' ' || location_name || ' ' || status FROM clusters WHERE id = 1"),
              "2024-03-09 1 Kharkiv confirmed");
    CHECK_STR(qs("SELECT first_seen || ' ' || last_seen FROM clusters WHERE id = 1"), "2024-03-10 2024-03-11");
    for (const char *const *id = (const char *const[]){"b1", "b2", "b3", "b4", "b5", NULL}; *id; id++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM events e JOIN clusters c ON e.cluster_id = 'c' || c.id"
                                  " WHERE e.article_id = '%s' AND c.num_mentions = 1", *id);
        CHECK_INT(qi(sql), 1);
    }
    CHECK_INT(qi("SELECT count(*) FROM events WHERE article_id IN ('b6', 'b8') AND cluster_id IS NULL"), 2);
    CHECK_STR(qs("SELECT group_concat(cluster_id) FROM events WHERE article_id IN ('b7', 'b9')"), "c7,c7");
    /* The denial makes its cluster disputed; the day date wins. */
    CHECK_STR(qs("SELECT status || ' ' || date || ' ' || prec || ' ' || num_mentions FROM clusters WHERE id = 7"),
              "disputed 2024-02-15 1 2");
    CHECK_INT(qi("SELECT sum(num_mentions) FROM clusters"), qi("SELECT count(cluster_id) FROM events"));
    rm_db();
}

TEST(store_cluster_off)
{
    dy_store *s = fresh();
    fix f;
    if (!s)
        return;
    CHECK_INT(dy_store_set_cluster(s, 0), DY_OK);
    CHECK_INT(dy_store_set_cluster(NULL, 0), DY_EINVAL);
    mk(&f, "a1", "AFP", "2024-03-10", "RUSMIL", "UKR", "190", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_INT(qi("SELECT count(*) FROM clusters"), 0);
    CHECK_INT(qi("SELECT count(*) FROM events WHERE cluster_id IS NULL"), 1);
    CHECK_INT(qi("SELECT count(*) FROM articles WHERE simhash IS NULL"), 1);
    rm_db();
}

TEST(store_replace_keeps_counts)
{
    dy_store *s = fresh();
    fix f;
    char err[128];
    if (!s)
        return;
    mk(&f, "a1", "AFP", "2024-03-10", "RUSMIL", "UKR", "190", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, NULL, NULL);
    f.doc.nevents = 2;  /* the same event twice in one article */
    f.ev[1] = f.ev[0];
    f.ev[1].index = 1;
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    mk(&f, "a2", "AP", "2024-03-10", "RUSMIL", "UKR", "190", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);   /* a2 again */
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_STR(qs("SELECT group_concat(num_mentions || '/' || num_articles || '/' || num_sources) FROM clusters"),
              "3/2/2");
    /* a2 re-stored as another event: its old cluster loses it. */
    CHECK_INT(dy_store_open(&s, dbpath, 0, err, sizeof err), DY_OK);
    mk(&f, "a2", "AP", "2024-03-10", "RUSMIL", "UKR", "042", DY_ST_CLAIMED, "2024-03-10", DY_DP_DAY, NULL, NULL);
    CHECK_INT(dy_store_put(s, &f.doc), DY_OK);
    CHECK_INT(dy_store_close(&s), DY_OK);
    CHECK_STR(qs("SELECT group_concat(num_mentions || '/' || num_articles, ' ') FROM clusters"), "2/1 1/1");
    /* Read-only listing works and filters. */
    CHECK_INT(dy_store_open(&s, dbpath, 1, err, sizeof err), DY_OK);
    if (s) {
        dy_cluster_query q = {0, 2, NULL, NULL, 0};
        char *mem = NULL;
        size_t n = 0;
        FILE *out = open_memstream(&mem, &n);
        CHECK_INT(dy_store_clusters(s, &q, out), DY_OK);
        fclose(out);
        CHECK(mem && strstr(mem, "\"cluster_id\":\"c1\"") && !strstr(mem, "\"cluster_id\":\"c2\""));
        CHECK(mem && strstr(mem, "\"num_mentions\":2"));
        free(mem);
        CHECK_INT(dy_store_clusters(s, NULL, stdout), DY_EINVAL);
        long m = 0, src = 0, arts = 0;
        CHECK_INT(dy_store_cluster_counts(s, "c1", &m, &src, &arts), DY_OK);
        CHECK_INT(m * 100 + src * 10 + arts, 211);
        CHECK_INT(dy_store_cluster_counts(s, "c99", &m, &src, &arts), DY_ENOTFOUND);
        CHECK_INT(dy_store_cluster_counts(s, "x1", &m, &src, &arts), DY_EINVAL);
        dy_store_close(&s);
    }
    rm_db();
}

int main(void)
{
    RUN(actor_rules);
    RUN(root_class_and_dates);
    RUN(place_rules);
    RUN(status_merge);
    RUN(simhash);
    RUN(store_merge_and_split);
    RUN(store_cluster_off);
    RUN(store_replace_keeps_counts);
    return harness_done();
}
