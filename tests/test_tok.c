/* test_tok.c — unit tests for the tokenizer (src/tok.c). Each case renders
 * the tokens as "text/KIND+flags" joined by spaces and compares with the
 * expected string. Kinds: W word, N number, P possessive, U punctuation,
 * Q quote, D dash, S symbol. Flags: c CAP, A ALLCAP, h HYPHEN, a ABBR,
 * s NUM_SEP. */
#include "harness.h"
#include "tok.h"
#include "dyad.h"
#include <stdlib.h>

static dy_intern *lex;
static dy_arena *arena;

static int tokenize(const char *text, dy_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->text.norm = text;
    doc->text.norm_len = (uint32_t)strlen(text);
    dy_arena_reset(arena);
    return dy_tokenize(doc, lex, arena);
}

static char out[8192];

static const char *render(const char *text)
{
    dy_doc doc;
    out[0] = '\0';
    if (tokenize(text, &doc) != 0) return "(error)";
    size_t o = 0;
    for (uint32_t i = 0; i < doc.ntoks; i++) {
        const dy_token *t = &doc.toks[i];
        static const char kinds[] = "?WNPUQDS";
        char fl[8];
        int f = 0;
        if (t->flags & DY_TF_CAP) fl[f++] = 'c';
        if (t->flags & DY_TF_ALLCAP) fl[f++] = 'A';
        if (t->flags & DY_TF_HYPHEN) fl[f++] = 'h';
        if (t->flags & DY_TF_ABBR) fl[f++] = 'a';
        if (t->flags & DY_TF_NUM_SEP) fl[f++] = 's';
        fl[f] = '\0';
        int w = snprintf(out + o, sizeof out - o, "%s%.*s/%c%s", i ? " " : "", (int)t->len,
                         text + t->off, t->kind < 8 ? kinds[t->kind] : '!', fl);
        if (w < 0 || (size_t)w >= sizeof out - o) break;
        o += (size_t)w;
    }
    return out;
}

/* the lower-cased form of token i */
static const char *lower_of(const char *text, uint32_t i)
{
    dy_doc doc;
    if (tokenize(text, &doc) != 0 || i >= doc.ntoks) return "(none)";
    return dy_intern_str(lex, doc.toks[i].lower, NULL);
}

#define T(in, want) CHECK_STR(render(in), want)

