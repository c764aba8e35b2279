#!/bin/sh
# t_cluster.sh — event clusters end to end: the same story from three outlets
# is one cluster of 3 articles / 3 outlets; two attacks on the same day in
# different places are two clusters; one article reporting an event twice is
# one cluster with 2 mentions; conflicting casualty figures are kept per
# outlet; a second run adds its article to the existing cluster; re-coding
# the same articles changes nothing; a version-1 database is migrated; the
# `dyad clusters` options and errors. Golden files: tests/golden/cluster/.
DYAD=${DYAD:-build/dyad}
G=tests/golden/cluster
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
no() { fail=$((fail+1)); echo "FAIL: $*"; }
q() { sqlite3 "$T/c.db" "$1"; }

# --- run 1: golden table
"$DYAD" code -q -j1 -f none --db "$T/c.db" "$G/run1.jsonl" && ok || no "code run1"
"$DYAD" clusters --db "$T/c.db" -f table >"$T/t1" && ok || no "clusters run1"
diff -u "$G/run1.table" "$T/t1" && ok || no "run1 table differs from golden"
[ "$(q "select num_articles||'/'||num_sources||'/'||num_mentions from clusters where location_name='city of Kharkiv'")" = "3/3/3" ] \
  && ok || no "three outlets -> one cluster, 3 articles, 3 outlets"
[ "$(q "select count(distinct cluster_id) from events where article_id in ('afp-1','afp-2')")" = "2" ] \
  && ok || no "same day, different places -> two clusters"
[ "$(q "select num_mentions||'/'||num_articles from clusters c join events e on e.cluster_id='c'||c.id where e.article_id='bbc-1' group by c.id")" = "2/1" ] \
  && ok || no "one article, two mentions -> one cluster, 2 mentions"

# --- conflicting figures are listed per outlet, not averaged (JSON Lines)
"$DYAD" clusters --db "$T/c.db" --min-mentions 3 >"$T/j1" && ok || no "clusters jsonl"
[ "$(wc -l <"$T/j1")" -eq 1 ] && ok || no "--min-mentions 3 keeps one cluster"
for fig in '"text":"five civilians"' '"text":"seven civilians"' '"text":"at least six people"' \
           '"outlet":"AFP"' '"outlet":"Reuters"' '"outlet":"AP"' '"num_sources":3' '"status":"claimed"'; do
  grep -qF "$fig" "$T/j1" && ok || no "jsonl lacks $fig"
done
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/j1" 2>/dev/null && ok || no "jsonl is valid JSON"

# --- run 2 on the same database: the new Kharkiv report joins cluster c1,
# a report ten days later starts its own cluster.
"$DYAD" code -q -j1 -f none --db "$T/c.db" "$G/run2.jsonl" && ok || no "code run2"
"$DYAD" clusters --db "$T/c.db" -f table >"$T/t2"
diff -u "$G/run2.table" "$T/t2" && ok || no "run2 table differs from golden"
[ "$(q "select cluster_id from events where article_id='ukr-1'")" = "c1" ] && ok || no "cross-run: ukr-1 joins c1"

# --- re-coding the same articles changes no count
"$DYAD" code -q -j1 -f none --db "$T/c.db" "$G/run1.jsonl" "$G/run2.jsonl" && ok || no "code again"
"$DYAD" clusters --db "$T/c.db" -f table >"$T/t3"
diff -u "$G/run2.table" "$T/t3" && ok || no "re-coding changed the clusters"

# --- near-duplicate articles: a syndicated copy is marked, and counted as
# an article but not as an independent report
python3 - "$G/run1.jsonl" >"$T/dup.jsonl" <<'PY'
import json, sys
a = json.loads(open(sys.argv[1]).readline())
a["text"] += " The strike hit a residential district and a school, and rescue teams searched the rubble through the night while the regional governor announced a day of mourning."
print(json.dumps(dict(a, id="orig")))
print(json.dumps(dict(a, id="copy", source="Yahoo", text=a["text"] + " Copyright AFP.")))
print(json.dumps(dict(a, id="other", source="AP", text="Russian forces shelled the Ukrainian city of Kharkiv on Sunday, killing five civilians, regional officials said. Firefighters fought the blaze at the power plant for hours, and engineers said electricity would be restored to most homes by the end of the week.")))
PY
"$DYAD" code -q -j1 -f none --db "$T/d.db" "$T/dup.jsonl" && ok || no "code dups"
[ "$(sqlite3 "$T/d.db" "select dup_of from articles where id='copy'")" = "orig" ] && ok || no "near-duplicate marked"
[ "$(sqlite3 "$T/d.db" "select count(*) from articles where id='other' and dup_of is null")" = "1" ] && ok || no "another text on the same event is no duplicate"
[ "$(sqlite3 "$T/d.db" "select num_articles||'/'||num_independent||'/'||num_sources from clusters")" = "3/2/3" ] && ok || no "copy not independent"

# --- a version-1 database is migrated when written again
cp "$T/d.db" "$T/v1.db"
sqlite3 "$T/v1.db" "drop table clusters; drop table cluster_articles; drop table simhash_bands;
  drop index events_cluster; alter table articles drop column simhash; alter table articles drop column dup_of;
  update events set cluster_id = null; pragma user_version = 1;" && ok || no "make v1 db"
"$DYAD" clusters --db "$T/v1.db" >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 1 ] && grep -q "older dyad" "$T/e" && ok || no "v1 db: clusters explains ($rc: $(cat "$T/e"))"
"$DYAD" code -q -j1 -f none --db "$T/v1.db" "$G/run1.jsonl" && ok || no "code into v1 db"
[ "$(sqlite3 "$T/v1.db" "pragma user_version")" = "2" ] && ok || no "migrated to version 2"
[ "$(sqlite3 "$T/v1.db" "select count(*) from articles")" = "8" ] && ok || no "old articles kept"
[ "$(sqlite3 "$T/v1.db" "select num_articles from clusters where location_name='city of Kharkiv'")" = "3" ] && ok || no "clusters built after migration"

# --- options and errors
"$DYAD" clusters --db "$T/c.db" --from 2024-03-15 -f table | grep -q '^c4 ' && ok || no "--from"
[ "$("$DYAD" clusters --db "$T/c.db" --to 2024-03-15 | wc -l)" -eq 3 ] && ok || no "--to"
[ "$("$DYAD" clusters --db "$T/c.db" --limit 1 | wc -l)" -eq 1 ] && ok || no "--limit"
"$DYAD" clusters >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "no --db exits 2"
"$DYAD" clusters --db "$T/c.db" --from yesterday >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "bad --from exits 2"
"$DYAD" clusters --db "$T/c.db" -f xml >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "bad --format exits 2"
"$DYAD" clusters --db "$T/none.db" >/dev/null 2>&1; [ $? -eq 1 ] && ok || no "missing db exits 1"
"$DYAD" help clusters | grep -q -- '--min-mentions' && ok || no "help clusters"

echo "$pass passed, $fail failed"
