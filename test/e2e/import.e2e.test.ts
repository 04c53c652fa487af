import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, openFixture, optionsPagePath, panelFrame, reloadDocument, REPO_ROOT, stopServiceWorker, useExtension } from './harness/e2e';
import { inputLag, p95, watchMainThread } from './helpers/lag';
import { askBackground, waitForText } from './helpers/ui';

// Imports and versions (issue 14, point 5). A big import is parsed in a worker and crosses to the
// background in parts with progress, so the options page keeps taking input (100,000 captures froze
// it 1.5 s in Chromium and 11 s in Firefox); it is all or nothing (a background stopped midway left
// an empty workshop); and a database written by a newer Vuoro is reported and left untouched (the
// panel disappeared and the options page said "No workshops found").

const N = Number(process.env.VUORO_E2E_IMPORT ?? 40_000);
type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string } };

/** A workshop export as the Library writes one: the envelope around its workshop, agenda and captures. */
function exportJson({ workshop, agenda = [], captures = [], exportedAt = Date.now() }: { workshop: object; agenda?: unknown[]; captures?: unknown[]; exportedAt?: number }): string {
  return JSON.stringify({ format: 'vuoro-workshop', schemaVersion: 1, exportedAt, lang: 'en', workshop, agenda, participants: [], captures, promptsUsed: [], includeParticipants: false, includeStats: false });
}

