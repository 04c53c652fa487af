// A go-around (kierros): everyone speaks in turn with a timebox. The state stores timestamps, not
// ticks, so the time left is always derived from `now` and survives reloads and throttled tabs.
import * as z from 'zod/mini';
import { seededRandom, shuffled } from '../random';

export const GoAroundOrder = z.enum(['as-listed', 'random', 'quiet-first']);
export type GoAroundOrder = z.infer<typeof GoAroundOrder>;

const GoAroundTurn = z.object({
  key: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  outcome: z.enum(['done', 'skipped', 'left']),
});

export const GoAroundState = z.object({
  order: GoAroundOrder,
  seed: z.int(),
  perPersonSec: z.number().check(z.positive()),
  startedAt: z.number(),
  names: z.record(z.string(), z.string()),
  /** Keys that take no turn (facilitators), also when they rejoin. */
  excludedKeys: z.array(z.string()),
  current: z.optional(z.object({ key: z.string(), startedAt: z.number() })),
  /** Keys still to speak, in order. */
  upcoming: z.array(z.string()),
  /** Keys whose turn is over, in the order it ended. */
  past: z.array(GoAroundTurn),
  finishedAt: z.optional(z.number()),
});
export type GoAroundState = z.infer<typeof GoAroundState>;

export interface GoAroundSetup {
  participants: readonly { key: string; name: string }[];
  order: GoAroundOrder;
  perPersonSec: number;
  /** For 'random': the same seed and the same people give the same order. */
  seed?: number;
  /** For 'quiet-first': speaking time so far per key; missing keys count as silent. */
  speakingMsByKey?: Readonly<Record<string, number>>;
  /** Usually the facilitators, who run the round rather than take part in it. */
  excludeKeys?: readonly string[];
}

export function startGoAround(setup: GoAroundSetup, now: number): GoAroundState {
  const excluded = new Set(setup.excludeKeys ?? []);
  const people = uniqueByKey(setup.participants).filter((p) => !excluded.has(p.key));
  const seed = setup.seed ?? 0;
  const keys = orderKeys(people, setup.order, seed, setup.speakingMsByKey ?? {});
  const [first, ...upcoming] = keys;
  return {
    order: setup.order,
    seed,
    perPersonSec: setup.perPersonSec,
    startedAt: now,
    names: Object.fromEntries(people.map((p) => [p.key, p.name])),
    excludedKeys: [...excluded],
    ...(first === undefined ? { finishedAt: now } : { current: { key: first, startedAt: now } }),
    upcoming,
    past: [],
  };
}

/** The speaking order for a set of people. */
export function orderKeys(
  people: readonly { key: string }[],
  order: GoAroundOrder,
  seed: number,
  speakingMsByKey: Readonly<Record<string, number>>,
): string[] {
  const keys = people.map((p) => p.key);
  switch (order) {
    case 'as-listed':
      return keys;
    case 'random':
      // Shuffle a key-sorted copy so the result does not depend on the order the site lists people in.
      return seededShuffle([...keys].sort(), seed);
    case 'quiet-first':
      return keys
        .map((key, index) => ({ key, index, ms: speakingMsByKey[key] ?? 0 }))
        .sort((a, b) => a.ms - b.ms || a.index - b.index)
        .map((entry) => entry.key);
  }
}

/** Fisher–Yates with a seeded generator: reproducible across browsers. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  return shuffled(items, seededRandom(seed));
}

export interface GoAroundView {
  current?: { key: string; name: string };
  /** Negative when the speaker has run over. */
  timeLeftMs?: number;
  overtime: boolean;
  next?: { key: string; name: string };
  remainingCount: number;
  doneCount: number;
  finished: boolean;
}

