/* test_clean.c — boilerplate removal, normalisation and the byte map of
 * dy_clean (src/clean.c), plus the golden pairs in tests/golden/clean/
 * (NAME.in -> NAME.out: the expected norm text). */
#include "harness.h"
#include "clean.h"
#include "dyad.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dy_arena *A;

/* Clean s (length n) and return the result; t gets the article. */
static dy_text run_n(dy_article *art, const char *s, size_t n)
{
    dy_text t;
    memset(art, 0, sizeof *art);
    art->id = "t"; art->date = art->source = art->url = art->title = "";
    art->origin = "test";
    art->text = s;
    art->text_len = n;
    int rc = dy_clean(art, A, &t);
    CHECK_INT(rc, 0);
    if (rc != 0) memset(&t, 0, sizeof t);
    return t;
}

static dy_text run(dy_article *art, const char *s) { return run_n(art, s, strlen(s)); }

/* Invariants every result must meet. */
static int map_ok(const dy_article *art, const dy_text *t)
{
    if (!t->map || !t->norm) return 0;
    if (t->map[t->norm_len] != art->text_len) return 0;
    if (strlen(t->norm) != t->norm_len) return 0;
    for (uint32_t i = 0; i < t->norm_len; i++) {
        if (t->map[i] >= art->text_len) return 0;
        if (i && t->map[i] < t->map[i - 1]) return 0;
    }
    return 1;
}

/* The original text of the norm span [a,b). */
static char *orig_span(const dy_article *art, const dy_text *t, uint32_t a, uint32_t b)
{
    static char buf[256];
    size_t s = t->map[a], e = t->map[b];
    if (e < s || e - s >= sizeof buf) return "";
    memcpy(buf, art->text + s, e - s);
    buf[e - s] = '\0';
    return buf;
}

TEST(ascii_identity)
{
    dy_article art;
    const char *s = "Arnor restored ties with Gondor.\nThe talks\tresume Monday.";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, s);
    CHECK_INT(t.norm_len, strlen(s));
    CHECK(map_ok(&art, &t));
    for (uint32_t i = 0; i < t.norm_len; i++) CHECK_INT(t.map[i], i);
    CHECK_INT(t.map[t.norm_len], art.text_len);
    CHECK_INT(t.dropped_lines, 0);
}

TEST(empty_text)
{
    dy_article art;
    dy_text t = run(&art, "");
    CHECK_STR(t.norm, "");
    CHECK_INT(t.norm_len, 0);
    CHECK(t.map != NULL);
    if (t.map) CHECK_INT(t.map[0], 0);
}

TEST(tweet_embed_block)
{
    dy_article art;
    const char *s =
        "North Korea blew up roads near the border, the military said.\n\n"
        "JUST IN: North Korea blows up sections of inter-Korean roads https://t.co/AbC123\n"
        "\xE2\x80\x94 Reuters (@Reuters) October 15, 2024\n\n"
        "Seoul responded with warning shots.";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "North Korea blew up roads near the border, the military said.\n\n\n"
                      "Seoul responded with warning shots.");
    CHECK_INT(t.dropped_lines, 2);
    CHECK(map_ok(&art, &t));
    /* "Seoul" maps to where it is in the original */
    const char *p = strstr(t.norm, "Seoul");
    CHECK(p != NULL);
    if (p) {
        uint32_t a = (uint32_t)(p - t.norm);
        CHECK_STR(orig_span(&art, &t, a, a + 5), "Seoul");
    }
}

TEST(tweet_credit_single_newlines)
{
    dy_article art;
    /* no blank lines: only the line right above the credit is the tweet */
    const char *s = "First paragraph stays.\nSecond paragraph stays too.\n"
                    "We will respond firmly pic.twitter.com/xyz\n"
                    "-- Some Minister (@minister_x) Jan 3, 2025\n"
                    "Last paragraph stays.";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "First paragraph stays.\nSecond paragraph stays too.\nLast paragraph stays.");
    CHECK_INT(t.dropped_lines, 2);
}

TEST(pic_twitter_and_url_lines)
{
    dy_article art;
    const char *s = "Troops moved in.\npic.twitter.com/AbCdEf\nhttps://example.com/story/123\n"
                    "See https://example.com for details.";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "Troops moved in.\nSee https://example.com for details.");
    CHECK_INT(t.dropped_lines, 2);
}

