"""polnear.py -- attribution sources found by dyad against the PolNeAR
training annotations (polnear/train/text/*.txt, attributions/*.ann in brat
standoff format: "T1<TAB>Source START END<TAB>text", character offsets,
discontinuous spans as "S1 E1;S2 E2"). Where an article has several
annotators' files, the first in name order is used.

dyad attaches an attribution only to coded events, as
{"code", "country", "text"} without offsets. Each event's attribution text
is located inside its sentence, and the sentence inside the article text
(first occurrence at or after the previous sentence), which gives character
offsets. Distinct predicted spans are compared with the gold Source spans:
  * a predicted span is correct when it overlaps (>= 1 character) a gold
    Source span;  precision = correct predicted spans / predicted spans;
  * a gold Source span is found when some predicted span overlaps it;
    recall = found gold spans / gold spans; also reported over the sentences
    where dyad coded an event ("recall where coded"), which separates the
    attribution detector from the coder's coverage.

The claims measure runs `dyad code -f claims` (every reporting frame,
coded or not) and compares each claim's source span (byte offsets into the
article as given, converted to character offsets) with the gold Source
spans, three ways: overlap (>= 1 character, as above), exact (same start
and end after trimming spaces and a leading determiner) and head word (the
spans overlap and their last words are equal, case-insensitively)."""
import bisect
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import run_dyad, prf, pct  # noqa: E402


def load_ann(path):
    spans = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 2 or not p[0].startswith("T"):
                continue
            head = p[1].split(" ", 1)
            if head[0] != "Source" or len(head) < 2:
                continue
            lo = hi = None
            for part in head[1].split(";"):
                ab = part.split()
                if len(ab) == 2:
                    a, b = int(ab[0]), int(ab[1])
                    lo = a if lo is None else min(lo, a)
                    hi = b if hi is None else max(hi, b)
            if lo is not None:
                spans.append((lo, hi))
    return sorted(set(spans))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def evaluate(dyad, train_dir, limit=None, dict_path=None):
    arts = load_articles(train_dir, limit)
    res = run_dyad(dyad, [{"id": a["id"], "date": "2016-01-01", "text": a["text"]}
                          for a in arts], dict_path=dict_path)
    n_pred = n_pred_ok = n_gold = n_gold_found = 0
    n_gold_cov = n_gold_cov_found = 0
    n_events = n_attr_events = 0
    for a in arts:
        text, gold = a["text"], a["gold"]
        n_gold += len(gold)
        preds = set()
        coded = []      # (start, end) of sentences with an event
        pos = 0
        sent_at = {}
        for ev in sorted(res.get(a["id"], []), key=lambda e: e.get("sentence_index", 0)):
            n_events += 1
            s = ev.get("sentence") or ""
            si = ev.get("sentence_index")
            if si not in sent_at:
                k = text.find(s, pos) if s else -1
                if k < 0 and s:
                    k = text.find(s)
                sent_at[si] = k
                if k >= 0:
                    pos = k + len(s)
                    coded.append((k, k + len(s)))
            k = sent_at[si]
            at = ev.get("attribution") or {}
            at_text = at.get("text")
            if not at_text or k < 0:
                continue
            n_attr_events += 1
            j = s.find(at_text)
            if j < 0:
                continue
            preds.add((k + j, k + j + len(at_text)))
        gold_starts = [g[0] for g in gold]
        for p in preds:
            n_pred += 1
            i = bisect.bisect_left(gold_starts, p[1])
            if any(overlaps(p, g) for g in gold[max(0, i - 20):i]):
                n_pred_ok += 1
        for g in gold:
            hit = any(overlaps(p, g) for p in preds)
            n_gold_found += hit
            if any(c[0] <= g[0] < c[1] for c in coded):
                n_gold_cov += 1
                n_gold_cov_found += hit
    p, r, f = prf(n_pred_ok, n_pred - n_pred_ok, n_gold - n_gold_found)
    return {"articles": len(arts), "gold": n_gold, "pred": n_pred, "pred_ok": n_pred_ok,
            "gold_found": n_gold_found, "p": p, "r": r, "f1": f,
            "events": n_events, "attr_events": n_attr_events,
            "gold_cov": n_gold_cov,
            "r_cov": n_gold_cov_found / n_gold_cov if n_gold_cov else 0.0}


def run_claims(dyad, records, dict_path=None, jobs=2):
    """{article id: [claim, ...]} from `dyad code -f claims`."""
    return run_dyad(dyad, records, dict_path=dict_path, jobs=jobs, extra=("-f", "claims"))


WORD = re.compile(r"\w+")
DETS = ("the ", "a ", "an ")


