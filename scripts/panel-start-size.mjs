// What the panel frame loads before its first content: the chunks panel.html names (its entry
// script and every chunk that script reaches through static imports), raw and gzip bytes. Dynamic
// `import()`s are not followed: they load only when a tab or a language needs them.
// `node scripts/panel-start-size.mjs [dist/chrome]` prints them; the bench and an e2e test use
// `panelStartChunks` with a budget (issue 12).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g;

/** @param {string} dist a build's directory, e.g. dist/chrome */
export function panelStartChunks(dist) {
  const html = readFileSync(join(dist, 'src/ui/panel/panel.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('panel.html names no module script');
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      if (!m[1].startsWith('.') && !m[1].startsWith('/')) continue;
      visit(m[1].startsWith('/') ? m[1].slice(1) : join(file, '..', m[1]));
    }
  };
  visit(entry);
  const chunks = [...seen].map((file) => {
    const raw = readFileSync(join(dist, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  chunks.sort((a, b) => b.raw - a.raw);
  const total = chunks.reduce((sum, c) => ({ raw: sum.raw + c.raw, gzip: sum.gzip + c.gzip }), { raw: 0, gzip: 0 });
  return { entry, chunks, ...total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist/chrome';
  const { chunks, raw, gzip } = panelStartChunks(dist);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const c of chunks) console.log(`${c.file.padEnd(44)} ${kb(c.raw).padStart(10)} ${kb(c.gzip).padStart(10)} gzip`);
  console.log(`${'total'.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip (${chunks.length} chunks)`);
}
