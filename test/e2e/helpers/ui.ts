// Small helpers for driving the panel and extension pages by what a user sees: visible text and
// accessible names, not implementation classes.
import type { Frame, Page } from 'puppeteer';

type Target = Page | Frame;

export async function waitForText(target: Target, text: string, timeoutMs = 10_000): Promise<void> {
  await target.waitForFunction((t: string) => document.body?.innerText.includes(t), { timeout: timeoutMs, polling: 100 }, text);
}

/**
 * Waits until the panel shows the background's own answer (its 'vuoro:panel-answered' mark): it
 * draws the last known workshop at once, busy until the answer comes (src/ui/panel/Panel.tsx).
 */
export async function waitForAnswer(frame: Frame, timeoutMs = 10_000): Promise<void> {
  await frame.waitForFunction(() => performance.getEntriesByName('vuoro:panel-answered').length > 0, { timeout: timeoutMs, polling: 50 });
}

/** Waits until the text of `target` stays the same for `quietMs` (what the page has sent has come in). */
export async function waitForSteadyText(target: Target, quietMs = 400, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = await textOf(target);
  for (;;) {
    await sleep(quietMs);
    const now = await textOf(target);
    if (now === last || Date.now() > deadline) return now;
    last = now;
  }
}

export async function textOf(target: Target, selector = 'body'): Promise<string> {
  return target.evaluate((s: string) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector);
}

/** Clicks the first button whose text or aria-label contains `name`. */
export async function clickButton(target: Target, name: string, timeoutMs = 10_000): Promise<void> {
  await target.waitForFunction(
    (n: string) =>
      [...document.querySelectorAll('button')].some((b) => !b.disabled && ((b.textContent ?? '').includes(n) || (b.getAttribute('aria-label') ?? '').includes(n))),
    { timeout: timeoutMs, polling: 100 },
    name,
  );
  await target.evaluate((n: string) => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => !b.disabled && ((b.textContent ?? '').includes(n) || (b.getAttribute('aria-label') ?? '').includes(n)),
    );
    button!.click();
  }, name);
}

export async function openTab(frame: Frame, name: 'Script' | 'Turns' | 'Prompts' | 'Capture' | 'Series'): Promise<void> {
  await frame.waitForSelector('[role="tab"]');
  await frame.evaluate((n: string) => {
    const tab = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => (b.textContent ?? '').startsWith(n));
    tab!.click();
  }, name);
  // A tab's code loads when it is first shown (src/ui/panel/lazyTabs.tsx): wait for it, not for its placeholder.
  await frame.waitForFunction(() => !document.querySelector('[data-testid="tab-loading"]'), { timeout: 10_000, polling: 100 });
}

/** Types into an input found by selector (React-style controlled inputs need real input events). */
export async function typeInto(target: Target, selector: string, text: string): Promise<void> {
  await target.waitForSelector(selector);
  await target.evaluate(
    (s: string, value: string) => {
      const input = document.querySelector(s) as HTMLInputElement | HTMLTextAreaElement;
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    text,
  );
}

export async function submitForm(target: Target, selector: string): Promise<void> {
  await target.evaluate((s: string) => (document.querySelector(s)!.closest('form') as HTMLFormElement).requestSubmit(), selector);
}

/** Sends a message to the background from an extension frame, as the panel itself would. */
export async function askBackground<T>(frame: Frame, message: Record<string, unknown>): Promise<T> {
  return frame.evaluate(async (m: Record<string, unknown>) => {
    const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    return (await api.runtime.sendMessage(m)) as unknown;
  }, message) as Promise<T>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pastes clipboard data (type → value, as a board's copy wrote it) into the Capture tab's paste box. */
export async function pasteIntoPanel(panel: Frame, data: Record<string, string>): Promise<void> {
  await panel.evaluate((copied: Record<string, string>) => {
    (document.querySelector('details.capture-paste') as HTMLDetailsElement).open = true;
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(copied)) transfer.setData(type, value);
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    // A browser may leave a synthetic event's clipboardData empty: then it is given one.
    if (!event.clipboardData?.types.length) Object.defineProperty(event, 'clipboardData', { value: transfer });
    document.querySelector('details.capture-paste textarea')!.dispatchEvent(event);
  }, data);
}

/**
 * "Enable on this site" as the popup's button does it, from an extension page: the host permission
 * asked for in a click (a user gesture), then the site enabled. The browser must be launched so
 * that the request needs no prompt (see test/e2e/enable-site.e2e.test.ts).
 */
export async function grantAndEnableSite(extensionPage: Page, origin: string): Promise<void> {
  await extensionPage.evaluate((o: string) => {
    const button = document.createElement('button');
    button.id = 'grant-site';
    button.textContent = 'grant';
    button.addEventListener('click', () => {
      type Api = { permissions: { request(p: unknown): Promise<boolean> } };
      const api = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      void api.permissions.request({ origins: [`${o}/*`] }).then((granted) => ((window as unknown as { __granted: boolean }).__granted = granted));
    });
    document.body.append(button);
  }, origin);
  await extensionPage.click('#grant-site');
  await extensionPage.waitForFunction(() => (window as unknown as { __granted?: boolean }).__granted === true, { timeout: 10_000, polling: 100 });
  const enabled = await askBackground<{ ok: boolean }>(extensionPage.mainFrame(), { to: 'background', type: 'site/enable', origin });
  if (!enabled.ok) throw new Error(`site/enable ${origin}: ${JSON.stringify(enabled)}`);
}
