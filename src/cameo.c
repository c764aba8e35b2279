/* cameo.c — the CAMEO event-code tables: label, Goldstein value, QuadClass,
 * PLOVER event/mode/context of every CAMEO 1.1b3 code, plus the CAMEO country
 * and actor-type names. The rows between the GENERATED markers are written
 * by scripts/gen_cameo.sh from the public reference lookups (see that script
 * for the corrections it applies); everything is static const and sorted by
 * code (strcmp order), so lookups are binary searches. */
#include <stddef.h>
#include <string.h>
#include "cameo.h"

typedef struct cameo_row {
    dy_cameo_info info;
    const char *plover_context;  /* "military", "crime; corruption", or NULL */
} cameo_row;

/* {{code, label, goldstein, quad_class, plover_event, plover_mode}, plover_context} */
static const cameo_row cameo_codes[] = {
    /* BEGIN GENERATED codes (scripts/gen_cameo.sh) */
    {{"01", "Make public statement", 0.0, 1, NULL, NULL}, NULL},
    {{"010", "Make statement, not specified below", 0.0, 1, NULL, NULL}, NULL},
    {{"011", "Decline comment", -0.1, 1, NULL, NULL}, NULL},
    {{"012", "Make pessimistic comment", -0.4, 1, NULL, NULL}, NULL},
    {{"013", "Make optimistic comment", 0.4, 1, NULL, NULL}, NULL},
    {{"014", "Consider policy option", 0.0, 1, NULL, NULL}, NULL},
    {{"015", "Acknowledge or claim responsibility", 0.0, 1, NULL, NULL}, NULL},
    {{"016", "Deny responsibility", -2.0, 1, NULL, NULL}, NULL},
    {{"017", "Engage in symbolic act", 0.0, 1, NULL, NULL}, NULL},
    {{"018", "Make empathetic comment", 3.4, 1, NULL, NULL}, NULL},
    {{"019", "Express accord", 3.4, 1, NULL, NULL}, NULL},
    {{"02", "Appeal", 3.0, 1, "REQUEST", NULL}, NULL},
    {{"020", "Appeal, not specified below", 3.0, 1, "REQUEST", NULL}, NULL},
    {{"021", "Appeal for material cooperation, not specified below", 3.4, 1, "REQUEST", "assist"}, NULL},
    {{"0211", "Appeal for economic cooperation", 3.4, 1, "REQUEST", "assist"}, "economic"},
    {{"0212", "Appeal for military cooperation", 3.4, 1, "REQUEST", "assist"}, "military"},
    {{"0213", "Appeal for judicial cooperation", 3.4, 1, "REQUEST", "assist"}, "legal"},
    {{"0214", "Appeal for intelligence", 3.4, 1, "REQUEST", "assist"}, "intelligence"},
    {{"022", "Appeal for diplomatic cooperation, such as policy support", 3.2, 1, "REQUEST", "assist"}, "diplomatic"},
    {{"023", "Appeal for aid, not specified below", 3.4, 1, "REQUEST", "assist"}, NULL},
    {{"0231", "Appeal for economic aid", 3.4, 1, "REQUEST", "assist"}, "economic"},
    {{"0232", "Appeal for military aid", 3.4, 1, "REQUEST", "assist"}, "military"},
    {{"0233", "Appeal for humanitarian aid", 3.4, 1, "REQUEST", "assist"}, "humanitarian"},
    {{"0234", "Appeal for military protection or peacekeeping", 3.4, 1, "REQUEST", "assist"}, "peacekeeping"},
    {{"024", "Appeal for political reform, not specified below", -0.3, 1, "REQUEST", "change"}, "political_institutions"},
    {{"0241", "Appeal for change in leadership", -0.3, 1, "REQUEST", "change"}, "executive"},
    {{"0242", "Appeal for policy change", -0.3, 1, "REQUEST", "change"}, "executive"},
    {{"0243", "Appeal for rights", -0.3, 1, "REQUEST", "change"}, "rights_freedoms"},
    {{"0244", "Appeal for change in institutions, regime", -0.3, 1, "REQUEST", "change"}, "political_institutions"},
    {{"025", "Appeal to yield", -0.3, 1, "REQUEST", "change"}, "legal"},
    {{"0251", "Appeal for easing of administrative sanctions", -0.3, 1, "REQUEST", "yield"}, "legal"},
    {{"0252", "Appeal for easing of popular dissent", -0.3, 1, "REQUEST", "yield"}, "legal"},
    {{"0253", "Appeal for release of persons or property", -0.3, 1, "REQUEST", "yield"}, "legal"},
    {{"0254", "Appeal for easing of economic sanctions, boycott, or embargo", -0.3, 1, "REQUEST", "yield"}, "economic"},
    {{"0255", "Appeal for target to allow international involvement (non-mediation)", -0.3, 1, "REQUEST", "yield"}, "diplomatic"},
    {{"0256", "Appeal for de-escalation of military engagement", -0.3, 1, "REQUEST", "yield"}, "military"},
    {{"026", "Appeal to others to meet or negotiate", 4.0, 1, "REQUEST", "meet"}, "diplomatic"},
    {{"027", "Appeal to others to settle dispute", 4.0, 1, "REQUEST", "meet"}, "diplomatic"},
    {{"028", "Appeal to others to engage in or accept mediation", 4.0, 1, "REQUEST", "meet"}, "diplomatic"},
    {{"03", "Express intent to cooperate", 4.0, 1, "AGREE", NULL}, NULL},
    {{"030", "Express intent to cooperate, not specified below", 4.0, 1, "AGREE", NULL}, "diplomatic"},
    {{"031", "Express intent to engage in material cooperation, not specified below", 5.2, 1, "AGREE", NULL}, "diplomatic"},
    {{"0311", "Express intent to cooperate economically", 5.2, 1, "AGREE", NULL}, "economic"},
    {{"0312", "Express intent to cooperate militarily", 5.2, 1, "AGREE", NULL}, "military"},
    {{"0313", "Express intent to cooperate on judicial matters", 5.2, 1, "AGREE", NULL}, "legal"},
    {{"0314", "Express intent to cooperate on intelligence", 5.2, 1, "AGREE", NULL}, "intelligence"},
    {{"032", "Express intent to provide diplomatic cooperation such as policy support", 4.5, 1, "AGREE", NULL}, "diplomatic"},
    {{"033", "Express intent to provide matyerial aid, not specified below", 5.2, 1, "AGREE", NULL}, "diplomatic"},
    {{"0331", "Express intent to provide economic aid", 5.2, 1, "AGREE", NULL}, "economic"},
    {{"0332", "Express intent to provide military aid", 5.2, 1, "AGREE", NULL}, "military"},
    {{"0333", "Express intent to provide humanitarian aid", 5.2, 1, "AGREE", NULL}, "humanitarian"},
    {{"0334", "Express intent to provide military protection or peacekeeping", 6.0, 1, "AGREE", NULL}, "peacekeeping"},
    {{"034", "Express intent to institute political reform, not specified below", 7.0, 1, "AGREE", NULL}, "political_institutions"},
    {{"0341", "Express intent to change leadership", 7.0, 1, "AGREE", NULL}, "political_institutions"},
    {{"0342", "Express intent to change policy", 7.0, 1, "AGREE", NULL}, "executive"},
    {{"0343", "Express intent to provide rights", 7.0, 1, "AGREE", NULL}, "rights_freedoms"},
    {{"0344", "Express intent to change institutions, regime", 7.0, 1, "AGREE", NULL}, "political_institutions"},
    {{"035", "Express intent to yield, not specified below", 7.0, 1, "AGREE", NULL}, NULL},
    {{"0351", "Express intent to ease administrative sanctions", 7.0, 1, "AGREE", NULL}, "rights_freedoms"},
    {{"0352", "Express intent to ease popular dissent", 7.0, 1, "AGREE", NULL}, NULL},
    {{"0353", "Express intent to release persons or property", 7.0, 1, "AGREE", NULL}, "rights_freedoms"},
    {{"0354", "Express intent to ease economic sanctions, boycott, or embargo", 7.0, 1, "AGREE", NULL}, "economic"},
    {{"0355", "Express intent allow international involvement (not mediation)", 7.0, 1, "AGREE", NULL}, "diplomatic"},
    {{"0356", "Express intent to de-escalate military engagement", 7.0, 1, "AGREE", NULL}, "military"},
    {{"036", "Express intent to meet or negotiate", 4.0, 1, "AGREE", NULL}, "diplomatic"},
    {{"037", "Express intent to settle dispute", 5.0, 1, "AGREE", NULL}, "diplomatic"},
    {{"038", "Express intent to accept mediation", 7.0, 1, "AGREE", NULL}, "diplomatic"},
    {{"039", "Express intent to mediate", 5.0, 1, "AGREE", NULL}, "diplomatic"},
    {{"04", "Consult", 1.0, 1, "CONSULT", NULL}, NULL},
    {{"040", "Consult, not specified below", 1.0, 1, "CONSULT", NULL}, NULL},
    {{"041", "Discuss by telephone", 1.0, 1, "CONSULT", "phone"}, NULL},
    {{"042", "Make a visit", 1.9, 1, "CONSULT", "visit"}, NULL},
    {{"043", "Host a visit", 2.8, 1, "CONSULT", "visit"}, NULL},
    {{"044", "Meet at a 'third' location", 2.5, 1, "CONSULT", "third-party"}, NULL},
    {{"045", "Mediate", 5.0, 1, "CONSULT", NULL}, "diplomatic"},
    {{"046", "Engage in negotiation", 7.0, 1, "CONSULT", NULL}, "diplomatic"},
    {{"05", "Engage in diplomatic cooperation", 3.5, 1, "SUPPORT", NULL}, NULL},
    {{"050", "Engage in diplomatic cooperation, not specified below", 3.5, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"051", "Praise or endorse", 3.4, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"052", "Defend verbally", 3.5, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"053", "Rally support on behalf of", 3.8, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"054", "Grant diplomatic recognition", 6.0, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"055", "Apologize", 7.0, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"056", "Forgive", 7.0, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"057", "Sign formal agreement", 8.0, 1, "SUPPORT", NULL}, "diplomatic"},
    {{"06", "Engage in material cooperation", 6.0, 2, "COOPERATE", NULL}, NULL},
    {{"060", "Engage in material cooperation, not specified below", 6.0, 2, "COOPERATE", NULL}, NULL},
    {{"061", "Cooperate economically", 6.4, 2, "COOPERATE", NULL}, "economic"},
    {{"062", "Cooperate militarily", 7.4, 2, "COOPERATE", NULL}, "military"},
    {{"063", "Engage in judicial cooperation", 7.4, 2, "COOPERATE", NULL}, "legal"},
    {{"064", "Share intelligence or information", 7.0, 2, "COOPERATE", NULL}, "intelligence"},
    {{"07", "Provide aid", 7.0, 2, "AID", NULL}, NULL},
    {{"070", "Provide aid, not specified below", 7.0, 2, "AID", NULL}, NULL},
    {{"071", "Provide economic aid", 7.4, 2, "AID", NULL}, "economic"},
    {{"072", "Provide military aid", 8.3, 2, "AID", NULL}, "military"},
    {{"073", "Provide humanitarian aid", 7.4, 2, "AID", NULL}, "humanitarian"},
    {{"074", "Provide military protection or peacekeeping", 8.5, 2, "AID", NULL}, "peacekeeping"},
    {{"075", "Grant asylum", 7.0, 2, "AID", NULL}, "asylum"},
    {{"08", "Yield", 5.0, 2, "CONCEDE", NULL}, NULL},
    {{"080", "Yield, not specified below", 5.0, 2, "CONCEDE", NULL}, NULL},
    {{"081", "Ease administrative sanctions, not specified below", 5.0, 2, "CONCEDE", NULL}, "legal"},
    {{"0811", "Ease restrictions on political freedoms", 5.0, 2, "CONCEDE", NULL}, "democracy"},
    {{"0812", "Ease ban on political parties or politicians", 5.0, 2, "CONCEDE", NULL}, "democracy"},
    {{"0813", "Ease curfew", 5.0, 2, "RETREAT", NULL}, "legal"},
    {{"0814", "Ease state of emergency or martial law", 5.0, 2, "RETREAT", NULL}, "legal"},
    {{"082", "Ease political dissent", 5.0, 2, "CONCEDE", NULL}, "democracy"},
    {{"083", "Accede to requests or demands for political reform not specified below", 5.0, 2, "CONCEDE", NULL}, "political_institutions"},
    {{"0831", "Accede to demands for change in leadership", 5.0, 2, "CONCEDE", NULL}, "political_institutions"},
    {{"0832", "Accede to demands for change in policy", 5.0, 2, "CONCEDE", NULL}, "executive"},
    {{"0833", "Accede to demands for rights", 5.0, 2, "CONCEDE", NULL}, "rights_freedoms"},
    {{"0834", "Accede to demands for change in institutions, regime", 5.0, 2, "CONCEDE", NULL}, "political_institutions"},
    {{"084", "Return, release, not specified below", 7.0, 2, "RETREAT", NULL}, NULL},
    {{"0841", "Return, release person(s)", 7.0, 2, "RETREAT", "release"}, "legal"},
    {{"0842", "Return, release property", 7.0, 2, "RETREAT", "return"}, "legal"},
    {{"085", "Ease economic sanctions, boycott, embargo", 7.0, 2, "RETREAT", "ease"}, "economic"},
    {{"086", "Allow international involvement not specified below", 9.0, 2, "RETREAT", "access"}, "diplomatic"},
    {{"0861", "Receive deployment of peacekeepers", 9.0, 2, "RETREAT", "access"}, "peacekeeping"},
    {{"0862", "Receive inspectors", 9.0, 2, "RETREAT", "access"}, "diplomatic"},
    {{"0863", "Allow delivery of humanitarian aid", 9.0, 2, "RETREAT", "access"}, "humanitarian"},
    {{"087", "De-escalate military engagement", 9.0, 2, "RETREAT", "disarm"}, "military"},
    {{"0871", "Declare truce, ceasefire", 9.0, 2, "RETREAT", "ceasefire"}, "military"},
    {{"0872", "Ease military blockade", 9.0, 2, "RETREAT", "withdraw"}, "military"},
    {{"0873", "Demobilize armed forces", 9.0, 2, "RETREAT", "disarm"}, "military"},
    {{"0874", "Retreat or surrender militarily", 10.0, 2, "RETREAT", "disarm"}, "military"},
    {{"09", "Investigate", -2.0, 3, "ACCUSE", NULL}, NULL},
    {{"090", "Investigate, not specified below", -2.0, 3, "ACCUSE", "investigate"}, NULL},
    {{"091", "Investigate crime, corruption", -2.0, 3, "ACCUSE", "investigate"}, "crime; corruption"},
    {{"092", "Investigate human rights abuses", -2.0, 3, "ACCUSE", "investigate"}, "human_rights"},
    {{"093", "Investigate military action", -2.0, 3, "ACCUSE", "investigate"}, "military"},
    {{"094", "Investigate war crimes", -2.0, 3, "ACCUSE", "investigate"}, "military; legal"},
    {{"10", "Demand", -5.0, 3, "REQUEST", NULL}, NULL},
    {{"100", "Demand, not specified below", -5.0, 3, "REQUEST", NULL}, NULL},
    {{"101", "Demand material cooperation, not specified below", -5.0, 3, "REQUEST", "assist"}, NULL},
    {{"1011", "Demand economic cooperation", -5.0, 3, "REQUEST", "assist"}, "economic"},
    {{"1012", "Demand military cooperation", -5.0, 3, "REQUEST", "assist"}, "military"},
    {{"1013", "Demand judicial cooperation", -5.0, 3, "REQUEST", "assist"}, "legal"},
    {{"1014", "Demand intelligence cooperation", -5.0, 3, "REQUEST", "assist"}, "intelligence"},
    {{"102", "Demand policy support", -5.0, 3, "REQUEST", "assist"}, "diplomatic"},
    {{"103", "Demand material aid, not specified below", -5.0, 3, "REQUEST", "assist"}, NULL},
    {{"1031", "Demand economic aid", -5.0, 3, "REQUEST", "assist"}, "economic"},
    {{"1032", "Demand military aid", -5.0, 3, "REQUEST", "assist"}, "military"},
    {{"1033", "Demand humanitarian aid", -5.0, 3, "REQUEST", "assist"}, "humanitarian"},
    {{"1034", "Demand military protection or peacekeeping", -5.0, 3, "REQUEST", "assist"}, "peacekeeping"},
    {{"104", "Demand political reform, not specified below", -5.0, 3, "REQUEST", "change"}, "political_institutions"},
    {{"1041", "Demand change in leadership", -5.0, 3, "REQUEST", "change"}, "executive"},
    {{"1042", "Demand policy change", -5.0, 3, "REQUEST", "change"}, "executive"},
    {{"1043", "Demand rights", -5.0, 3, "REQUEST", "change"}, "rights_freedoms"},
    {{"1044", "Demand change in institutions, regime", -5.0, 3, "REQUEST", "change"}, "political_institutions"},
    {{"105", "Demand that target yield, not specified below", -5.0, 3, "REQUEST", "change"}, "legal"},
    {{"1051", "Demand easing of administrative sanctions", -5.0, 3, "REQUEST", "yield"}, "legal"},
    {{"1052", "Demand easing of political dissent", -5.0, 3, "REQUEST", "yield"}, "legal"},
    {{"1053", "Demand release of persons or property", -5.0, 3, "REQUEST", "yield"}, "legal"},
    {{"1054", "Demand easing of economic sanctions, boycott, or embargo", -5.0, 3, "REQUEST", "yield"}, "economic"},
    {{"1055", "Demand that target allows international involvement (non-mediation)", -5.0, 3, "REQUEST", "yield"}, "diplomatic"},
    {{"1056", "Demand de-escalation of military engagement", -5.0, 3, "REQUEST", "yield"}, "military"},
    {{"106", "Demand meeting, negotiation", -5.0, 3, "REQUEST", "meet"}, "diplomatic"},
    {{"107", "Demand settling of dispute", -5.0, 3, "REQUEST", "meet"}, "diplomatic"},
    {{"108", "Demand mediation", -5.0, 3, "REQUEST", "meet"}, "diplomatic"},
    {{"11", "Disapprove", -2.0, 3, "ACCUSE", NULL}, NULL},
    {{"110", "Disapprove, not specified below", -2.0, 3, "ACCUSE", "disapprove"}, NULL},
    {{"111", "Criticize or denounce", -2.0, 3, "ACCUSE", "disapprove"}, NULL},
    {{"112", "Accuse, not specified below", -2.0, 3, "ACCUSE", "disapprove"}, NULL},
    {{"1121", "Accuse of crime, corruption", -2.0, 3, "ACCUSE", "allege"}, "crime; corruption"},
    {{"1122", "Accuse of human rights abuses", -2.0, 3, "ACCUSE", "allege"}, "human_rights"},
    {{"1123", "Accuse of aggression", -2.0, 3, "ACCUSE", "allege"}, "military"},
    {{"1124", "Accuse of war crimes", -2.0, 3, "ACCUSE", "allege"}, "military; legal"},
    {{"1125", "Accuse of espionage, treason", -2.0, 3, "ACCUSE", "allege"}, "legal"},
    {{"113", "Rally opposition against", -2.0, 3, "ACCUSE", "disapprove"}, NULL},
    {{"114", "Complain officially", -2.0, 3, "ACCUSE", "allege"}, "diplomatic"},
    {{"115", "Bring lawsuit against", -2.0, 3, "ACCUSE", "allege"}, "legal"},
    {{"116", "Find guilty or liable (legally)", -2.0, 3, "ACCUSE", "disapprove"}, "legal"},
    {{"12", "Reject", -4.0, 3, "REJECT", NULL}, NULL},
    {{"120", "Reject, not specified below", -4.0, 3, "REJECT", NULL}, NULL},
    {{"121", "Reject material cooperation", -4.0, 3, "REJECT", "assist"}, NULL},
    {{"1211", "Reject economic cooperation", -4.0, 3, "REJECT", "assist"}, "economic"},
    {{"1212", "Reject military cooperation", -4.0, 3, "REJECT", "assist"}, "military"},
    {{"1213", "Reject judicial cooperation", -4.0, 3, "REJECT", "assist"}, "legal"},
    {{"1214", "Reject intelligence cooperation", -4.0, 3, "REJECT", "assist"}, "intelligence"},
    {{"122", "Reject request or demand for material aid, not specified below", -4.0, 3, "REJECT", "assist"}, NULL},
    {{"1221", "Reject request for economic aid", -4.0, 3, "REJECT", "assist"}, "economic"},
    {{"1222", "Reject request for military aid", -4.0, 3, "REJECT", "assist"}, "military"},
    {{"1223", "Reject request for humanitarian aid", -4.0, 3, "REJECT", "assist"}, "humanitarian"},
    {{"1224", "Reject request for military protection or peacekeeping", -4.0, 3, "REJECT", "assist"}, "peacekeeping"},
    {{"123", "Reject request or demand for political reform, not specified below", -4.0, 3, "REJECT", "change"}, "political_institutions"},
    {{"1231", "Reject request for change in leadership", -4.0, 3, "REJECT", "change"}, "executive"},
    {{"1232", "Reject request for policy change", -4.0, 3, "REJECT", "change"}, "executive"},
    {{"1233", "Reject request for rights", -4.0, 3, "REJECT", "change"}, "rights_freedoms"},
    {{"1234", "Reject request for change in institutions, regime", -4.0, 3, "REJECT", "change"}, "political_institutions"},
    {{"124", "Refuse to yield, not specified below", -4.0, 3, "REJECT", "change"}, NULL},
    {{"1241", "Refuse to ease administrative sanctions", -4.0, 3, "REJECT", "change"}, "executive"},
    {{"1242", "Refuse to ease popular dissent", -4.0, 3, "REJECT", "change"}, NULL},
    {{"1243", "Refuse to release persons or property", -4.0, 3, "REJECT", "yield"}, "legal"},
    {{"1244", "Refuse to ease economic sanctions, boycott, or embargo", -4.0, 3, "REJECT", "yield"}, "economic"},
    {{"1245", "Refuse to allow international involvement (non mediation)", -4.0, 3, "REJECT", "yield"}, "diplomatic"},
    {{"1246", "Refuse to de-escalate military engagement", -4.0, 3, "REJECT", "yield"}, "military"},
    {{"125", "Reject proposal to meet, discuss, or negotiate", -5.0, 3, "REJECT", "meet"}, "diplomatic"},
    {{"126", "Reject mediation", -5.0, 3, "REJECT", "meet"}, "diplomatic"},
    {{"127", "Reject plan, agreement to settle dispute", -5.0, 3, "REJECT", "meet"}, "diplomatic"},
    {{"128", "Defy norms, law", -5.0, 3, "REJECT", "yield"}, "legal"},
    {{"129", "Veto", -5.0, 3, "REJECT", "yield"}, "diplomatic"},
    {{"13", "Threaten", -6.0, 3, "THREATEN", NULL}, NULL},
    {{"130", "Threaten, not specified below", -4.4, 3, "THREATEN", NULL}, NULL},
    {{"131", "Threaten non-force, not specified below", -5.8, 3, "THREATEN", NULL}, NULL},
    {{"1311", "Threaten to reduce or stop aid", -5.8, 3, "THREATEN", "relations"}, NULL},
    {{"1312", "Threaten to boycott, embargo, or sanction", -5.8, 3, "THREATEN", "restrict"}, "economic"},
    {{"1313", "Threaten to reduce or break relations", -5.8, 3, "THREATEN", "relations"}, "diplomatic"},
    {{"132", "Threaten with administrative sanctions, not specified below", -5.8, 3, "THREATEN", "ban"}, "executive"},
    {{"1321", "Threaten to impose restrictions on political freedoms", -5.8, 3, "THREATEN", "political"}, "human_rights"},
    {{"1322", "Threaten to ban political parties or politicians", -5.8, 3, "THREATEN", "ban"}, "pro_autocracy"},
    {{"1323", "Threaten to impose curfew", -5.8, 3, "THREATEN", "restrict"}, "pro_autocracy"},
    {{"1324", "Threaten to impose state of emergency or martial law", -5.8, 3, "THREATEN", "restrict"}, "pro_autocracy"},
    {{"133", "Threaten political dissent, protest", -5.8, 3, "THREATEN", "relations"}, NULL},
    {{"134", "Threaten to halt negotiations", -5.8, 3, "THREATEN", "relations"}, "diplomatic"},
    {{"135", "Threaten to halt mediation", -5.8, 3, "THREATEN", "relations"}, "diplomatic"},
    {{"136", "Threaten to halt international involvement (non-mediation)", -7.0, 3, "THREATEN", "expel"}, "diplomatic"},
    {{"137", "Threaten with violent repression", -7.0, 3, "THREATEN", "violence"}, "pro_autocracy"},
    {{"138", "Threaten to use military force, not specified below", -7.0, 3, "THREATEN", "violence"}, "military"},
    {{"1381", "Threaten blockade", -7.0, 3, "THREATEN", "restrict"}, "military"},
    {{"1382", "Threaten occupation", -7.0, 3, "THREATEN", "territory"}, "military"},
    {{"1383", "Threaten unconventional violence", -7.0, 3, "THREATEN", "violence"}, "military"},
    {{"1384", "Threaten conventional attack", -7.0, 3, "THREATEN", "violence"}, "military"},
    {{"1385", "Threaten attack with WMD", -7.0, 3, "THREATEN", "violence"}, "cbrn"},
    {{"139", "Give ultimatum", -7.0, 3, "THREATEN", "relations"}, "diplomatic"},
    {{"14", "Protest", -6.5, 3, "PROTEST", NULL}, NULL},
    {{"140", "Engage in political dissent, not specified below", -6.5, 3, "PROTEST", NULL}, NULL},
    {{"141", "Demonstrate or rally", -6.5, 3, "PROTEST", "demo"}, NULL},
    {{"1411", "Demonstrate for leadership change", -6.5, 3, "PROTEST", "demo"}, "executive"},
    {{"1412", "Demonstrate for policy change", -6.5, 3, "PROTEST", "demo"}, "executive"},
    {{"1413", "Demonstrate for rights", -6.5, 3, "PROTEST", "demo"}, "rights_freedoms"},
    {{"1414", "Demonstrate for change in institutions, regime", -6.5, 3, "PROTEST", "demo"}, "political_institutions"},
    {{"142", "Conduct hunger strike, not specified below", -6.5, 3, "PROTEST", "hunger"}, NULL},
    {{"1421", "Conduct hunger strike for leadership change", -6.5, 3, "PROTEST", "hunger"}, "executive"},
    {{"1422", "Conduct hunger strike for policy change", -6.5, 3, "PROTEST", "hunger"}, "executive"},
    {{"1423", "Conduct hunger strike for rights", -6.5, 3, "PROTEST", "hunger"}, "rights_freedoms"},
    {{"1424", "Conduct hunger strike for change in institutions, regime", -6.5, 3, "PROTEST", "hunger"}, "political_institutions"},
    {{"143", "Conduct strike or boycott, not specified below", -6.5, 3, "PROTEST", "boycott"}, NULL},
    {{"1431", "Conduct strike or boycott for leadership change", -6.5, 3, "PROTEST", "boycott"}, "executive"},
    {{"1432", "Conduct strike or boycott for policy change", -6.5, 3, "PROTEST", "boycott"}, "executive"},
    {{"1433", "Conduct strike or boycott for rights", -6.5, 3, "PROTEST", "boycott"}, "rights_freedoms"},
    {{"1434", "Conduct strike or boycott for change in institutions, regime", -6.5, 3, "PROTEST", "boycott"}, "political_institutions"},
    {{"144", "Obstruct passage, block", -7.5, 3, "PROTEST", "obstruct"}, NULL},
    {{"1441", "Obstruct passage to demand leadership change", -7.5, 3, "PROTEST", "obstruct"}, "executive"},
    {{"1442", "Obstruct passage to demand policy change", -7.5, 3, "PROTEST", "obstruct"}, "executive"},
    {{"1443", "Obstruct passage to demand rights", -7.5, 3, "PROTEST", "obstruct"}, "rights_freedoms"},
    {{"1444", "Obstruct passage to demand change in institutions, regime", -7.5, 3, "PROTEST", "obstruct"}, "political_institutions"},
    {{"145", "Protest violently, riot", -7.5, 3, "PROTEST", "riot"}, NULL},
    {{"1451", "Engage in violent protest for leadership change", -7.5, 3, "PROTEST", "riot"}, "executive"},
    {{"1452", "Engage in violent protest for policy change", -7.5, 3, "PROTEST", "riot"}, "executive"},
    {{"1453", "Engage in violent protest for rights", -7.5, 3, "PROTEST", "riot"}, "rights_freedoms"},
    {{"1454", "Engage in violent protest for change in institutions, regime", -7.5, 3, "PROTEST", "riot"}, "political_institutions"},
    {{"15", "Exhibit force posture", -7.2, 4, "MOBILIZE", NULL}, NULL},
    {{"150", "Demonstrate military or police power, not specified below", -7.2, 4, "MOBILIZE", NULL}, NULL},
    {{"151", "Increase police alert status", -7.2, 4, "MOBILIZE", "police"}, NULL},
    {{"152", "Increase military alert status", -7.2, 4, "MOBILIZE", "troops"}, "military"},
    {{"153", "Mobilize or increase police power", -7.2, 4, "MOBILIZE", "police"}, NULL},
    {{"154", "Mobilize or increase armed forces", -7.2, 4, "MOBILIZE", "troops"}, "military"},
    {{"155", "Mobilize or increase cyber-forces", -7.2, 4, "MOBILIZE", NULL}, NULL},
    {{"16", "Reduce relations", -4.0, 4, "SANCTION", NULL}, NULL},
    {{"160", "Reduce relations, not specified below", -4.0, 4, "SANCTION", NULL}, NULL},
    {{"161", "Reduce or break diplomatic relations", -4.0, 4, "SANCTION", "withdraw"}, "diplomatic"},
    {{"162", "Reduce or stop aid, not specified below", -5.6, 4, "SANCTION", "discontinue"}, "human_security"},
    {{"1621", "Reduce or stop economic assistance", -5.6, 4, "SANCTION", "discontinue"}, "economic"},
    {{"1622", "Reduce or stop military assistance", -5.6, 4, "SANCTION", "discontinue"}, "military"},
    {{"1623", "Reduce or stop humanitarian assistance", -5.6, 4, "SANCTION", "discontinue"}, "humanitarian"},
    {{"163", "Impose embargo, boycott, or sanctions", -8.0, 4, "COERCE", "restrict"}, "diplomatic"},
    {{"164", "Halt negotiations", -7.0, 4, "SANCTION", "withdraw"}, "diplomatic"},
    {{"165", "Halt mediation", -6.5, 4, "SANCTION", "withdraw"}, "diplomatic"},
    {{"166", "Expel or withdraw, not specified below", -7.0, 4, "SANCTION", "expel"}, "diplomatic"},
    {{"1661", "Expel or withdraw peacekeepers", -7.0, 4, "SANCTION", "expel"}, "military"},
    {{"1662", "Expel or withdraw inspectors, observers", -7.0, 4, "SANCTION", "expel"}, "diplomatic"},
    {{"1663", "Expel or withdraw aid agencies", -7.0, 4, "SANCTION", "expel"}, "human_security"},
    {{"17", "Coerce", -7.0, 4, "COERCE", NULL}, NULL},
    {{"170", "Coerce, not specified below", -7.0, 4, "COERCE", NULL}, NULL},
    {{"171", "Seize or damage property, not specified below", -9.2, 4, "COERCE", "seize"}, "human_security"},
    {{"1711", "Confiscate property", -9.2, 4, "COERCE", "seize"}, "human_security"},
    {{"1712", "Destroy property", -9.2, 4, "ASSAULT", "seize"}, "human_security"},
    {{"172", "Impose administrative sanctions, not specified below", -5.0, 4, "COERCE", "restrict"}, "executive"},
    {{"1721", "Impose restrictions on political freedoms", -5.0, 4, "COERCE", "restrict"}, "rights_freedoms"},
    {{"1722", "Ban political parties or politicians", -5.0, 4, "COERCE", "ban"}, "pro_autocracy"},
    {{"1723", "Impose curfew", -5.0, 4, "COERCE", "curfew"}, "pro_autocracy"},
    {{"1724", "Impose state of emergency or martial law", -5.0, 4, "COERCE", "martial-law"}, "pro_autocracy"},
    {{"173", "Arrest, detain, or charge with legal action", -5.0, 4, "COERCE", "arrest"}, "legal"},
    {{"174", "Expel or deport individuals", -5.0, 4, "COERCE", "deport"}, "legal"},
    {{"175", "Use tactics of violent repression", -9.0, 4, "ASSAULT", NULL}, "pro_autocracy; military"},
    {{"176", "Attack cybernetically", -7.0, 4, "COERCE", NULL}, NULL},
    {{"18", "Assault", -9.0, 4, "ASSAULT", NULL}, NULL},
    {{"180", "Use unconventional violence, not specified below", -9.0, 4, "ASSAULT", NULL}, NULL},
    {{"181", "Abduct, hijack, or take hostage", -9.0, 4, "ASSAULT", "abduct"}, NULL},
    {{"182", "Physically assault, not specified below", -9.5, 4, "ASSAULT", "beat"}, NULL},
    {{"1821", "Sexually assault", -9.0, 4, "ASSAULT", "sexual"}, NULL},
    {{"1822", "Torture", -9.0, 4, "ASSAULT", "torture"}, NULL},
    {{"1823", "Kill by physical assault", -10.0, 4, "ASSAULT", NULL}, NULL},
    {{"183", "Conduct suicide, car, or other non-military bombing, not spec below", -10.0, 4, "ASSAULT", "suicide-attack"}, NULL},
    {{"1831", "Carry out suicide bombing", -10.0, 4, "ASSAULT", "suicide-attack"}, NULL},
    {{"1832", "Carry out car bombing", -10.0, 4, "ASSAULT", "explosives"}, NULL},
    {{"1833", "Carry out roadside bombing", -10.0, 4, "ASSAULT", "explosives"}, NULL},
    {{"1834", "Carry out location bombing", -10.0, 4, "ASSAULT", "explosives"}, NULL},
    {{"184", "Use as human shield", -8.0, 4, "ASSAULT", "abduct"}, NULL},
    {{"185", "Attempt to assassinate", -8.0, 4, "ASSAULT", "assassinate"}, NULL},
    {{"186", "Assassinate", -10.0, 4, "ASSAULT", "assassinate"}, NULL},
    {{"19", "Fight", -10.0, 4, "ASSAULT", NULL}, NULL},
    {{"190", "Use conventional military force, not specified below", -10.0, 4, "ASSAULT", NULL}, "military"},
    {{"191", "Impose blockade, restrict movement", -9.5, 4, "COERCE", "restrict"}, "military"},
    {{"192", "Occupy territory", -9.5, 4, "COERCE", "seize"}, "military"},
    {{"193", "Fight with small arms and light weapons", -10.0, 4, "ASSAULT", "firearms"}, "military"},
    {{"194", "Fight with artillery and tanks", -10.0, 4, "ASSAULT", "heavy-weapons"}, "military"},
    {{"195", "Employ aerial weapons", -10.0, 4, "ASSAULT", "heavy-weapons"}, "military"},
    {{"1951", "Employ precision-guided aerial munitions", -10.0, 4, "ASSAULT", "heavy-weapons"}, "military"},
    {{"1952", "Employ remotely piloted aerial munitions", -10.0, 4, "ASSAULT", "heavy-weapons"}, "military"},
    {{"196", "Violate ceasefire", -9.5, 4, "ASSAULT", NULL}, "legal; military"},
    {{"20", "Use unconventional mass violence", -10.0, 4, "ASSAULT", NULL}, NULL},
    {{"200", "Use unconventional mass violence, not specified below", -10.0, 4, "ASSAULT", "massacre"}, "military"},
    {{"201", "Engage in mass expulsion", -9.5, 4, "ASSAULT", "cleansing"}, "religion_ethnicity"},
    {{"202", "Engage in mass killings", -10.0, 4, "ASSAULT", "massacre"}, "religion_ethnicity"},
    {{"203", "Engage in ethnic cleansing", -10.0, 4, "ASSAULT", "cleansing"}, "religion_ethnicity"},
    {{"204", "Use weapons of mass destruction, not specified below", -10.0, 4, "ASSAULT", "unconventional"}, "cbrn"},
    {{"2041", "Use chemical, biological, or radiologicalweapons", -10.0, 4, "ASSAULT", "unconventional"}, "cbrn"},
    {{"2042", "Detonate nuclear weapons", -10.0, 4, "ASSAULT", "unconventional"}, "cbrn"},
    /* END GENERATED codes */
};

