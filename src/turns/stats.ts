// Speaking-time statistics over a time window: who has spoken how much, how evenly, how much of it
// was the facilitators, who has not been heard, and how long the group has been silent.
import type { SpeakingTurn } from './speaking';

export interface Participant {
  key: string;
  name: string;
}

export interface TimeWindow {
  from: number;
  to: number;
}

export interface PersonSpeaking {
  key: string;
  name: string;
  speakingMs: number;
  /** Share of all speaking time in the window, 0..1 (0 when nobody spoke). */
  share: number;
  turnCount: number;
  /** End of this person's latest turn up to window.to, whether or not inside the window. */
  lastSpokeAt?: number;
  isFacilitator: boolean;
  /** Not in the call now (StatsInput's absentKeys). */
  absent?: boolean;
}

export interface SpeakingStats {
  window: TimeWindow;
  /** Listed participants first in their order, then anyone else heard in the window. */
  people: PersonSpeaking[];
  totalSpeakingMs: number;
  /**
   * How evenly participants (facilitators excluded) shared the talk: normalised Shannon entropy of
   * their shares, H / ln(n) over all n participants including those who said nothing. 1 = everyone
   * spoke equally, 0 = one person spoke. Undefined with fewer than two participants or no speech.
   */
  balance?: number;
  /** Facilitators' share of all speaking time; undefined when nobody spoke. */
  facilitatorShare?: number;
  /** Participants (not facilitators) with no speech in the window, absent people left out. */
  notSpokenYet: string[];
  /** Longest stretch inside the window when nobody spoke, counting from window.from and up to window.to. */
  longestSilenceMs: number;
  /** Time from the latest end of speech to window.to; undefined if nobody has spoken at all. */
  silenceSinceLastTurnMs?: number;
}

export interface StatsInput {
  turns: readonly SpeakingTurn[];
  participants: readonly Participant[];
  /** Co-facilitators are common, so more than one key can be the facilitator. */
  facilitatorKeys?: readonly string[];
  /**
   * People listed but no longer in the call: kept in `people` (with what they said), but someone
   * absent who said nothing is neither "not heard" nor counted in the balance.
   */
  absentKeys?: readonly string[];
  window: TimeWindow;
}

export function speakingStats({ turns, participants, facilitatorKeys = [], absentKeys = [], window }: StatsInput): SpeakingStats {
  const facilitators = new Set(facilitatorKeys);
  const absent = new Set(absentKeys);
  const byKey = new Map<string, PersonSpeaking>();
  const person = (key: string, name = key): PersonSpeaking => {
    let entry = byKey.get(key);
    if (!entry) {
      entry = { key, name, speakingMs: 0, share: 0, turnCount: 0, isFacilitator: facilitators.has(key), ...(absent.has(key) ? { absent: true } : {}) };
      byKey.set(key, entry);
    }
    return entry;
  };
  for (const participant of participants) person(participant.key, participant.name);

  const inWindow: [number, number][] = [];
  let lastEnd: number | undefined;
  for (const turn of turns) {
    const end = Math.min(turn.endAt, window.to);
    if (turn.startAt <= window.to) {
      lastEnd = lastEnd === undefined ? end : Math.max(lastEnd, end);
      const entry = byKey.get(turn.participantKey);
      if (entry && (entry.lastSpokeAt === undefined || end > entry.lastSpokeAt)) entry.lastSpokeAt = end;
    }
    const start = Math.max(turn.startAt, window.from);
    if (end <= start) continue;
    const entry = person(turn.participantKey);
    entry.speakingMs += end - start;
    entry.turnCount += 1;
    if (entry.lastSpokeAt === undefined || end > entry.lastSpokeAt) entry.lastSpokeAt = end;
    inWindow.push([start, end]);
  }

  const people = [...byKey.values()];
  const totalSpeakingMs = people.reduce((sum, p) => sum + p.speakingMs, 0);
  for (const p of people) p.share = totalSpeakingMs > 0 ? p.speakingMs / totalSpeakingMs : 0;
  const facilitatorMs = people.filter((p) => p.isFacilitator).reduce((sum, p) => sum + p.speakingMs, 0);
  const others = people.filter((p) => !p.isFacilitator && !(p.absent && p.speakingMs === 0));

  return {
    window,
    people,
    totalSpeakingMs,
    balance: normalisedEntropy(others.map((p) => p.speakingMs)),
    facilitatorShare: totalSpeakingMs > 0 ? facilitatorMs / totalSpeakingMs : undefined,
    notSpokenYet: others.filter((p) => p.speakingMs === 0).map((p) => p.key),
    longestSilenceMs: longestGap(inWindow, window),
    silenceSinceLastTurnMs: lastEnd === undefined ? undefined : Math.max(0, window.to - lastEnd),
  };
}

