import browser from 'webextension-polyfill';
import { isLive, type Capture } from '../capture/schema';
import type { PersonData, WorkshopData } from '../messages/protocol';
import { db } from '../store/db';
import { forgetActive } from '../messages/lastActive';
import { committed } from '../store/records';
import { LiveEvent, LiveState } from '../turns/live';
import { getSetting } from '../store/settings';
import { listWorkshops, WorkshopRecord } from '../store/workshops';
import { ERASED_KEY, foldedName, forgetPerson, seriesWithoutPerson, withErased } from '../privacy/forget';
import { SeriesRecord, seriesIdOf } from '../store/series';
import { applyRetention } from './library';
import { readInPages } from '../store/slices';
import { scrubDeleted } from './scrub';
import { deleteWorkshop } from './workshops';

// What Vuoro keeps about people, and erasing it: one person in a workshop, a workshop with
// everything linked to it, or everything. An erase is not done when the records are gone from the
// object stores: Chromium's IndexedDB (LevelDB) keeps deleted values in its log and table files
// until a compaction rewrites them, so after an erase the background scrubs (see scrubDeleted).

/** The people live events name (hands, go-arounds), by key, each once. */
function peopleInLiveEvents(events: readonly unknown[]): { key: string; name: string }[] {
  const people = new Map<string, string>();
  for (const row of events) {
    const parsed = LiveEvent.safeParse(row);
    if (!parsed.success) continue;
    const event = parsed.data;
    const named =
      event.type === 'hand/raise' ? [event] : event.type === 'hands/site' ? event.hands : event.type === 'goaround/start' || event.type === 'goaround/sync' ? event.participants : [];
    for (const person of named) if (person.name && !people.has(person.key)) people.set(person.key, person.name);
  }
  return [...people].map(([key, name]) => ({ key, name }));
}

/**
 * The names the series' own record holds: organisation tags, F marks, pairs and groups (the
 * composed task's list of pairs is made from the groups).
 */
function peopleInSeries(record: SeriesRecord | undefined): string[] {
  return record ? [...record.organisations.map((tag) => tag.name), ...record.facilitators, ...(record.groups ?? []).flat()] : [];
}

/** What the overview counts of one workshop's captures, people and speaking turns. */
interface Tally {
  liveCaptures: number;
  keptCaptures: number;
  /** Chat lines captured, by author. */
  chatBy: Map<string, number>;
  people: { key: string; name: unknown }[];
  turns: number;
  turnsBy: Map<string, number>;
}

/**
 * Every workshop's captures, people and speaking turns tallied in one read of each store, a page at
 * a time (readInPages). Read whole per workshop, a workshop of 40,000 captures held Firefox's main
 * thread, which the background page shares with the options page, 280–420 ms at each refresh of
 * the Data view (the import e2e test measures it).
 */
async function tallies(workshopIds: readonly string[]): Promise<Map<string, Tally>> {
  const database = await db();
  const byWorkshop = new Map<string, Tally>(
    workshopIds.map((id) => [id, { liveCaptures: 0, keptCaptures: 0, chatBy: new Map(), people: [], turns: 0, turnsBy: new Map() }]),
  );
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  // Each record counted in its workshop's tally; records of no listed workshop are passed over.
  const inWorkshop =
    <R extends { workshopId: string }>(add: (tally: Tally, record: R) => void) =>
    (record: R) => {
      const tally = byWorkshop.get(record.workshopId);
      if (tally) add(tally, record);
    };
  await readInPages(
    () => database.transaction('captures').store,
    (capture) => capture.id,
    inWorkshop((tally, capture) => {
      if (isLive(capture as unknown as Capture)) tally.liveCaptures++;
      else tally.keptCaptures++;
      const source = capture.source as { type?: string; author?: string } | undefined;
      if (source?.type === 'chat' && source.author) count(tally.chatBy, source.author);
    }),
  );
  await readInPages(
    () => database.transaction('participants').store,
    (person) => [person.workshopId, person.key],
    inWorkshop((tally, person) => tally.people.push({ key: person.key, name: person.name })),
  );
  await readInPages(
    () => database.transaction('speakingTurns').store,
    (turn) => turn.id,
    inWorkshop((tally, turn) => {
      tally.turns++;
      count(tally.turnsBy, String(turn.participantKey));
    }),
  );
  return byWorkshop;
}

