// @ts-check
// Gathers one `make bench` run into bench/results.json (with the machine and versions) and
// rewrites the performance table in README.md between its markers, so the README always shows
// the last measured figures next to the budgets of issue 5.
//
// Inputs: criterion's medians in target/criterion (or $CRITERION_DIR), out/bench/peers.json,
// out/bench/browser.json (when the browser benchmark ran), and dist/ for sizes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeReadmeBlock } from '../scripts/readme-block.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const criterionDir = process.env.CRITERION_DIR ?? path.join(root, 'target/criterion');
const readJson = (/** @type {string} */ f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);

/** Criterion's median for one benchmark id ("check/draft280"), in µs. */
function nativeMedianUs(/** @type {string} */ id) {
  // `bench_function("check/short")` is stored as check_short; a group's bench as group/name.
  const dir = id.startsWith('corpus/') ? path.join(criterionDir, id) : path.join(criterionDir, id.replace('/', '_'));
  const est = readJson(path.join(dir, 'new/estimates.json'));
  return est ? est.median.point_estimate / 1000 : null;
}

const version = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return null;
  }
};

/**
 * Sizes of what ships: each wasm raw and gzip (the engine the service worker loads, its reply
 * suggestions, the pages' UI), the JavaScript one page loads (the largest site's content
 * scripts: x.com and facebook.com each load only their own), dist/ in all.
 */
function sizes() {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(dist)) return null;
  const manifest = readJson(path.join(dist, 'manifest.json'));
  const wasmOf = (/** @type {string} */ name) => {
    const file = path.join(dist, `extension/pkg/${name}_bg.wasm`);
    return fs.existsSync(file) ? fs.readFileSync(file) : null;
  };
  const wasm = wasmOf('boomerang');
  const replyWasm = wasmOf('boomerang_reply');
  const uiWasm = wasmOf('boomerang_ui');
  const bytesOf = (/** @type {string} */ f) => fs.statSync(path.join(dist, f)).size;
  /** @type {Record<string, number>} first match pattern of each content-script entry → bytes */
  const perSite = Object.fromEntries((manifest?.content_scripts ?? []).map((/** @type {any} */ c) =>
    [c.matches?.[0] ?? '?', (c.js ?? []).reduce((/** @type {number} */ sum, /** @type {string} */ f) => sum + bytesOf(f), 0)]));
  /** @type {(d: string) => number} */
  const dirBytes = (d) =>
    fs.readdirSync(d, { withFileTypes: true }).reduce(
      (sum, e) => sum + (e.isDirectory() ? dirBytes(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).size),
      0,
    );
  return {
    wasm_bytes: wasm?.length ?? null,
    wasm_gzip_bytes: wasm ? zlib.gzipSync(wasm, { level: 9 }).length : null,
    reply_wasm_bytes: replyWasm?.length ?? null,
    reply_wasm_gzip_bytes: replyWasm ? zlib.gzipSync(replyWasm, { level: 9 }).length : null,
    ui_wasm_bytes: uiWasm?.length ?? null,
    ui_wasm_gzip_bytes: uiWasm ? zlib.gzipSync(uiWasm, { level: 9 }).length : null,
    content_script_bytes: Math.max(0, ...Object.values(perSite)),
    content_script_bytes_per_site: perSite,
    dist_bytes: dirBytes(dist),
  };
}

const peers = readJson(path.join(root, 'out/bench/peers.json'));
const browser = readJson(path.join(root, 'out/bench/browser.json'));
const ids = ['short', 'draft280', 'post5000'].flatMap((s) => ['check', 'classify', 'suggest'].map((f) => `${f}/${s}`));
const native = Object.fromEntries([...ids, 'follow/spam', 'corpus/check_brand_replies'].map((id) => [id, nativeMedianUs(id)]));
const size = sizes();

const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    // Other work on the machine during the run (1, 5 and 15 minutes): the figures are only as
    // quiet as this.
    load_average: os.loadavg().map((l) => Math.round(l * 100) / 100),
  },
  versions: {
    boomerang: readJson(path.join(root, 'dist/manifest.json'))?.version ?? null,
    rustc: version('rustc', ['--version']),
    node: process.version,
    chromium: version('/usr/bin/chromium', ['--version']),
  },
  native_us: native,
  peers,
  browser,
  size,
};

/** One row per budget: what, budget, measured, pass. `null` measured means not measured. */
const fmt = (/** @type {number | null | undefined} */ v, /** @type {string} */ unit, digits = 1) =>
  v == null ? 'not measured' : `${v.toFixed(digits)} ${unit}`;
