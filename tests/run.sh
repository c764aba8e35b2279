#!/bin/sh
# Run every test suite and print one total "N passed, N failed" line.
# Each suite prints its own "N passed, N failed" as its last line; suites are
# the unit-test binaries in $BUILD/tests and the scripts tests/t_*.sh.
BUILD=${1:-build}
export DYAD="$PWD/$BUILD/dyad" BUILD
total_p=0; total_f=0; broken=""
run_suite() {
  name=$1; shift
  out=$("$@" 2>&1); rc=$?
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
  if [ -z "$line" ]; then
    printf '%s\n' "$out" | tail -20
    echo "  $name: no summary line (exit $rc)"; total_f=$((total_f+1)); broken="$broken $name"; return
  fi
  p=$(echo "$line" | sed 's/ passed.*//'); f=$(echo "$line" | sed 's/.*passed, \([0-9]*\) failed.*/\1/')
  if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then printf '%s\n' "$out" | grep -v '^[0-9]* passed' | tail -40; fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  printf '  %-28s %s\n' "$name" "$line"
  total_p=$((total_p+p)); total_f=$((total_f+f))
}
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  run_suite "$(basename "$t")" "$t"
done
for s in tests/t_*.sh; do
  [ -f "$s" ] || continue
  run_suite "$(basename "$s")" sh "$s"
done
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
