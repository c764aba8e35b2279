/* emit.c — JSON Lines, TSV and GDELT 2.0 event formatting (see emit.h). */
#include "emit.h"
#include "cameo.h"
#include "claims.h"
#include <string.h>

int dy_sink_parse(const char *name)
{
    if (!strcmp(name, "jsonl") || !strcmp(name, "json")) return DY_OUT_JSONL;
    if (!strcmp(name, "tsv") || !strcmp(name, "petrarch")) return DY_OUT_TSV;
    if (!strcmp(name, "gdelt")) return DY_OUT_GDELT;
    if (!strcmp(name, "claims")) return DY_OUT_CLAIMS;
    return -1;
}

/* Original-text offset of norm offset o. */
static uint32_t orig(const dy_doc *doc, uint32_t o)
{
    if (!doc->text.map) return o;
    if (o > doc->text.norm_len) o = doc->text.norm_len;
    return doc->text.map[o];
}

static void span_text(const dy_doc *doc, uint32_t off, uint32_t len, const char **s, size_t *n)
{
    uint32_t a = orig(doc, off), z = orig(doc, off + len);
    if (z > doc->article->text_len) z = (uint32_t)doc->article->text_len;
    if (a > z) a = z;
    *s = doc->article->text + a;
    *n = z - a;
}

void dy_emit_event_id(dy_buf *b, const dy_doc *doc, const dy_event *e)
{
    dy_buf_puts(b, doc->article->id);
    dy_buf_printf(b, ":%u:%u", e->sentence, e->index);
}

static void json_actor(dy_buf *b, const dy_doc *doc, const dy_actor *a)
{
    if (!a->code[0]) { dy_buf_puts(b, "null"); return; }
    dy_buf_puts(b, "{\"code\":");
    dy_buf_json_str(b, a->code, strlen(a->code));
    dy_buf_puts(b, ",\"country\":");
    if (a->country[0]) dy_buf_json_str(b, a->country, strlen(a->country));
    else dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"text\":");
    if (a->len) {
        const char *s; size_t n;
        span_text(doc, a->off, a->len, &s, &n);
        dy_buf_json_str(b, s, n);
    } else dy_buf_puts(b, "null");
    dy_buf_putc(b, '}');
}

static void json_span(dy_buf *b, const dy_doc *doc, uint32_t off, uint32_t len)
{
    if (!len) { dy_buf_puts(b, "null"); return; }
    dy_buf_printf(b, "[%u,%u]", orig(doc, off), orig(doc, off + len));
}

static void json_opt_str(dy_buf *b, const char *s)
{
    if (s && *s) dy_buf_json_str(b, s, strlen(s));
    else dy_buf_puts(b, "null");
}

static void json_quantity(dy_buf *b, const dy_doc *doc, const dy_quantity *q)
{
    dy_buf_puts(b, "{\"value\":");
    if (q->has_value) dy_buf_num(b, q->value); else dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"low\":");
    if (q->has_low) dy_buf_num(b, q->low); else dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"high\":");
    if (q->has_high) dy_buf_num(b, q->high); else dy_buf_puts(b, "null");
    dy_buf_puts(b, q->approx ? ",\"approx\":true,\"unit\":" : ",\"approx\":false,\"unit\":");
    json_opt_str(b, q->unit);
    dy_buf_puts(b, ",\"role\":");
    json_opt_str(b, q->role);
    dy_buf_puts(b, ",\"text\":");
    const char *s; size_t n;
    span_text(doc, q->off, q->len, &s, &n);
    dy_buf_json_str(b, s, n);
    dy_buf_putc(b, '}');
}

void dy_emit_quantities_json(dy_buf *b, const dy_doc *doc, const dy_event *e)
{
    dy_buf_putc(b, '[');
    for (uint32_t i = 0; e->quants && i < e->nquants; i++) {
        if (i) dy_buf_putc(b, ',');
        json_quantity(b, doc, &e->quants[i]);
    }
    dy_buf_putc(b, ']');
}

