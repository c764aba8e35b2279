/* test_sent.c — sentence splitter tests: the golden cases in
 * tests/golden/sentences.txt (one HARNESS_CASE each, with a diff printed for a
 * failing case), plus unit tests for offsets, flags, one_sentence, empty
 * input and a long run without punctuation.
 *
 * Golden format: text before the first "%%" line is a comment. Each case is
 *   %% title            (a title containing "[one]" sets one_sentence)
 *   input line(s)       (joined with "\n"; blank lines are kept)
 *   --
 *   expected sentence   (one per line; a newline inside a sentence is "\n")
 * Tests run from the repository root. */
#include "harness.h"
#include "sent.h"
#include "tok.h"
#include "dyad.h"
#include <stdlib.h>

#define GOLDEN "tests/golden/sentences.txt"

static dy_intern *lex;
static dy_arena *arena;

static int split(const char *text, size_t n, int one, dy_doc *doc, dy_article *art)
{
    memset(doc, 0, sizeof *doc);
    memset(art, 0, sizeof *art);
    art->one_sentence = one;
    doc->article = art;
    doc->text.norm = text;
    doc->text.norm_len = (uint32_t)n;
    dy_arena_reset(arena);
    int rc = dy_tokenize(doc, lex, arena);
    if (rc) return rc;
    return dy_split_sentences(doc, arena);
}

/* Sentence k as a line: newlines (and \r) escaped as \n. */
static char *sent_line(const dy_doc *doc, uint32_t k)
{
    const dy_sentence *s = &doc->sents[k];
    size_t len = s->end - s->start;
    char *o = malloc(len * 2 + 1), *w = o;
    if (!o) return NULL;
    for (size_t i = 0; i < len; i++) {
        char c = doc->text.norm[s->start + i];
        if (c == '\n') { *w++ = '\\'; *w++ = 'n'; }
        else if (c != '\r') *w++ = c;
    }
    *w = '\0';
    return o;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, len = 0;
    for (;;) {
        if (cap - len < 4096) {
            char *nb = realloc(buf, cap * 2 + 8192);
            if (!nb) { free(buf); fclose(f); return NULL; }
            buf = nb;
            cap = cap * 2 + 8192;
        }
        size_t r = fread(buf + len, 1, cap - len - 1, f);
        len += r;
        if (r == 0) break;
    }
    fclose(f);
    buf[len] = '\0';
    *n = len;
    return buf;
}

/* Run one case: input in[0..inlen), expected lines exp[0..nexp). */
static int run_case(const char *title, int line, const char *in, size_t inlen, char **exp, int nexp)
{
    dy_doc doc;
    dy_article art;
    int one = strstr(title, "[one]") != NULL;
    int rc = split(in, inlen, one, &doc, &art);
    int ok = rc == 0 && (int)doc.nsents == nexp;
    char **got = calloc(doc.nsents + 1, sizeof *got);
    if (!got) return 0;
    for (uint32_t k = 0; rc == 0 && k < doc.nsents; k++) {
        got[k] = sent_line(&doc, k);
        if (!got[k] || (int)k >= nexp || strcmp(got[k], exp[k]) != 0) ok = 0;
        if (!(doc.toks[doc.sents[k].tok_first].flags & DY_TF_SENT_START)) ok = 0;
    }
    if (!ok) {
        fprintf(stderr, "%s:%d: case \"%s\" failed (rc %d)\n", GOLDEN, line, title, rc);
        int m = nexp > (int)doc.nsents ? nexp : (int)doc.nsents;
        for (int k = 0; k < m; k++) {
            const char *e = k < nexp ? exp[k] : NULL;
            const char *g = rc == 0 && k < (int)doc.nsents ? got[k] : NULL;
            if (e && g && strcmp(e, g) == 0) fprintf(stderr, "    %s\n", e);
            else {
                if (e) fprintf(stderr, "  - %s\n", e);
                if (g) fprintf(stderr, "  + %s\n", g);
            }
        }
    }
    for (uint32_t k = 0; k < doc.nsents; k++) free(got[k]);
    free(got);
    return ok;
}

static int golden_cases;

static void run_golden(void)
{
    size_t n = 0;
    char *buf = slurp(GOLDEN, &n);
    if (!buf) {
        fprintf(stderr, "cannot read %s (run from the repository root)\n", GOLDEN);
        HARNESS_CASE(0);
        return;
    }
    /* split into lines in place */
    size_t nlines = 0, cap = 1024;
    char **lines = malloc(cap * sizeof *lines);
    if (!lines) { free(buf); HARNESS_CASE(0); return; }
    for (char *p = buf; p < buf + n;) {
        char *e = memchr(p, '\n', (size_t)(buf + n - p));
        if (!e) e = buf + n;
        *e = '\0';
        if (e > p && e[-1] == '\r') e[-1] = '\0';
        if (nlines == cap) {
            char **nl = realloc(lines, (cap *= 2) * sizeof *nl);
            if (!nl) { free(lines); free(buf); HARNESS_CASE(0); return; }
            lines = nl;
        }
        lines[nlines++] = p;
        p = e + 1;
    }
    size_t i = 0;
    while (i < nlines && strncmp(lines[i], "%%", 2) != 0) i++;
    while (i < nlines) {
        const char *title = lines[i] + 2;
        while (*title == ' ') title++;
        int line = (int)i + 1;
        size_t j = ++i;
        while (j < nlines && strcmp(lines[j], "--") != 0 && strncmp(lines[j], "%%", 2) != 0) j++;
        if (j >= nlines || strcmp(lines[j], "--") != 0) {
            fprintf(stderr, "%s:%d: case without \"--\"\n", GOLDEN, line);
            HARNESS_CASE(0);
            i = j;
            continue;
        }
        /* input = lines[i..j) joined with \n */
        size_t inlen = 0;
        for (size_t k = i; k < j; k++) inlen += strlen(lines[k]) + 1;
        char *in = malloc(inlen + 1);
        if (!in) break;
        size_t o = 0;
        for (size_t k = i; k < j; k++) {
            size_t l = strlen(lines[k]);
            memcpy(in + o, lines[k], l);
            o += l;
            if (k + 1 < j) in[o++] = '\n';
        }
        in[o] = '\0';
        size_t k = j + 1;
        while (k < nlines && strncmp(lines[k], "%%", 2) != 0) k++;
        /* expected: lines (j, k), trailing empty lines dropped */
        size_t ke = k;
        while (ke > j + 1 && lines[ke - 1][0] == '\0') ke--;
        HARNESS_CASE(run_case(title, line, in, o, lines + j + 1, (int)(ke - j - 1)));
        golden_cases++;
        free(in);
        i = k;
    }
    free(lines);
    free(buf);
}

