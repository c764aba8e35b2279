/* fuzz_ingest.c — libFuzzer harness for the input readers (src/ingest.c) and
 * dy_clean: the input is put in a memfd and read to the end in every format,
 * with the default record limit and with a tiny one. Every call must return
 * a record, a rejection with a message, or the end; an accepted record must
 * have a NUL-free text of text_len bytes, and cleaning it must keep the map
 * invariants. Build and run with fuzz/run.sh. */
#define _GNU_SOURCE
#include "clean.h"
#include "dyad.h"
#include "ingest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void check_article(const dy_article *art, dy_arena *a)
{
    if (!art->id || !art->date || !art->source || !art->url || !art->title || !art->text || !art->origin)
        abort();
    if (strlen(art->text) != art->text_len) abort();
    if (art->date[0] && (strlen(art->date) != 10 || art->year <= 0)) abort();
    dy_text t;
    if (dy_clean(art, a, &t) != 0) abort();
    if (t.map[t.norm_len] != art->text_len || strlen(t.norm) != t.norm_len) abort();
    for (uint32_t i = 0; i < t.norm_len; i++)
        if (t.map[i] >= art->text_len || (i && t.map[i] < t.map[i - 1])) abort();
}

static void read_all(const char *path, dy_format f, size_t max_record, dy_arena *a)
{
    dy_reader_opts o = {f, (max_record & 1) ? "2001-02-03" : NULL, max_record};
    dy_ingest_err e;
    dy_reader *r;
    if (dy_reader_open(&r, path, &o, &e) != 0) return;
    dy_article art;
    int rc, guard = 0;
    while ((rc = dy_reader_next(r, a, &art, &e)) != DY_EEOF) {
        if (++guard > 100000) abort();   /* must make progress */
        if (rc == 0) check_article(&art, a);
        else if (!e.msg[0] || !e.origin) abort();   /* rejections say why */
        else if (rc == DY_EIO) break;
        dy_arena_reset(a);
    }
    dy_reader_close(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz_ingest", 0);
    if (fd < 0) return 0;
    if (size && write(fd, data, size) != (ssize_t)size) { close(fd); return 0; }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    dy_arena *a = dy_arena_new(4096);
    if (a) {
        for (int f = DY_FMT_AUTO; f <= DY_FMT_TABARI; f++) {
            read_all(path, (dy_format)f, 0, a);
            read_all(path, (dy_format)f, 33, a);
        }
        dy_arena_free(&a);
    }
    close(fd);
    return 0;
}
