#!/bin/sh
# t_eval_smoke.sh -- smoke test of the evaluation scripts (eval/*.py) on a
# 5-record PLOVER-format fixture written here (no ../shared/data needed):
# the table reader, the category translation, the record-level matching
# rule and the P/R arithmetic, then one run of eval/plover.py on the real
# binary. Skips (0 failed) without python3. Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
if ! command -v python3 >/dev/null 2>&1; then echo "skip: no python3"; echo "0 passed, 0 failed"; exit 0; fi
DYAD=${DYAD:-build/dyad}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/plover" "$TMP/cameo"
cat > "$TMP/cameo/CAMEO2PLOVER-2021.txt" <<'T'
# test table
03: AGREE
030: AGREE,  , diplomatic # Express intent to cooperate
09: ACCUSE
090: ACCUSE, investigate,  # Investigate
10: REQUEST
100: REQUEST,  ,  # REQUEST
11: ACCUSE
111: ACCUSE, disapprove,    # Criticize or denounce
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
19: ASSAULT
194: ASSAULT, heavy-weapons, military # Fight with artillery and tanks
T
cat > "$TMP/plover/PLOVER_GSR_CAMEO.json" <<'J'
[{"event": "DOCUMENT", "id": "doc"},
 {"id": "r1", "event": "FIGHT", "text": "Russian forces shelled Ukrainian positions near the town on Monday, officials said.",
  "source": [{"code": "RUS"}], "target": [{"code": "UKR"}]},
 {"id": "r2", "event": "DISAPPROVE", "text": "France on Wednesday strongly condemned Iran for its nuclear programme, the ministry said.",
  "source": [{"code": "FRA"}], "target": [{"code": "IRN"}]},
 {"id": "r3", "event": "DEMAND", "text": "Germany on Monday demanded that Russia release the detained journalists at once.",
  "source": [{"code": "DEU"}], "target": ""},
 {"id": "r4", "event": "AGREE", "text": "Japan on Tuesday condemned China for its military drills near the islands, officials said.",
  "source": [{"code": "JAP"}], "target": [{"code": "CHN"}]},
 {"id": "r5", "event": "AGREE", "text": "The weather was fine on Tuesday and nothing happened anywhere.",
  "source": [{"code": "USA"}]}]
J
out=$(python3 - "$TMP" <<'PY'
import sys
sys.path.insert(0, "eval")
import plover
from common import load_cameo2plover, norm_country, prf
d = sys.argv[1]
t = load_cameo2plover(d + "/cameo/CAMEO2PLOVER-2021.txt")
print("table", len(t), t.get("194"), t.get("03"))
ev = lambda c: {"cameo": c, "plover": {}}
print("cat", plover.category(ev("194"), t), plover.category(ev("090"), t),
      plover.category(ev("111"), t), plover.category(ev("100"), t), plover.category(ev("0211"), t))
g = plover.load_gold(d + "/plover/PLOVER_GSR_CAMEO.json")
print("gold", len(g), sorted(g[3]["src"]), sorted(g[2]["tar"]))
r1 = g[0]
e = {"cameo": "194", "source": {"code": "RUSMIL", "country": "RUS"}, "target": {"code": "UKR", "country": "UKR"}}
print("match", plover.matches(e, r1, t), plover.matches(dict(e, cameo="111"), r1, t),
      plover.matches(dict(e, target={"code": "POL"}), r1, t))
e3 = {"cameo": "100", "source": {"code": "DEUGOV", "country": "DEU"}, "target": {"code": "RUS"}}
print("notarget", plover.matches(e3, g[2], t))
print("iso", norm_country("ROMGOV"), norm_country("IGOUNO"), norm_country("---"))
p, r, f = prf(3, 1, 3)
print("prf %.3f %.3f %.3f" % (p, r, f))
PY
)
echo "$out" | grep -q '^table 11 ASSAULT AGREE$' && ok || bad "table: $out"
echo "$out" | grep -q '^cat FIGHT INVESTIGATE DISAPPROVE DEMAND None$' && ok || bad "categories: $(echo "$out" | grep ^cat)"
echo "$out" | grep -q "^gold 5 \['JPN'\] \[\]$" && ok || bad "gold loading: $(echo "$out" | grep ^gold)"
echo "$out" | grep -q '^match True False False$' && ok || bad "matching: $(echo "$out" | grep ^match)"
echo "$out" | grep -q '^notarget True$' && ok || bad "record without gold target"
echo "$out" | grep -q '^iso ROU IGO None$' && ok || bad "country normalisation: $(echo "$out" | grep ^iso)"
echo "$out" | grep -q '^prf 0.750 0.500 0.600$' && ok || bad "P/R/F1 arithmetic: $(echo "$out" | grep ^prf)"
if [ -x "$DYAD" ]; then
  res=$(python3 eval/plover.py --dyad "$DYAD" --data "$TMP" 2>&1)
  echo "$res" | grep -q '^PLOVER: 5 records' && ok || bad "plover.py run: $res"
  tp=$(echo "$res" | sed -n 's/.*TP \([0-9]*\) FP.*/\1/p')
  [ -n "$tp" ] && [ "$tp" -le 4 ] && ok || bad "plover.py TP '$tp' (r5 has no event to find)"
else echo "skip: $DYAD not built"; fi
echo "$pass passed, $fail failed"