typedef struct code_name {
    const char *code;
    const char *name;
} code_name;

/* CAMEO country / region codes (ISO 3166-1 alpha-3 where one exists). */
static const code_name cameo_countries[] = {
    /* BEGIN GENERATED countries (scripts/gen_cameo.sh) */
    {"ABW", "Aruba"},
    {"AFG", "Afghanistan"},
    {"AFR", "Africa"},
    {"AGO", "Angola"},
    {"AIA", "Anguilla"},
    {"ALA", "Aland Islands"},
    {"ALB", "Albania"},
    {"AND", "Andorra"},
    {"ANT", "Netherlands Antilles"},
    {"ARE", "United Arab Emirates"},
    {"ARG", "Argentina"},
    {"ARM", "Armenia"},
    {"ASA", "Asia"},
    {"ASM", "American Samoa"},
    {"ATG", "Antigua and Barbuda"},
    {"AUS", "Australia"},
    {"AUT", "Austria"},
    {"AZE", "Azerbaijan"},
    {"BAG", "Baghdad"},
    {"BDI", "Burundi"},
    {"BEL", "Belgium"},
    {"BEN", "Benin"},
    {"BFA", "Burkina Faso"},
    {"BGD", "Bangladesh"},
    {"BGR", "Bulgaria"},
    {"BHR", "Bahrain"},
    {"BHS", "Bahamas"},
    {"BIH", "Bosnia and Herzegovina"},
    {"BLK", "Balkans"},
    {"BLR", "Belarus"},
    {"BLZ", "Belize"},
    {"BMU", "Bermuda"},
    {"BOL", "Bolivia"},
    {"BRA", "Brazil"},
    {"BRB", "Barbados"},
    {"BRN", "Brunei Darussalam"},
    {"BTN", "Bhutan"},
    {"BWA", "Botswana"},
    {"CAF", "Central African Republic"},
    {"CAN", "Canada"},
    {"CAS", "Central Asia"},
    {"CAU", "Caucasus"},
    {"CEU", "Central Europe"},
    {"CFR", "Central Africa"},
    {"CHE", "Switzerland"},
    {"CHL", "Chile"},
    {"CHN", "China"},
    {"CIV", "Ivory Coast"},
    {"CMR", "Cameroon"},
    {"COD", "Democratic Republic of the Congo"},
    {"COG", "People's Republic of the Congo"},
    {"COK", "Cook Islands"},
    {"COL", "Columbia"},
    {"COM", "Comoros"},
    {"CPV", "Cape Verde"},
    {"CRB", "Caribbean"},
    {"CRI", "Costa Rica"},
    {"CUB", "Cuba"},
    {"CYM", "Cayman Islands"},
    {"CYP", "Cyprus"},
    {"CZE", "Czech Republic"},
    {"DEU", "Germany"},
    {"DJI", "Djibouti"},
    {"DMA", "Dominica"},
    {"DNK", "Denmark"},
    {"DOM", "Dominican Republic"},
    {"DZA", "Algeria"},
    {"EAF", "Eastern Africa"},
    {"ECU", "Ecuador"},
    {"EEU", "Eastern Europe"},
    {"EGY", "Egypt"},
    {"EIN", "East Indies"},
    {"ERI", "Eritrea"},
    {"ESH", "Western Sahara"},
    {"ESP", "Spain"},
    {"EST", "Estonia"},
    {"ETH", "Ethiopia"},
    {"EUR", "Europe"},
    {"FIN", "Finland"},
    {"FJI", "Fiji"},
    {"FLK", "Falkland Islands"},
    {"FRA", "France"},
    {"FRO", "Faeroe Islands"},
    {"FSM", "Micronesia"},
    {"GAB", "Gabon"},
    {"GBR", "United Kingdom"},
    {"GEO", "Georgia"},
    {"GHA", "Ghana"},
    {"GIB", "Gibraltar"},
    {"GIN", "Guinea"},
    {"GLP", "Guadeloupe"},
    {"GMB", "Gambia"},
    {"GNB", "Guinea-Bissau"},
    {"GNQ", "Equatorial Guinea"},
    {"GRC", "Greece"},
    {"GRD", "Grenada"},
    {"GRL", "Greenland"},
    {"GTM", "Guatemala"},
    {"GUF", "French Guiana"},
    {"GUM", "Guam"},
    {"GUY", "Guyana"},
    {"GZS", "Gaza Strip"},
    {"HKG", "Hong Kong"},
    {"HND", "Honduras"},
    {"HRV", "Croatia"},
    {"HTI", "Haiti"},
    {"HUN", "Hungary"},
    {"IDN", "Indonesia"},
    {"IMY", "Isle of Man"},
    {"IND", "India"},
    {"IRL", "Ireland"},
    {"IRN", "Iran"},
    {"IRQ", "Iraq"},
    {"ISL", "Iceland"},
    {"ISR", "Israel"},
    {"ITA", "Italy"},
    {"JAM", "Jamaica"},
    {"JOR", "Jordan"},
    {"JPN", "Japan"},
    {"KAZ", "Kazakhstan"},
    {"KEN", "Kenya"},
    {"KGZ", "Kyrgyzstan"},
    {"KHM", "Cambodia"},
    {"KIR", "Kiribati"},
    {"KNA", "Saint Kitts-Nevis"},
    {"KOR", "South Korea"},
    {"KWT", "Kuwait"},
    {"LAM", "Latin America"},
    {"LAO", "Laos"},
    {"LBN", "Lebanon"},
    {"LBR", "Liberia"},
    {"LBY", "Libya"},
    {"LCA", "Saint Lucia"},
    {"LIE", "Liechtenstein"},
    {"LKA", "Sri Lanka"},
    {"LSO", "Lesotho"},
    {"LTU", "Lithuania"},
    {"LUX", "Luxembourg"},
    {"LVA", "Latvia"},
    {"MAC", "Macao"},
    {"MAR", "Morocco"},
    {"MCO", "Monaco"},
    {"MDA", "Moldova"},
    {"MDG", "Madagascar"},
    {"MDT", "Mediterranean"},
    {"MDV", "Maldives"},
    {"MEA", "Middle East"},
    {"MEX", "Mexico"},
    {"MHL", "Marshall Islands"},
    {"MKD", "Macedonia"},
    {"MLI", "Mali"},
    {"MLT", "Malta"},
    {"MMR", "Myanmar"},
    {"MNG", "Mongolia"},
    {"MNP", "Northern Mariana Islands"},
    {"MOZ", "Mozambique"},
    {"MRT", "Mauritania"},
    {"MSR", "Montserrat"},
    {"MTN", "Montenegro"},
    {"MTQ", "Martinique"},
    {"MUS", "Mauritius"},
    {"MWI", "Malawi"},
    {"MYS", "Malaysia"},
    {"MYT", "Mayotte"},
    {"NAF", "North Africa"},
    {"NAM", "Namibia"},
    {"NCL", "New Caledonia"},
    {"NER", "Niger"},
    {"NFK", "Norfolk Island"},
    {"NGA", "Nigeria"},
    {"NIC", "Nicaragua"},
    {"NIU", "Niue"},
    {"NLD", "Netherlands"},
    {"NMR", "North America"},
    {"NOR", "Norway"},
    {"NPL", "Nepal"},
    {"NRU", "Nauru"},
    {"NZL", "New Zealand"},
    {"OMN", "Oman"},
    {"PAK", "Pakistan"},
    {"PAN", "Panama"},
    {"PCN", "Pitcairn"},
    {"PER", "Peru"},
    {"PGS", "Persian Gulf"},
    {"PHL", "Philippines"},
    {"PLW", "Palau"},
    {"PNG", "Papua New Guinea"},
    {"POL", "Poland"},
    {"PRI", "Puerto Rico"},
    {"PRK", "North Korea"},
    {"PRT", "Portugal"},
    {"PRY", "Paraguay"},
    {"PSE", "Occupied Palestinian Territory"},
    {"PYF", "French Polynesia"},
    {"QAT", "Qatar"},
    {"REU", "Runion"},
    {"ROM", "Romania"},
    {"RUS", "Russia"},
    {"RWA", "Rwanda"},
    {"SAF", "Southern Africa"},
    {"SAM", "South America"},
    {"SAS", "South Asia"},
    {"SAU", "Saudi Arabia"},
    {"SCN", "Scandinavia"},
    {"SDN", "Sudan"},
    {"SEA", "Southeast Asia"},
    {"SEN", "Senegal"},
    {"SGP", "Singapore"},
    {"SHN", "Saint Helena"},
    {"SJM", "Svalbard and Jan Mayen Islands"},
    {"SLB", "Solomon Islands"},
    {"SLE", "Sierra Leone"},
    {"SLV", "El Salvador"},
    {"SMR", "San Marino"},
    {"SOM", "Somalia"},
    {"SPM", "Saint Pierre and Miquelon"},
    {"SRB", "Serbia"},
    {"STP", "Sao Tome and Principe"},
    {"SUR", "Suriname"},
    {"SVK", "Slovakia"},
    {"SVN", "Slovenia"},
    {"SWE", "Sweden"},
    {"SWZ", "Swaziland"},
    {"SYC", "Seychelles"},
    {"SYR", "Syria"},
    {"TCA", "Turks and Caicos Islands"},
    {"TCD", "Chad"},
    {"TGO", "Togo"},
    {"THA", "Thailand"},
    {"TJK", "Tajikistan"},
    {"TKL", "Tokelau"},
    {"TKM", "Turkmenistan"},
    {"TMP", "East Timor"},
    {"TON", "Tonga"},
    {"TTO", "Trinidad and Tobago"},
    {"TUN", "Tunisia"},
    {"TUR", "Turkey"},
    {"TUV", "Tuvalu"},
    {"TWN", "Taiwan"},
    {"TZA", "Tanzania"},
    {"UGA", "Uganda"},
    {"UKR", "Ukraine"},
    {"URY", "Uruguay"},
    {"USA", "United States"},
    {"UZB", "Uzbekistan"},
    {"VAT", "Vatican City"},
    {"VCT", "Saint Vincent and the Grenadines"},
    {"VEN", "Venezuela"},
    {"VGB", "British Virgin Islands"},
    {"VIR", "United States Virgin Islands"},
    {"VNM", "Vietnam"},
    {"VUT", "Vanuatu"},
    {"WAF", "West Africa"},
    {"WLF", "Wallis and Futuna Islands"},
    {"WSB", "West Bank"},
    {"WSM", "Samoa"},
    {"WST", "The West"},
    {"YEM", "Yemen"},
    {"ZAF", "South Africa"},
    {"ZMB", "Zambia"},
    {"ZWE", "Zimbabwe"},
    /* END GENERATED countries */
};

