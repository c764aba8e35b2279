"""evaluate.py -- runs every quality evaluation of dyad (PLOVER gold records
with dyad's defaults and with TABARI's production dictionaries, UCDP Ukraine
headlines, PolNeAR attribution), prints each section and a summary table,
and writes the figures to eval/RESULTS.md. Called by eval/run.sh (make eval).

usage: evaluate.py --dyad BIN --data DIR [--gazetteer TSV] [--out FILE]
                   [--work DIR] [--misses]"""
import argparse
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plover  # noqa: E402
import polnear  # noqa: E402
import ucdp  # noqa: E402

TABARI_FILES = [("actorsfile", "CountryInfo.120116.actors"),
                ("actorsfile", "Internatnl.120521.actors"),
                ("agentsfile", "PSU.120522.agents"),
                ("verbsfile", "CAMEO.080612.verbs"),
                ("optionsfile", "CAMEO.09b5.options")]


def tabari_project(data, work):
    d = os.path.abspath(os.path.join(data, "tabari", "dictionaries"))
    if not all(os.path.exists(os.path.join(d, f)) for _, f in TABARI_FILES):
        return None
    path = os.path.join(work, "tabari-production.project")
    with open(path, "w", encoding="ascii") as f:
        for tag, name in TABARI_FILES:
            f.write("<%s> %s\n" % (tag, os.path.join(d, name)))
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--gazetteer")
    ap.add_argument("--out")
    ap.add_argument("--work", default=".")
    ap.add_argument("--misses", action="store_true",
                    help="write the PLOVER misses to WORK/plover-misses-*.txt")
    ap.add_argument("--command", default="make eval")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    data = a.data
    rows = []   # (section, measure, dyad defaults, TABARI)

    gold = os.path.join(data, "plover", "PLOVER_GSR_CAMEO.json")
    table = os.path.join(data, "cameo", "CAMEO2PLOVER-2021.txt")
    pm = tm = None
    if os.path.exists(gold) and os.path.exists(table):
        pm = plover.evaluate(a.dyad, gold, table, None,
                             os.path.join(a.work, "plover-misses-default.txt") if a.misses else None)
        plover.show("PLOVER, dyad defaults", pm)
        proj = tabari_project(data, a.work)
        if proj:
            tm = plover.evaluate(a.dyad, gold, table, proj,
                                 os.path.join(a.work, "plover-misses-tabari.txt") if a.misses else None)
            plover.show("PLOVER, TABARI production dictionaries", tm)
        for key, label in (("p", "precision"), ("r", "recall"), ("f1", "F1")):
            rows.append(("PLOVER", label, "%.3f" % pm[key], "%.3f" % tm[key] if tm else "-"))
        rows.append(("PLOVER", "records with no event", "%.1f%%" % (100 * pm["no_event"]),
                     "%.1f%%" % (100 * tm["no_event"]) if tm else "-"))
    else:
        print("PLOVER: skipped (no %s)" % gold)

    um = None
    csvp = os.path.join(data, "ucdp", "conflict_data_ukr.csv")
    if os.path.exists(csvp):
        print()
        um = ucdp.evaluate(a.dyad, csvp, a.gazetteer)
        ucdp.show(um)
        rows.append(("UCDP", "headlines with an event", "%.1f%%" % (
            100.0 * um["h_event"] / max(1, um["headlines"])), ""))
        rows.append(("UCDP", "side country in source/target", "%.1f%%" % (100 * um["either"]), ""))
        rows.append(("UCDP", "deaths = best (of rows with a count)", "%.1f%% of %d" % (
            100 * um["death_best"], um["death_rows"]), ""))
        rows.append(("UCDP", "deaths within low..high", "%.1f%%" % (100 * um["death_range"]), ""))
        rows.append(("UCDP", "place matches adm_1", "%.1f%% of %d" % (
            100 * um["loc_ok"], um["loc_rows"]), ""))
    else:
        print("UCDP: skipped (no %s)" % csvp)

    nm = None
    pn = os.path.join(data, "polnear", "train")
    if os.path.isdir(pn):
        print()
        nm = polnear.evaluate(a.dyad, pn)
        polnear.show(nm)
        rows.append(("PolNeAR", "attribution source P / R", "%.3f / %.3f" % (nm["p"], nm["r"]), ""))
        rows.append(("PolNeAR", "recall where coded", "%.1f%%" % (100 * nm["r_cov"]), ""))
        cm = polnear.evaluate_claims(a.dyad, polnear.load_articles(pn))
        polnear.show_claims(cm)
        for key, label in (("overlap", "overlap"), ("exact", "exact"), ("head", "head word")):
            rows.append(("PolNeAR", "claim sources P / R (%s)" % label,
                         "%.3f / %.3f" % (cm[key]["p"], cm[key]["r"]), ""))
    else:
        print("PolNeAR: skipped (no %s)" % pn)

    print()
    w = max(len(r[1]) for r in rows) if rows else 10
    head = "%-8s %-*s %-16s %s" % ("set", w, "measure", "dyad defaults", "TABARI prod.")
    print(head)
    print("-" * len(head))
    for r in rows:
        print("%-8s %-*s %-16s %s" % (r[0], w, r[1], r[2], r[3]))

    if a.out:
        write_md(a, rows, pm, tm, um, nm)
        print("\nwrote %s" % a.out)


