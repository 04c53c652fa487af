import { formatTime } from '../summary/format';
import { computeRunState, overrunLevel, proposeReschedule, type Run } from './timing';

// What the overrun box offers. It speaks only when the workshop is heading past its planned end by
// at least a minute (the clock shows minutes), and offers only actions that change something: a
// reschedule that leaves every duration as it is, or a move of the end to where it already is, is
// not offered. After "Move the end" the box therefore goes until the workshop is late again.

export const LATE_MS = 60_000;

/**
 * An end time as the panel writes it: rounded up to the minute. Every end the panel names (planned,
 * projected, "Move the end to") is written so, so they say the same minute (one cut the seconds off,
 * the other rounded up, so "Projected end 15:40" stood above "Move the end to 15:41", and a workshop
 * started at 13:00:40 on time read "Projected end 15:31 · Planned end 15:30").
 */
export const endMinute = (ms: number) => Math.ceil(ms / 60_000) * 60_000;

/** An end time (planned, projected) as every part of the UI writes it: its minute, rounded up. */
export const formatEnd = (ms: number, lang: string) => formatTime(endMinute(ms), lang === 'fi' ? 'fi' : 'en');

export interface OverrunOffer {
  /** Why the box shows: the current phase is over its time, or the workshop is heading past its end. */
  reason: 'phase-over' | 'late';
  /** New durations for the phases after this one (a `reschedule` event), when they differ from now. */
  reschedule?: { durations: Record<string, number>; toMinimums: boolean; shortfallMs: number };
  /** A new planned end, whole minute, when the projected end is later than the planned one. */
  moveEndTo?: number;
  /** How far past the planned end the workshop is heading, whole minutes (at least 1). */
  lateMin: number;
  plannedEndMs: number;
}

export function overrunOffer(run: Run, now: number): OverrunOffer | null {
  const state = computeRunState(run, now);
  if (state.status !== 'running' || overrunLevel(state) === 'none' || state.plannedEndMs === undefined) return null;
  if (state.projectedEndMs - state.plannedEndMs < LATE_MS) return null;
  const moveEndTo = endMinute(state.projectedEndMs);
  const offer: OverrunOffer = {
    reason: state.remainingMs < 0 ? 'phase-over' : 'late',
    moveEndTo,
    lateMin: Math.max(1, Math.round((moveEndTo - endMinute(state.plannedEndMs)) / 60_000)),
    plannedEndMs: state.plannedEndMs,
  };
  if (state.nextPhase) {
    const proposal = proposeReschedule(run, now, state.plannedEndMs);
    const changes = state.phases.some((phase) => phase.id in proposal.durations && proposal.durations[phase.id] !== phase.effectiveSec);
    if (changes) offer.reschedule = { durations: proposal.durations, toMinimums: !proposal.fits, shortfallMs: proposal.shortfallMs };
  }
  return offer;
}
