#!/bin/sh
# make demo: code the bundled example articles, print the events, store them in
# demo.db and summarise the database.
set -e
BUILD=${1:-build}
DYAD="$BUILD/dyad"
rm -f demo.db demo.db-wal demo.db-shm
echo "== dyad code examples/articles.jsonl --db demo.db" >&2
"$DYAD" code examples/articles.jsonl --db demo.db
echo >&2
echo "== dyad db stats demo.db" >&2
"$DYAD" db stats demo.db