/* CAMEO actor role and organisation types (GOV, MIL, ..., IGO, NGO). */
static const code_name cameo_types[] = {
    /* BEGIN GENERATED types (scripts/gen_cameo.sh) */
    {"AGR", "Agriculture"},
    {"AMN", "Amnesty International"},
    {"BUS", "Business"},
    {"COP", "Police forces"},
    {"CRM", "Criminal"},
    {"CVL", "Civilian"},
    {"DEV", "Development"},
    {"EDU", "Education"},
    {"ELI", "Elites"},
    {"ENV", "Environmental"},
    {"GOV", "Government"},
    {"GRP", "Greenpeace"},
    {"HLH", "Health"},
    {"HRI", "Human Rights"},
    {"IGO", "Inter-Governmental Organization"},
    {"IMG", "International Militarized Group"},
    {"INS", "Insurgents"},
    {"INT", "International/Transnational Generic"},
    {"IRC", "Red Cross"},
    {"JUD", "Judiciary"},
    {"LAB", "Labor"},
    {"LEG", "Legislature"},
    {"MED", "Media"},
    {"MIL", "Military"},
    {"MNC", "Multinational Corporation"},
    {"MOD", "Moderate"},
    {"NGM", "Non-Governmental Movement"},
    {"NGO", "Non-Governmental Organization"},
    {"OPP", "Political Opposition"},
    {"PKO", "Peacekeepers"},
    {"RAD", "Radical"},
    {"REB", "Rebels"},
    {"REF", "Refugees"},
    {"SEP", "Separatist Rebels"},
    {"SET", "Settler"},
    {"SPY", "State Intelligence"},
    {"UAF", "Unaligned Armed Forces"},
    {"UIS", "Unidentified State Actor"},
    {"UNO", "United Nations"},
    /* END GENERATED types */
};

