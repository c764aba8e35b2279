#!/bin/sh
# gen_cameo.sh — regenerate the tables in src/cameo.c (between the
# "BEGIN GENERATED" / "END GENERATED" markers) from the public CAMEO reference
# files in ../shared/data/cameo (GDELT's lookups and the CAMEO->PLOVER table).
#
#   sh scripts/gen_cameo.sh [DATA_DIR]      rewrites src/cameo.c in place
#
# The generated rows are committed, so building never needs the data. The
# reference files are read, restructured into one row per code and corrected:
#   * CAMEO.eventcodes.txt merges code 106 into the line of 1056
#     ("...engagement106:[-5.0] Demand withdrawal"): split back into two codes;
#   * the 044 label carries mojibake quotes: written as 'third';
#   * root labels are upper case in the codebook: written in sentence case;
#   * QuadClass comes from the root (GDELT 2.0 event codebook):
#     01-05 verbal cooperation (1), 06-08 material cooperation (2),
#     09-14 verbal conflict (3), 15-20 material conflict (4);
#   * CAMEO2PLOVER-2021 has no 01 and 02 rows. 01 (statements) has no PLOVER
#     event. PLOVER's REQUEST covers both CAMEO 02 (appeal) and 10 (demand),
#     whose sub-codes run in parallel (021<->101, 0251<->1051, ...), so each
#     02 code takes the event/mode/context of its 10 twin;
#   * the table's 175 row puts the context "pro_autocracy" in the mode column:
#     moved to the context;
#   * the first row wins where a code is listed twice (08 is listed as both
#     CONCEDE and RETREAT; 175 twice);
#   * GDELT's list predates CAMEO 1.1b3 in two places. The labels of 101, 103,
#     105-108 are taken from the 1.1b3 codebook (GDELT's 106 "Demand
#     withdrawal" is 1.1b3's 106 "Demand meeting, negotiation"), and the seven
#     1.1b3 codes GDELT lacks are added (1213, 1214, 155, 176, 1834, 1951,
#     1952). The Goldstein scale has no value for those: each takes its
#     parent's value, and, unless the PLOVER table lists it, its parent's
#     PLOVER event and context (1834 takes the mode of the other bombings).
set -eu
DATA=${1:-../shared/data/cameo}
OUT=src/cameo.c
[ -f "$DATA/CAMEO.eventcodes.txt" ] || { echo "gen_cameo: no $DATA/CAMEO.eventcodes.txt" >&2; exit 1; }
[ -f "$OUT" ] || { echo "gen_cameo: run from the repository root" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# code <TAB> label, one per code, 106 split out of 1056.
tr -d '\r' < "$DATA/CAMEO.eventcodes.txt" | awk -F'\t' '
NR == 1 { next }
{
    code = $1; label = $2
    if (code == "1056" && index(label, "106:")) {
        i = index(label, "106:"); rest = substr(label, i + 4)
        sub(/^\[[^]]*\] */, "", rest)
        print "106\t" (("106" in fix) ? fix["106"] : rest)
        label = substr(label, 1, i - 1)
    }
    if (code == "044") label = "Meet at a '\''third'\'' location"
    gsub(/^[ \t]+|[ \t]+$/, "", label); gsub(/  +/, " ", label)
    if (length(code) == 2) label = substr(label, 1, 1) tolower(substr(label, 2))
    if (code in fix) label = fix[code]
    print code "\t" label
}
BEGIN {
    fix["101"] = "Demand material cooperation, not specified below"
    fix["103"] = "Demand material aid, not specified below"
    fix["105"] = "Demand that target yield, not specified below"
    fix["106"] = "Demand meeting, negotiation"
    fix["107"] = "Demand settling of dispute"
    fix["108"] = "Demand mediation"
}
END {
    print "1213\tReject judicial cooperation"
    print "1214\tReject intelligence cooperation"
    print "155\tMobilize or increase cyber-forces"
    print "176\tAttack cybernetically"
    print "1834\tCarry out location bombing"
    print "1951\tEmploy precision-guided aerial munitions"
    print "1952\tEmploy remotely piloted aerial munitions"
}' > "$tmp/labels"