const kb = (/** @type {number | null | undefined} */ b) => (b == null ? null : b / 1000);
const wasmDraft = peers?.wasm_us_per_call?.['check/draft280'];
const nativeDraft = native['check/draft280'];
/** @typedef {[what: string, budget: string, value: number | null | undefined, shown: string, met: ((v: number) => boolean) | null]} Row */
/** The throughput budget against one peer. @param {string} peer @returns {Row} */
function peerRow(peer) {
  const r = peers?.ratio_boomerang_over_peer?.[peer];
  return [`Throughput over 1,139 real replies vs \`${peer}\``, '≥ 10×', r, r == null ? 'not measured' : `${r.toFixed(1)}×`, (v) => v >= 10];
}
/** @type {Row[]} */
const rows = [
  ['`check`, 280-char draft, native median', '≤ 20 µs', nativeDraft, fmt(nativeDraft, 'µs', 2), (/** @type {number} */ v) => v <= 20],
  ['`check`, 280-char draft, wasm ÷ native', '≤ 3×', wasmDraft && nativeDraft ? wasmDraft / nativeDraft : null,
    wasmDraft && nativeDraft ? `${(wasmDraft / nativeDraft).toFixed(1)}× (${wasmDraft.toFixed(2)} µs)` : 'not measured', (/** @type {number} */ v) => v <= 3],
  ...['alex', 'write-good', 'sentiment'].map(peerRow),
  ['Keystroke → warning in the page, p95 warm (no debounce)', '≤ 8 ms', browser?.keystroke_ms?.p95,
    browser?.keystroke_ms?.p95 != null
      ? `${fmt(browser.keystroke_ms.p95, 'ms')} (p50 ${fmt(browser.keystroke_ms.p50, 'ms')}; from the editor's input event p95 ${fmt(browser.keystroke_ms.after_input_p95, 'ms')})`
      : 'not measured',
    (/** @type {number} */ v) => v <= 8],
  ['Cold start to first result', '≤ 60 ms', browser?.cold_start_ms, fmt(browser?.cold_start_ms, 'ms'), (/** @type {number} */ v) => v <= 60],
  ['1,000 posts appended: extra main-thread time', '≤ 50 ms', browser?.timeline?.extra_scripting_ms, fmt(browser?.timeline?.extra_scripting_ms, 'ms'), (/** @type {number} */ v) => v <= 50],
  ['1,000 posts appended: longest task by Boomerang', '≤ 50 ms', browser?.timeline?.longest_task_ms, fmt(browser?.timeline?.longest_task_ms, 'ms'), (/** @type {number} */ v) => v <= 50],
  ['Content script retained memory after 1,000 posts', '(measured)', browser?.timeline?.retained_kb, fmt(browser?.timeline?.retained_kb, 'KB', 0), null],
  ['Engine wasm (service worker) after wasm-opt', '≤ 250 KB', kb(size?.wasm_bytes), fmt(kb(size?.wasm_bytes), 'KB'), (/** @type {number} */ v) => v <= 250],
  ['Engine wasm gzip', '≤ 100 KB', kb(size?.wasm_gzip_bytes), fmt(kb(size?.wasm_gzip_bytes), 'KB'), (/** @type {number} */ v) => v <= 100],
  ['Suggestions wasm after wasm-opt (gzip)', '≤ 250 KB (≤ 100 KB)', kb(size?.reply_wasm_bytes),
    size?.reply_wasm_bytes == null ? 'not measured' : `${fmt(kb(size.reply_wasm_bytes), 'KB')} (${fmt(kb(size.reply_wasm_gzip_bytes), 'KB')})`,
    (/** @type {number} */ v) => v <= 250 && (size?.reply_wasm_gzip_bytes ?? Infinity) <= 100_000],
  ['Popup/options wasm after wasm-opt (gzip)', '≤ 250 KB (≤ 100 KB)', kb(size?.ui_wasm_bytes),
    size?.ui_wasm_bytes == null ? 'not measured' : `${fmt(kb(size.ui_wasm_bytes), 'KB')} (${fmt(kb(size.ui_wasm_gzip_bytes), 'KB')})`,
    (/** @type {number} */ v) => v <= 250 && (size?.ui_wasm_gzip_bytes ?? Infinity) <= 100_000],
  ['JavaScript one page loads (content scripts, largest site)', '≤ 30 KB', kb(size?.content_script_bytes), fmt(kb(size?.content_script_bytes), 'KB'), (/** @type {number} */ v) => v <= 30],
  ['`dist/` in all', '(measured)', kb(size?.dist_bytes), fmt(kb(size?.dist_bytes), 'KB'), null],
];
const budgets = rows.map(([what, budget, value, shown, ok]) => ({ what, budget, value: value ?? null, shown, met: value == null || !ok ? null : ok(value) }));

fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify({ ...results, budgets }, null, 1) + '\n');

const mark = (/** @type {boolean | null} */ met) => (met == null ? '–' : met ? '✅' : '❌');
const table = [
  `Measured ${results.date.slice(0, 10)} on ${results.machine.cpu} (${results.machine.cores} cores, load average ${results.machine.load_average[1]} over the last 5 minutes), ${results.versions.rustc}, Node ${results.versions.node}, ${results.versions.chromium ?? 'no Chromium'}. Medians; \`make bench\` rewrites this table from \`bench/results.json\`.`,
  '',
  '| What | Budget | Measured | Met |',
  '|---|---|---|---|',
  ...budgets.map((b) => `| ${b.what} | ${b.budget} | ${b.shown} | ${mark(b.met)} |`),
].join('\n');

writeReadmeBlock('bench', table);
console.log(table);