#define NCODES ((int)(sizeof cameo_codes / sizeof cameo_codes[0]))
#define NCOUNTRIES ((int)(sizeof cameo_countries / sizeof cameo_countries[0]))
#define NTYPES ((int)(sizeof cameo_types / sizeof cameo_types[0]))

/* Index of the row whose code is exactly key, or -1. */
static int find_code(const char *key)
{
    int lo = 0, hi = NCODES - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(key, cameo_codes[mid].info.code);
        if (c == 0)
            return mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return -1;
}

/* Index of the row for code or its nearest listed parent, or -1. */
static int find_with_fallback(const char *code)
{
    char key[8];
    size_t n;
    if (!code)
        return -1;
    n = strnlen(code, sizeof key);
    if (n >= sizeof key || n < 2)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return -1;
    memcpy(key, code, n);
    key[n] = '\0';
    for (; n >= 2; n--) {
        int i;
        key[n] = '\0';
        i = find_code(key);
        if (i >= 0)
            return i;
    }
    return -1;
}

const dy_cameo_info *dy_cameo_lookup(const char *code)
{
    int i = find_with_fallback(code);
    return i < 0 ? NULL : &cameo_codes[i].info;
}

const char *dy_cameo_plover_context(const char *code)
{
    int i = find_with_fallback(code);
    return i < 0 ? NULL : cameo_codes[i].plover_context;
}

