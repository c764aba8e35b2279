/* test_frame.c — attribution and status on hand-built coder events over
 * realistic news sentences: "X said", "S, X said", "according to X",
 * quotes, "told", state media, claims later called unverified, third-party
 * denials (and the shapes that deny nothing: negated, refusals, nouns, one's
 * own claim, another holder's claim), confirmations, conditionals, threats
 * and negation. */
#include "harness.h"
#include "enrich_fixture.h"
#include "enrich.h"
#include "frame.h"

static dy_gazetteer *G;

static int run_frames(fx *f)
{
    int rc = dy_frame_doc(G, &f->doc, f->a);
    dy_frame_drop_reporting(&f->doc);
    return rc;
}

TEST(tail_frame_takes_code_from_coder)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-16", "North Korea blew up sections of roads near the border on "
                      "Tuesday, South Korea's military said."), 0);
    fx_event(&f, "blew up", "North Korea", "PRK", "roads", "", "1712");
    fx_event(&f, "said", "South Korea's military", "KORMIL", "", "", "010");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.doc.nevents, 1); /* "said" is only the frame */
    CHECK_STR(f.ev[0].cameo, "1712");
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(f.ev[0].attribution.code, "KORMIL");
    CHECK_STR(f.ev[0].attribution.country, "KOR");
    CHECK_STR(fx_span(&f, f.ev[0].attribution.off, f.ev[0].attribution.len),
              "South Korea's military");
    fx_free(&f);
}

TEST(claim_later_called_unverified)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-16",
                      "Ukraine's air force said it shot down 27 Russian drones over the Poltava "
                      "region overnight. The claims could not be independently verified."), 0);
    fx_event(&f, "shot down", "it", "", "drones", "RUSMIL", "190");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_UNVERIFIED);
    CHECK_STR(f.ev[0].attribution.code, "UKRMIL");
    CHECK_STR(fx_span(&f, f.ev[0].attribution.off, f.ev[0].attribution.len), "Ukraine's air force");
    fx_free(&f);
}

TEST(third_party_denial_back_reference)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-03-02",
                      "Ukrainian officials said Russian troops shelled a hospital in Kharkiv. "
                      "Residents described heavy damage. The Kremlin dismissed the claims."), 0);
    fx_event(&f, "shelled", "Russian troops", "RUSMIL", "hospital", "", "195");
    fx_event(&f, "dismissed", "Kremlin", "RUSGOV", "", "", "1311");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.doc.nevents, 2);
    CHECK_INT(f.ev[0].status, DY_ST_DISPUTED);
    CHECK_STR(f.ev[0].attribution.code, "UKRGOV"); /* demonym + "officials" */
    CHECK_INT(f.ev[1].status, DY_ST_ASSERTED);      /* the dismissal itself */
    CHECK_STR(f.ev[1].attribution.code, "");
    fx_free(&f);
}

TEST(denial_with_clause_is_local)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-03-02", "Moscow denied that its forces had struck the convoy."), 0);
    fx_event(&f, "struck", "its forces", "", "convoy", "", "190");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_DISPUTED);
    fx_free(&f);
}

TEST(conditional_is_hypothetical)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-03-02", "NATO would respond if Russian troops were deployed to "
                      "Belarus, the alliance's chief warned."), 0);
    fx_event(&f, "respond", "NATO", "NAT", "", "", "0");
    fx_event(&f, "deployed", "Russian troops", "RUSMIL", "Belarus", "BLR", "1541");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.doc.nevents, 2);
    CHECK_INT(f.ev[0].status, DY_ST_HYPOTHETICAL);
    CHECK_INT(f.ev[1].status, DY_ST_HYPOTHETICAL);
    CHECK_STR(f.ev[1].attribution.code, DY_FRAME_UNKNOWN_SPEAKER);
    CHECK_STR(fx_span(&f, f.ev[1].attribution.off, f.ev[1].attribution.len), "alliance's chief");
    fx_free(&f);
}

TEST(threat_asserted_threatened_action_hypothetical)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-03-02", "North Korea threatened to attack South Korea on Monday."), 0);
    fx_event(&f, "threatened", "North Korea", "PRK", "South Korea", "KOR", "138");
    fx_event(&f, "attack", "North Korea", "PRK", "South Korea", "KOR", "190");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_ASSERTED);
    CHECK_INT(f.ev[1].status, DY_ST_HYPOTHETICAL);
    fx_free(&f);
}

