import type { Frame } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { panelFrame, reloadDocument } from './harness/e2e';
import { useExtension } from './harness/e2e';
import { eventually, freshWorkshop, handNames, pagesPerTest, peopleNames } from './helpers/live';
import { askBackground, openTab } from './helpers/ui';

// Two facilitators (or one with two tabs) acting at the same moment: every click is an event or
// an increment the background applies in one transaction, so no raised hand and no vote is lost.
// (Before, each panel saved its whole live state and each vote as "votes + 1": with two panels,
// 10 of 10 rounds lost a raised hand, and 22 vote clicks stored 12 votes.)

const PEOPLE = Array.from({ length: 10 }, (_, i) => `Person ${String.fromCharCode(65 + i)}`);

/** Clicks every button whose aria-label is in `labels`, all in one go (no wait between clicks). */
async function clickAll(frame: Frame, labels: string[]): Promise<void> {
  await frame.evaluate((wanted: string[]) => {
    for (const label of wanted) (document.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement).click();
  }, labels);
}

async function clickTimes(frame: Frame, selector: string, times: number): Promise<void> {
  await frame.evaluate(
    (s: string, n: number) => {
      for (let i = 0; i < n; i++) (document.querySelector(s) as HTMLButtonElement).click();
    },
    selector,
    times,
  );
}

describe('two panels acting together', () => {
  const extension = useExtension();
  const { visit } = pagesPerTest(extension);

  it('lose no raised hand and no vote', async () => {
    const first = await visit('https://miro.com/app/board/demo=/');
    const a0 = await freshWorkshop(first);
    const active = await askBackground<{ value: { workshop: { id: string } } }>(a0, { to: 'background', type: 'workshop/active' });
    const workshopId = active.value.workshop.id;
    for (const name of PEOPLE) await askBackground(a0, { to: 'background', type: 'participants/add', workshopId, name });
    await askBackground(a0, { to: 'background', type: 'capture/add', workshopId, text: 'Vote for this one', kind: 'idea', source: { type: 'manual' } });
    await reloadDocument(first);
    const a = await panelFrame(first);
    const second = await visit('https://miro.com/app/board/demo=/');
    const b = await panelFrame(second);

    for (const frame of [a, b]) {
      await openTab(frame, 'Turns');
      await eventually(() => peopleNames(frame), (names) => names.length === PEOPLE.length, 'people listed');
    }
    // Panel A raises five hands, panel B the other five, at the same moment.
    const raise = (names: string[]) => names.map((name) => `Raise ${name}'s hand`);
    await Promise.all([clickAll(a, raise(PEOPLE.filter((_, i) => i % 2 === 0))), clickAll(b, raise(PEOPLE.filter((_, i) => i % 2 === 1)))]);
    for (const frame of [a, b]) {
      const queued = await eventually(() => handNames(frame), (h) => h.length === PEOPLE.length, 'all hands in the queue');
      expect([...queued].sort()).toEqual([...PEOPLE].sort());
    }
    const live = await askBackground<{ value: { state: { queue: { hands: unknown[] } } } }>(a, { to: 'background', type: 'live/get', workshopId });
    expect(live.value.state.queue.hands).toHaveLength(PEOPLE.length);

    // Eleven vote clicks in each panel, at the same moment.
    for (const frame of [a, b]) {
      await openTab(frame, 'Capture');
      await frame.waitForSelector('button[aria-label^="Vote (now"]');
    }
    await Promise.all([clickTimes(a, 'button[aria-label^="Vote (now"]', 11), clickTimes(b, 'button[aria-label^="Vote (now"]', 11)]);
    const stored = await eventually(
      async () => (await askBackground<{ value: { votes: number }[] }>(a, { to: 'background', type: 'capture/list', workshopId })).value[0]?.votes,
      (votes) => votes === 22,
      'stored votes',
    );
    expect(stored).toBe(22);
    for (const frame of [a, b]) await frame.waitForSelector('button[aria-label="Vote (now 22)"]', { timeout: 10_000 });
  });
});
