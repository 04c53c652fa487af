import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, optionsPagePath, reloadDocument, useExtension } from './harness/e2e';
import { freshWorkshop, pagesPerTest, eventually } from './helpers/live';
import { askBackground, clickButton, openTab, sleep, waitForText } from './helpers/ui';

// Personal data the user controls: nothing about people is stored before the workshop starts
// (or the facilitator says so); the options page's Data view shows what is stored per workshop
// and erases one person, a workshop with everything linked to it, or everything; and an erased
// workshop's text is gone from the browser's files on disk once it has closed.

interface Reply<T = unknown> {
  ok: boolean;
  value: T;
}
interface Overview {
  id: string;
  title: string;
  captures: number;
  people: { key?: string; name: string; turns: number; chatLines: number }[];
}

const SHOTS = join(process.cwd(), 'test-results');

async function overview(target: Page | Frame): Promise<Overview[]> {
  return (await askBackground<Reply<Overview[]>>(target as Frame, { to: 'background', type: 'data/overview' })).value;
}

/** A started workshop in which the Zoom fixture's people were recorded, plus a chat line and a capture. */
async function workshopWithPeople(visit: (url: string) => Promise<Page>, marker: string): Promise<{ page: Page; frame: Frame; workshopId: string }> {
  const page = await visit('https://app.zoom.us/wc/123/join');
  const frame = await freshWorkshop(page);
  const active = await askBackground<Reply<{ workshop: { id: string } }>>(frame, { to: 'background', type: 'workshop/active' });
  const workshopId = active.value.workshop.id;
  await clickButton(frame, 'Start');
  await openTab(frame, 'Turns');
  await eventually(
    () => askBackground<Reply<{ name: string }[]>>(frame, { to: 'background', type: 'participants/list', workshopId }),
    (r) => r.value.some((p) => p.name === 'Bo Kim'),
    'people recorded after the start',
  );
  for (const [text, source] of [
    [`Chat line ${marker}`, { type: 'chat', author: 'Bo Kim' }],
    [`Capture text ${marker}`, { type: 'hotkey' }],
  ] as const) {
    expect((await askBackground<Reply>(frame, { to: 'background', type: 'capture/add', workshopId, text, kind: 'idea', source })).ok).toBe(true);
  }
  return { page, frame, workshopId };
}

const profileDir = mkdtempSync(join(tmpdir(), 'vuoro-data-e2e-'));

