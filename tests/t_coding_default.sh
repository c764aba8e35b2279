#!/bin/sh
# t_coding_default.sh -- golden-file regression test of event coding with
# dyad's built-in dictionaries (dict/default): every case of
# tests/golden/coding/cases.txt is one article, all of them are coded in one
# `dyad code -f jsonl` run, and each expectation line is one check (format at
# the top of cases.txt). tests/golden/coding/known_failures.txt holds cases
# dyad codes wrongly today: they are run and reported ("known failures: N of
# M still fail", and any case that now passes is named so it can be moved)
# but never counted as failures; VERBOSE=1 prints what they get. Ends with
# "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
DYAD=${DYAD:-build/dyad}
G=tests/golden/coding
if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not found: coding golden test skipped"
  echo "0 passed, 0 failed"; exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

python3 - "$DYAD" "$G/cases.txt" "$G/known_failures.txt" "$T" <<'PY'
import json, os, subprocess, sys

dyad, main_file, known_file, tmp = sys.argv[1:5]

def parse(path, tag):
    """Cases of one file: dicts with id, line, text, date, checks."""
    cases, cur, bad = [], None, []
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            cur = None
            continue
        if line.startswith("> "):
            cur = {"id": "%s%d" % (tag, n), "line": n, "text": line[2:].strip(),
                   "date": "2024-06-01", "checks": []}
            cases.append(cur)
        elif cur is None:
            bad.append("%s:%d: line outside a case" % (path, n))
        elif line.startswith("@ "):
            cur["date"] = line[2:].strip()
        elif line[:2] in ("+ ", "- "):
            f = line[2:].split()
            if len(f) != 3:
                bad.append("%s:%d: want SRC TGT CODE" % (path, n))
            else:
                cur["checks"].append((line[0], f[0], f[1], f[2], n))
        else:
            bad.append("%s:%d: unknown line" % (path, n))
    for c in cases:
        if not c["checks"]:
            bad.append("%s:%d: case without expectations" % (path, c["line"]))
    return cases, bad

main, bad_main = parse(main_file, "m")
known, bad_known = parse(known_file, "k")
with open(tmp + "/in.jsonl", "w", encoding="utf-8") as f:
    for c in main + known:
        f.write(json.dumps({"id": c["id"], "date": c["date"], "text": c["text"]}) + "\n")
p = subprocess.run([dyad, "code", "-q", "-f", "jsonl", "-i", "jsonl", tmp + "/in.jsonl"],
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
events = {}
for ln in p.stdout.splitlines():
    e = json.loads(ln)
    s = e["source"]["code"] if e["source"] else "-"
    t = e["target"]["code"] if e["target"] else "-"
    events.setdefault(e["article_id"], []).append((s, t, e["cameo"]))

def match(ev, src, tgt, code):
    return ((src == "*" or ev[0] == src) and (tgt == "*" or ev[1] == tgt)
            and (code == "*" or ev[2].startswith(code)))

def run(cases, path, loud):
    """Checks passed and failed; prints each failure when loud."""
    ok = ko = 0
    failing = []
    for c in cases:
        evs = events.get(c["id"], [])
        bad = []
        for sign, src, tgt, code, n in c["checks"]:
            hit = any(match(ev, src, tgt, code) for ev in evs)
            if hit == (sign == "+"):
                ok += 1
            else:
                ko += 1
                bad.append("%s:%d: %s %s %s %s" % (path, n, sign, src, tgt, code))
        if bad:
            failing.append(c)
            if loud:
                got = ", ".join("%s>%s %s" % ev for ev in evs) or "no event"
                print("FAIL: %s\n  got: %s" % (c["text"], got))
                for b in bad:
                    print("  " + b)
    return ok, ko, failing

fails = 0
for b in bad_main + bad_known:
    print("FAIL: " + b); fails += 1
if p.returncode != 0:
    print("FAIL: dyad exited %d: %s" % (p.returncode, p.stderr[-500:])); fails += 1
ok, ko, _ = run(main, main_file, True)
_, _, still = run(known, known_file, bool(os.environ.get("VERBOSE")))
nchecks = sum(len(c["checks"]) for c in main)
print("coding golden: %d cases, %d checks" % (len(main), nchecks))
print("known failures: %d of %d still fail" % (len(still), len(known)))
for c in known:
    if c not in still:
        print("  now passes (move it to cases.txt): %s:%d: %s" % (known_file, c["line"], c["text"]))
print("%d passed, %d failed" % (ok, ko + fails))
PY
