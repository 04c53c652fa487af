import type { Frame, Page } from 'puppeteer';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, grantingLaunch, openFixture, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { askBackground, grantAndEnableSite, sleep, textOf, waitForText } from './helpers/ui';

// A panel only Vuoro can open. A hostile page tries to detect the extension by fetching the
// panel's fixed URL, then frames the panel page itself (as if it had learnt the URL) and clicks in
// the frame it hid. The probe must fail, the page's frame must stay empty, and anything that frame
// asks the background for is refused: on a supported meeting page, on a site the user enabled
// ("Enable on this site") and on a page Vuoro does not know.

const PANEL_PATH = 'src/ui/panel/panel.html';
const SHOTS = join(process.cwd(), 'test-results');

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { code: string };
}

/** The fixed URL a page could try: Chromium's store id origin, Firefox's public add-on id. */
function fixedPanelUrl(extensionOrigin: string, extensionId: string): string {
  return browserKind === 'chromium' ? `${extensionOrigin}/${PANEL_PATH}` : `moz-extension://${extensionId}/${PANEL_PATH}`;
}

async function probe(page: Page, url: string): Promise<string> {
  return page.evaluate(async (u: string) => {
    try {
      const response = await fetch(u);
      return `status ${response.status}`;
    } catch (error) {
      return `failed: ${(error as Error).name}`;
    }
  }, url);
}

/** The page makes its own frame of the panel, hidden under nothing, and returns it once it has loaded. */
async function selfFrame(page: Page, url: string): Promise<Frame> {
  const before = new Set(page.frames());
  await page.evaluate((u: string) => {
    const frame = document.createElement('iframe');
    frame.id = 'stolen';
    frame.src = `${u}#site=zoom&t=${'0'.repeat(32)}`;
    Object.assign(frame.style, { position: 'fixed', left: '0', top: '0', width: '400px', height: '500px', opacity: '0.01', zIndex: '2147483647' });
    document.body.append(frame);
  }, url);
  for (let i = 0; i < 100; i++) {
    const added = page.frames().find((f) => !before.has(f) && f.parentFrame() === page.mainFrame());
    if (added) {
      const loaded = await added.evaluate(() => document.readyState === 'complete').catch(() => false);
      if (loaded) return added;
    }
    await sleep(100);
  }
  throw new Error('the page could not frame the panel page');
}

/**
 * What the page's own frame turned out to be. Chromium blocks the fixed URL for a page's frame
 * (use_dynamic_url), so nothing of Vuoro loads; Firefox loads the panel page, which must stay
 * empty, and whatever it asks the background is refused.
 */
async function expectInert(stolen: Frame): Promise<void> {
  const protocol = await stolen.evaluate(() => location.protocol).catch(() => 'unreachable');
  const text = (await textOf(stolen).catch(() => '')).trim();
  expect(text).not.toMatch(/Phase|Vaihe|Capture|Turns/);
  if (browserKind === 'chromium') {
    expect(protocol).not.toMatch(/extension/);
    return;
  }
  expect(protocol).toBe('moz-extension:');
  expect(text).toBe('');
  expect(await askBackground<Reply>(stolen, { to: 'background', type: 'workshop/list' })).toEqual({ ok: false, error: { code: 'panel-not-trusted' } });
  expect(await askBackground<Reply>(stolen, { to: 'background', type: 'workshop/contents', workshopId: 'x' })).toEqual({
    ok: false,
    error: { code: 'panel-not-trusted' },
  });
}

async function clickAround(page: Page): Promise<void> {
  for (let x = 20; x < 400; x += 60) for (let y = 20; y < 500; y += 60) await page.mouse.click(x, y);
}

