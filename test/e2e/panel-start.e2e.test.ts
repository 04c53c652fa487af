import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelStartChunks } from '../../scripts/panel-start-size.mjs';
import { COMPILE_HINT, CONTENT_SITES, contentScriptFile } from '../../scripts/vite-content-scripts';
import { defaultDistDir } from './harness/browsers';
import { browserKind, extensionPage, openFixture, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { askBackground, waitForText } from './helpers/ui';
import { eventually } from './helpers/live';
import type { Reply } from '../../src/messages/reply';

// Issue 12: the panel draws the last known workshop at once (the background hands it over with
// the port's admission, src/messages/lastActive.ts) and fills in when the background answers.
// That every erase forgets it is tested in test/unit/privacy/erase.test.ts.
// To see the two apart, an extension page holds a write transaction on the workshops store, so
// the background's answer waits until it lets go; the frame and the admission need no workshop.

type HeldWindow = Window & { __release?: boolean };

async function holdWorkshopsStore(ctx: Parameters<typeof extensionPage>[0]) {
  const holder = await extensionPage(ctx, optionsPagePath(ctx));
  await holder.evaluate(
    () =>
      new Promise<void>((held, failed) => {
        const open = indexedDB.open('vuoro');
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('workshops', 'readwrite');
          const store = tx.objectStore('workshops');
          // A request after each answer keeps the transaction open until the test lets go.
          const keep = () => {
            if (!(window as HeldWindow).__release) store.get('none').onsuccess = keep;
          };
          keep();
          held();
        };
      }),
  );
  return {
    release: () => holder.evaluate(() => void ((window as HeldWindow).__release = true)),
    close: () => holder.close(),
  };
}

describe('panel start', () => {
  // Issue 12: what the frame parses before its first content. The panel's entry and the chunks it
  // imports statically; the tabs other than Script load later (src/ui/panel/lazyTabs.tsx), the
  // language's strings are fetched as JSON (src/ui/i18n.ts), the store-change push's schema is a
  // zod/mini file of its own (src/messages/storeChanged.ts), not the whole protocol table; the
  // schemas of the logic the panel runs (timing, turns, prompt cards) are zod/mini and the rest of
  // zod stays out (the panel parses nothing with them; the background validates). 62.1 KB gzip
  // when set (141.2 KB before the split, 74.5 KB with full zod).
  it('keeps the script the panel loads before its first content within its budget', () => {
    const BUDGET_GZIP = 80 * 1024;
    const dist = defaultDistDir(browserKind);
    const start = panelStartChunks(dist);
    const files = start.chunks.map((c) => c.file).join(' ');
    expect(files).not.toMatch(/CaptureView|SeriesView|TurnsView|docx|engine|messages|protocol/);
    expect(start.gzip, files).toBeLessThanOrEqual(BUDGET_GZIP);
    // Full zod's own classes (zod/mini's are ZodMini…): none in the first load.
    for (const { file } of start.chunks) expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(/[`'"]ZodString[`'"]/);
  });

  // Issue 12, the page's main thread: each site script asks V8 to compile it whole when injected
  // (scripts/vite-content-scripts.ts), on the first line, where the minifier no longer drops it.
  it('has every site script start with the compile hint', () => {
    const dist = defaultDistDir(browserKind);
    for (const site of CONTENT_SITES) expect(readFileSync(join(dist, contentScriptFile(site)), 'utf8').split('\n')[0], site).toBe(COMPILE_HINT);
  });

  const extension = useExtension();

  // The default workshop of a fresh profile is made at install (src/background/main.ts), not
  // while the first panel loads. Asked for with workshop/list, which makes nothing itself, from
  // the summary page of no workshop (the options page and the popup ask for the active one).
  it('has the default workshop of a fresh profile made at install, before any panel opens', async () => {
    const page = await extensionPage(extension.ctx, 'src/ui/summary/summary.html#none');
    const list = await eventually(
      () => askBackground<Reply<unknown[]>>(page.mainFrame(), { to: 'background', type: 'workshop/list' }),
      (reply) => reply.ok && reply.value.length > 0,
      'the default workshop',
    );
    expect(list.ok && list.value).toHaveLength(1);
    await page.close();
  });

  it('shows the last known workshop before the background answers, then the answer', async () => {
    const first = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const firstFrame = await panelFrame(first);
    await waitForText(firstFrame, 'Phase 1/');
    const title = await firstFrame.$eval('.run-workshop', (el) => el.textContent ?? '');
    expect(title.length).toBeGreaterThan(3);
    await first.close();

    const lock = await holdWorkshopsStore(extension.ctx);
    try {
      const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
      const frame = await panelFrame(page);
      await waitForText(frame, title);
      // Drawn from the admission, not from an answer: the panel says it is still filling in.
      expect(await frame.$eval('#panel-main', (el) => el.getAttribute('aria-busy'))).toBe('true');
      expect(await frame.evaluate(() => performance.getEntriesByName('vuoro:panel-answered').length)).toBe(0);
      await lock.release();
      await frame.waitForFunction(() => document.querySelector('#panel-main')?.getAttribute('aria-busy') === null, { timeout: 10_000 });
      expect(await frame.$eval('.run-workshop', (el) => el.textContent)).toBe(title);
      await page.close();
    } finally {
      await lock.release().catch(() => undefined);
      await lock.close();
    }
  });
});
