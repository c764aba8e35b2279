/* test_ingest.c — the input readers (src/ingest.c): every bad-input fixture in
 * tests/golden/bad/ must be rejected at the right line with the exact reason
 * while the good records around it are still read; the good-path fixtures in
 * tests/golden/ingest/ cover the four formats, auto-detection and stdin.
 * Records are summarised as one log line each ("ok ID@LINE ..." or
 * "err LINE CODE: MESSAGE") and the whole log is compared. */
#include "harness.h"
#include "ingest.h"
#include "dyad.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char logbuf[1 << 16];

static const char *fixture(const char *rel)
{
    static char buf[4][512];
    static int k;
    const char *root = getenv("DYAD_SRCDIR");
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/tests/golden/%s", root ? root : ".", rel);
    return buf[k];
}

static void logf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logf_(const char *fmt, ...)
{
    size_t l = strlen(logbuf);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(logbuf + l, sizeof logbuf - l, fmt, ap);
    va_end(ap);
}

/* Read every record of path; verbose adds date/flags/text to each line. */
static const char *read_log(const char *path, dy_format fmt, size_t max_record, int verbose)
{
    dy_reader_opts o = {fmt, NULL, max_record};
    dy_ingest_err e;
    dy_reader *r = NULL;
    logbuf[0] = '\0';
    int rc = dy_reader_open(&r, path, &o, &e);
    if (rc < 0) {
        snprintf(logbuf, sizeof logbuf, "open %d: %s\n", rc, e.msg);
        return logbuf;
    }
    dy_arena *a = dy_arena_new(0);
    dy_article art;
    int guard = 0;
    while ((rc = dy_reader_next(r, a, &art, &e)) != DY_EEOF && guard++ < 10000) {
        if (rc < 0) {
            logf_("err %llu %d: %s\n", (unsigned long long)e.line, rc, e.msg);
            if (e.origin == NULL || strcmp(e.origin, path) != 0) logf_("(bad origin)\n");
            continue;
        }
        logf_("ok %s@%llu", art.id, (unsigned long long)art.line);
        if (verbose)
            logf_(" %s %d [%s]", art.date[0] ? art.date : "-", art.one_sentence, art.text);
        if (strlen(art.text) != art.text_len) logf_(" (text_len wrong)");
        if (strcmp(art.origin, path) != 0) logf_(" (bad origin)");
        logf_("\n");
        dy_arena_reset(a);
    }
    dy_arena_free(&a);
    dy_reader_close(&r);
    CHECK(r == NULL);
    return logbuf;
}

#define EXPECT_LOG(path, want) CHECK_STR(read_log(fixture(path), DY_FMT_AUTO, 0, 0), want)

/* ------------------------------------------------------------- bad inputs */

TEST(bad_invalid_utf8_json)
{
    EXPECT_LOG("bad/invalid_utf8.jsonl",
               "ok a@1\n"
               "err 2 -4: invalid UTF-8 in JSON: unable to decode byte 0xff near '\"caf' (column 21)\n"
               "ok c@3\n");
}

TEST(bad_nul_byte)
{
    EXPECT_LOG("bad/nul_byte.jsonl", "ok a@1\nerr 2 -3: NUL byte in record (column 20)\nok c@3\n");
    EXPECT_LOG("bad/nul_escape.jsonl", "ok a@1\nerr 2 -3: field \"text\" contains a NUL character\nok c@3\n");
}

TEST(bad_empty_record)
{
    /* blank lines are skipped silently; {} has no text */
    EXPECT_LOG("bad/empty_record.jsonl", "ok a@1\nerr 4 -3: field \"text\" missing\nok c@5\n");
}

TEST(bad_empty_text)
{
    EXPECT_LOG("bad/empty_text.jsonl",
               "ok a@1\nerr 2 -3: field \"text\" is empty\nerr 3 -3: field \"text\" is empty\nok d@4\n");
}

TEST(bad_truncated_json)
{
    EXPECT_LOG("bad/truncated.jsonl",
               "ok a@1\n"
               "err 2 -3: invalid JSON: premature end of input near '\"two' (column 21)\n"
               "ok c@3\n"
               "err 4 -3: invalid JSON: '}' expected near end of file (column 23)\n");
}

