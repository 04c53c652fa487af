#!/usr/bin/env node
// The demo: the fixture sites at their real host names, Chromium with the built extension, a
// meeting tab and a whiteboard tab. Headful when there is a display; otherwise headless with
// screenshots. Usage: npm run demo [-- --once]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const once = process.argv.includes('--once');
const distDir = join(root, 'dist/chrome');
/** The whiteboard tab is the real Excalidraw (test/fixtures/real); a first run draws a few notes and selects two. */
async function seedBoard(page) {
  await page.waitForFunction(() => window.__board && window.__excalidraw, { timeout: 30_000, polling: 100 });
  await page.evaluate(async () => {
    if (window.__board.getSceneElements().length) return;
    await document.fonts.load('20px Excalifont'); // labels are measured when they are made
    const notes = ['Shadow a colleague for a day', 'Ask the customer panel', 'Try a buddy system for newcomers', 'Weekly team huddle'];
    const colours = ['#ffec99', '#a5d8ff', '#d0bfff', '#b2f2bb'];
    window.__board.updateScene({
      elements: window.__excalidraw.convertToExcalidrawElements(
        notes.map((text, i) => ({ type: 'rectangle', id: `demo-${i}`, x: 280 + (i % 2) * 240, y: 120 + Math.floor(i / 2) * 240, width: 200, height: 200, backgroundColor: colours[i], fillStyle: 'solid', label: { text } })),
        { regenerateIds: false },
      ),
    });
    window.__board.updateScene({ appState: { selectedElementIds: { 'demo-0': true, 'demo-2': true } } });
  });
}

const TABS = [
  // The demo variant of the Zoom fixture: people speak, raise hands and chat while you watch.
  { name: 'meeting', url: 'https://app.zoom.us/wc/demo/join' },
  { name: 'whiteboard', url: 'https://excalidraw.com/', prepare: seedBoard },
];

/** Newest modification time under the given paths (files only). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

const manifest = join(distDir, 'manifest.json');
const sources = ['src', 'extension', 'assets', 'vite.config.ts', 'package.json'].map((p) => join(root, p));
if (!existsSync(manifest) || newest(sources) > statSync(manifest).mtimeMs) {
  console.log('Building the Chrome extension (dist/chrome is missing or older than the sources)…');
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The harness is TypeScript; Vite's module runner loads it, so the demo and the tests share it.
const load = async (path) => (await runnerImport(join(root, path), { root, configFile: false })).module;
const { startFixtureServer } = await load('test/e2e/harness/server.ts');
const { launchWithExtension, openFixture, maybePanelFrame } = await load('test/e2e/harness/browsers.ts');
(await load('test/e2e/harness/realBoards.ts')).ensureRealBoards();

const headful = Boolean(process.env.DISPLAY);
if (!headful) console.log('No display found (DISPLAY is not set): running Chromium headless and saving screenshots.');

const server = await startFixtureServer();
const profile = join(root, '.cache/demo-profile');
mkdirSync(profile, { recursive: true });
let ctx;
try {
  ctx = await launchWithExtension('chromium', { server, distDir, userDataDir: profile, headless: !headful });
} catch (error) {
  await server.close();
  throw error;
}

/** Waits until the panel shows a workshop (or the start view), not just its frame. */
async function panelContent(panel) {
  return panel
    .waitForFunction(() => document.querySelector('#run-phase, .start') !== null && !document.querySelector('[data-testid="panel-loading"]'), {
      timeout: 10_000,
      polling: 100,
    })
    .then(() => true)
    .catch(() => false);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await ctx.close().catch(() => {});
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const [blank] = await ctx.browser.pages();
  const pages = [];
  const panels = [];
  for (const [i, tab] of TABS.entries()) {
    const page = await openFixture(ctx, tab.url, i === 0 ? blank : undefined);
    await tab.prepare?.(page);
    const panel = await maybePanelFrame(page, 5_000);
    const content = panel && (await panelContent(panel));
    console.log(`${tab.name}: ${tab.url}${!panel ? ' (no Vuoro panel appeared)' : content ? '' : ' (the panel showed no workshop within 10 s)'}`);
    pages.push(page);
    panels.push(panel);
  }
  if (!headful) {
    const outDir = join(root, 'test-results');
    mkdirSync(outDir, { recursive: true });
    for (const [i, tab] of TABS.entries()) {
      const file = join(outDir, `demo-${tab.name}.png`);
      await pages[i].bringToFront();
      await pages[i].screenshot({ path: file });
      console.log(`Screenshot: ${relative(process.cwd(), file)}`);
    }
    // The meeting a few seconds on, with the Turns tab: who speaks, the next hand, who is not heard.
    if (panels[0]) {
      await pages[0].bringToFront();
      await panels[0].evaluate(() => document.querySelectorAll('[role="tab"]')[1]?.click());
      await new Promise((done) => setTimeout(done, 6_000));
      const file = join(outDir, 'demo-meeting-turns.png');
      await pages[0].screenshot({ path: file });
      console.log(`Screenshot: ${relative(process.cwd(), file)}`);
    }
  }
  await pages[0].bringToFront();
} catch (error) {
  console.error(error);
  await stop(1);
}

if (once) await stop(0);
console.log(`Fixture proxy on 127.0.0.1:${server.proxyPort}; profile in ${relative(process.cwd(), profile)}. Ctrl-C to stop.`);
