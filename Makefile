# Boomerang: `make run` shows it working, `make test` runs every test.
SHELL := /bin/bash
SHARED ?= ../shared
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: all run test test-engine test-wasm test-browser typecheck dist eval train bench setup clean

all: dist

setup:
	scripts/setup.sh all

## Engine and CLI: unit, rule, property and CLI tests, natively.
test-engine:
	cargo test --all-targets

## Popup and options pages (Rust UI, src/ui) in headless Chromium via wasm-bindgen-test.
test-wasm:
	scripts/setup.sh wasm browser
	cargo test --target wasm32-unknown-unknown --test wasm_ui --test wasm_alloc

## The extension: wasm engine (release, wasm-bindgen, wasm-opt -Oz) and dist/ to load or pack.
dist:
	scripts/build.sh

## Shows Boomerang working: x.com in Chromium when there is a display and a network, else a
## headless walk through the offline demo pages with screenshots and out/demo/report.md.
run:
	scripts/run.sh

## Extension JavaScript: JSDoc types checked by tsc (reads the wasm bindings dist writes).
typecheck: dist
	node_modules/.bin/tsc --noEmit -p tsconfig.json

## The built extension in headless Chromium: x.com journeys on offline fixtures, popup, options.
test-browser: dist
	scripts/setup.sh browser node
	node --test --test-concurrency=1 tests/browser/

test: setup test-engine test-wasm typecheck test-browser

## Speed and size against the budgets: bench/results.json and the README's performance table.
bench:
	scripts/bench.sh

## Judgement measured on ../shared/eval (dev sets and real corpora).
eval:
	cargo run --quiet --profile native --features rule-examples --bin boomerang-eval -- $(SHARED)/eval
	node scripts/eval-readme.mjs

## The learned models' weights (src/engine/learned_weights.rs): complaints from the real corpus, blame from the wide drafts.
train:
	cargo run --quiet --profile native --features rule-examples --bin boomerang-train -- $(SHARED)/eval

clean:
	cargo clean
	rm -rf dist extension/pkg out
