import { describe, expect, it } from 'vitest';
import { applyLiveEvent, emptyLiveState, goAroundsOf, LiveEvent, liveFacts, replayLiveEvents, type LiveEvent as Event } from '../../../src/turns/live';
import { orderedHands } from '../../../src/turns/queue';
import { LIVE_ACTIONS } from '../../../src/ui/panel/liveActions';

const hands = (events: Event[]) => orderedHands(replayLiveEvents(events).queue).map((h) => h.key);

describe('live events', () => {
  it('every event the reducer takes is a valid LiveEvent (the store validates each append)', () => {
    const samples: Event[] = [
      { type: 'hand/raise', at: 1, key: 'a', name: 'Aino' },
      { type: 'hand/lower', at: 2, key: 'a' },
      { type: 'hands/site', at: 3, hands: [{ key: 'b', name: 'Bo', order: 0 }] },
      { type: 'floor/give', at: 4, key: 'b' },
      { type: 'speaker/mark', at: 5, key: 'b', speaking: true },
      { type: 'goaround/start', at: 6, participants: [{ key: 'a', name: 'Aino' }], order: 'as-listed', perPersonSec: 60, seed: 1, speakingMsByKey: {}, excludeKeys: [] },
      { type: 'goaround/advance', at: 7, from: 'a' },
      { type: 'goaround/skip', at: 8, from: 'a' },
      { type: 'goaround/finish', at: 9 },
      { type: 'goaround/sync', at: 10, participants: [] },
      { type: 'pause/start', at: 11, waitSec: 8 },
      { type: 'pause/end', at: 12, reason: 'cancelled' },
      { type: 'facilitator/set', at: 13, key: 'f', facilitator: true },
      { type: 'card/mark', at: 14, cardId: 'c1', action: 'used' },
    ];
    expect(new Set(samples.map((e) => e.type)).size).toBe(LiveEvent.def.options.length);
    for (const event of samples) expect(LiveEvent.safeParse(event).success, event.type).toBe(true);
    expect(LiveEvent.safeParse({ type: 'hand/raise', at: 1, key: '', name: 'x' }).success).toBe(false);
  });

  it('keeps both hands when two panels raise at once, in either order', () => {
    const fromA: Event = { type: 'hand/raise', at: 1000, key: 'a', name: 'Aino' };
    const fromB: Event = { type: 'hand/raise', at: 1001, key: 'b', name: 'Bo' };
    expect(hands([fromA, fromB])).toEqual(['a', 'b']);
    expect(hands([fromB, fromA])).toEqual(['a', 'b']);
  });

  it('gives the floor once when two panels both press "give the floor"', () => {
    const raised: Event[] = [
      { type: 'hand/raise', at: 1, key: 'a', name: 'Aino' },
      { type: 'hand/raise', at: 2, key: 'b', name: 'Bo' },
    ];
    const state = replayLiveEvents(raised);
    const fromA = LIVE_ACTIONS.giveFloor(state, undefined, 10)!;
    const fromB = LIVE_ACTIONS.giveFloor(state, undefined, 11)!;
    const after = replayLiveEvents([fromA, fromB], state);
    expect(after.queue.granted.map((g) => g.key)).toEqual(['a']);
    expect(orderedHands(after.queue).map((h) => h.key)).toEqual(['b']);
  });

  it('moves a go-around on once when two panels both press "done"', () => {
    const start: Event = {
      type: 'goaround/start',
      at: 0,
      participants: [
        { key: 'a', name: 'Aino' },
        { key: 'b', name: 'Bo' },
        { key: 'c', name: 'Cai' },
      ],
      order: 'as-listed',
      perPersonSec: 60,
      seed: 0,
      speakingMsByKey: {},
      excludeKeys: [],
    };
    const state = applyLiveEvent(emptyLiveState(), start);
    const fromA = LIVE_ACTIONS.roundDone(state, undefined, 50)!;
    const fromB = LIVE_ACTIONS.roundDone(state, undefined, 51)!;
    const after = replayLiveEvents([fromA, fromB], state);
    expect(after.goAround?.current?.key).toBe('b');
    expect(after.goAround?.past.map((t) => t.key)).toEqual(['a']);
  });

  it('ends a pause cue on speech, and facilitators and cards follow their events', () => {
    let state = replayLiveEvents([
      { type: 'pause/start', at: 0, waitSec: 8 },
      { type: 'speaker/mark', at: 3000, key: 'a', speaking: true },
      { type: 'facilitator/set', at: 1, key: 'f', facilitator: true },
      { type: 'card/mark', at: 5, cardId: 'c1', action: 'dismissed' },
    ]);
    expect(state.pause).toMatchObject({ endedAt: 3000, endReason: 'speech' });
    expect(state.facilitatorKeys).toEqual(['f']);
    expect(state.shown.c1).toMatchObject({ dismissedAt: 5 });
    state = applyLiveEvent(state, LIVE_ACTIONS.toggleFacilitator(state, 'f', 6)!);
    expect(state.facilitatorKeys).toEqual([]);
  });

  it('names actions for buttons: a toggle raises, then lowers', () => {
    let state = emptyLiveState();
    state = applyLiveEvent(state, LIVE_ACTIONS.toggleHand(state, { key: 'a', name: 'Aino' }, 1)!);
    expect(state.queue.hands.map((h) => h.key)).toEqual(['a']);
    const lower = LIVE_ACTIONS.toggleHand(state, { key: 'a', name: 'Aino' }, 2)!;
    expect(lower).toEqual({ type: 'hand/lower', at: 2, key: 'a' });
    expect(LIVE_ACTIONS.giveFloor(emptyLiveState(), undefined, 3)).toBeNull();
  });
});

