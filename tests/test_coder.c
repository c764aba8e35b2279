/* test_coder.c — the TABARI-style coder on hand-built documents, with the
 * project's own validation dictionaries: events, agents, compounds, spans,
 * CAMEO fields, options, multi-sentence docs. */
#include "harness.h"
#include "coder.h"
#include "dict.h"
#include "dyad.h"
#include <string.h>

static dy_dict *D;

/* code one sentence; returns number of events */
static uint32_t code1(const char *text, dy_arena *a, dy_doc *doc, const dy_code_opts *o, int *outcome)
{
    static dy_article art;
    static dy_sentence sent;
    memset(&art, 0, sizeof art);
    art.id = "t";
    art.text = text;
    art.text_len = strlen(text);
    art.year = 2024; art.month = 1; art.day = 1;
    art.date = "2024-01-01";
    memset(doc, 0, sizeof *doc);
    doc->article = &art;
    doc->text.norm = text;
    doc->text.norm_len = (uint32_t)strlen(text);
    sent.start = 0;
    sent.end = (uint32_t)strlen(text);
    doc->sents = &sent;
    doc->nsents = 1;
    int rc = dy_code_doc_opts(D, o, doc, a, outcome);
    CHECK_INT(rc, 0);
    return doc->nevents;
}

TEST(simple_event_fields)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    const char *t = "The army of Zelvia attacked the city of Quendor early on Tuesday morning.";
    CHECK_INT(code1(t, a, &doc, NULL, NULL), 1);
    if (doc.nevents == 1) {
        const dy_event *e = &doc.events[0];
        CHECK_STR(e->source.code, "ZLVMIL");
        CHECK_STR(e->target.code, "QND");
        CHECK_STR(e->cameo, "190");
        CHECK_STR(e->root, "19");
        CHECK_INT(e->quad_class, 4);
        CHECK(e->has_goldstein);
        /* spans point at the words */
        CHECK(e->source.len > 0 && !strncmp(t + e->source.off, "Zelvia", 6));
        CHECK(e->target.len > 0 && !strncmp(t + e->target.off, "Quendor", 7));
        CHECK(e->verb_len > 0 && !strncmp(t + e->verb_off, "attacked", 8));
    }
    dy_arena_free(&a);
}

TEST(compound_and_pair)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    CHECK_INT(code1("Zelvia and Marrow condemned Quendor for its decision to close the main harbour.", a, &doc, NULL, NULL), 2);
    dy_arena_reset(a);
    CHECK_INT(code1("Zelvia visited Marrow on Monday for talks on the new harbour tax and fishing.", a, &doc, NULL, NULL), 2);
    if (doc.nevents == 2) {
        CHECK_STR(doc.events[0].cameo, "042");
        CHECK_STR(doc.events[1].cameo, "043");
        CHECK_STR(doc.events[1].source.code, "MRW");
    }
    dy_arena_free(&a);
}

TEST(outcomes_and_options)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    int oc = -1;
    CHECK_INT(code1("Zelvia condemned Marrow after the football match ended in a riot on Sunday.", a, &doc, NULL, &oc), 0);
    CHECK_INT(oc, DY_CO_DISCARD);
    CHECK_INT(code1("Zelvia condemned Marrow.", a, &doc, NULL, &oc), 0);
    CHECK_INT(oc, DY_CO_SHORT);
    dy_code_opts o = *dy_dict_options(D);
    o.min_words = 3;
    CHECK_INT(code1("Zelvia condemned Marrow.", a, &doc, &o, &oc), 1);
    CHECK_INT(oc, DY_CO_OK);
    o.code_mode = 1;
    CHECK_INT(code1("Zelvia condemned Marrow on Monday and attacked Quendor on Tuesday night.", a, &doc, &o, &oc), 1);
    o.code_mode = 0;
    CHECK_INT(code1("Zelvia condemned Marrow on Monday and attacked Quendor on Tuesday night.", a, &doc, &o, &oc), 2);
    dy_arena_free(&a);
}