TEST(bad_trailing_garbage)
{
    EXPECT_LOG("bad/trailing_garbage.jsonl",
               "err 1 -3: invalid JSON: end of file expected near 'trailing' (column 32)\n"
               "err 2 -3: invalid JSON: end of file expected near '{' (column 24)\n"
               "ok d@3\n");
}

TEST(bad_non_object)
{
    EXPECT_LOG("bad/non_object.jsonl",
               "ok a@1\n"
               "err 2 -3: record is a JSON array, not an object\n"
               "err 3 -3: record is a JSON number, not an object\n"
               "err 4 -3: record is a JSON string, not an object\n"
               "err 5 -3: record is a JSON null, not an object\n"
               "ok f@6\n");
}

TEST(bad_missing_text)
{
    EXPECT_LOG("bad/missing_text.jsonl",
               "ok a@1\nerr 2 -3: field \"text\" missing\nerr 3 -3: field \"text\" missing\nok d@4\n");
}

TEST(bad_wrong_types)
{
    EXPECT_LOG("bad/wrong_type.jsonl",
               "ok a@1\n"
               "err 2 -3: field \"text\" must be a string, not number\n"
               "err 3 -3: field \"text\" must be a string, not array\n"
               "err 4 -3: field \"title\" must be a string, not number\n"
               "ok e@5\n");
}

TEST(bad_ids)
{
    /* missing or empty ids are made up as "<base name>:<line>"; with a
     * duplicate key the last one wins */
    EXPECT_LOG("bad/ids.jsonl",
               "err 1 -3: field \"id\" must be a string or number, not object\n"
               "err 2 -3: field \"id\" must be a string or number, not boolean\n"
               "ok 7@3\nok ids.jsonl:4@4\nok ids.jsonl:5@5\nok g@6\n");
}

TEST(bad_dates)
{
    CHECK_STR(read_log(fixture("bad/bad_date.jsonl"), DY_FMT_AUTO, 0, 1),
              "ok a@1 2024-10-15 0 [one]\n"
              "err 2 -3: malformed date \"2024-13-45\"\n"
              "err 3 -3: malformed date \"yesterday\"\n"
              "err 4 -3: malformed date \"2023-02-29\"\n"
              "ok e@5 2024-02-29 0 [five]\n"
              "ok f@6 2024-03-01 0 [six]\n"
              "err 7 -3: field \"date\" must be a string, not boolean\n");
}

TEST(crlf_and_bom)
{
    CHECK_STR(read_log(fixture("bad/crlf.jsonl"), DY_FMT_AUTO, 0, 1),
              "ok a@1 - 0 [one]\nok b@2 - 0 [two\r\nlines]\nok c@4 - 0 [three]\n");
    EXPECT_LOG("bad/bom.jsonl", "ok a@1\nok b@2\n");
}

TEST(bad_text_files)
{
    EXPECT_LOG("bad/binary.txt", "err 1 -3: binary file (NUL byte at offset 9)\n");
    EXPECT_LOG("bad/empty.txt", "err 1 -3: empty article\n");
    EXPECT_LOG("bad/zero.txt", "err 1 -3: empty article\n");
}

TEST(bad_xml)
{
    EXPECT_LOG("bad/bad.xml",
               "ok OK-1@2\n"
               "err 5 -3: unterminated <Sentence> (no </Sentence> before the next <Sentence>)\n"
               "ok OK-3@7\n"
               "err 10 -3: malformed date \"20081340\"\n"
               "err 13 -3: <Sentence> has no <Text>\n"
               "err 16 -3: empty article\n"
               "ok OK-7@20\n"
               "err 23 -3: unterminated <Sentence> (no </Sentence> before end of file)\n");
}

TEST(bad_tabari)
{
    EXPECT_LOG("bad/bad.tabari",
               "ok GOOD-1@1\n"
               "err 4 -3: malformed TABARI header: date \"9501201\" is not YYMMDD or YYYYMMDD\n"
               "err 7 -3: empty article\n"
               "ok GOOD-4@9\n"
               "err 14 -3: malformed date \"951399\"\n"
               "ok GOOD-6@17\n");
}

