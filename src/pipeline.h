/* pipeline.h — the end-to-end run: read articles from files, clean, tokenize,
 * split, code, and hand each coded article, in input order, to the sinks
 * (text output and/or the SQLite store). With threads > 1 a reader (the
 * calling thread) fills batches, workers process them, and the calling thread
 * writes them out in order; memory is bounded by the number of batches in
 * flight. Per-batch arenas: nothing is allocated per token. */
#ifndef DY_PIPELINE_H
#define DY_PIPELINE_H
#include <stdint.h>
#include <stdio.h>
#include "dict.h"
#include "enrich.h"
#include "emit.h"
#include "ingest.h"

typedef struct dy_run_stats {
    uint64_t articles, sentences, events, rejected, files_failed;
    uint64_t bytes;          /* article text bytes */
    double seconds;
} dy_run_stats;

/* Called for every rejected record or unreadable file (from the calling
 * thread). */
typedef void (*dy_run_err_fn)(void *ctx, const dy_ingest_err *err);
/* Called about once a second with the running totals (calling thread). */
typedef void (*dy_run_progress_fn)(void *ctx, const dy_run_stats *st, int final);

typedef struct dy_run_opts {
    dy_reader_opts reader;
    int threads;             /* 0 = number of online CPUs */
    dy_sink_fmt out_fmt;     /* 0 = no text output */
    FILE *out;               /* text output (stdout) */
    const char *db_path;     /* SQLite database or NULL */
    const dy_enrich_ctx *enrich; /* attribution/status/quantities/dates/places; NULL = defaults, no gazetteer */
    int no_enrich;           /* skip the enrichment layers entirely */
    int no_cluster;          /* with db_path: do not cluster events */
    dy_run_err_fn on_error;
    dy_run_progress_fn on_progress;
    void *ctx;
} dy_run_opts;

/* Code every file in files[0..nfiles) (nfiles 0 = stdin). Returns 0 when
 * the run completed (rejected records are counted in st, not errors), or a
 * negative code for a fatal error (database, output write, memory); errmsg
 * gets a message in that case. */
int dy_run(const dy_dict *d, char *const *files, int nfiles, const dy_run_opts *o,
           dy_run_stats *st, char *errmsg, size_t errmsg_size);

/* Process one article completely (clean, tokenize, split, code and, when
 * enrich is set, the enrichment layers with en, which may be NULL) into doc,
 * with arena a and token lexicon lex. Used by dy_run and by tests. */
int dy_process_article(const dy_dict *d, const dy_enrich_ctx *en, int enrich,
                       const dy_article *art, dy_intern *lex, dy_arena *a, dy_doc *doc);

#endif
