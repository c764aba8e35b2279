#!/bin/sh
# make bench: end-to-end speed and memory of `dyad code` on real news text
# built from ../shared/data (see bench/mkcorpus.py), with three dictionary
# sets (dyad's defaults, TABARI production, PETRARCH2 Phoenix): JSON Lines
# to /dev/null with 1 and 2 worker threads, and the SQLite sink; start-up
# with the text dictionaries and with a compiled image (dyad dict compile);
# peak RSS on a small and the full corpus (memory must not grow with input).
# Every figure is the median of RUNS runs (default 3).
# Environment: BENCH_MB (corpus size, default 200), BENCH_SMALL_MB (the
# small corpus for the RSS comparison, default 50), RUNS, DATA (shared data
# dir), SETS (default "default tabari petrarch").
BUILD=${1:-build}
DYAD="$PWD/$BUILD/dyad"
DATA=${DATA:-../shared/data}
MB=${BENCH_MB:-200}
SMB=${BENCH_SMALL_MB:-50}
RUNS=${RUNS:-3}
SETS=${SETS:-default tabari petrarch}
OUT=bench/corpus
if [ ! -d "$DATA" ]; then echo "bench: $DATA not found; the benchmark needs ../shared/data" >&2; exit 0; fi
DATA=$(cd "$DATA" && pwd)   # the project file names dictionaries by absolute path
command -v python3 >/dev/null || { echo "bench: python3 needed to build the corpus" >&2; exit 1; }
[ -x /usr/bin/time ] || sh scripts/setup.sh
mkdir -p "$OUT"
CORPUS="$OUT/corpus-${MB}mb.jsonl"
SMALL="$OUT/corpus-${SMB}mb.jsonl"
[ -s "$CORPUS" ] || python3 bench/mkcorpus.py "$DATA" "$CORPUS" "$MB" || exit 1
[ -s "$SMALL" ] || python3 bench/mkcorpus.py "$DATA" "$SMALL" "$SMB" || exit 1

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(uname -sr)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at start"
echo "corpus:  $CORPUS ($(du -m "$CORPUS" | cut -f1) MB, $(wc -l < "$CORPUS") articles)"
echo "dyad:    $("$DYAD" version)"
echo "runs:    median of $RUNS"

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) print 0; else print a[int((NR+1)/2)] }'; }

# run NAME DICTARG JOBS SINK CORPUS -> prints a result row, sets RATE (sentences/s) and RSSMB
run() {
  name=$1; dict=$2; jobs=$3; sink=$4; corpus=$5
  secs=""; rss=""; cpus=""; sents=0; evs=0; RATE=0; RSSMB=0
  for i in $(seq "$RUNS"); do
    rm -f "$OUT/bench.db" "$OUT/bench.db-wal" "$OUT/bench.db-shm"
    if [ "$sink" = sqlite ]; then sargs="-f none --db $OUT/bench.db"; else sargs="-f jsonl"; fi
    /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$DYAD" code $dict -j "$jobs" $sargs "$corpus" >/dev/null 2>"$OUT/err.txt"
    rc=$?
    if [ $rc -ne 0 ]; then echo "bench: run failed ($name $sink -j$jobs): $(tail -3 "$OUT/err.txt")" >&2; return; fi
    secs="$secs $(awk '{print $1}' "$OUT/time.txt")"
    rss="$rss $(awk '{print $2}' "$OUT/time.txt")"
    cpus="$cpus $(awk '{print $3 + $4}' "$OUT/time.txt")"
    line=$(grep 'dyad: coded' "$OUT/err.txt" | tail -1)
    sents=$(echo "$line" | sed 's/.*articles, \([0-9]*\) sentences.*/\1/')
    evs=$(echo "$line" | sed 's/.*sentences, \([0-9]*\) events.*/\1/')
  done
  s=$(echo $secs | tr ' ' '\n' | median); r=$(echo $rss | tr ' ' '\n' | median); cpu=$(echo $cpus | tr ' ' '\n' | median)
  mbytes=$(du -m "$corpus" | cut -f1)
  RATE=$(awk -v s="$s" -v se="$sents" 'BEGIN{ if (s<=0) s=0.001; printf "%.0f", se/s }')
  RSSMB=$(awk -v r="$r" 'BEGIN{ printf "%.1f", r/1024 }')
  # per core: sentences per CPU second (user + system, all threads)
  awk -v n="$name" -v j="$jobs" -v k="$sink" -v s="$s" -v r="$r" -v se="$sents" -v ev="$evs" -v mb="$mbytes" -v c="$cpu" \
    'BEGIN{ if (s<=0) s=0.001; if (c<=0) c=0.001; printf "%-9s %-6s -j%-2s %4d MB %7.2f s %9.0f sent/s %9.0f sent/cpu-s %6.1f MB/s %7.0f ev/s %7.1f MB RSS\n", n, k, j, mb, s, se/s, se/c, mb/s, ev/s, r/1024 }'
}

