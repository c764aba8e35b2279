#!/bin/sh
# run.sh -- `make eval`: measures dyad's quality on the public reference data
# in ../shared/data (PLOVER gold records with dyad's default dictionaries and
# with TABARI's production dictionaries, UCDP Ukraine headlines, PolNeAR
# attribution), prints a summary table and writes eval/RESULTS.md.
# Skips cleanly (exit 0) when the data or python3 is absent.
# usage: sh eval/run.sh [BUILD]     (DYAD_DATA=DIR overrides ../shared/data)
BUILD=${1:-build}
DATA=${DYAD_DATA:-../shared/data}
DYAD="$BUILD/dyad"
if [ ! -d "$DATA" ]; then
  echo "eval: skipped ($DATA not found; set DYAD_DATA=DIR)"; exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "eval: skipped (python3 not found)"; exit 0
fi
if [ ! -x "$DYAD" ]; then
  echo "eval: $DYAD not built (run make BUILD=$BUILD first)" >&2; exit 1
fi
WORK="$BUILD/eval"
mkdir -p "$WORK"
python3 eval/evaluate.py --dyad "$DYAD" --data "$DATA" \
  --gazetteer "$BUILD/gen/gazetteer.tsv" --work "$WORK" --misses \
  --out "${EVAL_OUT:-eval/RESULTS.md}" --command "make eval"
rc=$?
echo
echo "== clusters on UCDP (B-cubed over headlines that got an event)"
python3 eval/cluster_ucdp.py "$BUILD" || rc=1
exit $rc