TEST(read_more_variants)
{
    dy_article art;
    const char *s = "Talks resumed.\nRead more\nRead More: Why the talks failed\n"
                    "READ MORE: Sanctions explained\nRead More \xC2\xBB\nReaders were told to wait for the ruling, expected next week.";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "Talks resumed.\nReaders were told to wait for the ruling, expected next week.");
    CHECK_INT(t.dropped_lines, 4);
}

TEST(expanded_coverage_section)
{
    dy_article art;
    const char *s = "The ceasefire held overnight, officials said.\n\n"
                    "Expanded Coverage:\n"
                    "Ceasefire talks stall in Cairo\n"
                    "Who are the negotiators?\n\n"
                    "Officials said later that the talks would resume on Thursday in Doha.";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "The ceasefire held overnight, officials said.\n\n\n"
                      "Officials said later that the talks would resume on Thursday in Doha.");
    CHECK_INT(t.dropped_lines, 3);
}

TEST(related_coverage_at_end)
{
    dy_article art;
    const char *s = "Protesters gathered in the capital on Sunday.\nRelated Coverage\n"
                    "Protests spread to second city\nPolice detain 40\n";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "Protesters gathered in the capital on Sunday.\n");
}

TEST(bylines)
{
    dy_article art;
    dy_text t = run(&art, "By John Smith and Jane Doe, Reuters\nKYIV (Reuters) - Shelling hit the city.");
    CHECK_STR(t.norm, "KYIV (Reuters) - Shelling hit the city.");
    CHECK_INT(t.dropped_lines, 1);
    /* a sentence that starts with "By" is not a byline */
    t = run(&art, "By Monday, the troops had left the town.\nMore followed.");
    CHECK_STR(t.norm, "By Monday, the troops had left the town.\nMore followed.");
    /* a byline far into the text is left alone */
    t = run(&art, "One.\nTwo.\nThree.\nFour.\nBy John Smith");
    CHECK_STR(t.norm, "One.\nTwo.\nThree.\nFour.\nBy John Smith");
}

TEST(copyright_and_prompts)
{
    dy_article art;
    const char *s = "Aid arrived.\nAdvertisement\nShare this:\nShare on Facebook\n"
                    "Click here to subscribe\nSign up for our newsletter\nFollow us on Twitter\n"
                    "Copyright 2024 Reuters. All rights reserved.\n\xC2\xA9 2024 The Times\n"
                    "Aid workers left.";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "Aid arrived.\nAid workers left.");
    CHECK_INT(t.dropped_lines, 8);
}

TEST(nfc_composes_with_map)
{
    dy_article art;
    const char *s = "Cafe\xCC\x81 Mu\xCC\x88nchen";   /* e + U+0301, u + U+0308 */
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "Caf\xC3\xA9 M\xC3\xBCnchen");
    CHECK(map_ok(&art, &t));
    CHECK_INT(t.map[3], 3);   /* é -> 'e' */
    CHECK_INT(t.map[4], 3);
    CHECK_INT(t.map[5], 6);   /* ' ' */
    CHECK_INT(t.map[7], 8);   /* ü -> 'u' */
    CHECK_INT(t.map[8], 8);
    CHECK_INT(t.map[9], 11);  /* 'n' */
    /* the span of the word round-trips to the decomposed original */
    CHECK_STR(orig_span(&art, &t, 0, 5), "Cafe\xCC\x81");
}

TEST(precomposed_and_other_scripts)
{
    dy_article art;
    const char *s = "\xC3\xA9t\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE5\x8C\x97\xE4\xBA\xAC";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, s);   /* already NFC: unchanged */
    CHECK(map_ok(&art, &t));
    CHECK_INT(t.map[1], 0); /* second byte of é -> its start */
    CHECK_INT(t.map[7], 6); /* second byte of М */
    CHECK_INT(t.map[20], 19); /* third byte of 北 */
}

TEST(singleton_and_hangul)
{
    dy_article art;
    /* U+212B ANGSTROM SIGN -> U+00C5; Hangul jamo L+V -> syllable */
    dy_text t = run(&art, "\xE2\x84\xAB \xE1\x84\x80\xE1\x85\xA1!");
    CHECK_STR(t.norm, "\xC3\x85 \xEA\xB0\x80!");
    CHECK(map_ok(&art, &t));
    CHECK_INT(t.map[0], 0);
    CHECK_INT(t.map[3], 4);
    CHECK_INT(t.map[5], 4);
    CHECK_INT(t.map[6], 10);
}