TEST(bad_unopenable)
{
    CHECK_STR(read_log("/nonexistent/dyad/file.jsonl", DY_FMT_AUTO, 0, 0),
              "open -2: cannot open: No such file or directory\n");
    CHECK_STR(read_log(fixture("bad"), DY_FMT_AUTO, 0, 0), "open -2: cannot open: Is a directory\n");
    /* the error names the file even though no reader was made */
    dy_ingest_err e;
    dy_reader *r = (dy_reader *)&e;   /* must be set to NULL on failure */
    CHECK(dy_reader_open(&r, "/nonexistent/x", NULL, &e) == DY_EIO);
    CHECK(r == NULL);
    CHECK_STR(e.origin, "/nonexistent/x");
    CHECK_INT(e.line, 0);
}

TEST(bad_unreadable)
{
    char path[] = "/tmp/dyad_ingest_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    if (write(fd, "{\"text\":\"x\"}\n", 13) != 13) CHECK(0);
    close(fd);
    chmod(path, 0);
    if (geteuid() == 0) {
        /* root reads anything: the permission check cannot be provoked */
        fprintf(stderr, "test_ingest: running as root, EACCES case checked as readable\n");
        CHECK(strncmp(read_log(path, DY_FMT_AUTO, 0, 0), "ok dyad_ingest_", 15) == 0);
    } else {
        CHECK_STR(read_log(path, DY_FMT_AUTO, 0, 0), "open -2: cannot open: Permission denied\n");
    }
    unlink(path);
}

/* A 50 MB line: accepted within the limit, rejected with its size beyond,
 * and the records after it are still read. Generated at run time. */
TEST(bad_huge_line)
{
    char path[] = "/tmp/dyad_huge_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    const size_t line_len = 50u * 1024 * 1024;   /* bytes before the newline */
    const char *head = "{\"id\":\"big\",\"text\":\"", *tail = "\"}";
    fputs("{\"id\":\"a\",\"text\":\"one\"}\n", f);
    fputs(head, f);
    static char chunk[65536];
    memset(chunk, 'x', sizeof chunk);
    for (size_t i = 0; i < sizeof chunk; i += 64) chunk[i] = ' ';
    size_t body = line_len - strlen(head) - strlen(tail), left = body;
    while (left) {
        size_t k = left < sizeof chunk ? left : sizeof chunk;
        fwrite(chunk, 1, k, f);
        left -= k;
    }
    fputs(tail, f);
    fputs("\n{\"id\":\"c\",\"text\":\"three\"}\n", f);
    fclose(f);
    CHECK_STR(read_log(path, DY_FMT_JSONL, 32u * 1024 * 1024, 0),
              "ok a@1\nerr 2 -5: record too large (52428800 bytes > limit 33554432)\nok c@3\n");
    /* within the default limit it is accepted whole */
    dy_reader *r;
    dy_ingest_err e;
    CHECK_INT(dy_reader_open(&r, path, NULL, &e), 0);
    dy_arena *a = dy_arena_new(0);
    dy_article art;
    CHECK_INT(dy_reader_next(r, a, &art, &e), 0);
    CHECK_INT(dy_reader_next(r, a, &art, &e), 0);
    CHECK_STR(art.id, "big");
    CHECK_INT(art.text_len, body);
    dy_arena_reset(a);
    CHECK_INT(dy_reader_next(r, a, &art, &e), 0);
    CHECK_STR(art.id, "c");
    CHECK_INT(dy_reader_next(r, a, &art, &e), DY_EEOF);
    CHECK_INT(dy_reader_next(r, a, &art, &e), DY_EEOF);
    dy_reader_close(&r);
    dy_arena_free(&a);
    unlink(path);
}

TEST(too_large_other_formats)
{
    CHECK_STR(read_log(fixture("ingest/article.txt"), DY_FMT_AUTO, 20, 0),
              "err 1 -5: record too large (125 bytes > limit 20)\n");
    CHECK_STR(read_log(fixture("ingest/records.text"), DY_FMT_AUTO, 60, 0),
              "ok INTRO@5\nerr 9 -5: record too large (149 bytes > limit 60)\nok YYYY-01@16\n");
    CHECK_STR(read_log(fixture("bad/bad.xml"), DY_FMT_AUTO, 80, 0),
              "err 2 -5: record too large (90 bytes > limit 80)\n"
              "err 5 -3: unterminated <Sentence> (no </Sentence> before the next <Sentence>)\n"
              "ok OK-3@7\n"
              "err 10 -3: malformed date \"20081340\"\n"
              "err 13 -5: record too large (86 bytes > limit 80)\n"
              "err 16 -3: empty article\n"
              "ok OK-7@20\n"
              "err 23 -3: unterminated <Sentence> (no </Sentence> before end of file)\n");
}

