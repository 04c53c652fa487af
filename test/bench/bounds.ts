// Bench rows for hostile and heavy pages (issue 14): a flooding page for VUORO_BENCH_SOAK_MS
// (default 5 minutes), a workshop of VUORO_BENCH_CAPTURES captures (default 100,000), and an import
// of that many. Run alone with VUORO_BENCH_ONLY=bounds. Chromium, through the e2e harness.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { extensionPage, optionsPagePath, panelFrame, reloadDocument, type ExtensionContext } from '../e2e/harness/browsers';
import { inputLag, p95, watchMainThread } from '../e2e/helpers/lag';
import { submitForm, typeInto } from '../e2e/helpers/ui';
import type { Row } from './bench';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const SOAK_MS = Number(process.env.VUORO_BENCH_SOAK_MS ?? 300_000);
const CAPTURES = Number(process.env.VUORO_BENCH_CAPTURES ?? 100_000);

type Reply<T> = { ok: true; value: T } | { ok: false; error: unknown };

function send<T>(target: Page | Frame, message: Record<string, unknown>): Promise<Reply<T>> {
  return target.evaluate(async (m: Record<string, unknown>) => {
    const api = (globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } });
    return (await (api.browser ?? api.chrome).runtime.sendMessage({ to: 'background', ...m })) as unknown;
  }, message) as Promise<Reply<T>>;
}