int dy_cameo_count(void)
{
    return NCODES;
}

const dy_cameo_info *dy_cameo_at(int i)
{
    return (i < 0 || i >= NCODES) ? NULL : &cameo_codes[i].info;
}

const char *dy_cameo_quad_class_name(int quad_class)
{
    static const char *const names[] = {
        NULL, "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"
    };
    return (quad_class < 1 || quad_class > 4) ? NULL : names[quad_class];
}

static const code_name *find_entry(const code_name *t, int n, const char *code)
{
    char key[4];
    int lo = 0, hi = n - 1;
    if (!code || strnlen(code, 4) != 3)
        return NULL;
    /* Codes are upper case; accept "kor" as well as "KOR". */
    for (int i = 0; i < 3; i++)
        key[i] = (code[i] >= 'a' && code[i] <= 'z') ? (char)(code[i] - 'a' + 'A') : code[i];
    key[3] = '\0';
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(key, t[mid].code);
        if (c == 0)
            return &t[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}

static const char *find_name(const code_name *t, int n, const char *code)
{
    const code_name *e = find_entry(t, n, code);
    return e ? e->name : NULL;
}

const char *dy_cameo_country_name(const char *iso3)
{
    return find_name(cameo_countries, NCOUNTRIES, iso3);
}

const char *dy_cameo_country_code(const char *iso3)
{
    static const char *const diff[][2] = { { "ROU", "ROM" }, { "TLS", "TMP" }, { "MNE", "MTN" } };
    if (!iso3) return NULL;
    for (size_t i = 0; i < sizeof diff / sizeof diff[0]; i++)
        if (!strcmp(iso3, diff[i][0])) return diff[i][1];
    const code_name *e = find_entry(cameo_countries, NCOUNTRIES, iso3);
    return e ? e->code : NULL;
}

int dy_cameo_use_of_force(const char *code)
{
    return code && ((code[0] == '1' && code[1] >= '8' && code[1] <= '9') || (code[0] == '2' && code[1] == '0'));
}

const char *dy_cameo_actor_type_name(const char *type3)
{
    return find_name(cameo_types, NTYPES, type3);
}
