/* test_image.c — compiled dictionary images: compile, load through
 * dy_dict_load (detected by magic), code the same sentences with the text
 * and the image set and get identical events; damaged images (truncated at
 * every length class, bytes flipped, wrong version, wrong magic) are
 * refused with a clear message, never a crash. */
#include "harness.h"
#include "coder.h"
#include "dict.h"
#include "dyad.h"
#include "image.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct diags { int n; char last[256]; } diags;
static void collect(void *ctx, const char *file, uint64_t line, const char *msg)
{
    diags *d = ctx;
    d->n++;
    snprintf(d->last, sizeof d->last, "%s", msg);
    (void)file;
    (void)line;
}

static char IMG[256], BAD[256];

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(len > 0 ? (size_t)len + 1 : 1);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) { free(b); b = NULL; }
    if (b) b[len > 0 ? len : 0] = '\0';
    fclose(f);
    *n = (size_t)len;
    return b;
}

static int spit(const char *path, const unsigned char *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t w = fwrite(b, 1, n, f);
    fclose(f);
    return w == n ? 0 : -1;
}

/* code one sentence with set d; writes a one-line summary of the events */
static void code_line(const dy_dict *d, const char *text, int date, char *out, size_t cap)
{
    dy_arena *a = dy_arena_new(0);
    dy_article art;
    dy_sentence sent;
    dy_doc doc;
    memset(&art, 0, sizeof art);
    art.id = "t";
    art.text = text;
    art.text_len = strlen(text);
    art.year = date / 10000; art.month = date / 100 % 100; art.day = date % 100;
    art.date = "";
    memset(&doc, 0, sizeof doc);
    doc.article = &art;
    doc.text.norm = text;
    doc.text.norm_len = (uint32_t)strlen(text);
    sent.start = 0;
    sent.end = doc.text.norm_len;
    sent.tok_first = sent.tok_count = 0;
    doc.sents = &sent;
    doc.nsents = 1;
    dy_code_opts o = *dy_dict_options(d);
    o.min_words = 1;
    int oc = -1;
    int rc = dy_code_doc_opts(d, &o, &doc, a, &oc);
    size_t k = (size_t)snprintf(out, cap, "rc=%d oc=%d", rc, oc);
    for (uint32_t i = 0; i < doc.nevents && k < cap; i++) {
        const dy_event *e = &doc.events[i];
        k += (size_t)snprintf(out + k, cap - k, " {%s/%s/%s %u+%u %u+%u %u+%u}", e->source.code, e->target.code,
                              e->cameo, e->source.off, e->source.len, e->target.off, e->target.len,
                              e->verb_off, e->verb_len);
    }
    dy_arena_free(&a);
}

TEST(compile_and_round_trip)
{
    dy_dict *t = NULL, *m = NULL;
    CHECK_INT(dy_dict_load(&t, "tests/validation/own.project", NULL, NULL), 0);
    if (!t) return;
    CHECK_INT(dy_image_write(t, IMG), 0);
    CHECK(dy_image_is(IMG));
    CHECK(!dy_image_is("tests/validation/own.project"));
    diags dg = { 0, "" };
    CHECK_INT(dy_dict_load(&m, IMG, collect, &dg), 0);
    CHECK_INT(dg.n, 0);
    if (!m) { dy_dict_free(&t); return; }
    /* same counts, options and vocabulary */
    dy_dict_stats_t a, b;
    dy_dict_stats(t, &a);
    dy_dict_stats(m, &b);
    CHECK(memcmp(&a, &b, sizeof a) == 0);
    CHECK(memcmp(dy_dict_options(t), dy_dict_options(m), sizeof(dy_code_opts)) == 0);
    CHECK(dy_intern_find(dy_dict_vocab(m), "zelvia", 6) != 0);
    CHECK_INT(dy_intern_count(dy_dict_vocab(m)), dy_intern_count(dy_dict_vocab(t)));
    /* every validation record codes the same with both sets */
    size_t n = 0;
    unsigned char *txt = slurp("tests/validation/own.txt", &n);
    CHECK(txt != NULL);
    int lines = 0, same = 0, events = 0, date = 0;
    char *save = NULL;
    for (char *ln = txt ? strtok_r((char *)txt, "\n", &save) : NULL; ln; ln = strtok_r(NULL, "\n", &save)) {
        if (ln[0] == '#' || ln[0] == '/') continue;
        if (ln[0] >= '0' && ln[0] <= '9' && strlen(ln) > 6 && ln[6] == ' ') {
            date = 20000000 + atoi(ln);
            continue;
        }
        char r1[2048], r2[2048];
        code_line(t, ln, date, r1, sizeof r1);
        code_line(m, ln, date, r2, sizeof r2);
        lines++;
        if (!strcmp(r1, r2)) same++;
        else fprintf(stderr, "image differs on: %s\n  text:  %s\n  image: %s\n", ln, r1, r2);
        if (strstr(r1, "{")) events++;
    }
    free(txt);
    CHECK(lines >= 40);
    CHECK(events >= 30);          /* the records do code: the comparison means something */
    CHECK_INT(same, lines);
    dy_dict_free(&m);
    CHECK(m == NULL);
    dy_dict_free(&t);
}