/** A fresh workshop made active (from an extension page), and the panel of `page` reloaded onto it. */
async function freshWorkshop(ctx: ExtensionContext, page: Page): Promise<{ frame: Frame; workshopId: string }> {
  const options = await extensionPage(ctx, optionsPagePath(ctx));
  const created = await send<{ workshop: { id: string } }>(options, { type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en', workshopIndex: 0 });
  await send(options, { type: 'settings/set', lang: 'en' });
  if (!created.ok) throw new Error(`workshop/from-template: ${JSON.stringify(created)}`);
  // Started, so people are recorded (nothing about people is stored before).
  await send(options, { type: 'run/event', workshopId: created.value.workshop.id, event: { type: 'start', at: Date.now() }, expectedCount: 0 });
  await options.close();
  await page.reload({ waitUntil: 'load' });
  const frame = await panelFrame(page);
  await frame.waitForSelector('[role="tablist"]');
  return { frame, workshopId: created.value.workshop.id };
}

async function captureInPanel(frame: Frame, text: string): Promise<boolean> {
  // Typed and submitted in two steps, as the e2e tests do: set and submitted in one task, the form
  // would save what the input held before (the typing-lag probe's keys), not `text`.
  await typeInto(frame, '[data-testid="capture-input"]', text);
  await submitForm(frame, '[data-testid="capture-input"]');
  return frame
    .waitForFunction(
      () =>
        (document.querySelector('[data-testid="capture-input"]') as HTMLInputElement).value === '' &&
        document.querySelector('[data-testid="capture-status"]')?.textContent === 'Saved (1).',
      { timeout: 10_000, polling: 20 },
    )
    .then(
      () => true,
      () => false,
    );
}

/** The flood page for SOAK_MS: store size, list-request times, typing lag, captures kept. */
export async function floodSoak(ctx: ExtensionContext, log: (s: string) => void): Promise<Row[]> {
  log(`flood soak, ${SOAK_MS / 1000} s…`);
  const page = await ctx.browser.newPage();
  await page.goto('https://app.zoom.us/wc/123/flood', { waitUntil: 'load' });
  const { workshopId } = await freshWorkshop(ctx, page);
  const options = await extensionPage(ctx, optionsPagePath(ctx));
  await page.bringToFront();
  let frame = await panelFrame(page);
  await frame.click('#tab-capture');
  await page.evaluate(() => (window as unknown as { __flood: { start(): void } }).__flood.start());
  // In parts of at most a minute: one evaluate for the whole soak outlasts the driver's protocol timeout.
  const probeFor = (forMs: number) =>
    options.evaluate(
      async (workshopId: string, forMs: number) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
        const times: number[] = [];
        const end = performance.now() + forMs;
        for (let i = 0; performance.now() < end; i++) {
          const type = ['participants/list', 'capture/list', 'workshop/list'][i % 3];
          const t0 = performance.now();
          await api.runtime.sendMessage({ to: 'background', type, workshopId });
          times.push(performance.now() - t0);
          await new Promise((done) => setTimeout(done, 200));
        }
        return times;
      },
      workshopId,
      forMs,
    );
  const probe = (async () => {
    const times: number[] = [];
    for (let left = SOAK_MS; left > 0; left -= 60_000) times.push(...(await probeFor(Math.min(60_000, left))));
    return times;
  })();
  const lags: number[] = [];
  const made: string[] = [];
  let confirmed = 0;
  const started = Date.now();
  while (Date.now() - started < SOAK_MS - 15_000) {
    frame = await panelFrame(page);
    lags.push(...(await inputLag(frame, '[data-testid="capture-input"]', 'flood', 60)));
    const text = `Soak capture ${made.length}`;
    made.push(text);
    if (await captureInPanel(frame, text)) confirmed++;
    await sleep(Math.min(20_000, Math.max(0, SOAK_MS - 15_000 - (Date.now() - started))));
  }
  const listTimes = await probe;
  const stats = await page.evaluate(() => (window as unknown as { __flood: { stats(): { renames: number; lines: number; toggles: number } } }).__flood.stats());
  await page.evaluate(() => (window as unknown as { __flood: { stop(): void } }).__flood.stop());
  const people = await send<unknown[]>(options, { type: 'participants/list', workshopId });
  const kept = await send<{ text: string }[]>(options, { type: 'capture/list', workshopId });
  const keptTexts = new Set(kept.ok ? kept.value.map((c) => c.text) : []);
  const lost = made.filter((t) => !keptTexts.has(t)).length;
  await page.close();
  await options.close();
  const secs = SOAK_MS / 1000;
  const what = `flood page ${secs} s (${Math.round(stats.renames / secs)} renames/s, ${Math.round(stats.toggles / secs)} hand toggles/s, ${(stats.lines / secs).toFixed(0)} chat lines/s, DOM churn)`;
  const storedPeople = people.ok ? people.value.length : -1;
  return [
    { measure: `${what}: participants stored`, value: `${storedPeople} (page shows 20)`, budget: '≤ 500', pass: storedPeople >= 0 && storedPeople <= 500 },
    { measure: `${what}: background list request p95 (options page, every 200 ms)`, value: `${ms(p95(listTimes))} (max ${ms(Math.max(...listTimes))}, n ${listTimes.length})`, budget: '≤ 50 ms', pass: p95(listTimes) <= 50 },
    { measure: `${what}: panel typing lag p95 (key → next frame)`, value: `${ms(p95(lags))} (max ${ms(Math.max(...lags))}, n ${lags.length})`, budget: '≤ 100 ms', pass: p95(lags) <= 100 },
    { measure: `${what}: captures made in the panel meanwhile, lost`, value: `${lost} of ${made.length} (${confirmed} confirmed)`, budget: '0', pass: lost === 0 },
  ];
}

/** A workshop of CAPTURES captures: the Capture tab's readiness and typing lag. */
export async function bigWorkshop(ctx: ExtensionContext, log: (s: string) => void): Promise<Row[]> {
  log(`${CAPTURES} captures…`);
  const page = await ctx.browser.newPage();
  await page.goto('https://app.zoom.us/wc/123/join', { waitUntil: 'load' });
  let { frame, workshopId } = await freshWorkshop(ctx, page);
  const t0 = Date.now();
  const seeder = await extensionPage(ctx, optionsPagePath(ctx));
  // In parts of 10,000: one evaluate for all 100,000 outlasts the driver's protocol timeout.
  for (let from = 0; from < CAPTURES; from += 10_000) {
    await seeder.evaluate(
      async (workshopId: string, from: number, to: number) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
        for (let i = from; i < to; i += 500) {
          const items = Array.from({ length: Math.min(500, to - i) }, (_, j) => ({ text: `Seeded capture ${i + j} about idea ${(i + j) % 97}`, kind: 'idea' }));
          const reply = await api.runtime.sendMessage({ to: 'background', type: 'capture/add-many', workshopId, items, source: { type: 'paste' } });
          if (!reply.ok) throw new Error(JSON.stringify(reply));
        }
      },
      workshopId,
      from,
      Math.min(CAPTURES, from + 10_000),
    );
  }
  await seeder.close();
  const seeded = Date.now() - t0;
  log(`seeded in ${seeded} ms`);
  await page.reload({ waitUntil: 'load' });
  frame = await panelFrame(page);
  await frame.waitForSelector('[role="tablist"]');
  const t1 = Date.now();
  await frame.click('#tab-capture');
  await frame.waitForFunction((n: number) => document.querySelector('.capture-count')?.textContent?.replace(/\D/g, '') === String(n), { timeout: 120_000, polling: 100 }, CAPTURES);
  const ready = Date.now() - t1;
  const lags = await inputLag(frame, '[data-testid="capture-input"]', 'typing into a big workshop', 60);
  const t2 = Date.now();
  const saved = await captureInPanel(frame, 'One more in a big workshop');
  const saveMs = Date.now() - t2;
  await frame.waitForFunction((n: number) => document.querySelector('.capture-count')?.textContent?.replace(/\D/g, '') === String(n), { timeout: 60_000, polling: 50 }, CAPTURES + 1);
  const listed = Date.now() - t2;
  const search = Date.now();
  await frame.evaluate(() => {
    const input = document.querySelector('[data-testid="capture-search"]') as HTMLInputElement;
    input.value = 'idea 42';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await frame.waitForSelector('[data-testid="capture-search-count"]');
  const searchMs = Date.now() - search;
  await page.close();
  const n = `${CAPTURES / 1000}k`;
  return [
    // 200 adds of 500 with the panel open on the workshop: each add is a store change the Capture
    // list reloads on (one reload at a time since src/ui/shared/coalesce.ts; before it, 331 s).
    { measure: `${n} captures added 500 at a time with the panel open on the workshop`, value: `${(seeded / 1000).toFixed(1)} s`, budget: '—' },
    { measure: `Capture tab with ${n} captures: open → list shown`, value: ms(ready), budget: '—' },
    { measure: `Capture tab with ${n} captures: typing lag p95 (key → next frame)`, value: `${ms(p95(lags))} (max ${ms(Math.max(...lags))}, n ${lags.length})`, budget: '≤ 100 ms', pass: p95(lags) <= 100 },
    { measure: `Capture tab with ${n} captures: save → "Saved" / → listed`, value: `${saved ? ms(saveMs) : 'failed'} / ${ms(listed)}`, budget: '—' },
    { measure: `Capture tab with ${n} captures: search shown`, value: ms(searchMs), budget: '—' },
  ];
}

/**
 * VUORO_BENCH_PROFILE=<file>: a CPU profile of the background service worker (Chromium) from here
 * until the returned stop, written to <file> (open it in DevTools' Performance panel).
 */
async function profileBackground(ctx: ExtensionContext): Promise<() => Promise<string>> {
  const target = await ctx.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(ctx.extensionOrigin));
  const session = await target.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    const file = process.env.VUORO_BENCH_PROFILE!;
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
}

/** An import of CAPTURES captures from the options page: time and the page's typing lag meanwhile. */
export async function bigImport(ctx: ExtensionContext, log: (s: string) => void): Promise<Row[]> {
  log(`import of ${CAPTURES}…`);
  const t0 = Date.UTC(2025, 10, 20, 10);
  const doc = {
    format: 'vuoro-workshop',
    schemaVersion: 1,
    exportedAt: t0,
    lang: 'en',
    workshop: { id: 'elsewhere', title: 'Bench import', goal: '' },
    agenda: [{ phaseId: 'p0', title: 'Phase 0', kind: 'plenary', plannedSec: 600 }],
    participants: [],
    captures: Array.from({ length: CAPTURES }, (_, i) => ({
      id: `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
      workshopId: 'elsewhere',
      text: `Capture ${i}: we could try a shorter check-in round & write "decisions" down live — idea ${i % 97}, with a few more words to weigh ${i}`,
      kind: 'idea',
      tags: [],
      phaseId: 'p0',
      source: { type: 'import' },
      createdAt: t0 + i,
      updatedAt: t0 + i,
      votes: 0,
    })),
    promptsUsed: [],
    includeParticipants: false,
    includeStats: false,
  };
  const file = join(mkdtempSync(join(tmpdir(), 'vuoro-bench-')), 'import.json');
  const json = JSON.stringify(doc);
  writeFileSync(file, json);
  const page = await extensionPage(ctx, optionsPagePath(ctx));
  await send(page, { type: 'settings/set', lang: 'en' });
  await reloadDocument(page);
  const input = await page.waitForSelector('input[data-testid="import-file"]');
  const profile = process.env.VUORO_BENCH_PROFILE && ctx.kind === 'chromium' ? await profileBackground(ctx) : undefined;
  // Watched from before the file is chosen: typing started after the choice never saw a freeze the
  // choice caused at once (the file parsed on the page's main thread).
  const watch = await watchMainThread(page);
  const started = Date.now();
  await input!.uploadFile(file);
  const lags: number[] = [];
  // Ends on the result or on the errors (a refused file ends the row at once, with its error).
  while (!(await page.evaluate(() => document.querySelector('[data-testid="import-result"], [data-testid="import-errors"]') !== null))) {
    lags.push(...(await inputLag(page, 'input[type="search"]', 'import', 50)));
    if (Date.now() - started > 300_000) break;
  }
  const took = Date.now() - started;
  const held = await watch.stop();
  if (profile) log(`background CPU profile: ${await profile()}`);
  const result = (await page.evaluate(() => document.querySelector('[data-testid="import-result"]')?.textContent ?? '')).replace(/\D/g, '');
  const refused = await page.evaluate(() => document.querySelector('[data-testid="import-errors"]')?.textContent ?? '');
  if (refused) log(`import refused: ${refused}`);
  await page.close();
  return [
    {
      measure: `import ${CAPTURES / 1000}k captures (${(json.length / 1024 / 1024).toFixed(1)} MB) from the options page (${ctx.kind}): time to "Imported"`,
      value: `${(took / 1000).toFixed(1)} s (${result === String(CAPTURES) ? 'all' : refused ? `refused: ${refused.slice(0, 80)}` : 'NOT all'} imported)`,
      budget: '—',
      pass: result === String(CAPTURES) ? undefined : false,
    },
    { measure: `import ${CAPTURES / 1000}k captures (${ctx.kind}): options page typing lag p95 meanwhile`, value: `${ms(p95(lags))} (max ${ms(Math.max(...lags))}, n ${lags.length})`, budget: '≤ 100 ms', pass: p95(lags) <= 100 },
    // The longest the page could not have answered a key: in Firefox the background page shares its
    // main thread, so this counts the background's commit too (268 ms at 100k with the hash made in
    // one go; in the e2e test, 2.4–4.4 s at 40k with the whole commit in one go).
    { measure: `import ${CAPTURES / 1000}k captures (${ctx.kind}): options page main thread held at most`, value: ms(held.longest), budget: '≤ 200 ms (proposed)', pass: held.longest <= 200 },
  ];
}