TEST(multi_sentence_doc)
{
    dy_arena *a = dy_arena_new(0);
    const char *t = "Zelvia condemned Marrow on Monday after a long meeting of envoys. "
                    "Nothing at all happened in the quiet little town on that day.";
    dy_article art;
    memset(&art, 0, sizeof art);
    art.text = t; art.text_len = strlen(t); art.year = 2024; art.month = 1; art.day = 1;
    dy_sentence s[2] = { { 0, 65, 0, 0 }, { 66, (uint32_t)strlen(t), 0, 0 } };
    dy_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.article = &art;
    doc.text.norm = t;
    doc.text.norm_len = (uint32_t)strlen(t);
    doc.sents = s;
    doc.nsents = 2;
    CHECK_INT(dy_code_doc(D, &doc, a), 0);
    CHECK_INT(doc.nevents, 1);
    if (doc.nevents) CHECK_INT(doc.events[0].sentence, 0);
    /* garbage and empty input never crash */
    static const char junk[] = "\xff\xfe ,,,, ;;; \"\"\" 12,000 ... /* unterminated";
    dy_sentence js = { 0, sizeof junk - 1, 0, 0 };
    doc.text.norm = junk;
    doc.text.norm_len = sizeof junk - 1;
    doc.sents = &js;
    doc.nsents = 1;
    CHECK_INT(dy_code_doc(D, &doc, a), 0);
    CHECK_INT(doc.nevents, 0);
    dy_arena_free(&a);
}

/* dyad's built-in default set (dict/default) and its extensions */
static dy_dict *DD;

static int has_event(const dy_doc *doc, const char *src, const char *tar, const char *cameo_prefix)
{
    for (uint32_t k = 0; k < doc->nevents; k++) {
        const dy_event *e = &doc->events[k];
        if (src && strcmp(e->source.code, src)) continue;
        if (tar && strcmp(e->target.code, tar)) continue;
        if (cameo_prefix && strncmp(e->cameo, cameo_prefix, strlen(cameo_prefix))) continue;
        return 1;
    }
    return 0;
}

static uint32_t coded(const char *text, dy_arena *a, dy_doc *doc, const dy_code_opts *o)
{
    dy_dict *keep = D;
    D = DD;
    dy_arena_reset(a);
    uint32_t n = code1(text, a, doc, o, NULL);
    D = keep;
    return n;
}

TEST(default_targetless)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    dy_code_opts o = *dy_dict_options(DD);
    const char *t = "Five hundred Ugandan rebels surrendered last week in the eastern town of Soroti.";
    CHECK(o.targetless == 2);
    CHECK(coded(t, a, &doc, &o) >= 1);
    CHECK(has_event(&doc, "UGAREB", "UGA", "08"));      /* DOMESTIC: the source's country */
    o.targetless = 1;
    coded(t, a, &doc, &o);
    CHECK(has_event(&doc, "UGAREB", "", "08"));         /* null target */
    o.targetless = 0;
    CHECK_INT(coded(t, a, &doc, &o), 0);                /* TABARI: no target, no event */
    /* a target-less event never hides or joins a full one */
    o = *dy_dict_options(DD);
    CHECK(coded("Russian troops withdrew and Ukrainian forces shelled Russian positions near Kherson.", a, &doc, &o) >= 1);
    for (uint32_t k = 0; k < doc.nevents; k++) CHECK(doc.events[k].target.code[0]);
    dy_arena_free(&a);
}

TEST(default_agent_country)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    dy_code_opts o = *dy_dict_options(DD);
    const char *t = "Egyptian police opened fire on Moslem fundamentalist demonstrators on Monday night, killing one person.";
    CHECK(coded(t, a, &doc, &o) >= 1);
    CHECK(has_event(&doc, "EGYCOP", NULL, NULL));
    CHECK(doc.nevents && !strncmp(doc.events[0].target.code, "EGY", 3));   /* inherited */
    /* no country anywhere: PETRARCH's country-less agent */
    CHECK(coded("Rebels attacked an army checkpoint on Monday morning.", a, &doc, &o) >= 1);
    CHECK(has_event(&doc, "---REB", NULL, "19") || has_event(&doc, "---REB", NULL, "18"));
    /* a role the CONVERT CODES list leaves out stays uncoded */
    CHECK_INT(coded("Students attacked an army checkpoint on Monday morning.", a, &doc, &o), 0);
    /* ... unless it is a title before a name */
    coded("President Tarek Weldon lifted the state of emergency in Sudan on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "SDNGOV", "SDN", "08"));
    o.convert_agents = 0;
    CHECK_INT(coded(t, a, &doc, &o), 0);
    /* the only country is the other side: the agent's country is unknown */
    o = *dy_dict_options(DD);
    coded("Tanks shelled positions of the Palestinian forces.", a, &doc, &o);
    CHECK(has_event(&doc, "---MIL", "PSEMIL", "19"));
    dy_arena_free(&a);
}