startup() {
  name=$1; dict=$2
  ts=""
  for i in $(seq 5); do
    /usr/bin/time -f "%e" -o "$OUT/t0.txt" sh -c "echo '{\"id\":\"x\",\"text\":\"x\"}' | '$DYAD' code -q $dict -j 1 >/dev/null 2>&1"
    ts="$ts $(cat "$OUT/t0.txt")"
  done
  echo $ts | tr ' ' '\n' | median
}

T="$DATA/tabari/dictionaries"
P="$DATA/petrarch2"
printf '%s\n' "<actorsfile> $T/CountryInfo.120116.actors" "<actorsfile> $T/Internatnl.120521.actors" \
  "<verbsfile> $T/CAMEO.080612.verbs" "<agentsfile> $T/PSU.120522.agents" "<optionsfile> $T/CAMEO.09b5.options" \
  > "$OUT/tabari.project"
echo
printf '%-9s %-6s %-3s %7s %9s %16s %20s %11s %12s %14s\n' dict sink jobs corpus time rate per-core MB/s events peak
SUMMARY=""
for set in $SETS; do
  case $set in
    default) d=""; src="dict/default";;
    tabari) d="--dict $OUT/tabari.project"; src="$OUT/tabari.project";;
    petrarch) d="--dict $P/PETR_config.ini"; src="$P/PETR_config.ini";;
    *) continue;;
  esac
  run "$set" "$d" 1 jsonl "$CORPUS"; r1=$RATE; rss_big=$RSSMB
  run "$set" "$d" 2 jsonl "$CORPUS"; r2=$RATE
  run "$set" "$d" 1 sqlite "$CORPUS"; rs=$RATE
  run "$set" "$d" 1 jsonl "$SMALL"; rss_small=$RSSMB
  # start-up: text dictionaries vs a compiled image of the same set
  st_text=$(startup "$set" "$d")
  st_img=n/a
  if [ -n "$src" ] && "$DYAD" dict compile "$src" -o "$OUT/$set.dyd" >/dev/null 2>&1; then
    st_img=$(startup "$set" "--dict $OUT/$set.dyd")
  fi
  SUMMARY="$SUMMARY$(awk -v n="$set" -v a="$r1" -v b="$r2" -v s="$rs" -v rb="$rss_big" -v rs2="$rss_small" -v t="$st_text" -v i="$st_img" -v mb="$MB" -v smb="$SMB" \
    'BEGIN{ printf "%-9s -j2 speed-up %.2fx | sqlite/jsonl %.2f | peak RSS %s MB (%d MB) vs %s MB (%d MB) | start-up %s s text, %s s image\n", n, (a>0?b/a:0), (a>0?s/a:0), rs2, smb, rb, mb, t, i }')
"
done
rm -f "$OUT/bench.db" "$OUT/bench.db-wal" "$OUT/bench.db-shm"
echo
printf '%s' "$SUMMARY"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at end"
