import { cyrb53 } from '../hash';
import type { LiveEvent, LiveState } from '../turns/live';
import { withNamesInGroupList } from '../series/task';
import type { SeriesRecord } from '../store/series';

// Erasing one person: every place the live turn-taking state names them by key goes. The rest of
// the workshop (other people, the run, prompt cards) is left as it was.

export function forgetPerson(live: LiveState, key: string): LiveState {
  const others = (k: string) => k !== key;
  const next: LiveState = {
    ...live,
    queue: {
      hands: live.queue.hands.filter((hand) => hand.key !== key),
      granted: live.queue.granted.filter((grant) => grant.key !== key),
      ignoredSiteKeys: live.queue.ignoredSiteKeys.filter(others),
    },
    facilitatorKeys: live.facilitatorKeys.filter(others),
    ...(live.notFacilitatorKeys ? { notFacilitatorKeys: live.notFacilitatorKeys.filter(others) } : {}),
  };
  const round = live.goAround;
  if (round) {
    const { [key]: _forgotten, ...names } = round.names;
    const { current, ...rest } = round;
    next.goAround = {
      ...rest,
      names,
      excludedKeys: round.excludedKeys.filter(others),
      upcoming: round.upcoming.filter(others),
      past: round.past.filter((turn) => turn.key !== key),
      ...(current && current.key !== key ? { current } : {}),
    };
  }
  return next;
}

/** A name as the erase compares it: "Bo Kim " and "bo kim" are one person. */
export const foldedName = (name: string) => name.trim().toLocaleLowerCase();

/**
 * The series record without one person: their organisation tag, their place in the groups (a group
 * left empty goes), their F mark, and their name in the composed task's list of pairs and groups.
 * These are the series', shared by its workshops, and an erase in any of them takes the person out.
 */
export function seriesWithoutPerson(record: SeriesRecord, name: string): SeriesRecord {
  const erased = foldedName(name);
  const other = (n: string) => foldedName(n) !== erased;
  const { groups, intermediateTask, ...rest } = record;
  const keptGroups = groups?.map((group) => group.filter(other)).filter((group) => group.length > 0);
  return {
    ...rest,
    organisations: record.organisations.filter((tag) => other(tag.name)),
    facilitators: record.facilitators.filter(other),
    ...(keptGroups ? { groups: keptGroups } : {}),
    ...(intermediateTask !== undefined ? { intermediateTask: withNamesInGroupList(intermediateTask, other) } : {}),
  };
}

// A person erased from a workshop is not recorded in it again while the meeting still shows them:
// the workshop keeps a list of whom it erased, as hashes of their key and name (salted with the
// workshop id): the list cannot be read as names, though one who has the database and guesses a
// name (from the meeting's roster, say) can check the guess. What the site reports (its roster, its hands, the
// people a go-around is started with) is matched by key or by name, since a rejoin may bring a new
// key; a facilitator's action on one person by key. A name the facilitator types in is theirs to add.

export interface ErasedPeople {
  keys: readonly string[];
  names: readonly string[];
}

const mark = (workshopId: string, text: string) => cyrb53(`${workshopId}\n${text}`).toString(36);
const nameMark = (workshopId: string, name: string) => mark(workshopId, `name:${foldedName(name)}`);
const keyMark = (workshopId: string, key: string) => mark(workshopId, `key:${key}`);

/** The list with one more person on it (bounded: the oldest marks go first). */
export function withErased(erased: ErasedPeople | undefined, workshopId: string, person: { key?: string | undefined; name: string }): ErasedPeople {
  const add = (list: readonly string[], value: string | undefined) => (value === undefined || list.includes(value) ? [...list] : [...list, value].slice(-ERASED_MAX));
  return {
    keys: add(erased?.keys ?? [], person.key === undefined ? undefined : keyMark(workshopId, person.key)),
    names: add(erased?.names ?? [], person.name.trim() ? nameMark(workshopId, person.name) : undefined),
  };
}

export const ERASED_MAX = 1000;

