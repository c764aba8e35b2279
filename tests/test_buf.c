/* test_buf.c — unit tests for the output buffer and its escaping (src/buf.c). */
#include "buf.h"
#include "harness.h"

static const char *as_str(dy_buf *b)
{
    dy_buf_putc(b, '\0');
    b->len--;
    return b->data;
}

TEST(json_escaping)
{
    dy_buf b;
    dy_buf_init(&b);
    dy_buf_json_str(&b, "a\"b\\c\nd\te\x01", 10);
    CHECK_STR(as_str(&b), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    dy_buf_clear(&b);
    dy_buf_json_str(&b, "Bogot\xc3\xa1", 7);
    CHECK_STR(as_str(&b), "\"Bogot\xc3\xa1\"");
    dy_buf_clear(&b);
    dy_buf_json_str(&b, "x\xff" "y\xc3", 4);  /* invalid bytes -> U+FFFD */
    CHECK_STR(as_str(&b), "\"x\xef\xbf\xbdy\xef\xbf\xbd\"");
    dy_buf_clear(&b);
    dy_buf_json_str(&b, "\xed\xa0\x80", 3);   /* surrogate encoded in UTF-8 is invalid */
    CHECK_STR(as_str(&b), "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
    dy_buf_free(&b);
}

TEST(numbers)
{
    dy_buf b;
    dy_buf_init(&b);
    dy_buf_num(&b, -7.0); dy_buf_putc(&b, ' ');
    dy_buf_num(&b, 2.5); dy_buf_putc(&b, ' ');
    dy_buf_num(&b, 1400000); dy_buf_putc(&b, ' ');
    dy_buf_num(&b, -0.0); dy_buf_putc(&b, ' ');
    dy_buf_num(&b, 0.125);
    CHECK_STR(as_str(&b), "-7 2.5 1400000 0 0.125");
    dy_buf_free(&b);
}

TEST(tsv_cells_and_growth)
{
    dy_buf b;
    dy_buf_init(&b);
    dy_buf_tsv_cell(&b, "a\tb\nc\rd", 7);
    CHECK_STR(as_str(&b), "a b c d");
    dy_buf_clear(&b);
    for (int i = 0; i < 10000; i++) dy_buf_printf(&b, "%d,", i);
    CHECK(dy_buf_ok(&b));
    CHECK(b.len > 40000);
    dy_buf_clear(&b);
    char big[1000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = 0;
    dy_buf_printf(&b, "<%s>", big);
    CHECK_INT(b.len, 1001);
    dy_buf_free(&b);
}

int main(void)
{
    RUN(json_escaping);
    RUN(numbers);
    RUN(tsv_cells_and_growth);
    return harness_done();
}
