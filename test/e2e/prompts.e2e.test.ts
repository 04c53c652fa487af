import type { Frame } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { extensionPage, optionsPagePath, panelFrame, reloadDocument, useExtension } from './harness/e2e';
import { eventually, freshWorkshop, handNames, surfacedTitles , pagesPerTest } from './helpers/live';
import { clickButton, openTab, textOf, waitForText } from './helpers/ui';

// Prompt cards as the facilitator meets them: the running phase's cards once the workshop starts,
// a dismissed card that stays dismissed across a reload, and the take-the-floor card when a raised
// hand has waited longer than the threshold set in the options page.

const PHASE_1_CARDS = ['State the goal', 'Say how to take the floor', 'Agree on ground rules'];
const PHASE_2_CARDS = ['Introductions', 'Recognise expertise'];

async function startWorkshop(frame: Frame): Promise<void> {
  await openTab(frame, 'Script');
  await waitForText(frame, 'Phase 1/');
  await clickButton(frame, 'Start the workshop');
  await waitForText(frame, 'left in this phase');
}

const promptCount = (frame: Frame) => frame.evaluate(() => document.querySelector('#tab-prompts .tab-count')?.textContent ?? '');

/** Presses a button on the surfaced card with this title. */
async function onCard(frame: Frame, title: string, button: 'Used' | 'Later' | 'Dismiss'): Promise<void> {
  await frame.evaluate(
    (t: string, b: string) => {
      const card = [...document.querySelectorAll('[data-testid="surfaced"] .prompt-card')].find((c) => c.querySelector('h3')?.textContent?.trim() === t);
      if (!card) throw new Error(`No surfaced card "${t}"`);
      [...card.querySelectorAll('button')].find((x) => x.textContent === b)!.click();
    },
    title,
    button,
  );
}