/* NFC output longer than the input (U+0958 -> U+0915 U+093C) makes the
 * buffers grow past the text's size: the rest of the line must still fit. */
TEST(nfc_expansion_grows)
{
    static char in[4096], want[8192];
    size_t n = 0, w = 0;
    for (int i = 0; i < 300; i++) {
        memcpy(in + n, "\xE0\xA5\x98", 3); n += 3;
        memcpy(want + w, "\xE0\xA4\x95\xE0\xA4\xBC", 6); w += 6;
        if (i % 50 == 49) { in[n++] = ' '; want[w++] = ' '; }
    }
    for (int i = 0; i < 500; i++) { in[n++] = 'a'; want[w++] = 'a'; }
    dy_article art;
    dy_text t = run_n(&art, in, n);
    CHECK_INT(t.norm_len, w);
    CHECK(t.norm && memcmp(t.norm, want, w) == 0);
    CHECK(map_ok(&art, &t));
    if (t.norm_len == w) {
        CHECK_INT(t.map[5], 0);
        CHECK_INT(t.map[6], 3);
        CHECK_INT(t.map[w - 1], n - 1);
    }
}

TEST(quote_dash_folding)
{
    dy_article art;
    /* “Hello,” she said – it’s fine—really */
    const char *s = "\xE2\x80\x9CHello,\xE2\x80\x9D she said \xE2\x80\x93 it\xE2\x80\x99s fine\xE2\x80\x94really \xC2\xABok\xC2\xBB";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "\"Hello,\" she said - it's fine-really \"ok\"");
    CHECK(map_ok(&art, &t));
    CHECK_INT(t.map[0], 0);   /* “ */
    CHECK_INT(t.map[1], 3);   /* H */
    CHECK_INT(t.map[7], 9);   /* ” */
    CHECK_INT(t.map[18], 22); /* – */
    CHECK_INT(t.map[22], 28); /* ’ */
    CHECK_INT(t.map[23], 31); /* s */
    /* "it's" maps back to the typographic original */
    CHECK_STR(orig_span(&art, &t, 20, 24), "it\xE2\x80\x99s");
}

TEST(ellipsis_and_spaces)
{
    dy_article art;
    const char *s = "Wait\xE2\x80\xA6 then\xC2\xA0go\xE2\x80\x89now\xC2\xAD" "er\xE2\x80\x8B" "x";
    dy_text t = run(&art, s);
    CHECK_STR(t.norm, "Wait... then go nower" "x");
    CHECK(map_ok(&art, &t));
    CHECK_INT(t.map[4], 4);
    CHECK_INT(t.map[5], 4);
    CHECK_INT(t.map[6], 4);
    CHECK_INT(t.map[7], 7);   /* ' ' */
    CHECK_INT(t.map[12], 12); /* NBSP -> ' ' at its first byte */
    CHECK_INT(t.map[13], 14); /* 'g' */
}

TEST(invalid_utf8_and_controls)
{
    dy_article art;
    const char s[] = "a\xFF" "b\xC3(c\x01\x1B" "d\te\x7F" "f\xED\xA0\x80g\xC2\x85h";
    dy_text t = run_n(&art, s, sizeof s - 1);
    CHECK_STR(t.norm, "a b (c  d\te f   g h");
    CHECK(map_ok(&art, &t));
    CHECK_INT(t.map[1], 1);
    CHECK_INT(t.map[3], 3);   /* lone lead byte */
    CHECK_INT(t.map[4], 4);   /* '(' kept */
    CHECK_INT(t.map[13], 13); /* surrogate: each byte a space */
    CHECK_INT(t.map[15], 15);
    CHECK_INT(t.map[16], 16); /* g */
    CHECK_INT(t.map[17], 17); /* C1 NEL -> space at its start */
    CHECK_INT(t.map[18], 19); /* h */
}

TEST(line_endings)
{
    dy_article art;
    dy_text t = run(&art, "one\r\ntwo\rthree\n");
    CHECK_STR(t.norm, "one\ntwo\nthree\n");
    CHECK(map_ok(&art, &t));
    CHECK_INT(t.map[3], 3);   /* \n for \r\n -> the CR */
    CHECK_INT(t.map[4], 5);   /* 't' of two */
    CHECK_INT(t.map[7], 8);   /* lone CR */
}

