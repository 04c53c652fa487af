import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { instantiateTemplate } from '../../src/script/templates';
import { createRun } from '../../src/script/timing';
import { browserKind, extensionPage, optionsPagePath, panelFrame, reloadDocument, useExtension } from './harness/e2e';
import { eventually, pagesPerTest } from './helpers/live';
import { askBackground, clickButton, textOf, typeInto, waitForText } from './helpers/ui';

// The options page's workshop library as a facilitator uses it: exporting a workshop and importing the
// file back as a new workshop copies it (the original keeps every capture, byte for byte), and importing
// the same file twice makes one copy.

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string } };
const ask = async <T>(page: Page | Frame, message: Record<string, unknown>): Promise<T> => {
  const reply = await askBackground<Reply<T>>('mainFrame' in page ? page.mainFrame() : page, { to: 'background', ...message });
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.error.code}`);
  return reply.value;
};

/** Keeps what the page hands to the download UI (the blob where it is made, the name at the click), instead of saving a file. */
async function catchDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __downloads: { name: string; blob: Blob }[] };
    w.__downloads = [];
    let last: Blob | undefined;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) last = blob;
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (last) w.__downloads.push({ name: this.download, blob: last });
    };
  });
}

const lastDownload = (page: Page) =>
  eventually(
    () =>
      page.evaluate(async () => {
        const file = (window as unknown as { __downloads: { name: string; blob: Blob }[] }).__downloads.at(-1);
        return { name: file?.name ?? '', text: (await file?.blob.text()) ?? '' };
      }),
    (file) => file.text.length > 0,
    'a download',
  );

/** Sets a date input as a person picking a day does: the value, then the change event. */
const pickDate = (target: Page | Frame, selector: string, iso: string) =>
  target.$eval(
    selector,
    (input, value) => {
      (input as HTMLInputElement).value = value as string;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    iso,
  );

const shot = async (target: Page, name: string) => {
  if (process.env.VUORO_SCREENSHOTS) await target.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/${name}.png`, fullPage: true });
};

