#!/bin/sh
# t_dict_default_actors.sh -- checks dyad's built-in actor and agent
# dictionaries (dict/default/*.actors, *.agents) as data: every file parses in
# the TABARI format (balanced brackets, a code for every phrase, valid dated
# codes, agent codes carrying "~", ~~FINISH last), no phrase is entered twice,
# coverage (every ISO 3166-1 country, >= 80 countries with dated leaders) and
# a list of required entries with their codes. Then, if the binary has it,
# runs "$DYAD dict check dict/default". Run from the repository root.
# Ends with "N passed, N failed".
DIR=${DICT_DIR:-dict/default}
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# flatten FILE...: prints  file<TAB>line<TAB>PHRASE<TAB>codes  for every phrase
# (synonym groups resolved) and "ERR<TAB>file:line: message" for every fault.
flatten() {
  ag=$1; shift
  awk -v agents="$ag" '
  function err(m) { printf "ERR\t%s:%d: %s\n", FILENAME, FNR, m }
  function flush(   i) {
    if (n > 0 && codes == "") printf "ERR\t%s:%d: %s has no code\n", FILENAME, ln[1], ph[1]
    else for (i = 1; i <= n; i++) printf "%s\t%d\t%s\t%s\n", FILENAME, ln[i], ph[i], codes
    n = 0; codes = ""
  }
  function checkphrase(p) {
    if (length(p) < 3) err("phrase shorter than 3 characters: " p)
    if (p !~ /^[A-Z0-9][A-Z0-9_.&'"'"'-]*$/) err("bad characters in phrase: " p)
  }
  # one "[...]" block: CODE, CODE <YYMMDD, CODE >YYMMDD, CODE YYMMDD-YYMMDD
  function checkblock(b, isdef,   c, d, a, k) {
    sub(/^\[[ \t]*/, "", b); sub(/[ \t]*\]$/, "", b)
    k = split(b, a, /[ \t]+/)
    c = a[1]; d = (k >= 2) ? a[2] : ""
    if (k > 2) err("too many fields in code block [" b "]")
    if (c == "") err("empty code block")
    if (c != "---" && c !~ /^(~?[A-Z0-9]+~?)(\/~?[A-Z0-9]+~?)*$/) err("bad code " c)
    if (agents) { if (c !~ /^~|~$/) err("agent code without ~: " c) }
    else if (c ~ /~/) err("actor code with ~: " c)
    if (d == "") { if (hasdef) err("two undated codes"); hasdef = 1 }
    else {
      if (hasdef) err("undated default code must be last")
      if (d ~ /^[<>][0-9][0-9][0-9][0-9][0-9][0-9]$/) datechk(substr(d, 2))
      else if (d ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]$/) {
        datechk(substr(d, 1, 6)); datechk(substr(d, 8, 6))
        if (y4(substr(d, 1, 6)) > y4(substr(d, 8, 6))) err("date range backwards: " d)
      } else err("bad date restriction: " d)
    }
  }
  function y4(s) { return ((substr(s, 1, 2) + 0 <= 30) ? 20 : 19) substr(s, 1, 6) }
  function datechk(s,   m, dd) {
    m = substr(s, 3, 2) + 0; dd = substr(s, 5, 2) + 0
    if (m < 1 || m > 12 || dd < 1 || dd > 31) err("bad date " s)
  }
  function codeblocks(s,   t, b, o) {
    t = s; o = 0
    while (match(t, /\[[^][]*\]/)) {
      b = substr(t, RSTART, RLENGTH); checkblock(b); o++
      codes = codes (codes == "" ? "" : " ") b
      t = substr(t, RSTART + RLENGTH)
    }
    if (t ~ /[][]/) err("unbalanced brackets")
    return o
  }
  FNR == 1 { if (NR > 1 && !fin) err("missing ~~FINISH"); flush(); fin = 0; hasdef = 0 }
  fin { next }
  /\r/ { err("carriage return") }
  /^~~FINISH/ { flush(); fin = 1; next }
  /^[#\/]/ || /^[ \t]*$/ { if (/^[ \t]*$/) flush(); next }
  /^[ \t]/ {
    if (n == 0) { err("code line without a phrase"); next }
    s = $0; sub(/;.*/, "", s)
    if (codeblocks(s) != 1) err("continuation line must hold exactly one [...] block")
    if (s !~ /^[ \t]*\[[^][]*\][ \t]*$/) err("text outside [...] on a code line")
    next
  }
  /^\+/ {
    if (n == 0 || codes != "") { err("synonym without a primary phrase"); next }
    p = substr($0, 2); sub(/[ \t;].*/, "", p); checkphrase(p)
    n++; ph[n] = p; ln[n] = FNR; next
  }
  {
    flush(); hasdef = 0
    s = $0; sub(/;.*/, "", s)
    p = s; sub(/[ \t\[].*/, "", p); checkphrase(p)
    n = 1; ph[1] = p; ln[1] = FNR
    rest = substr(s, length(p) + 1)
    if (rest !~ /^[ \t]*(\[.*)?$/) err("text between phrase and code")
    codeblocks(rest)
  }
  END { flush(); if (!fin) err("missing ~~FINISH") }
  ' "$@"
}

actors=$(ls "$DIR"/*.actors 2>/dev/null); agents=$(ls "$DIR"/*.agents 2>/dev/null)
[ -n "$actors" ] && ok || bad "no .actors files in $DIR"
[ -n "$agents" ] && ok || bad "no .agents files in $DIR"
: > "$TMP/act"; : > "$TMP/agt"
for f in $actors; do
  flatten 0 "$f" > "$TMP/one"
  if grep -q '^ERR' "$TMP/one"; then bad "$f does not parse:"; grep '^ERR' "$TMP/one" | head -10
  else ok; fi
  grep -v '^ERR' "$TMP/one" >> "$TMP/act"
  head -1 "$f" | grep -q '^#' && ok || bad "$f has no header comment"
done
for f in $agents; do
  flatten 1 "$f" > "$TMP/one"
  if grep -q '^ERR' "$TMP/one"; then bad "$f does not parse:"; grep '^ERR' "$TMP/one" | head -10
  else ok; fi
  grep -v '^ERR' "$TMP/one" >> "$TMP/agt"
  head -1 "$f" | grep -q '^#' && ok || bad "$f has no header comment"
done

# the parser must catch faults (so that the checks above can fail)
printf '# t\nGOOD_ [ABC]\nNOCODE_\nBAD_ [ABC\nDATED_ [ABC 991301-000101] [DEF]\nORDER_ [ABC] [DEF >010101]\n~~FINISH\n' > "$TMP/bad.actors"
nerr=$(flatten 0 "$TMP/bad.actors" | grep -c '^ERR')
[ "$nerr" -ge 4 ] && ok || bad "checker found only $nerr of 4 planted faults"
printf '# t\nSOLDIER_ [MIL]\n~~FINISH\n' > "$TMP/bad.agents"
flatten 1 "$TMP/bad.agents" | grep -q 'without ~' && ok || bad "checker accepts an agent code without ~"

# no phrase entered twice within the actors or within the agents (TABARI
# reads "-" in a phrase as "_", so A-B and A_B are the same phrase)
for set in act agt; do
  d=$(cut -f3 "$TMP/$set" | tr '-' '_' | sort | uniq -d | head -20)
  if [ -z "$d" ]; then ok; else
    bad "duplicate phrases in $set:"; for p in $d; do grep -P "\t$p\t" "$TMP/$set" | cut -f1-4; done | head -20
  fi
done

# code of a phrase (first entry) in the actors or agents
code() { awk -F'\t' -v p="$2" '$3 == p { print $4; exit }' "$TMP/$1"; }
want() { # set phrase expected-codes
  got=$(code "$1" "$2")
  [ "$got" = "$3" ] && ok || bad "$2: want $3, got '${got:-absent}'"
}

# coverage: every ISO 3166-1 country (CAMEO exceptions mapped) has a group
cc=$(grep -c '^# .* -- ISO [A-Z][A-Z] [A-Z][A-Z][A-Z] [0-9]' "$DIR/countries.actors")
[ "$cc" -ge 249 ] && ok || bad "countries.actors has $cc ISO countries, want >= 249"
ISO=/usr/share/iso-codes/json/iso_3166-1.json
if [ -r "$ISO" ] && command -v jq >/dev/null 2>&1; then
  codes=$(awk -F'\t' '$1 ~ /countries/ { gsub(/[][]/, "", $4); print $4 }' "$TMP/act" | sort -u)
  miss=""
  for a in $(jq -r '."3166-1"[].alpha_3' "$ISO"); do
    case $a in ROU) c=ROM;; TLS) c=TMP;; MNE) c=MTN;; *) c=$a;; esac
    echo "$codes" | grep -qx "$c" || miss="$miss $a"
  done
  [ -z "$miss" ] && ok || bad "ISO countries without a country code line:$miss"
else echo "skip: no iso-codes json or jq"; fi

# >= 80 countries with dated government codes in people.actors
np=$(awk -F'\t' '$1 ~ /people/' "$TMP/act" | grep -o '\[[A-Z][A-Z][A-Z]GOV[A-Z]* [<>0-9][0-9-]*\]' \
     | cut -c2-4 | grep -v '^IGO\|^NGO' | sort -u | wc -l)
[ "$np" -ge 80 ] && ok || bad "people.actors has dated leaders for $np countries, want >= 80"
# every dated person entry ends in a plausible range (no date after 301231)
late=$(awk -F'\t' '$1 ~ /people/' "$TMP/act" | grep -o '[0-9]\{6\}' | awk '$1+0 > 261231 && $1+0 < 500000' | head -3)
[ -z "$late" ] && ok || bad "people.actors has dates in the future: $late"

# required entries and their codes
want act KCNA_ "[PRKGOVMED]"
want act KOREAN_CENTRAL_NEWS_AGENCY_ "[PRKGOVMED]"
want act KREMLIN_ "[RUSGOV]"
want act WHITE_HOUSE_ "[USAGOV]"
want act PENTAGON_ "[USAMIL]"
want act DOWNING_STREET_ "[GBRGOV]"
want act PYONGYANG_ "[PRKGOV]"
want act KYIV_ "[UKRGOV]"
want act NATO_ "[IGOWSTNAT]"
want act HAMAS_ "[PSEREBHMS]"
want act NORTH_KOREAN_ "[PRK]"
want act SOUTH_KOREAN_ "[KOR]"
want act EMIRATI_ "[ARE]"
want act UKRAINIAN_ "[UKR]"
want act ISRAELI_ "[ISR]"
want act PALESTINIAN_ "[PSE]"
want act KOSOVO_ "[XKX]"
want act SERBIA_ "[SRB]"
want act SOUTH_SUDAN_ "[SSD]"
want act TAIWAN_ "[TWN]"
want act ROMANIA_ "[ROM]"
want act U.S._ "[USA]"
want act UNITED_NATIONS_ "[IGOUNO]"
want act EUROPEAN_UNION_ "[IGOEUREEC]"
want act TALIBAN_ "[AFGGOVTAL <011206] [AFGINSTAL 011207-210814] [AFGGOVTAL]"
want act HEZBOLLAH_ "[LBNREBHEZ]"
want act WORLD_HEALTH_ORGANIZATION_ "[IGOUNOWHO]"
want act KNESSET_ "[ISRLEG]"
want act FSB_ "[RUSSPY]"
want act CIA_ "[USASPY]"
want act SBU_ "[UKRSPY]"
want agt MILITARY_ "[~MIL]"
want agt SOLDIER_ "[~MIL]"
want agt MILITARY_INTELLIGENCE_ "[~MILSPY]"
want agt POLICE_ "[~COP]"
want agt GOVERNMENT_ "[~GOV]"
want agt DEFENSE_MINISTER_ "[~GOVMIL]"
want agt STATE_MEDIA_ "[~GOVMED]"
want agt REBEL_ "[~REB]"
want agt PROTESTER_ "[~OPP]"
# no bare CAR, Korea, English; US only together with the "CASE: Us_" line
# of default.options (so it matches "US" and never the pronoun "us")
if [ -n "$(code act US_)" ]; then
  grep -q '^CASE: Us_ *$' dict/default/default.options && ok || bad "US_ is an actor without CASE: Us_ in default.options"
else ok; fi
for p in CAR_ KOREA_ ENGLISH_; do
  [ -z "$(code act $p)" ] && ok || bad "$p must not be an actor (ambiguous word)"
done

# composition as the coder does it: actor code + agent code around "~"
compose() { a=$(code act "$1" | tr -d '[]'); g=$(code agt "$2" | tr -d '[]')
  case $g in ~*) echo "$a${g#\~}";; *~) echo "${g%\~}$a";; esac; }
[ "$(compose SOUTH_KOREA_ MILITARY_)" = KORMIL ] && ok || bad "South Korea's military != KORMIL"
[ "$(compose NORTH_KOREAN_ SOLDIER_)" = PRKMIL ] && ok || bad "North Korean soldiers != PRKMIL"
[ "$(compose UKRAINIAN_ MILITARY_INTELLIGENCE_)" = UKRMILSPY ] && ok || bad "Ukrainian military intelligence != UKRMILSPY"

# people: a few dated codes checked against known terms
want act JOE_BIDEN_ "$(code act BIDEN_)"
case "$(code act BARACK_OBAMA_)" in *"[USAGOV 090120-170120]"*) ok;; *) bad "Obama term 090120-170120 missing";; esac
case "$(code act VOLODYMYR_ZELENSKY_)" in *"[UKRGOV >190520]"*) ok;; *) bad "Zelensky term >190520 missing";; esac
case "$(code act ANTONIO_GUTERRES_)" in *"[IGOUNO >170101]"*) ok;; *) bad "Guterres UN term missing";; esac

# the project's own checker, when the binary has it: run on a copy of the
# actor and agent files only (the verbs have their own test), and require
# no error and no warning
if [ -n "${DYAD:-}" ] && [ -x "$DYAD" ] && "$DYAD" dict check 2>&1 | grep -q 'usage: dyad dict check'; then
  mkdir "$TMP/set" && cp $actors $agents "$TMP/set/"
  if "$DYAD" dict check "$TMP/set" > "$TMP/check" 2>&1 && grep -q '^0 errors, 0 warnings' "$TMP/check"; then ok
  else bad "dyad dict check on the actors and agents:"; tail -20 "$TMP/check"; fi
else echo "skip: dyad dict check not available"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
