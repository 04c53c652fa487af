// A check that runs every so often while the page is shown, and not while its tab is hidden: the
// overlay check (./main.ts) looks for what would catch clicks meant for the panel, and nobody
// clicks into a hidden tab. When the tab is shown again the check runs at once, so an overlay
// added meanwhile is reported before the facilitator can click, not up to one interval later.

export interface ShownDocument {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface IntervalTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

const browserTimers: IntervalTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
};

/** Runs `check` every `ms` while `doc` is shown; returns a stop function. */
export function everyWhileShown(doc: ShownDocument, check: () => void, ms: number, timers: IntervalTimers = browserTimers): () => void {
  let timer: unknown;
  const stopTimer = () => {
    if (timer !== undefined) timers.clearInterval(timer);
    timer = undefined;
  };
  const follow = () => {
    if (doc.hidden) return stopTimer();
    if (timer !== undefined) return;
    check();
    timer = timers.setInterval(check, ms);
  };
  doc.addEventListener('visibilitychange', follow);
  if (!doc.hidden) timer = timers.setInterval(check, ms);
  return () => {
    stopTimer();
    doc.removeEventListener('visibilitychange', follow);
  };
}