/* ------------------------------------------------------------- good paths */

TEST(good_jsonl)
{
    dy_reader *r;
    dy_ingest_err e;
    dy_reader_opts o = {DY_FMT_AUTO, "2020-01-02", 0};
    CHECK_INT(dy_reader_open(&r, fixture("ingest/articles.jsonl"), &o, &e), 0);
    CHECK_INT(dy_reader_format(r), DY_FMT_JSONL);
    dy_arena *a = dy_arena_new(0);
    dy_article art;
    CHECK_INT(dy_reader_next(r, a, &art, &e), 0);
    CHECK_STR(art.id, "a17");
    CHECK_STR(art.date, "2024-10-15");
    CHECK_INT(art.year, 2024); CHECK_INT(art.month, 10); CHECK_INT(art.day, 15);
    CHECK_STR(art.source, "Reuters");
    CHECK_STR(art.url, "https://example.com/a17");
    CHECK_STR(art.title, "Roads blown up");
    CHECK_STR(art.text, "North Korea blew up sections of roads, South Korea\xE2\x80\x99s military said.");
    CHECK_STR(art.origin, fixture("ingest/articles.jsonl"));
    CHECK_INT(art.line, 1);
    CHECK_INT(art.one_sentence, 0);
    CHECK_INT(dy_reader_next(r, a, &art, &e), 0);
    CHECK_STR(art.id, "18");
    CHECK_STR(art.date, "2024-10-16");
    CHECK_STR(art.title, "");
    CHECK_STR(art.text, "Seoul fired warning shots.\n\nThe army was on alert.");
    CHECK_INT(dy_reader_next(r, a, &art, &e), 0);
    CHECK_STR(art.id, "articles.jsonl:3");
    CHECK_STR(art.date, "2020-01-02");   /* the default date */
    CHECK_INT(art.year, 2020);
    CHECK_STR(art.source, "");
    CHECK_INT(dy_reader_next(r, a, &art, &e), DY_EEOF);
    dy_reader_close(&r);
    dy_arena_free(&a);
}

TEST(good_text)
{
    CHECK_STR(read_log(fixture("ingest/article.txt"), DY_FMT_AUTO, 0, 1),
              "ok article.txt@1 - 0 [KYIV, Ukraine \xE2\x80\x94 Russian drones struck the capital overnight, "
              "officials said.\n\nThe attack came hours after talks in Geneva.\n]\n");
    /* an explicit format wins over the name and the content */
    CHECK_STR(read_log(fixture("ingest/noext_jsonl"), DY_FMT_TEXT, 0, 1),
              "ok noext_jsonl@1 - 0 [{\"id\":\"n1\",\"text\":\"sniffed as JSONL\"}\n]\n");
}

TEST(good_petrarch_xml)
{
    CHECK_STR(read_log(fixture("ingest/sample.xml"), DY_FMT_AUTO, 0, 1),
              "ok AFP0808_1@8 2008-08-04 1 [The US leader & his aides met Chinese officials in Beijing, \n"
              "an event described as \"historic\".]\n"
              "ok DEMO-2@20 1995-01-01 0 [Arnor\xE2\x80\x99s envoy visited Gondor\xC3\xA9. 3 < 4 && 5 > 2 &bogus; &#0; end]\n"
              "ok NODATE-3@23 - 1 [Raw <b>markup</b> & stuff]\n");
}

TEST(good_tabari)
{
    CHECK_STR(read_log(fixture("ingest/records.text"), DY_FMT_AUTO, 0, 1),
              "ok INTRO@5 1995-01-01 1 [This is an intro record with a comment]\n"
              "ok DEMO-01@9 1995-01-01 1 [Arnor is about to restore full diplomatic ties with Gondor almost\n"
              "five years after crowds trashed its embassy, a senior official\nsaid on Saturday.]\n"
              "ok YYYY-01@16 2015-06-07 1 [50,000 people marched, the 12-year\n12-year rift ended.]\n");
    /* Latin-1 / Windows-1252 converted, CR and CRLF line ends */
    CHECK_STR(read_log(fixture("ingest/latin1_cr.text"), DY_FMT_AUTO, 0, 1),
              "ok LATIN-1@1 1995-01-02 1 [Caf\xC3\xA9 owners\xE2\x80\x99 union met in M\xC3\xBCnchen.]\n"
              "ok CR-2@4 1995-01-03 1 [Old Mac line ends\nwork too.]\n"
              "ok UTF8-3@8 1995-01-04 1 [Already UTF-8: caf\xC3\xA9.]\n");
}

