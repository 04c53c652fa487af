import { describe, expect, it } from 'vitest';
import { everyWhileShown, type IntervalTimers, type ShownDocument } from '../../../src/content/whileShown';

/** A tab that can be hidden and shown, on a fake clock: `advance` fires the intervals that come due. */
function tab(hidden = false) {
  let now = 0;
  let nextId = 1;
  const intervals = new Map<number, { fn: () => void; ms: number; next: number }>();
  const listeners = new Set<() => void>();
  const doc: ShownDocument & { hidden: boolean } = {
    hidden,
    addEventListener: (_type, fn) => void listeners.add(fn),
    removeEventListener: (_type, fn) => void listeners.delete(fn),
  };
  const timers: IntervalTimers = {
    setInterval: (fn, ms) => {
      intervals.set(nextId, { fn, ms, next: now + ms });
      return nextId++;
    },
    clearInterval: (id) => void intervals.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...intervals.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.ms;
      due.fn();
    }
    now = end;
  };
  const setHidden = (value: boolean) => {
    doc.hidden = value;
    for (const fn of listeners) fn();
  };
  return { doc, timers, advance, setHidden, intervals, listeners };
}

describe('everyWhileShown', () => {
  it('checks every interval while the tab is shown', () => {
    const t = tab();
    let checks = 0;
    everyWhileShown(t.doc, () => checks++, 500, t.timers);
    t.advance(2_000);
    expect(checks).toBe(4);
  });

  it('does not check while the tab is hidden, and checks at once when it is shown again', () => {
    const t = tab();
    let checks = 0;
    everyWhileShown(t.doc, () => checks++, 500, t.timers);
    t.advance(1_000);
    expect(checks).toBe(2);
    t.setHidden(true);
    t.advance(60_000);
    expect(checks).toBe(2);
    expect(t.intervals.size).toBe(0);
    t.setHidden(false);
    expect(checks).toBe(3); // at once, not one interval later
    t.advance(500);
    expect(checks).toBe(4);
  });

  it('starts paused in a tab that is hidden when it is injected', () => {
    const t = tab(true);
    let checks = 0;
    everyWhileShown(t.doc, () => checks++, 500, t.timers);
    t.advance(5_000);
    expect(checks).toBe(0);
    t.setHidden(false);
    t.advance(500);
    expect(checks).toBe(2);
  });

  it('keeps one interval when shown twice in a row, and stops for good', () => {
    const t = tab();
    let checks = 0;
    const stop = everyWhileShown(t.doc, () => checks++, 500, t.timers);
    t.setHidden(false);
    t.setHidden(false);
    expect(t.intervals.size).toBe(1);
    t.advance(500);
    expect(checks).toBe(1);
    stop();
    t.advance(5_000);
    expect(checks).toBe(1);
    expect(t.listeners.size).toBe(0);
  });
});
