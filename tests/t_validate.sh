#!/bin/sh
# t_validate.sh — conformance: dyad's own validation records (always), and
# TABARI's validation suite when the reference data is present (../shared/data
# or /work/shared/data). Ends with "N passed, N failed".
DYAD=${DYAD:-./build/dyad}
# the TABARI pass rate we must not fall below (measured 96.1%, minus 2 points)
TABARI_MIN=94
pass=0; fail=0
check() { # name, command...
  name=$1; shift
  if "$@" >/tmp/t_validate.$$ 2>&1; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: $name"; tail -15 /tmp/t_validate.$$; fi
}
check own-records "$DYAD" validate tests/validation/own.project --min 100
# the own suite must really compare: a wrong expectation must fail
tmp=${TMPDIR:-/tmp}/t_validate_neg.$$
mkdir -p "$tmp/dict"
cp tests/validation/dict/* "$tmp/dict/"
sed 's#<textfile> own.txt#<textfile> neg.txt#' tests/validation/own.project > "$tmp/own.project"
printf '240101  NEG-01\nZelvia condemned Marrow on Monday after a long meeting of envoys.\n/* { ZLV / MRW / 999 } */\n\n' > "$tmp/neg.txt"
if "$DYAD" validate "$tmp/own.project" --min 100 >/dev/null 2>&1; then fail=$((fail+1)); echo "FAIL: wrong expectation passed"; else pass=$((pass+1)); fi
# dictionary check: the own set loads without errors, a broken file reports file:line
check dict-check-own "$DYAD" dict check tests/validation/own.project
printf 'BROKEN_VERB [123\n- * NOVERBMARK [010]\n' > "$tmp/bad.verbs"
out=$("$DYAD" dict check "$tmp/bad.verbs" 2>&1)
if [ $? -ne 0 ] && printf '%s' "$out" | grep -q 'bad.verbs:1:'; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: dict check on broken file: $out"; fi
rm -rf "$tmp" /tmp/t_validate.$$
for base in ../shared/data /work/shared/data; do
  if [ -f "$base/tabari/Validate.project" ]; then
    out=$("$DYAD" validate "$base/tabari/Validate.project" --min $TABARI_MIN 2>&1); rc=$?
    printf '%s\n' "$out" | grep 'pass rate'
    if [ $rc -eq 0 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: TABARI suite below $TABARI_MIN%"; fi
    for f in CAMEO.080612.verbs CountryInfo.120116.actors Internatnl.120521.actors PSU.120522.agents CAMEO.09b5.options; do
      # the production files hold a handful of malformed lines (a pattern
      # without its '-', an actor line lost before its date lines): they are
      # reported as warnings and ignored; the files load with no error
      n=$("$DYAD" dict check "$base/tabari/dictionaries/$f" 2>/dev/null | sed -n 's/^\([0-9]*\) errors.*/\1/p')
      if [ "$n" = 0 ]; then pass=$((pass+1)); else
        fail=$((fail+1)); echo "FAIL: production dictionary $f: ${n:-no} errors"; fi
    done
    break
  fi
done
# ---- PETRARCH formats (section owned by the PETRARCH readers)
# dyad's own PETRARCH-format records (invented): all must pass
check petr-own-records "$DYAD" validate tests/validation/petr/petr.records.xml --min 100
check petr-dict-check-own "$DYAD" dict check tests/validation/petr/petr.verbs.txt
# PETRARCH2's unit-test records and production dictionaries when present
# (measured 75.4% exact records; PETRARCH2 itself: 31%)
PETR_MIN=75   # the issue's acceptance threshold
for base in ../shared/data /work/shared/data; do
  if [ -f "$base/petrarch2/text/PETR.UnitTest.records.xml" ]; then
    out=$("$DYAD" validate "$base/petrarch2/text/PETR.UnitTest.records.xml" --min $PETR_MIN 2>&1); rc=$?
    printf 'PETRARCH %s\n' "$(printf '%s\n' "$out" | grep 'pass rate')"
    if [ $rc -eq 0 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: PETRARCH suite below $PETR_MIN%"; fi
    out=$("$DYAD" dict check "$base/petrarch2/PETR_config.ini" 2>/dev/null)
    n=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) errors.*/\1/p')
    if [ "$n" = 0 ] && printf '%s' "$out" | grep -q 'actors [1-9][0-9][0-9][0-9][0-9]'; then pass=$((pass+1)); else
      fail=$((fail+1)); echo "FAIL: PETRARCH production dictionaries: ${n:-no} errors"; fi
    break
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
