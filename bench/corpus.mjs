// @ts-check
// What the wasm benchmarks share: the 1,139 real brand replies, and the shipped engine loaded in Node.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The agent replies of the IBM corpus, as src/bin/eval/corpus.rs reads them. @param {string} evalDir */
export function brandReplies(evalDir) {
  /** @type {string[]} */
  const out = [];
  for (const split of ['dev', 'test']) {
    const file = path.join(evalDir, 'real/ibm-twitter-care', `${split}.json`);
    for (const c of JSON.parse(fs.readFileSync(file, 'utf8'))) {
      const company = c.dialogHeader?.company ?? '';
      for (const turn of c.dialogContent ?? []) {
        const byAgent = 'agent' in turn || (company !== '' && turn.client === company);
        if (byAgent && typeof turn.message === 'string') out.push(turn.message);
      }
      if (typeof c.agentURL?.url_utterance === 'string') out.push(c.agentURL.url_utterance);
    }
  }
  if (out.length !== 1139) throw new Error(`expected 1,139 brand replies in ${evalDir}, read ${out.length}`);
  return out;
}

/**
 * A wasm of `pkgDir` (as `make dist` writes it) with the default settings: the engine
 * (`boomerang`, check and classify) or the reply suggestions (`boomerang_reply`).
 * @param {string} pkgDir @param {string} [name]
 */
export async function loadEngine(pkgDir, name = 'boomerang') {
  const js = path.join(pkgDir, `${name}.js`);
  const wasm = path.join(pkgDir, `${name}_bg.wasm`);
  if (!fs.existsSync(js) || !fs.existsSync(wasm)) {
    throw new Error(`no wasm build in ${pkgDir}: run \`make dist\` first`);
  }
  const mod = await import(pathToFileURL(js).href);
  mod.initSync({ module: fs.readFileSync(wasm) });
  return new mod.WasmEngine(undefined);
}
