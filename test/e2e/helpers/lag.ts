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

/**
 * Watches the main thread of a page (or frame) from now until `stop`. A timer asks to run every
 * `everyMs`; the longest it was kept waiting is the longest stretch the page could not have
 * answered a key or a click, whatever held it. Start it before the action: a freeze the action
 * causes at once (a file parsed on the page's main thread) also holds up typing meant to measure
 * it, so typing started after the action never sees it. Where the browser reports long tasks
 * (Chromium), `longTasks` lists their durations: the page's own work, apart from a busy machine.
 */
export async function watchMainThread(target: Target, everyMs = 20): Promise<{ stop: () => Promise<{ longest: number; beats: number; longTasks: number[] }> }> {
  await target.evaluate((every: number) => {
    const watch = { longest: 0, beats: 0, longTasks: [] as number[], stopped: false };
    (window as unknown as { __watch: typeof watch }).__watch = watch;
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      new PerformanceObserver((list) => {
        if (!watch.stopped) for (const entry of list.getEntries()) watch.longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    }
    let last = performance.now();
    (window as unknown as { __watchLate: () => number }).__watchLate = () => performance.now() - last - every;
    const beat = () => {
      const now = performance.now();
      watch.longest = Math.max(watch.longest, now - last - every);
      watch.beats += 1;
      last = now;
      if (!watch.stopped) setTimeout(beat, every);
    };
    setTimeout(beat, every);
  }, everyMs);
  return {
    stop: () =>
      target.evaluate(() => {
        const w = window as unknown as { __watch: { longest: number; beats: number; longTasks: number[]; stopped: boolean }; __watchLate: () => number };
        const watch = w.__watch;
        watch.stopped = true;
        // A wait still going on (this runs before the overdue beat would have) counts too.
        watch.longest = Math.max(watch.longest, w.__watchLate());
        return { longest: Math.round(watch.longest), beats: watch.beats, longTasks: watch.longTasks };
      }),
  };
}
