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
    /* dyad extensions (off in TABARI/PETRARCH sets; dict/default turns
       them on, see dict/default/default.options):
       targetless: "SET: TARGETLESS = TRUE" -- a verb whose source is found
         but no target (an intransitive report: protest, surrender, resign,
         mobilise) gives an event with a null target; "= DOMESTIC" (2):
         the target is the source's country (CAMEO's implicit target of a
         domestic protest or surrender), null when the source has none;
       agent_country: "SET: AGENT COUNTRY = TRUE" -- an agent coded as an
         actor (CONVERT AGENTS) takes the country of the sentence's only
         country actor, else of the article's only country so far, else
         "---" (PETRARCH's country-less agent: ---COP, ---REB). */
    int targetless;
    int agent_country;
    /* reported_source: "SET: REPORTED SOURCE = TRUE" -- the source of a
         verb that follows a reporting verb (a subordinate-coded root such
         as SAY_ [010?]) is looked for after that verb: "Washington said
         Russia attacked Ukraine" is RUS>UKR, not USA>UKR;
       participle: "SET: PARTICIPLE = TRUE" -- a verb directly followed by
         "by" is passive without an auxiliary (headline style: "soldier
         killed by sniper"). */
    int reported_source;
    int participle;
    /* convert_codes: "SET: CONVERT CODES = MIL COP REB" -- CONVERT AGENTS
         converts only agents whose code starts with one of these (" MIL
         COP REB "), and titles before a capitalised uncoded word ("President
         Omar al-Bashir"); empty: every agent (TABARI). */
    char convert_codes[64];
    /* case_actors: "SET: CASE ACTORS = TRUE" -- an actor named on a
         "CASE: Islamic_State_" line of the options file (read after the
         actors: folder sets load options last) matches only where the
         words capitalised on that line are capitalised ("a strict Islamic
         state" is not the group); other actors match in any case, as in
         TABARI;
       longest_actor: "SET: LONGEST ACTOR = TRUE" -- a multi-word actor
         or agent match yields to an overlapping one that starts inside it,
         ends after it and is longer ("the West Bank": WEST_BANK_ beats
         THE_WEST_), instead of TABARI's strict left-to-right choice. */
    int case_actors;
    int longest_actor;
    /* negation: "SET: NEGATION = TRUE" -- a cooperative verb (03-08)
         right after "not", "never", "cannot" or "-n't" is coded as the
         matching rejection (CAMEO 12: "would not meet" 125, "will not
         accept refugees" 120, "did not lift" 124). */
    int negation;
    /* conditional: "SET: CONDITIONAL = TRUE" -- a coercive or violent
         verb (14-20, 087x) after a modal ("will", "would", "may", "could",
         "might") in a sentence whose condition follows it ("if", "unless")
         is a threat (CAMEO 13): "Nigeria will withdraw its troops unless
         ..." 136, "the EU may halt aid if ..." 1311. */
    int conditional;
    /* appositive: "SET: APPOSITIVE = TRUE" -- a sentence that opens with
         an uncoded name and a comma-delimited appositive holding an actor,
         right before the verb ("Kenzo Oshima, the UN relief coordinator,
         demanded ..."), takes its source from the appositive instead of
         treating both as subordinate clauses. */
    int appositive;
    /* weapon_subjects: "SET: WEAPON SUBJECTS = BOMB BLAST ..." -- words
         (singular, upper case, space-separated; a plural -S matches too)
         that, as the subject of a violent verb (18-20) with no actor
         before it, make the event one with an unknown source: "A car bomb
         killed five soldiers", "Shelling killed three civilians". Stored
         with a space before and after each word. */
    char weapon_subjects[512];
    /* place_targets: "SET: PLACE TARGETS = TRUE" -- a withdrawal, force
         posture, coercion or attack (08x, 15-20) that finds no target takes
         the country of a town, city or region named right after the verb
         ("Russian forces shelled Kherson" RUS>UKR, "withdrew its troops
         from the Kherson region" RUS>UKR), looked up in the gazetteer the
         caller passes (dy_code_doc_places). */
    int place_targets;
    /* comma_stop: "SET: PATTERN COMMAS = STOP" -- the words of a verb
         pattern that follow the verb are looked for up to the next comma,
         not across it (TABARI: up to the clause end). */
    int comma_stop;
    /* ethnic: "SET: ETHNIC = TRUE" -- "ethnic Albanians", "ethnic Turks"
         are a community of the state they live in: coded with the first
         other country named after them in the sentence (else the last one
         before): "ethnic Albanians demonstrated in Serbia" is SRB. */
    int ethnic;
    /* own_forces: "SET: OWN FORCES = TRUE" -- a possessive pronoun that
         stands for the source ("its troops", "their forces") is not the
         target: "Russia withdrew its troops from Ukraine" is RUS>UKR. */
    int own_forces;
    /* fronted: "SET: FRONTED = TRUE" -- when the sentence opens with a
         preposition or subordinator ("In a letter to the UN, Iraq said
         ...", "After talks with Russia, Turkey agreed ..."), the text after
         the comma closing that phrase is not taken for a comma-delimited
         subordinate clause (the COMMA end rule), and when an actor lies
         between that comma and the verb, actors inside the fronted phrase
         are not candidates for the verb's source, and verbs inside the
         fronted phrase are not coded ("After talks with Russia, Turkey
         criticized Iran" is TUR>IRN 111, not a consultation). */
    int fronted;
    /* locative: "SET: LOCATIVE = TRUE" -- a capital or seat of power coded
         as its government (TBILISI_ [GEOGOV]) right after a place
         preposition ("in", "at", "near", "outside", "around", "across",
         "throughout", "inside", optionally with "the" or "central") is
         the place, not the government: "protesters marched in Tbilisi" is
         GEO, "Tbilisi said" stays GEOGOV. */
    int locative;
} dy_code_opts;

/* Outcome of coding one sentence (beyond its events). */
enum { DY_CO_OK = 0, DY_CO_NOEVENT, DY_CO_DISCARD, DY_CO_COMPLEX, DY_CO_SHORT };

/* Code every sentence of doc with dictionary set d; fills doc->events and
 * doc->nevents (arena memory). Thread-safe for distinct docs/arenas. */
int dy_code_doc(const dy_dict *d, dy_doc *doc, dy_arena *a);

/* As dy_code_doc, with a gazetteer for SET: PLACE TARGETS (g may be NULL:
 * then no place targets). */
struct dy_gazetteer;
int dy_code_doc_places(const dy_dict *d, const struct dy_gazetteer *g, dy_doc *doc, dy_arena *a);

/* As dy_code_doc with explicit options (NULL = the dictionary's). If
 * outcome is not NULL it receives the DY_CO_* outcome of the last sentence
 * coded (used by validation, where each record is one sentence). */
int dy_code_doc_opts(const dy_dict *d, const dy_code_opts *o, dy_doc *doc,
                     dy_arena *a, int *outcome);

/* Default options (TABARI defaults). */
void dy_code_opts_default(dy_code_opts *o);

#endif