/** H / ln(n) of the amounts' proportions; undefined when n < 2 or all amounts are zero. */
export function normalisedEntropy(amounts: readonly number[]): number | undefined {
  const total = amounts.reduce((sum, a) => sum + a, 0);
  if (amounts.length < 2 || total <= 0) return undefined;
  let entropy = 0;
  for (const amount of amounts) {
    if (amount > 0) {
      const p = amount / total;
      entropy -= p * Math.log(p);
    }
  }
  return entropy / Math.log(amounts.length);
}

/** Participants' silence for the prompt rules (those in the call): time since each last spoke, or since `since` if never. */
export function silentFor(
  stats: SpeakingStats,
  now: number,
  since: number,
): { key: string; name: string; silentMs: number }[] {
  return stats.people
    .filter((p) => !p.isFacilitator && !p.absent)
    .map((p) => ({ key: p.key, name: p.name, silentMs: Math.max(0, now - Math.max(p.lastSpokeAt ?? since, since)) }));
}

function longestGap(intervals: [number, number][], window: TimeWindow): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let cursor = window.from;
  let longest = 0;
  for (const [start, end] of sorted) {
    if (start > cursor) longest = Math.max(longest, start - cursor);
    cursor = Math.max(cursor, end);
  }
  return Math.max(longest, window.to - cursor);
}

/**
 * Whose talk counts as the facilitator's: the people marked F here, and those marked F earlier in the
 * series (remembered by name, since a meeting's keys change from one call to the next), and the
 * user's own participant (the one running Vuoro is facilitating), so an unmarked host is never told
 * to invite herself, and marking a co-facilitator F adds them rather than replacing you. Someone
 * unmarked on purpose here (`declined`: a note-taker running Vuoro, a remembered facilitator who is a
 * participant this time) is neither.
 */
export function facilitatorKeysOf(
  marked: readonly string[],
  participants: readonly { key: string; name?: string; self?: boolean }[],
  seriesNames: readonly string[] = [],
  declined: readonly string[] = [],
): string[] {
  const remembered = new Set(seriesNames);
  const no = new Set(declined);
  const keys = new Set([...marked, ...participants.filter((p) => p.name !== undefined && remembered.has(p.name) && !no.has(p.key)).map((p) => p.key)]);
  for (const p of participants) if (p.self && !no.has(p.key)) keys.add(p.key);
  return [...keys];
}

/**
 * Facilitators marked, others heard, and not a second of the facilitators' own speech recorded: the
 * share is then not a measure but a gap. Teams shows nothing of your own speech, and where nobody
 * pressed "I am talking" the panel and the summary read "0 %" as if the facilitator had said nothing.
 */
export function facilitatorSpeechUnrecorded(stats: Pick<SpeakingStats, 'people' | 'facilitatorShare'>): boolean {
  return stats.facilitatorShare === 0 && stats.people.some((p) => p.isFacilitator);
}

/** Your own participant key, for "I am talking": the site's self, else the one facilitator marked. */
export function ownKeyOf(participants: readonly { key: string; self?: boolean }[], marked: readonly string[]): string | undefined {
  return participants.find((p) => p.self)?.key ?? (marked.length === 1 ? marked[0] : undefined);
}
