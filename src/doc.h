/* doc.h — the article as it flows through the pipeline: the record as ingested,
 * the cleaned text with its map back to the original bytes, sentences and
 * tokens. Everything here lives in the article's arena. Offsets are uint32_t
 * byte offsets; an article is limited to DY_MAX_ARTICLE bytes. */
#ifndef DY_DOC_H
#define DY_DOC_H
#include <stddef.h>
#include <stdint.h>

#define DY_MAX_ARTICLE (64u * 1024u * 1024u)

/* One article as ingested. All strings are NUL-terminated, arena-owned, and
 * may be empty ("") but never NULL except where noted. */
typedef struct dy_article {
    const char *id;
    const char *date;      /* "YYYY-MM-DD" or "" when unknown */
    const char *source;    /* outlet */
    const char *url;
    const char *title;
    const char *text;      /* the article text as ingested (UTF-8, no NUL) */
    size_t text_len;
    const char *origin;    /* file name the record came from ("-" = stdin) */
    uint64_t line;         /* 1-based line of the record's start in origin */
    int year, month, day;  /* parsed date, 0 when unknown */
    int one_sentence;      /* text is one sentence already (PETRARCH/TABARI records) */
} dy_article;

/* The cleaned text: boilerplate lines blanked, NFC-normalised, typographic
 * quotes and dashes folded to ASCII. norm[map[i]]-style mapping:
 * map[i] is the byte offset in article->text of norm byte i; map[norm_len]
 * is article->text_len (so a span [a,b) maps to [map[a], map[b])). */
typedef struct dy_text {
    const char *norm;      /* NUL-terminated */
    uint32_t norm_len;
    const uint32_t *map;   /* norm_len + 1 entries */
    uint32_t dropped_lines;/* boilerplate lines removed */
} dy_text;

enum dy_tok_kind {
    DY_TOK_WORD = 1,   /* letters, digits inside words, internal hyphens/apostrophes */
    DY_TOK_NUM,        /* 3,000  1.4  2024  12th */
    DY_TOK_POSS,       /* the possessive 's / ' split from the word before */
    DY_TOK_PUNCT,      /* . , ; : ! ? ( ) and the like */
    DY_TOK_QUOTE,      /* " (after folding) */
    DY_TOK_DASH,       /* - -- (after folding) */
    DY_TOK_SYM         /* anything else: $ % & @ # ... */
};

enum dy_tok_flag {
    DY_TF_CAP = 1u << 0,    /* first letter upper case */
    DY_TF_ALLCAP = 1u << 1, /* every letter upper case, at least 2 letters */
    DY_TF_HYPHEN = 1u << 2, /* contains an internal hyphen (inter-Korean) */
    DY_TF_ABBR = 1u << 3,   /* abbreviation with its period (U.S., Gen.) */
    DY_TF_SENT_START = 1u << 4, /* first token of its sentence */
    DY_TF_NUM_SEP = 1u << 5 /* number written with thousands separators */
};

/* A token is a slice of the cleaned text: norm[off .. off+len). lower is the
 * interned id of its lower-cased form (see intern.h); 0 never occurs. */
typedef struct dy_token {
    uint32_t off, len;
    uint32_t lower;
    uint16_t kind;
    uint16_t flags;
} dy_token;

/* A sentence: norm[start .. end) and tokens [tok_first, tok_first+tok_count). */
typedef struct dy_sentence {
    uint32_t start, end;
    uint32_t tok_first, tok_count;
} dy_sentence;

/* The whole processed article. */
typedef struct dy_doc {
    const dy_article *article;
    dy_text text;
    dy_sentence *sents;
    uint32_t nsents;
    dy_token *toks;
    uint32_t ntoks;
    struct dy_event *events;   /* filled by the coder */
    uint32_t nevents;
} dy_doc;

#endif
