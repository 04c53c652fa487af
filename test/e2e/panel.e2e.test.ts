import { describe, expect, it } from 'vitest';
import { openFixture, panelFrame, reloadDocument, useExtension } from './harness/e2e';
import { eventually } from './helpers/live';
import { askBackground, openTab, sleep, textOf, waitForAnswer, waitForSteadyText, waitForText } from './helpers/ui';

// The foundation: the panel on every supported host, out of the page's reach, placed and
// remembered per site, reachable by keyboard, and deaf to the page's postMessage.

const HOSTS = [
  'https://app.zoom.us/wc/123/join',
  'https://teams.microsoft.com/v2/',
  'https://meet.google.com/abc-defg-hij',
  'https://miro.com/app/board/demo=/',
  'https://app.mural.co/t/team/m/team/1/abc',
  'https://flinga.fi/s/ABC123',
  'https://excalidraw.com/fixture',
  'https://www.tldraw.com/fixture',
  'https://whiteboard.microsoft.com/me/whiteboards/1',
];

/** Whether the panel can be seen (and hit) anywhere in the page's viewport. */
async function panelShown(page: Awaited<ReturnType<typeof openFixture>>): Promise<boolean> {
  return page.evaluate(() => {
    for (let x = 5; x < innerWidth; x += 40) for (let y = 5; y < innerHeight; y += 40) if (document.elementFromPoint(x, y)?.tagName === 'VUORO-ROOT') return true;
    return false;
  });
}

/** The panel frame's box as the page lays it out (the host element's closed root hides it from page JS, not from layout). */
async function panelBox(frame: Awaited<ReturnType<typeof panelFrame>>) {
  return frame.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, x: window.screenX }));
}

