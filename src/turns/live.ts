// The live turn-taking state of a workshop as a log of facilitator actions (and what the site
// reported), like a run (src/script/timing.ts): every change is one typed event, appended in one
// transaction by the background, and the state is `applyLiveEvent` over the log. Two panels
// acting together append two events; neither can overwrite the other's.
//
// Events that decide something carry what the deciding panel saw: "give the floor to Aino" (not
// "to whoever is first"), "Bo's go-around turn is done" (not "advance"). When another panel acted
// first, the event no longer applies and changes nothing, so two clicks on "Done" move a round
// on once. Events that only add (a raised hand, a card marked) always apply.
import * as z from 'zod/mini';
import { markCard, PromptAction, ShownCards } from '../prompts/rules';
import { advance, finish, GoAroundOrder, GoAroundState, skip, startGoAround, syncParticipants } from './goaround';
import { endPause, PauseCue, startPause } from './pause';
import { emptyHandQueue, giveFloor, HandQueue, lowerHand, raiseHand, syncSiteHands } from './queue';

export const LiveState = z.object({
  queue: HandQueue,
  goAround: z.optional(GoAroundState),
  pause: z.optional(PauseCue),
  shown: ShownCards,
  facilitatorKeys: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20)),
  /**
   * Keys unmarked F on purpose: not facilitating this time although they would count (you; a name
   * marked F earlier in the series). Absent in states from before.
   */
  notFacilitatorKeys: z.optional(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20))),
});
export type LiveState = z.infer<typeof LiveState>;

export function emptyLiveState(): LiveState {
  return { queue: emptyHandQueue(), shown: {}, facilitatorKeys: [] };
}

const key = z.string().check(z.minLength(1), z.maxLength(300));
const name = z.string().check(z.maxLength(200));
const person = z.object({ key, name });
const at = z.number(); // finite: zod 4 numbers refuse Infinity and NaN
const ev = <T extends string, S extends z.core.$ZodShape>(type: T, shape: S) => z.object({ type: z.literal(type), at, ...shape });

