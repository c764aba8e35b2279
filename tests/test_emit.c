/* test_emit.c — golden checks of the JSON Lines, TSV and GDELT formatting
 * (src/emit.c) on a hand-built coded article. */
#include "emit.h"
#include "harness.h"

static const char TEXT[] = "North Korea has blown up roads, South Korea\xe2\x80\x99s military said.";

/* A doc whose cleaned text folded the curly apostrophe (3 bytes -> 1). */
static void make_doc(dy_doc *doc, dy_article *art, dy_event *ev, dy_sentence *snt,
                     char *norm, uint32_t *map)
{
    memset(doc, 0, sizeof *doc);
    memset(art, 0, sizeof *art);
    memset(ev, 0, sizeof *ev);
    art->id = "a\"17";
    art->date = "2024-10-15";
    art->source = "Wire";
    art->url = "http://x/1";
    art->title = "";
    art->text = TEXT;
    art->text_len = sizeof TEXT - 1;
    art->year = 2024; art->month = 10; art->day = 15;
    /* build norm + map */
    uint32_t n = 0;
    for (uint32_t i = 0; i < art->text_len; i++) {
        if ((unsigned char)TEXT[i] == 0xe2) { norm[n] = '\''; map[n++] = i; i += 2; continue; }
        norm[n] = TEXT[i];
        map[n++] = i;
    }
    norm[n] = 0;
    map[n] = (uint32_t)art->text_len;
    doc->article = art;
    doc->text.norm = norm;
    doc->text.norm_len = n;
    doc->text.map = map;
    snt->start = 0; snt->end = n; snt->tok_first = 0; snt->tok_count = 0;
    doc->sents = snt;
    doc->nsents = 1;
    strcpy(ev->source.code, "PRK"); strcpy(ev->source.country, "PRK");
    ev->source.off = 0; ev->source.len = 11;
    strcpy(ev->target.code, "KOR"); strcpy(ev->target.country, "KOR");
    ev->target.off = 32; ev->target.len = 11;
    strcpy(ev->attribution.code, "KORMIL"); strcpy(ev->attribution.country, "KOR");
    ev->attribution.off = 32; ev->attribution.len = 22;   /* "South Korea's military" in norm */
    strcpy(ev->cameo, "1712"); strcpy(ev->root, "17");
    ev->quad_class = 4; ev->goldstein = -9.5; ev->has_goldstein = 1;
    ev->plover_event = "COERCE"; ev->plover_mode = "destroy";
    ev->verb_off = 16; ev->verb_len = 8;
    ev->status = DY_ST_CLAIMED;
    doc->events = ev;
    doc->nevents = 1;
}

static char *cstr(dy_buf *b) { dy_buf_putc(b, 0); b->len--; return b->data; }

TEST(jsonl_contract)
{
    dy_doc doc; dy_article art; dy_event ev; dy_sentence snt; char norm[128]; uint32_t map[129];
    make_doc(&doc, &art, &ev, &snt, norm, map);
    dy_buf b; dy_buf_init(&b);
    dy_emit_jsonl(&b, &doc);
    const char *s = cstr(&b);
    CHECK(strstr(s, "{\"event_id\":\"a\\\"17:0:0\",\"article_id\":\"a\\\"17\",\"sentence_index\":0,") == s);
    CHECK(strstr(s, "\"source\":{\"code\":\"PRK\",\"country\":\"PRK\",\"text\":\"North Korea\"}") != NULL);
    /* the attribution text comes from the original bytes, curly apostrophe intact */
    CHECK(strstr(s, "\"text\":\"South Korea\xe2\x80\x99s military\"") != NULL);
    CHECK(strstr(s, "\"cameo\":\"1712\",\"root\":\"17\",\"quad_class\":4,\"goldstein\":-9.5") != NULL);
    CHECK(strstr(s, "\"plover\":{\"event\":\"COERCE\",\"mode\":\"destroy\"}") != NULL);
    CHECK(strstr(s, "\"status\":\"claimed\"") != NULL);
    CHECK(strstr(s, "\"location\":null") != NULL);
    /* target "South Korea" at norm 32..43 maps to original 32..43; verb 16..24 */
    CHECK(strstr(s, "\"spans\":{\"source\":[0,11],\"verb\":[16,24],\"target\":[32,43]}") != NULL);
    CHECK(strstr(s, "\"cluster_id\":null}\n") != NULL);
    CHECK(s[strlen(s) - 1] == '\n');
    dy_buf_free(&b);
}

TEST(tsv_and_gdelt_columns)
{
    dy_doc doc; dy_article art; dy_event ev; dy_sentence snt; char norm[128]; uint32_t map[129];
    make_doc(&doc, &art, &ev, &snt, norm, map);
    dy_buf b; dy_buf_init(&b);
    dy_emit_tsv(&b, &doc);
    CHECK_STR(cstr(&b), "20241015\tPRK\tKOR\t1712\ta\"17:0:0\tWire\thttp://x/1\t-9.5\t4\tclaimed\tKORMIL\t\n");
    dy_buf_clear(&b);
    unsigned long long seq = 0;
    dy_emit_gdelt(&b, &doc, &seq);
    const char *s = cstr(&b);
    int tabs = 0;
    for (const char *p = s; *p; p++) tabs += *p == '\t';
    CHECK_INT(tabs, 60);   /* 61 columns */
    CHECK(strncmp(s, "1\t20241015\t202410\t2024\t", 23) == 0);
    CHECK(strstr(s, "\tPRK\tNORTH KOREA\tPRK\t") != NULL);
    CHECK(strstr(s, "\t1712\t171\t17\t4\t-9.5\t1\t1\t1\t") != NULL);
    CHECK_INT(seq, 1);
    dy_buf_free(&b);
}

TEST(no_events_no_output)
{
    dy_doc doc; dy_article art; dy_event ev; dy_sentence snt; char norm[128]; uint32_t map[129];
    make_doc(&doc, &art, &ev, &snt, norm, map);
    doc.nevents = 0;
    dy_buf b; dy_buf_init(&b);
    dy_emit_doc(&b, DY_OUT_JSONL, &doc, NULL);
    dy_emit_doc(&b, DY_OUT_TSV, &doc, NULL);
    CHECK_INT(b.len, 0);
    CHECK_INT(dy_sink_parse("gdelt"), DY_OUT_GDELT);
    CHECK_INT(dy_sink_parse("xml"), -1);
    dy_buf_free(&b);
}

int main(void)
{
    RUN(jsonl_contract);
    RUN(tsv_and_gdelt_columns);
    RUN(no_events_no_output);
    return harness_done();
}
