import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { extensionPage, optionsPagePath, useExtension } from './harness/e2e';
import { eventually } from './helpers/live';
import { askBackground, clickButton, waitForText } from './helpers/ui';

// The options page's workshop library as a facilitator uses it: exporting a workshop and importing the
// file back as a new workshop copies it (the original keeps every capture, byte for byte), and importing
// the same file twice makes one copy.

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string } };
const ask = async <T>(page: Page, message: Record<string, unknown>): Promise<T> => {
  const reply = await askBackground<Reply<T>>(page.mainFrame(), { to: 'background', ...message });
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
});