describe('workshop library', () => {
  const extension = useExtension();

  it('import as a new workshop copies: the original keeps its 13 captures unchanged, a second import adds nothing', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    const { workshop } = await ask<{ workshop: { id: string; title: string } }>(page, {
      type: 'workshop/from-template',
      templateId: 'virtual-meeting-50',
      lang: 'en',
      workshopIndex: 0,
    });
    await ask(page, {
      type: 'capture/add-many',
      workshopId: workshop.id,
      items: Array.from({ length: 13 }, (_, i) => ({ text: `Idea ${i + 1}`, kind: 'idea' })),
      source: { type: 'paste' },
    });
    const stored = () => ask<{ id: string; workshopId: string }[]>(page, { type: 'capture/list', workshopId: workshop.id });
    const before = JSON.stringify(await stored());
    expect(await stored()).toHaveLength(13);
    const workshopCount = async () => (await ask<unknown[]>(page, { type: 'workshop/list' })).length;
    const workshopsBefore = await workshopCount();

    // Export it as the user does: Export… on its row, then the JSON file.
    await catchDownloads(page);
    await page.$eval(`[data-workshop="${workshop.id}"] .row-actions button`, (b) => (b as HTMLButtonElement).click());
    await clickButton(page, 'JSON (re-importable)');
    const file = join(mkdtempSync(join(tmpdir(), 'vuoro-library-')), 'workshop.json');
    writeFileSync(file, (await lastDownload(page)).text);

    // Import it as a new workshop.
    await page.select('select', '');
    const input = await page.$('input[data-testid="import-file"]');
    await input!.uploadFile(file);
    await waitForText(page, 'Imported as a new workshop with 13 captures.');
    expect(await workshopCount()).toBe(workshopsBefore + 1);
    expect(await stored()).toHaveLength(13);
    expect(JSON.stringify(await stored())).toBe(before);
    // The copy: the same 13 texts under ids of its own.
    const originalIds = new Set((JSON.parse(before) as { id: string }[]).map((c) => c.id));
    const others = (await ask<{ id: string }[]>(page, { type: 'workshop/list' })).filter((w) => w.id !== workshop.id);
    const lists = await Promise.all(others.map((w) => ask<{ id: string; text: string }[]>(page, { type: 'capture/list', workshopId: w.id })));
    const copies = lists.filter((l) => l.length === 13);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.filter((c) => originalIds.has(c.id))).toEqual([]);
    expect(copies[0]!.map((c) => c.text).sort()).toEqual(Array.from({ length: 13 }, (_, i) => `Idea ${i + 1}`).sort());
    // The copy has a name of its own, so the import's "into …" choice tells the two apart.
    await page.waitForFunction((title: string) => [...document.querySelectorAll('select option')].some((o) => o.textContent?.includes(`${title} (imported)`)), { timeout: 10_000, polling: 100 }, workshop.title);

    // The same file again: nothing new.
    await input!.uploadFile(file);
    await waitForText(page, 'This file was imported before');
    expect(await workshopCount()).toBe(workshopsBefore + 1);
    expect(JSON.stringify(await stored())).toBe(before);
    await page.close();
  });

  // A broken workshop file said only "The file is not JSON.", where a script file said the line.
  it('says on which line a broken workshop file goes wrong, and that an empty one is empty', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    const dir = mkdtempSync(join(tmpdir(), 'vuoro-library-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "format": "vuoro-workshop"\n  "schemaVersion": 1\n}');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '\n');
    const input = await page.$('input[data-testid="import-file"]');
    await input!.uploadFile(broken);
    await waitForText(page, 'The file is not valid JSON: it goes wrong on line 3, at character 3.');
    await input!.uploadFile(empty);
    await waitForText(page, 'The file is empty.');
    await page.close();
  });

  const { visit, track } = pagesPerTest(extension);

  // Issue 12.17 and 12.18: the English panel starts the Finnish series, and its workshop 2 joins
  // workshop 1's series on the one stored copy of the template; the recent list tells the workshops
  // apart by series place and date and marks the one in the panel.
  it('starts a template in the other language; starting again adds no script copy; recent workshops show place, date and the current one', async () => {
    const page = await visit('https://app.zoom.us/wc/123/join');
    const frame = await panelFrame(page);
    await frame.waitForSelector('[role="tab"]');
    const builtInCopies = async () => (await ask<{ id: string }[]>(frame, { type: 'script/list' })).filter((s) => s.id.startsWith('tpl-change-dialogue-series-fi')).length;
    const scriptCount = async () => (await ask<unknown[]>(frame, { type: 'script/list' })).length;
    const before = await scriptCount();

    const startFinnish = async (workshop: number) => {
      await clickButton(frame, 'Change workshop');
      await frame.waitForSelector('li[data-template="change-dialogue-series"] input[type="radio"]');
      await frame.$$eval('li[data-template="change-dialogue-series"] input[type="radio"]', (radios) => (radios[0] as HTMLInputElement).click());
      await frame.waitForFunction(
        (n: number) => document.querySelectorAll('li[data-template="change-dialogue-series"] button')[n]?.textContent?.includes('Työpaja'),
        { polling: 100, timeout: 5_000 },
        workshop,
      );
      await frame.$$eval('li[data-template="change-dialogue-series"] button', (buttons, n) => (buttons[n as number] as HTMLButtonElement).click(), workshop);
      return eventually(() => ask<{ workshop: { lang: string; scriptId: string; workshopIndex: number } }>(frame, { type: 'workshop/active' }), (a) => a.workshop.workshopIndex === workshop && a.workshop.lang === 'fi', 'Finnish workshop active');
    };
    const first = await startFinnish(0);
    await waitForText(frame, 'Phase 1/');
    const second = await startFinnish(1);
    expect(second.workshop.scriptId).toBe(first.workshop.scriptId);
    expect(await builtInCopies()).toBe(1);
    expect(await scriptCount()).toBeLessThanOrEqual(before + 1);

    await clickButton(frame, 'Change workshop');
    await frame.waitForSelector('[data-testid="recent"] li');
    const rows = await frame.$$eval('[data-testid="recent"] li', (lis) => lis.map((li) => ({ text: (li as HTMLElement).innerText, current: li.getAttribute('aria-current') === 'true' })));
    expect(rows[0]!.current).toBe(true);
    expect(rows[0]!.text).toMatch(/in the panel/);
    expect(rows[0]!.text).toMatch(/Muutosvuoropuhelu.*, workshop 2\/3 · \d{1,2}\/\d{1,2}\/\d{4}/s);
    expect(rows[1]!.text).toMatch(/, workshop 1\/3 · /);
    expect(rows.filter((r) => r.current)).toHaveLength(1);

    // The workshop in the panel is renamed and given its day right here.
    const current = '[data-testid="recent"] li[aria-current="true"]';
    await frame.$$eval(`${current} button`, (buttons) => (buttons.find((b) => b.textContent === 'Rename') as HTMLButtonElement).click());
    await typeInto(frame, `${current} form.rename input`, 'Työpaja 2 – Kuopio');
    await frame.$eval(`${current} form.rename`, (f) => (f as HTMLFormElement).requestSubmit());
    await frame.$$eval(`${current} button`, (buttons) => (buttons.find((b) => b.textContent === 'Change date') as HTMLButtonElement).click());
    await pickDate(frame, `${current} input[type="date"]`, '2026-12-03');
    await eventually(() => ask<{ workshop: { title: string; date?: string } }>(frame, { type: 'workshop/active' }), (a) => a.workshop.title === 'Työpaja 2 – Kuopio' && a.workshop.date === '2026-12-03', 'renamed and dated');
    await frame.$$eval(`${current} button`, (buttons) => (buttons.find((b) => b.textContent === 'Change date') as HTMLButtonElement).click());
    await eventually(() => frame.$eval(current, (li) => (li as HTMLElement).innerText), (text) => /Työpaja 2 – Kuopio[\s\S]*03\/12\/2026/.test(text), 'the row renamed and dated');
    await shot(page, `panel-start-en-${browserKind}`);
    await ask(frame, { type: 'settings/set', lang: 'fi' });
    await waitForText(frame, 'Viimeisimmät työpajat');
    await waitForText(frame, '3.12.2026');
    await shot(page, `panel-start-fi-${browserKind}`);
    await ask(frame, { type: 'settings/set', lang: 'en' });
  });

  // Issue 12.18: each workshop in the library shows its name, date, place in its series and the one
  // in the panel; two alike are told apart; renaming and the date reach the export and its file name.
  it('lists name, date, series place and the current workshop; renames and dates one, and the export carries both', async () => {
    const page = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`));
    await waitForText(page, 'Workshops on this device');
    const start = () => ask<{ workshop: { id: string } }>(page, { type: 'workshop/from-template', templateId: 'change-dialogue-series', lang: 'fi', workshopIndex: 0 });
    const first = (await start()).workshop.id;
    const twin = (await start()).workshop.id; // the same title on the same day, now in the panel
    const row = (id: string) => `[data-workshop="${id}"]`;
    const rowText = (id: string) => page.$eval(row(id), (li) => (li as HTMLElement).innerText);
    await page.waitForSelector(`${row(twin)}[aria-current="true"]`);
    expect(await rowText(twin)).toMatch(/in the panel/);
    expect(await page.$(`${row(first)}[aria-current="true"]`)).toBeNull();
    for (const id of [first, twin]) expect(await rowText(id)).toMatch(/made \d{1,2}:\d{2}[\s\S]*\d{2}\/\d{2}\/\d{4} · Workshop 1 of 3 · Series: Muutosvuoropuhelu/);

    const action = (id: string, name: string) =>
      page.$$eval(`${row(id)} .row-actions button`, (buttons, n) => (buttons.find((b) => b.textContent === n) as HTMLButtonElement).click(), name);
    await action(first, 'Rename');
    await typeInto(page, `${row(first)} form.rename input`, 'Kevään työpaja');
    await page.$eval(`${row(first)} form.rename`, (f) => (f as HTMLFormElement).requestSubmit());
    // Straight on to the date, as a quick hand would: the rename's late reply must not close the date field.
    await action(first, 'Change date');
    await pickDate(page, `${row(first)} input[type="date"]`, '2026-12-03');
    const stored = await eventually(
      () => ask<{ id: string; title: string; date?: string }[]>(page, { type: 'workshop/list' }),
      (l) => l.some((w) => w.id === first && w.title === 'Kevään työpaja' && w.date === '2026-12-03'),
      'renamed and dated',
    );
    expect(stored.find((w) => w.id === twin)!.title).not.toBe('Kevään työpaja');
    await page.waitForFunction((s: string) => (document.querySelector(s) as HTMLElement).innerText.includes('Kevään työpaja'), { polling: 100 }, row(first));
    await action(first, 'Change date'); // closes the date field: the day reads as text
    await page.waitForFunction((s: string) => (document.querySelector(s) as HTMLElement).innerText.includes('03/12/2026 · Workshop 1 of 3'), { polling: 100 }, row(first));
    // Renamed, it no longer reads like its twin, so no time it was made is needed to tell them apart.
    expect(await rowText(first)).not.toMatch(/made \d/);

    // The export is titled and named by the new name, Finnish letters kept, and dated by the new day.
    await catchDownloads(page);
    await action(first, 'Export…');
    await page.$eval(`${row(first)} .export-buttons button[data-format="md"]`, (b) => (b as HTMLButtonElement).click());
    const md = await lastDownload(page);
    expect(md.name).toBe('Kevään työpaja.md');
    expect(md.text).toContain('# Kevään työpaja\n');
    expect(md.text).toContain('3.12.2026');
    await action(first, 'Export…');

    await shot(page, `library-en-${browserKind}`);
    await ask(page, { type: 'settings/set', lang: 'fi' });
    await reloadDocument(page);
    await waitForText(page, 'Työpaja 1/3 · Sarja: Muutosvuoropuhelu');
    await waitForText(page, '3.12.2026');
    await shot(page, `library-fi-${browserKind}`);
    await ask(page, { type: 'settings/set', lang: 'en' });
  });

  // Issue 12.18: "a template is copied only when edited": the Scripts tab opens a template in the
  // editor and stores nothing until Save, and does not list the stored built-in templates as the user's.
  // A second options tab stayed in the language it opened in after a change in the first one's
  // Settings (found in a newcomer's walk-through); it follows now, without a reload.
  it('a second options tab follows a language change made in Settings', async () => {
    const library = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(library, 'Workshops on this device');
    await askBackground(library.mainFrame(), { to: 'background', type: 'settings/set', lang: 'fi' });
    await waitForText(library, 'Työpajat tällä laitteella');
    await askBackground(library.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en' });
    await waitForText(library, 'Workshops on this device');
    await library.close();
  });

  it('opens a template in the script editor without storing a copy', async () => {
    const page = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#scripts`));
    await waitForText(page, 'Your scripts');
    const before = (await ask<{ id: string }[]>(page, { type: 'script/list' })).map((s) => s.id);
    expect(before.some((id) => id.startsWith('tpl-'))).toBe(true); // stored by the tests above
    expect(await textOf(page, '[data-testid="scripts"]')).not.toContain('Muutosvuoropuhelu');
    await clickButton(page, 'Edit a copy in Finnish');
    await waitForText(page, 'Edit script');
    expect(await page.$eval('input', (i) => (i as HTMLInputElement).value)).toContain('Muutosvuoropuhelu');
    await clickButton(page, 'Back to the list');
    await waitForText(page, 'Your scripts');
    expect((await ask<{ id: string }[]>(page, { type: 'script/list' })).map((s) => s.id)).toEqual(before);
  });

  // Issue 12.18: the v5 migration in the real browser. The database is replaced by one as schema v4
  // wrote it, holding the template copies every "Start from this template" used to store; the
  // background's next request upgrades it. Last in the file: it replaces the profile's data.
  it('upgrades a v4 database: unused template copies go, a workshop moves onto the one stored template, an edited copy stays', async () => {
    const page = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`));
    await waitForText(page, 'Workshops on this device');
    const copy = (id: string) => ({ id, createdAt: 1, updatedAt: 1, script: { ...instantiateTemplate('virtual-meeting-50', 'en'), id } });
    const used = copy('copy-used');
    const edited = copy('copy-edited');
    edited.script.title = 'Our weekly meeting';
    const createdAt = Date.UTC(2026, 10, 20, 10);
    const workshop = { id: 'w-old', title: 'Virtual meeting', goal: '', lang: 'en', scriptId: used.id, workshopIndex: 0, createdAt, updatedAt: createdAt, includeParticipants: false, includeStats: false };
    const records = {
      scripts: [used, copy('copy-unused-1'), copy('copy-unused-2'), edited],
      workshops: [workshop],
      runs: [{ id: workshop.id, workshopId: workshop.id, updatedAt: createdAt, run: createRun(used.script, 0, workshop.id) }],
      settings: [{ key: 'activeWorkshopId', value: workshop.id }, { key: 'seeded', value: true }],
    };
    await page.evaluate(async (data: Record<string, unknown[]>) => {
      const done = (r: IDBRequest | IDBOpenDBRequest) => new Promise((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
      // The background closes its connection when asked (db.ts blocking), but the open options page
      // may make it reopen the database (at v5) between the delete and our open: then start again.
      const openV4 = async (): Promise<IDBDatabase> => {
        await done(indexedDB.deleteDatabase('vuoro'));
        const open = indexedDB.open('vuoro', 4);
        open.onupgradeneeded = () => {
          const db = open.result;
          const store = (name: string, keyPath: string | string[], indexes: [string, string | string[]][] = []) => {
            const s = db.createObjectStore(name, { keyPath });
            for (const [index, path] of indexes) s.createIndex(index, path);
          };
          store('workshops', 'id', [['byUpdated', 'updatedAt']]);
          store('scripts', 'id', [['byUpdated', 'updatedAt']]);
          store('runs', 'id', [['byWorkshop', 'workshopId']]);
          store('captures', 'id', [['byWorkshop', 'workshopId'], ['byWorkshopCreated', ['workshopId', 'createdAt']]]);
          store('settings', 'key');
          store('participants', ['workshopId', 'key'], [['byWorkshop', 'workshopId']]);
          store('speakingTurns', 'id', [['byWorkshop', 'workshopId']]);
          store('promptLog', 'id', [['byWorkshop', 'workshopId']]);
          store('series', 'id');
          store('liveStates', 'workshopId');
          store('liveEvents', ['workshopId', 'seq'], [['byWorkshop', 'workshopId']]);
        };
        return (await done(open)) as IDBDatabase;
      };
      let db: IDBDatabase | undefined;
      for (let attempt = 0; !db; attempt++) {
        try {
          db = await openV4();
        } catch (error) {
          if (attempt >= 20 || (error as DOMException).name !== 'VersionError') throw error;
        }
      }
      const tx = db.transaction(Object.keys(data), 'readwrite');
      for (const [name, rows] of Object.entries(data)) for (const row of rows) tx.objectStore(name).put(row);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    }, records);

    const scripts = await eventually(() => ask<{ id: string }[]>(page, { type: 'script/list' }), (l) => !l.some((s) => s.id === 'copy-used'), 'migrated');
    expect(scripts.map((s) => s.id).sort()).toEqual(['copy-edited', 'tpl-virtual-meeting-50-en']);
    const [moved] = await ask<{ id: string; scriptId: string; date?: string }[]>(page, { type: 'workshop/list' });
    expect(moved).toMatchObject({ id: 'w-old', scriptId: 'tpl-virtual-meeting-50-en', date: expect.stringMatching(/^2026-11-2[01]$/) });
    const active = await ask<{ script: { id: string }; run: { phases: { id: string }[] } }>(page, { type: 'workshop/active' });
    expect(active.script.id).toBe('tpl-virtual-meeting-50-en');
    expect(active.run.phases.map((p) => p.id)).toEqual(used.script.workshops[0]!.phases.map((p) => p.id));
    // Starting the template again reuses the stored one: still two scripts.
    await ask(page, { type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'en', workshopIndex: 0 });
    expect(await ask<unknown[]>(page, { type: 'script/list' })).toHaveLength(2);
  });
});

// Its own browser: a workshop held next week would head the other tests' recent lists.
describe('a workshop made ahead', () => {
  const extension = useExtension();

  // Workshop 2 made a week ahead kept the day it was made in the Library and the summary.
  it('a workshop made ahead takes the day it is first started, shown at once in the Library', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    const { workshop } = await ask<{ workshop: { id: string; date: string } }>(page, { type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en', workshopIndex: 0 });
    const row = `[data-workshop="${workshop.id}"] [data-testid="workshop-meta"]`;
    await page.waitForSelector(row);
    const before = await textOf(page, row);
    const heldAt = Date.now() + 8 * 86_400_000;
    await ask(page, { type: 'run/event', workshopId: workshop.id, event: { type: 'start', at: heldAt }, expectedCount: 0 });
    const heldDay = await page.evaluate((at: number) => {
      const d = new Date(at);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }, heldAt);
    const listed = await ask<{ id: string; date: string }[]>(page, { type: 'workshop/list' });
    expect(listed.find((w) => w.id === workshop.id)?.date).toBe(heldDay);
    await page.waitForFunction((selector: string, was: string) => document.querySelector(selector)?.textContent !== was, { timeout: 10_000, polling: 100 }, row, before);
    await page.close();
  });
});
