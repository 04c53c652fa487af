// Input lag as a user feels it: from a key press (the event's own timestamp) to the first moment the
// page's main thread is free again after the frame that shows it. Real key presses through the
// driver, into an element of a page or of the panel frame.
import type { Frame, Page } from 'puppeteer';

type Target = Page | Frame;

/** Types `keys` one by one into `selector`, `gapMs` apart; returns each press's lag in ms. */
export async function inputLag(target: Target, selector: string, keys: string, gapMs = 60): Promise<number[]> {
  await target.evaluate((s: string) => {
    const w = window as unknown as { __lag?: number[] };
    w.__lag = [];
    const el = document.querySelector(s) as HTMLElement & { __lagProbe?: boolean };
    el.focus();
    if (el.__lagProbe) return;
    el.__lagProbe = true;
    el.addEventListener(
      'keydown',
      (e) => {
        const pressed = e.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__lag!.push(performance.now() - pressed);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  }, selector);
  const page = 'page' in target && typeof target.page === 'function' ? (target as Frame).page() : (target as Page);
  for (const key of keys) {
    await page.keyboard.type(key);
    await new Promise((done) => setTimeout(done, gapMs));
  }
  await new Promise((done) => setTimeout(done, 500));
  return target.evaluate(() => (window as unknown as { __lag: number[] }).__lag);
}

export function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? NaN;
}