TEST(auto_detection)
{
    static const struct { const char *path; dy_format f; } cases[] = {
        {"ingest/articles.jsonl", DY_FMT_JSONL}, {"ingest/article.txt", DY_FMT_TEXT},
        {"ingest/sample.xml", DY_FMT_PETRXML}, {"ingest/records.text", DY_FMT_TABARI},
        {"ingest/latin1_cr.text", DY_FMT_TABARI}, {"ingest/noext_jsonl", DY_FMT_JSONL},
        {"ingest/noext_plain", DY_FMT_TEXT}, {"bad/bad.tabari", DY_FMT_TABARI},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dy_reader *r;
        dy_ingest_err e;
        int rc = dy_reader_open(&r, fixture(cases[i].path), NULL, &e);
        CHECK_INT(rc, 0);
        if (rc == 0) {
            if (dy_reader_format(r) != cases[i].f) fprintf(stderr, "  %s\n", cases[i].path);
            CHECK_INT(dy_reader_format(r), cases[i].f);
            dy_reader_close(&r);
        }
    }
    CHECK_INT(dy_format_sniff("  \n{\"a\":1}", 9), DY_FMT_JSONL);
    CHECK_INT(dy_format_sniff("\xEF\xBB\xBF<Sentences>", 14), DY_FMT_PETRXML);
    CHECK_INT(dy_format_sniff("# c\n\n950101 X-1\ntext\n", 21), DY_FMT_TABARI);
    CHECK_INT(dy_format_sniff("20240115 A\n", 11), DY_FMT_TABARI);
    CHECK_INT(dy_format_sniff("100000 people marched\n", 22), DY_FMT_TEXT);  /* not a date */
    CHECK_INT(dy_format_sniff("950101\n", 7), DY_FMT_TEXT);                  /* no id */
    CHECK_INT(dy_format_sniff("Hello world", 11), DY_FMT_TEXT);
    CHECK_INT(dy_format_sniff("", 0), DY_FMT_TEXT);
}

/* Read path through stdin ("-"). */
static const char *stdin_log(const char *path, dy_format fmt)
{
    int saved = dup(0);
    int fd = open(path, O_RDONLY);
    if (fd < 0 || saved < 0) return "cannot open fixture";
    dup2(fd, 0);
    close(fd);
    const char *res = read_log("-", fmt, 0, 0);
    dup2(saved, 0);
    close(saved);
    return res;
}

TEST(stdin_formats)
{
    CHECK_STR(stdin_log(fixture("ingest/articles.jsonl"), DY_FMT_AUTO),
              "ok a17@1\nok 18@2\nok stdin:3@3\n");
    CHECK_STR(stdin_log(fixture("ingest/sample.xml"), DY_FMT_AUTO),
              "ok AFP0808_1@8\nok DEMO-2@20\nok NODATE-3@23\n");
    CHECK_STR(stdin_log(fixture("ingest/records.text"), DY_FMT_AUTO),
              "ok INTRO@5\nok DEMO-01@9\nok YYYY-01@16\n");
    CHECK_STR(stdin_log(fixture("ingest/noext_plain"), DY_FMT_AUTO), "ok stdin@1\n");
    /* the error origin for stdin is "-" */
    CHECK_STR(stdin_log(fixture("bad/nul_byte.jsonl"), DY_FMT_JSONL),
              "ok a@1\nerr 2 -3: NUL byte in record (column 20)\nok c@3\n");
}

/* The fast JSON path and jansson must agree: each line is read as is (fast
 * path) and with a nested field added, which only jansson handles. */
