import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Erasing a person, a workshop, or everything: afterwards no object store holds the erased
// text, names or keys, and what belongs to others is untouched. Records about people are not
// stored before the workshop starts (or the facilitator says they may be).

const extensionOrigin = 'moz-extension://test/';
const alarms = new Map<string, unknown>();
const alarmListeners: ((alarm: { name: string }) => void)[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'test', getURL: (path: string) => `${extensionOrigin}${path}`, onConnect: { addListener() {} } },
    alarms: {
      create: async (name: string, info: unknown) => void alarms.set(name, info),
      clear: async (name: string) => alarms.delete(name),
      onAlarm: { addListener: (listener: (alarm: { name: string }) => void) => void alarmListeners.push(listener) },
    },
  },
}));

const scrubs = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/background/scrub', () => ({ scrubDeleted: async () => void scrubs.count++ }));

const { createFromTemplate, addCapture } = await import('../../../src/background/workshops');
const { DEFAULT_TEMPLATE_ID } = await import('../../../src/script/templates');
const { erasePerson, eraseWorkshop, eraseEverything, dataOverview, scheduleRetention, listenToRetentionAlarm, retentionSweep, RETENTION_ALARM } = await import(
  '../../../src/background/erase'
);
const { setSetting } = await import('../../../src/store/settings');
const { workshops } = await import('../../../src/store/workshops');
const { HANDLERS } = await import('../../../src/background/handlers');
const { db } = await import('../../../src/store/db');
const { getLive, appendLiveEvent } = await import('../../../src/store/liveState');
const { rememberActive, lastActive, activeGeneration, forgetActive } = await import('../../../src/messages/lastActive');
const { loadWorkshop, activeWorkshop } = await import('../../../src/background/workshops');

const panel = { caller: { caller: 'panel' as const, tabId: 1 } };

async function everything(): Promise<string> {
  const database = await db();
  const all: Record<string, unknown[]> = {};
  for (const name of database.objectStoreNames) all[name] = await database.getAll(name);
  return JSON.stringify(all);
}

async function workshopWithPeople(recordPeople = true) {
  const created = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
  if (!created.ok) throw new Error('no workshop');
  const workshopId = created.value.workshop.id;
  await HANDLERS['workshop/update']({ workshopId, patch: { recordPeople } }, panel);
  await HANDLERS['participants/sync']({ workshopId, participants: [{ key: 'name:aino', name: 'Aino Virtanen' }, { key: 'name:bo', name: 'Bo Kim' }] }, panel);
  await HANDLERS['turns/add']({ workshopId, turns: [{ participantKey: 'name:aino', startAt: 1, endAt: 2, source: 'site' }, { participantKey: 'name:bo', startAt: 3, endAt: 4, source: 'site' }] }, panel);
  await HANDLERS['prompt/log']({ workshopId, entries: [{ cardId: 'silence', at: 5, action: 'shown' }] }, panel);
  await HANDLERS['live/event']({ workshopId, event: { type: 'hand/raise', at: 1, key: 'name:aino', name: 'Aino Virtanen' } }, panel);
  await HANDLERS['live/event']({ workshopId, event: { type: 'facilitator/set', at: 2, key: 'name:aino', facilitator: true } }, panel);
  await addCapture({ workshopId, text: 'Aino wrote this in chat QXAINOCHAT', kind: 'idea', source: { type: 'chat', author: 'Aino Virtanen' } });
  await addCapture({ workshopId, text: 'Secret capture text QXCAPTURE', kind: 'idea', source: { type: 'hotkey' } });
  return workshopId;
}

