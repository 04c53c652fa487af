import { describe, expect, it } from 'vitest';
import {
  RunSchema,
  appendEvent,
  computeRunState,
  createRun,
  crossedMilestone,
  defaultMinSec,
  formatDuration,
  formatOverrun,
  orderedEvents,
  overrunLevel,
  proposeReschedule,
  type Run,
  type RunEvent,
} from '../../../src/script/timing';
import { instantiateTemplate } from '../../../src/script/templates';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;

function run(events: RunEvent[] = [], extra: Partial<Run> = {}): Run {
  return {
    id: 'run-1',
    scriptId: 'script-1',
    workshopIndex: 0,
    phases: [
      { id: 'a', title: 'Check-in', plannedSec: 600, minSec: 300 },
      { id: 'b', title: 'Map', plannedSec: 1200, minSec: 600 },
      { id: 'c', title: 'Break', plannedSec: 300, minSec: 300 },
      { id: 'd', title: 'Close', plannedSec: 900, minSec: 300 },
    ],
    events,
    ...extra,
  };
}

describe('computeRunState: basic controls', () => {
  it('is not started before a start event', () => {
    const state = computeRunState(run(), T0);
    expect(state.status).toBe('not-started');
    expect(state.phaseIndex).toBe(0);
    expect(state.elapsedMs).toBe(0);
    expect(state.progress).toBe(0);
    expect(state.projectedEndMs).toBe(T0 + 3000 * SEC);
    expect(state.plannedEndMs).toBeUndefined();
  });

  it('counts elapsed and remaining time from the start stamp', () => {
    const state = computeRunState(run([{ type: 'start', at: T0 }]), T0 + 4 * MIN);
    expect(state.status).toBe('running');
    expect(state.elapsedMs).toBe(4 * MIN);
    expect(state.remainingMs).toBe(6 * MIN);
    expect(state.overrunMs).toBe(0);
    expect(state.nextPhase?.id).toBe('b');
    expect(state.plannedEndMs).toBe(T0 + 50 * MIN);
    expect(state.projectedEndMs).toBe(T0 + 50 * MIN);
    expect(state.progress).toBeCloseTo(4 / 50, 10);
  });

  it('excludes paused time from the phase and pushes the projected end', () => {
    const events: RunEvent[] = [
      { type: 'start', at: T0 },
      { type: 'pause', at: T0 + 2 * MIN },
      { type: 'resume', at: T0 + 7 * MIN },
    ];
    const paused = computeRunState(run(events.slice(0, 2)), T0 + 5 * MIN);
    expect(paused.status).toBe('paused');
    expect(paused.elapsedMs).toBe(2 * MIN);
    expect(paused.pausedMs).toBe(3 * MIN);
    expect(paused.projectedEndMs).toBe(T0 + 5 * MIN + 48 * MIN);

    const resumed = computeRunState(run(events), T0 + 10 * MIN);
    expect(resumed.status).toBe('running');
    expect(resumed.elapsedMs).toBe(5 * MIN);
    expect(resumed.remainingMs).toBe(5 * MIN);
    expect(resumed.pausedMs).toBe(5 * MIN);
    expect(resumed.projectedEndMs).toBe(T0 + 55 * MIN);
    expect(resumed.plannedEndMs).toBe(T0 + 50 * MIN);
  });

  it('goes negative when a phase runs over', () => {
    const state = computeRunState(run([{ type: 'start', at: T0 }]), T0 + 11 * MIN + 30 * SEC);
    expect(state.remainingMs).toBe(-90 * SEC);
    expect(state.overrunMs).toBe(90 * SEC);
    // An overrunning phase is assumed to end now; the rest keep their time.
    expect(state.projectedEndMs).toBe(T0 + 11.5 * MIN + 40 * MIN);
  });

  it('extends only the current phase', () => {
    const state = computeRunState(
      run([
        { type: 'start', at: T0 },
        { type: 'extend', at: T0 + MIN, sec: 120 },
      ]),
      T0 + 3 * MIN,
    );
    expect(state.phase.effectiveSec).toBe(720);
    expect(state.phase.plannedSec).toBe(600);
    expect(state.remainingMs).toBe(9 * MIN);
    expect(state.phases[1]!.effectiveSec).toBe(1200);
    expect(state.projectedEndMs).toBe(T0 + 52 * MIN);
  });

  it('records actual start, end and running time per phase on next', () => {
    const state = computeRunState(
      run([
        { type: 'start', at: T0 },
        { type: 'pause', at: T0 + 4 * MIN },
        { type: 'resume', at: T0 + 6 * MIN },
        { type: 'next', at: T0 + 12 * MIN },
      ]),
      T0 + 15 * MIN,
    );
    expect(state.phaseIndex).toBe(1);
    expect(state.phases[0]).toMatchObject({ actualStartMs: T0, actualEndMs: T0 + 12 * MIN, actualMs: 10 * MIN, actualSec: 600 });
    expect(state.phases[1]).toMatchObject({ actualStartMs: T0 + 12 * MIN, actualMs: 3 * MIN });
    expect(state.phases[1]!.actualEndMs).toBeUndefined();
    expect(state.phases[2]!.actualStartMs).toBeUndefined();
    expect(state.elapsedMs).toBe(3 * MIN);
  });

  it('continues a phase where it left off after back, and goto jumps', () => {
    const events: RunEvent[] = [
      { type: 'start', at: T0 },
      { type: 'next', at: T0 + 5 * MIN },
      { type: 'back', at: T0 + 8 * MIN },
    ];
    const back = computeRunState(run(events), T0 + 9 * MIN);
    expect(back.phaseIndex).toBe(0);
    expect(back.elapsedMs).toBe(6 * MIN);
    expect(back.phases[0]!.actualEndMs).toBeUndefined();
    expect(back.phases[1]).toMatchObject({ actualStartMs: T0 + 5 * MIN, actualEndMs: T0 + 8 * MIN, actualMs: 3 * MIN });
    // Phase b is still owed its remaining 17 minutes in the projection.
    expect(back.projectedEndMs).toBe(T0 + 9 * MIN + 4 * MIN + 17 * MIN + 5 * MIN + 15 * MIN);

    const jumped = computeRunState(run([...events, { type: 'goto', at: T0 + 10 * MIN, index: 3 }]), T0 + 11 * MIN);
    expect(jumped.phaseIndex).toBe(3);
    expect(jumped.nextPhase).toBeUndefined();
    expect(jumped.phases[2]!.actualStartMs).toBeUndefined();
    expect(jumped.elapsedMs).toBe(MIN);
    expect(jumped.projectedEndMs).toBe(T0 + 11 * MIN + 14 * MIN);
  });

  it('ignores back at the first phase and a goto out of range', () => {
    const state = computeRunState(
      run([
        { type: 'start', at: T0 },
        { type: 'back', at: T0 + MIN },
        { type: 'goto', at: T0 + 2 * MIN, index: 9 },
      ]),
      T0 + 3 * MIN,
    );
    expect(state.phaseIndex).toBe(0);
    expect(state.elapsedMs).toBe(3 * MIN);
  });

  it('finishes on finish, or on next from the last phase, and then stops counting', () => {
    const finished = computeRunState(
      run([
        { type: 'start', at: T0 },
        { type: 'finish', at: T0 + 20 * MIN },
        { type: 'next', at: T0 + 21 * MIN },
      ]),
      T0 + 60 * MIN,
    );
    expect(finished.status).toBe('finished');
    expect(finished.finishedAtMs).toBe(T0 + 20 * MIN);
    expect(finished.phaseIndex).toBe(0);
    expect(finished.elapsedMs).toBe(20 * MIN);
    expect(finished.progress).toBe(1);
    expect(finished.projectedEndMs).toBe(T0 + 20 * MIN);
    expect(finished.phases[0]!.actualEndMs).toBe(T0 + 20 * MIN);
    expect(overrunLevel(finished)).toBe('none');

    const viaNext = computeRunState(
      run([
        { type: 'start', at: T0 },
        { type: 'goto', at: T0 + MIN, index: 3 },
        { type: 'next', at: T0 + 2 * MIN },
      ]),
      T0 + 5 * MIN,
    );
    expect(viaNext.status).toBe('finished');
    expect(viaNext.phases[3]!.actualMs).toBe(MIN);
  });

  it('applies reschedules to the named phases, replacing earlier extensions', () => {
    const state = computeRunState(
      run([
        { type: 'start', at: T0 },
        { type: 'extend', at: T0 + MIN, sec: 300 },
        { type: 'reschedule', at: T0 + 2 * MIN, durations: { a: 480, c: 120, nope: 999 } },
        { type: 'moveEnd', at: T0 + 3 * MIN, plannedEnd: T0 + 45 * MIN },
      ]),
      T0 + 4 * MIN,
    );
    expect(state.phases.map((p) => p.effectiveSec)).toEqual([480, 1200, 120, 900]);
    expect(state.plannedEndMs).toBe(T0 + 45 * MIN);
    expect(state.projectedEndMs).toBe(T0 + 4 * MIN + 4 * MIN + 20 * MIN + 2 * MIN + 15 * MIN);
  });
});

