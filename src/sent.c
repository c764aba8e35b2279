/* sent.c — rule-based sentence splitter over the token stream (see sent.h).
 *
 * A sentence ends after a terminator — "." "!" "?" (runs), an ellipsis, or
 * an abbreviation token — plus any closing quotes/brackets glued to it, when
 * the next token looks like the start of a sentence:
 *  - after . ! ? : the next token is a capitalised word, a word starting with
 *    a digit, a number, an opening quote or bracket, or a symbol; a
 *    lower-case word continues the sentence;
 *  - after an ellipsis: the same (so "... and then" continues);
 *  - after an abbreviation it depends on its class (dy_tok_abbrev_class):
 *    titles (Gen. Lt. Mr.) and e.g./i.e./No. never end a sentence; U.S.,
 *    Inc., a.m., Jr., months and initials end one only when the next word is
 *    a common sentence starter (The, He, But, In ...) — "U.S. officials"
 *    and "Jan. 5" and "J. R. R. Tolkien" stay whole, "in the U.S. The next
 *    day" splits. With a closing quote/bracket after the abbreviation the
 *    plain-period rule applies.
 * Line structure: a blank line always ends a sentence; a new line starting
 * with a bullet ("-", "*", "•", "1." ...) starts one; a title-case line
 * without final punctuation followed by a line starting with a capital
 * (a headline) ends one. A "." right after a list number that opens a
 * sentence ("1. First ...") is not a terminator. */
#include "sent.h"
#include "dyad.h"
#include "tok.h"
#include <stdlib.h>
#include <string.h>

static inline unsigned lc(unsigned c) { return c - 'A' < 26u ? c + 32 : c; }

/* Sentence starters: closed-class words that begin sentences and rarely
 * follow an abbreviation inside one. Sorted for bsearch. */
static const char *const starters[] = {
    "a", "about", "according", "after", "again", "all", "also", "although", "an", "and",
    "another", "any", "as", "at", "because", "before", "both", "but", "by", "during",
    "each", "earlier", "even", "every", "for", "from", "he", "her", "here", "his", "how",
    "however", "i", "if", "in", "instead", "it", "its", "last", "later", "many",
    "meanwhile", "more", "most", "my", "no", "not", "now", "of", "on", "one", "only",
    "other", "our", "over", "she", "since", "so", "some", "still", "such", "that", "the",
    "their", "then", "there", "these", "they", "this", "those", "though", "thus", "to",
    "today", "under", "unlike", "until", "we", "what", "when", "where", "whether",
    "which", "while", "who", "why", "with", "within", "without", "yesterday", "yet",
    "you", "your",
};

