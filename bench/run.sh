#!/bin/sh
# make bench: end-to-end speed and memory of `dyad code` on >= 200 MB of real
# news text built from ../shared/data (see bench/mkcorpus.py), with three
# dictionary sets (dyad's defaults, TABARI production, PETRARCH2 Phoenix), to
# JSON Lines on /dev/null and to SQLite. Medians of RUNS runs (default 3).
# Environment: BENCH_MB (corpus size, default 200), RUNS, DATA (shared data dir).
BUILD=${1:-build}
DYAD="$PWD/$BUILD/dyad"
DATA=${DATA:-../shared/data}
MB=${BENCH_MB:-200}
RUNS=${RUNS:-3}
OUT=bench/corpus
if [ ! -d "$DATA" ]; then echo "bench: $DATA not found; the benchmark needs ../shared/data" >&2; exit 0; fi
command -v python3 >/dev/null || { echo "bench: python3 needed to build the corpus" >&2; exit 1; }
[ -x /usr/bin/time ] || sh scripts/setup.sh
mkdir -p "$OUT"
CORPUS="$OUT/corpus-${MB}mb.jsonl"
[ -s "$CORPUS" ] || python3 bench/mkcorpus.py "$DATA" "$CORPUS" "$MB" || exit 1

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB"
echo "corpus:  $CORPUS ($(du -m "$CORPUS" | cut -f1) MB)"
echo "dyad:    $("$DYAD" version)"

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) print 0; else print a[int((NR+1)/2)] }'; }

# run DICTNAME DICTARG JOBS SINK -> prints a result row
run() {
  name=$1; dict=$2; jobs=$3; sink=$4
  secs=""; rss=""; sents=0; evs=0
  for i in $(seq "$RUNS"); do
    rm -f "$OUT/bench.db" "$OUT/bench.db-wal" "$OUT/bench.db-shm"
    if [ "$sink" = sqlite ]; then sargs="-f none --db $OUT/bench.db"; else sargs="-f jsonl"; fi
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$DYAD" code $dict -j "$jobs" $sargs "$CORPUS" >/dev/null 2>"$OUT/err.txt"
    rc=$?
    if [ $rc -ne 0 ]; then echo "bench: run failed ($name $sink -j$jobs): $(tail -3 "$OUT/err.txt")" >&2; return; fi
    secs="$secs $(awk '{print $1}' "$OUT/time.txt")"
    rss="$rss $(awk '{print $2}' "$OUT/time.txt")"
    line=$(grep 'dyad: coded' "$OUT/err.txt" | tail -1)
    sents=$(echo "$line" | sed 's/.*articles, \([0-9]*\) sentences.*/\1/')
    evs=$(echo "$line" | sed 's/.*sentences, \([0-9]*\) events.*/\1/')
  done
  s=$(echo $secs | tr ' ' '\n' | median); r=$(echo $rss | tr ' ' '\n' | median)
  mbytes=$(du -m "$CORPUS" | cut -f1)
  awk -v n="$name" -v j="$jobs" -v k="$sink" -v s="$s" -v r="$r" -v se="$sents" -v ev="$evs" -v mb="$mbytes" \
    'BEGIN{ if (s<=0) s=0.001; printf "%-10s %-7s -j%-2s %8.2f s %11.0f sent/s %9.0f sent/s/core %7.1f MB/s %9.0f ev/s %7.1f MB RSS\n", n, k, j, s, se/s, se/s/j, mb/s, ev/s, r/1024 }'
}

startup() {
  name=$1; dict=$2
  ts=""
  for i in $(seq 5); do
    /usr/bin/time -f "%e" -o "$OUT/t0.txt" sh -c "echo '{\"id\":\"x\",\"text\":\"x\"}' | '$DYAD' code -q $dict -j 1 >/dev/null"
    ts="$ts $(cat "$OUT/t0.txt")"
  done
  printf '%-10s start-up (median of 5): %s s\n' "$name" "$(echo $ts | tr ' ' '\n' | median)"
}

T="$DATA/tabari/dictionaries"
P="$DATA/petrarch2"
echo
printf '%-10s %-7s %-4s %10s %18s %24s %12s %14s %14s\n' dict sink jobs time rate per-core MB/s events peak
for set in default tabari petrarch; do
  case $set in
    default) d="";;
    tabari) d="--dict $OUT/tabari.project"
      printf '<actorsfile> %s\n<actorsfile> %s\n<verbsfile> %s\n<agentsfile> %s\n<optionsfile> %s\n' \
        "$T/CountryInfo.120116.actors" "$T/Internatnl.120521.actors" "$T/CAMEO.080612.verbs" "$T/PSU.120522.agents" \
        "$T/CAMEO.09b5.options" > "$OUT/tabari.project";;
    petrarch) d="--dict $P/PETR_config.ini";;
  esac
  run "$set" "$d" 1 jsonl
  run "$set" "$d" 2 jsonl
  run "$set" "$d" 1 sqlite
  startup "$set" "$d"
done
rm -f "$OUT/bench.db" "$OUT/bench.db-wal" "$OUT/bench.db-shm"
