// @ts-check
// Compresses the content scripts copied into dist/ (terser; top-level names are kept, since the
// files share one scope and errors stay readable): every x.com page loads them, so they are kept
// small. The browser tests run on the result.
// Usage: node scripts/minify-content.mjs DIST_DIR
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
const files = new Set(manifest.content_scripts.flatMap((/** @type {{js: string[]}} */ c) => c.js));
let total = 0;
for (const file of files) {
  const full = path.join(dist, file);
  const result = await minify(fs.readFileSync(full, 'utf8'), {
    compress: true, mangle: true, ecma: 2020, format: { comments: false },
  });
  fs.writeFileSync(full, result.code ?? '');
  total += Buffer.byteLength(result.code ?? '');
}
console.log(`content scripts: ${files.size} files, ${total} B`);