static int cmp_str(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

static int is_starter(const char *text, const dy_token *t)
{
    if (t->kind != DY_TOK_WORD || !(t->flags & DY_TF_CAP) || t->len >= 16) return 0;
    char buf[16];
    for (uint32_t k = 0; k < t->len; k++) {
        unsigned c = (unsigned char)text[t->off + k];
        if (c >= 128) return 0;
        buf[k] = (char)lc(c);
    }
    buf[t->len] = '\0';
    return bsearch(buf, starters, sizeof starters / sizeof starters[0], sizeof starters[0], cmp_str) != NULL;
}

enum { T_NONE, T_STOP, T_BANG, T_ELLIPSIS, T_ABBR };

static int term_kind(const char *text, const dy_token *t)
{
    const unsigned char *s = (const unsigned char *)text + t->off;
    if (t->kind == DY_TOK_PUNCT) {
        if (s[0] == '.') return t->len == 1 ? T_STOP : T_ELLIPSIS;
        if (s[0] == '!' || s[0] == '?') return T_BANG;
        if (t->len == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6) return T_ELLIPSIS; /* … */
        return T_NONE;
    }
    if (t->kind == DY_TOK_WORD && (t->flags & DY_TF_ABBR)) return T_ABBR;
    return T_NONE;
}

/* Closing quote or bracket (the caller checks adjacency). */
static int is_closer(const char *text, const dy_token *t)
{
    if (t->kind == DY_TOK_QUOTE) return 1;
    if (t->kind == DY_TOK_PUNCT && t->len == 1) {
        char c = text[t->off];
        return c == ')' || c == ']' || c == '}';
    }
    return 0;
}

static inline int adjacent(const dy_token *a, const dy_token *b)
{
    return a->off + a->len == b->off;
}

/* Newlines in the gap before token b (from the end of a, or the text start). */
static int gap_newlines(const char *text, uint32_t from, uint32_t to)
{
    int nl = 0, cr = 0;
    for (uint32_t k = from; k < to; k++) {
        if (text[k] == '\n') nl++;
        else if (text[k] == '\r') cr++;
    }
    return nl ? nl : cr;
}

/* Does token t look like the first token of a sentence? */
static int starts_new(const char *text, const dy_token *toks, uint32_t n, uint32_t j)
{
    const dy_token *t = &toks[j];
    unsigned c0 = (unsigned char)text[t->off];
    switch (t->kind) {
    case DY_TOK_WORD:
        return (t->flags & DY_TF_CAP) || (c0 - '0' < 10u) ||
               ((c0 == '@' || c0 == '#') && t->len > 1);
    case DY_TOK_NUM: case DY_TOK_SYM: case DY_TOK_DASH:
        return 1;
    case DY_TOK_QUOTE: {
        /* closing quotes glued to the terminator were taken already: a quote
         * after a gap opens the next sentence when a word follows it, glued
         * or (stray space) on the same line and capitalised */
        if (j + 1 >= n) return 0;
        const dy_token *w = &toks[j + 1];
        if (adjacent(t, w)) return 1;
        return (w->flags & DY_TF_CAP) && gap_newlines(text, t->off + t->len, w->off) == 0;
    }
    case DY_TOK_PUNCT:
        return t->len == 1 && (c0 == '(' || c0 == '[');
    default:
        return 0;
    }
}

/* A list bullet at token j (the caller checks it opens a line). */
static int is_bullet(const char *text, const dy_token *toks, uint32_t n, uint32_t j)
{
    const dy_token *t = &toks[j];
    const unsigned char *s = (const unsigned char *)text + t->off;
    int glued_next = j + 1 < n && adjacent(t, &toks[j + 1]);
    if (t->kind == DY_TOK_DASH && t->len <= 3) return !glued_next;
    if (t->kind == DY_TOK_SYM && t->len == 1 && (s[0] == '*' || s[0] == '+')) return !glued_next;
    if ((t->kind == DY_TOK_PUNCT || t->kind == DY_TOK_SYM) && t->len >= 2 && s[0] >= 0x80) {
        /* • ‣ ◦ · ▪ ■ ● */
        if (t->len == 2 && s[0] == 0xC2 && s[1] == 0xB7) return 1;
        if (t->len == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0xA3)) return 1;
        if (t->len == 3 && s[0] == 0xE2 && s[1] == 0x97 && (s[2] == 0xA6 || s[2] == 0x8F)) return 1;
        if (t->len == 3 && s[0] == 0xE2 && s[1] == 0x96 && (s[2] == 0xAA || s[2] == 0xA0)) return 1;
        return 0;
    }
    if (t->kind == DY_TOK_NUM && t->len <= 3 && j + 1 < n && adjacent(t, &toks[j + 1])) {
        const dy_token *p = &toks[j + 1];
        char c = text[p->off];
        return p->kind == DY_TOK_PUNCT && p->len == 1 && (c == '.' || c == ')') &&
               (j + 2 >= n || !adjacent(p, &toks[j + 2]));
    }
    return 0;
}

/* Tokens [first..last] form a title-like line: at least two words of 4+
 * letters, all capitalised, and it does not end in , ; : or a dash. */
static int title_line(const char *text, const dy_token *toks, uint32_t first, uint32_t last)
{
    int longw = 0;
    for (uint32_t k = first; k <= last; k++) {
        const dy_token *t = &toks[k];
        if (t->kind != DY_TOK_WORD || t->len < 4) continue;
        if (!(t->flags & DY_TF_CAP)) return 0;
        longw++;
    }
    const dy_token *e = &toks[last];
    char c = text[e->off];
    if (e->kind == DY_TOK_DASH || (e->kind == DY_TOK_PUNCT && (c == ',' || c == ';' || c == ':')))
        return 0;
    return longw >= 2;
}

typedef struct sp {
    dy_sentence *s;
    uint32_t n, cap;
    dy_arena *a;
} sp;

static int add_sent(sp *p, const dy_token *toks, uint32_t first, uint32_t last)
{
    if (p->n == p->cap) {
        size_t ncap = (size_t)p->cap * 2 + 16;
        if (ncap > UINT32_MAX / 2) return DY_ERANGE;
        dy_sentence *ns = dy_arena_realloc(p->a, p->s, (size_t)p->cap * sizeof *ns, ncap * sizeof *ns);
        if (!ns) return DY_ENOMEM;
        p->s = ns;
        p->cap = (uint32_t)ncap;
    }
    dy_sentence *s = &p->s[p->n++];
    s->start = toks[first].off;
    s->end = toks[last].off + toks[last].len;
    s->tok_first = first;
    s->tok_count = last - first + 1;
    return 0;
}

static int is_speech_verb(const char *text, const dy_token *t)
{
    static const char *const verbs[] = {"said", "says", "asked", "asks", "added", "told",
                                        "wrote", "replied", "shouted", "insisted", "tweeted",
                                        "declared", "exclaimed", "continued", NULL};
    if (t->kind != DY_TOK_WORD || t->len > 9) return 0;
    for (int k = 0; verbs[k]; k++)
        if (strlen(verbs[k]) == t->len && memcmp(verbs[k], text + t->off, t->len) == 0) return 1;
    return 0;
}

