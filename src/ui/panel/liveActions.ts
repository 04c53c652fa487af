import type { PromptAction } from '../../prompts/rules';
import type { GoAroundOrder } from '../../turns/goaround';
import type { LiveEvent, LiveState } from '../../turns/live';
import { orderedHands } from '../../turns/queue';
import type { ask as Ask } from '../shared/backend';
import type { LiveHandle } from './useLive';

// What the Turns and Prompts buttons do, by name (the pattern of Excalidraw's actions/): each
// action turns what the panel shows now into the one event it appends to the live log, or null
// when there is nothing to do. A button names an action; it builds no state.

type Person = { key: string; name: string };

export interface RoundSetup {
  participants: Person[];
  order: GoAroundOrder;
  perPersonSec: number;
  seed: number;
  speakingMsByKey: Record<string, number>;
  /** Who facilitates as the panel counts it (you unmarked, names from the series): left out of the round. */
  facilitatorKeys: string[];
}

const action = <I>(perform: (state: LiveState, input: I, at: number) => LiveEvent | null) => perform;

export const LIVE_ACTIONS = {
  toggleHand: action<Person>((state, person, at) =>
    state.queue.hands.some((h) => h.key === person.key) ? { type: 'hand/lower', at, key: person.key } : { type: 'hand/raise', at, ...person },
  ),
  lowerHand: action<string>((_, key, at) => ({ type: 'hand/lower', at, key })),
  giveFloor: action<void>((state, _, at) => {
    const first = orderedHands(state.queue)[0];
    return first ? { type: 'floor/give', at, key: first.key } : null;
  }),
  markSpeaker: action<{ key: string; speaking: boolean }>((_, { key, speaking }, at) => ({ type: 'speaker/mark', at, key, speaking })),
  toggleFacilitator: action<string>((state, key, at) => ({ type: 'facilitator/set', at, key, facilitator: !state.facilitatorKeys.includes(key) })),
  /**
   * Marks or unmarks F; nothing to append when the live state already says so. Unmarking someone
   * who counts without a mark (you; a name from the series) records "not
   * facilitating", so your talk then counts as a participant's.
   */
  setFacilitator: action<{ key: string; on: boolean }>((state, { key, on }, at) => {
    const already = on ? state.facilitatorKeys.includes(key) : (state.notFacilitatorKeys ?? []).includes(key) && !state.facilitatorKeys.includes(key);
    return already ? null : { type: 'facilitator/set', at, key, facilitator: on };
  }),
  askedQuestion: action<number>((_, waitSec, at) => ({ type: 'pause/start', at, waitSec })),
  cancelPause: action<void>((state, _, at) => (state.pause ? { type: 'pause/end', at, reason: 'cancelled' } : null)),
  startRound: action<RoundSetup>((_, { facilitatorKeys, ...setup }, at) => ({ type: 'goaround/start', at, ...setup, excludeKeys: facilitatorKeys })),
  roundDone: action<void>((state, _, at) => (state.goAround?.current ? { type: 'goaround/advance', at, from: state.goAround.current.key } : null)),
  roundSkip: action<void>((state, _, at) => (state.goAround?.current ? { type: 'goaround/skip', at, from: state.goAround.current.key } : null)),
  roundStop: action<void>((state, _, at) => (state.goAround && state.goAround.finishedAt === undefined ? { type: 'goaround/finish', at } : null)),
  markCard: action<{ cardId: string; action: PromptAction }>((_, { cardId, action: what }, at) => ({ type: 'card/mark', at, cardId, action: what })),
};

export type LiveActionName = keyof typeof LIVE_ACTIONS;
export type LiveActionInput<N extends LiveActionName> = Parameters<(typeof LIVE_ACTIONS)[N]>[1];

/**
 * The Turns tab's actions that reach past the live log: a tap on a name also feeds the speech
 * count, F is remembered by name for the series, people are added and recording starts in the store.
 */
export function turnsActions(workshopId: string, live: Pick<LiveHandle, 'run' | 'feed' | 'speakingNow'>, ask: typeof Ask) {
  return {
    /** Manual mode: a tap starts that person's turn and ends anyone else's; a second tap ends it. */
    markSpeaker(key: string) {
      const at = Date.now();
      const speaking = !live.speakingNow(at).includes(key);
      live.run('markSpeaker', { key, speaking });
      live.feed({ at, keys: speaking ? [key] : [], manual: true });
    },
    /** Marked here, and remembered by name for the next workshop of the series. */
    markFacilitator(person: Person, on: boolean) {
      live.run('setFacilitator', { key: person.key, on });
      void ask('series/update', { workshopId, patch: { facilitator: { name: person.name, on } } });
    },
    async addPerson(name: string): Promise<boolean> {
      const trimmed = name.trim();
      if (!trimmed) return false;
      return (await ask('participants/add', { workshopId, name: trimmed })).ok;
    },
    recordFromNow() {
      void ask('workshop/update', { workshopId, patch: { recordPeople: true } });
    },
  };
}
export type TurnsActions = ReturnType<typeof turnsActions>;