TEST(negation_and_yet_to)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-03-02", "Russia did not attack the convoy, officials said. "
                      "The Pentagon has yet to comment."), 0);
    fx_event(&f, "attack", "Russia", "RUS", "convoy", "", "190");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.doc.nevents, 1); /* status rules never create events */
    CHECK_INT(f.ev[0].status, DY_ST_NEGATED);
    /* "officials" of the article's only country (as AGENT COUNTRY) */
    CHECK_STR(f.ev[0].attribution.code, "RUSGOV");
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-03-02", "The Pentagon has yet to comment on the strike."), 0);
    fx_event(&f, "comment", "Pentagon", "USAMIL", "", "", "010");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_NEGATED);
    fx_free(&f);
}

TEST(confirmation_back_reference)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "Reports from Seoul suggest North Korea sent troops to Russia. "
                      "The Pentagon later confirmed the transfer."), 0);
    fx_event(&f, "sent", "North Korea", "PRK", "Russia", "RUS", "0874");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CONFIRMED);
    CHECK_STR(fx_span(&f, f.ev[0].attribution.off, f.ev[0].attribution.len), "Reports from Seoul");
    fx_free(&f);
}

TEST(according_to_state_media)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "According to Syrian state media, Israeli jets struck "
                      "targets near Aleppo."), 0);
    fx_event(&f, "struck", "Israeli jets", "ISRMIL", "targets", "", "195");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(f.ev[0].attribution.code, "SYRMED");
    CHECK_STR(fx_span(&f, f.ev[0].attribution.off, f.ev[0].attribution.len), "Syrian state media");
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-10-20", "Israeli jets struck targets near Aleppo, according to "
                      "the Syrian Observatory for Human Rights."), 0);
    fx_event(&f, "struck", "Israeli jets", "ISRMIL", "targets", "", "195");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(fx_span(&f, f.ev[0].attribution.off, f.ev[0].attribution.len),
              "Syrian Observatory for Human Rights");
    fx_free(&f);
}

TEST(quotes_and_inversion)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "\"Russian forces attacked Kharkiv overnight,\" the "
                      "governor said."), 0);
    fx_event(&f, "attacked", "Russian forces", "RUSMIL", "Kharkiv", "UKR", "190");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(fx_span(&f, f.ev[0].attribution.off, f.ev[0].attribution.len), "governor");
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-10-20", "Israeli aircraft struck targets in Gaza, said the army."), 0);
    fx_event(&f, "struck", "Israeli aircraft", "ISRMIL", "targets", "", "195");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(fx_span(&f, f.ev[0].attribution.off, f.ev[0].attribution.len), "army");
    fx_free(&f);
}

TEST(told_and_state_media_reported)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "Putin told reporters that Russian forces had captured "
                      "the village."), 0);
    fx_event(&f, "told", "Putin", "RUSGOV", "reporters", "", "010");
    fx_event(&f, "captured", "Russian forces", "RUSMIL", "village", "", "1951");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.doc.nevents, 1);
    CHECK_STR(f.ev[0].cameo, "1951");
    CHECK_STR(f.ev[0].attribution.code, "RUSGOV");
    CHECK_INT(f.ev[0].index, 0);
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-10-20", "North Korea's state media reported that leader Kim Jong "
                      "Un inspected missile units."), 0);
    fx_event(&f, "inspected", "Kim Jong Un", "PRKGOV", "", "", "0");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(f.ev[0].attribution.code, "PRKMED");
    fx_free(&f);
}

TEST(accusation_is_an_event)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "Ukraine accused Russia of shelling the Zaporizhzhia plant."), 0);
    fx_event(&f, "accused", "Ukraine", "UKR", "Russia", "RUS", "112");
    fx_event(&f, "shelling", "Russia", "RUS", "plant", "", "195");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.doc.nevents, 2);
    CHECK_INT(f.ev[0].status, DY_ST_ASSERTED);
    CHECK_INT(f.ev[1].status, DY_ST_CLAIMED);
    CHECK_STR(f.ev[1].attribution.code, "UKR");
    fx_free(&f);
}

TEST(same_sentence_unverified)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "Rebels said they killed 40 soldiers, a claim that could "
                      "not be independently verified."), 0);
    fx_event(&f, "killed", "they", "", "soldiers", "", "1823");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_UNVERIFIED);
    CHECK_STR(f.ev[0].attribution.code, DY_FRAME_UNKNOWN_SPEAKER);
    fx_free(&f);
}

TEST(plain_assertion_untouched)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "Russian troops entered the town of Avdiivka on Saturday."), 0);
    fx_event(&f, "entered", "Russian troops", "RUSMIL", "", "", "0874");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_ASSERTED);
    CHECK_STR(f.ev[0].attribution.code, "");
    CHECK_INT(f.ev[0].attribution.len, 0);
    fx_free(&f);
}

