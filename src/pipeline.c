/* pipeline.c — ordered, batched, multi-threaded coding run (see pipeline.h). */
#include "pipeline.h"
#include "clean.h"
#include "claims.h"
#include "coder.h"
#include "dyad.h"
#include "sent.h"
#include "store.h"
#include "tok.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef BATCH_ARTICLES
#define BATCH_ARTICLES 64      /* small batches keep -j N workers evenly busy */
#endif
#define BATCH_BYTES (4u << 20)
#ifndef SLOTS_PER_THREAD
#define SLOTS_PER_THREAD 4    /* batches in flight per worker */
#endif
#define LEX_OWN_MAX 32768     /* unknown-word ids kept per worker before a clear: few enough that the table stays in cache */

enum { SLOT_EMPTY, SLOT_FILLED, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
    dy_arena *arena;
    dy_article arts[BATCH_ARTICLES];
    dy_doc docs[BATCH_ARTICLES];
    int n;
    int state;
    uint64_t seq;
    int rc;                  /* processing status */
    dy_buf out;
} slot;

typedef struct worker {
    struct run *run;
    pthread_t tid;
    dy_intern *lex;
} worker;

typedef struct run {
    const dy_dict *dict;
    const dy_run_opts *o;
    slot *slots;
    int nslots;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    uint64_t next_take;
    int quit;
} run;

int dy_process_article(const dy_dict *d, const dy_enrich_ctx *en, int enrich,
                       const dy_article *art, dy_intern *lex, dy_arena *a, dy_doc *doc)
{
    int rc;
    memset(doc, 0, sizeof *doc);
    doc->article = art;
    if ((rc = dy_clean(art, a, &doc->text)) < 0) return rc;
    if ((rc = dy_tokenize(doc, lex, a)) < 0) return rc;
    if ((rc = dy_split_sentences(doc, a)) < 0) return rc;
    if (d && (rc = dy_code_doc_places(d, en ? dy_enrich_gazetteer(en) : NULL, doc, a)) < 0) return rc;
    if (enrich && doc->nevents && (rc = dy_enrich_doc(en, doc, a)) < 0) return rc;
    return DY_OK;
}

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Text output is formatted by the workers, except with a database (events
 * get their cluster ids when stored) and for GDELT (GlobalEventID runs over
 * the whole output): then the calling thread formats it in input order. */
static int format_in_order(const dy_run_opts *o)
{
    if (o->out_fmt == DY_OUT_CLAIMS) return 0;   /* claims carry no cluster ids */
    return o->db_path != NULL || o->out_fmt == DY_OUT_GDELT;
}