TEST(golden_count)
{
    CHECK(golden_cases >= 80);
}

TEST(offsets_and_flags)
{
    const char *s = "  North Korea fired.  Seoul protested.\n";
    dy_doc d;
    dy_article a;
    CHECK_INT(split(s, strlen(s), 0, &d, &a), 0);
    CHECK_INT(d.nsents, 2);
    if (d.nsents != 2) return;
    CHECK_INT(d.sents[0].start, 2);
    CHECK_INT(d.sents[0].end, 20);
    CHECK_INT(d.sents[0].tok_first, 0);
    CHECK_INT(d.sents[0].tok_count, 4);
    CHECK_INT(d.sents[1].start, 22);
    CHECK_INT(d.sents[1].end, 38);
    CHECK_INT(d.sents[1].tok_first, 4);
    CHECK_INT(d.sents[1].tok_count, 3);
    int starts = 0;
    for (uint32_t k = 0; k < d.ntoks; k++) starts += !!(d.toks[k].flags & DY_TF_SENT_START);
    CHECK_INT(starts, 2);
    CHECK(d.toks[4].flags & DY_TF_SENT_START);
}

TEST(empty_inputs)
{
    dy_doc d;
    dy_article a;
    CHECK_INT(split("", 0, 0, &d, &a), 0);
    CHECK_INT(d.nsents, 0);
    CHECK_INT(split(" \n\n \t", 5, 0, &d, &a), 0);
    CHECK_INT(d.nsents, 0);
    CHECK_INT(split(" \n\n \t", 5, 1, &d, &a), 0);
    CHECK_INT(d.nsents, 0);
    CHECK_INT(split(".", 1, 0, &d, &a), 0);
    CHECK_INT(d.nsents, 1);
}

TEST(one_sentence_flag)
{
    const char *s = "Troops left. Talks began.\n\nA new paragraph.";
    dy_doc d;
    dy_article a;
    CHECK_INT(split(s, strlen(s), 1, &d, &a), 0);
    CHECK_INT(d.nsents, 1);
    if (d.nsents == 1) {
        CHECK_INT(d.sents[0].start, 0);
        CHECK_INT(d.sents[0].end, strlen(s));
        CHECK_INT(d.sents[0].tok_count, d.ntoks);
    }
    CHECK_INT(split(s, strlen(s), 0, &d, &a), 0);
    CHECK_INT(d.nsents, 3);
}

TEST(no_article)
{
    const char *s = "One. Two.";
    dy_doc d;
    memset(&d, 0, sizeof d);
    d.text.norm = s;
    d.text.norm_len = (uint32_t)strlen(s);
    dy_arena_reset(arena);
    CHECK_INT(dy_tokenize(&d, lex, arena), 0);
    CHECK_INT(dy_split_sentences(&d, arena), 0);
    CHECK_INT(d.nsents, 2);
    CHECK_INT(dy_split_sentences(NULL, arena), DY_EINVAL);
}

TEST(many_sentences)
{
    /* 20,000 short sentences: the arena array grows; counts and coverage */
    size_t n = 20000;
    char *s = malloc(n * 8 + 1);
    if (!s) { CHECK(0); return; }
    for (size_t k = 0; k < n; k++) memcpy(s + k * 8, "Go now. ", 8);
    s[n * 8] = '\0';
    dy_doc d;
    dy_article a;
    CHECK_INT(split(s, n * 8, 0, &d, &a), 0);
    CHECK_INT(d.nsents, n);
    int ok = 1;
    for (uint32_t k = 0; k < d.nsents; k++)
        if (d.sents[k].start != k * 8 || d.sents[k].end != k * 8 + 7 || d.sents[k].tok_count != 3) ok = 0;
    CHECK(ok);
    free(s);
}

TEST(long_run_without_punctuation)
{
    size_t n = 200000;
    char *s = malloc(n + 1);
    if (!s) { CHECK(0); return; }
    for (size_t k = 0; k < n; k++) s[k] = (k % 6 == 5) ? ' ' : 'a';
    s[n] = '\0';
    dy_doc d;
    dy_article a;
    CHECK_INT(split(s, n, 0, &d, &a), 0);
    CHECK_INT(d.nsents, 1);
    free(s);
}

int main(void)
{
    lex = dy_intern_new(NULL);
    arena = dy_arena_new(0);
    if (!lex || !arena) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    run_golden();
    RUN(golden_count);
    RUN(offsets_and_flags);
    RUN(empty_inputs);
    RUN(one_sentence_flag);
    RUN(no_article);
    RUN(many_sentences);
    RUN(long_run_without_punctuation);
    dy_intern_free(&lex);
    dy_arena_free(&arena);
    return harness_done();
}
