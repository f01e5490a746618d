#!/usr/bin/env bash
# `make dist`: the engine and the pages to wasm (release, wasm-bindgen, wasm-opt -Oz), then dist/ holding
# exactly what the browser loads. extension/pkg is written too, so the repository root also
# loads as an unpacked extension during development.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34mbuild:\033[0m %s\n' "$*" >&2; }

scripts/setup.sh wasm node

# The engine is built for size ("z") but inlines as LLVM does for "s" (its threshold 75, against
# 25 for "z"): 2.5 KB gzip smaller than "s", each call about 10% slower (check on a 280-character
# draft 38 → 42 µs in Node); "z" alone was 45% slower.
ENGINE_INLINE_THRESHOLD=75

# Three wasm files from the one crate: the engine for the service worker (pkg/boomerang), its
# reply suggestions (pkg/boomerang_reply: 10.6 KB gzip out of the engine's, which every check
# waits on) and the popup/options pages (pkg/boomerang_ui). Each loads only what it runs; the
# worker compiles the replies' one once the engine is up, and loads the pages' one too, on the first
# event, to fold the figures, and to answer `follow` and `clock` for the page's lists (3 KB and
# 6.7 KB gzip out of the engine's).
rm -rf extension/pkg
build_wasm() { # name features profile [rustflags] [wasm-opt passes] (Cargo.toml says why the engine has its own)
  say "cargo build (profile $3, wasm32, features $2) → pkg/$1"
  RUSTFLAGS="${4:-}" cargo build --quiet --profile "$3" --target wasm32-unknown-unknown --lib --no-default-features --features "$2"
  wasm-bindgen --target web --out-dir extension/pkg --out-name "$1" \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$3/boomerang.wasm"
  # Debian's binaryen is too old for current wasm-bindgen output; npm's binaryen is pinned.
  # A whole-program flow pass (gufa) and running -Oz until it stops shrinking take 0.8 KB more;
  # the producers and target-features sections are metadata no browser reads (0.2 KB gzip).
  node_modules/.bin/wasm-opt -Oz --gufa -Oz ${5:-} --converge --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd \
    -o "extension/pkg/$1_bg.wasm" "extension/pkg/$1_bg.wasm"
}
# The engine's control flow rebuilt from scratch (flatten, rereloop) and shrunk again: 0.57 KB
# gzip smaller for 2% more instructions a check. SIMD (Chrome 91+; the manifest asks for 116)
# lets LLVM copy and compare 16 bytes at a time: 0.4 KB gzip smaller, and a little faster.
SIMD="-C target-feature=+simd128"
build_wasm boomerang engine-api wasm-engine "-C llvm-args=-inline-threshold=$ENGINE_INLINE_THRESHOLD $SIMD" "--flatten --rereloop -Oz"
build_wasm boomerang_reply reply-api wasm-engine "-C llvm-args=-inline-threshold=$ENGINE_INLINE_THRESHOLD $SIMD" "--flatten --rereloop -Oz"
build_wasm boomerang_ui ui,lists-api release "$SIMD"

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
wasm_size() { echo "$1 $(stat -c %s "dist/extension/pkg/$1_bg.wasm") B ($(gzip -9c "dist/extension/pkg/$1_bg.wasm" | wc -c) B gzip)"; }
say "dist/ ready: wasm $(wasm_size boomerang), $(wasm_size boomerang_reply), $(wasm_size boomerang_ui); $(du -sb dist | cut -f1) B in all"