TEST(json_fast_path_matches_jansson)
{
    static const char *lines[] = {
        "{\"id\":\"a\",\"text\":\"plain\"}",
        "{ \"text\" : \"esc \\\" \\\\ \\/ \\b\\f\\n\\r\\t end\" , \"id\" : 12 }",
        "{\"id\":\"u\",\"text\":\"\\u00e9\\u2019\\ud83d\\ude00 \\u0041\"}",
        "{\"id\":\"raw\",\"text\":\"caf\xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80\"}",
        "{\"id\":-5,\"date\":20240229,\"text\":\"neg id\",\"title\":null,\"source\":\"S\"}",
        "{\"id\":\"d\",\"id\":\"e\",\"text\":\"dup\",\"text\":\"dup2\"}",
        "{\"id\":\"n\",\"text\":\"nul\\u0000here\"}",
        "{\"id\":\"b\",\"text\":\"bool\",\"url\":true}",
        "{\"id\":\"f\",\"text\":\"x\",\"flag\":false,\"n\":0,\"m\":-0}",
        "{\"id\":\"\",\"text\":\" spaced \",\"date\":\"\"}",
        "{\"id\":true,\"text\":\"bad id\"}",
        "{\"text\":\"  \"}",
        "{}",
        "{\"id\":\"big\",\"text\":\"i\",\"date\":123456789012345678}",
    };
    /* same base name in two directories: made-up ids must agree too */
    char d1[] = "/tmp/dyad_fast_XXXXXX", d2[] = "/tmp/dyad_slow_XXXXXX", p1[64], p2[64];
    CHECK(mkdtemp(d1) != NULL && mkdtemp(d2) != NULL);
    snprintf(p1, sizeof p1, "%s/in.jsonl", d1);
    snprintf(p2, sizeof p2, "%s/in.jsonl", d2);
    FILE *a = fopen(p1, "w"), *b = fopen(p2, "w");
    CHECK(a != NULL && b != NULL);
    if (!a || !b) return;
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        const char *l = lines[i];
        size_t n = strlen(l);
        fprintf(a, "%s\n", l);
        if (n > 2) fprintf(b, "%.*s,\"zz\":[1]}\n", (int)(n - 1), l);
        else fprintf(b, "{\"zz\":[1]}\n");
    }
    fclose(a);
    fclose(b);
    static char fast[sizeof logbuf];
    snprintf(fast, sizeof fast, "%s", read_log(p1, DY_FMT_JSONL, 0, 1));
    const char *slow = read_log(p2, DY_FMT_JSONL, 0, 1);
    if (strcmp(fast, slow) != 0) fprintf(stderr, "fast:\n%s\nslow:\n%s\n", fast, slow);
    CHECK(strcmp(fast, slow) == 0);
    CHECK(strstr(fast, "ok u@3 - 0 [\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80 A]") != NULL);
    CHECK(strstr(fast, "ok e@6 - 0 [dup2]") != NULL);
    unlink(p1);
    unlink(p2);
    rmdir(d1);
    rmdir(d2);
}