/* After a quoted sentence ('"Why?" Kim asked.'), is tokens from nx on a
 * short attribution: one or two capitalised words and a speech verb, which
 * for a quote ending in "." must itself end the clause ('"..." Trump said.')? */
static int attribution_follows(const char *text, const dy_token *toks, uint32_t n, uint32_t nx, int tk)
{
    uint32_t v = nx;
    while (v < n && v < nx + 2 && toks[v].kind == DY_TOK_WORD && (toks[v].flags & DY_TF_CAP) &&
           !(toks[v].flags & DY_TF_ABBR) && !is_speech_verb(text, &toks[v]))
        v++;
    if (v == nx || v >= n || !is_speech_verb(text, &toks[v])) return 0;
    if (tk == T_BANG) return 1;
    if (v + 1 >= n) return 1;
    const dy_token *p = &toks[v + 1];
    char c = text[p->off];
    return p->kind == DY_TOK_PUNCT && p->len == 1 && (c == '.' || c == ',');
}

/* Should a sentence end after token i (a terminator of kind tk, with its
 * closers up to e)? nx = e + 1 < n is the next token. */
static int ends_here(const char *text, dy_token *toks, uint32_t n, uint32_t first, uint32_t i,
                     uint32_t e, int tk)
{
    uint32_t nx = e + 1;
    const dy_token *t = &toks[i];
    if (tk == T_STOP && i > first && i == first + 1 && toks[first].kind == DY_TOK_NUM &&
        toks[first].len <= 3 && adjacent(&toks[first], t))
        return 0; /* "1. First item" */
    if (tk != T_ABBR) {
        if (e > i && tk != T_ELLIPSIS && attribution_follows(text, toks, n, nx, tk)) return 0;
        return starts_new(text, toks, n, nx);
    }
    int cls = dy_tok_abbrev_class(text + t->off, t->len);
    if (cls == DY_ABBR_TITLE || cls == DY_ABBR_NOEND) return 0;
    if (e > i) return starts_new(text, toks, n, nx); /* U.S.) The ... */
    if (is_starter(text, &toks[nx])) return 1;
    if (cls == DY_ABBR_ENDER && toks[nx].kind == DY_TOK_QUOTE && nx + 1 < n &&
        adjacent(&toks[nx], &toks[nx + 1]) && (toks[nx + 1].flags & DY_TF_CAP))
        return 1; /* ... in the U.S. "We ... */
    return 0;
}

int dy_split_sentences(dy_doc *doc, dy_arena *a)
{
    if (!doc || !a || (!doc->toks && doc->ntoks) || (doc->ntoks && !doc->text.norm)) return DY_EINVAL;
    const char *text = doc->text.norm;
    dy_token *toks = doc->toks;
    uint32_t n = doc->ntoks;
    int rc;
    sp p = {NULL, 0, 0, a};
    doc->sents = NULL;
    doc->nsents = 0;
    if (n == 0) return 0;
    for (uint32_t k = 0; k < n; k++) toks[k].flags &= (uint16_t)~DY_TF_SENT_START;
    int one = doc->article && doc->article->one_sentence;
    p.cap = one ? 1 : n / 16 + 8;
    p.s = dy_arena_alloc(a, (size_t)p.cap * sizeof *p.s);
    if (!p.s) return DY_ENOMEM;
    if (one) {
        if ((rc = add_sent(&p, toks, 0, n - 1)) != 0) return rc;
        goto done;
    }
    uint32_t first = 0, line_first = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (i + 1 >= n) {
            if ((rc = add_sent(&p, toks, first, i)) != 0) return rc;
            break;
        }
        uint32_t e = i;
        int brk = 0;
        int tk = term_kind(text, &toks[i]);
        if (tk != T_NONE) {
            while (e + 1 < n && adjacent(&toks[e], &toks[e + 1]) && is_closer(text, &toks[e + 1])) e++;
            if (e + 1 >= n) {
                if ((rc = add_sent(&p, toks, first, e)) != 0) return rc;
                break;
            }
        }
        int nl = gap_newlines(text, toks[e].off + toks[e].len, toks[e + 1].off);
        if (nl >= 2) brk = 1;
        else if (tk != T_NONE && ends_here(text, toks, n, first, i, e, tk)) brk = 1;
        else if (nl == 1 && is_bullet(text, toks, n, e + 1)) brk = 1;
        else if (nl == 1 && tk == T_NONE && (toks[e + 1].flags & DY_TF_CAP) &&
                 line_first == first && title_line(text, toks, first, e))
            brk = 1;
        if (brk) {
            if ((rc = add_sent(&p, toks, first, e)) != 0) return rc;
            first = e + 1;
        }
        if (nl) line_first = e + 1;
        i = e;
    }
done:
    for (uint32_t k = 0; k < p.n; k++) toks[p.s[k].tok_first].flags |= DY_TF_SENT_START;
    doc->sents = p.s;
    doc->nsents = p.n;
    return 0;
}