describe('personal data', () => {
  const extension = useExtension({ userDataDir: profileDir });
  const { visit, track } = pagesPerTest(extension);

  it('stores nobody before the workshop starts, and records once the facilitator says so', async () => {
    const page = await visit('https://app.zoom.us/wc/123/join');
    const frame = await freshWorkshop(page);
    const workshopId = (await askBackground<Reply<{ workshop: { id: string } }>>(frame, { to: 'background', type: 'workshop/active' })).value.workshop.id;
    await openTab(frame, 'Turns');
    await waitForText(frame, 'Bo Kim'); // shown from the page…
    await waitForText(frame, 'Nothing about people is recorded until you start the workshop');
    await new Promise((r) => setTimeout(r, 1_000));
    // …but not stored.
    expect((await askBackground<Reply<unknown[]>>(frame, { to: 'background', type: 'participants/list', workshopId })).value).toEqual([]);
    expect((await askBackground<Reply<unknown[]>>(frame, { to: 'background', type: 'turns/list', workshopId })).value).toEqual([]);
    await clickButton(frame, 'Record from now on');
    await eventually(
      () => askBackground<Reply<{ name: string }[]>>(frame, { to: 'background', type: 'participants/list', workshopId }),
      (r) => r.value.some((p) => p.name === 'Bo Kim'),
      'recorded once allowed',
    );
  });

  it('shows what is stored per workshop, erases one person, then the workshop, in the Data view (screenshots fi and en)', async () => {
    const { page, workshopId } = await workshopWithPeople(visit, 'QXDATAVIEW');
    const options = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#data`));
    options.on('dialog', (dialog) => void dialog.accept());
    await waitForText(options, 'What Vuoro stores');
    await waitForText(options, 'Bo Kim — ');
    mkdirSync(SHOTS, { recursive: true });
    await options.setViewport({ width: 900, height: 900 });
    await options.screenshot({ path: join(SHOTS, `data-view-en-${browserKind}.png`) });

    // Tagged with his organisation and paired in the Series tab, the pair copied into the task.
    for (const patch of [{ tag: { name: 'Bo Kim', organisation: 'City' } }, { groups: [['Bo Kim', 'Cy Diaz']], intermediateTask: 'Reflect.\n\nPairs and groups:\nPair 1: Bo Kim, Cy Diaz' }]) {
      expect((await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'series/update', workshopId, patch })).ok).toBe(true);
    }
    const before = (await overview(options.mainFrame())).find((w) => w.id === workshopId)!;
    expect(before.people.find((p) => p.name === 'Bo Kim')).toMatchObject({ chatLines: 1 });
    await clickButton(options, 'Erase Bo Kim');
    await waitForText(options, 'Erased.', 30_000);
    const after = (await overview(options.mainFrame())).find((w) => w.id === workshopId)!;
    expect(after.people.map((p) => p.name)).not.toContain('Bo Kim');
    const contents = await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'workshop/contents', workshopId });
    expect(JSON.stringify(contents)).not.toContain('Bo Kim');
    expect(JSON.stringify(contents)).toContain('Capture text QXDATAVIEW');
    // …nor does the series (found in a data controller's walk-through: the series summary still
    // paired him with Cy Diaz, and the Series tab still tagged him).
    const series = JSON.stringify(await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'series/contents', workshopId }));
    expect(series).not.toContain('Bo Kim');
    expect(series).toContain('Pair 1: Cy Diaz');
    // The meeting still shows him, hand raised: he is not recorded again (the walk-through found a
    // new hands/site event naming him about 10 s after the erase, and no way left to erase it).
    await waitForText(options, 'not recorded in it again even if the meeting still shows them: 1');
    // Cy Diaz raises a hand too: the panel reports the site's hands again, Bo Kim's among them.
    let raised = false;
    for (const frame of page.frames()) {
      raised ||= await frame.evaluate(() => {
        const item = document.getElementById('participants-list-2');
        item?.setAttribute('aria-label', 'Cy Diaz  computer audio muted video off hand raised');
        return item !== null;
      });
    }
    expect(raised).toBe(true);
    await eventually(
      () => askBackground<Reply<{ state: { queue: { hands: { name: string }[] } } }>>(options.mainFrame(), { to: 'background', type: 'live/get', workshopId }),
      (r) => r.value.state.queue.hands.some((h) => h.name === 'Cy Diaz'),
      'the other hand recorded',
    );
    for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
      const now = await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'workshop/contents', workshopId });
      expect(JSON.stringify(now), 'recorded again after the erase').not.toContain('Bo Kim');
    }
    expect((await overview(options.mainFrame())).find((w) => w.id === workshopId)!.people.map((p) => p.name)).not.toContain('Bo Kim');

    // Someone only the series' record names (tagged in another of its workshops) is listed as the
    // tag is made, and erased from here: the view listed only those with records in the workshop.
    const tag = { tag: { name: 'Ida Series', organisation: 'Firm' } };
    expect((await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'series/update', workshopId, patch: tag })).ok).toBe(true);
    await waitForText(options, 'Ida Series — in the series’ record only');
    await options.screenshot({ path: join(SHOTS, `data-view-series-${browserKind}.png`) });
    await clickButton(options, 'Erase Ida Series');
    await eventually(() => overview(options.mainFrame()), (o) => !o.find((w) => w.id === workshopId)!.people.some((p) => p.name === 'Ida Series'), 'Ida Series erased', 30_000);
    expect(JSON.stringify(await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'series/contents', workshopId }))).not.toContain('Ida Series');

    // In Finnish too.
    await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', lang: 'fi' });
    await reloadDocument(options);
    await waitForText(options, 'Mitä Vuoro tallentaa');
    await options.screenshot({ path: join(SHOTS, `data-view-fi-${browserKind}.png`) });
    await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en' });
    await reloadDocument(options);
    await waitForText(options, 'What Vuoro stores');

    // The list comes after the heading (the view loads it): wait for the workshop's own entry.
    const entry = `[data-testid="data-workshop"][data-workshop="${workshopId}"]`;
    await options.waitForSelector(entry, { timeout: 10_000 });
    await options.$eval(entry, (article) => [...article.querySelectorAll('button')].find((b) => b.textContent === 'Erase this workshop')!.click());
    await eventually(() => overview(options.mainFrame()), (o) => !o.some((w) => w.id === workshopId), 'workshop erased', 30_000);
    expect((await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'workshop/contents', workshopId })).ok).toBe(false);
  });

  it('saving a retention period schedules the hourly erase in the browser’s alarms, and 0 removes it', async () => {
    const options = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#settings`));
    const alarm = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } } }).browser;
        return (await api.alarms.get('vuoro-retention')) ?? null;
      });
    await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', retentionDays: 30 });
    expect(await alarm()).toMatchObject({ periodInMinutes: 60 });
    await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', retentionDays: 0 });
    expect(await alarm()).toBeNull();
  });

  // Found in a data controller's walk-through: a shorter retention period erased at once the
  // workshops it had expired, and the page said only "Saved.". It asks first, naming them, keeps
  // them and the period when the question is declined, and says how many went.
  it('a retention period that would erase workshops now asks first, naming them, and says how many went', async () => {
    const options = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#settings`));
    await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en', retentionDays: 0 });
    const made = await askBackground<Reply<{ workshop: { id: string } }>>(options.mainFrame(), { to: 'background', type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en', workshopIndex: 0 });
    const workshopId = made.value.workshop.id;
    await askBackground(options.mainFrame(), { to: 'background', type: 'workshop/update', workshopId, patch: { title: 'Spring kick-off QXOLD' } });
    // Untouched for 40 days.
    await options.evaluate(
      (id: string) =>
        new Promise<void>((done, failed) => {
          const open = indexedDB.open('vuoro');
          open.onsuccess = () => {
            const tx = open.result.transaction('workshops', 'readwrite');
            const store = tx.objectStore('workshops');
            const get = store.get(id);
            get.onsuccess = () => store.put({ ...get.result, updatedAt: Date.now() - 40 * 24 * 3600 * 1000 });
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
            tx.onerror = () => failed(tx.error);
          };
        }),
      workshopId,
    );
    await reloadDocument(options);
    const questions: string[] = [];
    let answer = false;
    options.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    });
    const setPeriod = async (days: string) => {
      const field = await options.waitForSelector('[data-testid="settings-retention"]');
      await field!.click({ clickCount: 3 });
      await options.keyboard.type(days);
      await options.keyboard.press('Tab');
    };
    const stored = async () => (await askBackground<Reply<{ retentionDays: number }>>(options.mainFrame(), { to: 'background', type: 'settings/get' })).value.retentionDays;
    const exists = async () => (await askBackground<Reply>(options.mainFrame(), { to: 'background', type: 'workshop/contents', workshopId })).ok;

    await setPeriod('30');
    await eventually(async () => questions.length, (n) => n === 1, 'the question');
    expect(questions[0]).toContain('With a retention period of 30 days, 1 workshop untouched for longer will be erased now: “Spring kick-off QXOLD”.');
    // Declined: nothing erased, the period stays, and the field says so.
    await sleep(500);
    expect(await exists()).toBe(true);
    expect(await stored()).toBe(0);
    expect(await options.$eval('[data-testid="settings-retention"]', (f) => (f as HTMLInputElement).value)).toBe('0');

    answer = true;
    await setPeriod('30');
    // The erase and its scrub take seconds, said meanwhile as the Data view says it.
    await waitForText(options, 'Erasing…');
    await waitForText(options, 'Saved. 1 workshop untouched for longer than the period erased.', 30_000);
    expect(await exists()).toBe(false);
    expect(await stored()).toBe(30);
    // A period that erases nothing asks nothing.
    await setPeriod('0');
    await waitForText(options, 'Saved.');
    expect(questions).toHaveLength(2);
  });

  it('marks a workshop that was shared live, and its erase questions say the others’ copies are theirs to erase', async () => {
    const { workshopId } = await workshopWithPeople(visit, 'QXSHARED');
    const options = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#data`));
    const questions: string[] = [];
    options.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    // A signaller nobody listens on: the room is opened for the workshop, which is what counts.
    const ask = (message: Record<string, unknown>) => askBackground<Reply>(options.mainFrame(), { to: 'background', ...message });
    expect((await ask({ type: 'sync/configure', config: { signalUrl: 'ws://127.0.0.1:9', iceServers: [] } })).ok).toBe(true);
    expect((await ask({ type: 'sync/share', workshopId })).ok).toBe(true);
    // Still marked after the room is left and sharing is turned off.
    await ask({ type: 'sync/leave' });
    await ask({ type: 'sync/configure', config: null });
    await reloadDocument(options);
    const entry = `[data-testid="data-workshop"][data-workshop="${workshopId}"]`;
    await options.waitForSelector(`${entry} [data-testid="data-shared"]`, { timeout: 10_000 });
    expect(await options.$eval(`${entry} [data-testid="data-shared"]`, (p) => p.textContent)).toContain('Shared live');
    expect(await options.$$eval('[data-testid="data-shared"]', (all) => all.length)).toBe(1);
    await options.$eval(entry, (article) => article.scrollIntoView());
    await options.screenshot({ path: join(SHOTS, `data-view-shared-${browserKind}.png`) });
    await options.$eval(entry, (article) => [...article.querySelectorAll('button')].find((b) => b.textContent === 'Erase Bo Kim')!.click());
    await eventually(async () => questions, (q) => q.length === 1, 'the erase question');
    expect(questions[0]).toContain('this erases it on this device only');
    // Dismissed: nothing was erased.
    expect((await overview(options.mainFrame())).find((w) => w.id === workshopId)!.people.map((p) => p.name)).toContain('Bo Kim');
  });

  it('after Erase everything with a meeting open, nothing is made again: the panel offers to start, and no workshop or prompt log is stored', async () => {
    const page = await visit('https://app.zoom.us/wc/123/join');
    const frame = await freshWorkshop(page);
    await openTab(frame, 'Prompts');
    const options = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#data`));
    options.on('dialog', (dialog) => void dialog.accept());
    await waitForText(options, 'What Vuoro stores');
    await clickButton(options, 'Erase everything');
    await waitForText(options, 'Erased.', 30_000);
    // The walk-through's panel showed "Workshop 1 … Phase 1/10" again at once: the first-run
    // default workshop was made anew, and a prompt card shown in it was logged.
    await waitForText(frame, 'Choose what to run', 15_000);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await overview(options.mainFrame())).toEqual([]);
    expect((await askBackground<Reply<unknown[]>>(options.mainFrame(), { to: 'background', type: 'workshop/list' })).value).toEqual([]);
    await reloadDocument(options);
    await waitForText(options, 'Nothing stored.');
  });

  it('marking a co-facilitator F in the Turns tab keeps you a facilitator (Ann Lee became "not heard yet")', async () => {
    const page = await visit('https://app.zoom.us/wc/123/join');
    const frame = await freshWorkshop(page);
    await clickButton(frame, 'Start');
    await openTab(frame, 'Turns');
    const pressed = (name: string) => frame.$eval(`button[aria-label="${name} is a facilitator"]`, (b) => b.getAttribute('aria-pressed')).catch(() => null);
    await eventually(() => pressed('Ann Lee'), (p) => p === 'true', 'you count as the facilitator');
    await frame.$eval('button[aria-label="Bo Kim is a facilitator"]', (b) => (b as HTMLButtonElement).click());
    await eventually(() => pressed('Bo Kim'), (p) => p === 'true', 'Bo Kim marked');
    expect(await pressed('Ann Lee')).toBe('true');
    const rows = await frame.$$eval('[data-testid="people"] li button.person-name', (all) => all.map((b) => b.textContent ?? ''));
    expect(rows.find((r) => r.startsWith('Ann Lee'))).toContain('Ann Lee · facilitator');
  });

  it('after erasing a workshop and closing the browser, its text and names are not in the profile’s files', async () => {
    // Start clean (the earlier tests recorded the same people), then a workshop to erase.
    const options0 = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#data`));
    expect((await askBackground<Reply>(options0.mainFrame(), { to: 'background', type: 'data/erase-all' })).ok).toBe(true);
    const { workshopId, frame } = await workshopWithPeople(visit, 'QXONDISK');
    expect((await askBackground<Reply>(frame, { to: 'background', type: 'workshop/delete', workshopId })).ok).toBe(true);
    // A workshop that stays, with no people in it: its capture must still be found on disk.
    const keep = await freshWorkshop(await visit('https://excalidraw.com/'));
    const keepId = (await askBackground<Reply<{ workshop: { id: string } }>>(keep, { to: 'background', type: 'workshop/active' })).value.workshop.id;
    await askBackground(keep, { to: 'background', type: 'capture/add', workshopId: keepId, text: 'Kept capture QXKEEPME', kind: 'idea', source: { type: 'hotkey' } });
    await extension.ctx.close(); // a normal close: the browser flushes what it keeps
    // The extension's IndexedDB files: Chromium's LevelDB under Default/IndexedDB, Firefox's SQLite under storage/.
    const store = browserKind === 'chromium' ? join(profileDir, 'Default', 'IndexedDB') : join(profileDir, 'storage');
    const hits = (needle: string) => {
      try {
        return execFileSync('grep', ['-rla', needle, store], { encoding: 'utf8' }).trim();
      } catch {
        return '';
      }
    };
    try {
      expect(hits('QXKEEPME'), 'the check can see a capture that was not erased').not.toBe('');
      expect(hits('QXONDISK'), 'capture text on disk').toBe('');
      expect(hits('Bo Kim'), 'a participant name on disk').toBe('');
      expect(hits('QXDATAVIEW'), 'an erased workshop of an earlier test on disk').toBe('');
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  }, 90_000);
});
