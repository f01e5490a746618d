// @ts-check
// Bundles the content scripts copied into dist/: each manifest entry's files, which share one
// scope in the page, become one file compressed by terser with top-level names mangled too
// (every x.com and facebook.com page loads it; one bundle is 3 KB smaller than the files apart
// with their shared names kept). Error messages stay readable; names in stack traces do not.
// The manifest in dist/ is rewritten to load the bundles; the browser tests run on the result.
// Usage: node scripts/minify-content.mjs DIST_DIR
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const manifestFile = path.join(dist, 'manifest.json');
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
/** @type {Set<string>} */
const bundled = new Set();
const sizes = [];
for (const entry of manifest.content_scripts) {
  /** @type {string[]} */
  const files = entry.js;
  const adapter = files.find((f) => /\/adapter-[a-z]+\.js$/.test(f));
  if (!adapter) throw new Error(`content script entry without an adapter-<site>.js: ${files.join(', ')}`);
  // Each file ends its own statements: the `;` keeps one file's last line from joining the next.
  const source = files.map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n;\n');
  const result = await minify(source, {
    compress: { passes: 2 }, mangle: { toplevel: true }, toplevel: true, ecma: 2020, format: { comments: false },
  });
  if (!result.code) throw new Error(`terser gave nothing for ${adapter}`);
  const bundle = adapter.replace(/adapter-([a-z]+)\.js$/, 'content-$1.js');
  fs.writeFileSync(path.join(dist, bundle), result.code);
  files.forEach((f) => bundled.add(f));
  entry.js = [bundle];
  sizes.push(`${bundle} ${Buffer.byteLength(result.code)} B`);
}
for (const f of bundled) fs.rmSync(path.join(dist, f));
fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
console.log(`content scripts: ${sizes.join(', ')}`);
