// The timing engine. A run is a snapshot of one workshop's phases plus an append-only log of what the
// facilitator did, each entry stamped with the wall clock (ms since epoch). Everything shown — the current
// phase, time left, overrun, projected end — is derived from that log and `now`, never from counting ticks,
// so a suspended tab, a restarted service worker or a second tab all arrive at the same answer.
import * as z from 'zod/mini';
import { SCRIPT_LIMITS } from './limits';
import type { Script } from './schema';

const Ms = z.int().check(z.minimum(0));
const Sec = z.int().check(z.minimum(SCRIPT_LIMITS.minPhaseSec), z.maximum(SCRIPT_LIMITS.maxPhaseSec));
const PhaseId = z.string().check(z.minLength(1), z.maxLength(SCRIPT_LIMITS.idChars));
/**
 * `from` on a step or an extension: the phase (and `fromSec`, its length) the person saw when acting.
 * Two people pressing Next on phase 3 at once both mean "leave phase 3": the second one, made from a
 * phase no longer current, is a step already taken (isStale). Older events have none and always count.
 */
const PhaseIndex = z.int().check(z.minimum(0), z.maximum(SCRIPT_LIMITS.phasesPerWorkshop - 1));

export const RunPhaseSchema = z.strictObject({
  id: PhaseId,
  title: z.string().check(z.maxLength(SCRIPT_LIMITS.titleChars)),
  plannedSec: Sec,
  /** The shortest the phase may become when rescheduled. */
  minSec: Sec,
});
export type RunPhase = z.infer<typeof RunPhaseSchema>;

export const RunEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), at: Ms }),
  z.strictObject({ type: z.literal('pause'), at: Ms }),
  z.strictObject({ type: z.literal('resume'), at: Ms }),
  /** Adds (or with a negative value takes) time from the current phase. */
  z.strictObject({
    type: z.literal('extend'),
    at: Ms,
    sec: z.int().check(z.minimum(-SCRIPT_LIMITS.maxPhaseSec), z.maximum(SCRIPT_LIMITS.maxPhaseSec)),
    from: z.optional(PhaseIndex),
    fromSec: z.optional(z.int().check(z.minimum(0), z.maximum(SCRIPT_LIMITS.maxPhaseSec))),
  }),
  z.strictObject({ type: z.literal('next'), at: Ms, from: z.optional(PhaseIndex) }),
  z.strictObject({ type: z.literal('back'), at: Ms, from: z.optional(PhaseIndex) }),
  z.strictObject({ type: z.literal('goto'), at: Ms, index: z.int().check(z.minimum(0), z.maximum(SCRIPT_LIMITS.phasesPerWorkshop - 1)) }),
  z.strictObject({
    type: z.literal('reschedule'),
    at: Ms,
    durations: z.record(PhaseId, Sec).check(z.refine((durations) => Object.keys(durations).length <= SCRIPT_LIMITS.phasesPerWorkshop)),
  }),
  z.strictObject({ type: z.literal('moveEnd'), at: Ms, plannedEnd: Ms }),
  z.strictObject({ type: z.literal('finish'), at: Ms }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
export type RunEventType = RunEvent['type'];

export const RunSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(SCRIPT_LIMITS.idChars)),
  scriptId: z.string().check(z.minLength(1), z.maxLength(SCRIPT_LIMITS.idChars)),
  workshopIndex: z.int().check(z.minimum(0), z.maximum(SCRIPT_LIMITS.workshops - 1)),
  phases: z.array(RunPhaseSchema).check(z.minLength(1), z.maxLength(SCRIPT_LIMITS.phasesPerWorkshop)),
  plannedEnd: z.optional(Ms),
  events: z.array(RunEventSchema).check(z.maxLength(20_000)),
});
export type Run = z.infer<typeof RunSchema>;

export type RunStatus = 'not-started' | 'running' | 'paused' | 'finished';

export interface PhaseTiming {
  id: string;
  title: string;
  plannedSec: number;
  /** The duration in force now: planned, or rescheduled, plus extensions. */
  effectiveSec: number;
  minSec: number;
  /** When the phase first became current. */
  actualStartMs?: number;
  /** When the phase was last left; absent while it is current or if it was never reached. */
  actualEndMs?: number;
  /** Time spent in the phase while running (pauses excluded), summed over every visit. */
  actualMs?: number;
  actualSec?: number;
}

