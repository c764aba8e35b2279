#!/bin/sh
# fuzz/run.sh SECONDS — build each libFuzzer harness (fuzz/fuzz_*.c) with
# clang -fsanitize=fuzzer,address,undefined against the library sources, and
# run each for SECONDS seconds (default 60) on a seed corpus made from the
# fixtures in tests/golden. Exits non-zero if a harness fails to build or a
# run finds a crash, leak or timeout (the reproducer is kept in
# $FUZZ_OUT, default test-artifacts/fuzz). Skips cleanly, exit 0, when clang
# or libFuzzer is not installed. Run from the repository root.
SECONDS_EACH=${1:-60}
CC_FUZZ=${FUZZ_CC:-clang}
OUT=${FUZZ_OUT:-test-artifacts/fuzz}
cd "$(dirname "$0")/.." || exit 2

if ! command -v "$CC_FUZZ" >/dev/null 2>&1; then
  echo "fuzz: $CC_FUZZ not found, skipping (install clang and libclang-rt-dev)"; exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }' > "$tmp/probe.c"
if ! "$CC_FUZZ" -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1; then
  echo "fuzz: $CC_FUZZ cannot link libFuzzer (-fsanitize=fuzzer), skipping"; exit 0
fi

PKGS="sqlite3 libutf8proc jansson"
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer
  -fsanitize=address,undefined -fno-sanitize-recover=undefined -Iinclude -Isrc
  $(pkg-config --cflags $PKGS 2>/dev/null)"
LIBS="$(pkg-config --libs $PKGS 2>/dev/null || echo -lsqlite3 -lutf8proc -ljansson)
  $(pkg-config --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd) -lpthread -lm"
# (fuzz_code loads dict/default from the repository root, and the first
# generated gazetteer it finds, so that place lookups are fuzzed too.)
if [ -z "${DYAD_FUZZ_GAZ:-}" ]; then
  for g in build/gen/gazetteer.tsv build-san/gen/gazetteer.tsv build-clang/gen/gazetteer.tsv; do
    if [ -f "$g" ]; then DYAD_FUZZ_GAZ=$g; export DYAD_FUZZ_GAZ; break; fi
  done
fi

# Seed corpus: every fixture, plus each JSONL line and XML record alone.
mkdir -p "$tmp/seed"
n=0
for f in $(find tests/golden -type f -size -256k 2>/dev/null | sort); do
  n=$((n+1)); cp "$f" "$tmp/seed/f$n"
done
printf '{"id":"x","date":"2024-10-15","text":"North Korea \\u2019s army said."}\n' > "$tmp/seed/j1"
printf '<Sentence date="20080801" id="a"><Text>A &amp; B met.</Text></Sentence>\n' > "$tmp/seed/x1"
printf '950101 A-1\nArnor met Gondor. /* c */\n\n' > "$tmp/seed/t1"
echo "fuzz: $(ls "$tmp/seed" | wc -l) seed files, ${SECONDS_EACH}s per harness"

# The library, instrumented once for both harnesses.
mkdir -p "$OUT" "$tmp/obj"
status=0
objs=""
for s in src/*.c; do
  o="$tmp/obj/$(basename "$s" .c).o"
  if ! $CC_FUZZ $CFLAGS -fsanitize=fuzzer-no-link -c -o "$o" "$s" 2> "$tmp/build.log"; then
    echo "fuzz: cannot compile $s"; tail -20 "$tmp/build.log"; exit 1
  fi
  objs="$objs $o"
done
for h in fuzz/fuzz_*.c; do
  name=$(basename "$h" .c)
  if ! $CC_FUZZ $CFLAGS -fsanitize=fuzzer -o "$tmp/$name" "$h" $objs $LIBS 2> "$tmp/$name.build"; then
    echo "fuzz: $name: build failed"; tail -20 "$tmp/$name.build"; status=1; continue
  fi
  mkdir -p "$tmp/corpus-$name"
  echo "fuzz: running $name"
  if ! "$tmp/$name" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$OUT/$name-" \
       "$tmp/corpus-$name" "$tmp/seed" > "$tmp/$name.log" 2>&1; then
    echo "fuzz: $name: FOUND A PROBLEM (reproducer in $OUT/$name-*)"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$tmp/$name.log" | head -20
    status=1
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$tmp/$name.log" | tail -2
    echo "fuzz: $name: ok"
  fi
done
exit $status