TEST(reporting_only_helper)
{
    CHECK_INT(dy_frame_is_reporting_only("010", "said", 4), 1);
    CHECK_INT(dy_frame_is_reporting_only("", "Told", 4), 1);
    CHECK_INT(dy_frame_is_reporting_only("112", "accused", 7), 0);
    CHECK_INT(dy_frame_is_reporting_only("010", "accused", 7), 0);
    CHECK_INT(dy_frame_is_reporting_only("190", "said", 4), 0);
    CHECK_INT(dy_frame_is_reporting_only("010", NULL, 0), 0);
}

TEST(said_alone_is_kept)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-10-20", "The foreign ministry said on Friday."), 0);
    fx_event(&f, "said", "foreign ministry", "GOV", "", "", "010");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.doc.nevents, 1);
    fx_free(&f);
}

/* Denials that deny no earlier claim: negated, a refusal, a noun, one's
 * own claim (frame.c, classify_denial and apply_denial). */
TEST(denials_that_dispute_nothing)
{
    fx f;
    CHECK_INT(fx_init(&f, "2024-03-02", "Russian troops shelled a market in Kharkiv, Ukrainian "
                      "officials said. The Kremlin did not deny the report."), 0);
    fx_event(&f, "shelled", "Russian troops", "RUSMIL", "market", "", "195");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    CHECK_STR(f.ev[0].attribution.code, "UKRGOV");
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-03-02", "Police detained 30 activists in Minsk, the interior "
                      "ministry said. Border guards denied entry to foreign reporters."), 0);
    fx_event(&f, "detained", "Police", "BLRCOP", "activists", "", "173");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-03-02", "Ahead of the regional contests, the party accused the "
                      "governor of fraud."), 0);
    fx_event(&f, "accused", "party", "", "governor", "", "112");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_ASSERTED);
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-03-02", "Russia's defence ministry said its forces captured the "
                      "village. Moscow denied the reports."), 0);
    fx_event(&f, "captured", "its forces", "RUSMIL", "village", "", "1951");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED); /* nobody denies their own claim */
    fx_free(&f);
}

TEST(denials_that_dispute)
{
    fx f;
    /* passive, the denier after "by" */
    CHECK_INT(fx_init(&f, "2024-03-02", "Ukrainian officials said Russian jets bombed a school. "
                      "The claims were rejected by the Kremlin."), 0);
    fx_event(&f, "bombed", "Russian jets", "RUSMIL", "school", "", "195");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_DISPUTED);
    fx_free(&f);
    /* a plural object is not stopped by a nearer uncoded claim */
    CHECK_INT(fx_init(&f, "2024-03-02", "Syrian state media said Israeli jets struck an airport "
                      "near Aleppo. The army said the runway was closed. Israel dismissed the "
                      "reports."), 0);
    fx_event(&f, "struck", "Israeli jets", "ISRMIL", "airport", "", "195");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_DISPUTED);
    fx_free(&f);
    /* whose claim: "Kyiv's account" is Ukraine's, "Washington's" is not */
    CHECK_INT(fx_init(&f, "2024-03-02", "Ukraine's army said Russian drones hit a fuel depot. "
                      "Moscow dismissed Kyiv's account."), 0);
    fx_event(&f, "hit", "Russian drones", "RUSMIL", "fuel depot", "", "190");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_DISPUTED);
    fx_free(&f);
    CHECK_INT(fx_init(&f, "2024-03-02", "Ukraine's army said Russian drones hit a fuel depot. "
                      "Moscow dismissed Washington's account."), 0);
    fx_event(&f, "hit", "Russian drones", "RUSMIL", "fuel depot", "", "190");
    CHECK_INT(run_frames(&f), 0);
    CHECK_INT(f.ev[0].status, DY_ST_CLAIMED);
    fx_free(&f);
}

int main(void)
{
    G = fx_gaz();
    RUN(tail_frame_takes_code_from_coder);
    RUN(claim_later_called_unverified);
    RUN(third_party_denial_back_reference);
    RUN(denial_with_clause_is_local);
    RUN(conditional_is_hypothetical);
    RUN(threat_asserted_threatened_action_hypothetical);
    RUN(negation_and_yet_to);
    RUN(confirmation_back_reference);
    RUN(according_to_state_media);
    RUN(quotes_and_inversion);
    RUN(told_and_state_media_reported);
    RUN(accusation_is_an_event);
    RUN(same_sentence_unverified);
    RUN(plain_assertion_untouched);
    RUN(reporting_only_helper);
    RUN(said_alone_is_kept);
    RUN(denials_that_dispute_nothing);
    RUN(denials_that_dispute);
    dy_place_gaz_free(&G);
    return harness_done();
}
