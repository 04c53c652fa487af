import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, openFixture, optionsPagePath, sharesBrowser, useExtension, type ExtensionHandle } from './harness/e2e';
import { askBackground, waitForText } from './helpers/ui';
import type { Reply } from '../../src/messages/reply';

// The harness: in Firefox ESR, the describe blocks that launch with the default options share one
// browser per test process, made fresh between blocks (resetBrowser in harness/browsers.ts). A
// block must find it as a fresh launch would be: nothing the last block stored in the extension,
// no board scene a page kept, one empty tab. (Chromium launches per block: see harness/e2e.ts.)

// The first-run workshop is made when the background first starts, so a count of workshops read at
// once is not steady (a clean-clone run read 0 and then 1): what the last block made is found by id.
interface Observed {
  databases: string[];
  local: Record<string, unknown>;
  workshopIds: string[];
  lang: unknown;
  tabs: number;
  /** A key no page writes: the real Excalidraw saves its own scene under 'excalidraw' while it runs. */
  board: string | null;
}

const BOARD_KEY = 'vuoro-e2e-left-behind';

async function observe(extension: ExtensionHandle): Promise<Observed> {
  const { ctx } = extension;
  // Tabs that answer: Firefox's driver keeps listing extension pages closed long ago.
  const answers = await Promise.all((await ctx.browser.pages()).map((p) => p.evaluate(() => true).catch(() => false)));
  const tabs = answers.filter(Boolean).length;
  const page = await extensionPage(ctx, optionsPagePath(ctx));
  await waitForText(page, 'Vuoro');
  const read = await page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).browser;
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    return { databases, local: await api.storage.local.get(null) };
  });
  const list = await askBackground<Reply<{ id: string }[]>>(page.mainFrame(), { to: 'background', type: 'workshop/list' });
  const settings = await askBackground<Reply<{ lang: unknown }>>(page.mainFrame(), { to: 'background', type: 'settings/get' });
  await page.close();
  const board = await openFixture(ctx, 'https://excalidraw.com/');
  const scene = await board.evaluate((key) => localStorage.getItem(key), BOARD_KEY);
  await board.close();
  return { ...read, workshopIds: list.ok ? list.value.map((w) => w.id) : [], lang: settings.ok ? settings.value.lang : 'unread', tabs, board: scene };
}

let made: string | undefined;

describe.runIf(sharesBrowser)('a block on the shared browser', () => {
  const extension = useExtension();

  it('stores a workshop, a setting and a board scene, and opens tabs', async () => {
    const page = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const created = await askBackground<Reply<{ workshop: { id: string } }>>(page.mainFrame(), { to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'en', workshopIndex: 0 });
    expect(created.ok).toBe(true);
    made = created.ok ? created.value.workshop.id : undefined;
    expect((await askBackground<Reply<unknown>>(page.mainFrame(), { to: 'background', type: 'settings/set', lang: 'fi' })).ok).toBe(true);
    const board = await openFixture(extension.ctx, 'https://excalidraw.com/');
    await board.evaluate((key) => localStorage.setItem(key, 'left behind'), BOARD_KEY);
    await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const after = await observe(extension);
    expect(after.workshopIds).toContain(made);
    expect(after.lang).toBe('fi');
    expect(after.board).toBe('left behind');
    expect(after.tabs).toBeGreaterThan(1);
  });
});

describe.runIf(sharesBrowser)('the next block on it', () => {
  const extension = useExtension();

  it('finds it as a fresh launch would be', async () => {
    expect(made).toBeDefined();
    const now = await observe(extension);
    expect(now.workshopIds).not.toContain(made);
    expect(now.lang).toBeNull();
    expect(now.local).toEqual({});
    expect(now.tabs, `${browserKind}: one empty tab`).toBe(1);
    expect(now.board).toBeNull();
    expect(now.databases).toEqual(['vuoro']);
  });
});
