#!/usr/bin/env bash
# `make dist`: the engine to wasm (release, wasm-bindgen, wasm-opt -Oz), then dist/ holding
# exactly what the browser loads. extension/pkg is written too, so the repository root also
# loads as an unpacked extension during development.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34mbuild:\033[0m %s\n' "$*" >&2; }

scripts/setup.sh wasm node

say "cargo build (release, wasm32)"
cargo build --quiet --release --target wasm32-unknown-unknown --lib

say "wasm-bindgen --target web"
rm -rf extension/pkg
wasm-bindgen --target web --out-dir extension/pkg --out-name boomerang \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/boomerang.wasm"

say "wasm-opt -Oz"
# Debian's binaryen is too old for current wasm-bindgen output; npm's binaryen is pinned.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o extension/pkg/boomerang_bg.wasm extension/pkg/boomerang_bg.wasm

python3 scripts/icons.py extension/icons

say "assembling dist/"
rm -rf dist
mkdir -p dist
cp manifest.json dist/
# Only what the manifest and the pages load: no tests, no sources, no node_modules.
mkdir -p dist/extension
(cd extension && find . -type f \
  \( -name '*.js' -o -name '*.html' -o -name '*.css' -o -name '*.png' -o -name '*.wasm' \) \
  -exec cp --parents {} ../dist/extension/ \;)
node scripts/minify-content.mjs dist >&2
wasm_bytes=$(stat -c %s dist/extension/pkg/boomerang_bg.wasm)
gzip_bytes=$(gzip -9c dist/extension/pkg/boomerang_bg.wasm | wc -c)
say "dist/ ready: wasm ${wasm_bytes} B (${gzip_bytes} B gzip), $(du -sb dist | cut -f1) B in all"
