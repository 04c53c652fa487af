// Smoothing raw "who is speaking" samples into speaking turns. Site adapters sample the speaker
// indicators about every 150 ms; the facilitator can also tap "mark speaker". Raw indicators flicker,
// so a turn opens only after sustained speech, survives short pauses, and very short turns are dropped.
// It is a reducer over samples so it can run live and its state can be persisted between reloads.
import * as z from 'zod/mini';

export const SpeakingTurn = z.object({
  participantKey: z.string(),
  startAt: z.number(),
  endAt: z.number(),
});
export type SpeakingTurn = z.infer<typeof SpeakingTurn>;

export const SpeakerSample = z.object({
  at: z.number(),
  keys: z.array(z.string()),
  /**
   * A facilitator's tap: the keys speak from `at` until a later manual sample leaves them out. Taps have
   * no hold timeout, since nobody re-taps every 150 ms.
   */
  manual: z.optional(z.boolean()),
});
export type SpeakerSample = z.infer<typeof SpeakerSample>;

export const SmoothingOptions = z.object({
  /** Speech must last this long before someone counts as speaking now. */
  enterMs: z._default(z.number().check(z.nonnegative()), 200),
  /** Pauses up to this long stay inside one turn. */
  holdMs: z._default(z.number().check(z.positive()), 700),
  /** Turns shorter than this are noise (a cough, an indicator blip) and are dropped. */
  minTurnMs: z._default(z.number().check(z.nonnegative()), 400),
});
export type SmoothingOptions = z.infer<typeof SmoothingOptions>;
export const DEFAULT_SMOOTHING: SmoothingOptions = SmoothingOptions.parse({});

const OpenSegment = z.object({ startAt: z.number(), lastSeenAt: z.number(), manual: z.boolean() });
type OpenSegment = z.infer<typeof OpenSegment>;

export const SpeakingState = z.object({
  /** Finished turns, in the order they ended. */
  turns: z.array(SpeakingTurn),
  /** Speech in progress per participant key, not yet a turn. */
  open: z.record(z.string(), OpenSegment),
  lastSampleAt: z.optional(z.number()),
});
export type SpeakingState = z.infer<typeof SpeakingState>;

export function emptySpeakingState(): SpeakingState {
  return { turns: [], open: {} };
}

/**
 * Feeds one sample. Samples older than the last one are ignored: adapters and taps share one clock,
 * and replaying the past would reopen turns that already ended.
 */
export function feedSample(
  state: SpeakingState,
  sample: SpeakerSample,
  options: SmoothingOptions = DEFAULT_SMOOTHING,
): SpeakingState {
  if (state.lastSampleAt !== undefined && sample.at < state.lastSampleAt) return state;
  const t = sample.at;
  const present = new Set(sample.keys);
  const open: Record<string, OpenSegment> = {};
  const turns = [...state.turns];

  for (const [key, segment] of Object.entries(state.open)) {
    if (present.has(key)) {
      // Still speaking, unless the indicator was off long enough that this is a new turn.
      if (segment.manual || t - segment.lastSeenAt <= options.holdMs) {
        open[key] = { ...segment, lastSeenAt: t, manual: segment.manual || sample.manual === true };
      } else {
        pushTurn(turns, key, segment.startAt, segment.lastSeenAt, options);
        open[key] = { startAt: t, lastSeenAt: t, manual: sample.manual === true };
      }
    } else if (segment.manual) {
      if (sample.manual) pushTurn(turns, key, segment.startAt, t, options);
      else open[key] = segment;
    } else if (t - segment.lastSeenAt > options.holdMs) {
      pushTurn(turns, key, segment.startAt, segment.lastSeenAt, options);
    } else {
      open[key] = segment;
    }
  }
  for (const key of present) {
    if (!open[key]) open[key] = { startAt: t, lastSeenAt: t, manual: sample.manual === true };
  }
  return { turns, open, lastSampleAt: t };
}

/** Ends all speech in progress as of `now` (end of session, or before exporting). */
export function closeAt(state: SpeakingState, now: number, options: SmoothingOptions = DEFAULT_SMOOTHING): SpeakingState {
  const turns = [...state.turns];
  for (const [key, segment] of Object.entries(state.open)) {
    pushTurn(turns, key, segment.startAt, segmentEnd(segment, now), options);
  }
  return { turns, open: {}, lastSampleAt: Math.max(state.lastSampleAt ?? now, now) };
}

/**
 * Finished turns plus speech in progress that is already long enough to count, as of `now`,
 * without changing the state: what live statistics read.
 */
export function turnsSoFar(state: SpeakingState, now: number, options: SmoothingOptions = DEFAULT_SMOOTHING): SpeakingTurn[] {
  return closeAt(state, now, options).turns;
}

/** Who counts as speaking at `now`: speech sustained for enterMs and not yet past the hold. */
export function speakingNow(state: SpeakingState, now: number, options: SmoothingOptions = DEFAULT_SMOOTHING): string[] {
  return Object.entries(state.open)
    .filter(([, segment]) =>
      segment.manual || (segment.lastSeenAt - segment.startAt >= options.enterMs && now - segment.lastSeenAt <= options.holdMs),
    )
    .map(([key]) => key)
    .sort();
}

/** Runs a whole recorded stream through the reducer and closes it: for tests, imports and replays. */
export function smoothSamples(
  samples: readonly SpeakerSample[],
  endAt: number,
  options: SmoothingOptions = DEFAULT_SMOOTHING,
): SpeakingTurn[] {
  const fed = samples.reduce((state, sample) => feedSample(state, sample, options), emptySpeakingState());
  return sortTurns(closeAt(fed, endAt, options).turns);
}

export function sortTurns(turns: readonly SpeakingTurn[]): SpeakingTurn[] {
  return [...turns].sort((a, b) => a.startAt - b.startAt || a.participantKey.localeCompare(b.participantKey));
}

function segmentEnd(segment: OpenSegment, now: number): number {
  // Adapter speech ends where it was last seen (the hold is a guess, not speech); a tap lasts until now.
  return segment.manual ? Math.max(now, segment.lastSeenAt) : Math.min(segment.lastSeenAt, now);
}

function pushTurn(turns: SpeakingTurn[], key: string, startAt: number, endAt: number, options: SmoothingOptions): void {
  if (endAt - startAt >= options.minTurnMs) turns.push({ participantKey: key, startAt, endAt });
}