describe('a panel only Vuoro can open', () => {
  const extension = useExtension();

  it('on a meeting page: the probe fails, the page-made frame stays empty and is refused, Vuoro’s own panel works', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    expect(await probe(page, fixedPanelUrl(extension.ctx.extensionOrigin, extension.ctx.extensionId))).toMatch(/^failed/);

    const active = await askBackground<Reply>(panel, { to: 'background', type: 'workshop/active' });
    expect(active.ok).toBe(true);
    const eventsBefore = (active.value as { run: { events: unknown[] } }).run.events.length;

    // The page frames the panel page at the URL it could know (in Firefox: as if it had learnt the UUID).
    const stolen = await selfFrame(page, `${extension.ctx.extensionOrigin}/${PANEL_PATH}`);
    await sleep(1_500);
    await clickAround(page);
    await expectInert(stolen);

    // Vuoro's own panel is untouched and still answered.
    const after = await askBackground<Reply>(panel, { to: 'background', type: 'workshop/active' });
    expect((after.value as { run: { events: unknown[] } }).run.events.length).toBe(eventsBefore);
    await waitForText(panel, 'Phase 1/');
    await page.close();
  });

  it('on a page Vuoro does not run on: the probe fails and a page-made frame stays empty and is refused', async () => {
    const page = await openFixture(extension.ctx, 'https://unlisted.example/');
    expect(await probe(page, fixedPanelUrl(extension.ctx.extensionOrigin, extension.ctx.extensionId))).toMatch(/^failed/);
    const stolen = await selfFrame(page, `${extension.ctx.extensionOrigin}/${PANEL_PATH}`);
    await sleep(1_500);
    await clickAround(page);
    await expectInert(stolen);
    await page.close();
  });

  it('the panel page opened on its own (no site script made it) shows nothing and is refused', async () => {
    const page = await extensionPage(extension.ctx, PANEL_PATH);
    await sleep(1_500);
    expect((await textOf(page.mainFrame())).trim()).toBe('');
    expect(await askBackground<Reply>(page.mainFrame(), { to: 'background', type: 'capture/list', workshopId: 'x' })).toEqual({
      ok: false,
      error: { code: 'panel-not-trusted' },
    });
    await page.close();
  });

  it('notices what the page puts over the panel or does to it: says so and takes no input until it is gone', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    const state = () =>
      panel.evaluate(() => ({ warning: document.getElementById('covered-warning')?.hidden === false, inert: document.getElementById('app')?.inert === true }));
    const clear = () => panel.waitForFunction(() => document.getElementById('covered-warning')?.hidden === true, { polling: 50, timeout: 5_000 });
    // At rest, a few checks in: the panel's own parts (the resize grip's strip) do not count.
    await sleep(1_200);
    expect(await state()).toEqual({ warning: false, inert: false });

    const host = 'document.querySelector("vuoro-root").style';
    const cases: { name: string; apply: string; undo: string; caught: boolean }[] = [
      {
        name: 'overlay',
        apply: `(() => { const o = document.createElement('div'); o.id = 'catcher'; Object.assign(o.style, { position: 'fixed', inset: '0', opacity: '0', zIndex: '2147483647' }); document.body.append(o); })()`,
        undo: `document.getElementById('catcher').remove()`,
        caught: true,
      },
      { name: 'faded', apply: `${host}.opacity = '0.1'`, undo: `${host}.opacity = ''`, caught: true },
      { name: 'transformed', apply: `document.documentElement.style.transform = 'scale(0.8)'`, undo: `document.documentElement.style.transform = ''`, caught: true },
      {
        // A decoy drawn over the panel that lets clicks through to it: only IntersectionObserver v2
        // sees it (Chromium); the site script's check cannot (elementFromPoint skips it).
        name: 'decoy',
        apply: `(() => { const o = document.createElement('div'); o.id = 'decoy'; o.textContent = 'Click here to continue'; Object.assign(o.style, { position: 'fixed', inset: '0', background: 'rgba(255, 255, 255, 0.9)', pointerEvents: 'none', zIndex: '2147483647', font: '24px sans-serif' }); document.body.append(o); })()`,
        undo: `document.getElementById('decoy').remove()`,
        caught: browserKind === 'chromium',
      },
    ];
    mkdirSync(SHOTS, { recursive: true });
    for (const c of cases) {
      await page.evaluate(c.apply);
      if (c.caught) {
        await waitForText(panel, 'Something on this page covers, fades or distorts the Vuoro panel');
        expect(await state(), c.name).toEqual({ warning: true, inert: true });
        if (c.name === 'overlay') {
          // The warning follows a language change while it shows (it kept the language it was drawn in).
          await askBackground(panel, { to: 'background', type: 'settings/set', lang: 'fi' });
          await waitForText(panel, 'Jokin tämän sivun osa peittää');
          await askBackground(panel, { to: 'background', type: 'settings/set', lang: 'en' });
          await waitForText(panel, 'Something on this page covers');
        }
      } else {
        await sleep(1_200);
        expect(await state(), c.name).toEqual({ warning: false, inert: false });
      }
      await page.screenshot({ path: join(SHOTS, `panel-covered-${c.name}-${browserKind}.png`) });
      await page.evaluate(c.undo);
      await clear();
      expect(await state(), `${c.name} undone`).toEqual({ warning: false, inert: false });
    }
    await page.close();
  });

  /** The meeting tab with its panel, put behind a whiteboard tab (the facilitator on the board). */
  async function meetingBehindBoard() {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    const board = await extension.ctx.browser.newPage();
    await board.bringToFront();
    await page.waitForFunction(() => document.visibilityState === 'hidden', { polling: 50, timeout: 5_000 });
    return { page, panel, board };
  }

  // A hidden tab is not covered: the warning flashed on every return from the whiteboard tab (and
  // stood in the demo's screenshot, taken right after bringing the tab forward).
  it('shows no warning while the meeting tab is hidden, nor when it is shown again', async () => {
    const { page, panel, board } = await meetingBehindBoard();
    await sleep(1_000);
    // Every time the warning shows, from now on, is counted in the panel itself.
    await panel.evaluate(() => {
      const counter = window as unknown as { __shown: number };
      const warning = document.getElementById('covered-warning')!;
      counter.__shown = warning.hidden ? 0 : 1;
      new MutationObserver(() => {
        if (!warning.hidden) counter.__shown++;
      }).observe(warning, { attributes: true, attributeFilter: ['hidden'] });
    });
    await page.bringToFront();
    await page.waitForFunction(() => document.visibilityState === 'visible', { polling: 20, timeout: 5_000 });
    await sleep(1_000);
    expect(await panel.evaluate(() => (window as unknown as { __shown: number }).__shown)).toBe(0);
    await board.close();
    await page.close();
  });

  // Nobody clicks into a hidden tab: the overlay check rests while the meeting tab is in the
  // background (the facilitator on the whiteboard tab), and must look again once it is shown.
  // (Whether it rests cannot be seen from here: Firefox's hidden tabs never reported an overlay,
  // and Chromium's panel also watches itself, IntersectionObserver v2 in its own process. A unit
  // test covers the resting: test/unit/content/whileShown.test.ts.)
  // Found in a keyboard walk-through: each expand of the panel flashed the assertive "covers, fades
  // or distorts" alert for a few milliseconds (Chromium reports the frame not visible right after it
  // is shown again), so a screen reader read it out every time.
  it('shows no warning when the panel is collapsed and expanded again', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const frame = await panelFrame(page);
    await waitForText(frame, 'Phase 1/');
    await frame.evaluate(() => {
      const warning = document.getElementById('covered-warning')!;
      const shown: boolean[] = ((window as unknown as { __shown: boolean[] }).__shown = []);
      new MutationObserver(() => shown.push(!warning.hidden)).observe(warning, { attributes: true, attributeFilter: ['hidden'] });
    });
    await page.bringToFront();
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.tagName === 'VUORO-ROOT')); i++) await page.keyboard.press('Tab');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Enter'); // collapse
      await sleep(600);
      await page.keyboard.press('Enter'); // expand
      await sleep(1200);
    }
    expect(await frame.evaluate(() => (window as unknown as { __shown: boolean[] }).__shown.filter(Boolean).length)).toBe(0);
    await page.close();
  });

  it('looks for overlays again once the meeting tab, hidden meanwhile, is shown', async () => {
    const { page, panel, board } = await meetingBehindBoard();
    await page.evaluate(() => {
      const o = document.createElement('div');
      o.id = 'catcher';
      Object.assign(o.style, { position: 'fixed', inset: '0', opacity: '0', zIndex: '2147483647' });
      document.body.append(o);
    });
    await sleep(1_000);
    await page.bringToFront();
    await waitForText(panel, 'Something on this page covers, fades or distorts the Vuoro panel');
    await page.evaluate(() => document.getElementById('catcher')!.remove());
    await panel.waitForFunction(() => document.getElementById('covered-warning')?.hidden === true, { polling: 50, timeout: 5_000 });
    await board.close();
    await page.close();
  });
});

describe('a panel only Vuoro can open, on a site the user enabled', () => {
  const ORIGIN = 'https://unlisted.example';
  const extension = useExtension(grantingLaunch([ORIGIN]));

  it('the probe fails, the page-made frame stays empty and is refused, Vuoro’s own panel works', async () => {
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    await grantAndEnableSite(options, ORIGIN);
    const page = await openFixture(extension.ctx, `${ORIGIN}/`);
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    expect(await probe(page, fixedPanelUrl(extension.ctx.extensionOrigin, extension.ctx.extensionId))).toMatch(/^failed/);
    const active = await askBackground<Reply>(panel, { to: 'background', type: 'workshop/active' });
    const eventsBefore = (active.value as { run: { events: unknown[] } }).run.events.length;

    const stolen = await selfFrame(page, `${extension.ctx.extensionOrigin}/${PANEL_PATH}`);
    await sleep(1_500);
    await clickAround(page);
    await expectInert(stolen);

    const after = await askBackground<Reply>(panel, { to: 'background', type: 'workshop/active' });
    expect((after.value as { run: { events: unknown[] } }).run.events.length).toBe(eventsBefore);
    await waitForText(panel, 'Phase 1/');
    await page.close();
    await options.close();
  });
});
