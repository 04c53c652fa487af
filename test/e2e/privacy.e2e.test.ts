import { describe, expect, it } from 'vitest';
import { openFixture, panelFrame, unexpectedRequests, useExtension } from './harness/e2e';
import { askBackground, clickButton, openTab, sleep, submitForm, typeInto, waitForText } from './helpers/ui';

// Nothing leaves the machine and nothing leaks into the page: a whole workshop flow with the
// proxy's request log on, then the host pages' DOM searched for what was captured.

const ZOOM = 'https://app.zoom.us/wc/123/join';
const BOARD = 'https://miro.com/app/board/demo=/';
const NOTES = ['Privacy note alpha-7319', 'Privacy note bravo-4826', 'Privacy decision charlie-5501'];

describe('privacy', () => {
  // A browser of its own: what a fresh profile requests is the claim. On Firefox's shared browser
  // (harness/e2e.ts) the test failed once in a clean-clone run and passed on its retry; the first
  // failure was not logged. Earlier blocks' history may bring requests to their hosts (not shown).
  const extension = useExtension({ ownBrowser: true });

  it('makes no network requests beyond the fixture pages during a full workshop flow, and the pages cannot read its data', async () => {
    await extension.server.clearRequests();
    const meeting = await openFixture(extension.ctx, ZOOM);
    const board = await openFixture(extension.ctx, BOARD);
    const frame = await panelFrame(meeting);
    await panelFrame(board);
    await askBackground(frame, { to: 'background', type: 'settings/set', lang: 'en' });

    await openTab(frame, 'Script');
    await clickButton(frame, 'Start the workshop');
    await waitForText(frame, 'Next phase');
    const phaseTitle = (await frame.evaluate(() => document.querySelector('#run-phase')?.textContent ?? '')).replace(/^Phase \d+\/\d+\s*/, '').trim();
    expect(phaseTitle.length).toBeGreaterThan(2);

    await openTab(frame, 'Capture');
    for (const note of NOTES) {
      await typeInto(frame, '[data-testid="capture-input"]', note);
      await submitForm(frame, '[data-testid="capture-input"]');
      await waitForText(frame, note);
    }
    await openTab(frame, 'Turns');
    await sleep(500);
    await openTab(frame, 'Prompts');
    await sleep(500);
    const boardFrame = await panelFrame(board);
    await openTab(boardFrame, 'Capture');
    await waitForText(boardFrame, NOTES[0]!);
    await sleep(1000);

    const requests = await extension.server.requests();
    expect(unexpectedRequests(requests)).toEqual([]);
    // Every request went to a host whose page was opened, for that page's own files.
    expect([...new Set(requests.filter((r) => r.fixture).map((r) => r.host))].sort()).toEqual(['app.zoom.us', 'miro.com']);

    for (const page of [meeting, board]) {
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      for (const secret of [...NOTES, phaseTitle]) expect(html).not.toContain(secret);
      const text = await page.evaluate(() => document.body.innerText);
      for (const secret of NOTES) expect(text).not.toContain(secret);
    }
    await meeting.close();
    await board.close();
  });
});
