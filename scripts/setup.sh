#!/bin/sh
# Install the Debian packages dyad needs to build, test and benchmark.
# Idempotent: does nothing when everything is present.
set -e
PKGS="build-essential pkg-config libsqlite3-dev libutf8proc-dev libjansson-dev libmicrohttpd-dev sqlite3 clang libclang-rt-14-dev iso-codes libgeonames-dev time python3"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "dyad setup: installing$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "dyad setup: need root to install:$missing (run as root, or install them yourself)" >&2; exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "dyad setup: apt-get not found; install these packages by hand:$missing" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
${SUDO:-} apt-get update -qq || { echo "dyad setup: apt-get update failed (no network?)" >&2; exit 1; }
${SUDO:-} apt-get install -y -qq $missing >/dev/null || { echo "dyad setup: apt-get install failed for:$missing" >&2; exit 1; }