TEST(plain_words) { T("North Korea fired missiles.", "North/Wc Korea/Wc fired/W missiles/W ./U"); }
TEST(empty) { T("", ""); }
TEST(whitespace_only) { T("  \n\t \r\n  ", ""); }
TEST(possessive_s) { T("South Korea's military", "South/Wc Korea/Wc 's/P military/W"); }
TEST(possessive_plural) { T("the soldiers' families", "the/W soldiers/W '/P families/W"); }
TEST(possessive_upper) { T("KOREA'S ARMY", "KOREA/WcA 'S/Pc ARMY/WcA"); }
TEST(possessive_after_abbr) { T("the U.S.'s allies", "the/W U.S./WcAa 's/P allies/W"); }
TEST(contraction_nt) { T("They don't and can't.", "They/Wc do/W n't/W and/W ca/W n't/W ./U"); }
TEST(contraction_clitics) { T("I'm sure it's over; we've won", "I/Wc 'm/W sure/W it/W 's/W over/W ;/U we/W 've/W won/W"); }
TEST(apostrophe_in_name) { T("O'Brien in Cote d'Ivoire", "O'Brien/Wc in/W Cote/Wc d'Ivoire/W"); }
TEST(single_quotes) { T("Kim warns of 'war'", "Kim/Wc warns/W of/W '/Q war/W '/Q"); }
TEST(hyphens) { T("inter-Korean talks to re-enlist an 18-year-old", "inter-Korean/Wh talks/W to/W re-enlist/Wh an/W 18-year-old/Wh"); }
TEST(hyphen_alnum) { T("F-16 jets, COVID-19 and Kim Jong-un", "F-16/Wch jets/W ,/U COVID-19/WcAh and/W Kim/Wc Jong-un/Wch"); }
TEST(dashes) { T("Seoul -- the capital - said", "Seoul/Wc --/D the/W capital/W -/D said/W"); }
TEST(numbers) { T("3,000 troops, 1.4 million and 1,400,000 in 2024", "3,000/Ns troops/W ,/U 1.4/N million/W and/W 1,400,000/Ns in/W 2024/N"); }
TEST(numbers_more) { T("the 12th day after 9/11 at 10:30 in the 1990s", "the/W 12th/N day/W after/W 9/11/N at/W 10:30/N in/W the/W 1990s/N"); }
TEST(number_ranges) { T("2014-2021 and 2024-10-15", "2014/N -/D 2021/N and/W 2024-10-15/N"); }
TEST(number_end) { T("in 2024. Then 1,2", "in/W 2024/N ./U Then/Wc 1/N ,/U 2/N"); }
TEST(number_words) { T("5G and 3D", "5G/Wc and/W 3D/Wc"); }
TEST(money_percent) { T("$3.5 billion, 4%", "$/S 3.5/N billion/W ,/U 4/N %/S"); }
TEST(abbr_titles) { T("Lt. Col. Jones and Gen. Smith", "Lt./Wca Col./Wca Jones/Wc and/W Gen./Wca Smith/Wc"); }
TEST(abbr_dotted) { T("the U.S. and U.N. e.g. at 5 a.m. or p.m.", "the/W U.S./WcAa and/W U.N./WcAa e.g./Wa at/W 5/N a.m./Wa or/W p.m./Wa"); }
TEST(abbr_months) { T("Jan. 5 and Sept. 11, Feb.", "Jan./Wca 5/N and/W Sept./Wca 11/N ,/U Feb./Wca"); }
TEST(abbr_no) { T("No. 2 said no.", "No./Wca 2/N said/W no/W ./U"); }
TEST(abbr_company) { T("Acme Inc. and Foo Corp. Jr.", "Acme/Wc Inc./Wca and/W Foo/Wc Corp./Wca Jr./Wca"); }
TEST(abbr_state_needs_cap) { T("Peoria, Ill. he fell ill.", "Peoria/Wc ,/U Ill./Wca he/W fell/W ill/W ./U"); }
TEST(initials) { T("J. R. R. Tolkien", "J./Wca R./Wca R./Wca Tolkien/Wc"); }
TEST(not_abbr) { T("the end. a.", "the/W end/W ./U a/W ./U"); }
TEST(us_led) { T("U.S.-led forces", "U.S.-led/Wch forces/W"); }
TEST(hyphen_title) { T("then-Sen. Obama and ex-Gov. Cuomo", "then-Sen./Wha Obama/Wc and/W ex-Gov./Wha Cuomo/Wc"); }
TEST(hyphen_dotted) { T("ex-U.S. envoy and anti-U.N.-style", "ex-U.S./Wha envoy/W and/W anti-U.N.-style/Wh"); }
TEST(ellipsis) { T("wait... and . . . then", "wait/W .../U and/W . . ./U then/W"); }
TEST(bangs) { T("What?! No!", "What/Wc ?!/U No/Wc !/U"); }
TEST(quotes) { T("He said \"Stop.\"", "He/Wc said/W \"/Q Stop/Wc ./U \"/Q"); }
TEST(url) { T("see https://example.com/a_b?x=1. Or www.nk.org, now", "see/W https://example.com/a_b?x=1/S ./U Or/Wc www.nk.org/S ,/U now/W"); }
TEST(handles) { T("@KCNA_Watch posted #NorthKorea #1", "@KCNA_Watch/Wc posted/W #NorthKorea/Wc #/S 1/N"); }
TEST(email_at) { T("a@b", "a/W @/S b/W"); }
TEST(non_ascii) { T("Zelenskyy in Kyiv and Bogotá, Łódź", "Zelenskyy/Wc in/W Kyiv/Wc and/W Bogotá/Wc ,/U Łódź/Wc"); }
TEST(non_ascii_punct) { T("«Нет» — сказал…", "«/Q Нет/Wc »/Q —/D сказал/W …/U"); }
TEST(non_ascii_space) { T("a\xc2\xa0" "b\xe2\x80\x8b" "c", "a/W b/W c/W"); }
TEST(invalid_utf8) { T("a\xff" "b \xc3", "a/W \xff/S b/W \xc3/S"); }
TEST(brackets) { T("(Reuters) [1]", "(/U Reuters/Wc )/U [/U 1/N ]/U"); }
TEST(at_t) { T("AT&T and S&P", "AT&T/WcA and/W S&P/WcA"); }

