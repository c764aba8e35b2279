/* ingest.h — readers that turn input files into dy_article records, one at a
 * time, streaming (memory bounded by the largest record). Formats: JSON Lines
 * ({"id","date","source","url","title","text"}), plain text (one article per
 * file, id = file name), PETRARCH XML <Sentence> records, TABARI text records
 * ("YYMMDD id" line, text, blank line). A bad record is reported through
 * dy_ingest_err with origin:line and a reason, and reading goes on. */
#ifndef DY_INGEST_H
#define DY_INGEST_H
#include <stdint.h>
#include "arena.h"
#include "doc.h"

typedef enum dy_format {
    DY_FMT_AUTO = 0, DY_FMT_JSONL, DY_FMT_TEXT, DY_FMT_PETRXML, DY_FMT_TABARI
} dy_format;

typedef struct dy_ingest_err {
    const char *origin;    /* file name or "-"; borrowed: the path passed to
                              dy_reader_open, or the reader's own copy (valid
                              until dy_reader_close) */
    uint64_t line;         /* 1-based line, 0 when not known */
    char msg[256];         /* one line, no trailing newline */
} dy_ingest_err;

typedef struct dy_reader dy_reader;

typedef struct dy_reader_opts {
    dy_format format;          /* DY_FMT_AUTO: detect from name and content */
    const char *default_date;  /* "YYYY-MM-DD" for inputs without dates, or NULL */
    size_t max_record;         /* bytes; 0 = DY_MAX_ARTICLE */
} dy_reader_opts;

/* Open path ("-" or NULL = stdin). On failure returns a negative code and
 * fills err (e.g. "cannot open: No such file or directory").
 * Caller closes with dy_reader_close(). */
int dy_reader_open(dy_reader **r, const char *path, const dy_reader_opts *opts, dy_ingest_err *err);
/* Next record into *out, strings allocated from a (the arena may hold
 * several articles at once: nothing is freed between calls).
 * Records without an id get "<base name>:<line>" ("stdin:<line>" on stdin);
 * text files get their base name. Dates are normalised to "YYYY-MM-DD";
 * a record without one gets opts->default_date (or ""). Blank JSONL lines
 * are skipped silently; a BOM at the start and CRs before LFs are ignored.
 * Returns 0 for an article, DY_EEOF at the end, or a negative code for a
 * rejected record (err filled; call again to go on). A fatal read error
 * returns DY_EIO and every later call returns DY_EEOF. */
int dy_reader_next(dy_reader *r, dy_arena *a, dy_article *out, dy_ingest_err *err);
/* The format in use (after detection). */
dy_format dy_reader_format(const dy_reader *r);
void dy_reader_close(dy_reader **r);

/* Guess the format of the first n bytes of an input (BOM and leading
 * space skipped): '{' -> JSONL, '<' -> PETRARCH XML, a first non-blank,
 * non-'#' line like "950101 ID" -> TABARI, anything else -> text. */
dy_format dy_format_sniff(const void *buf, size_t n);

/* "jsonl", "text", "petrarch-xml", "tabari", "auto"; parse returns DY_FMT_AUTO for "auto", -1 if unknown. */
const char *dy_format_name(dy_format f);
int dy_format_parse(const char *name);

/* Parse "YYYY-MM-DD" (also "YYYYMMDD", "YYMMDD" with 2-digit years pivoting at
 * 1950/2049, and ISO 8601 datetimes, whose date part is used). Returns 0 and
 * sets *y,*m,*d, or DY_EPARSE. */
int dy_date_parse(const char *s, size_t n, int *y, int *m, int *d);

#endif