export interface ErasedTest {
  /** Whether anyone has been erased from the workshop. */
  any: boolean;
  key(key: string): boolean;
  /** A name alone, as a chat line's author. */
  name(name: string): boolean;
  /** A person as the site reports them: erased by key or by name. */
  person(person: { key: string; name: string }): boolean;
}

export function erasedTest(erased: ErasedPeople | undefined, workshopId: string): ErasedTest {
  const keys = new Set(erased?.keys ?? []);
  const names = new Set(erased?.names ?? []);
  const key = (k: string) => keys.size > 0 && keys.has(keyMark(workshopId, k));
  const name = (n: string) => names.size > 0 && names.has(nameMark(workshopId, n));
  return { any: keys.size > 0 || names.size > 0, key, name, person: (p) => key(p.key) || name(p.name) };
}

/**
 * What a co-facilitator's copy sends that may be kept here: their copy still holds the events and
 * chat lines of someone erased here, and would bring them back. An event naming them is left out
 * whole (one changed here would read as new on every exchange, and be added again each time).
 */
export function sharedWithoutErased<E extends { liveEvents: LiveEvent[]; captures: { source: { type: string; author?: string | undefined } }[] }>(entries: E, erased: ErasedTest): E {
  return {
    ...entries,
    liveEvents: entries.liveEvents.filter((event) => withoutErased(event, erased) === event),
    captures: entries.captures.filter((capture) => !(capture.source.type === 'chat' && capture.source.author !== undefined && erased.name(capture.source.author))),
  };
}

/** The event without the erased people in it; null when it was about one of them only. */
export function withoutErased(event: LiveEvent, erased: ErasedTest): LiveEvent | null {
  switch (event.type) {
    case 'hand/raise':
    case 'hand/lower':
    case 'floor/give':
    case 'speaker/mark':
    case 'facilitator/set':
      return erased.key(event.key) ? null : event;
    case 'goaround/advance':
    case 'goaround/skip':
      return erased.key(event.from) ? null : event;
    case 'hands/site': {
      const hands = event.hands.filter((hand) => !erased.person(hand));
      return hands.length === event.hands.length ? event : { ...event, hands };
    }
    case 'goaround/sync': {
      const participants = event.participants.filter((p) => !erased.person(p));
      return participants.length === event.participants.length ? event : { ...event, participants };
    }
    case 'goaround/start': {
      const participants = event.participants.filter((p) => !erased.person(p));
      const excludeKeys = event.excludeKeys.filter((k) => !erased.key(k));
      const gone = new Set(event.participants.filter((p) => erased.person(p)).map((p) => p.key));
      const speaking = Object.entries(event.speakingMsByKey);
      const speakingKept = speaking.filter(([k]) => !gone.has(k) && !erased.key(k));
      if (participants.length === event.participants.length && excludeKeys.length === event.excludeKeys.length && speakingKept.length === speaking.length) return event;
      return { ...event, participants, excludeKeys, speakingMsByKey: Object.fromEntries(speakingKept) };
    }
    default:
      return event;
  }
}

/** What an erase writes where a live event named the person (src/background/erase.ts). */
export const ERASED_KEY = 'erased';

/**
 * Whether a live event is one an erase rewrote (it names ERASED_KEY, or is the bare placeholder):
 * kept in this browser's log (appends count on its length), never sent to a room, where it read as a
 * new event, a raised hand with no name.
 */
export function isErasedEvent(event: unknown): boolean {
  // In a value or as a key: a go-around's speaking times are keyed by person.
  const names = (value: unknown): boolean =>
    value === ERASED_KEY ||
    (Array.isArray(value) ? value.some(names) : typeof value === 'object' && value !== null && Object.entries(value).some(([key, v]) => key === ERASED_KEY || names(v)));
  return typeof event === 'object' && event !== null && ((event as { type?: unknown }).type === ERASED_KEY || Object.entries(event).some(([field, value]) => field !== 'type' && names(value)));
}
