// Every renderer is written once, as a generator that reports progress every CHUNK captures. The
// synchronous renderers run it straight through; renderAsync gives the event loop a turn at each
// report, so a page stays responsive while a long export renders.

export const CHUNK = 1000;

export interface Progress {
  done: number;
  total: number;
}

export type RenderSteps = Generator<Progress, string, void>;

export type OnProgress = (done: number, total: number) => void;

export function runSteps(steps: RenderSteps, onProgress?: OnProgress): string {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value.done, step.value.total);
  }
}

export async function runStepsAsync<T = string>(steps: Generator<Progress, T, void>, onProgress?: OnProgress): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value.done, step.value.total);
    await yieldToEventLoop();
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Counts rendered captures and says when to report: every CHUNK, and once at the end. */
export class ProgressTracker {
  done = 0;
  private reported = -1;

  constructor(readonly total: number) {}

  /** Renders items one by one, reporting every CHUNK items. */
  *map<T>(items: readonly T[], render: (item: T) => string): Generator<Progress, string[], void> {
    const out: string[] = [];
    for (const item of items) {
      out.push(render(item));
      this.done++;
      if (this.done % CHUNK === 0) yield this.report();
    }
    return out;
  }

  /** Like map, for renderers that build something other than strings. */
  *mapItems<T, R>(items: readonly T[], render: (item: T) => R): Generator<Progress, R[], void> {
    const out: R[] = [];
    for (const item of items) {
      out.push(render(item));
      this.done++;
      if (this.done % CHUNK === 0) yield this.report();
    }
    return out;
  }

  /** Counts items rendered together, reporting if that crossed a multiple of CHUNK. */
  *advance(count: number): Generator<Progress, void, void> {
    const before = Math.floor(this.done / CHUNK);
    this.done += count;
    if (Math.floor(this.done / CHUNK) > before) yield this.report();
  }

  *finish(): Generator<Progress, void, void> {
    if (this.reported !== this.done) yield this.report();
  }

  private report(): Progress {
    this.reported = this.done;
    return { done: this.done, total: this.total };
  }
}
