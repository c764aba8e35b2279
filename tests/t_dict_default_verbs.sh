#!/bin/sh
# t_dict_default_verbs.sh -- structural checks of dyad's default verb,
# discard and issue dictionaries (dict/default/*.verbs, default.discards,
# default.issues): every line well formed, every event code a CAMEO code,
# enough patterns per CAMEO root, no conflicting duplicates, the modern
# war-reporting vocabulary present, and (when the binary is built)
# `$DYAD dict check dict/default` loads the set without errors.
# Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
D=dict/default
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
check() { if [ "$1" -eq 0 ]; then ok; else bad "$2"; fi; }
TMP=${TMPDIR:-/tmp}/t_dict_verbs.$$
mkdir -p "$TMP"; trap 'rm -rf "$TMP"' EXIT

# CAMEO 1.1b3 event codes (chapter 2 numbering; includes 155, 176, 1213,
# 1214, 1834, 1951, 1952 which GDELT's table lacks).
cat > "$TMP/codes" <<'CODES'
01 010 011 012 013 014 015 016 017 018 019
02 020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244
025 0251 0252 0253 0254 0255 0256 026 027 028
03 030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344
035 0351 0352 0353 0354 0355 0356 036 037 038 039
04 040 041 042 043 044 045 046
05 050 051 052 053 054 055 056 057
06 060 061 062 063 064
07 070 071 072 073 074 075
08 080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862 0863
087 0871 0872 0873 0874
09 090 091 092 093 094
10 100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 1043 1044
105 1051 1052 1053 1054 1055 1056 106 107 108
11 110 111 112 1121 1122 1123 1124 1125 113 114 115 116
12 120 121 1211 1212 1213 1214 122 1221 1222 1223 1224 123 1231 1232 1233 1234
124 1241 1242 1243 1244 1245 1246 125 126 127 128 129
13 130 131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135 136 137 138 1381 1382 1383 1384 1385 139
14 140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 1434
144 1441 1442 1443 1444 145 1451 1452 1453 1454
15 150 151 152 153 154 155
16 160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663
17 170 171 1711 1712 172 1721 1722 1723 1724 173 174 175 176
18 180 181 182 1821 1822 1823 183 1831 1832 1833 1834 184 185 186
19 190 191 192 193 194 195 1951 1952 196
20 200 201 202 203 204 2041 2042
CODES
tr ' ' '\n' < "$TMP/codes" | grep . | sort -u > "$TMP/valid"

