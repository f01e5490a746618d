// @ts-check
// Boomerang's shipped wasm build against the JavaScript tools people reach for to check tone
// in the browser (alex, write-good, sentiment), on the same 1,139 real brand replies in the
// same run; plus the wasm per-call medians on bench/texts.json for the wasm/native ratio.
//
// Usage: node bench/peers.mjs [--pkg DIR] [--eval DIR] [--out FILE]
// Prints a summary and writes JSON (default out/bench/peers.json).

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { text as alexText } from 'alex';
import writeGood from 'write-good';
import Sentiment from 'sentiment';
import { brandReplies, loadEngine } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])),
);
const pkgDir = path.resolve(args.pkg ?? path.join(root, 'dist/extension/pkg'));
const evalDir = path.resolve(args.eval ?? path.join(root, '../shared/eval'));
const outFile = path.resolve(args.out ?? path.join(root, 'out/bench/peers.json'));

/** ms per call of `fn`, called until at least `minMs` have passed. @param {() => unknown} fn @param {number} minMs */
function perCallMs(fn, minMs) {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / calls;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median of `rounds` timings of `fn`, each round at least `minMs` long; ms per call of fn.
 * @param {() => unknown} fn
 */
function medianMs(fn, { rounds = 7, minMs = 150 } = {}) {
  fn(); // warm up (JIT, lazy tables)
  return median(Array.from({ length: rounds }, () => perCallMs(fn, minMs)));
}

const replies = brandReplies(evalDir);
const engine = await loadEngine(pkgDir);
const replyEngine = await loadEngine(pkgDir, 'boomerang_reply');
const sentiment = new Sentiment();

/**
 * One engine call exactly as extension/background.js makes it: the request as JSON text in,
 * the answer parsed from JSON text out; `suggest` to the replies' wasm, as the worker sends it.
 * @param {'check' | 'classify' | 'suggest'} type @param {object} payload
 */
const call = (type, payload) => JSON.parse((type === 'suggest' ? replyEngine : engine).call(type, JSON.stringify(payload)));

/** @type {Record<string, (t: string) => unknown>} */
const tools = {
  boomerang: (t) => call('check', { text: t, platform: 'x' }).issues.length,
  alex: (t) => alexText(t).messages.length,
  'write-good': (t) => writeGood(t).length,
  sentiment: (t) => sentiment.analyze(t).score,
};

// The tools take turns, round by round, and each ratio is the median of the rounds' ratios:
// the machine is shared, and a slow spell that fell on one tool's turns alone moved the ratio
// by a third between runs (write-good ran 4,558 and 6,179 replies/s on one afternoon).
const ROUNDS = 7;
/** @type {Record<string, number[]>} ms per corpus, per round */
const rounds = Object.fromEntries(Object.keys(tools).map((name) => [name, /** @type {number[]} */ ([])]));
for (const check of Object.values(tools)) replies.forEach(check); // warm up (JIT, lazy tables)
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, check] of Object.entries(tools)) rounds[name].push(perCallMs(() => replies.forEach(check), name === 'boomerang' ? 150 : 400));
}
/** @type {Record<string, {ms_per_corpus: number, replies_per_s: number}>} */
const throughput = {};
for (const [name, ms] of Object.entries(rounds)) {
  throughput[name] = { ms_per_corpus: median(ms), replies_per_s: (replies.length / median(ms)) * 1000 };
}
const ratios = Object.fromEntries(
  Object.keys(tools)
    .filter((n) => n !== 'boomerang')
    .map((n) => [n, median(rounds[n].map((ms, r) => ms / rounds.boomerang[r]))]),
);

const texts = JSON.parse(fs.readFileSync(path.join(root, 'bench/texts.json'), 'utf8'));
/** @type {Record<string, number>} wasm µs per call */
const wasmPerCall = {};
for (const size of ['short', 'draft280', 'post5000']) {
  const t = texts[size];
  wasmPerCall[`check/${size}`] = medianMs(() => call('check', { text: t, platform: 'x' })) * 1000;
  wasmPerCall[`classify/${size}`] = medianMs(() => call('classify', { text: t })) * 1000;
  wasmPerCall[`suggest/${size}`] = medianMs(() => call('suggest', { text: t, author_name: 'Sam Lee', platform: 'x' })) * 1000;
}

const result = { corpus_replies: replies.length, throughput, ratio_boomerang_over_peer: ratios, wasm_us_per_call: wasmPerCall };
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(result, null, 1) + '\n');

for (const [name, t] of Object.entries(throughput)) {
  const ratio = name === 'boomerang' ? '' : `  Boomerang is ${ratios[name].toFixed(1)}x`;
  console.log(`${name.padEnd(11)} ${t.replies_per_s.toFixed(0).padStart(9)} replies/s${ratio}`);
}
for (const [k, us] of Object.entries(wasmPerCall)) console.log(`wasm ${k.padEnd(18)} ${us.toFixed(2)} µs`);
console.log(`written ${path.relative(root, outFile)}`);