describe('prompt cards', () => {
  const extension = useExtension();
  const { visit, track } = pagesPerTest(extension);

  it('shows the first phase’s cards once the workshop starts; a dismissed card stays gone after a reload', async () => {
    const page = await visit('https://excalidraw.com/fixture');
    const frame = await freshWorkshop(page);
    await openTab(frame, 'Prompts');
    await waitForText(frame, 'No prompts right now.');
    expect(await surfacedTitles(frame)).toEqual([]);

    await startWorkshop(frame);
    await openTab(frame, 'Prompts');
    const titles = await eventually(() => surfacedTitles(frame), (t) => t.length === 3, 'phase 1 cards');
    // The cards the Change Dialogue's first phase lists, in its order, each saying why it is here.
    expect(titles).toEqual(PHASE_1_CARDS);
    expect(await frame.$$eval('[data-testid="surfaced"] .prompt-reason', (r) => r.map((x) => x.textContent))).toEqual(['For this phase.', 'For this phase.', 'For this phase.']);
    expect(await promptCount(frame)).toBe('3');
    // Each card names its publication and section in words; the quote opens on demand.
    const reference = await textOf(frame, '[data-testid="surfaced"] .prompt-card [data-testid="source-ref"] > span');
    expect(reference).toMatch(/^Source: Työpaikkojen virtuaalinen yhteiskehittäminen .*Finnish Institute of Occupational Health, 2024\. Section 4\.2\.3 Results\.$/);
    expect(reference).not.toMatch(/\.txt|\d+-\d+/);
    const quoteShown = () => frame.$eval('[data-testid="surfaced"] .prompt-card blockquote', (q) => q.checkVisibility());
    expect(await quoteShown()).toBe(false);
    // A target big enough to hit (it was 15 px tall, found by axe in a keyboard walk-through).
    expect(await frame.$eval('[data-testid="surfaced"] .prompt-card [data-testid="source-ref"] summary', (s) => s.getBoundingClientRect().height)).toBeGreaterThanOrEqual(24);
    await frame.$eval('[data-testid="surfaced"] .prompt-card [data-testid="source-ref"] summary', (s) => (s as HTMLElement).click());
    expect(await quoteShown()).toBe(true);
    expect(await textOf(frame, '[data-testid="surfaced"] .prompt-card blockquote')).toMatch(/\w{4,}/);

    await onCard(frame, 'Agree on ground rules', 'Dismiss');
    expect(await eventually(() => surfacedTitles(frame), (t) => t.length === 2, 'dismissed')).toEqual(PHASE_1_CARDS.slice(0, 2));
    expect(await promptCount(frame)).toBe('2');

    await reloadDocument(page);
    const again = await panelFrame(page);
    await openTab(again, 'Prompts');
    // Give the panel time to load its stored state, then check the card did not come back.
    await eventually(() => surfacedTitles(again), (t) => t.length >= 2, 'cards after reload');
    await new Promise((done) => setTimeout(done, 1_500));
    expect(await surfacedTitles(again)).toEqual(PHASE_1_CARDS.slice(0, 2));

    // The next phase brings its own cards.
    await openTab(again, 'Script');
    // The running phase names where it comes from, too.
    expect(await textOf(again, '.run-details [data-testid="source-ref"] > span')).toMatch(/^Source: Työpaikkojen virtuaalinen yhteiskehittäminen .*, 2024\. Section 4\.2\.3 Results\.$/);
    await clickButton(again, 'Next phase');
    await waitForText(again, 'Phase 2/');
    await openTab(again, 'Prompts');
    expect(await eventually(() => surfacedTitles(again), (t) => t[0] === PHASE_2_CARDS[0], 'phase 2 cards')).toEqual(PHASE_2_CARDS);
  });

  it('surfaces the take-the-floor card when a raised hand waits past the threshold set in the options', async () => {
    // The threshold, through the options page as a facilitator would set it.
    const options = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#cards`);
    track(options);
    await waitForText(options, 'A raised hand waiting for (seconds)');
    const setThreshold = (value: string) =>
      options.evaluate((v: string) => {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('A raised hand waiting for (seconds)'))!;
        const input = label.querySelector('input')!;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    await setThreshold('2');
    await reloadDocument(options);
    await waitForText(options, 'A raised hand waiting for (seconds)');
    await eventually(
      () => options.evaluate(() => [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('A raised hand waiting'))!.querySelector('input')!.value),
      (v) => v === '2',
      'threshold stored',
    );

    const page = await visit('https://app.zoom.us/wc/123/join');
    const frame = await freshWorkshop(page);
    await startWorkshop(frame);
    // Phase 2 does not list the take-the-floor card, so only the waiting hand can bring it.
    await clickButton(frame, 'Next phase');
    await waitForText(frame, 'Phase 2/');
    await openTab(frame, 'Turns');
    expect(await eventually(() => handNames(frame), (h) => h.length === 1, 'Bo Kim’s hand')).toEqual(['Bo Kim']);
    await openTab(frame, 'Prompts');
    const titles = await eventually(() => surfacedTitles(frame), (t) => t.includes('Say how to take the floor'), 'take-the-floor card', 10_000);
    // A waiting hand cannot wait: its card comes first, saying who waits.
    expect(titles[0]).toBe('Say how to take the floor');
    expect(await textOf(frame, '[data-testid="surfaced"] .prompt-card .prompt-reason')).toMatch(/^Bo Kim has waited \d+ s with a raised hand\.$/);

    // Giving the floor ends the wait, and the card goes.
    await openTab(frame, 'Turns');
    await clickButton(frame, 'Give the floor to Bo Kim');
    await eventually(() => handNames(frame), (h) => h.length === 0, 'queue empty');
    await openTab(frame, 'Prompts');
    expect(await eventually(() => surfacedTitles(frame), (t) => !t.includes('Say how to take the floor'), 'card gone')).toEqual(PHASE_2_CARDS);
    await setThreshold('30');
  });
});
