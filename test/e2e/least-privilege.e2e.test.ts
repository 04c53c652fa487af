import { describe, expect, it } from 'vitest';
import { extensionPage, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { chatLines, eventually, pagesPerTest } from './helpers/live';
import { askBackground, openTab, waitForText } from './helpers/ui';

// Least privilege, proven from outside: code running where Vuoro's site script runs (the
// extension's content-script world of a meeting tab, injected as the background injects the site
// script) asks the background for a workshop's contents, an export and a delete. Each is refused
// by the protocol table's caller rules, while the same script's own-tab signals still reach the
// panel of its tab.

interface Outcome {
  ok: boolean;
  error?: { code: string };
}

describe('a site script', () => {
  const extension = useExtension();
  const { visit } = pagesPerTest(extension);

  it('is refused workshop contents, an export and a delete, while its own-tab signals pass', async () => {
    const meeting = await visit('https://meet.google.com/abc-defg-hij');
    const panel = await panelFrame(meeting);
    await waitForText(panel, 'Phase 1/');

    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const active = await askBackground<{ ok: true; value: { workshop: { id: string } } }>(options.mainFrame(), { to: 'background', type: 'workshop/active' });
    const workshopId = active.value.workshop.id;
    const tabsBefore = (await extension.ctx.browser.pages()).length;

    // In the content-script world of the meeting tab, the same world the site script runs in.
    const outcomes = await options.evaluate(async (id: string) => {
      const api = (globalThis as unknown as { browser: any }).browser;
      const [tab] = await api.tabs.query({ url: 'https://meet.google.com/*' });
      const [injection] = await api.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [0] },
        args: [id],
        func: async (workshopId: string) => {
          const g = globalThis as unknown as { browser?: any; chrome?: any };
          const runtime = (g.browser ?? g.chrome).runtime;
          const send = (message: object) => runtime.sendMessage({ to: 'background', ...message }).catch((e: unknown) => ({ thrown: String(e) }));
          return {
            contents: await send({ type: 'workshop/contents', workshopId }),
            list: await send({ type: 'workshop/list' }),
            captures: await send({ type: 'capture/list', workshopId }),
            export: await send({ type: 'summary/open', workshopId }),
            delete: await send({ type: 'workshop/delete', workshopId }),
            signal: await send({
              type: 'site/signal',
              signal: { to: 'panel', type: 'site/chat', messages: [{ key: 'lp-1', author: 'Site script', text: 'Own-tab signal passes' }] },
            }),
          };
        },
      });
      return injection.result;
    }, workshopId);

    const forbidden = { ok: false, error: { code: 'forbidden' } };
    expect(outcomes).toEqual({ contents: forbidden, list: forbidden, captures: forbidden, export: forbidden, delete: forbidden, signal: { ok: true, value: null } });

    // Nothing happened: the workshop is still there, and no summary tab opened.
    const after = await askBackground<Outcome>(options.mainFrame(), { to: 'background', type: 'workshop/contents', workshopId });
    expect(after.ok).toBe(true);
    expect((await extension.ctx.browser.pages()).length).toBe(tabsBefore);

    // The signal reached the panel of its own tab.
    await openTab(panel, 'Capture');
    await eventually(() => chatLines(panel), (lines) => lines.some((l) => l.includes('Own-tab signal passes')), 'chat line from the site script');
    await options.close();
  });
});