TEST(lower_forms)
{
    CHECK_STR(lower_of("KOREA", 0), "korea");
    CHECK_STR(lower_of("Bogotá", 0), "bogotá");
    CHECK_STR(lower_of("ŁÓDŹ", 0), "łódź");
    CHECK_STR(lower_of("U.S.", 0), "u.s.");
    CHECK_STR(lower_of("already", 0), "already");
    /* same lower id for different cases */
    dy_doc d;
    CHECK_INT(tokenize("Korea KOREA korea", &d), 0);
    CHECK_INT(d.ntoks, 3);
    if (d.ntoks == 3) {
        CHECK(d.toks[0].lower == d.toks[1].lower && d.toks[1].lower == d.toks[2].lower);
        CHECK(d.toks[0].lower != 0);
    }
}

TEST(offsets)
{
    const char *s = "  Kim's  \"test\"\n";
    dy_doc d;
    CHECK_INT(tokenize(s, &d), 0);
    CHECK_INT(d.ntoks, 5);
    if (d.ntoks != 5) return;
    CHECK_INT(d.toks[0].off, 2);
    CHECK_INT(d.toks[0].len, 3);
    CHECK_INT(d.toks[1].off, 5);
    CHECK_INT(d.toks[1].len, 2);
    CHECK_INT(d.toks[2].off, 9);
    CHECK_INT(d.toks[3].off, 10);
    CHECK_INT(d.toks[3].len, 4);
    CHECK_INT(d.toks[4].off, 14);
}

TEST(very_long_token)
{
    size_t n = 300000;
    char *s = malloc(n + 1);
    if (!s) { CHECK(0); return; }
    for (size_t i = 0; i < n; i++) s[i] = (char)('A' + i % 26);
    s[n] = '\0';
    dy_doc d;
    CHECK_INT(tokenize(s, &d), 0);
    CHECK_INT(d.ntoks, 1);
    if (d.ntoks == 1) {
        CHECK_INT(d.toks[0].len, n);
        size_t ln = 0;
        const char *l = dy_intern_str(lex, d.toks[0].lower, &ln);
        CHECK_INT(ln, n);
        CHECK(l && l[0] == 'a' && l[n - 1] == (char)('a' + (n - 1) % 26));
    }
    free(s);
}

TEST(many_tokens_grow)
{
    /* far more tokens than the initial estimate: single-char punctuation */
    size_t n = 100000;
    char *s = malloc(n + 1);
    if (!s) { CHECK(0); return; }
    memset(s, ',', n);
    s[n] = '\0';
    dy_doc d;
    CHECK_INT(tokenize(s, &d), 0);
    CHECK_INT(d.ntoks, n);
    int ok = 1;
    for (uint32_t i = 0; i < d.ntoks; i++)
        if (d.toks[i].off != i || d.toks[i].len != 1 || d.toks[i].kind != DY_TOK_PUNCT) ok = 0;
    CHECK(ok);
    free(s);
}

