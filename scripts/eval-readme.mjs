// @ts-check
// `make eval`'s figures (out/eval.json, written by boomerang-eval) into the README's eval section.
import fs from 'node:fs';
import { writeReadmeBlock } from './readme-block.mjs';

/** @type {{rows: {figure: string, value: string, target: string, pass: boolean | null}[], targets: number, targets_met: number}} */
const evalResults = JSON.parse(fs.readFileSync('out/eval.json', 'utf8'));
const mark = (/** @type {boolean | null} */ pass) => (pass === null ? '' : pass ? '✅' : '❌ missed');
writeReadmeBlock('eval', [
  `Measured by \`make eval\` on \`../shared/eval/\` (${evalResults.targets_met} of ${evalResults.targets} targets met). The hand-labelled dev sets are small on purpose; the real corpora are the 1,139 brand replies of IBM's Twitter customer-care data and the 3,449 tweets of the complaints corpus (Preoţiuc-Pietro et al., ACL 2019, whose best feature-based model reaches about 79 F1; that paper and its successors (Jin and Aletras, COLING 2020, up to 87 with transformers) average F1 over complaints and non-complaints, which the table shows too, while the aim here is on complaints alone, the stricter figure). The shipped complaint model is trained on that corpus, so its figures are 10-fold cross-validated: each tweet is judged by a model trained without it. The wide sets (\`eval/drafts.wide.tsv\`, 6,079 drafts, \`eval/inbound.wide.tsv\`, 590 messages, and \`eval/followers.wide.jsonl\`, 60 followers, written by helpers who never saw the rules or cues) show how far the judgement reaches beyond the dev sets: they have no aim, and their misses are listed for the next rules. The draft models learned from the wide drafts, so their figures are cross-validated the same way (\`eval/drafts.tone.tsv\`, 1,499 drafts written to teach deflection and hostility, among them 800 clean everyday replies, is cross-validated with them in those two models, so its clean drafts count when \`make train\` picks their thresholds). The held-out drafts (\`eval/drafts.heldout.tsv\`, 2,843: three mixed sets, 400 short everyday replies, 300 blameless explanations, 300 firm-but-fair replies and 100 brush-offs, 249 digs and 200 deflections, each set with clean look-alikes) are never learned from and no rule is written from them: \`make eval\` shows their figures, never their misses, and a test keeps them out of the training files. The probe drafts (\`eval/drafts.probes.tsv\`, 1,259) are where the judgement is weakest, learned from by no model yet: good outcomes told by the customer's act (\"Your fee was waived because you paid on time all year.\", which the blame model reads as blame) beside blame in many shapes, and digs beside friendly look-alikes; their misses are listed. Flagged replies and wrong answers are written to \`out/\` for a person to read.`,
  '',
  '| figure | measured | aim | |',
  '|---|---|---|---|',
  ...evalResults.rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${mark(r.pass)} |`),
].join('\n'));
