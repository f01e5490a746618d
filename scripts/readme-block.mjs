// @ts-check
// The README's measured sections are written by the commands that measure them (`make eval`,
// `make bench`), between `<!-- NAME:start -->` and `<!-- NAME:end -->`, never by hand.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const readmePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md');

/**
 * Replaces what stands between the README's `name` markers with `body`; a README without them
 * is left alone (the figures still print).
 * @param {string} name @param {string} body
 */
export function writeReadmeBlock(name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const readme = fs.readFileSync(readmePath, 'utf8');
  if (!readme.includes(start) || !readme.includes(end)) return;
  fs.writeFileSync(readmePath, `${readme.slice(0, readme.indexOf(start) + start.length)}\n${body}\n${readme.slice(readme.indexOf(end))}`);
}
