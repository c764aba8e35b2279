#!/bin/sh
# t_cli.sh — end-to-end tests of the dyad executable: help and usage errors,
# every input format, bad records reported as file:line while the rest is
# coded, --strict, output formats, the SQLite store (re-run replaces rows,
# a killed run leaves a consistent database), db stats.
DYAD=${DYAD:-build/dyad}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { fail=$((fail+1)); echo "FAIL: $*"; }
check() { desc=$1; shift; if "$@" >/dev/null 2>&1; then ok; else no "$desc"; fi; }

# --- help, version, usage errors
check "version" sh -c "$DYAD version | grep -q '^dyad [0-9]'"
check "--help lists commands" sh -c "$DYAD --help | grep -q 'code \[FILE'"
check "code --help" sh -c "$DYAD code --help | grep -q -- '--strict'"
"$DYAD" frobnicate >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "unknown command exits 2"
"$DYAD" code --output xml </dev/null >/dev/null 2>"$T/e"; [ $? -eq 2 ] && grep -q "unknown output format" "$T/e" && ok || no "bad --output"
"$DYAD" code --date 2024-13-45 </dev/null >/dev/null 2>"$T/e"; [ $? -eq 2 ] && grep -q "bad --date" "$T/e" && ok || no "bad --date"
"$DYAD" code -j 0 </dev/null >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "bad -j"

# --- JSONL with bad records: each reported with file:line, others coded
"$DYAD" code -q --db "$T/bad.db" examples/bad.jsonl >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && ok || no "bad.jsonl exit status $rc"
grep -q '^examples/bad.jsonl:2: ' "$T/err" && ok || no "truncated JSON reported at line 2: $(cat "$T/err")"
grep -q '^examples/bad.jsonl:3: ' "$T/err" && ok || no "non-object JSON reported at line 3"
grep -q '^examples/bad.jsonl:4: .*text' "$T/err" && ok || no "missing text reported at line 4"
[ "$(sqlite3 "$T/bad.db" "select group_concat(id) from (select id from articles order by id)")" = "ok-1,ok-2" ] && ok || no "records around bad ones still coded"
"$DYAD" code -q --strict examples/bad.jsonl >/dev/null 2>&1; [ $? -eq 1 ] && ok || no "--strict exits 1"
"$DYAD" code examples/bad.jsonl 2>"$T/err" >/dev/null
grep -q 'rejected records' "$T/err" && ok || no "summary line counts rejected"

# --- unreadable input
"$DYAD" code -q "$T/does-not-exist.jsonl" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'does-not-exist.jsonl' "$T/err" && ok || no "missing file: rc=$rc $(cat "$T/err")"
"$DYAD" code -q "$T" >/dev/null 2>"$T/err"; [ $? -ne 0 ] && ok || no "directory as input"

# --- stdin and text input
printf '%s\n' '{"id":"s1","date":"2024-05-01","text":"France praised Germany."}' | "$DYAD" code -q >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && ok || no "stdin jsonl"
printf 'Germany criticized France on Monday.\n' > "$T/story.txt"
"$DYAD" code -q -i text --date 2024-02-03 "$T/story.txt" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && ok || no "text input: $(cat "$T/err")"

# --- every line of JSONL output is valid JSON with the contract keys
"$DYAD" code -q -j 1 examples/articles.jsonl >"$T/ex.jsonl" 2>"$T/err"
if command -v python3 >/dev/null 2>&1; then
  python3 - "$T/ex.jsonl" <<'PY' && ok || no "JSONL contract keys"
import json, sys
keys = {"event_id","article_id","sentence_index","sentence","date","date_precision","source","target",
        "cameo","root","quad_class","goldstein","plover","attribution","status","quantities","location","spans","cluster_id"}
n = 0
for line in open(sys.argv[1]):
    e = json.loads(line); n += 1
    missing = keys - set(e)
    assert not missing, missing
    art = e["article_id"]
sys.exit(0)
PY
else ok; fi
# output order and content do not depend on the thread count
"$DYAD" code -q -j 2 examples/articles.jsonl >"$T/ex2.jsonl" 2>/dev/null
cmp -s "$T/ex.jsonl" "$T/ex2.jsonl" && ok || no "-j 2 output differs from -j 1"