tr -d '\r' < "$DATA/CAMEO.goldsteinscale.txt" | awk -F'\t' 'NR > 1 { print $1 "\t" $2 }' > "$tmp/gold"

# code <TAB> event <TAB> mode <TAB> context (empty fields as "-").
awk '
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
/^[0-9]+:/ {
    line = $0; h = index(line, "#"); if (h) line = substr(line, 1, h - 1)
    c = index(line, ":"); code = substr(line, 1, c - 1)
    n = split(substr(line, c + 1), f, ",")
    ev = trim(f[1]); mo = n >= 2 ? trim(f[2]) : ""; cx = n >= 3 ? trim(f[3]) : ""
    if (code == "175" && mo == "pro_autocracy") { mo = ""; cx = "pro_autocracy; " cx }
    if (code in seen) next
    seen[code] = 1
    print code "\t" (ev == "" ? "-" : ev) "\t" (mo == "" ? "-" : mo) "\t" (cx == "" ? "-" : cx)
}' "$DATA/CAMEO2PLOVER-2021.txt" > "$tmp/plover"

awk -F'\t' '
function cstr(s) { if (s == "" || s == "-") return "NULL"; gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
FILENAME == ARGV[1] { gold[$1] = $2; next }
FILENAME == ARGV[2] { ev[$1] = $2; mo[$1] = $3; cx[$1] = $4; next }
{
    code = $1; label = $2; root = substr(code, 1, 2) + 0
    q = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4
    g = code; while (!(g in gold) && length(g) > 2) g = substr(g, 1, length(g) - 1)
    if (!(g in gold)) { print "gen_cameo: no Goldstein value for " code > "/dev/stderr"; exit 1 }
    p = code
    if (substr(code, 1, 2) == "02") p = "10" substr(code, 3)
    inherited = 0
    if (root != 1) while (!(p in ev) && length(p) > 2) { p = substr(p, 1, length(p) - 1); inherited = 1 }
    e = (p in ev) ? ev[p] : "-"; m = (p in ev && !inherited) ? mo[p] : "-"; x = (p in ev) ? cx[p] : "-"
    if (code == "1834") m = "explosives"          # like 1832, 1833
    else if (code ~ /^195./ && inherited) m = mo["195"]  # aerial sub-codes
    printf "    {{\"%s\", %s, %.1f, %d, %s, %s}, %s},\n", code, cstr(label), gold[g], q, cstr(e), cstr(m), cstr(x)
}' "$tmp/gold" "$tmp/plover" "$tmp/labels" | LC_ALL=C sort > "$tmp/codes.inc"

for f in country type; do
    tr -d '\r' < "$DATA/CAMEO.$f.txt" | awk -F'\t' '
    function cstr(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
    NR > 1 && $1 != "" { gsub(/^[ \t]+|[ \t]+$/, "", $2); printf "    {\"%s\", %s},\n", $1, cstr($2) }' |
        LC_ALL=C sort -u -t'"' -k2,2 > "$tmp/$f.inc"
done

# Splice each block between its markers.
awk -v codes="$tmp/codes.inc" -v country="$tmp/country.inc" -v type="$tmp/type.inc" '
/BEGIN GENERATED/ {
    print
    f = ($0 ~ /codes/) ? codes : ($0 ~ /countries/) ? country : type
    while ((getline l < f) > 0) print l
    close(f); skip = 1; next
}
/END GENERATED/ { skip = 0 }
!skip { print }' "$OUT" > "$tmp/out.c"
cp "$tmp/out.c" "$OUT"
echo "gen_cameo: $(wc -l < "$tmp/codes.inc") codes, $(wc -l < "$tmp/country.inc") countries, $(wc -l < "$tmp/type.inc") actor types -> $OUT" >&2