# The checker: prints one line per problem, and on the last line
# "STATS patterns roots" ; also writes root<TAB>pattern<TAB>code rows.
cat > "$TMP/check.awk" <<'AWK'
BEGIN { while ((getline c < VALID) > 0) ok[c] = 1 }
function codeok(s,   n, i, parts, c) {
    if (s == "---" || s == "###" || s == "+++") return 1
    n = split(s, parts, ":")
    for (i = 1; i <= n; i++) {
        c = parts[i]; sub(/[?!]$/, "", c)
        if (!(c in ok)) return 0
    }
    return 1
}
FNR == 1 { insyn = 0; root = ""; if ($0 !~ /^#/) print FILENAME ": no header comment" }
{ line = $0; sub(/\r$/, "", line) }
line == "" { print FILENAME ":" FNR ": blank line"; next }
line ~ /^#/ || line ~ /^\// { next }
line ~ /^~~?FINISH/ { fin[FILENAME] = 1; next }
line ~ /^<SYNSETS?>$/ { insyn = 1; next }
line ~ /^<\/SYNSETS?>$/ { insyn = 0; next }
insyn { if (line !~ /^&[A-Z0-9]+$/ && line !~ /^\+[A-Z0-9_'&.]+$/) print FILENAME ":" FNR ": bad synset line: " line; next }
line ~ /^\{/ {
    if (line !~ /^\{[A-Z0-9_' ]+\}$/) print FILENAME ":" FNR ": bad forms line: " line
    if (root == "") print FILENAME ":" FNR ": forms before any root"
    next }
{
    o = gsub(/\[/, "[", line); c = gsub(/\]/, "]", line)
    if (o != 1 || c != 1) { print FILENAME ":" FNR ": unbalanced brackets: " line; next }
    code = line; sub(/^[^[]*\[/, "", code); sub(/\].*$/, "", code)
    gsub(/ /, "", code)
    if (!codeok(code)) print FILENAME ":" FNR ": unknown code [" code "]: " line
    body = line; sub(/[ \t]*\[.*$/, "", body)
}
line ~ /^- / {
    if (root == "") { print FILENAME ":" FNR ": pattern before any root"; next }
    pat = body; sub(/^- /, "", pat)
    if (pat !~ /(^|[ _])\*([ _]|$)/) print FILENAME ":" FNR ": pattern without *: " line
    if (pat ~ /[(){}|]/) print FILENAME ":" FNR ": unexpanded alternation: " line
    npat++; print root "\t" pat "\t" code > ROWS
    next }
line ~ /^[A-Z0-9&]/ {
    if (body !~ /^[A-Z0-9_'&]+$/) print FILENAME ":" FNR ": bad root: " line
    root = body; nroot++; print root "\t" FILENAME > ROOTS
    print root "\t*\t" code > ROWS
    next }
{ print FILENAME ":" FNR ": unrecognised line: " line }
END { for (f in fin) nf++; print "STATS " npat+0 " " nroot+0 " " nf+0 }
AWK

run_check() {  # files... -> problems in $TMP/problems, stats in $TMP/stats
    : > "$TMP/rows"; : > "$TMP/roots"
    awk -v VALID="$TMP/valid" -v ROWS="$TMP/rows" -v ROOTS="$TMP/roots" -f "$TMP/check.awk" "$@" > "$TMP/out"
    grep -v '^STATS ' "$TMP/out" > "$TMP/problems"
    grep '^STATS ' "$TMP/out" > "$TMP/stats"
}

# 0. the checker can fail: a deliberately broken file must be rejected
cat > "$TMP/bad.verbs" <<'BAD'
# bad file
- * BEFORE ROOT [010]
ATTACK_ [190]
- * ON_ + [999]
- * ON_ + [190
- NO VERB MARKER [190]

BAD
run_check "$TMP/bad.verbs"
n=$(wc -l < "$TMP/problems")
check $([ "$n" -ge 5 ]; echo $?) "checker found only $n problems in a broken file"

set -- $D/*.verbs
check $([ "$#" -ge 20 ]; echo $?) "expected >= 20 .verbs files, found $#"

# 1. every line well formed, every code a CAMEO code
run_check $D/*.verbs
n=$(wc -l < "$TMP/problems")
if [ "$n" -ne 0 ]; then head -20 "$TMP/problems"; fi
check "$n" "$n malformed lines in $D/*.verbs"
read _ npat nroot nfin < "$TMP/stats"
check $([ "$nfin" -eq "$#" ]; echo $?) "only $nfin of $# files end with ~~FINISH"

# 2. at least 3000 patterns
check $([ "$npat" -ge 3000 ]; echo $?) "only $npat patterns (< 3000)"

# 3. each CAMEO root 01..20 has >= 10 coded phrases (roots + patterns)
for r in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
    k=$(awk -F'\t' -v r="$r" '{ c = $3; sub(/[?!]$/, "", c); if (substr(c, 1, 2) == r) n++ } END { print n+0 }' "$TMP/rows")
    check $([ "$k" -ge 10 ]; echo $?) "CAMEO root $r has only $k patterns"
done

# 4. no root defined twice; no pattern of a root repeated with another code
d=$(cut -f1 "$TMP/roots" | sort | uniq -d | head -5)
check $([ -z "$d" ]; echo $?) "roots defined more than once: $d"
d=$(awk -F'\t' '{ k = $1 "\t" $2; if ((k in seen) && seen[k] != $3) print k " [" seen[k] "] vs [" $3 "]"; seen[k] = $3 }' "$TMP/rows" | head -5)
check $([ -z "$d" ]; echo $?) "patterns with conflicting codes: $d"

# 5. required vocabulary (roots or pattern words) with the expected root code
need() {  # regexp on root+pattern, expected code prefix
    k=$(awk -F'\t' -v re="$1" -v cp="$2" '{ t = $1 " " $2; if (t ~ re && index($3, cp) == 1) n++ } END { print n+0 }' "$TMP/rows")
    check $([ "$k" -ge 1 ]; echo $?) "no pattern matching /$1/ coded $2*"
}
need 'DRONE' 1952
need 'SHELL' 194
need 'SANCTION' 163
need 'MOBILIZ' 154
need 'MOBILIS' 154
need 'CYBER' 176
need 'HACK' 176
need 'AIRSTRIKE|AIR_STRIKE' 195
need 'MISSILE' 194
need 'CEASEFIRE' 0871
need 'TRUCE' 0871
need 'HUMANITARIAN_CORRIDOR' 0863
need 'PRISONER_(EXCHANGE|SWAP)' 0841
need 'PEACE' 046
need 'BLOCKADE' 191
need 'ANNEX' 192
need 'EVACUAT' 073
need 'RECOGNI[SZ]E' 054
need 'EXPEL' 161
need 'SUMMON' 114
need 'RECALL' 161
need 'THREATEN' 13
need 'WARN' 13
need 'CONDEMN' 111
need 'ACCUS' 112
need 'DENY|DENIE' 016
need 'PRAISE' 051
need 'THANK' 051
need 'PLEDGE' 03
need 'HOST' 043
need 'VISIT' 042
need 'MEET' 04
need 'SIGN' 057
need 'RATIF' 057
need 'VETO' 129
need 'BOYCOTT' 14
need 'PROTEST' 14
need 'STRIKE' 143
need 'ARREST' 173
need 'DETAIN' 173
need 'ABDUCT' 181
need 'KIDNAP' 181
need 'EXECUT' 1823
need 'ASSASSINAT' 186
need 'BOMB' 183
need 'INVADE' 190
need 'OCCUP' 192
need 'SEIZE' 171
need 'SHOOT_DOWN|SHOT_DOWN' 190
need 'CRACK' 175
need 'CALL' 02
need 'PULL_OUT|PULLED_OUT' 0874
need 'STEP_DOWN|STEPPED_DOWN' 0831
need 'BACK.*DOWN' 080
# "imposed a curfew": the noun roots are nouns after a determiner, so the
# verb needs its own patterns
need '^IMPOSE_ .*CURFEW' 1723
need '^IMPOSE_ .*BLOCKADE' 191
need '^EXTEND_ .*CURFEW' 1723
# "will" + verb + object is the intent (03x) / threat (13x) of that object
need '^PROVIDE_ WILL_\\* &SHHUMAID' 0333
need '^IMPOSE_ WILL_\\* CURFEW' 1323
need '^ANNOUNCE_ .*WILL CURFEW' 1323
# "refused to meet" is a rejected meeting, not "refused to say"
need '^REFUSE_ .*TO_MEET' 125
need '^REACH_ FAILED_TO_\\* AGREEMENT' 127
need '^END_ .*MEDIATION' 165
need '^CANCEL_ .*TALKS' 164
need '^ISSUE_ .*ULTIMATUM' 139
need '^WAR_GAMES_' 062

# 6. "said", "told", "reported" alone are subordinate statements, never conflict
for v in SAY_ TELL_; do
    c=$(awk -F'\t' -v v="$v" '$1 == v && $2 == "*" { print $3 }' "$TMP/rows")
    check $([ "$c" = "010?" ]; echo $?) "$v root code is [$c], expected [010?]"
done

# 7. discards (PETRARCH format) and issues (PETRARCH format)
f=$D/default.discards
if [ -f "$f" ]; then
    n=$(grep -v '^#' "$f" | grep -c .)
    check $([ "$n" -ge 100 ]; echo $?) "only $n discard phrases"
    b=$(grep -v '^#' "$f" | grep . | grep -v "^+\{0,1\}[A-Za-z0-9][A-Za-z0-9 .&'_-]*\( *#.*\)\{0,1\}$" | head -3)
    check $([ -z "$b" ]; echo $?) "malformed discard lines: $b"
    for w in 'FOOTBALL' 'WORLD CUP' 'BOX OFFICE' 'STOCK MARKET' 'GRAMMY'; do
        grep -q "^+\{0,1\}$w" "$f"; check $? "discard '$w' missing"
    done
else bad "$f missing"; fi
f=$D/default.issues
if [ -f "$f" ]; then
    o=$(grep -c '^<ISSUE ' "$f"); c=$(grep -c '^</ISSUE>' "$f")
    check $([ "$o" -eq "$c" ] && [ "$o" -ge 10 ]; echo $?) "issue blocks unbalanced or too few ($o open, $c close)"
    b=$(awk '/^<ISSUE /{inb=1; next} /^<\/ISSUE>/{inb=0; next} inb && NF && !/^#/ && !/^~/ && !/\[[A-Z0-9_]+\] *(#.*)?$/ {print; n++} END{}' "$f" | head -3)
    check $([ -z "$b" ]; echo $?) "issue lines without [CODE]: $b"
    for cat in NUCLEAR TERRORISM HUMAN_RIGHTS ECONOMY ELECTIONS REFUGEES CLIMATE HEALTH CYBER DRUGS CORRUPTION; do
        grep -q "CATEGORY=\"$cat\"" "$f"; check $? "issue category $cat missing"
    done
else bad "$f missing"; fi

# 8. the project's own loader accepts the set
if [ -n "$DYAD" ] && [ -x "$DYAD" ] && "$DYAD" dict check --help >/dev/null 2>&1 || \
   { [ -n "$DYAD" ] && [ -x "$DYAD" ] && "$DYAD" dict check 2>&1 | grep -q 'usage: dyad dict check'; }; then
    out=$("$DYAD" dict check $D 2>&1)
    last=$(printf '%s\n' "$out" | tail -1)
    echo "$last" | grep -q '^0 errors'; check $? "dyad dict check $D: $last"
    p=$(printf '%s\n' "$out" | sed -n 's/.*patterns \([0-9]*\).*/\1/p' | tail -1)
    check $([ "${p:-0}" -ge 3000 ]; echo $?) "dyad dict check loaded only ${p:-0} patterns"
else
    echo "skip: \$DYAD dict check not available"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