static void json_event(dy_buf *b, const dy_doc *doc, const dy_event *e)
{
    const dy_article *art = doc->article;
    const dy_sentence *snt = &doc->sents[e->sentence];
    dy_buf_puts(b, "{\"event_id\":\"");
    dy_buf_json_body(b, art->id, strlen(art->id));
    dy_buf_printf(b, ":%u:%u\"", e->sentence, e->index);
    dy_buf_puts(b, ",\"article_id\":");
    dy_buf_json_str(b, art->id, strlen(art->id));
    dy_buf_printf(b, ",\"sentence_index\":%u,\"sentence\":", e->sentence);
    {
        const char *s; size_t n;
        span_text(doc, snt->start, snt->end - snt->start, &s, &n);
        dy_buf_json_str(b, s, n);
    }
    dy_buf_puts(b, ",\"date\":");
    json_opt_str(b, e->date[0] ? e->date : art->date);
    dy_buf_puts(b, ",\"date_precision\":");
    json_opt_str(b, e->date[0] ? dy_date_prec_name(e->date_prec) : (art->date[0] ? "day" : NULL));
    dy_buf_puts(b, ",\"source\":");
    json_actor(b, doc, &e->source);
    dy_buf_puts(b, ",\"target\":");
    json_actor(b, doc, &e->target);
    dy_buf_puts(b, ",\"cameo\":");
    json_opt_str(b, e->cameo);
    dy_buf_puts(b, ",\"root\":");
    json_opt_str(b, e->root);
    dy_buf_puts(b, ",\"quad_class\":");
    if (e->quad_class) dy_buf_printf(b, "%d", e->quad_class); else dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"goldstein\":");
    if (e->has_goldstein) dy_buf_num(b, e->goldstein); else dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"plover\":");
    if (e->plover_event) {
        dy_buf_puts(b, "{\"event\":");
        json_opt_str(b, e->plover_event);
        dy_buf_puts(b, ",\"mode\":");
        json_opt_str(b, e->plover_mode);
        dy_buf_putc(b, '}');
    } else dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"attribution\":");
    json_actor(b, doc, &e->attribution);
    dy_buf_puts(b, ",\"status\":");
    json_opt_str(b, dy_status_name(e->status));
    dy_buf_puts(b, ",\"quantities\":");
    dy_emit_quantities_json(b, doc, e);
    dy_buf_puts(b, ",\"location\":");
    if (e->loc.name) {
        dy_buf_puts(b, "{\"name\":");
        json_opt_str(b, e->loc.name);
        dy_buf_puts(b, ",\"country\":");
        json_opt_str(b, e->loc.country);
        dy_buf_puts(b, ",\"admin1\":");
        json_opt_str(b, e->loc.admin1);
        if (e->loc.has_coords) {
            dy_buf_puts(b, ",\"lat\":");
            dy_buf_num(b, e->loc.lat);
            dy_buf_puts(b, ",\"lon\":");
            dy_buf_num(b, e->loc.lon);
        } else dy_buf_puts(b, ",\"lat\":null,\"lon\":null");
        dy_buf_putc(b, '}');
    } else dy_buf_puts(b, "null");
    dy_buf_puts(b, ",\"issues\":");
    json_opt_str(b, e->issues);
    dy_buf_puts(b, ",\"spans\":{\"source\":");
    json_span(b, doc, e->source.off, e->source.len);
    dy_buf_puts(b, ",\"verb\":");
    json_span(b, doc, e->verb_off, e->verb_len);
    dy_buf_puts(b, ",\"target\":");
    json_span(b, doc, e->target.off, e->target.len);
    dy_buf_puts(b, "},\"cluster_id\":");
    json_opt_str(b, e->cluster_id);
    dy_buf_puts(b, "}\n");
}

