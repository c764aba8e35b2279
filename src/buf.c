/* buf.c — growable output buffer with JSON and TSV escaping (see buf.h). */
#include "buf.h"
#include "dyad.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void dy_buf_init(dy_buf *b) { memset(b, 0, sizeof *b); }
void dy_buf_clear(dy_buf *b) { b->len = 0; b->failed = 0; }
void dy_buf_free(dy_buf *b) { free(b->data); dy_buf_init(b); }
int dy_buf_ok(const dy_buf *b) { return !b->failed; }

static int reserve(dy_buf *b, size_t extra)
{
    if (b->failed) return 0;
    if (extra <= b->cap - b->len) return 1;
    if (extra > SIZE_MAX / 2 - b->len) { b->failed = 1; return 0; }
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) { b->failed = 1; return 0; }
    b->data = p;
    b->cap = cap;
    return 1;
}

void dy_buf_put(dy_buf *b, const char *s, size_t n)
{
    if (!n || !reserve(b, n)) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void dy_buf_puts(dy_buf *b, const char *s) { dy_buf_put(b, s, strlen(s)); }

void dy_buf_putc(dy_buf *b, char c)
{
    if (!reserve(b, 1)) return;
    b->data[b->len++] = c;
}

void dy_buf_printf(dy_buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) { b->failed = 1; return; }
    if ((size_t)n < sizeof tmp) { dy_buf_put(b, tmp, (size_t)n); return; }
    if (!reserve(b, (size_t)n + 1)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;
        if (c == 0xED && s[1] >= 0xA0) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;
        if (c == 0xF4 && s[1] >= 0x90) return 0;
        return 4;
    }
    return 0;
}

void dy_buf_json_str(dy_buf *b, const char *str, size_t n)
{
    if (!reserve(b, n + 2)) return;
    dy_buf_putc(b, '"');
    dy_buf_json_body(b, str, n);
    dy_buf_putc(b, '"');
}

void dy_buf_json_body(dy_buf *b, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\') run++;
        if (run > i) { dy_buf_put(b, (const char *)s + i, run - i); i = run; continue; }
        unsigned c = s[i];
        if (c == '"') { dy_buf_put(b, "\\\"", 2); i++; }
        else if (c == '\\') { dy_buf_put(b, "\\\\", 2); i++; }
        else if (c == '\n') { dy_buf_put(b, "\\n", 2); i++; }
        else if (c == '\r') { dy_buf_put(b, "\\r", 2); i++; }
        else if (c == '\t') { dy_buf_put(b, "\\t", 2); i++; }
        else if (c < 0x20) {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            dy_buf_put(b, e, 6);
            i++;
        } else {
            size_t l = utf8_len(s + i, n - i);
            if (l) { dy_buf_put(b, (const char *)s + i, l); i += l; }
            else { dy_buf_put(b, "\xEF\xBF\xBD", 3); i++; }
        }
    }
}

void dy_buf_tsv_cell(dy_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n)) return;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        b->data[b->len++] = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
}

void dy_buf_num(dy_buf *b, double v)
{
    char tmp[64];
    int n = snprintf(tmp, sizeof tmp, "%.6f", v);
    if (n <= 0) { b->failed = 1; return; }
    while (n > 1 && tmp[n - 1] == '0') n--;
    if (tmp[n - 1] == '.') n--;
    if (n == 2 && tmp[0] == '-' && tmp[1] == '0') { tmp[0] = '0'; n = 1; }
    dy_buf_put(b, tmp, (size_t)n);
}

int dy_buf_write(const dy_buf *b, FILE *f)
{
    if (b->failed) return DY_ENOMEM;
    if (b->len && fwrite(b->data, 1, b->len, f) != b->len) return DY_EIO;
    return DY_OK;
}