TEST(default_compound_agents_and_longest)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    dy_code_opts o = *dy_dict_options(DD);
    coded("Israeli helicopters and tanks shelled positions of the Palestinian security forces near the town of Rafah.", a, &doc, &o);
    CHECK(has_event(&doc, "ISRMIL", "PSECOP", "19"));
    coded("Israeli helicopters and tanks shelled positions near Rafah.", a, &doc, &o);
    CHECK(!has_event(&doc, "ISRMIL", "---MIL", NULL));      /* a conjunct is not the target */
    const char *t = "Israeli intelligence officials have shared evidence with the U.S. about the plot.";
    coded(t, a, &doc, &o);
    CHECK(has_event(&doc, "ISRSPY", "USA", NULL));
    o.longest_actor = 0;
    coded(t, a, &doc, &o);
    CHECK(!has_event(&doc, "ISRSPY", "USA", NULL));
    dy_arena_free(&a);
}

TEST(default_case_actors)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    dy_code_opts o = *dy_dict_options(DD);
    const char *t = "Protesters in Cairo demanded a strict Islamic state on Monday.";
    coded(t, a, &doc, &o);
    CHECK(!has_event(&doc, "IMGMOSISL", NULL, NULL) && !has_event(&doc, NULL, "IMGMOSISL", NULL));
    coded("Islamic State fighters attacked Iraqi troops near Mosul.", a, &doc, &o);
    CHECK(has_event(&doc, "IMGMOSISL", "IRQMIL", "19"));
    coded("ISLAMIC STATE FIGHTERS ATTACKED IRAQI TROOPS NEAR MOSUL.", a, &doc, &o);
    CHECK(has_event(&doc, "IMGMOSISL", "IRQMIL", "19"));   /* all capitals: no case */
    o.case_actors = 0;
    coded(t, a, &doc, &o);
    CHECK(has_event(&doc, "IMGMOSISL", NULL, NULL) || has_event(&doc, NULL, "IMGMOSISL", NULL));
    dy_arena_free(&a);
}

