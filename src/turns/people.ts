// The one people list both the Turns and the Prompts tabs read: everyone recorded in the workshop
// (manual additions too) and whoever the site shows now, the site's name winning. Before, the
// Prompts tab derived "not heard yet" from the recorded list alone, so someone the site had just
// shown was silent in one tab and absent in the other.
import type { SpeakingTurn } from './speaking';
import { facilitatorKeysOf, ownKeyOf, speakingStats, type SpeakingStats } from './stats';

export interface Person {
  key: string;
  name: string;
  self?: boolean;
  /** How a recorded person came in: seen on the site, or added by hand. */
  source?: 'site' | 'manual';
}

export function peopleOf(recorded: readonly Person[], onSite: readonly Person[]): Person[] {
  const people = new Map<string, Person>();
  for (const p of recorded) people.set(p.key, { key: p.key, name: p.name, ...(p.self ? { self: true } : {}), ...(p.source ? { source: p.source } : {}) });
  for (const p of onSite) people.set(p.key, { key: p.key, name: p.name, ...(p.self ? { self: true } : {}) });
  return [...people.values()];
}

/** The people of a workshop with who facilitates and which of them is you: what every tab counts from. */
export interface PeopleView {
  people: Person[];
  facilitatorKeys: string[];
  /** Who would count as facilitator (you, or by the series) but is marked "not facilitating" here. */
  notFacilitatingKeys: string[];
  /** Your own participant, for "I am talking" (the site's self, else the one facilitator marked). */
  ownKey?: string;
  /**
   * People the site showed earlier and does not show now (they left the call, or were seen in
   * another meeting tab of this workshop): never "not heard", never named by a card, not called on
   * in a go-around. Only while the site's participant list is read live; added by hand never.
   */
  absentKeys: string[];
}

export function peopleView(input: {
  recorded: readonly Person[];
  onSite: readonly Person[];
  /** Keys marked F in this workshop's live state. */
  marked: readonly string[];
  /** Names marked F earlier in the series. */
  seriesFacilitators?: readonly string[];
  /** Keys unmarked F on purpose in this workshop (live state's notFacilitatorKeys). */
  declined?: readonly string[];
  /** Whether `onSite` is the site's live participant list (its signal works), so absence means something. */
  onSiteLive?: boolean;
}): PeopleView {
  const people = peopleOf(input.recorded, input.onSite);
  // Shown by key or by name: a site may show one person under another key for a while (Meet lists
  // someone whose tile left the stage under their name), and they have not left the call.
  const shownKeys = new Set(input.onSite.map((p) => p.key));
  const shownNames = new Set(input.onSite.map((p) => p.name));
  const absentKeys =
    input.onSiteLive && shownKeys.size > 0 ? input.recorded.filter((p) => p.source === 'site' && !p.self && !shownKeys.has(p.key) && !shownNames.has(p.name)).map((p) => p.key) : [];
  const ownKey = ownKeyOf(people, input.marked);
  const declined = new Set(input.declined ?? []);
  const remembered = new Set(input.seriesFacilitators ?? []);
  return {
    people,
    facilitatorKeys: facilitatorKeysOf(input.marked, people, input.seriesFacilitators ?? [], input.declined ?? []),
    notFacilitatingKeys: people.filter((p) => declined.has(p.key) && (p.self || remembered.has(p.name))).map((p) => p.key),
    ...(ownKey ? { ownKey } : {}),
    absentKeys,
  };
}

/**
 * Who has spoken how much since the workshop started (before the start: since the first turn
 * counted). "Not heard yet" in both tabs is `notSpokenYet` of this one computation.
 */
export function heardSoFar(view: PeopleView, turns: readonly SpeakingTurn[], startedAt: number | undefined, now: number): SpeakingStats {
  const from = startedAt ?? (turns.length ? Math.min(...turns.map((turn) => turn.startAt)) : now);
  return speakingStats({ turns, participants: view.people, facilitatorKeys: view.facilitatorKeys, absentKeys: view.absentKeys, window: { from, to: now } });
}