TEST(date_parse)
{
    int y = 0, m = 0, d = 0;
    CHECK_INT(dy_date_parse("2024-10-15", 10, &y, &m, &d), 0);
    CHECK(y == 2024 && m == 10 && d == 15);
    CHECK_INT(dy_date_parse("20080804", 8, &y, &m, &d), 0);
    CHECK(y == 2008 && m == 8 && d == 4);
    CHECK_INT(dy_date_parse("950101", 6, &y, &m, &d), 0);
    CHECK_INT(y, 1995);
    CHECK_INT(dy_date_parse("490101", 6, &y, &m, &d), 0);
    CHECK_INT(y, 2049);
    CHECK_INT(dy_date_parse("500101", 6, &y, &m, &d), 0);
    CHECK_INT(y, 1950);
    CHECK_INT(dy_date_parse("2024-10-15T23:59:59+02:00", 25, &y, &m, &d), 0);
    CHECK_INT(d, 15);
    CHECK_INT(dy_date_parse("2024-10-15 08:00", 16, &y, &m, &d), 0);
    CHECK_INT(dy_date_parse("20241015T080000Z", 16, &y, &m, &d), 0);
    CHECK_INT(dy_date_parse("2000-02-29", 10, &y, &m, &d), 0);
    CHECK_INT(dy_date_parse("1900-02-29", 10, &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_date_parse("2024-04-31", 10, &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_date_parse("2024-00-10", 10, &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_date_parse("2024-1-5", 8, &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_date_parse("2024-10-15x", 11, &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_date_parse("9501201", 7, &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_date_parse("", 0, &y, &m, &d), DY_EPARSE);
    CHECK_INT(dy_date_parse("2024-10-1\xff", 10, &y, &m, &d), DY_EPARSE);
    /* only n bytes are read */
    CHECK_INT(dy_date_parse("2024-10-15junk", 10, &y, &m, &d), 0);
}

TEST(format_names)
{
    for (int f = DY_FMT_AUTO; f <= DY_FMT_TABARI; f++)
        CHECK_INT(dy_format_parse(dy_format_name((dy_format)f)), f);
    CHECK_INT(dy_format_parse("XML"), DY_FMT_PETRXML);
    CHECK_INT(dy_format_parse("ndjson"), DY_FMT_JSONL);
    CHECK_INT(dy_format_parse("csv"), -1);
    CHECK_INT(dy_format_parse(NULL), -1);
}

TEST(bad_options)
{
    dy_reader *r;
    dy_ingest_err e;
    dy_reader_opts o = {DY_FMT_AUTO, "2024-02-30", 0};
    CHECK_INT(dy_reader_open(&r, fixture("ingest/articles.jsonl"), &o, &e), DY_EINVAL);
    CHECK_STR(e.msg, "invalid default date \"2024-02-30\"");
    dy_reader_opts o2 = {(dy_format)42, NULL, 0};
    CHECK_INT(dy_reader_open(&r, fixture("ingest/articles.jsonl"), &o2, &e), DY_EINVAL);
    CHECK_INT(dy_reader_open(NULL, "x", NULL, &e), DY_EINVAL);
    CHECK_INT(dy_reader_next(NULL, NULL, NULL, &e), DY_EINVAL);
    dy_reader_close(NULL);
}

/* The reference data, when it is there (a fresh clone has no ../shared). */
TEST(shared_reference_files)
{
    static const struct { const char *path; int min_ok, max_err; } cases[] = {
        {"../shared/data/tabari/Validate.text", 470, 2},
        {"../shared/data/tabari/TABARI.Demo.text", 46, 0},
        {"../shared/data/petrarch2/text/PETR.UnitTest.records.xml", 284, 0},
        {"../shared/data/petrarch2/text/GigaWord.sample.PETR.xml", 67, 9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (access(cases[i].path, R_OK) != 0) {
            fprintf(stderr, "test_ingest: %s not present, skipped\n", cases[i].path);
            continue;
        }
        dy_reader *r;
        dy_ingest_err e;
        if (dy_reader_open(&r, cases[i].path, NULL, &e) < 0) { CHECK(0); continue; }
        dy_arena *a = dy_arena_new(0);
        dy_article art;
        int ok = 0, bad = 0, rc;
        while ((rc = dy_reader_next(r, a, &art, &e)) != DY_EEOF) {
            if (rc == 0) { ok++; CHECK(art.one_sentence == 1 || i >= 2); CHECK(art.year > 0); }
            else bad++;
            dy_arena_reset(a);
        }
        if (ok < cases[i].min_ok || bad > cases[i].max_err)
            fprintf(stderr, "  %s: %d ok, %d rejected\n", cases[i].path, ok, bad);
        CHECK(ok >= cases[i].min_ok);
        CHECK(bad <= cases[i].max_err);
        dy_reader_close(&r);
        dy_arena_free(&a);
    }
}

int main(void)
{
    RUN(bad_invalid_utf8_json);
    RUN(bad_nul_byte);
    RUN(bad_empty_record);
    RUN(bad_empty_text);
    RUN(bad_truncated_json);
    RUN(bad_trailing_garbage);
    RUN(bad_non_object);
    RUN(bad_missing_text);
    RUN(bad_wrong_types);
    RUN(bad_ids);
    RUN(bad_dates);
    RUN(crlf_and_bom);
    RUN(bad_text_files);
    RUN(bad_xml);
    RUN(bad_tabari);
    RUN(bad_unopenable);
    RUN(bad_unreadable);
    RUN(bad_huge_line);
    RUN(too_large_other_formats);
    RUN(good_jsonl);
    RUN(good_text);
    RUN(good_petrarch_xml);
    RUN(good_tabari);
    RUN(auto_detection);
    RUN(stdin_formats);
    RUN(json_fast_path_matches_jansson);
    RUN(date_parse);
    RUN(format_names);
    RUN(bad_options);
    RUN(shared_reference_files);
    return harness_done();
}
