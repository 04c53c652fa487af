import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { browserKind, launchWithExtension, openFixture, panelFrame, REPO_ROOT, fixtureServer } from './harness/e2e';

// What reaches the stores: web-ext lint finds no errors in the Firefox build, and the zip that
// `npm run package` writes (scripts/package.mjs, no rebuild here) installs and shows the panel.

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

/** Unpacks a zip of stored or deflated entries (what scripts/package.mjs writes). */
function unzip(zip: Buffer, into: string): number {
  let count = 0;
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    const data = zip.subarray(start, start + size);
    expect(name.startsWith('/') || name.includes('..')).toBe(false);
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), method === 8 ? inflateRawSync(data) : data);
    at = start + size;
    count++;
  }
  return count;
}

describe('packaging', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.runIf(browserKind === 'firefox')('web-ext lint reports no errors for dist/firefox', () => {
    let out = '';
    try {
      out = execFileSync(join(REPO_ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', join(REPO_ROOT, 'dist/firefox'), '--output', 'json', '--no-input'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, WEB_EXT_NO_CONFIG_DISCOVERY: '1' },
      });
    } catch (error) {
      out = (error as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { errors: { code: string; message: string; file?: string }[]; warnings: { code: string; message: string; file?: string }[] };
    if (report.warnings.length) console.info(`web-ext lint warnings:\n${report.warnings.map((w) => `  ${w.code} ${w.file ?? ''}: ${w.message}`).join('\n')}`);
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  }, 120_000);

  it('the packaged zip installs and shows the panel', async () => {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/package.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
    const target = browserKind === 'firefox' ? 'firefox' : 'chrome';
    const zip = readFileSync(join(REPO_ROOT, 'packages', `vuoro-${version}-${target}.zip`));
    const dir = mkdtempSync(join(tmpdir(), `vuoro-zip-${target}-`));
    dirs.push(dir);
    expect(unzip(zip, dir)).toBeGreaterThan(5);
    const ctx = await launchWithExtension(browserKind, { server: fixtureServer(), distDir: dir });
    try {
      const page = await openFixture(ctx, 'https://app.zoom.us/wc/123/join');
      const frame = await panelFrame(page, 20_000);
      expect(await frame.evaluate(() => location.origin)).toBe(ctx.extensionOrigin);
    } finally {
      await ctx.close();
    }
  });
});
