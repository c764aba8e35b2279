/* coder.h — from tokens to events: sparse parsing in the TABARI tradition
 * (actors, agents, verb patterns, compounds, passive voice, clauses) over a
 * dy_doc that has been cleaned, tokenized and split. */
#ifndef DY_CODER_H
#define DY_CODER_H
#include <stdint.h>
#include "arena.h"
#include "dict.h"
#include "doc.h"
#include "event.h"

/* Coding options (TABARI .options semantics). A dictionary carries the
 * options read with it (dy_dict_options); callers may copy and change them. */
typedef struct dy_code_opts {
    int code_mode;            /* 0 = by clause, 1 = by sentence, 2 = all */
    int comma_off;
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_lateverb;
    int cx_noactprior, cx_noactafter, cx_noverb;
    int min_words;
    int def_src, def_tar, def_prior, def_after;
    char def_src_code[16], def_tar_code[16];
    int convert_agents;
    int time_shift;           /* -1 = automatic (on when <TIME> present) */
    int yyyy;
} dy_code_opts;

/* Outcome of coding one sentence (beyond its events). */
enum { DY_CO_OK = 0, DY_CO_NOEVENT, DY_CO_DISCARD, DY_CO_COMPLEX, DY_CO_SHORT };

/* Code every sentence of doc with dictionary set d; fills doc->events and
 * doc->nevents (arena memory). Thread-safe for distinct docs/arenas. */
int dy_code_doc(const dy_dict *d, dy_doc *doc, dy_arena *a);

/* As dy_code_doc with explicit options (NULL = the dictionary's). If
 * outcome is not NULL it receives the DY_CO_* outcome of the last sentence
 * coded (used by validation, where each record is one sentence). */
int dy_code_doc_opts(const dy_dict *d, const dy_code_opts *o, dy_doc *doc,
                     dy_arena *a, int *outcome);

/* Default options (TABARI defaults). */
void dy_code_opts_default(dy_code_opts *o);

#endif
