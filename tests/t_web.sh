#!/bin/sh
# t_web.sh — end-to-end tests of `dyad serve`: codes examples/articles.jsonl
# into a database with `$DYAD code --db`, starts the server on a free loopback
# port, checks the command line (help, usage errors, a port in use), runs the
# API tests (tests/web/api.test.mjs, plain HTTP) and the browser tests
# (tests/web/browser.test.mjs, playwright-core + Debian chromium, screenshots
# in test-artifacts/), checks that the server answers while `dyad code` writes
# to the same database, stops it with SIGTERM and expects a clean exit.
# Installs what it needs when missing (apt-get install chromium, npm ci in
# web/); skips the node suites with a clear message only when that is
# impossible. Ends with "N passed, N failed".
DYAD=${DYAD:-build/dyad}
case $DYAD in /*) ;; *) DYAD="$PWD/$DYAD" ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ART="$ROOT/test-artifacts"
T=$(mktemp -d)
SRV_PID=""
cleanup() {
  if [ -n "$SRV_PID" ]; then kill "$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; fi
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
pass=0; fail=0; skipped=""
ok() { pass=$((pass+1)); }
no() { fail=$((fail+1)); echo "FAIL: $*"; }

# Start `dyad serve` on the database $1 with extra args; sets SRV_PID and URL.
start_server() {
  db=$1; shift
  : >"$T/url"
  "$DYAD" serve --db "$db" --listen 127.0.0.1:0 "$@" >"$T/url" 2>"$T/serve.err" &
  SRV_PID=$!
  i=0
  while [ $i -lt 100 ]; do
    URL=$(head -1 "$T/url" 2>/dev/null)
    [ -n "$URL" ] && return 0
    kill -0 "$SRV_PID" 2>/dev/null || break
    sleep 0.1; i=$((i+1))
  done
  echo "server did not start: $(cat "$T/serve.err")"
  return 1
}

http_get() {  # URL -> prints the status code; body in $T/body
  if command -v curl >/dev/null 2>&1; then
    curl -s -o "$T/body" -w '%{http_code}' --max-time 10 "$1"
  else
    node -e 'fetch(process.argv[1]).then(async r=>{require("fs").writeFileSync(process.argv[2],await r.text());process.stdout.write(String(r.status))}).catch(()=>process.stdout.write("000"))' "$1" "$T/body"
  fi
}

# --- the command line
if ! "$DYAD" serve --help >"$T/help" 2>&1; then
  no "dyad serve --help (is 'serve' dispatched in cli/dyad.c?)"
  echo "$pass passed, $fail failed"; exit 1
fi
grep -q -- '--listen' "$T/help" && grep -q '/api/events' "$T/help" && ok || no "serve --help lists --listen and the API"
"$DYAD" serve >/dev/null 2>"$T/e"; [ $? -eq 2 ] && grep -q -- '--db' "$T/e" && ok || no "serve without --db exits 2"
"$DYAD" serve --db "$T/missing.db" >/dev/null 2>"$T/e"; [ $? -eq 1 ] && grep -q 'missing.db' "$T/e" && ok || no "missing database exits 1"
"$DYAD" serve --db "$ROOT/examples/articles.jsonl" --listen 127.0.0.1:0 >/dev/null 2>"$T/e"; [ $? -eq 1 ] && ok || no "a non-database file exits 1: $(cat "$T/e")"
"$DYAD" serve --db x.db --listen 127.0.0.1:99999 >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "bad --listen port exits 2"
"$DYAD" serve --db x.db --listen nowhere:80 >/dev/null 2>&1; [ $? -ne 0 ] && ok || no "bad --listen host fails"
"$DYAD" serve --db x.db --threads 0 >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "bad --threads exits 2"

# --- the demo database
if "$DYAD" code -q --db "$T/web.db" "$ROOT/examples/articles.jsonl" >/dev/null 2>"$T/code.err"; then ok; else no "dyad code --db: $(cat "$T/code.err")"; fi

if ! start_server "$T/web.db"; then
  no "dyad serve starts"
  echo "$pass passed, $fail failed"; exit 1
fi
ok
case $URL in http://127.0.0.1:[0-9]*/) ok ;; *) no "URL line: '$URL'" ;; esac
[ "$(http_get "${URL}api/summary")" = 200 ] && grep -q '"events":' "$T/body" && ok || no "GET /api/summary"
grep -q '"events":0,' "$T/body" && no "the demo database has no events: $(cat "$T/body")" || ok