export const LiveEvent = z.discriminatedUnion('type', [
  ev('hand/raise', { key, name }),
  ev('hand/lower', { key }),
  /** What the meeting site shows as raised hands now. */
  ev('hands/site', { hands: z.array(z.object({ key, name, order: z.optional(z.number()) })).check(z.maxLength(2000)) }),
  /** The floor goes to this person, if their hand is still up. */
  ev('floor/give', { key }),
  /** A tap on a name: that person starts (or stops) speaking. Ends a pause cue like any speech. */
  ev('speaker/mark', { key, speaking: z.boolean() }),
  ev('goaround/start', {
    participants: z.array(person).check(z.maxLength(2000)),
    order: GoAroundOrder,
    perPersonSec: z.number().check(z.positive(), z.maximum(3600)),
    seed: z.int(),
    speakingMsByKey: z.record(z.string(), z.number()),
    excludeKeys: z.array(key).check(z.maxLength(20)),
  }),
  /** `from`: the speaker whose turn this ends; nothing happens if the round has moved on. */
  ev('goaround/advance', { from: key }),
  ev('goaround/skip', { from: key }),
  ev('goaround/finish', {}),
  ev('goaround/sync', { participants: z.array(person).check(z.maxLength(2000)) }),
  ev('pause/start', { waitSec: z.number().check(z.positive(), z.maximum(600)) }),
  ev('pause/end', { reason: z.enum(['speech', 'cancelled']) }),
  ev('facilitator/set', { key, facilitator: z.boolean() }),
  ev('card/mark', { cardId: z.string().check(z.minLength(1), z.maxLength(100)), action: PromptAction, snoozeSec: z.optional(z.number().check(z.positive(), z.maximum(86_400))) }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];

/** The stored state and how many events made it: an append names the count it saw. */
export interface LiveSnapshot {
  state: LiveState;
  count: number;
}

/** The next state. Pure: the background, every panel and the tests compute the same. */
export function applyLiveEvent(state: LiveState, event: LiveEvent): LiveState {
  switch (event.type) {
    case 'hand/raise':
      return { ...state, queue: raiseHand(state.queue, { key: event.key, name: event.name }, event.at) };
    case 'hand/lower':
      return { ...state, queue: lowerHand(state.queue, event.key) };
    case 'hands/site':
      return { ...state, queue: syncSiteHands(state.queue, event.hands, event.at) };
    case 'floor/give':
      return { ...state, queue: giveFloor(state.queue, event.key, event.at).queue };
    case 'speaker/mark':
      return event.speaking && state.pause ? { ...state, pause: endPause(state.pause, event.at, 'speech') } : state;
    case 'goaround/start': {
      const { participants, order, perPersonSec, seed, speakingMsByKey, excludeKeys } = event;
      return { ...state, goAround: startGoAround({ participants, order, perPersonSec, seed, speakingMsByKey, excludeKeys }, event.at) };
    }
    case 'goaround/advance':
    case 'goaround/skip': {
      const round = state.goAround;
      if (!round || round.current?.key !== event.from) return state;
      return { ...state, goAround: event.type === 'goaround/advance' ? advance(round, event.at) : skip(round, event.at) };
    }
    case 'goaround/finish':
      return state.goAround ? { ...state, goAround: finish(state.goAround, event.at) } : state;
    case 'goaround/sync':
      return state.goAround ? { ...state, goAround: syncParticipants(state.goAround, event.participants, event.at) } : state;
    case 'pause/start':
      return { ...state, pause: startPause(event.at, event.waitSec) };
    case 'pause/end':
      return state.pause ? { ...state, pause: endPause(state.pause, event.at, event.reason) } : state;
    case 'facilitator/set': {
      const others = state.facilitatorKeys.filter((k) => k !== event.key);
      const declined = (state.notFacilitatorKeys ?? []).filter((k) => k !== event.key);
      return {
        ...state,
        facilitatorKeys: event.facilitator ? [...others, event.key].slice(-20) : others,
        notFacilitatorKeys: event.facilitator ? declined : [...declined, event.key].slice(-20),
      };
    }
    case 'card/mark':
      return { ...state, shown: markCard(state.shown, event.cardId, event.action, event.at, event.snoozeSec) };
  }
}

export function replayLiveEvents(events: readonly LiveEvent[], from: LiveState = emptyLiveState()): LiveState {
  return events.reduce(applyLiveEvent, from);
}

/** Every go-around the log holds, each as it stood last (finished, or still running). */
export function goAroundsOf(events: readonly LiveEvent[]): GoAroundState[] {
  const rounds: GoAroundState[] = [];
  let state = emptyLiveState();
  for (const event of events) {
    const before = state.goAround;
    state = applyLiveEvent(state, event);
    if (!state.goAround || state.goAround === before) continue;
    if (event.type === 'goaround/start') rounds.push(state.goAround);
    else rounds[rounds.length - 1] = state.goAround;
  }
  return rounds;
}

/** What the summary can tell about turn-taking, from the event log alone. */
export interface LiveFacts {
  /** Who got the floor from the hand queue, in order, and how long they had waited. */
  floorGiven: { key: string; name: string; at: number; waitedMs: number }[];
  /** Hands raised (by the site or the facilitator), counted once per raise. */
  handsRaised: number;
  goArounds: { startedAt: number; finishedAt?: number; spoke: number; skipped: number; left: number }[];
  pauses: { askedAt: number; waitSec: number; outcome: 'speech' | 'cancelled' | 'waited' }[];
}

/** Derives the turn-taking facts of a workshop from its live event log (in append order). */
export function liveFacts(events: readonly LiveEvent[]): LiveFacts {
  const facts: LiveFacts = { floorGiven: [], handsRaised: 0, goArounds: [], pauses: [] };
  let state = emptyLiveState();
  for (const event of events) {
    const before = state;
    state = applyLiveEvent(state, event);
    const up = new Set(before.queue.hands.map((h) => h.key));
    facts.handsRaised += state.queue.hands.filter((h) => !up.has(h.key)).length;
    if (state.queue.granted.length > before.queue.granted.length) {
      const grant = state.queue.granted[state.queue.granted.length - 1]!;
      facts.floorGiven.push({ key: grant.key, name: grant.name, at: grant.grantedAt, waitedMs: Math.max(0, grant.grantedAt - grant.raisedAt) });
    }
    if (state.pause && state.pause !== before.pause && state.pause.askedAt === event.at && event.type === 'pause/start') {
      facts.pauses.push({ askedAt: state.pause.askedAt, waitSec: state.pause.waitSec, outcome: 'waited' });
    }
    if (state.pause?.endedAt !== undefined && before.pause?.endedAt === undefined) {
      const last = facts.pauses[facts.pauses.length - 1];
      if (last) last.outcome = state.pause.endReason ?? 'cancelled';
    }
    if (event.type === 'goaround/start' && state.goAround) facts.goArounds.push({ startedAt: state.goAround.startedAt, spoke: 0, skipped: 0, left: 0 });
    const round = facts.goArounds[facts.goArounds.length - 1];
    if (round && state.goAround && state.goAround !== before.goAround) {
      const past = state.goAround.past;
      round.spoke = past.filter((t) => t.outcome === 'done').length;
      round.skipped = past.filter((t) => t.outcome === 'skipped').length;
      round.left = past.filter((t) => t.outcome === 'left').length;
      if (state.goAround.finishedAt !== undefined) round.finishedAt = state.goAround.finishedAt;
    }
  }
  return facts;
}
