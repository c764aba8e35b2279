"""ucdp.py -- dyad on the headlines of the UCDP GED Ukraine extract
(ucdp/conflict_data_ukr.csv, 2014-2021). Every headline of an event row
(source_headline, ';'-separated) is coded as an article dated date_start.

Figures:
  * actors: of the headlines with at least one event, the share where some
    event's source or target country is a country of side_a or side_b
    ("either"), and the share where some event joins the two sides (source
    of one side, target of the other: "dyad"). Side names map to countries:
    Government of Ukraine, Maidan, Supporters of Ukrainian unity -> UKR;
    Government of Russia (Soviet Union) -> RUS; the separatist sides (DPR,
    LPR, United Armed Forces of Novorossiya, Supporters of independence for
    Eastern Ukraine) -> UKR or RUS (Ukrainian territory, Russian-backed:
    news codes them either way).
  * deaths: of the rows where dyad extracted a death count (a quantity with
    role "killed" on any event of any of its headlines), the share where one
    of those counts equals `best`, and where one lies within low..high.
    Coverage: rows with a count / rows with best > 0.
  * place: of the rows where some event has a location, the share where a
    location matches adm_1: same gazetteer admin1 code (build/gen/
    gazetteer.tsv), or the loose names agree ("Donetsk oblast" ~ "Donetsk",
    "Kiev Special Republican city" ~ "Kyiv")."""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import actor_keys, run_dyad, pct  # noqa: E402

SEP = {"UKR", "RUS"}
SIDES = {
    "government of ukraine": {"UKR"},
    "maidan": {"UKR"},
    "supporters of ukrainian unity": {"UKR"},
    "government of russia (soviet union)": {"RUS"},
    "government of russia": {"RUS"},
    "dpr": SEP, "lpr": SEP,
    "united armed forces of novorossiya": SEP,
    "supporters of independence for eastern ukraine": SEP,
}
SPELLING = {"kiev": "kyiv", "odessa": "odesa", "lugansk": "luhansk",
            "dnepropetrovsk": "dnipropetrovsk", "kharkov": "kharkiv"}


def side_countries(name):
    n = (name or "").strip().lower()
    if n in SIDES:
        return SIDES[n]
    if "russia" in n:
        return {"RUS"}
    if "ukrain" in n:
        return {"UKR"}
    return set()


def loose(name):
    n = (name or "").lower()
    n = re.sub(r"\b(oblast|region|province|special republican city|city|of|the|"
               r"republic|people's|peoples)\b", " ", n)
    n = re.sub(r"[^a-z ]", " ", n)
    words = [SPELLING.get(w, w) for w in n.split()]
    # Donetska / Luhanska (Ukrainian adjectival forms)
    words = [w[:-1] if w.endswith("ska") else w for w in words]
    return " ".join(words)


def load_gazetteer(path):
    """{loose name: set(admin1)} for Ukrainian places and regions."""
    g = {}
    if not path or not os.path.exists(path):
        return g
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#"):
                continue
            p = line.rstrip("\n").split("\t")
            if len(p) < 4 or p[2] != "UKR" or not p[3]:
                continue
            g.setdefault(loose(p[1]), set()).add(p[3])
    return g


def place_match(loc, adm1, gaz):
    if not loc or not adm1:
        return False
    ln, an = loose(loc.get("name")), loose(adm1)
    if ln and an and (ln == an or an in ln.split() or ln in an.split()
                      or (" " + an + " ") in (" " + ln + " ")):
        return True
    codes = gaz.get(an, set())
    if loc.get("admin1") and loc["admin1"] in codes:
        return True
    return False