TEST(span_round_trip)
{
    dy_article art;
    const char *s = "By Staff Reporter\n\xE2\x80\x9CSouth Korea\xE2\x80\x99s military said North Korea fired.\xE2\x80\x9D";
    dy_text t = run(&art, s);
    const char *p = strstr(t.norm, "South Korea's military");
    CHECK(p != NULL);
    if (!p) return;
    uint32_t a = (uint32_t)(p - t.norm), b = a + (uint32_t)strlen("South Korea's military");
    CHECK_STR(orig_span(&art, &t, a, b), "South Korea\xE2\x80\x99s military");
    /* the span of the whole norm maps to a suffix of the original */
    CHECK_INT(t.map[0], 18);
    CHECK_INT(t.map[t.norm_len], art.text_len);
}

/* Random byte soup: no crash, invariants hold. */
TEST(random_inputs_keep_invariants)
{
    static const char *pieces[] = {"a", " ", "\n", "\r", "\xC3\xA9", "e\xCC\x81", "\xE2\x80\x99", "\xFF",
                                   "\xE2\x80\xA6", "Read more", "pic.twitter.com/x", "(@h) May 1, 2020",
                                   "\xCC\x81", "\xE1\x84\x80", "\xE1\x85\xA1", "\xF0\x9F\x98\x80", "\xE2",
                                   "By A B", "Related", "\t", "\x00", "http://x"};
    uint32_t seed = 12345;
    int bad = 0;
    for (int iter = 0; iter < 300; iter++) {
        char buf[600];
        size_t n = 0;
        int parts = (int)(seed % 40);
        for (int p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *pc = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t l = pc[0] ? strlen(pc) : 1;
            if (n + l >= sizeof buf) break;
            memcpy(buf + n, pc, l);
            n += l;
        }
        dy_article art;
        dy_text t = run_n(&art, buf, n);
        if (!map_ok(&art, &t)) bad++;
        dy_arena_reset(A);
    }
    CHECK_INT(bad, 0);
}

TEST(too_large)
{
    dy_article art;
    dy_text t;
    memset(&art, 0, sizeof art);
    art.text = "x";
    art.text_len = (size_t)DY_MAX_ARTICLE + 1;
    CHECK_INT(dy_clean(&art, A, &t), DY_ERANGE);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    size_t k = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf) buf[k] = '\0';
    *n = k;
    return buf;
}

TEST(golden_pairs)
{
    const char *dir = "tests/golden/clean";
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d) return;
    int cases = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 4 || strcmp(e->d_name + l - 3, ".in") != 0) continue;
        char pin[512], pout[512];
        snprintf(pin, sizeof pin, "%s/%s", dir, e->d_name);
        snprintf(pout, sizeof pout, "%s/%.*s.out", dir, (int)(l - 3), e->d_name);
        size_t ni = 0, no = 0;
        char *in = slurp(pin, &ni), *want = slurp(pout, &no);
        CHECK(in != NULL && want != NULL);
        if (in && want) {
            dy_article art;
            dy_text t = run_n(&art, in, ni);
            if (!t.norm || strcmp(t.norm, want) != 0) {
                fprintf(stderr, "golden %s differs:\n--- got\n%s\n--- want\n%s\n", pin, t.norm ? t.norm : "(null)", want);
                CHECK(0);
            }
            CHECK(map_ok(&art, &t));
            cases++;
        }
        free(in);
        free(want);
    }
    closedir(d);
    CHECK(cases >= 3);
}

int main(void)
{
    A = dy_arena_new(0);
    if (!A) return 1;
    RUN(ascii_identity);
    RUN(empty_text);
    RUN(tweet_embed_block);
    RUN(tweet_credit_single_newlines);
    RUN(pic_twitter_and_url_lines);
    RUN(read_more_variants);
    RUN(expanded_coverage_section);
    RUN(related_coverage_at_end);
    RUN(bylines);
    RUN(copyright_and_prompts);
    RUN(nfc_composes_with_map);
    RUN(precomposed_and_other_scripts);
    RUN(singleton_and_hangul);
    RUN(nfc_expansion_grows);
    RUN(quote_dash_folding);
    RUN(ellipsis_and_spaces);
    RUN(invalid_utf8_and_controls);
    RUN(line_endings);
    RUN(span_round_trip);
    RUN(random_inputs_keep_invariants);
    RUN(too_large);
    RUN(golden_pairs);
    dy_arena_free(&A);
    return harness_done();
}
