#!/bin/sh
# gen_gazetteer.sh — generate dyad's gazetteer (countries, first-level
# subdivisions, populated places with coordinates) from files installed by
# Debian packages (iso-codes, libgeonames-dev). Nothing here is committed.
# Usage: sh scripts/gen_gazetteer.sh [OUTDIR]   (default build/gen)
# Writes OUTDIR/gazetteer.tsv (format: src/place.h); builds the generator
# OUTDIR/gen_gazetteer from scripts/gen_gazetteer.c on the way.
set -e
OUT=${1:-build/gen}
CC=${CC:-cc}
ISO=/usr/share/iso-codes/json
mkdir -p "$OUT"
if [ ! -f "$ISO/iso_3166-2.json" ]; then
  echo "gen_gazetteer: $ISO missing (install the iso-codes package)" >&2; exit 1
fi
if ! pkg-config --exists geonames 2>/dev/null; then
  echo "gen_gazetteer: libgeonames-dev missing (apt-get install libgeonames-dev)" >&2; exit 1
fi
dir=$(dirname "$0")
$CC -std=c11 -D_DEFAULT_SOURCE -O1 -Wall -Wextra -o "$OUT/gen_gazetteer" "$dir/gen_gazetteer.c" \
  $(pkg-config --cflags --libs geonames libutf8proc jansson)
"$OUT/gen_gazetteer" "$ISO" > "$OUT/gazetteer.tsv.tmp"
mv "$OUT/gazetteer.tsv.tmp" "$OUT/gazetteer.tsv"
echo "gen_gazetteer: $(grep -vc '^#' "$OUT/gazetteer.tsv") names -> $OUT/gazetteer.tsv" >&2