/* Process a filled slot: every article, then format the text output. */
static void process_slot(run *r, slot *s, dy_intern *lex)
{
    s->rc = DY_OK;
    dy_buf_clear(&s->out);
    uint32_t lex_base = r->dict ? dy_intern_count(dy_dict_vocab(r->dict)) : 0;
    for (int i = 0; i < s->n; i++) {
        if (dy_intern_count(lex) > lex_base + LEX_OWN_MAX) dy_intern_clear(lex);
        int rc = dy_process_article(r->dict, r->o->enrich, !r->o->no_enrich, &s->arts[i], lex,
                                    s->arena, &s->docs[i]);
        if (rc < 0) {
            /* keep the article (stored with no events), but say so */
            s->docs[i].nevents = 0;
            if (rc == DY_ENOMEM) { s->rc = rc; return; }
        }
        if (r->o->out_fmt == DY_OUT_CLAIMS && !format_in_order(r->o)) {
            if (dy_claims_emit_doc(&s->out, r->o->enrich, &s->docs[i], s->arena) == DY_ENOMEM) {
                s->rc = DY_ENOMEM;
                return;
            }
        } else if (r->o->out_fmt && !format_in_order(r->o)) {
            dy_emit_doc(&s->out, r->o->out_fmt, &s->docs[i], NULL);
        }
    }
    if (!dy_buf_ok(&s->out)) s->rc = DY_ENOMEM;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    run *r = w->run;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        slot *s = NULL;
        while (!r->quit) {
            slot *c = &r->slots[r->next_take % (uint64_t)r->nslots];
            if (c->state == SLOT_FILLED && c->seq == r->next_take) { s = c; break; }
            pthread_cond_wait(&r->cv, &r->mu);
        }
        if (!s) break;
        s->state = SLOT_BUSY;
        r->next_take++;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
        process_slot(r, s, w->lex);
        pthread_mutex_lock(&r->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&r->cv);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Input cursor over the list of files. */
typedef struct input {
    char *const *files;
    int nfiles, cur;
    dy_reader *rd;
    int done;
} input;

static void report(const dy_run_opts *o, const dy_ingest_err *e)
{
    if (o->on_error) o->on_error(o->ctx, e);
}

/* Read up to a batch of articles into s. Returns the number read (0 at the
 * end of all input). */
static int fill_slot(const dy_run_opts *o, input *in, slot *s, dy_run_stats *st)
{
    s->n = 0;
    size_t bytes = 0;
    dy_ingest_err err;
    while (s->n < BATCH_ARTICLES && bytes < BATCH_BYTES && !in->done) {
        if (!in->rd) {
            if (in->cur >= (in->nfiles ? in->nfiles : 1)) { in->done = 1; break; }
            const char *path = in->nfiles ? in->files[in->cur] : "-";
            in->cur++;
            memset(&err, 0, sizeof err);
            if (dy_reader_open(&in->rd, path, &o->reader, &err) < 0) {
                if (!err.origin) err.origin = path;
                report(o, &err);
                st->files_failed++;
                in->rd = NULL;
                continue;
            }
        }
        memset(&err, 0, sizeof err);
        int rc = dy_reader_next(in->rd, s->arena, &s->arts[s->n], &err);
        if (rc == DY_OK) {
            bytes += s->arts[s->n].text_len;
            st->bytes += s->arts[s->n].text_len;
            s->n++;
        } else if (rc == DY_EEOF) {
            dy_reader_close(&in->rd);
        } else {
            report(o, &err);
            st->rejected++;
            if (rc == DY_EIO) { dy_reader_close(&in->rd); st->files_failed++; }
        }
    }
    return s->n;
}

/* Write out one processed slot in order: text output then the store. */
/* Format one article's output in the calling thread, after its put (so
 * events carry their cluster ids and, for GDELT, their cluster counts). */
static void emit_after_put(const dy_run_opts *o, slot *s, dy_store *db, dy_doc *doc,
                           unsigned long long *seq)
{
    if (o->out_fmt == DY_OUT_GDELT && db) {
        for (uint32_t k = 0; k < doc->nevents; k++) {
            dy_event *e = &doc->events[k];
            long m, so, ar;
            if (e->cluster_id && dy_store_cluster_counts(db, e->cluster_id, &m, &so, &ar) == DY_OK) {
                e->num_mentions = (uint32_t)m;
                e->num_sources = (uint32_t)so;
                e->num_articles = (uint32_t)ar;
            }
        }
    }
    dy_emit_doc(&s->out, o->out_fmt, doc, seq);
}

static int drain_slot(const dy_run_opts *o, slot *s, dy_store *db, dy_run_stats *st,
                      unsigned long long *seq, char *errmsg, size_t esz)
{
    if (s->rc < 0) {
        snprintf(errmsg, esz, "processing failed: %s", dy_strerror(s->rc));
        return s->rc;
    }
    for (int i = 0; i < s->n; i++) {
        st->articles++;
        st->sentences += s->docs[i].nsents;
        st->events += s->docs[i].nevents;
        if (db && dy_store_put_ex(db, &s->docs[i], o->out_fmt ? s->arena : NULL) < 0) {
            snprintf(errmsg, esz, "database: %s", dy_store_errmsg(db));
            return DY_EDB;
        }
        if (o->out_fmt && format_in_order(o)) emit_after_put(o, s, db, &s->docs[i], seq);
    }
    if (!dy_buf_ok(&s->out)) {
        snprintf(errmsg, esz, "out of memory");
        return DY_ENOMEM;
    }
    if (o->out && s->out.len) {
        if (dy_buf_write(&s->out, o->out) < 0) {
            snprintf(errmsg, esz, "write error on output");
            return DY_EIO;
        }
    }
    dy_arena_reset(s->arena);
    s->n = 0;
    return DY_OK;
}

int dy_run(const dy_dict *d, char *const *files, int nfiles, const dy_run_opts *o,
           dy_run_stats *st, char *errmsg, size_t esz)
{
    int rc = DY_OK, nthreads = o->threads;
    run r;
    input in = {files, nfiles, 0, NULL, 0};
    dy_store *db = NULL;
    worker *ws = NULL;
    int nstarted = 0;
    double t0 = now_sec(), last_progress = t0;
    unsigned long long gseq = 0;   /* GDELT GlobalEventID when formatted after the put */

    memset(st, 0, sizeof *st);
    memset(&r, 0, sizeof r);
    errmsg[0] = '\0';
    if (nthreads <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        nthreads = n > 0 ? (int)n : 1;
    }
    if (nthreads > 64) nthreads = 64;
    r.dict = d;
    r.o = o;
    r.nslots = nthreads * SLOTS_PER_THREAD;
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.cv, NULL);
    r.slots = calloc((size_t)r.nslots, sizeof *r.slots);
    if (!r.slots) { rc = DY_ENOMEM; snprintf(errmsg, esz, "out of memory"); goto out; }
    for (int i = 0; i < r.nslots; i++) {
        r.slots[i].arena = dy_arena_new(1u << 20);
        dy_buf_init(&r.slots[i].out);
        if (!r.slots[i].arena) { rc = DY_ENOMEM; snprintf(errmsg, esz, "out of memory"); goto out_slots; }
    }
    if (o->db_path && dy_store_open(&db, o->db_path, 0, errmsg, esz) < 0) { rc = DY_EDB; goto out_slots; }
    if (db && o->no_cluster) dy_store_set_cluster(db, 0);
    if (o->out && o->out_fmt) {
        dy_buf hb;
        dy_buf_init(&hb);
        dy_emit_header(&hb, o->out_fmt);
        if (dy_buf_write(&hb, o->out) < 0) rc = DY_EIO;
        dy_buf_free(&hb);
    }

    /* -j 1 too runs its one worker beside this thread, which reads the
       input and writes the output and the database: ingest, output and
       the SQLite sink overlap with coding instead of adding to it */
    ws = calloc((size_t)nthreads, sizeof *ws);
    if (!ws) { rc = DY_ENOMEM; snprintf(errmsg, esz, "out of memory"); goto out_db; }
    for (int i = 0; i < nthreads; i++) {
        ws[i].run = &r;
        ws[i].lex = dy_intern_new(d ? dy_dict_vocab(d) : NULL);
        if (!ws[i].lex || pthread_create(&ws[i].tid, NULL, worker_main, &ws[i]) != 0) {
            dy_intern_free(&ws[i].lex);
            rc = DY_ENOMEM;
            snprintf(errmsg, esz, "cannot start worker threads");
            goto out_threads;
        }
        nstarted++;
    }
    {
        uint64_t next_fill = 0, next_emit = 0;
        for (;;) {
            slot *fs = &r.slots[next_fill % (uint64_t)r.nslots];
            if (!in.done && next_fill - next_emit < (uint64_t)r.nslots && fs->state == SLOT_EMPTY) {
                if (fill_slot(o, &in, fs, st) > 0) {
                    pthread_mutex_lock(&r.mu);
                    fs->seq = next_fill++;
                    fs->state = SLOT_FILLED;
                    pthread_cond_broadcast(&r.cv);
                    pthread_mutex_unlock(&r.mu);
                }
                continue;
            }
            if (next_emit == next_fill) break;   /* input done and all written */
            slot *es = &r.slots[next_emit % (uint64_t)r.nslots];
            pthread_mutex_lock(&r.mu);
            while (es->state != SLOT_DONE) pthread_cond_wait(&r.cv, &r.mu);
            pthread_mutex_unlock(&r.mu);
            rc = drain_slot(o, es, db, st, &gseq, errmsg, esz);
            pthread_mutex_lock(&r.mu);
            es->state = SLOT_EMPTY;
            pthread_mutex_unlock(&r.mu);
            next_emit++;
            if (rc < 0) goto out_threads;
            double t = now_sec();
            if (o->on_progress && t - last_progress >= 1.0) {
                st->seconds = t - t0;
                o->on_progress(o->ctx, st, 0);
                last_progress = t;
            }
        }
    }

out_threads:
    pthread_mutex_lock(&r.mu);
    r.quit = 1;
    pthread_cond_broadcast(&r.cv);
    pthread_mutex_unlock(&r.mu);
    for (int i = 0; i < nstarted; i++) {
        pthread_join(ws[i].tid, NULL);
        dy_intern_free(&ws[i].lex);
    }
    free(ws);
    if (rc < 0) goto out_db;
    if (o->out && fflush(o->out) != 0 && rc == DY_OK) { rc = DY_EIO; snprintf(errmsg, esz, "write error on output"); }
out_db:
    if (in.rd) dy_reader_close(&in.rd);
    if (db && dy_store_close(&db) < 0 && rc == DY_OK) { rc = DY_EDB; snprintf(errmsg, esz, "database: commit failed"); }
out_slots:
    for (int i = 0; i < r.nslots; i++) {
        dy_arena_free(&r.slots[i].arena);
        dy_buf_free(&r.slots[i].out);
    }
    free(r.slots);
out:
    pthread_mutex_destroy(&r.mu);
    pthread_cond_destroy(&r.cv);
    st->seconds = now_sec() - t0;
    if (o->on_progress && rc == DY_OK) o->on_progress(o->ctx, st, 1);
    return rc;
}
