import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { extensionPage, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { eventually, pagesPerTest } from './helpers/live';
import { askBackground, clickButton, typeInto, waitForText } from './helpers/ui';

// The options page's workshop library as a facilitator uses it: exporting a workshop and importing the
// file back as a new workshop copies it (the original keeps every capture, byte for byte), and importing
// the same file twice makes one copy.

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string } };
const ask = async <T>(page: Page | Frame, message: Record<string, unknown>): Promise<T> => {
  const reply = await askBackground<Reply<T>>('mainFrame' in page ? page.mainFrame() : page, { to: 'background', ...message });
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.error.code}`);
  return reply.value;
};

/** Keeps what the page hands to the download UI, instead of saving a file. */
async function catchDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __downloads: Blob[] };
    w.__downloads = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) w.__downloads.push(blob);
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = function () {};
  });
}

const lastDownload = (page: Page) =>
  eventually(
    () => page.evaluate(async () => (window as unknown as { __downloads: Blob[] }).__downloads.at(-1)?.text() ?? ''),
    (text) => text.length > 0,
    'a download',
  );

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
    writeFileSync(file, await lastDownload(page));

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

    // The same file again: nothing new.
    await input!.uploadFile(file);
    await waitForText(page, 'This file was imported before');
    expect(await workshopCount()).toBe(workshopsBefore + 1);
    expect(JSON.stringify(await stored())).toBe(before);
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
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/panel-start.png` });
  });

  it('renames a workshop in the library', async () => {
    const page = track(await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`));
    await waitForText(page, 'Workshops on this device');
    const { workshop } = await ask<{ workshop: { id: string } }>(page, { type: 'workshop/from-template', templateId: 'open-process-close', lang: 'fi', workshopIndex: 0 });
    await page.waitForSelector(`[data-workshop="${workshop.id}"]`);
    await page.$$eval(`[data-workshop="${workshop.id}"] .row-actions button`, (buttons) => (buttons.find((b) => b.textContent === 'Rename') as HTMLButtonElement).click());
    await typeInto(page, `[data-workshop="${workshop.id}"] form.rename input`, 'Kevään työpaja');
    await page.$eval(`[data-workshop="${workshop.id}"] form.rename`, (f) => (f as HTMLFormElement).requestSubmit());
    const renamed = await eventually(() => ask<{ id: string; title: string }[]>(page, { type: 'workshop/list' }), (l) => l.some((w) => w.id === workshop.id && w.title === 'Kevään työpaja'), 'renamed');
    expect(renamed.find((w) => w.id === workshop.id)!.title).toBe('Kevään työpaja');
    await waitForText(page, 'Kevään työpaja');
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/library.png`, fullPage: true });
  });
});
