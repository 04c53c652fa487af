import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, openFixture, optionsPagePath, sharesBrowser, useExtension, type ExtensionHandle } from './harness/e2e';
import { askBackground, waitForText } from './helpers/ui';
import { eventually } from './helpers/live';

// The harness: in Firefox ESR, the describe blocks that launch with the default options share one
// browser per test process, made fresh between blocks (resetBrowser in harness/browsers.ts). A
// block must find it as a fresh launch would be: nothing the last block stored in the extension,
// no board scene a page kept, one empty tab. (Chromium launches per block: see harness/e2e.ts.)

interface Observed {
  databases: string[];
  local: Record<string, unknown>;
  workshops: number;
  tabs: number;
  board: string | null;
}

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
  const list = await askBackground<{ ok: boolean; value?: unknown[] }>(page.mainFrame(), { to: 'background', type: 'workshop/list' });
  await page.close();
  const board = await openFixture(ctx, 'https://excalidraw.com/');
  const scene = await board.evaluate(() => localStorage.getItem('excalidraw'));
  await board.close();
  return { ...read, workshops: list.value?.length ?? -1, tabs, board: scene };
}

let first: Observed | undefined;

describe.runIf(sharesBrowser)('a block on the shared browser', () => {
  const extension = useExtension();

  it('stores a workshop, a setting and a board scene, and opens tabs', async () => {
    first = await observe(extension);
    const page = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const made = await askBackground<{ ok: boolean }>(page.mainFrame(), { to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'en', workshopIndex: 0 });
    expect(made.ok).toBe(true);
    expect((await askBackground<{ ok: boolean }>(page.mainFrame(), { to: 'background', type: 'settings/set', lang: 'fi' })).ok).toBe(true);
    const board = await openFixture(extension.ctx, 'https://excalidraw.com/');
    await board.evaluate(() => localStorage.setItem('excalidraw', '[{"id":"left-behind"}]'));
    await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const after = await observe(extension);
    expect(after.workshops).toBe(first.workshops + 1);
    expect(after.board).toContain('left-behind');
  });
});

describe.runIf(sharesBrowser)('the next block on it', () => {
  const extension = useExtension();

  it('finds it as a fresh launch would be', async () => {
    expect(first).toBeDefined();
    const now = await eventually(() => observe(extension), (o) => o.workshops === first!.workshops, 'the workshops of a fresh browser');
    expect(now).toEqual(first);
    expect(now.tabs, `${browserKind}: one empty tab`).toBe(1);
    expect(now.board).toBeNull();
  });
});
