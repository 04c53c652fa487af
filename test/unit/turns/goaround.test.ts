import { describe, expect, it } from 'vitest';
import {
  GoAroundState,
  advance,
  finish,
  goAroundView,
  orderKeys,
  seededShuffle,
  skip,
  startGoAround,
  syncParticipants,
} from '../../../src/turns/goaround';

const people = [
  { key: 'f', name: 'Fasilitaattori' },
  { key: 'a', name: 'Aino' },
  { key: 'b', name: 'Bertta' },
  { key: 'c', name: 'Cecilia' },
  { key: 'd', name: 'Daniel' },
];
const order = (state: GoAroundState) => [state.current?.key, ...state.upcoming];

describe('go-around', () => {
  it('goes as listed, without the facilitator', () => {
    const state = startGoAround({ participants: people, order: 'as-listed', perPersonSec: 60, excludeKeys: ['f'] }, 0);
    expect(order(state)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shuffles reproducibly from a seed, whatever order the site lists people in', () => {
    const setup = { participants: people, order: 'random' as const, perPersonSec: 60, seed: 42 };
    const first = order(startGoAround(setup, 0));
    expect(order(startGoAround(setup, 999))).toEqual(first);
    expect(order(startGoAround({ ...setup, participants: [...people].reverse() }, 0))).toEqual(first);
    expect([...first].sort()).toEqual(['a', 'b', 'c', 'd', 'f']);
    const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => order(startGoAround({ ...setup, seed }, 0)).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('shuffles every position with roughly equal chance', () => {
    const firstCounts: Record<string, number> = {};
    for (let seed = 0; seed < 2000; seed++) {
      const key = seededShuffle(['a', 'b', 'c', 'd'], seed)[0] as string;
      firstCounts[key] = (firstCounts[key] ?? 0) + 1;
    }
    for (const count of Object.values(firstCounts)) expect(count).toBeGreaterThan(400);
    expect(Object.keys(firstCounts).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts the least heard first, ties in listed order', () => {
    const state = startGoAround(
      {
        participants: people,
        order: 'quiet-first',
        perPersonSec: 60,
        excludeKeys: ['f'],
        speakingMsByKey: { a: 90_000, b: 5000, d: 5000 },
      },
      0,
    );
    expect(order(state)).toEqual(['c', 'b', 'd', 'a']);
    expect(orderKeys([{ key: 'x' }, { key: 'y' }], 'quiet-first', 0, { x: 1 })).toEqual(['y', 'x']);
  });

  it('derives time left from timestamps and shows overtime', () => {
    const state = startGoAround({ participants: people.slice(1, 3), order: 'as-listed', perPersonSec: 60 }, 1000);
    expect(goAroundView(state, 31_000)).toMatchObject({
      current: { key: 'a', name: 'Aino' },
      timeLeftMs: 30_000,
      overtime: false,
      next: { key: 'b', name: 'Bertta' },
      remainingCount: 1,
    });
    const restored = GoAroundState.parse(JSON.parse(JSON.stringify(state)));
    expect(goAroundView(restored, 71_000)).toMatchObject({ timeLeftMs: -10_000, overtime: true });
  });

  // The panel's clock ticks once a second: read just before the turn began, a 90 s turn showed 1:31.
  it('never shows more time left than the timebox, read with a clock a moment behind the start', () => {
    const state = startGoAround({ participants: people.slice(1, 3), order: 'as-listed', perPersonSec: 90 }, 10_000);
    expect(goAroundView(state, 9_300)).toMatchObject({ timeLeftMs: 90_000, overtime: false });
    expect(goAroundView(advance(state, 20_000), 19_500)).toMatchObject({ current: { key: 'b' }, timeLeftMs: 90_000 });
  });

  it('moves on, skips and finishes', () => {
    let state = startGoAround({ participants: people.slice(1), order: 'as-listed', perPersonSec: 30 }, 0);
    state = advance(state, 25_000);
    expect(goAroundView(state, 25_000)).toMatchObject({ current: { key: 'b' }, timeLeftMs: 30_000, doneCount: 1 });
    state = skip(state, 26_000);
    expect(state.past.map((t) => [t.key, t.outcome])).toEqual([['a', 'done'], ['b', 'skipped']]);
    state = advance(advance(state, 50_000), 80_000);
    expect(goAroundView(state, 90_000)).toMatchObject({ finished: true, doneCount: 3, remainingCount: 0 });
    expect(state.current).toBeUndefined();
    expect(advance(state, 100_000)).toBe(state);
  });

  it('can end early', () => {
    const state = finish(startGoAround({ participants: people, order: 'as-listed', perPersonSec: 30 }, 0), 10_000);
    expect(state).toMatchObject({ finishedAt: 10_000, upcoming: [] });
    expect(state.past).toEqual([{ key: 'f', startedAt: 0, endedAt: 10_000, outcome: 'done' }]);
  });

  it('follows people leaving and joining without pushing anyone back', () => {
    let state = startGoAround({ participants: people, order: 'as-listed', perPersonSec: 30, excludeKeys: ['f'] }, 0);
    state = advance(state, 10_000); // a done, b speaking
    // c leaves before their turn; e joins.
    state = syncParticipants(state, [...people.filter((p) => p.key !== 'c'), { key: 'e', name: 'Eero' }], 12_000);
    expect(order(state)).toEqual(['b', 'd', 'e']);
    // The current speaker drops out: the next one starts now.
    state = syncParticipants(state, [people[0]!, people[1]!, people[4]!, { key: 'e', name: 'Eero' }], 15_000);
    expect(state.current).toEqual({ key: 'd', startedAt: 15_000 });
    expect(state.past.at(-1)).toMatchObject({ key: 'b', outcome: 'left' });
    // Everyone comes back: c and b (who left mid-turn) queue again at the end; a, already done, and the facilitator do not.
    state = syncParticipants(state, [...people, { key: 'e', name: 'Eero' }], 16_000);
    expect(order(state)).toEqual(['d', 'e', 'b', 'c']);
  });

  it('finishes at once with nobody to go around', () => {
    const state = startGoAround({ participants: [people[0]!], order: 'random', perPersonSec: 30, excludeKeys: ['f'] }, 5);
    expect(goAroundView(state, 5)).toMatchObject({ finished: true, remainingCount: 0 });
  });
});
