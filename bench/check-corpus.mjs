// @ts-check
// `check` over the 1,139 real brand replies, ROUNDS times, exactly as the worker calls it (JSON
// text in and out): what bench/instructions.sh counts the instructions of.
//
// Usage: node bench/check-corpus.mjs [PKG_DIR] [ROUNDS]   (default dist/extension/pkg, 1)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brandReplies, loadEngine } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [pkgDir = path.join(root, 'dist/extension/pkg'), rounds = '1'] = process.argv.slice(2);
const replies = brandReplies(path.join(root, '../shared/eval'));
const engine = await loadEngine(path.resolve(pkgDir));
let issues = 0;
for (let r = 0; r < Number(rounds); r++) {
  for (const text of replies) issues += JSON.parse(engine.call('check', JSON.stringify({ text, platform: 'x' }))).issues.length;
}
console.log(`${rounds} rounds of ${replies.length} replies: ${issues} issues`);
