"""plover.py -- record-level precision/recall/F1 of dyad on the PLOVER gold
standard records (plover/PLOVER_GSR_CAMEO.json, 322 sentences adapted from
the CAMEO manual; dates are placeholders).

Matching rule (the issue's acceptance rule):
  * each gold record is one article (its "text"); dyad codes it with its
    default pipeline (enrichment on, as `dyad code` runs: the status layer
    may clear a target that is only the speaker);
  * an event FINDS the record when
      - its CAMEO code maps to the record's PLOVER category through the
        published CAMEO->PLOVER table (cameo/CAMEO2PLOVER-2021.txt; codes
        missing from the table, i.e. 01x and 02x, use dyad's own "plover"
        field, which comes from src/cameo.c), and
      - its source's primary code (country, or IGO/NGO/IMG prefix) is among
        the gold sources' codes, and
      - the record has no gold target, or the event's target primary code
        is among the gold targets' codes;
  * TP = records found; FN = records not found; FP = every event that finds
    nothing (a second matching event in the same record is neither).
  P = TP/(TP+FP), R = TP/(TP+FN).

The gold file follows PLOVER 0.5b1 while the table is PLOVER 0.8 (2021),
which renamed or merged categories. Table categories are translated to the
gold's names without changing which codes they hold:
  REQUEST -> DEMAND; ACCUSE -> INVESTIGATE for CAMEO 09x, DISAPPROVE for 11x;
  ASSAULT -> FIGHT for CAMEO 19x (conventional military force; the gold's
  FIGHT records are shelling, air strikes, gun battles), ASSAULT otherwise.
Codes the 2021 table moved between categories (163 sanctions -> COERCE,
1712 destroy property -> ASSAULT) are left as the table says."""
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import actor_keys, norm_country, run_dyad, load_cameo2plover, prf, pct  # noqa: E402


def gold_codes(v):
    codes = set()
    if isinstance(v, list):
        for a in v:
            if isinstance(a, dict) and a.get("code"):
                c = norm_country(a["code"])
                if c:
                    codes.add(c)
    return codes


def load_gold(path):
    recs = []
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for r in data:
        if not isinstance(r, dict) or r.get("event") in (None, "DOCUMENT"):
            continue
        if not r.get("text"):
            continue
        recs.append({"id": r["id"], "text": r["text"], "event": r["event"],
                     "src": gold_codes(r.get("source")),
                     "tar": gold_codes(r.get("target"))})
    return recs


def category(ev, table):
    """Gold-vocabulary PLOVER category of a dyad event (see module doc)."""
    code = ev.get("cameo") or ""
    cat = None
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            cat = table[code[:k]]
            break
    if cat is None:
        pl = ev.get("plover") or {}
        cat = pl.get("event")
    if cat is None:
        return None
    if cat == "REQUEST":
        return "DEMAND"
    if cat == "ACCUSE":
        return "INVESTIGATE" if code.startswith("09") else "DISAPPROVE"
    if cat == "ASSAULT" and code.startswith("19"):
        return "FIGHT"
    return cat


def matches(ev, g, table):
    if category(ev, table) != g["event"]:
        return False
    if not (actor_keys(ev.get("source")) & g["src"]):
        return False
    if g["tar"] and not (actor_keys(ev.get("target")) & g["tar"]):
        return False
    return True


def table_agreement(table, events):
    """(agree, disagree list) between the table and dyad's plover field over
    the codes dyad produced."""
    seen = {}
    for ev in events:
        c = ev.get("cameo")
        if c and c not in seen:
            seen[c] = (ev.get("plover") or {}).get("event")
    dis = []
    for c, mine in sorted(seen.items()):
        t = None
        for k in range(len(c), 1, -1):
            if c[:k] in table:
                t = table[c[:k]]
                break
        if t is not None and t != mine:
            dis.append((c, t, mine))
    return len(seen) - len(dis), dis


def evaluate(dyad, gold_path, table_path, dict_path=None, misses=None):
    gold = load_gold(gold_path)
    table = load_cameo2plover(table_path)
    res = run_dyad(dyad, [{"id": g["id"], "date": "2000-01-01", "text": g["text"]}
                          for g in gold], dict_path=dict_path, enrich=True)
    tp = fp = 0
    empty = 0
    nev = 0
    per = collections.defaultdict(lambda: [0, 0])
    allev = []
    miss_rows = []
    for g in gold:
        evs = res.get(g["id"], [])
        allev += evs
        nev += len(evs)
        if not evs:
            empty += 1
        found = False
        for ev in evs:
            if matches(ev, g, table):
                found = True
            else:
                fp += 1
        per[g["event"]][1] += 1
        if found:
            tp += 1
            per[g["event"]][0] += 1
        elif misses is not None:
            miss_rows.append((g, evs))
    fn = len(gold) - tp
    p, r, f = prf(tp, fp, fn)
    agree, dis = table_agreement(table, allev)
    if misses is not None:
        with open(misses, "w", encoding="utf-8") as f_:
            for g, evs in miss_rows:
                f_.write("%s %s src=%s tar=%s\n  %s\n" % (
                    g["id"], g["event"], ",".join(sorted(g["src"])),
                    ",".join(sorted(g["tar"])), g["text"]))
                for ev in evs:
                    f_.write("  -> %s %s %s>%s\n" % (
                        ev.get("cameo"), category(ev, table),
                        (ev.get("source") or {}).get("code"),
                        (ev.get("target") or {}).get("code")))
    return {"records": len(gold), "events": nev, "tp": tp, "fp": fp, "fn": fn,
            "p": p, "r": r, "f1": f, "no_event": empty / len(gold),
            "per_category": {k: v for k, v in sorted(per.items())},
            "table_agree": agree, "table_disagree": dis}


def show(name, m):
    print("%s: %d records, %d events; TP %d FP %d FN %d" % (
        name, m["records"], m["events"], m["tp"], m["fp"], m["fn"]))
    print("  P %.3f  R %.3f  F1 %.3f  records with no event %s" % (
        m["p"], m["r"], m["f1"], pct(m["no_event"])))
    cats = m["per_category"]
    print("  recall by category: " + ", ".join(
        "%s %d/%d" % (k, v[0], v[1]) for k, v in cats.items()))
    if m["table_disagree"]:
        print("  CAMEO->PLOVER table vs dyad plover field disagree on: " + ", ".join(
            "%s(table %s, dyad %s)" % d for d in m["table_disagree"]))
    else:
        print("  CAMEO->PLOVER table and dyad plover field agree on all %d codes produced"
              % m["table_agree"])


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--dict")
    ap.add_argument("--misses")
    a = ap.parse_args()
    m = evaluate(a.dyad, os.path.join(a.data, "plover/PLOVER_GSR_CAMEO.json"),
                 os.path.join(a.data, "cameo/CAMEO2PLOVER-2021.txt"), a.dict, a.misses)
    show("PLOVER", m)