TEST(default_reported_and_participle)
{
    dy_arena *a = dy_arena_new(0);
    dy_doc doc;
    dy_code_opts o = *dy_dict_options(DD);
    const char *t = "France said that Russia attacked Ukraine on Monday.";
    coded(t, a, &doc, &o);
    CHECK(has_event(&doc, "RUS", "UKR", "19"));
    CHECK(!has_event(&doc, "FRA", "UKR", "19"));
    /* the speaker is not the target of what is reported */
    coded("The Joint Chiefs of Staff said North Korean troops detonated explosives around noon.", a, &doc, &o);
    CHECK(!has_event(&doc, "PRKMIL", "---MIL", NULL));
    o.reported_source = 0;
    coded(t, a, &doc, &o);
    CHECK(has_event(&doc, "FRA", "UKR", "19"));            /* TABARI: first actor of the clause */
    o = *dy_dict_options(DD);
    coded("Ukrainian soldier killed by sniper near Avdiivka", a, &doc, &o);
    CHECK(has_event(&doc, "---MIL", "UKRMIL", "19"));
    o.participle = 0;
    coded("Ukrainian soldier killed by sniper near Avdiivka", a, &doc, &o);
    CHECK(!has_event(&doc, "---MIL", "UKRMIL", "19"));
    /* the subject of a passive without "by" is the victim */
    o = *dy_dict_options(DD);
    coded("Ten Russian soldiers were killed in Ukraine on Monday.", a, &doc, &o);
    CHECK(has_event(&doc, "", "RUSMIL", "19"));
    CHECK(!has_event(&doc, "RUSMIL", "UKR", NULL));
    coded("One Ukrainian soldier killed, 3 wounded in war-torn east", a, &doc, &o);
    CHECK(has_event(&doc, "", "UKRMIL", "19"));
    coded("Two Ukrainian soldiers were killed by a roadside bomb.", a, &doc, &o);
    CHECK(has_event(&doc, "", "UKRMIL", "18"));               /* "by" + a weapon */
    coded("Two soldiers killed amid shelling in eastern Ukraine", a, &doc, &o);
    CHECK(has_event(&doc, "", "UKRMIL", "19"));
    CHECK(!has_event(&doc, "UKRMIL", "UKR", NULL));
    coded("Ukrainian soldier killed by Russian sniper", a, &doc, &o);
    CHECK(has_event(&doc, "RUSMIL", "UKRMIL", "19"));         /* "by" + who did it */
    coded("A car bomb killed five Afghan soldiers in Kabul.", a, &doc, &o);
    CHECK(has_event(&doc, "", "AFGMIL", "1832"));            /* weapon subject */
    coded("Russian shelling killed three Ukrainian civilians.", a, &doc, &o);
    CHECK(has_event(&doc, "RUS", "UKRCVL", "19"));
    o.weapon_subjects[0] = '\0';
    coded("A car bomb killed five Afghan soldiers in Kabul.", a, &doc, &o);
    CHECK(!has_event(&doc, "", "AFGMIL", NULL));
    o = *dy_dict_options(DD);
    coded("Russian troops killed ten Ukrainian soldiers on Monday.", a, &doc, &o);
    CHECK(has_event(&doc, "RUSMIL", "UKRMIL", "19"));      /* active: unchanged */
    o.participle = 0;
    coded("Ten Russian soldiers were killed in Ukraine on Monday.", a, &doc, &o);
    CHECK(!has_event(&doc, "", "RUSMIL", "19"));
    /* negation and own forces */
    o = *dy_dict_options(DD);
    coded("Russia did not withdraw its troops from Ukraine.", a, &doc, &o);
    CHECK(has_event(&doc, "RUS", "UKR", "124"));
    o.negation = 0;
    coded("Russia did not withdraw its troops from Ukraine.", a, &doc, &o);
    CHECK(has_event(&doc, "RUS", "UKR", "08"));
    o.own_forces = 0;
    coded("Russia did not withdraw its troops from Ukraine.", a, &doc, &o);
    CHECK(!has_event(&doc, "RUS", "UKR", NULL));
    /* fronted phrase: the main clause after its comma is not subordinate,
       and the phrase's actors are not the source */
    o = *dy_dict_options(DD);
    CHECK_INT(o.fronted, 1);
    coded("In a letter to the UN, Iraq said the inspectors must leave.", a, &doc, &o);
    CHECK(has_event(&doc, "IRQ", NULL, NULL));
    CHECK(!has_event(&doc, "IGOUNO", NULL, NULL));
    coded("After talks with Russia, Turkey criticized Iran.", a, &doc, &o);
    CHECK(has_event(&doc, "TUR", NULL, NULL));
    CHECK(!has_event(&doc, "RUS", NULL, NULL));
    /* ... and the fronted phrase's verb ("talks") is not the main event */
    CHECK(has_event(&doc, "TUR", "IRN", "11"));
    CHECK(!has_event(&doc, NULL, "RUS", NULL));
    o.fronted = 0;
    coded("In a letter to the UN, Iraq said the inspectors must leave.", a, &doc, &o);
    CHECK(!has_event(&doc, "IRQ", NULL, NULL));
    /* locative capitals: the place, not the government */
    o = *dy_dict_options(DD);
    CHECK_INT(o.locative, 1);
    coded("Thousands of protesters marched in Tbilisi on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "GEOOPP", "GEO", "14"));
    CHECK(!has_event(&doc, NULL, "GEOGOV", NULL));
    coded("Tbilisi criticized Moscow on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "GEOGOV", "RUSGOV", "11"));
    coded("Police arrested dozens of protesters at the Kremlin on Sunday.", a, &doc, &o);
    CHECK(!has_event(&doc, NULL, "RUSGOV", NULL));
    o.locative = 0;
    coded("Thousands of protesters marched in Tbilisi on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, NULL, "GEOGOV", NULL));
    /* a role noun after a verb is its object, not a verb of its own */
    o = *dy_dict_options(DD);
    coded("Georgian police arrested protesters on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "GEOCOP", "GEOOPP", "17"));
    coded("Georgian troops attacked demonstrators on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "GEOMIL", "GEOOPP", NULL));
    CHECK(!has_event(&doc, NULL, NULL, "14"));
    /* conditional threats */
    o = *dy_dict_options(DD);
    CHECK_INT(o.conditional, 1);
    coded("Nigeria will withdraw its troops from Chad unless a ceasefire is arranged.", a, &doc, &o);
    CHECK(has_event(&doc, "NGA", NULL, "13"));
    CHECK(!has_event(&doc, "NGA", NULL, "08"));
    coded("Russia will attack Ukraine if NATO expands.", a, &doc, &o);
    CHECK(has_event(&doc, "RUS", "UKR", "138"));
    coded("Nigeria announced that it will withdraw its troops from Chad unless a ceasefire is arranged.", a, &doc, &o);
    CHECK(has_event(&doc, "NGA", NULL, "13"));
    coded("Russia attacked Ukraine and said it will stop if Kyiv surrenders.", a, &doc, &o);
    CHECK(has_event(&doc, "RUS", "UKR", "19"));     /* the attack happened */
    coded("Nigeria withdrew its troops from Chad on Monday.", a, &doc, &o);
    CHECK(has_event(&doc, "NGA", "TCD", "08"));     /* no condition: no threat */
    o.conditional = 0;
    coded("Nigeria will withdraw its troops from Chad unless a ceasefire is arranged.", a, &doc, &o);
    CHECK(!has_event(&doc, "NGA", NULL, "13"));
    /* ethnic communities take the state they live in */
    o = *dy_dict_options(DD);
    CHECK_INT(o.ethnic, 1);
    coded("Ethnic Russians protested in Latvia on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "LVA", NULL, "14"));
    coded("Serb forces killed three ethnic Albanians in southeastern Serbia.", a, &doc, &o);
    CHECK(has_event(&doc, "SRBMIL", "SRB", "19"));
    coded("Albanians protested in Serbia on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "ALB", "SRB", "14"));     /* no "ethnic": unchanged */
    o.ethnic = 0;
    coded("Ethnic Russians protested in Latvia on Sunday.", a, &doc, &o);
    CHECK(has_event(&doc, "RUS", NULL, "14"));
    /* peacekeepers are a role: the source's own, or a country's */
    coded("Nigeria withdrew its peacekeepers from Chad on Monday.", a, &doc, &o);
    CHECK(has_event(&doc, "NGA", "TCD", "16"));
    coded("Rebels attacked Bangladeshi peacekeepers in Sierra Leone.", a, &doc, &o);
    CHECK(has_event(&doc, NULL, "BGDPKO", "19"));
    /* an unknown name and its appositive */
    CHECK_INT(o.appositive, 1);
    coded("Kenzo Oshima, the United Nations coordinator, criticized Iraq.", a, &doc, &o);
    CHECK(has_event(&doc, "IGOUNO", "IRQ", "11"));
    coded("John Smith, the American envoy, criticized Iraq on Monday.", a, &doc, &o);
    CHECK(has_event(&doc, "USAGOV", "IRQ", "11"));
    o.appositive = 0;
    coded("Kenzo Oshima, the United Nations coordinator, criticized Iraq.", a, &doc, &o);
    CHECK(!has_event(&doc, "IGOUNO", "IRQ", NULL));
    o = *dy_dict_options(DD);
    /* a pronoun that stands for the source is not its target */
    coded("President Laurent Gbagbo announced that he will extend the curfew.", a, &doc, &o);
    for (uint32_t k = 0; k < doc.nevents; k++)
        CHECK(doc.events[k].source.off != doc.events[k].target.off || !doc.events[k].target.len);
    /* a title before an unknown name "of Country" */
    coded("King Hassan of Morocco said he would host a meeting with Israel.", a, &doc, &o);
    CHECK(has_event(&doc, "MARGOV", "ISR", NULL));
    /* a role converted to an actor does not take its own code twice */
    coded("Ukraine separatists down army helicopter, 14 killed", a, &doc, &o);
    for (uint32_t k = 0; k < doc.nevents; k++) CHECK(!strstr(doc.events[k].target.code, "MILMIL"));
    /* plural possessive */
    o = *dy_dict_options(DD);
    coded("Protesters condemned the Philippines' military on Monday.", a, &doc, &o);
    CHECK(has_event(&doc, NULL, "PHLMIL", "11"));
    /* forbidding aid */
    coded("The United States would prohibit all aid to Serbia.", a, &doc, &o);
    CHECK(has_event(&doc, "USA", "SRB", "162"));
    /* "X said Y must ..." is a demand */
    o = *dy_dict_options(DD);
    coded("A senior British minister said on Monday that Libya must hand over the suspects.", a, &doc, &o);
    CHECK(has_event(&doc, "GBRGOV", "LBY", "10"));
    dy_arena_free(&a);
}

int main(void)
{
    if (dy_dict_load(&D, "tests/validation/own.project", NULL, NULL)) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    RUN(simple_event_fields);
    RUN(compound_and_pair);
    RUN(outcomes_and_options);
    RUN(multi_sentence_doc);
    if (dy_dict_load(&DD, "dict/default", NULL, NULL)) {
        printf("0 passed, 1 failed\n");
        return 1;
    }
    RUN(default_targetless);
    RUN(default_agent_country);
    RUN(default_compound_agents_and_longest);
    RUN(default_case_actors);
    RUN(default_reported_and_participle);
    dy_dict_free(&DD);
    dy_dict_free(&D);
    return harness_done();
}
