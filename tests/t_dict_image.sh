#!/bin/sh
# t_dict_image.sh -- `dyad dict compile` end to end: compile the project's own
# validation dictionaries to an image, check it with `dyad dict check`, code
# the same articles with the text set and the image (identical output, -j 1
# and -j 2), and refuse a truncated or damaged image with a clear message and
# exit status 1 (never a crash). Run from the repository root with $DYAD set.
# Ends with "N passed, N failed".
DYAD=${DYAD:-build/dyad}
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
PROJ=tests/validation/own.project

# articles: the validation sentences as JSON Lines, a few per article
awk 'BEGIN{n=0} /^[0-9][0-9][0-9][0-9][0-9][0-9] /{getline s; gsub(/"/, "\\\"", s); t = t s " "; if (++n % 3 == 0) { printf "{\"id\":\"a%d\",\"date\":\"2024-01-01\",\"text\":\"%s\"}\n", n, t; t = "" } }
     END{ if (t != "") printf "{\"id\":\"a%d\",\"date\":\"2024-01-01\",\"text\":\"%s\"}\n", n, t }' tests/validation/own.txt > "$TMP/in.jsonl"
[ -s "$TMP/in.jsonl" ] && ok || bad "no test articles"

"$DYAD" dict compile "$PROJ" -o "$TMP/own.dyd" >/dev/null 2>&1 && ok || bad "dict compile failed"
head -c 8 "$TMP/own.dyd" 2>/dev/null | grep -q DYADDICT && ok || bad "image has no magic"
"$DYAD" dict check "$TMP/own.dyd" > "$TMP/check.txt" 2>&1 && ok || bad "dict check on the image failed"
"$DYAD" dict check "$PROJ" > "$TMP/check0.txt" 2>&1
[ "$(tail -2 "$TMP/check.txt")" = "$(tail -2 "$TMP/check0.txt")" ] && ok || bad "image counts differ from the text set"

for j in 1 2; do
  "$DYAD" code -q -j $j --no-enrich --dict "$PROJ" "$TMP/in.jsonl" > "$TMP/text$j.jsonl" 2>/dev/null
  "$DYAD" code -q -j $j --no-enrich --dict "$TMP/own.dyd" "$TMP/in.jsonl" > "$TMP/img$j.jsonl" 2>/dev/null
  [ "$(wc -l < "$TMP/text$j.jsonl")" -ge 10 ] && ok || bad "-j $j: the text set coded too few events"
  cmp -s "$TMP/text$j.jsonl" "$TMP/img$j.jsonl" && ok || bad "-j $j: image output differs from text output"
done

# truncated image: refused, exit 1, message names the image
size=$(wc -c < "$TMP/own.dyd")
head -c $((size / 2)) "$TMP/own.dyd" > "$TMP/cut.dyd"
echo '{"id":"x","text":"Zelvia condemned Marrow."}' | "$DYAD" code -j 1 --dict "$TMP/cut.dyd" > /dev/null 2> "$TMP/err.txt"
[ $? -eq 1 ] && ok || bad "truncated image: exit status not 1"
grep -q "dictionary image" "$TMP/err.txt" && ok || bad "truncated image: no clear message ($(head -1 "$TMP/err.txt"))"
"$DYAD" dict check "$TMP/cut.dyd" > "$TMP/err2.txt" 2>&1
[ $? -eq 1 ] && grep -q "truncated" "$TMP/err2.txt" && ok || bad "dict check on a truncated image"

# damaged byte in the middle: checksum
cp "$TMP/own.dyd" "$TMP/bad.dyd"
printf 'Z' | dd of="$TMP/bad.dyd" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
"$DYAD" dict check "$TMP/bad.dyd" > "$TMP/err3.txt" 2>&1
[ $? -eq 1 ] && grep -q "checksum" "$TMP/err3.txt" && ok || bad "damaged image not refused by checksum"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