describe('erasing personal data', () => {
  beforeEach(() => eraseEverything());

  it('records nobody before the workshop starts, unless the facilitator says so', async () => {
    const workshopId = await workshopWithPeople(false);
    const overview = (await dataOverview()).find((w) => w.id === workshopId)!;
    expect(overview.participants).toBe(0);
    expect(overview.turns).toBe(0);
    // The live state kept no hand the site reported.
    await HANDLERS['live/event']({ workshopId, event: { type: 'hands/site', at: 3, hands: [{ key: 'k', name: 'Page Person' }] } }, panel);
    expect((await getLive(workshopId)).state.queue.hands.map((h) => h.name)).not.toContain('Page Person');
    expect(await everything()).not.toContain('Page Person');
    // Starting the run starts recording.
    await HANDLERS['run/event']({ workshopId, event: { type: 'start', at: Date.now() }, expectedCount: 0 }, panel);
    await HANDLERS['participants/sync']({ workshopId, participants: [{ key: 'name:c', name: 'Cai' }] }, panel);
    expect((await dataOverview()).find((w) => w.id === workshopId)!.participants).toBe(1);
  });

  it('erases one person everywhere in the workshop, and no one else', async () => {
    const workshopId = await workshopWithPeople();
    const before = (await dataOverview()).find((w) => w.id === workshopId)!;
    expect(before.people.map((p) => p.name)).toEqual(['Aino Virtanen', 'Bo Kim']);
    expect(before.people[0]).toMatchObject({ turns: 1, chatLines: 1 });
    const scrubbed = scrubs.count;
    await erasePerson(workshopId, { key: 'name:aino', name: 'Aino Virtanen' });
    expect(scrubs.count, 'the files are scrubbed after an erase').toBe(scrubbed + 1);
    const stored = await everything();
    expect(stored).not.toContain('Aino');
    expect(stored).not.toContain('name:aino');
    expect(stored).not.toContain('QXAINOCHAT');
    expect(stored).toContain('Bo Kim');
    expect(stored).toContain('QXCAPTURE');
  });

  it('does not record an erased person in the workshop again while the meeting still shows them, and records the others', async () => {
    const workshopId = await workshopWithPeople();
    await erasePerson(workshopId, { key: 'name:bo', name: 'Bo Kim' });
    // The meeting goes on reporting him: under his key, and after a rejoin under a new key with his name.
    await HANDLERS['participants/sync']({ workshopId, participants: [{ key: 'name:bo', name: 'Bo Kim' }, { key: 'rejoin:bo', name: 'bo kim ' }, { key: 'name:cai', name: 'Cai' }] }, panel);
    await HANDLERS['live/event']({ workshopId, event: { type: 'hands/site', at: 10, hands: [{ key: 'name:bo', name: 'Bo Kim' }, { key: 'name:cai', name: 'Cai' }] } }, panel);
    await HANDLERS['live/event']({ workshopId, event: { type: 'hands/site', at: 11, hands: [{ key: 'rejoin:bo', name: 'Bo Kim' }, { key: 'name:cai', name: 'Cai' }] } }, panel);
    await HANDLERS['live/event']({ workshopId, event: { type: 'hand/raise', at: 12, key: 'name:bo', name: 'Bo Kim' } }, panel);
    await HANDLERS['live/event']({ workshopId, event: { type: 'facilitator/set', at: 13, key: 'name:bo', facilitator: true } }, panel);
    await HANDLERS['live/event']({
      workshopId,
      event: { type: 'goaround/start', at: 14, participants: [{ key: 'name:bo', name: 'Bo Kim' }, { key: 'name:cai', name: 'Cai' }], order: 'as-listed', perPersonSec: 60, seed: 1, speakingMsByKey: { 'name:bo': 5, 'name:cai': 0 }, excludeKeys: [] },
    }, panel);
    // His talk after the rejoin comes under the new key (found in review: it was stored and counted).
    await HANDLERS['turns/add']({
      workshopId,
      turns: [
        { participantKey: 'name:bo', startAt: 20, endAt: 21, source: 'site' },
        { participantKey: 'rejoin:bo', startAt: 21, endAt: 22, source: 'site' },
        { participantKey: 'name:cai', startAt: 22, endAt: 23, source: 'site' },
      ],
    }, panel);
    const stored = await everything();
    expect(stored).not.toContain('Bo Kim');
    expect(stored.toLowerCase()).not.toContain('bo kim');
    expect(stored).not.toContain('name:bo');
    expect(stored).not.toContain('rejoin:bo');
    expect(stored).toContain('Cai');
    expect((await getLive(workshopId)).state.queue.hands.map((h) => h.name)).toEqual(['Aino Virtanen', 'Cai']);
    expect((await getLive(workshopId)).state.goAround?.names).toEqual({ 'name:cai': 'Cai' });
    const overview = (await dataOverview()).find((w) => w.id === workshopId)!;
    expect(overview.people.map((p) => p.name)).toEqual(['Aino Virtanen', 'Cai']);
    expect(overview.erasedPeople).toBe(1);
    // The others' hands the site lowers still go down: an event left with only them is stored.
    await HANDLERS['live/event']({ workshopId, event: { type: 'hands/site', at: 30, hands: [{ key: 'name:bo', name: 'Bo Kim' }] } }, panel);
    expect((await getLive(workshopId)).state.queue.hands.map((h) => h.name)).toEqual(['Aino Virtanen']);
  });

  // Found in a data controller's walk-through: erased from all three workshops of a series, he was
  // still in the series' organisation tags, mixed pairs and composed task, and so in the series
  // summary and in workshop 1's summary (with names ticked) and the Series tab.
  it('erases the person from the series record too: organisation, pairs and groups, F mark, the task’s list of pairs', async () => {
    const workshopId = await workshopWithPeople();
    const { updateSeries } = await import('../../../src/background/series');
    const { getSeries, seriesIdOf } = await import('../../../src/store/series');
    const { composeIntermediateTask } = await import('../../../src/series/task');
    const groups = [['Cai Example', 'Bo Kim'], ['Dee Example', 'Eve Example']];
    const empty = { 'content-now': [], 'content-future': [], 'ways-now': [], 'ways-future': [] };
    await updateSeries(workshopId, { tag: { name: 'Bo Kim', organisation: 'City' } });
    await updateSeries(workshopId, { tag: { name: 'Cai Example', organisation: 'Firm' } });
    await updateSeries(workshopId, { facilitator: { name: 'Bo Kim', on: true } });
    await updateSeries(workshopId, { groups: [...groups, ['Bo Kim']], intermediateTask: `${composeIntermediateTask('en', empty, [...groups, ['Bo Kim']])}\nBo Kim typed this himself` });
    await erasePerson(workshopId, { key: 'name:bo', name: 'Bo Kim' });
    const record = await getSeries(seriesIdOf((await workshops.get(workshopId))!));
    expect(record.organisations).toEqual([{ name: 'Cai Example', organisation: 'Firm' }]);
    expect(record.facilitators).toEqual([]);
    expect(record.groups).toEqual([['Cai Example'], ['Dee Example', 'Eve Example']]);
    expect(record.intermediateTask).toContain('Pairs and groups:\nPair 1: Cai Example\nPair 2: Dee Example, Eve Example\n');
    expect(record.intermediateTask).not.toContain('Group 3');
    // The facilitator's own text in the task is theirs, as an action's owner field is.
    expect(record.intermediateTask).toContain('Bo Kim typed this himself');
    expect((await everything()).replace('Bo Kim typed this himself', '')).not.toContain('Bo Kim');
  });

  // Found in a walk-through: someone tagged or grouped in the series (in another of its workshops)
  // but with no record in this one was not listed, so the Data view could not erase them.
  it('lists whom only the series record names, once each, and erasing them there takes them out of it', async () => {
    const workshopId = await workshopWithPeople();
    const { updateSeries } = await import('../../../src/background/series');
    const { getSeries, seriesIdOf } = await import('../../../src/store/series');
    await updateSeries(workshopId, { tag: { name: 'Fay Series', organisation: 'City' } });
    await updateSeries(workshopId, { facilitator: { name: 'fay series ', on: true } });
    await updateSeries(workshopId, { groups: [['Fay Series', 'Gus Group'], ['Bo Kim']] });
    const people = (await dataOverview()).find((w) => w.id === workshopId)!.people;
    expect(people.filter((p) => p.name.trim().toLowerCase() === 'fay series')).toEqual([{ name: 'Fay Series', turns: 0, chatLines: 0, seriesOnly: true }]);
    expect(people.find((p) => p.name === 'Gus Group')).toEqual({ name: 'Gus Group', turns: 0, chatLines: 0, seriesOnly: true });
    // Someone the workshop has records of is listed once, with them.
    expect(people.filter((p) => p.name === 'Bo Kim')).toHaveLength(1);
    const fay = people.find((p) => p.name === 'Fay Series')!;
    await erasePerson(workshopId, { name: fay.name });
    const record = await getSeries(seriesIdOf((await workshops.get(workshopId))!));
    expect(JSON.stringify(record).toLowerCase()).not.toContain('fay series');
    expect((await dataOverview()).find((w) => w.id === workshopId)!.people.map((p) => p.name)).not.toContain('Fay Series');
  });

  it('lists everyone a live event names, also someone the roster does not have, so they can be erased', async () => {
    const workshopId = await workshopWithPeople();
    await appendLiveEvent(workshopId, { type: 'hands/site', at: 40, hands: [{ key: 'site:dee', name: 'Dee Example' }] });
    const listed = (await dataOverview()).find((w) => w.id === workshopId)!.people.find((p) => p.name === 'Dee Example');
    expect(listed).toMatchObject({ key: 'site:dee' });
    await erasePerson(workshopId, { key: listed!.key, name: listed!.name });
    expect(await everything()).not.toContain('Dee Example');
    expect((await dataOverview()).find((w) => w.id === workshopId)!.people.map((p) => p.name)).not.toContain('Dee Example');
  });

  it('counts the captures still in the workshop, and apart from them the deleted ones it keeps', async () => {
    const workshopId = await workshopWithPeople();
    const gone = await addCapture({ workshopId, text: 'Deleted later QXDELETED', kind: 'idea', source: { type: 'hotkey' } });
    await HANDLERS['capture/delete']({ id: gone.id }, panel);
    expect((await dataOverview()).find((w) => w.id === workshopId)).toMatchObject({ captures: 2, keptCaptures: 1 });
  });

  it('counts a big workshop a page at a time, never reading a whole store or index in one request', async () => {
    const big = await workshopWithPeople();
    const small = await workshopWithPeople();
    const database = await db();
    const [model] = await database.getAllFromIndex('captures', 'byWorkshop', big);
    const tx = database.transaction(['captures', 'speakingTurns'], 'readwrite');
    for (let i = 0; i < 1300; i++) {
      void tx.objectStore('captures').put({ ...model!, id: `bulk-${i}`, source: { type: 'chat', author: i % 2 ? 'Aino Virtanen' : 'Someone Else' } });
      void tx.objectStore('speakingTurns').put({ id: `turn-${i}`, workshopId: big, participantKey: 'name:bo', startAt: i, endAt: i + 1, source: 'site' });
    }
    await tx.done;
    // Every read of the records that grow with a workshop asks for a page: a getAll with no count
    // read a 40,000-capture workshop in one go, holding Firefox's main thread at every refresh.
    const asked: (number | undefined)[] = [];
    const spies = [IDBObjectStore.prototype, IDBIndex.prototype].map((proto) => {
      const getAll = proto.getAll;
      return vi.spyOn(proto, 'getAll').mockImplementation(function (this: IDBObjectStore | IDBIndex, query?: IDBKeyRange | IDBValidKey | null, count?: number) {
        const name = this instanceof IDBIndex ? this.objectStore.name : this.name;
        if (['captures', 'participants', 'speakingTurns'].includes(name)) asked.push(count);
        return getAll.call(this, query, count);
      });
    });
    try {
      const overview = await dataOverview();
      expect(asked.length).toBeGreaterThan(3);
      expect(asked.every((count) => count !== undefined && count <= 500)).toBe(true);
      expect(overview.find((w) => w.id === big)).toMatchObject({ captures: 1302, keptCaptures: 0, turns: 1302, participants: 2 });
      const people = overview.find((w) => w.id === big)!.people;
      expect(people.find((p) => p.name === 'Aino Virtanen')).toMatchObject({ chatLines: 651, turns: 1 });
      expect(people.find((p) => p.name === 'Bo Kim')).toMatchObject({ turns: 1301 });
      expect(people.find((p) => p.name === 'Someone Else')).toMatchObject({ chatLines: 650, turns: 0 });
      expect(overview.find((w) => w.id === small)).toMatchObject({ captures: 2, turns: 2, participants: 2 });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('erases a workshop with everything linked to it, and leaves the others', async () => {
    const keep = await workshopWithPeople();
    const gone = await workshopWithPeople();
    // Live sharing's rows of the workshop (vote ids, capture versions) go with it too: they stayed.
    await (await db()).put('settings', { key: `sync-votes:${gone}`, value: ['vote-1'] });
    await (await db()).put('settings', { key: `sync-capture-versions:${gone}`, value: { c1: { at: 1, text: 'abc' } } });
    const scrubbed = scrubs.count;
    await eraseWorkshop(gone);
    expect(scrubs.count).toBe(scrubbed + 1);
    const database = await db();
    for (const name of database.objectStoreNames) {
      for (const record of await database.getAll(name)) expect(JSON.stringify(record), name).not.toContain(gone);
    }
    expect((await dataOverview()).map((w) => w.id)).toContain(keep);
  });

  it('erases everything, and makes nothing again: no first-run workshop, no prompt log or live state for the erased one', async () => {
    const workshopId = await workshopWithPeople();
    await eraseEverything();
    const database = await db();
    for (const name of database.objectStoreNames) if (name !== 'settings') expect(await database.count(name), name).toBe(0);
    // All a panel still open can ask for, with the workshop it had.
    expect(await activeWorkshop('en')).toBeNull();
    expect((await HANDLERS['prompt/log']({ workshopId, entries: [{ cardId: 'silence', at: 5, action: 'shown' }] }, panel)).ok).toBe(false);
    expect((await HANDLERS['live/event']({ workshopId, event: { type: 'pause/start', at: 6, waitSec: 10 } }, panel)).ok).toBe(false);
    for (const name of database.objectStoreNames) if (name !== 'settings') expect(await database.count(name), name).toBe(0);
    // The one setting kept says the first start is behind.
    expect(await database.getAll('settings')).toEqual([{ key: 'seeded', value: true }]);
  });

  it('retention runs on an hourly alarm while the browser is open, and on a start', async () => {
    const old = await workshopWithPeople();
    const fresh = await workshopWithPeople();
    const record = (await workshops.get(old))!;
    await workshops.put({ ...record, updatedAt: Date.now() - 3 * 24 * 3600 * 1000 });
    await setSetting('retentionDays', 2);
    await scheduleRetention();
    expect(alarms.get(RETENTION_ALARM)).toMatchObject({ periodInMinutes: 60 });
    listenToRetentionAlarm();
    for (const listener of alarmListeners) listener({ name: RETENTION_ALARM });
    const deadline = Date.now() + 5_000;
    while ((await dataOverview()).some((w) => w.id === old) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await dataOverview()).map((w) => w.id)).toEqual([fresh]);
    expect(await everything()).not.toContain(old);
    // A start sweeps too (the background calls this as it starts), and retention off clears the alarm.
    expect(await retentionSweep()).toBe(0);
    await setSetting('retentionDays', 0);
    await scheduleRetention();
    expect(alarms.has(RETENTION_ALARM)).toBe(false);
  });
});

// The last known workshop the background hands an opening panel (src/messages/lastActive.ts):
// in storage.session, and gone with every erase, so a panel never draws erased data again.
describe('the panel\'s last known workshop', () => {
  const session = new Map<string, unknown>();
  const area = {
    get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, structuredClone(v))),
    remove: async (key: string) => void session.delete(key),
  };

  beforeEach(async () => {
    (globalThis as unknown as { chrome: unknown }).chrome = { storage: { session: area } };
    await eraseEverything();
  });

  async function remembered(workshopId: string) {
    await rememberActive(await loadWorkshop(workshopId));
    expect((await lastActive())?.workshop.id).toBe(workshopId);
  }

  it('is kept when the background answers, and forgotten by every erase', async () => {
    const workshopId = await workshopWithPeople();
    await remembered(workshopId);
    await erasePerson(workshopId, { key: 'name:aino', name: 'Aino Virtanen' });
    expect(await lastActive()).toBeUndefined();
    await remembered(workshopId);
    await eraseWorkshop(workshopId);
    expect(await lastActive()).toBeUndefined();
    const other = await workshopWithPeople();
    await remembered(other);
    await eraseEverything();
    expect(await lastActive()).toBeUndefined();
  });

  it('is forgotten when retention deletes a workshop', async () => {
    const old = await workshopWithPeople();
    await remembered(old);
    await workshops.put({ ...(await workshops.get(old))!, updatedAt: Date.now() - 3 * 24 * 3600 * 1000 });
    await setSetting('retentionDays', 2);
    expect(await retentionSweep()).toBe(1);
    expect(await lastActive()).toBeUndefined();
    await setSetting('retentionDays', 0);
  });

  it('is not written back by an answer computed before an erase', async () => {
    const workshopId = await workshopWithPeople();
    const seen = activeGeneration();
    const answer = await loadWorkshop(workshopId);
    await forgetActive();
    await rememberActive(answer, seen);
    expect(await lastActive()).toBeUndefined();
    expect(JSON.stringify([...session.values()])).not.toContain('Aino');
  });
});