describe('liveFacts', () => {
  it('derives floor, hands, go-arounds and pause cues from the log', () => {
    const events: Event[] = [
      { type: 'hand/raise', at: 1_000, key: 'a', name: 'Aino' },
      { type: 'hands/site', at: 2_000, hands: [{ key: 'b', name: 'Bo' }] },
      { type: 'floor/give', at: 31_000, key: 'a' },
      { type: 'floor/give', at: 31_500, key: 'a' },
      { type: 'pause/start', at: 40_000, waitSec: 8 },
      { type: 'pause/end', at: 43_000, reason: 'speech' },
      { type: 'pause/start', at: 50_000, waitSec: 5 },
      {
        type: 'goaround/start',
        at: 60_000,
        participants: [
          { key: 'a', name: 'Aino' },
          { key: 'b', name: 'Bo' },
        ],
        order: 'as-listed',
        perPersonSec: 60,
        seed: 0,
        speakingMsByKey: {},
        excludeKeys: [],
      },
      { type: 'goaround/advance', at: 120_000, from: 'a' },
      { type: 'goaround/skip', at: 130_000, from: 'b' },
    ];
    expect(liveFacts(events)).toEqual({
      floorGiven: [{ key: 'a', name: 'Aino', at: 31_000, waitedMs: 30_000 }],
      handsRaised: 2,
      goArounds: [{ startedAt: 60_000, finishedAt: 130_000, spoke: 1, skipped: 1, left: 0 }],
      pauses: [
        { askedAt: 40_000, waitSec: 8, outcome: 'speech' },
        { askedAt: 50_000, waitSec: 5, outcome: 'waited' },
      ],
    });
  });
});

describe('goAroundsOf', () => {
  it('keeps every round of the workshop, each as it ended', () => {
    const start = (at: number): Event => ({
      type: 'goaround/start',
      at,
      participants: [
        { key: 'a', name: 'Aino' },
        { key: 'b', name: 'Bo' },
      ],
      order: 'as-listed',
      perPersonSec: 60,
      seed: 0,
      speakingMsByKey: {},
      excludeKeys: [],
    });
    const rounds = goAroundsOf([
      start(0),
      { type: 'goaround/advance', at: 10, from: 'a' },
      { type: 'goaround/advance', at: 20, from: 'b' },
      { type: 'hand/raise', at: 25, key: 'a', name: 'Aino' },
      start(100),
      { type: 'goaround/finish', at: 130 },
    ]);
    expect(rounds.map((r) => [r.startedAt, r.finishedAt, r.past.map((t) => t.key)])).toEqual([
      [0, 20, ['a', 'b']],
      [100, 130, ['a']],
    ]);
  });
});
