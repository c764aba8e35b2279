/* emit.h — event sinks that write text: JSON Lines (the output contract in
 * DESIGN.md), PETRARCH-style TSV, and GDELT 2.0 event export (61 columns).
 * Each call formats every event of one coded article into b (appending);
 * the caller writes b out. Spans are mapped to original-text byte offsets. */
#ifndef DY_EMIT_H
#define DY_EMIT_H
#include "buf.h"
#include "doc.h"
#include "event.h"

typedef enum dy_sink_fmt { DY_OUT_JSONL = 1, DY_OUT_TSV, DY_OUT_GDELT, DY_OUT_CLAIMS } dy_sink_fmt;

/* "jsonl" "tsv" "gdelt" "claims" -> format, or -1. DY_OUT_CLAIMS writes one
 * reporting frame a line (claims.h), not events. */
int dy_sink_parse(const char *name);

void dy_emit_jsonl(dy_buf *b, const dy_doc *doc);
void dy_emit_tsv(dy_buf *b, const dy_doc *doc);
/* GDELT 2.0 events; seq is the running GlobalEventID base, advanced per event. */
void dy_emit_gdelt(dy_buf *b, const dy_doc *doc, unsigned long long *seq);
void dy_emit_doc(dy_buf *b, dy_sink_fmt fmt, const dy_doc *doc, unsigned long long *seq);
/* Header line for formats that have one (TSV), else nothing. */
void dy_emit_header(dy_buf *b, dy_sink_fmt fmt);

/* The event's quantities as the contract's JSON array (also stored in SQLite). */
void dy_emit_quantities_json(dy_buf *b, const dy_doc *doc, const dy_event *e);

/* The event id "article:sentence:n" into b (no quoting). */
void dy_emit_event_id(dy_buf *b, const dy_doc *doc, const dy_event *e);

#endif