TEST(slices_cover_text)
{
    /* tokens are in order, non-overlapping, and only whitespace lies between */
    const char *s = "WASHINGTON (AP) -- U.S. Sen. Ted Cruz's aides said Tuesday, Jan. 5, that "
                    "3,000 \"inter-Korean\" soldiers... didn't re-enlist (see www.x.org). J. Doe, Jr.!";
    dy_doc d;
    CHECK_INT(tokenize(s, &d), 0);
    uint32_t pos = 0;
    int ok = 1;
    for (uint32_t i = 0; i < d.ntoks; i++) {
        if (d.toks[i].off < pos || d.toks[i].len == 0) ok = 0;
        for (uint32_t k = pos; k < d.toks[i].off; k++)
            if (s[k] != ' ') ok = 0;
        pos = d.toks[i].off + d.toks[i].len;
    }
    CHECK(ok);
    CHECK(pos == strlen(s));
}

TEST(abbrev_api)
{
    CHECK(dy_tok_is_abbrev("u.s.", 4));
    CHECK(dy_tok_is_abbrev("gen.", 4));
    CHECK(dy_tok_is_abbrev("jan.", 4));
    CHECK(!dy_tok_is_abbrev("the.", 4));
    CHECK(!dy_tok_is_abbrev("gen", 3));
    CHECK_INT(dy_tok_abbrev_class("Lt.", 3), DY_ABBR_TITLE);
    CHECK_INT(dy_tok_abbrev_class("U.S.", 4), DY_ABBR_ENDER);
    CHECK_INT(dy_tok_abbrev_class("e.g.", 4), DY_ABBR_NOEND);
    CHECK_INT(dy_tok_abbrev_class("Sept.", 5), DY_ABBR_MONTH);
    CHECK_INT(dy_tok_abbrev_class("J.", 2), DY_ABBR_INITIAL);
    CHECK_INT(dy_tok_abbrev_class("said.", 5), DY_ABBR_NONE);
}

TEST(bad_args)
{
    dy_doc d;
    memset(&d, 0, sizeof d);
    CHECK_INT(dy_tokenize(NULL, lex, arena), DY_EINVAL);
    CHECK_INT(dy_tokenize(&d, NULL, arena), DY_EINVAL);
    d.text.norm_len = 5; /* NULL text with a length */
    CHECK_INT(dy_tokenize(&d, lex, arena), DY_EINVAL);
}

int main(void)
{
    lex = dy_intern_new(NULL);
    arena = dy_arena_new(0);
    if (!lex || !arena) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    RUN(plain_words); RUN(empty); RUN(whitespace_only); RUN(possessive_s);
    RUN(possessive_plural); RUN(possessive_upper); RUN(possessive_after_abbr);
    RUN(contraction_nt); RUN(contraction_clitics); RUN(apostrophe_in_name);
    RUN(single_quotes); RUN(hyphens); RUN(hyphen_alnum); RUN(dashes); RUN(numbers);
    RUN(numbers_more); RUN(number_ranges); RUN(number_end); RUN(number_words);
    RUN(money_percent); RUN(abbr_titles); RUN(abbr_dotted); RUN(abbr_months);
    RUN(abbr_no); RUN(abbr_company); RUN(abbr_state_needs_cap); RUN(initials);
    RUN(not_abbr); RUN(us_led); RUN(hyphen_title); RUN(hyphen_dotted); RUN(ellipsis); RUN(bangs); RUN(quotes); RUN(url);
    RUN(handles); RUN(email_at); RUN(non_ascii); RUN(non_ascii_punct);
    RUN(non_ascii_space); RUN(invalid_utf8); RUN(brackets); RUN(at_t);
    RUN(lower_forms); RUN(offsets); RUN(very_long_token); RUN(many_tokens_grow);
    RUN(slices_cover_text); RUN(abbrev_api); RUN(bad_args);
    dy_intern_free(&lex);
    dy_arena_free(&arena);
    return harness_done();
}
