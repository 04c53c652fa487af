import { describe, expect, it } from 'vitest';
import { endMinute, overrunOffer } from '../../../src/script/overrun';
import { computeRunState, type Run, type RunEvent } from '../../../src/script/timing';
import { t } from '../../../src/ui/i18n';
import { formatClock } from '../../../src/ui/shared/clock';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const MIN = 60_000;

function run(events: RunEvent[]): Run {
  return {
    id: 'run-1',
    scriptId: 'script-1',
    workshopIndex: 0,
    phases: [
      { id: 'a', title: 'Check-in', plannedSec: 600, minSec: 300 },
      { id: 'b', title: 'Map', plannedSec: 1200, minSec: 600 },
      { id: 'c', title: 'Close', plannedSec: 900, minSec: 300 },
    ],
    events,
  };
}

describe('overrunOffer', () => {
  it('is quiet while the workshop is on time', () => {
    expect(overrunOffer(run([{ type: 'start', at: T0 }]), T0 + 5 * MIN)).toBeNull();
    // The phase nearly out, but the end is not at risk: the clock says it, no box.
    expect(overrunOffer(run([{ type: 'start', at: T0 }]), T0 + 9.5 * MIN)).toBeNull();
  });

  it('offers to shorten the rest and to move the end when a phase runs over', () => {
    const offer = overrunOffer(run([{ type: 'start', at: T0 }]), T0 + 14 * MIN);
    expect(offer?.reason).toBe('phase-over');
    expect(offer?.reschedule?.toMinimums).toBe(false);
    expect(offer?.moveEndTo).toBe(T0 + 49 * MIN);
  });

  it('goes away after the end is moved, and comes back only once the workshop is late again', () => {
    const at = T0 + 14 * MIN + 20_000;
    const before = overrunOffer(run([{ type: 'start', at: T0 }]), at)!;
    const moved = run([{ type: 'start', at: T0 }, { type: 'moveEnd', at, plannedEnd: before.moveEndTo! }]);
    expect(overrunOffer(moved, at)).toBeNull();
    expect(overrunOffer(moved, at + 30_000)).toBeNull();
    // The phase keeps running over: a minute and more past the moved end, the box is back.
    expect(overrunOffer(moved, at + 2 * MIN)?.moveEndTo).toBe(before.moveEndTo! + 2 * MIN);
  });

  it('does not offer a reschedule that changes nothing', () => {
    // The last phase running over: nothing after it to shorten, only the end can move.
    const events: RunEvent[] = [{ type: 'start', at: T0 }, { type: 'next', at: T0 + 10 * MIN }, { type: 'next', at: T0 + 30 * MIN }];
    const offer = overrunOffer(run(events), T0 + 50 * MIN);
    expect(offer?.reschedule).toBeUndefined();
    expect(offer?.moveEndTo).toBe(T0 + 50 * MIN);
  });

  it('is quiet while paused', () => {
    expect(overrunOffer(run([{ type: 'start', at: T0 }, { type: 'pause', at: T0 + 14 * MIN }]), T0 + 15 * MIN)).toBeNull();
  });

  // "+5 min" in the first minute: the box said "Time is running short" with two hours left and did
  // not say by how much; the projected end above it and the button below named different minutes.
  it('says how far past the planned end the workshop is heading, and names one end minute throughout', () => {
    const at = T0 + 40_000;
    const events: RunEvent[] = [{ type: 'start', at: T0 }, { type: 'extend', at: T0 + 30_000, sec: 300 }];
    const offer = overrunOffer(run(events), at)!;
    expect(offer.reason).toBe('late');
    expect(offer.lateMin).toBe(5);
    expect(offer.plannedEndMs).toBe(T0 + 45 * MIN);
    const end = (lang: 'fi' | 'en') => formatClock(offer.plannedEndMs, lang);
    expect(t('runOverrunWarn', { min: offer.lateMin, time: end('fi') }, 'fi')).toBe(`Työpaja on venymässä 5 min yli suunnitellun lopun (klo ${end('fi')}).`);
    expect(t('runOverrunWarn', { min: offer.lateMin, time: end('en') }, 'en')).toBe(`The workshop is heading 5 min past its planned end (${end('en')}).`);
    // Over its time, at a moment with seconds: the projected end shown and the end offered agree.
    const over = run([{ type: 'start', at: T0 }]);
    const late = T0 + 14 * MIN + 25_000;
    expect(endMinute(computeRunState(over, late).projectedEndMs)).toBe(overrunOffer(over, late)!.moveEndTo);
  });

  it('counts the minutes late from the planned end as written, so the words and the button agree', () => {
    // Started 10 s past the minute: the planned end is written 9:46, the button says 9:51, and the
    // words say 5 min (they said 6: 5 min 50 s rounded, from the planned end's seconds).
    const start = T0 + 10_000;
    const late = overrunOffer(run([{ type: 'start', at: start }, { type: 'extend', at: start + 30_000, sec: 300 }]), start + MIN)!;
    expect(late.moveEndTo! - endMinute(late.plannedEndMs)).toBe(5 * MIN);
    expect(late.lateMin).toBe(5);
  });
});
