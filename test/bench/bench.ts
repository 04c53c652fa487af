// The numbers behind "Proof of quality": bundled and run by scripts/bench.mjs (`npm run bench`).
// Browser measurements use Debian's Chromium through the e2e harness (fixture server, real host
// names); export times run the summary renderers in Node. One table, printed and written to
// test/bench/RESULTS.md.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Frame, Page } from 'puppeteer';
import { defaultDistDir, launchWithExtension, panelFrame, type ExtensionContext } from '../e2e/harness/browsers';
import { REPO_ROOT, startFixtureServer } from '../e2e/harness/server';
import type { Capture } from '../../src/capture/schema';
import { parseWorkshopExport, render, SUMMARY_FORMATS, type WorkshopExport } from '../../src/summary';

export interface Row {
  measure: string;
  value: string;
  budget: string;
  /** undefined: informational, no budget. */
  pass?: boolean;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

// ---------------------------------------------------------------- content-script size

export function contentScriptSizes(): Row[] {
  const dir = join(defaultDistDir('chromium'), 'content');
  const BUDGET = 15 * 1024;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file));
      const gz = gzipSync(raw, { level: 9 }).length;
      return { measure: `content script ${file} (gzip)`, value: `${kb(gz)} (raw ${kb(raw.length)})`, budget: '≤ 15 KB', pass: gz <= BUDGET };
    });
}

// ---------------------------------------------------------------- export times (Node)

const T0 = Date.UTC(2025, 10, 20, 10, 0, 0);
const KINDS = ['idea', 'question', 'decision', 'action', 'experiment', 'risk', 'note'] as const;

export function exportDoc(n: number): WorkshopExport {
  const agenda = Array.from({ length: 8 }, (_, i) => ({ phaseId: `p${i}`, title: `Phase ${i}`, kind: 'plenary', plannedSec: 600 }));
  const captures: Capture[] = Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    workshopId: 'ws-bench',
    text: `Capture ${i}: we could try a shorter check-in round & write "decisions" down <b>live</b> — idea ${i % 97}`,
    kind: KINDS[i % KINDS.length]!,
    tags: i % 3 ? [] : ['tag-a', 'tag-b'],
    ...(i % 7 === 3 ? { owner: 'Aino Virtanen', due: '2025-12-01' } : {}),
    phaseId: `p${i % 8}`,
    phaseTitle: `Phase ${i % 8}`,
    source: i % 5 ? { type: 'hotkey' as const } : { type: 'chat' as const, author: `Guest ${i % 40}` },
    createdAt: T0 + i * 1000,
    updatedAt: T0 + i * 1000,
    votes: i % 11,
  }));
  return {
    format: 'vuoro-workshop',
    schemaVersion: 1,
    exportedAt: T0 + 4 * 3600_000,
    lang: 'en',
    workshop: { id: 'ws-bench', title: 'Bench workshop', goal: 'Measure the renderers' },
    agenda,
    participants: Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, name: `Guest ${i}` })),
    captures,
    promptsUsed: [],
    includeParticipants: true,
    includeStats: false,
  };
}

function timeIt(fn: () => unknown, runs: number): number {
  fn(); // warm-up: JIT and lazy label tables
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function exportTimes(): Row[] {
  const rows: Row[] = [];
  for (const n of [1_000, 10_000]) {
    const doc = exportDoc(n);
    for (const format of SUMMARY_FORMATS) {
      const t = timeIt(() => render(format, doc, 'en'), n > 1000 ? 3 : 5);
      rows.push({
        measure: `export ${format} ${n / 1000}k captures (Node, median)`,
        value: ms(t),
        budget: n === 10_000 ? '≤ 500 ms' : '—',
        pass: n === 10_000 ? t <= 500 : undefined,
      });
    }
    if (n === 10_000) {
      const json = render('json', doc, 'en');
      const t = timeIt(() => parseWorkshopExport(json), 3);
      rows.push({ measure: `import JSON 10k captures (parseWorkshopExport, ${kb(json.length)})`, value: ms(t), budget: '—' });
    }
  }
  return rows;
}

// ---------------------------------------------------------------- browser measurements

type Send = (message: Record<string, unknown>) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** Makes sure a workshop is active (from a built-in template) and returns its id; runs in the panel frame. */
export async function activeWorkshopId(frame: Frame): Promise<string> {
  return frame.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: { runtime: { sendMessage: Send } }; chrome: { runtime: { sendMessage: Send } } });
    const send: Send = (m) => (api.browser ?? api.chrome).runtime.sendMessage({ to: 'background', ...m });
    const active = await send({ type: 'workshop/active' });
    const value = active.value as { workshop: { id: string } } | null;
    if (active.ok && value) return value.workshop.id;
    const created = await send({ type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en', workshopIndex: 0 });
    if (!created.ok) throw new Error(`workshop/from-template failed: ${JSON.stringify(created)}`);
    return (created.value as { workshop: { id: string } }).workshop.id;
  });
}