export interface RunState {
  status: RunStatus;
  phaseIndex: number;
  /** The current phase; during 'finished' the last phase that was current. */
  phase: PhaseTiming;
  /** Running time spent in the current phase (all visits, pauses excluded). */
  elapsedMs: number;
  /** Time left in the current phase; negative when over. */
  remainingMs: number;
  overrunMs: number;
  /** Share of the workshop's time used, 0..1. */
  progress: number;
  nextPhase?: PhaseTiming;
  startedAtMs?: number;
  finishedAtMs?: number;
  pausedMs: number;
  /** When the workshop ends if every phase from now on keeps its time. */
  projectedEndMs: number;
  /** The end the facilitator is aiming for: moved end, the run's plannedEnd, or start plus planned time. */
  plannedEndMs?: number;
  phases: PhaseTiming[];
}

// Ties in `at` are broken by a fixed order so that any permutation of the same log gives one result.
const EVENT_ORDER: Record<RunEventType, number> = {
  start: 0,
  resume: 1,
  reschedule: 2,
  moveEnd: 3,
  extend: 4,
  goto: 5,
  back: 6,
  next: 7,
  pause: 8,
  finish: 9,
};

/** The run's events in effect order, with repeats of the same action (same type and time) dropped. */
export function orderedEvents(events: readonly RunEvent[]): RunEvent[] {
  const sorted = [...events].sort(
    (a, b) => a.at - b.at || EVENT_ORDER[a.type] - EVENT_ORDER[b.type] || compareText(JSON.stringify(a), JSON.stringify(b)),
  );
  const seen = new Set<string>();
  return sorted.filter((event) => {
    const key = `${event.type}@${event.at}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Appends an event unless the same action is already logged (another tab may have written it). */
export function appendEvent(run: Run, event: RunEvent): Run {
  if (run.events.some((e) => e.type === event.type && e.at === event.at)) return run;
  return { ...run, events: [...run.events, event] };
}

/**
 * The event as the person meant it: a step or an extension names the phase (and the phase's length)
 * current when it was made, from the log the person saw (appendRunEvent checks that it is this one).
 */
export function withIntent(run: Run, event: RunEvent): RunEvent {
  if ((event.type !== 'next' && event.type !== 'back' && event.type !== 'extend') || event.from !== undefined) return event;
  const state = computeRunState(run, event.at);
  if (state.status !== 'running' && state.status !== 'paused') return event;
  return event.type === 'extend' ? { ...event, from: state.phaseIndex, fromSec: state.phase.effectiveSec } : { ...event, from: state.phaseIndex };
}

/**
 * Whether a step or an extension was made from another phase, or another length of it, than the one
 * in force when it takes effect: someone else's same action came first (two co-facilitators both
 * pressing Next, or +1 min, on what they saw), so it is already done and does not count again.
 */
export function isStale(event: RunEvent, phaseIndex: number, effectiveSec: number): boolean {
  if (event.type !== 'next' && event.type !== 'back' && event.type !== 'extend') return false;
  if (event.from !== undefined && event.from !== phaseIndex) return true;
  return event.type === 'extend' && extensionSec(event, phaseIndex, effectiveSec) === 0;
}

/**
 * What an extension adds when it takes effect. Made from the length in force: its own seconds. Made
 * from a length someone else's extension has changed since: up to the length it asked for (its
 * `fromSec` plus its seconds) and no further, so two +1 min at once are one minute, and +1 and +5
 * at once are five (the +5 was dropped whole, found in review). Made from another phase: nothing.
 */
export function extensionSec(event: Extract<RunEvent, { type: 'extend' }>, phaseIndex: number, effectiveSec: number): number {
  if (event.from !== undefined && event.from !== phaseIndex) return 0;
  if (event.fromSec === undefined || event.fromSec === effectiveSec) return event.sec;
  const delta = event.fromSec + event.sec - effectiveSec;
  return Math.sign(delta) === Math.sign(event.sec) ? delta : 0;
}

/** The default floor for rescheduling: half the planned time, at least a minute. */
export function defaultMinSec(plannedSec: number): number {
  return Math.min(plannedSec, Math.max(SCRIPT_LIMITS.minPhaseSec, Math.round(plannedSec / 2)));
}

/** A new, not yet started run of one workshop of a script: its phases are copied, so later edits don't move a live timer. */
export function createRun(script: Script, workshopIndex: number, id: string): Run {
  const workshop = script.workshops[workshopIndex];
  if (!workshop) throw new RangeError(`workshop ${workshopIndex} does not exist`);
  const run: Run = {
    id,
    scriptId: script.id,
    workshopIndex,
    phases: workshop.phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      plannedSec: phase.durationSec,
      minSec: Math.min(phase.durationSec, phase.minDurationSec ?? defaultMinSec(phase.durationSec)),
    })),
    events: [],
  };
  if (workshop.plannedEnd) run.plannedEnd = Date.parse(workshop.plannedEnd);
  return run;
}

interface PhaseTally {
  baseSec: number;
  extendSec: number;
  activeMs: number;
  firstStartMs?: number;
  lastEndMs?: number;
}

const effectiveSecOf = (tally: PhaseTally): number => Math.max(SCRIPT_LIMITS.minPhaseSec, tally.baseSec + tally.extendSec);

export function computeRunState(run: Run, now: number): RunState {
  const tallies: PhaseTally[] = run.phases.map((phase) => ({ baseSec: phase.plannedSec, extendSec: 0, activeMs: 0 }));
  const last = run.phases.length - 1;
  let status: RunStatus = 'not-started';
  let index = 0;
  let clockAt = 0;
  let pausedMs = 0;
  let startedAtMs: number | undefined;
  let finishedAtMs: number | undefined;
  let plannedEndMs = run.plannedEnd;

  // Time between two events belongs to whatever phase was current, if the clock was running.
  const advanceTo = (at: number): void => {
    const span = Math.max(0, at - clockAt);
    if (status === 'running') tallies[index]!.activeMs += span;
    if (status === 'paused') pausedMs += span;
    clockAt = Math.max(clockAt, at);
  };
  const enter = (target: number, at: number): void => {
    tallies[index]!.lastEndMs = at;
    index = target;
    const entered = tallies[index]!;
    entered.firstStartMs ??= at;
    delete entered.lastEndMs;
  };

  // Events stamped after `now` have not happened yet from this clock's point of view.
  for (const event of orderedEvents(run.events).filter((e) => e.at <= now)) {
    advanceTo(event.at);
    if (event.type === 'moveEnd') {
      plannedEndMs = event.plannedEnd;
      continue;
    }
    if (event.type === 'reschedule') {
      for (const [phaseId, sec] of Object.entries(event.durations)) {
        const phaseIndex = run.phases.findIndex((phase) => phase.id === phaseId);
        if (phaseIndex < 0) continue;
        tallies[phaseIndex]!.baseSec = sec;
        tallies[phaseIndex]!.extendSec = 0;
      }
      continue;
    }
    if (status === 'finished') continue;
    if (status !== 'not-started' && isStale(event, index, effectiveSecOf(tallies[index]!))) continue;
    if (status === 'not-started') {
      if (event.type === 'start') {
        status = 'running';
        startedAtMs = event.at;
        index = 0;
        tallies[0]!.firstStartMs = event.at;
      }
      continue;
    }
    if (event.type === 'finish' || (event.type === 'next' && index === last)) {
      status = 'finished';
      finishedAtMs = event.at;
      tallies[index]!.lastEndMs = event.at;
      continue;
    }
    switch (event.type) {
      case 'pause':
        if (status === 'running') status = 'paused';
        break;
      case 'resume':
        if (status === 'paused') status = 'running';
        break;
      case 'extend':
        tallies[index]!.extendSec += extensionSec(event, index, effectiveSecOf(tallies[index]!));
        break;
      case 'next':
        enter(index + 1, event.at);
        break;
      case 'back':
        if (index > 0) enter(index - 1, event.at);
        break;
      case 'goto':
        if (event.index <= last && event.index !== index) enter(event.index, event.at);
        break;
      case 'start':
        break;
    }
  }
  advanceTo(now);

  const phases: PhaseTiming[] = run.phases.map((phase, i) => {
    const tally = tallies[i]!;
    const timing: PhaseTiming = {
      id: phase.id,
      title: phase.title,
      plannedSec: phase.plannedSec,
      effectiveSec: effectiveSecOf(tally),
      minSec: phase.minSec,
    };
    if (tally.firstStartMs !== undefined) {
      timing.actualStartMs = tally.firstStartMs;
      timing.actualMs = tally.activeMs;
      timing.actualSec = Math.round(tally.activeMs / 1000);
    }
    if (tally.lastEndMs !== undefined) timing.actualEndMs = tally.lastEndMs;
    return timing;
  });

  const current = phases[index]!;
  const elapsedMs = tallies[index]!.activeMs;
  const remainingMs = current.effectiveSec * 1000 - elapsedMs;
  const leftMs = (i: number): number => Math.max(0, phases[i]!.effectiveSec * 1000 - tallies[i]!.activeMs);
  let restMs = 0;
  for (let i = index + 1; i <= last; i++) restMs += status === 'not-started' ? 0 : leftMs(i);
  const totalPlannedMs = phases.reduce((sum, phase) => sum + phase.effectiveSec * 1000, 0);

  let projectedEndMs: number;
  let progress: number;
  if (status === 'finished') {
    projectedEndMs = finishedAtMs!;
    progress = 1;
  } else if (status === 'not-started') {
    projectedEndMs = now + totalPlannedMs;
    progress = 0;
  } else {
    const toGoMs = Math.max(0, remainingMs) + restMs;
    const usedMs = tallies.reduce((sum, tally) => sum + tally.activeMs, 0);
    projectedEndMs = now + toGoMs;
    progress = usedMs + toGoMs === 0 ? 1 : usedMs / (usedMs + toGoMs);
  }
  if (plannedEndMs === undefined && startedAtMs !== undefined) {
    plannedEndMs = startedAtMs + run.phases.reduce((sum, phase) => sum + phase.plannedSec * 1000, 0);
  }

  const state: RunState = {
    status,
    phaseIndex: index,
    phase: current,
    elapsedMs,
    remainingMs,
    overrunMs: Math.max(0, -remainingMs),
    progress,
    pausedMs,
    projectedEndMs,
    phases,
  };
  const nextPhase = phases[index + 1];
  if (nextPhase && status !== 'finished') state.nextPhase = nextPhase;
  if (startedAtMs !== undefined) state.startedAtMs = startedAtMs;
  if (finishedAtMs !== undefined) state.finishedAtMs = finishedAtMs;
  if (plannedEndMs !== undefined) state.plannedEndMs = plannedEndMs;
  return state;
}

export interface RescheduleProposal {
  /** New durations for the phases after the current one, keyed by phase id; apply with a `reschedule` event. */
  durations: Record<string, number>;
  /** Whether the workshop then ends by the target. */
  fits: boolean;
  /** How much still does not fit with every phase at its minimum; the UI can offer to move the end. */
  shortfallMs: number;
  /** Time the target leaves unused. Never handed out automatically: growing phases is the facilitator's call. */
  spareMs: number;
}

/**
 * Durations for the phases after the current one so the workshop ends at `targetEndMs`: shrunk in proportion
 * to their current length, none below its minimum, rounded to whole minutes where the minimum allows.
 */
export function proposeReschedule(run: Run, now: number, targetEndMs: number): RescheduleProposal {
  const state = computeRunState(run, now);
  if (state.status === 'finished') return { durations: {}, fits: state.finishedAtMs! <= targetEndMs, shortfallMs: 0, spareMs: 0 };
  const from = state.status === 'not-started' ? 0 : state.phaseIndex + 1;
  const rest = state.phases.slice(from);
  const currentLeftMs = state.status === 'not-started' ? 0 : Math.max(0, state.remainingMs);
  const availableSec = (targetEndMs - now - currentLeftMs) / 1000;
  const wantedSec = rest.map((phase) => phase.effectiveSec);
  const floorSec = rest.map((phase) => Math.min(phase.minSec, phase.effectiveSec));
  const wantedTotal = sum(wantedSec);
  const floorTotal = sum(floorSec);

  const byId = (secs: number[]): Record<string, number> => Object.fromEntries(rest.map((phase, i) => [phase.id, secs[i]!]));
  if (availableSec >= wantedTotal) {
    return { durations: byId(wantedSec), fits: true, shortfallMs: 0, spareMs: Math.round((availableSec - wantedTotal) * 1000) };
  }
  if (availableSec <= floorTotal) {
    const shortfallMs = Math.max(0, Math.round((floorTotal - availableSec) * 1000));
    return { durations: byId(floorSec), fits: shortfallMs === 0, shortfallMs, spareMs: 0 };
  }
  const ideal = shrinkProportionally(wantedSec, floorSec, availableSec);
  return { durations: byId(roundToMinutes(ideal, floorSec, wantedSec, availableSec)), fits: true, shortfallMs: 0, spareMs: 0 };
}

/** Scales every duration by one factor, except those the factor would push under their floor, which stay at it. */
function shrinkProportionally(wanted: number[], floor: number[], available: number): number[] {
  const pinned = wanted.map(() => false);
  for (;;) {
    const pinnedSec = sum(floor.filter((_, i) => pinned[i]));
    const freeWanted = sum(wanted.filter((_, i) => !pinned[i]));
    const factor = (available - pinnedSec) / freeWanted;
    let changed = false;
    wanted.forEach((sec, i) => {
      if (!pinned[i] && sec * factor < floor[i]!) {
        pinned[i] = true;
        changed = true;
      }
    });
    if (!changed) return wanted.map((sec, i) => (pinned[i] ? floor[i]! : sec * factor));
  }
}

/** Whole minutes read better on a facilitator's screen; the total stays within `available` and no phase grows. */
function roundToMinutes(ideal: number[], floor: number[], wanted: number[], available: number): number[] {
  const rounded = ideal.map((sec, i) => Math.max(floor[i]!, Math.floor(sec / 60) * 60));
  let total = sum(rounded);
  const byLoss = ideal.map((sec, i) => ({ i, loss: sec - rounded[i]! })).sort((a, b) => b.loss - a.loss || a.i - b.i);
  for (const { i, loss } of byLoss) {
    if (loss <= 0) break;
    const step = Math.min(60, wanted[i]! - rounded[i]!);
    if (step > 0 && total + step <= available) {
      rounded[i]! += step;
      total += step;
    }
  }
  return rounded;
}

export type OverrunLevel = 'none' | 'warn' | 'over';

/**
 * 'over' once the current phase has run out; 'warn' when it is nearly out (under 10 % of its time, at most
 * five minutes and at least one) or when the workshop is projected to end after the planned end.
 */
export function overrunLevel(state: RunState): OverrunLevel {
  if (state.status !== 'running' && state.status !== 'paused') return 'none';
  if (state.remainingMs < 0) return 'over';
  const nearlyOutMs = Math.max(60_000, Math.min(300_000, state.phase.effectiveSec * 100));
  if (state.remainingMs < nearlyOutMs) return 'warn';
  if (state.plannedEndMs !== undefined && state.projectedEndMs > state.plannedEndMs) return 'warn';
  return 'none';
}

export type Milestone = 'five-min' | 'two-min' | 'one-min' | 'time-up';

const MILESTONES: readonly [Milestone, number][] = [
  ['time-up', 0],
  ['one-min', 60_000],
  ['two-min', 120_000],
  ['five-min', 300_000],
];

/**
 * The milestone passed between two readings of the time left, for a screen-reader announcement; the most
 * urgent one if a jump passed several. Time added back (an extension) announces nothing.
 */
export function crossedMilestone(prevRemainingMs: number, remainingMs: number): Milestone | null {
  for (const [milestone, atMs] of MILESTONES) {
    if (prevRemainingMs > atMs && remainingMs <= atMs) return milestone;
  }
  return null;
}

/**
 * "12:05", "1:02:03", "−1:30". Time left is rounded up, so a countdown shows 0:01 until the phase is out;
 * overrun is counted in whole seconds passed, so it reads −0:01 one second after time is up. The
 * minus is the minus sign (U+2212), as in the summary: a hyphen is read out as "hyphen" or not at
 * all, and the panel and the popup showed "-4:01" beside the summary's "−4 min".
 */
const MINUS = '\u2212';

export function formatDuration(ms: number): string {
  const negative = ms < 0;
  const totalSec = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  const mmss = `${hours > 0 ? String(minutes).padStart(2, '0') : minutes}:${String(seconds).padStart(2, '0')}`;
  return `${negative && totalSec > 0 ? MINUS : ''}${hours > 0 ? `${hours}:` : ''}${mmss}`;
}

/**
 * How far past its end the phase is, as the clock beside it shows it: "4:01" next to "−4:01". (The
 * time left rounds up and the time past rounds down, so formatting the positive overrun on its own
 * read a second more than the clock.)
 */
export function formatOverrun(remainingMs: number): string {
  return formatDuration(Math.min(0, remainingMs)).replace(MINUS, '');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