static int load_bad(const unsigned char *b, size_t n, diags *dg)
{
    if (spit(BAD, b, n)) return 1;
    dy_dict *d = NULL;
    memset(dg, 0, sizeof *dg);
    int rc = dy_dict_load(&d, BAD, collect, dg);
    if (d) dy_dict_free(&d);
    return rc;
}

TEST(truncated_images_refused)
{
    size_t n = 0;
    unsigned char *b = slurp(IMG, &n);
    CHECK(b != NULL && n > 1000);
    if (!b) return;
    diags dg;
    /* shorter than the header: not recognised as an image */
    CHECK(load_bad(b, 5, &dg) < 0);
    /* header only, half, all but one byte, and a spread of other lengths */
    size_t cuts[] = { 8, 20, 40, 64, 100, n / 3, n / 2, n - 16, n - 1 };
    int refused = 0, said = 0;
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        int rc = load_bad(b, cuts[i], &dg);
        if (rc == DY_EFORMAT) refused++;
        if (dg.n && strstr(dg.last, "dictionary image")) said++;
    }
    CHECK_INT(refused, (int)(sizeof cuts / sizeof *cuts));
    CHECK_INT(said, (int)(sizeof cuts / sizeof *cuts));
    load_bad(b, n / 2, &dg);
    CHECK(strstr(dg.last, "truncated") != NULL);
    /* the whole file still loads (the test itself is not broken) */
    CHECK_INT(load_bad(b, n, &dg), 0);
    free(b);
}

TEST(corrupted_images_refused)
{
    size_t n = 0;
    unsigned char *b = slurp(IMG, &n);
    if (!b) { CHECK(0); return; }
    diags dg;
    /* one flipped byte anywhere after the header: checksum */
    size_t at[] = { 64, 200, n / 4, n / 2, n - 9 };
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        b[at[i]] ^= 0x5a;
        CHECK_INT(load_bad(b, n, &dg), DY_EFORMAT);
        CHECK(strstr(dg.last, "checksum") != NULL || strstr(dg.last, "section") != NULL);
        b[at[i]] ^= 0x5a;
    }
    /* another format version */
    b[8] ^= 0x02;
    CHECK_INT(load_bad(b, n, &dg), DY_EFORMAT);
    CHECK(strstr(dg.last, "version") != NULL);
    b[8] ^= 0x02;
    /* the size field disagrees with the file */
    b[16] ^= 0x01;
    CHECK_INT(load_bad(b, n, &dg), DY_EFORMAT);
    b[16] ^= 0x01;
    /* not an image at all: wrong magic falls back to the text loaders */
    b[0] = 'X';
    CHECK(load_bad(b, n, &dg) < 0);
    b[0] = 'D';
    CHECK_INT(load_bad(b, n, &dg), 0);
    free(b);
}

TEST(write_errors)
{
    dy_dict *t = NULL;
    CHECK_INT(dy_dict_load(&t, "tests/validation/own.project", NULL, NULL), 0);
    if (!t) return;
    CHECK_INT(dy_image_write(t, "/nonexistent-dir/x.dyd"), DY_EIO);
    CHECK_INT(dy_image_write(NULL, IMG), DY_EINVAL);
    dy_dict_free(&t);
    dy_dict *d = NULL;
    CHECK(dy_dict_load(&d, "/nonexistent-file.dyd", NULL, NULL) < 0);
    CHECK(d == NULL);
}

int main(void)
{
    snprintf(IMG, sizeof IMG, "/tmp/dyad_test_image_%d.dyd", (int)getpid());
    snprintf(BAD, sizeof BAD, "/tmp/dyad_test_image_%d_bad.dyd", (int)getpid());
    RUN(compile_and_round_trip);
    RUN(truncated_images_refused);
    RUN(corrupted_images_refused);
    RUN(write_errors);
    remove(IMG);
    remove(BAD);
    return harness_done();
}
