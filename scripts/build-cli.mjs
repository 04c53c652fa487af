// Bundles the summary CLI (src/summary/cli.ts and what it imports, zod included) into
// dist/cli/vuoro.mjs with vite's build API, so plain Node runs it. `node scripts/build-cli.mjs`
// builds it; bin/vuoro.mjs builds it on first use and whenever the sources are newer.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI_BUNDLE = join(ROOT, 'dist', 'cli', 'vuoro.mjs');
const ENTRY = join(ROOT, 'src', 'summary', 'cli.ts');
const SOURCES = [join(ROOT, 'src', 'summary'), join(ROOT, 'src', 'capture'), join(ROOT, 'scripts', 'build-cli.mjs')];

async function newestMtime(path) {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** True when the bundle is missing or older than any of its sources. */
export async function cliIsStale() {
  let built;
  try {
    built = (await stat(CLI_BUNDLE)).mtimeMs;
  } catch {
    return true;
  }
  const sources = await Promise.all(SOURCES.map(newestMtime));
  return sources.some((mtime) => mtime > built);
}

export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('vite');
  // Build beside the bundle and rename it into place, so a concurrent run never sees half a file.
  const tmpDir = join(ROOT, 'dist', 'cli', `.build-${process.pid}-${Date.now()}`);
  await mkdir(tmpDir, { recursive: true });
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: quiet ? 'silent' : 'warn',
      publicDir: false,
      ssr: { noExternal: true, target: 'node' },
      build: {
        ssr: ENTRY,
        outDir: tmpDir,
        emptyOutDir: false,
        target: 'node20',
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: 'vuoro.mjs', codeSplitting: false } },
      },
    });
    await rename(join(tmpDir, 'vuoro.mjs'), CLI_BUNDLE);
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  return CLI_BUNDLE;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE}`);
}