# A second server on the same port must fail cleanly.
PORT=$(echo "$URL" | sed 's|.*:\([0-9]*\)/$|\1|')
"$DYAD" serve --db "$T/web.db" --listen "127.0.0.1:$PORT" >/dev/null 2>"$T/e" &
P2=$!; sleep 0.5
if kill -0 $P2 2>/dev/null; then kill $P2; wait $P2 2>/dev/null; no "second server on a used port keeps running"
else wait $P2; [ $? -eq 1 ] && grep -q 'cannot listen' "$T/e" && ok || no "port in use: $(cat "$T/e")"; fi

# --- the node suites
NODE_OK=1
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  NODE_OK=0; skipped="$skipped api+browser(node/npm not installed)"
fi
run_node_suite() {  # name file -> adds the suite's pass/fail counts
  name=$1; file=$2
  DYAD_URL="$URL" ARTIFACTS="$ART" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
    node --test --test-reporter=tap "$file" >"$T/$name.tap" 2>&1
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$T/$name.tap" | tail -1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$T/$name.tap" | tail -1)
  if [ -z "$p" ] || [ -z "$f" ]; then
    tail -30 "$T/$name.tap"; no "$name suite did not report"; return
  fi
  [ "$f" -ne 0 ] && grep -B2 -A25 '^not ok' "$T/$name.tap" | head -120
  grep '^# 200 concurrent' "$T/$name.tap"
  echo "  $name: $p passed, $f failed"
  pass=$((pass+p)); fail=$((fail+f))
}
if [ $NODE_OK -eq 1 ]; then
  run_node_suite api "$ROOT/tests/web/api.test.mjs"

  # playwright-core from web/package-lock.json
  if [ ! -f "$ROOT/web/node_modules/playwright-core/package.json" ]; then
    (cd "$ROOT/web" && npm ci --no-audit --no-fund >"$T/npm.log" 2>&1) || tail -5 "$T/npm.log"
  fi
  CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
  if [ ! -x "$CHROMIUM" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium (apt-get) for the browser tests" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y chromium >"$T/apt.log" 2>&1 ||
      { apt-get update >>"$T/apt.log" 2>&1 && apt-get install -y chromium >>"$T/apt.log" 2>&1; } ||
      tail -3 "$T/apt.log"
  fi
  if [ ! -f "$ROOT/web/node_modules/playwright-core/package.json" ]; then
    skipped="$skipped browser(npm ci in web/ failed: playwright-core unavailable)"
  elif [ ! -x "$CHROMIUM" ]; then
    skipped="$skipped browser(chromium not installed and apt-get install failed)"
  else
    mkdir -p "$ART"
    run_node_suite browser "$ROOT/tests/web/browser.test.mjs"
    [ -s "$ART/web-1280x800.png" ] && [ -s "$ART/web-390x844.png" ] && ok || no "screenshots in test-artifacts/"
  fi
fi

# --- the server answers while `dyad code` writes to the same database
bad=0
"$DYAD" code -q --db "$T/web.db" "$ROOT/examples/articles.jsonl" >/dev/null 2>&1 &
CP=$!
i=0
while [ $i -lt 20 ]; do
  c=$(http_get "${URL}api/events?limit=5"); [ "$c" = 200 ] || bad=$((bad+1))
  i=$((i+1))
done
wait $CP; crc=$?
[ $crc -eq 0 ] && [ $bad -eq 0 ] && ok || no "concurrent writer: code exit $crc, $bad failed requests"
[ "$(http_get "${URL}api/summary")" = 200 ] && ok || no "still serving after the writer"

# --- graceful stop
kill -TERM "$SRV_PID"
i=0; while kill -0 "$SRV_PID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
if kill -0 "$SRV_PID" 2>/dev/null; then no "SIGTERM did not stop the server"; kill -9 "$SRV_PID"; fi
wait "$SRV_PID"; rc=$?; SRV_PID=""
[ $rc -eq 0 ] && ok || no "exit status after SIGTERM: $rc"

[ -n "$skipped" ] && echo "SKIPPED:$skipped"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