/** Per workshop, what is stored: counts of each kind of record and the people it names. */
export async function dataOverview(): Promise<WorkshopData[]> {
  const database = await db();
  const session = await getSetting('liveSession');
  const overview: WorkshopData[] = [];
  const workshops = await listWorkshops();
  const tallied = await tallies(workshops.map((workshop) => workshop.id));
  for (const workshop of workshops) {
    const [prompts, run, live] = await Promise.all([
      database.countFromIndex('promptLog', 'byWorkshop', workshop.id),
      database.get('runs', workshop.id),
      database.getAll('liveEvents', IDBKeyRange.bound([workshop.id, 0], [workshop.id, Infinity])),
    ]);
    const { liveCaptures, keptCaptures, chatBy, people, turns, turnsBy } = tallied.get(workshop.id)!;
    const named: PersonData[] = people.map((p) => ({ key: p.key, name: String(p.name), turns: turnsBy.get(p.key) ?? 0, chatLines: chatBy.get(String(p.name)) ?? 0 }));
    // Everyone with records here, not only the roster: a live event may name someone the roster
    // does not have (recorded before an erase by an older version, or from a co-facilitator's copy).
    const keys = new Set(named.map((p) => p.key));
    for (const person of peopleInLiveEvents(live.map((row) => row.event))) {
      if (keys.has(person.key)) continue;
      keys.add(person.key);
      named.push({ key: person.key, name: person.name, turns: turnsBy.get(person.key) ?? 0, chatLines: chatBy.get(person.name) ?? 0 });
    }
    const names = new Set(named.map((p) => p.name));
    for (const [author, lines] of chatBy) if (!names.has(author)) named.push({ name: author, turns: 0, chatLines: lines });
    // And whom only the series' record names (someone tagged or grouped in another workshop of the
    // series): the Data view did not list them, so they could not be erased from it.
    const listed = new Set(named.map((p) => foldedName(p.name)));
    const series = SeriesRecord.safeParse(await database.get('series', seriesIdOf(workshop)));
    for (const name of peopleInSeries(series.success ? series.data : undefined)) {
      // Each once, compared as the erase compares names ("Bo Kim " and "bo kim" are one person).
      const folded = foldedName(name);
      if (!folded || listed.has(folded)) continue;
      listed.add(folded);
      named.push({ name, turns: 0, chatLines: 0, seriesOnly: true });
    }
    overview.push({
      id: workshop.id,
      title: workshop.title,
      scriptId: workshop.scriptId,
      workshopIndex: workshop.workshopIndex,
      createdAt: workshop.createdAt,
      date: workshop.date,
      updatedAt: workshop.updatedAt,
      captures: liveCaptures,
      keptCaptures,
      participants: people.length,
      turns,
      prompts,
      runEvents: ((run?.run as { events?: unknown[] } | undefined)?.events ?? []).length,
      people: named.sort((a, b) => a.name.localeCompare(b.name)),
      erasedPeople: workshop.erased?.names.length ?? 0,
      shared: workshop.sharedAt !== undefined || session?.workshopId === workshop.id,
    });
  }
  return overview;
}

/**
 * Erases one person from a workshop in one transaction: their participant record, speaking turns,
 * every mention in the live turn-taking state (hands, floor, go-around, facilitators) and the chat
 * lines captured under their name. Captures others wrote stay, including an action's owner field,
 * which the facilitator typed.
 */