export function goAroundView(state: GoAroundState, now: number): GoAroundView {
  const person = (key: string | undefined) => (key === undefined ? undefined : { key, name: state.names[key] ?? key });
  // Never more than the timebox: the panel's clock ticks once a second, so the `now` it passes can
  // be up to a second before the turn began, and a 90-second turn read 1:31 (as hands' waits are
  // held at 0 in waitingTimes).
  const timeLeftMs = state.current ? state.perPersonSec * 1000 - Math.max(0, now - state.current.startedAt) : undefined;
  return {
    ...(state.current ? { current: person(state.current.key) } : {}),
    ...(timeLeftMs === undefined ? {} : { timeLeftMs }),
    overtime: timeLeftMs !== undefined && timeLeftMs < 0,
    ...(state.upcoming[0] === undefined ? {} : { next: person(state.upcoming[0]) }),
    remainingCount: state.upcoming.length,
    doneCount: state.past.filter((turn) => turn.outcome === 'done').length,
    finished: state.finishedAt !== undefined,
  };
}

/** The current speaker is done; the next one starts now. */
export function advance(state: GoAroundState, now: number): GoAroundState {
  return endCurrent(state, now, 'done');
}

/** Skips the current speaker (they pass, or are not there); the next one starts now. */
export function skip(state: GoAroundState, now: number): GoAroundState {
  return endCurrent(state, now, 'skipped');
}

/** Ends the round early. */
export function finish(state: GoAroundState, now: number): GoAroundState {
  if (state.finishedAt !== undefined) return state;
  const ended = state.current ? closeCurrent(state, now, 'done') : state;
  const { current: _ended, ...rest } = ended;
  return { ...rest, upcoming: [], finishedAt: now };
}

/**
 * Follows people joining and leaving. Leavers drop out of the queue (a current speaker who leaves ends
 * their turn); joiners who have not had a turn (and anyone who left mid-turn and came back) go last,
 * so nobody already waiting is pushed back.
 */
export function syncParticipants(
  state: GoAroundState,
  participants: readonly { key: string; name: string }[],
  now: number,
): GoAroundState {
  if (state.finishedAt !== undefined) return state;
  const people = uniqueByKey(participants);
  const present = new Set(people.map((p) => p.key));
  const names = { ...state.names, ...Object.fromEntries(people.map((p) => [p.key, p.name])) };
  let next: GoAroundState = { ...state, names, upcoming: state.upcoming.filter((key) => present.has(key)) };
  if (next.current && !present.has(next.current.key)) next = endCurrent(next, now, 'left');
  if (next.finishedAt !== undefined) return next;
  const excluded = new Set(next.excludedKeys);
  const taken = new Set([
    ...next.past.filter((turn) => turn.outcome !== 'left').map((turn) => turn.key),
    ...(next.current ? [next.current.key] : []),
    ...next.upcoming,
  ]);
  const joiners = people.filter((p) => !taken.has(p.key) && !excluded.has(p.key));
  return { ...next, upcoming: [...next.upcoming, ...orderKeys(joiners, next.order, next.seed, {})] };
}

function endCurrent(state: GoAroundState, now: number, outcome: 'done' | 'skipped' | 'left'): GoAroundState {
  if (!state.current) return state;
  const closed = closeCurrent(state, now, outcome);
  const [first, ...upcoming] = closed.upcoming;
  const { current: _ended, ...rest } = closed;
  if (first === undefined) return { ...rest, upcoming: [], finishedAt: now };
  return { ...rest, current: { key: first, startedAt: now }, upcoming };
}

function closeCurrent(state: GoAroundState, now: number, outcome: 'done' | 'skipped' | 'left'): GoAroundState {
  if (!state.current) return state;
  return { ...state, past: [...state.past, { key: state.current.key, startedAt: state.current.startedAt, endedAt: now, outcome }] };
}

function uniqueByKey<T extends { key: string }>(people: readonly T[]): T[] {
  const seen = new Set<string>();
  return people.filter((p) => (seen.has(p.key) ? false : (seen.add(p.key), true)));
}