def norm_span(text, sp):
    """Span without surrounding spaces and a leading determiner."""
    a, b = sp
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    low = text[a:b].lower()
    for d in DETS:
        if low.startswith(d) and len(low) > len(d):
            a += len(d)
            break
    return (a, b)


def head(text, sp):
    w = WORD.findall(text[sp[0]:sp[1]])
    return w[-1].lower() if w else ""


def evaluate_claims(dyad, arts, dict_path=None):
    res = run_claims(dyad, [{"id": a["id"], "date": "2016-01-01", "text": a["text"]}
                            for a in arts], dict_path=dict_path)
    tot = {"claims": 0, "with_source": 0, "pred": 0, "gold": 0}
    ok = {"overlap": [0, 0], "exact": [0, 0], "head": [0, 0]}  # [pred ok, gold found]
    for a in arts:
        text, gold = a["text"], a["gold"]
        b2c = {}
        raw = text.encode("utf-8")
        ci = 0
        for bi in range(len(raw) + 1):
            if bi == len(raw) or (raw[bi] & 0xC0) != 0x80:
                b2c[bi] = ci
                ci += 1
        preds = set()
        for c in res.get(a["id"], []):
            tot["claims"] += 1
            sp = (c.get("spans") or {}).get("source")
            if not sp:
                continue
            tot["with_source"] += 1
            preds.add((b2c.get(sp[0], 0), b2c.get(sp[1], 0)))
        preds = sorted(preds)
        tot["pred"] += len(preds)
        tot["gold"] += len(gold)
        gn = [norm_span(text, g) for g in gold]
        pn = [norm_span(text, p) for p in preds]
        gh = [head(text, g) for g in gold]
        ph = [head(text, p) for p in preds]
        gold_starts = [g[0] for g in gold]

        def near(p):
            i = bisect.bisect_left(gold_starts, p[1])
            return range(max(0, i - 30), i)
        for k, p in enumerate(preds):
            cand = [j for j in near(p) if overlaps(p, gold[j])]
            ok["overlap"][0] += bool(cand)
            ok["exact"][0] += any(gn[j] == pn[k] for j in cand)
            ok["head"][0] += any(gh[j] == ph[k] and ph[k] for j in cand)
        pstarts = [p[0] for p in preds]
        for j, g in enumerate(gold):
            i = bisect.bisect_left(pstarts, g[1])
            cand = [k for k in range(max(0, i - 30), i) if overlaps(preds[k], g)]
            ok["overlap"][1] += bool(cand)
            ok["exact"][1] += any(gn[j] == pn[k] for k in cand)
            ok["head"][1] += any(gh[j] == ph[k] and ph[k] for k in cand)
    m = dict(tot)
    for key, (po, gf) in ok.items():
        p, r, f = prf(po, m["pred"] - po, m["gold"] - gf)
        m[key] = {"p": p, "r": r, "f1": f, "pred_ok": po, "gold_found": gf}
    return m


def load_articles(train_dir, limit=None):
    texts = sorted(glob.glob(os.path.join(train_dir, "text", "*.txt")))
    if limit:
        texts = texts[:limit]
    arts = []
    for t in texts:
        base = os.path.basename(t)[:-4]
        anns = sorted(glob.glob(os.path.join(train_dir, "attributions", base + "_*.ann")))
        if not anns:
            continue
        with open(t, encoding="utf-8", errors="replace") as f:
            text = f.read()
        arts.append({"id": base, "text": text, "gold": load_ann(anns[0])})
    return arts


def show_claims(m):
    print("  claims (-f claims, every reporting frame): %d claims, %d with a source, "
          "%d distinct source spans" % (m["claims"], m["with_source"], m["pred"]))
    for key, label in (("overlap", "overlap"), ("exact", "exact"), ("head", "head word")):
        x = m[key]
        print("    %-9s P %.3f  R %.3f  F1 %.3f" % (label, x["p"], x["r"], x["f1"]))


def show(m):
    print("PolNeAR: %d articles, %d gold sources; dyad %d events, %d with an attribution" % (
        m["articles"], m["gold"], m["events"], m["attr_events"]))
    print("  attribution sources: %d predicted spans, %d overlap a gold source: P %.3f  R %.3f  "
          "F1 %.3f" % (m["pred"], m["pred_ok"], m["p"], m["r"], m["f1"]))
    print("  recall where coded: %d gold sources in sentences with an event, %s found" % (
        m["gold_cov"], pct(m["r_cov"])))


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--dict")
    a = ap.parse_args()
    train = os.path.join(a.data, "polnear/train")
    show(evaluate(a.dyad, train, a.limit, a.dict))
    show_claims(evaluate_claims(a.dyad, load_articles(train, a.limit), a.dict))