describe('computeRunState: robustness', () => {
  const log: RunEvent[] = [
    { type: 'start', at: T0 },
    { type: 'pause', at: T0 + 3 * MIN },
    { type: 'resume', at: T0 + 5 * MIN },
    { type: 'extend', at: T0 + 6 * MIN, sec: 60 },
    { type: 'next', at: T0 + 12 * MIN },
    { type: 'pause', at: T0 + 20 * MIN },
    { type: 'resume', at: T0 + 21 * MIN },
    { type: 'next', at: T0 + 30 * MIN },
  ];

  it('ignores duplicated events (two tabs appending the same action)', () => {
    const once = computeRunState(run(log), T0 + 32 * MIN);
    const twice = computeRunState(run([...log, ...log, { type: 'next', at: T0 + 12 * MIN }]), T0 + 32 * MIN);
    expect(twice).toEqual(once);
    expect(once.phaseIndex).toBe(2);
    expect(once.phases[0]!.effectiveSec).toBe(660);
  });

  it('gives the same state for any order of the same events', () => {
    const expected = computeRunState(run(log), T0 + 32 * MIN);
    const reversed = computeRunState(run([...log].reverse()), T0 + 32 * MIN);
    const shuffled = computeRunState(run([log[4]!, log[0]!, log[7]!, log[2]!, log[1]!, log[6]!, log[3]!, log[5]!]), T0 + 32 * MIN);
    expect(reversed).toEqual(expected);
    expect(shuffled).toEqual(expected);
  });

  it('orders simultaneous events the same way whatever order they were logged in', () => {
    const a: RunEvent[] = [
      { type: 'next', at: T0 + MIN },
      { type: 'extend', at: T0 + MIN, sec: 120 },
      { type: 'start', at: T0 },
    ];
    expect(orderedEvents(a)).toEqual(orderedEvents([...a].reverse()));
    // The extension stamped together with next applies to the phase being left.
    expect(computeRunState(run(a), T0 + 2 * MIN).phases[0]!.effectiveSec).toBe(720);
  });

  it('does not apply events stamped after now', () => {
    const state = computeRunState(run([{ type: 'start', at: T0 }, { type: 'next', at: T0 + 10 * MIN }]), T0 + 9 * MIN);
    expect(state.phaseIndex).toBe(0);
    expect(state.elapsedMs).toBe(9 * MIN);
  });

  it('does not drift: state at any now follows from the log alone', () => {
    const r = run(log);
    // Pausing at T0+20 and resuming at T0+21 inside phase b, which started at T0+12.
    for (let now = T0 + 21 * MIN; now < T0 + 30 * MIN; now += 7_919) {
      const state = computeRunState(r, now);
      expect(state.elapsedMs).toBe(now - (T0 + 12 * MIN) - MIN);
      expect(state.remainingMs).toBe(1200 * SEC - state.elapsedMs);
    }
    // Reading the state a million times over changes nothing: there is no hidden tick count.
    const late = T0 + 29 * MIN + 1;
    const first = computeRunState(r, late);
    for (let i = 0; i < 1_000; i++) computeRunState(r, T0 + i * 997);
    expect(computeRunState(r, late)).toEqual(first);
    expect(first.elapsedMs).toBe(16 * MIN + 1);
  });

  it('appendEvent skips an action already in the log', () => {
    const r = run([{ type: 'start', at: T0 }]);
    expect(appendEvent(r, { type: 'start', at: T0 })).toBe(r);
    expect(appendEvent(r, { type: 'pause', at: T0 + 1 }).events).toHaveLength(2);
  });

  it('validates a stored run', () => {
    expect(RunSchema.safeParse(run(log)).success).toBe(true);
    expect(RunSchema.safeParse(run([{ type: 'extend', at: T0 } as unknown as RunEvent])).success).toBe(false);
    expect(RunSchema.safeParse(run([{ type: 'teleport', at: T0 } as unknown as RunEvent])).success).toBe(false);
    const huge = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`p${i}`, 60]));
    expect(RunSchema.safeParse(run([{ type: 'reschedule', at: T0, durations: huge }])).success).toBe(false);
    expect(RunSchema.safeParse(run([{ type: 'reschedule', at: T0, durations: { a: 59 } }])).success).toBe(false);
  });
});