describe('panel frame', () => {
  const extension = useExtension();

  it.each(HOSTS)('appears with the default script on %s', async (url) => {
    const page = await openFixture(extension.ctx, url);
    const frame = await panelFrame(page);
    await waitForText(frame, 'Phase 1/');
    expect(await frame.evaluate(() => location.protocol)).toMatch(/^(chrome|moz)-extension:$/);
    await page.close();
  });

  it('reads the Zoom web client inside its #webclient frame', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const frame = await panelFrame(page);
    await openTab(frame, 'Turns');
    // The participant names live only in the inner same-origin frame.
    await waitForText(frame, 'Bo Kim');
    await page.close();
  });

  it('ignores messages the page posts to it', async () => {
    const page = await openFixture(extension.ctx, 'https://meet.google.com/abc-defg-hij');
    const frame = await panelFrame(page);
    await waitForText(frame, 'Phase 1/');
    // The workshop and the page's signals have come in: only the page's own messages could change it now.
    await waitForAnswer(frame);
    const before = await waitForSteadyText(frame);
    const reach = await page.evaluate(() => {
      const messages = [
        { to: 'panel', type: 'capture/open-quick', selectionText: 'INJECTED BY PAGE' },
        { to: 'panel', type: 'store/changed', stores: ['captures'] },
        { to: 'background', type: 'workshop/delete', workshopId: 'x' },
      ];
      // Every window the page can name: itself, its parent, and the frames it can see.
      const targets: Window[] = [window, window.parent, ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i]!)];
      for (const target of targets) for (const m of messages) target.postMessage(m, '*');
      // The panel's frame sits in a closed shadow root: the page cannot even get a handle to it.
      return { visibleFrames: window.frames.length, hostFrames: document.querySelectorAll('iframe').length };
    });
    expect(reach).toEqual({ visibleFrames: 0, hostFrames: 0 });
    await sleep(500);
    const after = await textOf(frame);
    expect(after).toBe(before);
    expect(after).not.toContain('INJECTED BY PAGE');
    await page.close();
  });

  it('rejects a malformed message with a validation error and changes nothing', async () => {
    const page = await openFixture(extension.ctx, 'https://excalidraw.com/fixture');
    const frame = await panelFrame(page);
    await waitForText(frame, 'Phase 1/');
    const reply = await askBackground<{ ok: boolean; error?: { code: string } }>(frame, { to: 'background', type: 'capture/add', workshopId: 42, text: '' });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-message' } });
    const unknown = await askBackground<{ ok: boolean; error?: { code: string } }>(frame, { to: 'background', type: 'no/such-thing' });
    expect(unknown.ok).toBe(false);
    await page.close();
  });

  it('docks, collapses and remembers its place per site across reloads', async () => {
    const page = await openFixture(extension.ctx, 'https://www.tldraw.com/fixture');
    const frame = await panelFrame(page);
    await waitForText(frame, 'Phase 1/');
    // The header's buttons live in the closed shadow root: reach them by keyboard like a user would.
    const start = await panelBox(frame);
    expect(start.height).toBeGreaterThan(150);
    await page.bringToFront();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.tagName === 'VUORO-ROOT');
    }
    expect(reached, 'Tab reaches the panel header').toBe(true);
    // Focus is on the header bar first: Enter collapses it to a pill.
    await page.keyboard.press('Enter');
    await sleep(800);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VUORO-ROOT');
    await reloadDocument(page);
    const again = await panelFrame(page);
    await sleep(500);
    // Collapsed: the frame is not displayed, so its viewport is empty.
    expect((await panelBox(again)).height).toBe(0);
    // Another site keeps its own placement.
    const other = await openFixture(extension.ctx, 'https://excalidraw.com/fixture');
    const otherFrame = await panelFrame(other);
    await waitForText(otherFrame, 'Phase 1/');
    expect((await panelBox(otherFrame)).height).toBeGreaterThan(150);
    await other.close();
    // Expand again with the keyboard so later tests see the panel.
    await page.bringToFront();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.tagName === 'VUORO-ROOT')) break;
    }
    await page.keyboard.press('Enter');
    await sleep(800);
    expect((await panelBox(again)).height).toBeGreaterThan(150);
    await page.close();
  });

  // Found in a keyboard walk-through: Enter or Space on Dock or Hide collapsed the panel instead,
  // since the bar's own keys (Enter collapses) took them and cancelled the button's click.
  it('the header’s Dock and Hide buttons work from the keyboard', async () => {
    const page = await openFixture(extension.ctx, 'https://www.tldraw.com/fixture');
    const frame = await panelFrame(page);
    await waitForText(frame, 'Phase 1/');
    await page.bringToFront();
    const focused = () => page.evaluate(() => document.activeElement?.tagName);
    for (let i = 0; i < 30 && (await focused()) !== 'VUORO-ROOT'; i++) await page.keyboard.press('Tab');
    const at = (x: 'left' | 'right') => page.evaluate((side: string) => document.elementFromPoint(side === 'left' ? 40 : innerWidth - 40, innerHeight / 2)?.tagName, x);
    await page.keyboard.press('Tab'); // the bar → Dock to the left
    await page.keyboard.press('Enter');
    await eventually(() => at('left'), (tag) => tag === 'VUORO-ROOT', 'docked left');
    expect((await panelBox(frame)).height, 'not collapsed').toBeGreaterThan(150);
    await page.keyboard.press('Tab'); // Dock to the right
    await page.keyboard.press(' ');
    await eventually(() => at('right'), (tag) => tag === 'VUORO-ROOT', 'docked right');
    expect(await at('left')).not.toBe('VUORO-ROOT');
    await page.keyboard.press('Tab'); // Collapse
    await page.keyboard.press('Tab'); // Hide
    await page.keyboard.press('Enter');
    await eventually(() => at('right'), (tag) => tag !== 'VUORO-ROOT', 'hidden');
    // Shown again for the tests after this one (the hidden state is remembered for the site).
    await askBackground(frame, { to: 'background', type: 'tab/forward', message: { to: 'content', type: 'panel/toggle' } });
    await eventually(() => at('right'), (tag) => tag === 'VUORO-ROOT', 'shown again');
    await page.close();
  });

  it('does not cover the meeting’s own controls by default', async () => {
    const page = await openFixture(extension.ctx, 'https://teams.microsoft.com/v2/');
    await panelFrame(page);
    const overlap = await page.evaluate(() => {
      const host = document.querySelector('vuoro-root')!;
      const hits: string[] = [];
      for (const el of document.querySelectorAll('#hangup-button, #roster-button, #microphone-button')) {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (top === host) hits.push(el.id);
      }
      return hits;
    });
    expect(overlap).toEqual([]);
    await page.close();
  });

  it('hides and shows on the toggle command’s message, and the hidden state is remembered', async () => {
    const page = await openFixture(extension.ctx, 'https://flinga.fi/s/ABC123');
    const frame = await panelFrame(page);
    await waitForText(frame, 'Phase 1/');
    expect(await panelShown(page)).toBe(true);
    // What the background sends on Alt+Shift+V (the shortcut itself is the browser's to press).
    const toggle = async () =>
      askBackground<{ ok: boolean }>(await panelFrame(page), { to: 'background', type: 'tab/forward', message: { to: 'content', type: 'panel/toggle' } });
    expect((await toggle()).ok).toBe(true);
    await sleep(500);
    expect(await panelShown(page)).toBe(false);
    expect(await page.evaluate(() => document.querySelector('vuoro-root') !== null)).toBe(true);
    await sleep(400); // the placement is saved after a short debounce
    await reloadDocument(page);
    await panelFrame(page);
    await sleep(500);
    expect(await panelShown(page)).toBe(false);
    expect((await toggle()).ok).toBe(true);
    await sleep(500);
    expect(await panelShown(page)).toBe(true);
    await page.close();
  });
});
