/* serve.h — the local web server behind `dyad serve`: a read-only JSON API
 * over a dyad SQLite database (events, timeline, dyad trend, actors,
 * network, one event, CAMEO code labels) and the static page in web/.
 *
 * The server runs on libmicrohttpd's internal thread pool; each request
 * borrows one read-only SQLite connection from a small pool owned by the
 * server handle (no global state). The database may be written by
 * `dyad code --db` at the same time (WAL; readers wait on a busy timeout).
 * Every SQL statement is prepared with bound parameters. */
#ifndef DY_SERVE_H
#define DY_SERVE_H
#include <stddef.h>

typedef struct dy_serve dy_serve;

typedef struct dy_serve_opts {
    const char *db_path;   /* required: an existing dyad database */
    const char *web_root;  /* folder holding index.html, app.js, style.css;
                              NULL = API only (the page routes answer 404) */
    const char *host;      /* numeric IPv4 or IPv6 address; NULL = "127.0.0.1" */
    unsigned port;         /* 0 = any free port (see dy_serve_port) */
    unsigned threads;      /* worker threads = SQLite connections; 0 = 4 */
} dy_serve_opts;

/* Open the database read-only, check that it is a dyad database, bind and
 * start serving in background threads. On error returns DY_EDB (database),
 * DY_EIO (cannot bind/listen), DY_EINVAL (bad options) or DY_ENOMEM, and
 * writes a message to err (err_size bytes) when err is not NULL.
 * Caller stops and frees with dy_serve_stop(). */
int dy_serve_start(dy_serve **s, const dy_serve_opts *opts, char *err, size_t err_size);

/* The port actually bound (useful with opts.port = 0). */
unsigned dy_serve_port(const dy_serve *s);

/* Stop accepting, finish the requests in flight, close the database
 * connections, free the handle and set *s to NULL. NULL-safe. */
void dy_serve_stop(dy_serve **s);

/* Validate a calendar date "YYYY-MM-DD" (years 0001..9999, real month
 * lengths, leap years). Returns 1 when valid, 0 otherwise. */
int dy_serve_valid_date(const char *s);

#endif
