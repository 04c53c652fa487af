import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { extensionPage, openFixture, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { askBackground, openTab, sleep } from './helpers/ui';

// The live panel with a keyboard and a screen reader, in both languages: what a control is called,
// what is spoken after an action, and where focus goes when the pressed control is gone.

const LANGS = ['en', 'fi'] as const;
type Lang = (typeof LANGS)[number];

describe('accessibility of the live panel', () => {
  const extension = useExtension();

  /** The meeting page's panel in `lang`, on a new workshop made from a template in `scriptLang`. */
  async function panelWithWorkshop(
    lang: Lang,
    scriptLang: Lang = lang,
    started = true,
    { templateId = 'open-process-close', startedAgoMs = 0 } = {},
  ): Promise<{ page: Page; frame: Frame }> {
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', lang });
    const created = await askBackground<{ ok: boolean; value: { workshop: { id: string } } }>(options.mainFrame(), {
      to: 'background',
      type: 'workshop/from-template',
      templateId,
      lang: scriptLang,
      workshopIndex: 0,
    });
    expect(created.ok).toBe(true);
    if (started) {
      const reply = await askBackground<{ ok: boolean }>(options.mainFrame(), {
        to: 'background',
        type: 'run/event',
        workshopId: created.value.workshop.id,
        event: { type: 'start', at: Date.now() - startedAgoMs },
        expectedCount: 0,
      });
      expect(reply.ok).toBe(true);
    }
    await options.close();
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const frame = await panelFrame(page);
    await frame.waitForFunction((l: string) => document.documentElement.lang === l, { timeout: 10_000 }, lang);
    await frame.waitForSelector('.run-controls button', { timeout: 10_000 });
    return { page, frame };
  }

  /** Focuses the enabled button whose visible text or name starts with `name`, and clicks it, as Enter does. */
  async function press(frame: Frame, name: string): Promise<void> {
    await frame.waitForFunction(
      (n: string) => [...document.querySelectorAll('button')].some((b) => !b.disabled && ((b.textContent ?? '').trim().startsWith(n) || (b.getAttribute('aria-label') ?? '').startsWith(n))),
      { timeout: 10_000, polling: 100 },
      name,
    );
    await frame.evaluate((n: string) => {
      const button = [...document.querySelectorAll('button')].find((b) => !b.disabled && ((b.textContent ?? '').trim().startsWith(n) || (b.getAttribute('aria-label') ?? '').startsWith(n)))!;
      button.focus();
      button.click();
    }, name);
  }

  /** Starts keeping every text the announcer shows, in order. */
  async function listenToAnnouncer(frame: Frame): Promise<() => Promise<string[]>> {
    await frame.evaluate(() => {
      const region = document.querySelector('[data-testid="announcer"]')!;
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => {
        const text = region.textContent ?? '';
        if (text !== heard[heard.length - 1]) heard.push(text);
      }).observe(region, { childList: true, subtree: true, characterData: true });
    });
    return () => frame.evaluate(() => [...(window as unknown as { heard: string[] }).heard]);
  }

  async function waitToHear(frame: Frame, text: string): Promise<void> {
    await frame.waitForFunction((t: string) => document.querySelector('[data-testid="announcer"]')?.textContent === t, { timeout: 10_000, polling: 100 }, text);
  }

  /** The focused element as "tag:text" ("button:Pause", "h2:Phase 4/4: Closing"), or "body". */
  const focused = (frame: Frame) =>
    frame.evaluate(() => {
      const el = document.activeElement;
      return !el || el === document.body ? 'body' : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
    });

  /** Waits up to 5 s for focus to be on `expected` (a prefix of focused()), then says where it is. */
  async function expectFocus(frame: Frame, expected: string): Promise<void> {
    let now = await focused(frame);
    for (let i = 0; i < 50 && !now.startsWith(expected); i++) {
      await sleep(100);
      now = await focused(frame);
    }
    expect(now).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }

  describe.each(LANGS)('%s', (lang) => {
    it('every run control with a name of its own says its visible label first (WCAG 2.5.3)', async () => {
      const { page, frame } = await panelWithWorkshop(lang);
      await frame.waitForSelector('.run-controls button[aria-label]', { timeout: 10_000 });
      const named = await frame.$$eval('.run button[aria-label]', (buttons) =>
        buttons.map((b) => ({ text: (b.textContent ?? '').trim(), name: b.getAttribute('aria-label') ?? '' })).filter((b) => b.text !== ''),
      );
      expect(named.map((b) => b.text)).toEqual(expect.arrayContaining(['+1 min', '+5 min']));
      expect(named.filter((b) => !b.name.toLowerCase().startsWith(b.text.toLowerCase()))).toEqual([]);
      await page.close();
    });
  });

  it.each([
    ['fi', 'en'],
    ['en', 'fi'],
  ] as const)('script text in another language than the panel (%s) carries its own lang (%s)', async (lang, scriptLang) => {
    const { page, frame } = await panelWithWorkshop(lang, scriptLang);
    await frame.click('.run button[aria-expanded]');
    await frame.waitForSelector('.agenda button');
    // What is in the script's language, by the nearest lang up the tree.
    const marked = await frame.evaluate(() => {
      const langOf = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang');
      const title = document.querySelector('#run-phase')!.lastElementChild;
      const next = [...document.querySelectorAll('.run-meta span')].find((s) => s.textContent && s.textContent.length > 2);
      return {
        workshop: langOf(document.querySelector('.run-workshop')),
        phase: langOf(title),
        phaseText: title?.textContent,
        next: langOf(next ?? null),
        agenda: [...document.querySelectorAll('.agenda button')].map((b) => langOf(b)),
        controls: [...document.querySelectorAll('.run-controls button')].map((b) => langOf(b)),
      };
    });
    expect(marked.phaseText).toBeTruthy();
    expect(marked.workshop).toBe(scriptLang);
    expect(marked.phase).toBe(scriptLang);
    expect(marked.next).toBe(scriptLang);
    expect(new Set(marked.agenda)).toEqual(new Set([scriptLang]));
    // The controls stay in the user's language.
    expect(new Set(marked.controls)).toEqual(new Set([lang]));
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/run-lang-${lang}-${scriptLang}.png` });
    await page.close();
  });

  it('says each timer action once in the live region: start, pause, resume, next, back, +1 min, a jump in the agenda, finish', async () => {
    const { page, frame } = await panelWithWorkshop('en', 'en', false);
    const heard = await listenToAnnouncer(frame);
    const total = Number(/Phase 1\/(\d+)/.exec(await frame.$eval('#run-phase', (el) => el.textContent ?? ''))![1]);
    const titles = await frame.evaluate(async () => {
      (document.querySelector('.run button[aria-expanded]') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 300));
      return [...document.querySelectorAll('.agenda button')].map((b) => b.textContent ?? '');
    });
    expect(titles.length).toBe(total);
    const steps: [string, string][] = [
      ['Start the workshop', `Started. Phase 1/${total}: ${titles[0]}`],
      ['Pause', 'Paused'],
      ['Resume', 'Resumed'],
      ['Next phase', `Phase 2/${total}: ${titles[1]}`],
      ['Back', `Phase 1/${total}: ${titles[0]}`],
      ['+1 min', `+1 min: this phase is now`],
      [titles[total - 1]!, `Phase ${total}/${total}: ${titles[total - 1]}`],
      ['Finish the workshop', 'The workshop is finished.'],
    ];
    for (const [button, words] of steps) {
      await press(frame, button);
      if (words.endsWith('now')) {
        await frame.waitForFunction((t: string) => document.querySelector('[data-testid="announcer"]')?.textContent?.startsWith(t), { timeout: 10_000, polling: 100 }, words);
      } else {
        await waitToHear(frame, words);
      }
    }
    // Two more ticks of the clock add nothing.
    await sleep(2200);
    const all = await heard();
    expect(all.length, all.join(' | ')).toBe(steps.length);
    steps.forEach(([, words], i) => expect(all[i]).toContain(words));
    await page.close();
  });

  it('the silence after a question is announced when it begins and when it ends, not every second', async () => {
    const { page, frame } = await panelWithWorkshop('en');
    await openTab(frame, 'Turns');
    // Every text the live regions in the pause row show, as it changes; and the visible countdown.
    await frame.evaluate(() => {
      const row = document.querySelector('[data-testid="strip-pause"]')!;
      const spoken: string[] = [];
      const shown: string[] = [];
      Object.assign(window, { spoken, shown });
      const read = () => {
        const live = [...row.querySelectorAll('[role="status"], [aria-live]:not([aria-live="off"])')].map((el) => el.textContent ?? '').join(' ').trim();
        if (live && live !== spoken[spoken.length - 1]) spoken.push(live);
        const countdown = row.querySelector('[data-testid="pause"]')?.textContent ?? '';
        if (countdown && countdown !== shown[shown.length - 1]) shown.push(countdown);
      };
      new MutationObserver(read).observe(row, { childList: true, subtree: true, characterData: true });
    });
    await press(frame, 'I asked a question: wait');
    if (process.env.VUORO_SCREENSHOTS) {
      await frame.waitForSelector('[data-testid="pause"]');
      await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/turns-pause-waiting.png` });
    }
    await frame.waitForFunction(() => document.body.innerText.includes('The wait is over'), { timeout: 20_000, polling: 200 });
    await sleep(1500);
    const { spoken, shown } = await frame.evaluate(() => {
      const w = window as unknown as { spoken: string[]; shown: string[] };
      return { spoken: w.spoken, shown: w.shown };
    });
    // The seconds are still shown as they tick …
    expect(shown.length, shown.join(' | ')).toBeGreaterThan(4);
    expect(shown[0]).toMatch(/^Keep waiting… \d s\./);
    // … but spoken twice in all: the start and the end.
    expect(spoken).toEqual(['Waiting after the question. Let the participants carry the talk.', 'The wait is over. If no one spoke, invite someone by name.']);
    await page.close();
  });

  describe('focus stays in the panel when the pressed control goes away', () => {
    it('run controls: Start, Pause, Resume, Back to the first phase, Finish', async () => {
      const { page, frame } = await panelWithWorkshop('en', 'en', false);
      await press(frame, 'Start the workshop');
      await expectFocus(frame, 'button:Pause');
      await press(frame, 'Pause');
      await expectFocus(frame, 'button:Resume');
      await press(frame, 'Resume');
      await expectFocus(frame, 'button:Pause');
      await press(frame, 'Next phase');
      await frame.waitForFunction(() => document.querySelector('#run-phase')?.textContent?.includes('Phase 2/'), { timeout: 10_000, polling: 100 });
      // Back to the first phase disables Back: focus goes on to Next phase.
      await press(frame, 'Back');
      await expectFocus(frame, 'button:Next phase');
      await press(frame, 'Agenda');
      const last = await frame.$$eval('.agenda button', (buttons) => buttons[buttons.length - 1]!.textContent ?? '');
      await press(frame, last);
      await press(frame, 'Finish the workshop');
      await expectFocus(frame, 'h2:Phase ');
      expect(await focused(frame)).toContain(last);
      if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/run-finished-focus.png` });
      await page.close();
    });

    it('the overrun box: moving the end puts focus on the phase heading', async () => {
      const { page, frame } = await panelWithWorkshop('en', 'en', true, { templateId: 'virtual-meeting-50', startedAgoMs: 14 * 60_000 });
      await frame.waitForSelector('[data-testid="overrun"] button');
      await press(frame, 'Move the end to');
      await expectFocus(frame, 'h2:Phase 1/');
      await page.close();
    });

    it('turns: Give the floor to the last hand, I asked a question, and the wait running out', async () => {
      const { page, frame } = await panelWithWorkshop('en');
      await openTab(frame, 'Turns');
      await press(frame, 'Give the floor to');
      await frame.waitForFunction(() => !document.body.innerText.includes('Give the floor to'), { timeout: 10_000, polling: 100 });
      await expectFocus(frame, 'button:I asked a question: wait');
      await press(frame, 'I asked a question: wait');
      await expectFocus(frame, 'button:Stop waiting');
      await frame.waitForFunction(() => document.body.innerText.includes('The wait is over'), { timeout: 20_000, polling: 200 });
      await expectFocus(frame, 'button:I asked a question: wait');
      await page.close();
    });

    it('prompt cards: Later moves focus to the next card, Dismiss on the last one to the library', async () => {
      const { page, frame } = await panelWithWorkshop('en');
      await openTab(frame, 'Prompts');
      await frame.waitForSelector('[data-testid="surfaced"] .prompt-card');
      const titles = await frame.$$eval('[data-testid="surfaced"] .prompt-card h3', (h) => h.map((e) => e.textContent ?? ''));
      expect(titles.length).toBeGreaterThanOrEqual(2);
      await press(frame, 'Later');
      await expectFocus(frame, `h3:${titles[1]}`);
      for (let left = titles.length - 1; left > 1; left--) await press(frame, 'Dismiss');
      await frame.waitForFunction(() => document.querySelectorAll('[data-testid="surfaced"] .prompt-card').length === 1, { timeout: 10_000, polling: 100 });
      await press(frame, 'Dismiss');
      await expectFocus(frame, 'button:All cards');
      await page.close();
    });
  });
});