/** Time from the panel's capture/add request to the background's reply after the strict-durability commit. */
async function captureLatencies(frame: Frame, workshopId: string, n: number): Promise<number[]> {
  return frame.evaluate(
    async (workshopId, n) => {
      const api = (globalThis as unknown as { browser?: { runtime: { sendMessage: Send } }; chrome: { runtime: { sendMessage: Send } } });
      const send: Send = (m) => (api.browser ?? api.chrome).runtime.sendMessage({ to: 'background', ...m });
      const times: number[] = [];
      for (let i = 0; i < n + 10; i++) {
        const t0 = performance.now();
        const reply = await send({ type: 'capture/add', workshopId, text: `bench capture ${i}`, kind: 'idea', source: { type: 'hotkey' } });
        const dt = performance.now() - t0;
        if (!reply.ok) throw new Error(`capture/add failed: ${JSON.stringify(reply)}`);
        if (i >= 10) times.push(dt); // the first ones open the database and wake the worker
      }
      return times;
    },
    workshopId,
    n,
  );
}

/** The panel frame's JS heap after a GC, over CDP on the frame's own target (an out-of-process iframe). */
async function panelHeap(ctx: ExtensionContext): Promise<number> {
  const target = ctx.browser.targets().find((t) => t.url().startsWith(ctx.extensionOrigin) && t.url().includes('panel'));
  if (!target) throw new Error('no panel target');
  const cdp = await target.createCDPSession();
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

interface LoadSample {
  loadMs: number;
  taskMs: number;
}

async function loadOnce(ctx: ExtensionContext, url: string, settleMs: number): Promise<LoadSample> {
  const page = await ctx.browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await sleep(settleMs); // the content script runs at document_idle, after load
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    });
    const metrics = await page.metrics();
    return { loadMs, taskMs: (metrics.TaskDuration ?? 0) * 1000 };
  } finally {
    await page.close();
  }
}

async function adapterBatches(ctx: ExtensionContext, page: Page, site: string, url: string, bundle: string): Promise<Row> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  await page.evaluate((site) => (globalThis as unknown as { __vuoroBench: { start(s: string): void } }).__vuoroBench.start(site), site);
  await sleep(500);
  for (let i = 0; i < 40; i++) {
    await page.evaluate(() => (globalThis as unknown as { __fx: { churn(n: number): void } }).__fx.churn(5));
    await sleep(60);
  }
  await sleep(500);
  const s = await page.evaluate(() =>
    (globalThis as unknown as { __vuoroBench: { stats(): { batches: number; batchMs: number; maxBatchMs: number; discoveries: number; discoveryMs: number } } }).__vuoroBench.stats(),
  );
  const mean = s.batches ? s.batchMs / s.batches : 0;
  return {
    measure: `adapter ${site} 300 people: main-thread ms per mutation batch (browser, 40× churn(5))`,
    value: `mean ${ms(mean)}, max ${ms(s.maxBatchMs)} (${s.batches} batches, ${s.discoveries} discoveries ${ms(s.discoveryMs)})`,
    budget: 'max ≤ 16 ms (proposed: one frame)',
    pass: s.batches > 0 && s.maxBatchMs <= 16,
  };
}

