#!/usr/bin/env bash
# `make bench`: every speed and size figure of issue 5 in one run, written to bench/results.json
# and the README's performance table. Medians throughout: these machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34mbench:\033[0m %s\n' "$*" >&2; }

make --no-print-directory dist
say "engine, native (criterion)"
cargo bench --profile native --bench engine -- --noplot 2>&1 | grep -E '^[a-z_/]+ +time:|^[a-z_/]+$|thrpt:|time:' || true
say "engine in wasm against alex, write-good and sentiment (Node)"
node bench/peers.mjs
say "in the browser: cold start, keystroke to warning, 1,000 posts"
node bench/browser.mjs
say "report"
node bench/report.mjs