def write_md(a, rows, pm, tm, um, nm):
    today = datetime.date.today().isoformat()
    L = ["# dyad quality figures", "",
         "Measured on %s with `%s` (eval/run.sh -> eval/evaluate.py); data from"
         " `../shared/data` (never copied into the repository). The matching rules are"
         " documented at the top of eval/plover.py, eval/ucdp.py and eval/polnear.py." % (
             today, a.command), "",
         "| set | measure | dyad defaults | TABARI production dicts |",
         "|---|---|---|---|"]
    for r in rows:
        L.append("| %s | %s | %s | %s |" % r)
    if pm:
        L += ["", "## PLOVER gold records (322), recall by category", "",
              "| category | dyad defaults | TABARI |", "|---|---|---|"]
        for k, v in pm["per_category"].items():
            t = tm["per_category"].get(k, [0, v[1]]) if tm else None
            L.append("| %s | %d/%d | %s |" % (k, v[0], v[1], "%d/%d" % tuple(t) if t else "-"))
        L += ["", "dyad defaults: %d events, TP %d, FP %d, FN %d." % (
            pm["events"], pm["tp"], pm["fp"], pm["fn"])]
        if tm:
            L.append("TABARI production dictionaries (CountryInfo, Internatnl, PSU agents,"
                     " CAMEO.080612.verbs, CAMEO.09b5.options) coded by dyad: %d events, TP %d,"
                     " FP %d, FN %d." % (tm["events"], tm["tp"], tm["fp"], tm["fn"]))
        L.append("CAMEO->PLOVER table vs dyad's `plover` field: %s." % (
            "agree on all %d codes produced" % pm["table_agree"] if not pm["table_disagree"]
            else "disagree on " + ", ".join("%s" % (d,) for d in pm["table_disagree"])))
    if um:
        L += ["", "## UCDP GED Ukraine", "",
              "%d rows, %d headlines, %d headlines with an event; %d rows with a killed"
              " count out of %d rows with best > 0; %d rows with an event location." % (
                  um["rows"], um["headlines"], um["h_event"], um["death_rows"],
                  um["best_pos"], um["loc_rows"]),
              "Both sides are Ukrainian or Russian-backed, so the actor figure mostly"
              " says the coded events are about the right conflict; an event joining the two"
              " sides: %.1f%%." % (100 * um["dyad"])]
    if nm:
        L += ["", "## PolNeAR attribution", "",
              "%d articles, %d gold sources; %d dyad events, %d with an attribution; %d distinct"
              " predicted source spans, %d overlap a gold source; %d gold sources lie in"
              " sentences with an event." % (nm["articles"], nm["gold"], nm["events"],
                                             nm["attr_events"], nm["pred"], nm["pred_ok"],
                                             nm["gold_cov"]),
              "Recall is bounded by the coder: attribution is attached to coded events only."]
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