describe('createRun', () => {
  it('snapshots the workshop phases with default minimums', () => {
    const script = instantiateTemplate('virtual-meeting-50', 'en', { plannedStart: '2025-03-03T09:00:00Z' });
    const created = createRun(script, 0, 'r1');
    expect(created.scriptId).toBe(script.id);
    expect(created.events).toEqual([]);
    expect(created.plannedEnd).toBe(Date.parse('2025-03-03T09:50:00Z'));
    const workshop = script.workshops[0]!;
    created.phases.forEach((phase, i) => {
      const source = workshop.phases[i]!;
      expect(phase).toMatchObject({ id: source.id, title: source.title, plannedSec: source.durationSec });
      expect(phase.minSec).toBe(source.minDurationSec ?? defaultMinSec(source.durationSec));
    });
    expect(RunSchema.safeParse(created).success).toBe(true);
  });

  it('defaults the minimum to half the planned time, never under a minute nor over the plan', () => {
    expect(defaultMinSec(1200)).toBe(600);
    expect(defaultMinSec(90)).toBe(60);
    expect(defaultMinSec(60)).toBe(60);
  });
});

describe('proposeReschedule', () => {
  const started = (extraEvents: RunEvent[] = []) => run([{ type: 'start', at: T0 }, ...extraEvents]);

  it('shrinks the remaining phases in proportion to end on target', () => {
    // At T0+10 the check-in is done-to-time (0 left); b, c, d want 20 + 5 + 15 = 40 min.
    const proposal = proposeReschedule(started(), T0 + 10 * MIN, T0 + 42 * MIN);
    expect(proposal.fits).toBe(true);
    expect(proposal.shortfallMs).toBe(0);
    expect(Object.keys(proposal.durations)).toEqual(['b', 'c', 'd']);
    const total = proposal.durations.b! + proposal.durations.c! + proposal.durations.d!;
    expect(total).toBeLessThanOrEqual(32 * 60);
    expect(total).toBeGreaterThan(32 * 60 - 3 * 60);
    // c is already at its floor (5 min), so b and d share the cut 20:15 ≈ 15.4 and 11.6 min.
    expect(proposal.durations.c).toBe(300);
    expect(Math.abs(proposal.durations.b! / proposal.durations.d! - 20 / 15)).toBeLessThan(0.1);
    // Applying the proposal makes the projection land on (or just before) the target.
    const applied = computeRunState(started([{ type: 'reschedule', at: T0 + 10 * MIN, durations: proposal.durations }]), T0 + 10 * MIN);
    expect(applied.projectedEndMs).toBeLessThanOrEqual(T0 + 42 * MIN);
    expect(applied.projectedEndMs).toBeGreaterThan(T0 + 40 * MIN);
  });

  it('counts what is left of the current phase', () => {
    const proposal = proposeReschedule(started(), T0 + 4 * MIN, T0 + 46 * MIN);
    // 6 min left in a; 36 min for b, c, d (40 wanted).
    const total = Object.values(proposal.durations).reduce((s, v) => s + v, 0);
    expect(total).toBeLessThanOrEqual(36 * 60);
    expect(total).toBeGreaterThanOrEqual(36 * 60 - 3 * 60);
    expect(proposal.durations.a).toBeUndefined();
  });

  it('keeps every phase at or above its minimum', () => {
    const proposal = proposeReschedule(started(), T0 + 10 * MIN, T0 + 10 * MIN + 21 * MIN);
    expect(proposal.fits).toBe(true);
    expect(proposal.durations.b).toBeGreaterThanOrEqual(600);
    expect(proposal.durations.c).toBeGreaterThanOrEqual(300);
    expect(proposal.durations.d).toBeGreaterThanOrEqual(300);
  });

  it('returns the minimums and the shortfall when even they do not fit', () => {
    const proposal = proposeReschedule(started(), T0 + 10 * MIN, T0 + 25 * MIN);
    expect(proposal.fits).toBe(false);
    expect(proposal.durations).toEqual({ b: 600, c: 300, d: 300 });
    // Minimums need 20 min; 15 min are available.
    expect(proposal.shortfallMs).toBe(5 * MIN);
  });

  it('does not grow phases when ahead, but reports the spare time', () => {
    const proposal = proposeReschedule(started(), T0 + 10 * MIN, T0 + 60 * MIN);
    expect(proposal.fits).toBe(true);
    expect(proposal.durations).toEqual({ b: 1200, c: 300, d: 900 });
    expect(proposal.spareMs).toBe(10 * MIN);
  });

  it('uses the durations in force (extensions and earlier reschedules) as the starting point', () => {
    const proposal = proposeReschedule(
      started([{ type: 'reschedule', at: T0 + MIN, durations: { b: 900 } }]),
      T0 + 10 * MIN,
      T0 + 60 * MIN,
    );
    expect(proposal.durations.b).toBe(900);
  });

  it('never proposes a phase longer than it is now, even when its floor is higher', () => {
    const proposal = proposeReschedule(
      started([{ type: 'reschedule', at: T0 + MIN, durations: { d: 240 } }]),
      T0 + 10 * MIN,
      T0 + 11 * MIN,
    );
    expect(proposal.durations.d).toBe(240);
  });
});