export async function erasePerson(workshopId: string, person: { key?: string | undefined; name: string }): Promise<void> {
  await forgetActive();
  const database = await db();
  const tx = database.transaction(['participants', 'speakingTurns', 'captures', 'liveStates', 'liveEvents', 'workshops', 'series'], 'readwrite', { durability: 'strict' });
  const writes: Promise<unknown>[] = [];
  const key = person.key;
  if (key !== undefined) {
    writes.push(tx.objectStore('participants').delete([workshopId, key]));
    writes.push(
      tx
        .objectStore('speakingTurns')
        .index('byWorkshop')
        .getAll(workshopId)
        .then((turns) => Promise.all(turns.filter((t) => t.participantKey === key).map((t) => tx.objectStore('speakingTurns').delete(t.id)))),
    );
    writes.push(
      tx
        .objectStore('liveStates')
        .get(workshopId)
        .then((row) => {
          const parsed = LiveState.safeParse(row?.state);
          return row && parsed.success ? tx.objectStore('liveStates').put({ ...row, state: LiveState.parse(forgetPerson(parsed.data, key)) }) : undefined;
        }),
    );
    // The event log keeps its length (appends count on it); the events that named them name no one.
    writes.push(
      tx
        .objectStore('liveEvents')
        .getAll(IDBKeyRange.bound([workshopId, 0], [workshopId, Infinity]))
        .then((rows) =>
          Promise.all(
            rows.map((row) => {
              const before = JSON.stringify(row.event);
              const after = before.split(JSON.stringify(key)).join(JSON.stringify(ERASED_KEY)).split(JSON.stringify(person.name)).join('""');
              if (after === before) return undefined;
              const parsed = LiveEvent.safeParse(JSON.parse(after));
              return tx.objectStore('liveEvents').put({ ...row, event: parsed.success ? parsed.data : { type: ERASED_KEY, at: 0 } });
            }),
          ),
        ),
    );
  }
  // Named no more, and not recorded again here (src/privacy/forget.ts).
  writes.push(
    tx
      .objectStore('workshops')
      .get(workshopId)
      .then((workshop) => {
        if (!workshop) return undefined;
        const { facilitatorKey, ...rest } = workshop;
        const erased = withErased(WorkshopRecord.shape.erased.safeParse(workshop.erased).data, workshopId, person);
        return tx.objectStore('workshops').put({ ...rest, ...(facilitatorKey !== undefined && facilitatorKey !== key ? { facilitatorKey } : {}), erased, id: workshop.id, updatedAt: workshop.updatedAt });
      }),
  );
  // The series' own record names them too (organisation, pair or group, F mark, the composed
  // task's list of pairs): it stayed, and the series summary and the Series tab still showed them.
  writes.push(
    tx
      .objectStore('workshops')
      .get(workshopId)
      .then(async (workshop) => {
        const scriptId = WorkshopRecord.shape.scriptId.safeParse(workshop?.scriptId);
        if (!scriptId.success) return undefined;
        const parsed = SeriesRecord.safeParse(await tx.objectStore('series').get(seriesIdOf({ scriptId: scriptId.data })));
        return parsed.success ? tx.objectStore('series').put(seriesWithoutPerson(parsed.data, person.name)) : undefined;
      }),
  );
  writes.push(
    tx
      .objectStore('captures')
      .index('byWorkshop')
      .getAll(workshopId)
      .then((captures) =>
        Promise.all(
          captures
            .filter((c) => {
              const source = c.source as { type?: string; author?: string } | undefined;
              return source?.type === 'chat' && source.author === person.name;
            })
            .map((c) => tx.objectStore('captures').delete(c.id)),
        ),
      ),
  );
  await committed(tx, writes);
  await scrubDeleted();
}

export async function eraseWorkshop(workshopId: string): Promise<void> {
  await deleteWorkshop(workshopId);
  await scrubDeleted();
}

/**
 * Everything Vuoro stores: every workshop, script, capture, person, setting and card. Only the
 * note that the first start is behind it stays: otherwise the next panel to ask (the meeting tab
 * still open) made the first-run default workshop again at once, and logged a prompt card in it.
 */
export async function eraseEverything(): Promise<void> {
  await forgetActive();
  const database = await db();
  const stores = [...database.objectStoreNames];
  const tx = database.transaction(stores, 'readwrite', { durability: 'strict' });
  await committed(tx, [...stores.map((name) => tx.objectStore(name).clear()), tx.objectStore('settings').put({ key: 'seeded', value: true })]);
  await scrubDeleted();
}

// The retention setting deletes workshops untouched for that many days: when it is saved, when
// the background starts (a browser restart), and on an alarm every hour while the browser is open.

export const RETENTION_ALARM = 'vuoro-retention';

export async function scheduleRetention(): Promise<void> {
  const days = await getSetting('retentionDays');
  if (days > 0) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  else await browser.alarms.clear(RETENTION_ALARM);
}

/** Deletes the workshops the retention setting has expired, then scrubs; how many went. */
export async function retentionSweep(now = Date.now()): Promise<number> {
  const removed = await applyRetention(await getSetting('retentionDays'), now);
  if (removed) await scrubDeleted();
  return removed;
}

export function listenToRetentionAlarm(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retentionSweep().catch((error: unknown) => console.error('vuoro retention', error));
  });
}