void dy_emit_jsonl(dy_buf *b, const dy_doc *doc)
{
    for (uint32_t i = 0; i < doc->nevents; i++) json_event(b, doc, &doc->events[i]);
}

void dy_emit_header(dy_buf *b, dy_sink_fmt fmt)
{
    if (fmt == DY_OUT_TSV)
        dy_buf_puts(b, "date\tsource\ttarget\tcameo\tevent_id\tsource_outlet\turl\tgoldstein\tquad_class\tstatus\tattribution\tissues\n");
}

static void tsv_date(dy_buf *b, const char *date)
{
    /* PETRARCH writes YYYYMMDD */
    for (const char *p = date; *p; p++) if (*p != '-') dy_buf_putc(b, *p);
}

void dy_emit_tsv(dy_buf *b, const dy_doc *doc)
{
    const dy_article *art = doc->article;
    for (uint32_t i = 0; i < doc->nevents; i++) {
        const dy_event *e = &doc->events[i];
        tsv_date(b, e->date[0] ? e->date : art->date);
        dy_buf_putc(b, '\t');
        dy_buf_puts(b, e->source.code);
        dy_buf_putc(b, '\t');
        dy_buf_puts(b, e->target.code);
        dy_buf_putc(b, '\t');
        dy_buf_puts(b, e->cameo);
        dy_buf_putc(b, '\t');
        dy_buf_tsv_cell(b, art->id, strlen(art->id));
        dy_buf_printf(b, ":%u:%u\t", e->sentence, e->index);
        dy_buf_tsv_cell(b, art->source, strlen(art->source));
        dy_buf_putc(b, '\t');
        dy_buf_tsv_cell(b, art->url, strlen(art->url));
        dy_buf_putc(b, '\t');
        if (e->has_goldstein) dy_buf_num(b, e->goldstein);
        dy_buf_putc(b, '\t');
        if (e->quad_class) dy_buf_printf(b, "%d", e->quad_class);
        dy_buf_putc(b, '\t');
        dy_buf_puts(b, dy_status_name(e->status));
        dy_buf_putc(b, '\t');
        dy_buf_puts(b, e->attribution.code);
        dy_buf_putc(b, '\t');
        if (e->issues) dy_buf_tsv_cell(b, e->issues, strlen(e->issues));
        dy_buf_putc(b, '\n');
    }
}

static int days_before_month(int y, int m)
{
    static const int cum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return cum[m - 1] + (m > 2 ? leap : 0);
}

/* Actor's 10 GDELT columns: Code Name CountryCode KnownGroup Ethnic Rel1 Rel2 Type1 Type2 Type3 */
static void gdelt_actor(dy_buf *b, const dy_doc *doc, const dy_actor *a)
{
    if (!a->code[0]) { dy_buf_puts(b, "\t\t\t\t\t\t\t\t\t\t"); return; }
    dy_buf_puts(b, a->code);
    dy_buf_putc(b, '\t');
    if (a->len) {
        const char *s; size_t n;
        span_text(doc, a->off, a->len, &s, &n);
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (c >= 'a' && c <= 'z') c = (char)(c - 32);
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
            dy_buf_putc(b, c);
        }
    }
    dy_buf_putc(b, '\t');
    dy_buf_puts(b, a->country);
    dy_buf_puts(b, "\t\t\t\t\t");
    /* Type1: the first 3-letter role after the country prefix, e.g. KORMIL -> MIL */
    size_t cl = strlen(a->country), n = strlen(a->code);
    if (cl && n >= cl + 3) dy_buf_put(b, a->code + cl, 3);
    else if (!cl && n == 3) dy_buf_put(b, a->code, 3);
    dy_buf_puts(b, "\t\t\t");
}

