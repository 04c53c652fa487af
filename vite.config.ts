import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type TargetBrowser } from './extension/manifest.config.ts';
import { localesPlugin } from './scripts/vite-locales.ts';
import { contentScriptsPlugin } from './scripts/vite-content-scripts.ts';
import { noEvalPlugin } from './scripts/vite-no-eval.ts';

/**
 * The unit test files, split by whether a file may share its worker's modules with the files run
 * before it. Vitest's default, a fresh module graph per file, spent more time importing than
 * testing (113 files: 22.5 s of imports and 18.5 s of set-up for 42 s of tests). A file that mocks
 * modules, stubs globals, fakes timers, changes the UI language or uses the in-memory IndexedDB (one
 * per worker) keeps the fresh graph; the others run in one graph per worker. A new file with any
 * of these lands in the isolated set by itself.
 */
function unitProjects() {
  const needsIsolation =
    /vi\.(mock|doMock|stubGlobal|stubEnv|spyOn|useFakeTimers|resetModules)\b|fake-indexeddb|@vitest-environment|setLang\(|(globalThis|global|process\.env)\.\w+\s*=[^=]|defineProperty\(globalThis/;
  const root = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(join(root, 'test/unit'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => `test/unit/${file.split(sep).join('/')}`);
  const source = new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')]));
  const isolated = files.filter((file) => needsIsolation.test(source.get(file)!));
  // A file that moves the time zone (process.env.TZ) needs a process of its own: a worker thread's
  // environment is a copy, and the zone does not follow it there.
  const ownProcess = isolated.filter((file) => /process\.env\.TZ\s*=[^=]/.test(source.get(file)!));
  return [
    { extends: true as const, test: { name: 'unit', include: files.filter((file) => !isolated.includes(file)), isolate: false } },
    { extends: true as const, test: { name: 'unit-isolated', include: isolated.filter((file) => !ownProcess.includes(file)) } },
    { extends: true as const, test: { name: 'unit-process', include: ownProcess, pool: 'forks' as const } },
  ];
}

// One manifest source, two builds: `vite build` → dist/chrome, `vite build --mode firefox` → dist/firefox.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: process.env.VITEST
      ? []
      : [noEvalPlugin(), crx({ manifest: manifestFor(browser), browser }), localesPlugin(), contentScriptsPlugin(`dist/${browser}`)],
    // The import worker bundles zod too: build it without eval like the pages, or zod's probe ships.
    worker: { plugins: () => (process.env.VITEST ? [] : [noEvalPlugin()]) },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: 'es2022',
      // Both browsers preload modules natively (Chromium, Firefox 115+): without the polyfill the
      // panel frame fetches one chunk fewer before its first content (issue 12).
      modulePreload: { polyfill: false },
      // Extension pages crxjs does not discover from the manifest must be listed, or they are copied unbuilt.
      rollupOptions: {
        input: {
          panel: 'src/ui/panel/panel.html',
          options: 'src/ui/options/options.html',
          popup: 'src/ui/popup/popup.html',
          summary: 'src/ui/summary/summary.html',
          popout: 'src/ui/popout/popout.html',
          ...(browser === 'firefox' ? {} : { offscreen: 'src/sync/offscreen.html' }),
        },
      },
    },
    test: {
      setupFiles: ['test/unit/setup.ts'],
      environment: 'node',
      // Threads, one per core: vitest's default (forks, one core left free) ran the unit files one
      // at a time on a 2-core machine, 114 s; this takes 62 s there. The e2e config is apart.
      pool: 'threads',
      maxWorkers: availableParallelism(),
      // Read only when vitest runs (a build does not look at the tests).
      projects: process.env.VITEST ? unitProjects() : undefined,
    },
  };
});