def evaluate(dyad, csv_path, gazetteer=None, dict_path=None):
    rows = []
    with open(csv_path, encoding="utf-8", errors="replace") as f:
        for r in csv.DictReader(f):
            if r.get("id", "").startswith("#") or not r.get("id"):
                continue
            rows.append(r)
    recs = []
    for r in rows:
        date = (r.get("date_start") or "")[:10]
        for k, h in enumerate(x.strip() for x in (r.get("source_headline") or "").split(";")):
            if h:
                recs.append({"id": "%s:%d" % (r["id"], k), "date": date, "text": h,
                             "row": r["id"]})
    res = run_dyad(dyad, [{"id": x["id"], "date": x["date"], "text": x["text"]} for x in recs],
                   dict_path=dict_path)
    gaz = load_gazetteer(gazetteer)
    byrow = {}
    for x in recs:
        byrow.setdefault(x["row"], []).append(res.get(x["id"], []))
    h_ev = h_either = h_dyad = 0
    for x in recs:
        evs = res.get(x["id"], [])
        if not evs:
            continue
        h_ev += 1
    rowinfo = {r["id"]: r for r in rows}
    d_rows = d_best = d_range = 0
    l_rows = l_ok = 0
    best_pos = 0
    for rid, lists in byrow.items():
        r = rowinfo[rid]
        a, b = side_countries(r.get("side_a")), side_countries(r.get("side_b"))
        for evs in lists:
            if not evs:
                continue
            if any((actor_keys(e.get("source")) | actor_keys(e.get("target"))) & (a | b)
                   for e in evs):
                h_either += 1
            if any((actor_keys(e.get("source")) & a and actor_keys(e.get("target")) & b) or
                   (actor_keys(e.get("source")) & b and actor_keys(e.get("target")) & a)
                   for e in evs):
                h_dyad += 1
        try:
            best = float(r.get("best") or "nan")
            low = float(r.get("low") or r.get("best") or "nan")
            high = float(r.get("high") or r.get("best") or "nan")
        except ValueError:
            best = low = high = float("nan")
        if best > 0:
            best_pos += 1
        vals = []
        locs = []
        for evs in lists:
            for e in evs:
                for q in e.get("quantities") or []:
                    if q.get("role") == "killed":
                        v = q.get("value")
                        if v is None:
                            v = q.get("low") if q.get("low") is not None else q.get("high")
                        if v is not None:
                            vals.append(float(v))
                if e.get("location"):
                    locs.append(e["location"])
        if vals:
            d_rows += 1
            if any(v == best for v in vals):
                d_best += 1
            if any(low <= v <= high for v in vals):
                d_range += 1
        if locs:
            l_rows += 1
            if any(place_match(l, r.get("adm_1"), gaz) for l in locs):
                l_ok += 1
    return {"rows": len(rows), "headlines": len(recs), "h_event": h_ev,
            "either": h_either / h_ev if h_ev else 0.0,
            "dyad": h_dyad / h_ev if h_ev else 0.0,
            "death_rows": d_rows, "best_pos": best_pos,
            "death_best": d_best / d_rows if d_rows else 0.0,
            "death_range": d_range / d_rows if d_rows else 0.0,
            "loc_rows": l_rows, "loc_ok": l_ok / l_rows if l_rows else 0.0}


def show(m):
    print("UCDP: %d rows, %d headlines, %d headlines with an event (%s)" % (
        m["rows"], m["headlines"], m["h_event"], pct(m["h_event"] / max(1, m["headlines"]))))
    print("  actors: a side's country in source or target %s; event joins the two sides %s" % (
        pct(m["either"]), pct(m["dyad"])))
    print("  deaths: %d rows with a killed count (of %d rows with best > 0); = best %s; "
          "within low..high %s" % (m["death_rows"], m["best_pos"], pct(m["death_best"]),
                                   pct(m["death_range"])))
    print("  place: %d rows with an event location; matches adm_1 %s" % (
        m["loc_rows"], pct(m["loc_ok"])))


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--gazetteer")
    ap.add_argument("--dict")
    a = ap.parse_args()
    show(evaluate(a.dyad, os.path.join(a.data, "ucdp/conflict_data_ukr.csv"), a.gazetteer, a.dict))
