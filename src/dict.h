/* dict.h — a dictionary set: actors, agents, verbs and patterns, discards,
 * issues and options, read from TABARI (.project, .actors, .verbs, .agents,
 * .options) or PETRARCH (PETR_config.ini, CAMEO.2.0.txt, *.actors.txt ...)
 * files, from a folder of such files, or from a compiled image. Once loaded
 * a dy_dict is read-only and shared by all coding threads. */
#ifndef DY_DICT_H
#define DY_DICT_H
#include <stdint.h>
#include "intern.h"

typedef struct dy_dict dy_dict;

/* Called for each warning or error found while loading: file, 1-based line
 * (0 = whole file), message. */
typedef void (*dy_dict_diag_fn)(void *ctx, const char *file, uint64_t line, const char *msg);

/* Load the set named by path: a TABARI .project, a PETRARCH config .ini, a
 * folder of dictionary files, or a compiled image. path NULL = dyad's
 * built-in default dictionaries. Warnings go to diag (may be NULL) and do
 * not fail the load. Caller frees with dy_dict_free(). */
int dy_dict_load(dy_dict **d, const char *path, dy_dict_diag_fn diag, void *ctx);
/* The vocabulary of the set: token lower-case forms are interned on top of
 * it (dy_intern_new(dy_dict_vocab(d))). Borrowed. */
const dy_intern *dy_dict_vocab(const dy_dict *d);
void dy_dict_free(dy_dict **d);

/* Counts of what a set holds, and of the problems found while loading. */
typedef struct dy_dict_stats_t {
    uint32_t actors, agents, verbs, patterns, synsets, nouns, literals;
    uint32_t errors, warnings;
} dy_dict_stats_t;
void dy_dict_stats(const dy_dict *d, dy_dict_stats_t *st);

/* The coding options read with the set (struct dy_code_opts, coder.h). */
struct dy_code_opts;
const struct dy_code_opts *dy_dict_options(const dy_dict *d);

#endif
