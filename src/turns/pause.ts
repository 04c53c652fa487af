// The pause cue: after asking a question, wait N seconds before saying anything more. Silence
// after a question is where participants start to carry the talk themselves.
import * as z from 'zod/mini';

export const DEFAULT_PAUSE_SEC = 8;

export const PauseCue = z.object({
  /** When the facilitator marked the question. */
  askedAt: z.number(),
  waitSec: z.number().check(z.positive()),
  /** Set when someone spoke or the facilitator cancelled before the wait ran out. */
  endedAt: z.optional(z.number()),
  endReason: z.optional(z.enum(['speech', 'cancelled'])),
});
export type PauseCue = z.infer<typeof PauseCue>;

export type PauseStatus =
  | { state: 'waiting'; elapsedMs: number; remainingMs: number; /** 0..1 */ progress: number }
  /** The wait ran out `overMs` ago. */
  | { state: 'done'; elapsedMs: number; overMs: number }
  | { state: 'ended'; reason: 'speech' | 'cancelled'; afterMs: number };

export function startPause(askedAt: number, waitSec: number = DEFAULT_PAUSE_SEC): PauseCue {
  return { askedAt, waitSec };
}

/** Someone answered, or the facilitator cancelled. A cue already ended or run out is left as it is. */
export function endPause(cue: PauseCue, at: number, reason: 'speech' | 'cancelled'): PauseCue {
  if (cue.endedAt !== undefined || at - cue.askedAt >= cue.waitSec * 1000) return cue;
  return { ...cue, endedAt: Math.max(at, cue.askedAt), endReason: reason };
}

export function pauseStatus(cue: PauseCue, now: number): PauseStatus {
  if (cue.endedAt !== undefined) {
    return { state: 'ended', reason: cue.endReason ?? 'cancelled', afterMs: cue.endedAt - cue.askedAt };
  }
  const waitMs = cue.waitSec * 1000;
  const elapsedMs = Math.max(0, now - cue.askedAt);
  if (elapsedMs >= waitMs) return { state: 'done', elapsedMs, overMs: elapsedMs - waitMs };
  return { state: 'waiting', elapsedMs, remainingMs: waitMs - elapsedMs, progress: elapsedMs / waitMs };
}
