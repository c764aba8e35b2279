/* store.h — the SQLite event store: articles, sentences, events (every
 * contract field) and actors. Writes go in batched transactions with
 * prepared statements, in WAL mode, so a killed run leaves the database
 * consistent and can be re-run. Re-storing an article with the same id
 * replaces its rows (same content hash: rows are rewritten, never doubled). */
#ifndef DY_STORE_H
#define DY_STORE_H
#include <stdio.h>
#include "arena.h"
#include "doc.h"
#include "event.h"

typedef struct dy_store dy_store;

/* Open or create path. readonly != 0 opens an existing database read-only.
 * On error returns DY_EDB and, if errmsg is not NULL, writes a message there
 * (errmsg_size bytes). Caller closes with dy_store_close(). */
int dy_store_open(dy_store **s, const char *path, int readonly, char *errmsg, size_t errmsg_size);
/* Store one coded article (its sentences and events). Batched: rows are
 * committed every batch_size articles and at dy_store_flush()/close. An
 * article whose rows fail to insert leaves none behind (savepoint). Spans are
 * stored as offsets into the article text as ingested (via doc->text.map);
 * a missing QuadClass/Goldstein/PLOVER is filled from the CAMEO table.
 * DY_EINVAL on a read-only store. */
int dy_store_put(dy_store *s, const dy_doc *doc);
/* The same, and when a is not NULL each clustered event's cluster_id is set
 * (a copy in arena a) so that text output written afterwards carries it. */
int dy_store_put_ex(dy_store *s, const dy_doc *doc, dy_arena *a);
/* Event clustering at put (default on): each event that can be clustered
 * (see cluster.h) joins the stored cluster reporting the same event, or
 * starts one, in the article's transaction; its cluster_id ("c42") is
 * stored with the event, and the cluster's counts (mentions, articles,
 * outlets, independent articles), best date, best place and merged status
 * are updated. Near-duplicate articles (simhash) are marked in
 * articles.dup_of. Off: no cluster ids, no simhash. Applies from the next put. */
int dy_store_set_cluster(dy_store *s, int on);
/* Articles per transaction (default 500; n >= 1). Applies from the next put. */
int dy_store_set_batch_size(dy_store *s, int n);
int dy_store_flush(dy_store *s);
/* Commit what is pending and close. */
int dy_store_close(dy_store **s);
/* Print article/sentence/event counts, events per root and status, date
 * range, top actors. */
int dy_store_stats(dy_store *s, FILE *out);
/* What dy_store_clusters lists. */
typedef struct dy_cluster_query {
    int table;              /* 0: JSON Lines (one cluster per line, with its
                             * mentions as evidence); 1: a text table */
    int min_mentions;       /* clusters with at least this many mentions */
    const char *from, *to;  /* cluster dates in [from, to] ("YYYY-MM-DD");
                             * NULL = open */
    long limit;             /* at most this many clusters; <= 0 = all */
} dy_cluster_query;

/* Write the stored clusters, ordered by date, with their evidence: each
 * member mention (event id, article, outlet, sentence, CAMEO code, status,
 * attribution, quantities as that report gave them — conflicting figures
 * are listed per outlet, never averaged). DY_ENOTFOUND when the database
 * has no cluster tables (made by an older dyad). */
int dy_store_clusters(dy_store *s, const dy_cluster_query *q, FILE *out);
/* The counts of stored cluster cluster_id ("c42"), e.g. for GDELT's
 * NumMentions / NumSources / NumArticles. DY_ENOTFOUND when there is no
 * such cluster. Works on read-only and writing stores (a writer sees its
 * own pending batch). */
int dy_store_cluster_counts(dy_store *s, const char *cluster_id, long *num_mentions,
                            long *num_sources, long *num_articles);
/* Last SQLite error message (borrowed). */
const char *dy_store_errmsg(const dy_store *s);

#endif