describe('overrunLevel', () => {
  it('warns near the end of a phase and marks overrun', () => {
    const r = run([{ type: 'start', at: T0 }]);
    expect(overrunLevel(computeRunState(r, T0 + 5 * MIN))).toBe('none');
    // 10 % of 10 min is 1 min.
    expect(overrunLevel(computeRunState(r, T0 + 9 * MIN + 1))).toBe('warn');
    expect(overrunLevel(computeRunState(r, T0 + 10 * MIN))).toBe('warn');
    expect(overrunLevel(computeRunState(r, T0 + 10 * MIN + 1))).toBe('over');
    expect(overrunLevel(computeRunState(run(), T0))).toBe('none');
  });

  it('warns when the workshop is projected to end after the planned end', () => {
    const r = run([{ type: 'start', at: T0 }], { plannedEnd: T0 + 45 * MIN });
    const state = computeRunState(r, T0 + 2 * MIN);
    expect(state.remainingMs).toBe(8 * MIN);
    expect(overrunLevel(state)).toBe('warn');
  });
});

describe('crossedMilestone', () => {
  it.each([
    [5 * MIN + 1, 5 * MIN, 'five-min'],
    [301_000, 299_000, 'five-min'],
    [2 * MIN + 500, 2 * MIN - 500, 'two-min'],
    [60_001, 59_000, 'one-min'],
    [1_000, 0, 'time-up'],
    [500, -500, 'time-up'],
    [6 * MIN, 30 * SEC, 'one-min'],
  ] as const)('%d → %d announces %s', (prev, now, milestone) => {
    expect(crossedMilestone(prev, now)).toBe(milestone);
  });

  it.each([
    [4 * MIN, 3 * MIN],
    [5 * MIN, 4 * MIN],
    [-1_000, -2_000],
    [30 * SEC, 3 * MIN],
    [0, -1],
  ])('%d → %d announces nothing', (prev, now) => {
    expect(crossedMilestone(prev, now)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [725_000, '12:05'],
    [724_001, '12:05'],
    [1, '0:01'],
    [-1, '0:00'],
    [-90_000, '\u22121:30'],
    [-90_999, '\u22121:30'],
    [3_723_000, '1:02:03'],
    [-3_723_000, '\u22121:02:03'],
    [36_000_000, '10:00:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatOverrun', () => {
  // The clock shows "-4:01" and the words beside it "over by 4:01": the same second, every moment.
  it.each([-241_500, -241_000, -240_001, -1, -90_999, -3_723_500])('%d ms reads as the clock does', (ms) => {
    expect(`\u2212${formatOverrun(ms)}`).toBe(formatDuration(ms).startsWith('\u2212') ? formatDuration(ms) : `\u2212${formatDuration(ms)}`);
  });
  it('reads 4:01 at 4 min 1.5 s past the end, and nothing past before the end', () => {
    expect(formatOverrun(-241_500)).toBe('4:01');
    expect(formatOverrun(5_000)).toBe('0:00');
  });
});
