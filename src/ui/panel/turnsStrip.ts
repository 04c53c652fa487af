import type { PauseStatus } from '../../turns/pause';
import type { SpeakingStats } from '../../turns/stats';

// The Turns tab's live strip, derived once from what the tab already knows: who speaks now, whose
// hand is next and for how long it has waited, how many have not been heard, and the pause cue.
// Pure, so the strip and its test read the same thing.

/** How evenly participants share the talk, in words rather than a 0–1 number. */
export type BalanceWords = 'even' | 'fairly-even' | 'uneven' | 'one-voice';

export function balanceWords(balance: number | undefined): BalanceWords | undefined {
  if (balance === undefined) return undefined;
  if (balance >= 0.9) return 'even';
  if (balance >= 0.7) return 'fairly-even';
  if (balance >= 0.4) return 'uneven';
  return 'one-voice';
}

export interface TurnsStrip {
  speaking: string[];
  nextHand?: { key: string; name: string; waitingMs: number };
  handsWaiting: number;
  notHeard: string[];
  pause: { state: 'waiting'; remainingSec: number } | { state: 'done' } | { state: 'idle' };
  balance?: BalanceWords;
}

/** How long after the wait ran out the strip still says so (unless someone speaks). */
export const PAUSE_DONE_SHOWN_MS = 30_000;

export function turnsStrip(input: {
  stats: SpeakingStats;
  speakingKeys: readonly string[];
  hands: readonly { key: string; name: string; waitingMs: number }[];
  pause: PauseStatus | undefined;
}): TurnsStrip {
  const nameOf = new Map(input.stats.people.map((p) => [p.key, p.name]));
  const askedAt = input.pause && input.pause.state !== 'ended' ? input.stats.window.to - input.pause.elapsedMs : 0;
  // A participant answered (the facilitator finishing the question does not count).
  const spokeSinceQuestion = input.speakingKeys.length > 0 || input.stats.people.some((p) => !p.isFacilitator && p.lastSpokeAt !== undefined && p.lastSpokeAt > askedAt);
  const strip: TurnsStrip = {
    speaking: input.speakingKeys.map((key) => nameOf.get(key) ?? key),
    handsWaiting: input.hands.length,
    notHeard: input.stats.notSpokenYet.map((key) => nameOf.get(key) ?? key),
    pause:
      input.pause?.state === 'waiting'
        ? { state: 'waiting', remainingSec: Math.ceil(input.pause.remainingMs / 1000) }
        : // "The wait is over; if nobody spoke, invite someone by name" is for the moment after the
          // wait, not for good: it stood while people talked (found in a Finnish walk-through).
          input.pause?.state === 'done' && input.pause.overMs < PAUSE_DONE_SHOWN_MS && !spokeSinceQuestion
          ? { state: 'done' }
          : { state: 'idle' },
  };
  if (input.hands[0]) strip.nextHand = input.hands[0];
  const balance = balanceWords(input.stats.balance);
  if (balance) strip.balance = balance;
  return strip;
}
