#!/usr/bin/env bash
# Instructions a check of a real brand reply takes in the wasm engine under Node, for each build
# directory given (default dist/extension/pkg): valgrind counts them, which reads the same from
# one run to the next where timings on these shared machines move by a third. V8 compiles with
# its optimising tier alone on one thread so that the count is repeatable; the count of 2 rounds
# is taken from that of 6, leaving Node's start and the engine's first call out.
#
# Usage: bench/instructions.sh [PKG_DIR...]   (needs valgrind; not part of `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
count() { # pkg rounds
  valgrind --tool=cachegrind --cache-sim=no --smc-check=all-non-file --cachegrind-out-file=/dev/null \
    node --no-liftoff --single-threaded bench/check-corpus.mjs "$1" "$2" 2>&1 | awk '/I *refs/ { gsub(",", "", $NF); print $NF }'
}
for pkg in "${@:-dist/extension/pkg}"; do
  two=$(count "$pkg" 2)
  six=$(count "$pkg" 6)
  echo "$pkg: $(( (six - two) / 4 / 1139 )) instructions a reply"
done
