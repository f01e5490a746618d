#!/usr/bin/env bash
# Installs everything the build and tests need, idempotently: a fresh machine passes, a set-up
# one spends a few seconds checking. Usage: scripts/setup.sh [rust|wasm|browser|node|all]...
set -euo pipefail
cd "$(dirname "$0")/.."

want() { [[ " $* " == *" all "* ]] || [[ " $WHAT " == *" $1 "* ]]; }
WHAT=" ${*:-all} "
say() { printf '\033[1;34msetup:\033[0m %s\n' "$*" >&2; }

if want wasm || [[ "$WHAT" == *" all "* ]]; then
  if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    say "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  # wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or the bindings will not load.
  version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
  if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]]; then
    say "installing wasm-bindgen-cli $version (about 3 minutes, once)"
    # Not --locked: one of its locked dependencies is no longer on the registry.
    cargo install wasm-bindgen-cli --version "$version"
  fi
fi

if want browser || [[ "$WHAT" == *" all "* ]]; then
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

if want node || [[ "$WHAT" == *" all "* ]]; then
  if [[ -f package-lock.json ]]; then
    if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
      say "installing npm packages"
      npm ci --no-audit --no-fund --loglevel=error
    fi
  fi
fi
