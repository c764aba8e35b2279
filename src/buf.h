/* buf.h — growable byte buffer for building output records (JSON, TSV)
 * before one fwrite. Heap-backed and reused across records: dy_buf_clear
 * keeps the capacity. On allocation failure the buffer latches an error flag
 * and further appends are ignored; check dy_buf_ok() once per record. */
#ifndef DY_BUF_H
#define DY_BUF_H
#include <stddef.h>
#include <stdio.h>

typedef struct dy_buf {
    char *data;
    size_t len, cap;
    int failed;
} dy_buf;

void dy_buf_init(dy_buf *b);
void dy_buf_clear(dy_buf *b);
void dy_buf_free(dy_buf *b);
int dy_buf_ok(const dy_buf *b);
void dy_buf_put(dy_buf *b, const char *s, size_t n);
void dy_buf_puts(dy_buf *b, const char *s);
void dy_buf_putc(dy_buf *b, char c);
void dy_buf_printf(dy_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s[0..n) as a JSON string literal with quotes; invalid UTF-8 bytes become U+FFFD. */
void dy_buf_json_str(dy_buf *b, const char *s, size_t n);
/* The same escaping without the surrounding quotes. */
void dy_buf_json_body(dy_buf *b, const char *s, size_t n);
/* s[0..n) with tabs/newlines/CR replaced by spaces (for TSV cells). */
void dy_buf_tsv_cell(dy_buf *b, const char *s, size_t n);
/* A double without trailing zeros ("-7", "2.5"). */
void dy_buf_num(dy_buf *b, double v);
/* Write the buffer to f; DY_EIO on short write. */
int dy_buf_write(const dy_buf *b, FILE *f);

#endif