void dy_emit_gdelt(dy_buf *b, const dy_doc *doc, unsigned long long *seq)
{
    const dy_article *art = doc->article;
    for (uint32_t i = 0; i < doc->nevents; i++) {
        const dy_event *e = &doc->events[i];
        int y = art->year, m = art->month, d = art->day;
        if (e->date[0] && strlen(e->date) == 10) {
            y = (e->date[0] - '0') * 1000 + (e->date[1] - '0') * 100 + (e->date[2] - '0') * 10 + (e->date[3] - '0');
            m = (e->date[5] - '0') * 10 + (e->date[6] - '0');
            d = (e->date[8] - '0') * 10 + (e->date[9] - '0');
        }
        dy_buf_printf(b, "%llu\t", ++*seq);
        if (y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
            double frac = (days_before_month(y, m) + d) / 365.0;
            dy_buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y, y + frac);
        } else dy_buf_puts(b, "\t\t\t\t");
        gdelt_actor(b, doc, &e->source);
        gdelt_actor(b, doc, &e->target);
        /* IsRootEvent: first event of the article's first sentence */
        dy_buf_puts(b, e->sentence == 0 ? "1\t" : "0\t");
        dy_buf_puts(b, e->cameo);
        dy_buf_putc(b, '\t');
        dy_buf_put(b, e->cameo, strlen(e->cameo) > 3 ? 3 : strlen(e->cameo));
        dy_buf_putc(b, '\t');
        dy_buf_puts(b, e->root);
        dy_buf_putc(b, '\t');
        if (e->quad_class) dy_buf_printf(b, "%d", e->quad_class);
        dy_buf_putc(b, '\t');
        if (e->has_goldstein) dy_buf_num(b, e->goldstein);
        /* NumMentions NumSources NumArticles (from the event's cluster when
         * known, else this one report) and AvgTone (not computed) */
        dy_buf_printf(b, "\t%u\t%u\t%u\t\t", e->num_mentions ? e->num_mentions : 1,
                      e->num_sources ? e->num_sources : 1, e->num_articles ? e->num_articles : 1);
        /* Actor1Geo_* and Actor2Geo_*: 8 empty columns each */
        dy_buf_puts(b, "\t\t\t\t\t\t\t\t");
        dy_buf_puts(b, "\t\t\t\t\t\t\t\t");
        /* ActionGeo_Type FullName CountryCode ADM1 ADM2 Lat Long FeatureID */
        if (e->loc.name) {
            dy_buf_puts(b, e->loc.admin1 ? "4\t" : "1\t");
            dy_buf_tsv_cell(b, e->loc.name, strlen(e->loc.name));
            dy_buf_putc(b, '\t');
            dy_buf_puts(b, e->loc.country);
            dy_buf_putc(b, '\t');
            if (e->loc.admin1) dy_buf_puts(b, e->loc.admin1);
            dy_buf_puts(b, "\t\t");
            if (e->loc.has_coords) { dy_buf_num(b, e->loc.lat); dy_buf_putc(b, '\t'); dy_buf_num(b, e->loc.lon); }
            else dy_buf_putc(b, '\t');
            dy_buf_puts(b, "\t\t");
        } else dy_buf_puts(b, "\t\t\t\t\t\t\t\t");
        /* DATEADDED SOURCEURL */
        if (y > 0) dy_buf_printf(b, "%04d%02d%02d000000", y, m, d);
        dy_buf_putc(b, '\t');
        dy_buf_tsv_cell(b, art->url, strlen(art->url));
        dy_buf_putc(b, '\n');
    }
}

void dy_emit_doc(dy_buf *b, dy_sink_fmt fmt, const dy_doc *doc, unsigned long long *seq)
{
    switch (fmt) {
    case DY_OUT_JSONL: dy_emit_jsonl(b, doc); break;
    case DY_OUT_TSV: dy_emit_tsv(b, doc); break;
    case DY_OUT_GDELT: dy_emit_gdelt(b, doc, seq); break;
    /* without the enrichment context: no gazetteer fallback for codes */
    case DY_OUT_CLAIMS: (void)dy_claims_emit_doc(b, NULL, doc, NULL); break;
    }
}