function bigExport(n: number, title: string): string {
  const t0 = Date.UTC(2025, 10, 20, 10);
  return exportJson({
    exportedAt: t0 + 3600_000,
    workshop: { id: 'elsewhere', title, goal: 'Imported in parts' },
    agenda: Array.from({ length: 4 }, (_, i) => ({ phaseId: `p${i}`, title: `Phase ${i}`, kind: 'plenary', plannedSec: 600 })),
    captures: Array.from({ length: n }, (_, i) => ({
      id: `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
      workshopId: 'elsewhere',
      text: `Imported capture ${i}: a shorter check-in round and decisions written down live`,
      kind: 'idea',
      tags: i % 3 ? [] : ['tag-a'],
      phaseId: `p${i % 4}`,
      phaseTitle: `Phase ${i % 4}`,
      source: { type: 'import' },
      createdAt: t0 + i,
      updatedAt: t0 + i,
      votes: 0,
    })),
  });
}

async function titles(page: Page): Promise<string[]> {
  const list = await askBackground<Reply<{ title: string }[]>>(page.mainFrame(), { to: 'background', type: 'workshop/list' });
  return list.ok ? list.value.map((w) => w.title) : [];
}

const digits = (text: string) => text.replace(/\D/g, '');

/** "Importing: 4,000 / 60,000 captures" → 4000. */
async function importedSoFar(page: Page): Promise<number> {
  const text = await page.$eval('[data-testid="import-progress"]', (el) => el.textContent ?? '').catch(() => '');
  return Number(digits(text.split('/')[0] ?? '') || -1);
}

describe('imports and versions', () => {
  const extension = useExtension();
  const dir = mkdtempSync(join(tmpdir(), 'vuoro-import-'));

  // (Before the big import: after it, Firefox's store answers slowly on the shared machine.)
  // Found in a data controller's walk-through: workshop 2's export (or the series summary's JSON)
  // merged into workshop 1 took workshop 2's captures out of it: they were written under their own
  // ids with workshop 1's id. A merge only adds to the workshop it goes into.
  it('merging a file holding another workshop’s captures leaves that workshop as it was', async () => {
    const page = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    await askBackground(page.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en' });
    type Made = Reply<{ workshop: { id: string; title: string } }>;
    const made = async (workshopIndex: number) => {
      const reply = await askBackground<Made>(page.mainFrame(), { to: 'background', type: 'workshop/from-template', templateId: 'change-dialogue-series', lang: 'en', workshopIndex });
      if (!reply.ok) throw new Error(reply.error.code);
      await askBackground(page.mainFrame(), { to: 'background', type: 'workshop/update', workshopId: reply.value.workshop.id, patch: { title: `Merge target ${workshopIndex + 1}` } });
      return reply.value.workshop.id;
    };
    const [first, second] = [await made(0), await made(1)];
    expect((await askBackground<Reply<unknown>>(page.mainFrame(), { to: 'background', type: 'capture/add', workshopId: second, text: 'Shared booking calendar QXMERGE', kind: 'experiment', source: { type: 'manual' } })).ok).toBe(true);
    type Contents = Reply<{ captures: { id: string; workshopId: string; text: string; kind: string; tags: string[]; source: unknown; createdAt: number; updatedAt: number; votes: number }[] }>;
    const capturesOf = async (workshopId: string) => {
      const reply = await askBackground<Contents>(page.mainFrame(), { to: 'background', type: 'workshop/contents', workshopId });
      return reply.ok ? reply.value.captures : [];
    };
    const secondBefore = await capturesOf(second);
    expect(secondBefore.map((c) => c.text)).toEqual(['Shared booking calendar QXMERGE']);
    const file = join(dir, 'workshop-2.json');
    writeFileSync(
      file,
      exportJson({
        workshop: { id: second, title: 'Merge target 2', goal: '' },
        captures: secondBefore.map(({ id, workshopId, text, kind, tags, source, createdAt, updatedAt, votes }) => ({ id, workshopId, text, kind, tags, source, createdAt, updatedAt, votes })),
      }),
    );
    await reloadDocument(page);
    await page.waitForFunction((id: string) => [...document.querySelectorAll('option')].some((o) => o.value === id), { timeout: 10_000, polling: 100 }, first);
    await page.select('select', first);
    const input = await page.waitForSelector('input[data-testid="import-file"]');
    await input!.uploadFile(file);
    await waitForText(page, 'Merged: 1 added');
    expect(await capturesOf(second)).toEqual(secondBefore);
    expect((await capturesOf(first)).map((c) => c.text)).toEqual(['Shared booking calendar QXMERGE']);
    await page.close();
  }, 120_000);

  // Found in a data controller's walk-through: the series summary's "JSON (data of the series)"
  // was refused as having no agenda, with the advice to merge it into a workshop (which put every
  // workshop's notes into that one). It is named as a series file, in the page's language.
  it('refuses the series summary’s JSON as a series file, as new and merged, in English and Finnish, and changes nothing', async () => {
    const page = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const file = join(dir, 'series.json');
    writeFileSync(file, exportJson({ workshop: { id: 'series-x', title: 'Change Dialogue', goal: '', series: { workshops: [{ title: 'Workshop 1', held: true }, { title: 'Workshop 2', held: false }] } } }));
    const made = await askBackground<Reply<{ workshop: { id: string } }>>(page.mainFrame(), { to: 'background', type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en', workshopIndex: 0 });
    if (!made.ok) throw new Error(made.error.code);
    const before = await storeCounts(page);
    for (const [lang, words] of [
      ['en', 'This file is the data of a whole series, not of one workshop'],
      ['fi', 'Tämä tiedosto on koko sarjan tiedot eikä yhden työpajan'],
    ] as const) {
      await askBackground(page.mainFrame(), { to: 'background', type: 'settings/set', lang });
      await reloadDocument(page);
      for (const into of ['', made.value.workshop.id]) {
        await page.waitForFunction((id: string) => [...document.querySelectorAll('option')].some((o) => o.value === id), { timeout: 10_000, polling: 100 }, into);
        await page.select('select', into);
        const input = await page.waitForSelector('input[data-testid="import-file"]');
        await input!.uploadFile(file);
        await waitForText(page, words);
        await page.$eval('input[data-testid="import-file"]', (el) => ((el as HTMLInputElement).value = ''));
        await reloadDocument(page);
      }
    }
    expect(await storeCounts(page)).toEqual(before);
    await askBackground(page.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en' });
    await page.close();
  }, 120_000);

  it(`imports ${N} captures all or nothing, with progress, while the page keeps taking input`, async ({ task }) => {
    // A title of this try's own: a retry (CI) after a first try that got as far as the import found
    // that workshop already there, and failed on "nothing was saved".
    const title = `Big import${task.result?.retryCount ? ` (try ${task.result.retryCount + 1})` : ''}`;
    const file = join(dir, 'big.json');
    writeFileSync(file, bigExport(N, title));
    const page = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    await askBackground(page.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en' });
    await reloadDocument(page);
    const input = await page.waitForSelector('input[data-testid="import-file"]');

    // A background stopped midway: the parts it held are gone, nothing is saved, the page says so.
    await input!.uploadFile(file);
    // Numbers are shown with the locale's group separators ("2,000 / 40,000").
    await page.waitForFunction(() => /Importing: [1-9][\d,\s\u00a0\u202f]* \//.test(document.querySelector('[data-testid="import-progress"]')?.textContent ?? ''), {
      timeout: 30_000,
      polling: 20,
    });
    await stopServiceWorker(extension.ctx);
    await waitForText(page, 'The import was interrupted and nothing was saved.', 60_000);
    expect(await titles(page)).not.toContain(title);

    // Again, through to the end, typing meanwhile (and once before, for this machine's quiet lag).
    // The main thread is watched from before the file is chosen: parsing the file on the page's main
    // thread froze the page 0.4–0.7 s in Chromium, and committing 40,000 captures in one go held
    // Firefox's (the background page shares it) 3–4 s, while the typing, started after, saw neither.
    const quiet = await inputLag(page, 'input[type="search"]', 'quiet typing', 40);
    const watch = await watchMainThread(page);
    await page.evaluate(() => {
      const w = window as unknown as { __largestParse: number };
      w.__largestParse = 0;
      const parse = JSON.parse;
      JSON.parse = ((text: string, reviver?: (key: string, value: unknown) => unknown) => {
        w.__largestParse = Math.max(w.__largestParse, String(text).length);
        return parse(text, reviver);
      }) as typeof JSON.parse;
    });
    await input!.uploadFile(file);
    const t0 = Date.now();
    const typed = 'searching while importing';
    const lags = await inputLag(page, 'input[type="search"]', typed, 40);
    expect(await page.$eval('input[type="search"]', (el) => (el as HTMLInputElement).value)).toBe(`quiet typing${typed}`);
    await page.$eval('input[type="search"]', (el) => ((el as HTMLInputElement).value = ''));
    const seenProgress = await importedSoFar(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="import-result"]') !== null, { timeout: 120_000, polling: 100 });
    const held = await watch.stop();
    const largestParse = await page.evaluate(() => (window as unknown as { __largestParse: number }).__largestParse);
    expect(digits(await page.$eval('[data-testid="import-result"]', (el) => el.textContent ?? ''))).toBe(String(N));
    console.log(
      `[${browserKind}] import of ${N}: ${Date.now() - t0} ms; main thread held at most ${held.longest} ms (${held.beats} beats; long tasks ${JSON.stringify(held.longTasks)}; largest JSON.parse ${largestParse} chars); ` +
        `input lag p95 ${p95(lags).toFixed(1)} ms (quiet ${p95(quiet).toFixed(1)}), max ${Math.max(...lags).toFixed(1)} (${lags.length} keys); progress seen at ${seenProgress}`,
    );
    // Every key arrived and shows. The lag is the bench's to measure against its budget (≤ 100 ms, on
    // a machine of its own): in a CI run beside another browser's lane on 2 cores its p95 reached
    // 338 ms, and here under load 82 ms with no long task at all, so a bound on it in this suite
    // tells the machine's load, not Vuoro's work. So do long tasks (Chromium's reached 128 ms here
    // beside the Firefox lane, against 430–740 ms for the parse on the page's main thread).
    expect(lags).toHaveLength(typed.length);
    // What does not depend on the machine: the page's main thread never runs JSON.parse on the file
    // (12 MB here), only relays the worker's parts (about 0.1 MB each) without parsing them.
    expect(largestParse).toBeLessThan(1_000_000);
    // And no wait of the page's thread nears a second (the watch ran all along): Firefox's one-go
    // commit held it 2.4–4.4 s, as Firefox runs the background page on it; in slices its longest was
    // 0.06–0.3 s. (Chromium's service worker has a thread of its own, not watched here.)
    expect(held.beats).toBeGreaterThan(50);
    expect(held.longest).toBeLessThan(1000);
    expect(await titles(page)).toContain(title);

    // The Data view counts what is stored, the 40,000 captures included, and does it again after
    // every change. Read whole, per workshop, each count held Firefox's options page (the background
    // page's thread) 280–420 ms on a quiet machine; read a page at a time, 1–15 ms. (Chromium's
    // service worker has a thread of its own: 5–8 ms either way.)
    await page.evaluate(() => (location.hash = 'data'));
    await page.waitForFunction((n: string) => document.querySelector('.data-view')?.textContent?.replace(/\D/g, '').includes(n), { timeout: 30_000, polling: 100 }, String(N));
    const counting = await watchMainThread(page);
    for (let i = 0; i < 3; i++) await askBackground(page.mainFrame(), { to: 'background', type: 'data/overview' });
    const countHeld = await counting.stop();
    console.log(`[${browserKind}] Data view with ${N} captures: three counts held the options page at most ${countHeld.longest} ms (${countHeld.beats} beats)`);
    expect(countHeld.beats).toBeGreaterThan(10);
    // Bound where the background shares the page's thread; in Chromium the wait is the machine's.
    if (browserKind === 'firefox') expect(countHeld.longest).toBeLessThan(250);
    await page.close();
  }, 240_000);

  it('reports a database written by a newer Vuoro and leaves it untouched', async () => {
    const page = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    await askBackground(page.mainFrame(), { to: 'background', type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en', workshopIndex: 0 });
    const before = await storeCounts(page);
    expect(before.workshops).toBeGreaterThan(0);
    // A newer Vuoro upgrades the database past this version (the background closes its connection for it).
    await page.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('vuoro', 99);
          open.onupgradeneeded = () => open.result.createObjectStore('futureThings', { keyPath: 'id' });
          open.onsuccess = () => {
            open.result.close();
            done();
          };
          open.onerror = () => fail(open.error);
        }),
    );
    await reloadDocument(page);
    await waitForText(page, 'This data was saved by a newer version of Vuoro.');
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('No workshops found');

    // The panel opens and says the same, instead of disappearing.
    const meeting = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const frame = await panelFrame(meeting);
    await waitForText(frame, 'This data was saved by a newer version of Vuoro.');
    mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
    await meeting.screenshot({ path: join(REPO_ROOT, `test-results/store-newer-${browserKind}.png`) });
    await meeting.close();

    expect(await storeCounts(page)).toEqual({ ...before, version: 99 });
    await page.close();
  });
});

/** The database's version and record counts, read directly from an extension page. */
type Counts = { version: number; workshops: number; captures: number; runs: number; scripts: number };
function storeCounts(page: Page): Promise<Counts> {
  return page.evaluate(
    () =>
      new Promise<Counts>((done) => {
        const open = indexedDB.open('vuoro');
        open.onsuccess = () => {
          const db = open.result;
          const names = ['workshops', 'captures', 'runs', 'scripts'] as const;
          const tx = db.transaction([...names]);
          const counts = names.map((n) => tx.objectStore(n).count());
          tx.oncomplete = () => {
            db.close();
            done({ version: db.version, ...Object.fromEntries(names.map((n, i) => [n, counts[i]!.result])) } as never);
          };
        };
      }),
  );
}