# --- TSV and GDELT
"$DYAD" code -q -f tsv examples/articles.jsonl >"$T/o.tsv" 2>/dev/null
head -1 "$T/o.tsv" | grep -q '^date	source	target	cameo' && ok || no "tsv header"
"$DYAD" code -q -f gdelt examples/articles.jsonl >"$T/o.gdelt" 2>/dev/null
bad=$(awk -F'\t' 'NF != 61' "$T/o.gdelt" | wc -l)
[ "$bad" -eq 0 ] && ok || no "gdelt rows must have 61 columns ($bad bad)"

# GDELT ids are unique over the whole output, whatever the thread count
"$DYAD" code -q -j 2 -f gdelt examples/articles.jsonl examples/articles.jsonl >"$T/o2.gdelt" 2>/dev/null
dups=$(cut -f1 "$T/o2.gdelt" | sort | uniq -d | wc -l)
[ "$dups" -eq 0 ] && [ -s "$T/o2.gdelt" ] && ok || no "GlobalEventID repeated ($dups)"

# with --db, JSON Lines carry the cluster ids the store assigned
"$DYAD" code -q --db "$T/c.db" examples/articles.jsonl >"$T/c.jsonl" 2>/dev/null
nc=$(grep -c '"cluster_id":"c[0-9]*"' "$T/c.jsonl"); ne=$(wc -l < "$T/c.jsonl")
[ "$nc" -gt 0 ] && ok || no "no cluster ids in JSONL with --db ($nc of $ne)"
db_ids=$(sqlite3 "$T/c.db" "select count(*) from events where cluster_id is not null")
[ "$db_ids" = "$nc" ] && ok || no "cluster ids in JSONL ($nc) differ from the database ($db_ids)"
"$DYAD" code -q --db "$T/nc.db" --no-cluster examples/articles.jsonl >"$T/nc.jsonl" 2>/dev/null
grep -q '"cluster_id":"c' "$T/nc.jsonl" && no "--no-cluster still clusters" || ok

# --- SQLite store: re-run replaces, stats
DB="$T/t.db"
"$DYAD" code -q -f none --db "$DB" examples/articles.jsonl 2>"$T/err"; [ $? -eq 0 ] && ok || no "--db run: $(cat "$T/err")"
n1=$(sqlite3 "$DB" 'select count(*) from articles' 2>/dev/null)
e1=$(sqlite3 "$DB" 'select count(*) from events' 2>/dev/null)
[ "$n1" = 8 ] && ok || no "8 articles stored (got $n1)"
"$DYAD" code -q -f none --db "$DB" examples/articles.jsonl 2>/dev/null
n2=$(sqlite3 "$DB" 'select count(*) from articles'); e2=$(sqlite3 "$DB" 'select count(*) from events')
[ "$n2" = "$n1" ] && [ "$e2" = "$e1" ] && ok || no "re-run duplicated rows ($n1/$e1 -> $n2/$e2)"
"$DYAD" db stats "$DB" >"$T/stats" 2>&1 && grep -qi 'articles' "$T/stats" && ok || no "db stats"
"$DYAD" db stats "$T/nope.db" >/dev/null 2>&1; [ $? -ne 0 ] && ok || no "db stats on missing file fails"

# --- a killed run leaves a consistent database that can be re-run
python3 - "$T/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(60000):
        f.write(json.dumps({"id": "k%d" % i, "date": "2024-01-01",
                            "text": "Russia accused Ukraine of shelling the town. France praised Germany on Monday."}) + "\n")
PY
"$DYAD" code -q -f none --db "$T/k.db" "$T/big.jsonl" 2>/dev/null &
pid=$!
sleep 0.7; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
ic=$(sqlite3 "$T/k.db" 'pragma integrity_check' 2>/dev/null)
[ "$ic" = ok ] && ok || no "integrity after kill: $ic"
orphan=$(sqlite3 "$T/k.db" 'select count(*) from events where article_id not in (select id from articles)' 2>/dev/null)
[ "$orphan" = 0 ] && ok || no "orphan events after kill: $orphan"
"$DYAD" code -q -f none --db "$T/k.db" "$T/big.jsonl" 2>/dev/null
n=$(sqlite3 "$T/k.db" 'select count(*) from articles' 2>/dev/null)
[ "$n" = 60000 ] && ok || no "re-run after kill completes ($n articles)"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
