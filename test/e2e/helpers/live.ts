// Reading the panel's Turns, Prompts and Capture tabs as a user sees them: names, badges, the hand
// queue, chat lines and capture texts, all taken from the rendered panel frame.
import type { Frame, Page } from 'puppeteer';
import { afterEach } from 'vitest';
import { openFixture, panelFrame, type ExtensionHandle } from '../harness/e2e';
import { askBackground, waitForText } from './ui';

export interface CapabilityRow {
  /** The badge text the user reads: "live" or "manual". */
  badge: string;
  /** The reason or hint shown next to the badge, if any. */
  why: string;
  /** The adapter's state behind it (ok, needs-user, degraded, unsupported, none). */
  state: string;
}

/** The "What Vuoro can read on this page" list of the Turns tab, by capability. */
export async function capabilityRows(frame: Frame): Promise<Record<string, CapabilityRow>> {
  return frame.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.status-list li[data-cap]')].map((li) => [
        li.dataset.cap!,
        {
          badge: (li.querySelector('.badge')?.textContent ?? '').trim(),
          why: (li.querySelector('.status-why')?.textContent ?? '').trim(),
          state: li.dataset.state ?? '',
        },
      ]),
    ),
  );
}

/** Polls `read` until `accept` holds; returns the last value read (and fails with it when time runs out). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 150));
    last = await read();
  }
  return last;
}

/** The people listed in the Turns tab, as shown: name, time text, whether "not heard yet" shows. */
export async function people(frame: Frame): Promise<{ name: string; time: string; notHeard: boolean; speaking: boolean; absent: boolean }[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="people"] > li')].map((li) => {
      const button = li.querySelector<HTMLElement>('.person-name')!;
      // The name is the button's own text before any " · marker" span.
      const name = [...button.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      return {
        name,
        time: (li.querySelector('.person-time')?.textContent ?? '').trim(),
        notHeard: (button.textContent ?? '').includes('not heard yet'),
        speaking: button.getAttribute('aria-pressed') === 'true',
        absent: (button.textContent ?? '').includes('left the call'),
      };
    }),
  );
}

export const peopleNames = async (frame: Frame) => (await people(frame)).map((p) => p.name);

/** "0:07 (100%)" → 7 seconds. */
export function seconds(time: string): number {
  const clock = /(-?\d+(?::\d+)+)/.exec(time)?.[1] ?? '0';
  return clock.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
}

/** The raised hands queue in the order shown. */
export async function handNames(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll('[data-testid="hands"] > li')].map((li) => (li.firstChild?.textContent ?? '').trim()),
  );
}

/** Chat lines in the Capture tab (newest first, as shown), as "author: text". */
export async function chatLines(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('.capture-chat .chat-line > span')].map((s) => (s.textContent ?? '').trim()));
}

/** The capture texts listed in the Capture tab. */
export async function captureTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('[data-testid="capture-list"] .capture-text')].map((s) => s.textContent ?? ''));
}

/** The titles of the prompt cards surfaced now. */
export async function surfacedTitles(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('[data-testid="surfaced"] .prompt-card h3')].map((h) => (h.textContent ?? '').trim()));
}

/** Elements in the panel frame that only markup from a page could have made. */
export async function injectedElements(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll('body img, body iframe, body svg:not([data-icon]), body a[href^="javascript"], body script, [onerror], [onload]')].map((e) => e.outerHTML.slice(0, 120)),
  );
}

/** Whether page script set the XSS canary, in the page or any of its same-origin frames. */
export async function pwned(page: Page): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const frame of page.frames()) {
    const v = await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);
    if (v !== undefined) values.push(v);
  }
  return values;
}

/** Calls a fixture hook (`window.__fx[name](...args)`) in the page. */
export async function fx(page: Page, name: string, ...args: unknown[]): Promise<void> {
  await page.evaluate((n: string, a: unknown[]) => (window as unknown as { __fx: Record<string, (...x: unknown[]) => void> }).__fx[n]!(...a), name, args);
}

/**
 * Makes a new workshop from the Change Dialogue template the active one; the open panel follows
 * at once, as it does when the facilitator starts one from its Start view: its workshop view draws
 * anew (keyed by the workshop), so its captures, cards and what it recorded start empty. (Setup,
 * not what is tested: it goes through the background as the Start view does. It reloaded the page,
 * which cost each test a second page load.)
 */
export async function freshWorkshop(page: Page): Promise<Frame> {
  const frame = await panelFrame(page);
  // The panel draws only once the background has admitted its frame (src/background/panelTrust.ts);
  // before that, its requests are refused.
  await frame.waitForSelector('[role="tab"]', { timeout: 10_000 });
  const reply = await askBackground<{ ok: boolean; value: { workshop: { id: string } } }>(frame, {
    to: 'background',
    type: 'workshop/from-template',
    templateId: 'change-dialogue-series',
    lang: 'en',
    workshopIndex: 0,
  });
  if (!reply.ok) throw new Error(`Could not start a new workshop: ${JSON.stringify(reply)}`);
  await panelShowsWorkshop(frame, reply.value.workshop.id);
  await waitForText(frame, 'Phase 1/');
  return frame;
}

/** Waits until the open panel draws workshop `id` (its root carries the id), as it follows the active workshop. */
export async function panelShowsWorkshop(frame: Frame, id: string): Promise<void> {
  await frame.waitForFunction((w: string) => document.querySelector(`.panel[data-workshop="${w}"]`) !== null, { polling: 100, timeout: 10_000 }, id);
}

/**
 * Pages a test opens with `visit`, closed after each test so rosters and captures never leak from
 * one test into the next. Call inside a describe, after useExtension().
 */
export function pagesPerTest(extension: ExtensionHandle): { visit(url: string): Promise<Page>; track(page: Page): Page } {
  let open: Page[] = [];
  afterEach(async () => {
    for (const page of open) await page.close().catch(() => {});
    open = [];
  });
  const track = (page: Page) => {
    open.push(page);
    return page;
  };
  return { visit: async (url: string) => track(await openFixture(extension.ctx, url)), track };
}
