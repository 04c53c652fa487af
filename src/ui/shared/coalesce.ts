// One load at a time for a view that reloads on every store change: a burst of changes (a paste of
// 500 lines, an import merged into the open workshop, a live-shared room catching up) used to start
// one full reload per change, all at once, and a big workshop's list is seconds of the background's
// work each (issue 14: seeding 100,000 captures with the panel open took 331 s).

export interface Coalesced {
  /** Load now, or, while a load runs, once more after it (however many requests came meanwhile). */
  request(): void;
  /** No more loads, and nothing delivered from one still running. */
  stop(): void;
}

const MAX_GAP_MS = 2000;

/** Runs `load` at most once at a time; the newest data always arrives, in order. */
export function coalesced<T>(load: () => Promise<T>, deliver: (value: T) => void): Coalesced {
  let running = false;
  let again = false;
  let stopped = false;
  const run = () => {
    running = true;
    again = false;
    const started = performance.now();
    load()
      .then((value) => {
        if (!stopped) deliver(value);
      })
      // A failed load keeps what is shown; the next change loads again.
      .catch(() => undefined)
      .finally(() => {
        if (!again || stopped) {
          running = false;
          return;
        }
        // The next load waits as long as this one took: a list that takes the background a second
        // to gather leaves it a second for the writes that changed it (at most half its time on
        // reloads during a burst), and a quick list reloads at once.
        setTimeout(() => {
          if (stopped) running = false; // the view went away during the gap: no load for nobody
          else run();
        }, Math.min(MAX_GAP_MS, performance.now() - started));
      });
  };
  return {
    request() {
      if (stopped) return;
      if (running) again = true;
      else run();
    },
    stop() {
      stopped = true;
    },
  };
}