export async function browserRows(adapterBundle: string, emptyExtensionDir: string, log: (s: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const server = await startFixtureServer();
  const withExt = await launchWithExtension('chromium', { server });
  // The control browser is launched the same way with an empty extension: same flags, no content script.
  const without = await launchWithExtension('chromium', { server, distDir: emptyExtensionDir });
  try {
    // Page-load overhead: the same page, interleaved, medians.
    log('page-load overhead…');
    const url = 'https://app.zoom.us/wc/123/join';
    const N = 12;
    await loadOnce(withExt, url, 300);
    await loadOnce(without, url, 300);
    const a: LoadSample[] = [];
    const b: LoadSample[] = [];
    for (let i = 0; i < N; i++) {
      a.push(await loadOnce(withExt, url, 700));
      b.push(await loadOnce(without, url, 700));
    }
    const loadRatio = median(a.map((s) => s.loadMs)) / median(b.map((s) => s.loadMs));
    const taskRatio = median(a.map((s) => s.taskMs)) / median(b.map((s) => s.taskMs));
    rows.push({
      measure: `page load, navigation→load event, with/without extension (Zoom fixture, median of ${N})`,
      value: `${loadRatio.toFixed(3)}× (${ms(median(a.map((s) => s.loadMs)))} vs ${ms(median(b.map((s) => s.loadMs)))})`,
      budget: '≤ 1.02×',
      pass: loadRatio <= 1.02,
    });
    rows.push({
      measure: `page main-thread TaskDuration to load+700 ms, with/without extension (median of ${N})`,
      value: `${taskRatio.toFixed(3)}× (${ms(median(a.map((s) => s.taskMs)))} vs ${ms(median(b.map((s) => s.taskMs)))})`,
      budget: '≤ 1.02×',
      pass: taskRatio <= 1.02,
    });

    // Panel memory and capture latency, in the page's real panel frame.
    log('panel memory and capture latency…');
    const page = await withExt.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const frame = await panelFrame(page);
    await frame.waitForSelector('[role="tablist"]');
    const workshopId = await activeWorkshopId(frame);
    await sleep(1000);
    const idleHeap = await panelHeap(withExt);
    rows.push({ measure: 'panel JS heap, Script tab, workshop active (Chromium CDP, after GC)', value: kb(idleHeap), budget: '≤ 8 MB (proposed)', pass: idleHeap <= 8 * 1024 * 1024 });

    const lat = await captureLatencies(frame, workshopId, 200);
    const p50 = quantile(lat, 0.5);
    const p95 = quantile(lat, 0.95);
    rows.push({ measure: 'capture→durable latency p50 (panel sendMessage → reply after strict commit, 200 captures)', value: ms(p50), budget: '—' });
    rows.push({ measure: 'capture→durable latency p95', value: ms(p95), budget: '≤ 30 ms', pass: p95 <= 30 });

    await frame.click('#tab-capture');
    await frame.waitForSelector('[data-testid="capture-list"]');
    await sleep(1000);
    const captureHeap = await panelHeap(withExt);
    rows.push({
      measure: `panel JS heap, Capture tab listing ${lat.length + 10} captures`,
      value: kb(captureHeap),
      budget: '≤ 16 MB (proposed)',
      pass: captureHeap <= 16 * 1024 * 1024,
    });
    await page.close();

    // Adapter cost on the 300-participant fixtures, injected into the page without the extension.
    log('adapters on the 300-participant fixtures…');
    const fixtures: [string, string][] = [
      ['zoom', 'https://app.zoom.us/wc/123/many'],
      ['meet', 'https://meet.google.com/many'],
      ['teams', 'https://teams.microsoft.com/many'],
    ];
    for (const [site, fixture] of fixtures) {
      const tab = await without.browser.newPage();
      rows.push(await adapterBatches(without, tab, site, fixture, adapterBundle));
      await tab.close();
    }
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  return rows;
}

// ---------------------------------------------------------------- the table

export function table(rows: Row[]): string {
  const mark = (r: Row) => (r.pass === undefined ? 'info' : r.pass ? '✅ pass' : '❌ over');
  const lines = ['| Measure | Value | Budget | Result |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.measure} | ${r.value} | ${r.budget} | ${mark(r)} |`);
  return lines.join('\n');
}

export async function runBench(opts: { adapterBundle: string; emptyExtensionDir: string; browserVersion: string }): Promise<Row[]> {
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  log('content-script sizes…');
  const rows = [...contentScriptSizes()];
  log('export times…');
  rows.push(...exportTimes());
  rows.push(...(await browserRows(opts.adapterBundle, opts.emptyExtensionDir, log)));
  const text = table(rows);
  console.log(text);
  const failed = rows.filter((r) => r.pass === false).length;
  console.log(`\n${rows.filter((r) => r.pass).length} within budget, ${failed} over, ${rows.filter((r) => r.pass === undefined).length} informational.`);
  mkdirSync(join(REPO_ROOT, 'test/bench'), { recursive: true });
  writeFileSync(
    join(REPO_ROOT, 'test/bench/RESULTS.md'),
    [
      '# Bench results',
      '',
      `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${opts.browserVersion}.`,
      'Browser rows use the e2e fixture server (real host names over HTTPS); export rows run src/summary in Node.',
      'Adapter rows: the adapter is bundled alone and injected into the page (no extension), so `stats()` counts its own main-thread work.',
      '',
      text,
      '',
    ].join('\n'),
  );
  return rows;
}
