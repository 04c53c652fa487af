import type { AdapterEvent, ChatMessage, Participant } from '../sites/types';

// Backpressure between the page and the rest of Vuoro. A page can change its DOM thousands of
// times a second (a hostile page, or a buggy client in a big meeting); every message that crosses
// to the background costs the background, the panel and the store. So the site script sends:
// - state (capabilities, participants, hands): the latest only, at most once per STATE_INTERVAL_MS
//   per kind, with a trailing send so the last state always arrives;
// - people only once their key has been on the page for SETTLE_MS (unless the list appears whole):
//   names that flap are not people;
// - chat: at most CHAT_PER_MINUTE new lines a minute, in chunks of at most CHAT_CHUNK;
// - limits: what it left out, so the panel can say so ("the page sends more than Vuoro keeps").
// Speaking samples pass through: the adapter takes them at a fixed rate already.

export const STATE_INTERVAL_MS = 250;
/** The limits note changes with every flapping name under a flood: once a second is enough. */
export const LIMITS_INTERVAL_MS = 1000;
export const SETTLE_MS = 1000;
export const CHAT_PER_MINUTE = 120;
export const CHAT_CHUNK = 100;
/** At most this many people cross in one list; the rest are counted. */
export const PEOPLE_MAX = 1000;
/** Above this many page changes a second the panel is told only the latest state was kept. */
export const BUSY_CHANGES_PER_SECOND = 20;

export interface Limits {
  chatDropped: number;
  participantsDropped: number;
  transientNames: number;
  /** Page state changes in the busiest second so far, when above BUSY_CHANGES_PER_SECOND; else 0. */
  changesPerSecond: number;
}

export type GateOutput = AdapterEvent | { type: 'limits'; limits: Limits };

export interface GateClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

type StateKind = 'capabilities' | 'participants' | 'hands' | 'limits';

export function createSignalGate(send: (out: GateOutput) => void, clock: GateClock) {
  const latest = new Map<StateKind, GateOutput>();
  const lastSent = new Map<StateKind, number>();
  const timers = new Set<StateKind>();
  const limits: Limits = { chatDropped: 0, participantsDropped: 0, transientNames: 0, changesPerSecond: 0 };
  let sentLimits = JSON.stringify(limits);
  let chatQueue: ChatMessage[] = [];
  let chatWindowStart = -Infinity;
  let chatInWindow = 0;
  let chatTimer = false;
  let lastChatSend = -Infinity;
  let second = -1;
  let changesThisSecond = 0;
  // Keys of the latest participants list: when each was first seen, and which have settled.
  let firstSeen = new Map<string, number>();
  let settled = new Set<string>();
  let rawPeople: Participant[] = [];
  let offeredPeople = '';
  let settleTimer = false;

  function offerState(kind: StateKind, out: GateOutput): void {
    latest.set(kind, out);
    const now = clock.now();
    const due = (lastSent.get(kind) ?? -Infinity) + (kind === 'limits' ? LIMITS_INTERVAL_MS : STATE_INTERVAL_MS);
    if (now >= due && !timers.has(kind)) return flushState(kind);
    if (timers.has(kind)) return;
    timers.add(kind);
    clock.setTimeout(() => {
      timers.delete(kind);
      flushState(kind);
    }, Math.max(0, due - now));
  }

  function flushState(kind: StateKind): void {
    const out = latest.get(kind);
    if (!out) return;
    latest.delete(kind);
    lastSent.set(kind, clock.now());
    send(out);
  }

  function noteLimits(): void {
    const json = JSON.stringify(limits);
    if (json === sentLimits) return;
    sentLimits = json;
    offerState('limits', { type: 'limits', limits: { ...limits } });
  }

  function countChange(): void {
    const s = Math.floor(clock.now() / 1000);
    if (s !== second) {
      second = s;
      changesThisSecond = 0;
    }
    changesThisSecond++;
    if (changesThisSecond > BUSY_CHANGES_PER_SECOND && changesThisSecond > limits.changesPerSecond) {
      limits.changesPerSecond = changesThisSecond;
      noteLimits();
    }
  }

  function people(list: Participant[]): void {
    const now = clock.now();
    const next = new Map<string, number>();
    // A list that appears whole (the page's first, or the People panel just opened) is taken as it is.
    const appeared = rawPeople.length === 0;
    for (const p of list) next.set(p.key, appeared ? -Infinity : (firstSeen.get(p.key) ?? now));
    for (const [key] of firstSeen) if (!next.has(key) && !settled.has(key)) limits.transientNames++;
    firstSeen = next;
    rawPeople = list;
    publishPeople();
  }

  function publishPeople(): void {
    const now = clock.now();
    let waiting = Infinity;
    const nextSettled = new Set<string>();
    for (const [key, at] of firstSeen) {
      if (now - at >= SETTLE_MS) nextSettled.add(key);
      else waiting = Math.min(waiting, at + SETTLE_MS - now);
    }
    settled = nextSettled;
    const shown = rawPeople.filter((p) => settled.has(p.key));
    limits.participantsDropped = Math.max(0, shown.length - PEOPLE_MAX);
    noteLimits();
    const participants = shown.slice(0, PEOPLE_MAX);
    const json = JSON.stringify(participants);
    if (json !== offeredPeople) {
      offeredPeople = json;
      offerState('participants', { type: 'participants', participants });
    }
    if (waiting !== Infinity && !settleTimer) {
      settleTimer = true;
      clock.setTimeout(() => {
        settleTimer = false;
        publishPeople();
      }, waiting);
    }
  }

  function chat(messages: ChatMessage[]): void {
    const now = clock.now();
    if (now - chatWindowStart >= 60_000) {
      chatWindowStart = now;
      chatInWindow = 0;
    }
    const room = Math.max(0, CHAT_PER_MINUTE - chatInWindow);
    const kept = messages.slice(0, room);
    chatInWindow += kept.length;
    if (kept.length < messages.length) {
      limits.chatDropped += messages.length - kept.length;
      noteLimits();
    }
    chatQueue.push(...kept);
    flushChat();
  }

  function flushChat(): void {
    if (chatTimer || chatQueue.length === 0) return;
    const now = clock.now();
    const due = lastChatSend + STATE_INTERVAL_MS;
    if (now < due) {
      chatTimer = true;
      clock.setTimeout(() => {
        chatTimer = false;
        flushChat();
      }, due - now);
      return;
    }
    const chunk = chatQueue.slice(0, CHAT_CHUNK);
    chatQueue = chatQueue.slice(CHAT_CHUNK);
    lastChatSend = now;
    send({ type: 'chat', messages: chunk });
    if (chatQueue.length) flushChat();
  }

  return {
    offer(event: AdapterEvent): void {
      switch (event.type) {
        case 'speaking':
          return send(event);
        case 'chat':
          return chat(event.messages);
        case 'participants':
          countChange();
          return people(event.participants);
        default:
          countChange();
          return offerState(event.type, event);
      }
    },
    limits: (): Limits => ({ ...limits }),
  };
}
