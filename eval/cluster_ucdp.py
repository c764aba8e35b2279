#!/usr/bin/env python3
"""cluster_ucdp.py — how well dyad's event clusters recover real events.

UCDP GED (../shared/data/ucdp/conflict_data_ukr.csv) lists, for each real
event, the news reports it was built from (source_article: "outlet,date,
headline" entries separated by ';'). Each headline becomes one article
(id, date = the event's date_start — or the report's own date with
--dates report —, source = its outlet, text = the headline); dyad codes
them into a fresh SQLite database, clusters them at store time, and each
headline that got a clustered event is assigned the cluster of its first
event. B-cubed precision / recall / F1 compare those clusters with UCDP's
events over the headlines that got a cluster, next to two baselines: every
headline alone, and one cluster per date.

usage: python3 eval/cluster_ucdp.py BUILD [--dates start|report] [--csv FILE] [--keep DIR]
"""
import argparse, collections, csv, json, os, re, sqlite3, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CSV = os.path.join(HERE, "..", "..", "shared", "data", "ucdp", "conflict_data_ukr.csv")
ENTRY = re.compile(r'^(.*?),(\d{4}-\d{2}-\d{2}),(.*)$', re.S)


def reports(row):
    """(outlet, report date, headline) of each report of a UCDP event."""
    out = []
    art = row.get("source_article") or ""
    if art.startswith('"') and art.endswith('"'):
        for part in art[1:-1].split('";"'):
            m = ENTRY.match(part)
            if m:
                out.append((m.group(1).strip(), m.group(2), m.group(3).strip()))
    if out:
        return out
    heads = [h.strip() for h in (row.get("source_headline") or "").split(";") if h.strip()]
    offices = [o.strip() for o in (row.get("source_office") or "").split(";")]
    if len(offices) != len(heads):
        offices = [offices[0] if offices else ""] * len(heads)
    return [(o, "", h) for o, h in zip(offices, heads)]


def bcubed(items, sys_of, gold_of):
    by_sys, by_gold = collections.defaultdict(set), collections.defaultdict(set)
    for i in items:
        by_sys[sys_of[i]].add(i)
        by_gold[gold_of[i]].add(i)
    p = r = 0.0
    for i in items:
        s, g = by_sys[sys_of[i]], by_gold[gold_of[i]]
        both = len(s & g)
        p += both / len(s)
        r += both / len(g)
    n = len(items) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--dates", choices=["start", "report"], default="start")
    ap.add_argument("--keep", help="keep the articles and database in this folder")
    a = ap.parse_args()
    dyad = os.path.join(a.build, "dyad")
    if not os.path.exists(a.csv):
        print("cluster_ucdp: no UCDP data at %s (skipped)" % a.csv)
        return 0
    if not os.access(dyad, os.X_OK):
        print("cluster_ucdp: no executable %s" % dyad, file=sys.stderr)
        return 1
    work = a.keep or tempfile.mkdtemp(prefix="dyad-cluster-ucdp-")
    os.makedirs(work, exist_ok=True)
    arts, db = os.path.join(work, "articles.jsonl"), os.path.join(work, "ucdp.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)

    gold, day = {}, {}
    with open(a.csv, newline="", encoding="utf-8") as f, open(arts, "w", encoding="utf-8") as out:
        # The second line of the HDX file holds HXL tags (#date+start ...).
        rows = sorted((r for r in csv.DictReader(f) if r["date_start"][:1].isdigit()),
                      key=lambda r: (r["date_start"], r["id"]))
        for row in rows:
            start = row["date_start"][:10]
            for k, (outlet, rdate, head) in enumerate(reports(row)):
                aid = "u%s-%d" % (row["id"], k)
                date = rdate if (a.dates == "report" and rdate) else start
                gold[aid], day[aid] = row["id"], date
                out.write(json.dumps({"id": aid, "date": date, "source": outlet, "title": head,
                                      "text": head}) + "\n")
    subprocess.run([dyad, "code", "-q", "-j1", "-f", "none", "--db", db, arts], check=True)

    con = sqlite3.connect(db)
    sys_of = {}
    for aid, cid in con.execute(
            "SELECT article_id, cluster_id FROM events WHERE cluster_id IS NOT NULL"
            " ORDER BY article_id, sentence_index, event_id"):
        sys_of.setdefault(aid, cid)
    nevents = con.execute("SELECT count(*) FROM events").fetchone()[0]
    nclusters = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    con.close()

    items = sorted(sys_of)
    gold_events = {gold[i] for i in items}
    print("UCDP GED Ukraine: %d events, %d headlines; dyad: %d events, %d clusters"
          % (len(set(gold.values())), len(gold), nevents, nclusters))
    print("headlines with a clustered event: %d (%.1f%%), from %d UCDP events"
          % (len(items), 100.0 * len(items) / max(1, len(gold)), len(gold_events)))
    print("dates: %s" % ("each event's date_start" if a.dates == "start" else "each report's own date"))
    print("%-28s %9s %9s %9s %9s" % ("B-cubed", "precision", "recall", "F1", "clusters"))
    for name, assign in (("dyad clusters", sys_of),
                         ("baseline: each headline", {i: i for i in items}),
                         ("baseline: one per date", {i: day[i] for i in items})):
        p, r, f1 = bcubed(items, assign, gold)
        print("%-28s %9.3f %9.3f %9.3f %9d" % (name, p, r, f1, len({assign[i] for i in items})))
    # The events reported by several coded headlines are where clustering
    # is at stake (an event with one headline is trivially recovered).
    per_event = collections.Counter(gold[i] for i in items)
    multi = [i for i in items if per_event[gold[i]] >= 2]
    print("\nheadlines of UCDP events with >= 2 coded headlines: %d, from %d events"
          % (len(multi), len({gold[i] for i in multi})))
    for name, assign in (("dyad clusters", sys_of),
                         ("baseline: each headline", {i: i for i in multi}),
                         ("baseline: one per date", {i: day[i] for i in multi})):
        p, r, f1 = bcubed(multi, assign, gold)
        print("%-28s %9.3f %9.3f %9.3f %9d" % (name, p, r, f1, len({assign[i] for i in multi})))
    if not a.keep:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        os.unlink(arts)
        os.rmdir(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
