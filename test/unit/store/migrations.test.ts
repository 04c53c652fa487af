import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, openVuoroDB } from '../../../src/store/db';
import { Capture } from '../../../src/capture/schema';
import { localDay } from '../../../src/store/workshops';

// A database as each earlier schema version wrote it: opened with only the migrations of that
// version, filled with records of that version's shape, then reopened by the current code.

const WORKSHOP = 'w-1';
const v1Records = {
  workshops: [{ id: WORKSHOP, title: 'Työpaja 1', goal: 'Yhteinen tavoite', updatedAt: 1000 }],
  captures: [
    // v1 captures had no votes, tags or updatedAt.
    { id: '6f1c2f1e-8a4b-4c1d-9e2f-3a4b5c6d7e8f', workshopId: WORKSHOP, text: 'Kokeillaan parityötä', kind: 'idea', createdAt: 2000, source: { type: 'hotkey' } },
    { id: '7a1c2f1e-8a4b-4c1d-9e2f-3a4b5c6d7e8f', workshopId: WORKSHOP, text: 'Who owns this?', createdAt: 1500, source: { type: 'chat', author: 'Bo' } },
  ],
  settings: [{ key: 'activeWorkshopId', value: WORKSHOP }],
};

const v2LiveState = {
  queue: { hands: [{ key: 'p1', name: 'Aino', raisedAt: 3000, site: false, manual: true }], granted: [], ignoredSiteKeys: [] },
  shown: {},
  facilitatorKeys: ['p9'],
};
// v2 captures had votes, tags and updatedAt but no map field, experiment plan or evaluation; v2
// had no series store.
const v2Records = {
  workshops: [{ id: WORKSHOP, title: 'Työpaja 1', goal: 'Yhteinen tavoite', lang: 'fi', scriptId: 's-1', workshopIndex: 0, createdAt: 900, updatedAt: 1000 }],
  captures: [
    { id: '6f1c2f1e-8a4b-4c1d-9e2f-3a4b5c6d7e8f', workshopId: WORKSHOP, text: 'Kokeillaan parityötä', kind: 'idea', createdAt: 2000, updatedAt: 2000, votes: 2, tags: [], source: { type: 'hotkey' } },
    { id: '7a1c2f1e-8a4b-4c1d-9e2f-3a4b5c6d7e8f', workshopId: WORKSHOP, text: 'Who owns this?', kind: 'note', createdAt: 1500, updatedAt: 1500, votes: 0, tags: [], source: { type: 'chat', author: 'Bo' } },
  ],
  participants: [{ workshopId: WORKSHOP, key: 'p1', name: 'Aino', source: 'site', firstSeenAt: 1, lastSeenAt: 2 }],
  // v2 kept a workshop's live turn-taking state as one settings record (until v4).
  settings: [{ key: 'activeWorkshopId', value: WORKSHOP }, { key: `live:${WORKSHOP}`, value: v2LiveState }],
};

// v3 added the series store (empty until a series is made); the live state was still in settings.
const v3Records = v2Records;

// v4 kept the live state in its own store; workshops had no date (v5 gives them the day they were made).
const v4Records = {
  ...v2Records,
  settings: [{ key: 'activeWorkshopId', value: WORKSHOP }],
  liveStates: [{ workshopId: WORKSHOP, state: v2LiveState, count: 0, updatedAt: 0 }],
};

const FIXTURES: Record<number, Record<string, unknown[]>> = { 1: v1Records, 2: v2Records, 3: v3Records, 4: v4Records };

async function writeVersion(name: string, version: number): Promise<void> {
  const database = await openDB(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) await MIGRATIONS[v]!(db as never, tx as never);
    },
  });
  for (const [store, records] of Object.entries(FIXTURES[version] ?? {})) {
    for (const record of records) await database.put(store as never, record as never);
  }
  database.close();
}

describe('schema migrations', () => {
  it('has a fixture for every earlier version', () => {
    for (let v = 1; v < DB_VERSION; v++) expect(FIXTURES[v], `fixture for v${v}`).toBeDefined();
  });

  for (let version = 1; version < DB_VERSION; version++) {
    it(`opens and migrates a database written by schema v${version}`, async () => {
      const name = `migrate-from-v${version}`;
      await writeVersion(name, version);
      const db = await openVuoroDB(name);
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual(
        ['captures', 'liveEvents', 'liveStates', 'participants', 'promptLog', 'runs', 'scripts', 'series', 'settings', 'speakingTurns', 'workshops'].sort(),
      );
      const captures = await db.getAllFromIndex('captures', 'byWorkshopCreated', IDBKeyRange.bound([WORKSHOP, 0], [WORKSHOP, Infinity]));
      expect(captures.map((c) => c.createdAt)).toEqual([1500, 2000]);
      for (const capture of captures) {
        // Every migrated capture is a valid current capture.
        expect(Capture.safeParse(capture).success, JSON.stringify(capture)).toBe(true);
      }
      expect(captures[0]).toMatchObject({ votes: 0, tags: [], kind: 'note', updatedAt: 1500 });
      // Nothing from an earlier version is on the map, planned or evaluated until the user puts it there.
      for (const capture of captures) expect(capture).not.toHaveProperty('mapField');
      // …and a migrated capture takes a map field, a plan and an evaluation as a current one does.
      const placed = { ...captures[1]!, mapField: 'ways-future', experiment: { tried: 'Parityö', start: '2026-01-12' }, evaluation: { fit: { score: 4 }, decision: 'spread' } };
      expect(Capture.safeParse(placed).success).toBe(true);
      expect(await db.count('series')).toBe(0);
      expect(captures[1]).toMatchObject({ kind: 'idea', text: 'Kokeillaan parityötä' });
      expect(await db.get('settings', 'activeWorkshopId')).toEqual({ key: 'activeWorkshopId', value: WORKSHOP });
      expect(await db.get('workshops', WORKSHOP)).toMatchObject({ title: 'Työpaja 1' });
      // Every workshop has the day it is held, first the day it was made (v1 records had only updatedAt).
      expect((await db.get('workshops', WORKSHOP))!.date).toBe(localDay(version === 1 ? 1000 : 900));
      // The live state moved from settings into its own store, as the state before the first event.
      expect(await db.get('settings', `live:${WORKSHOP}`)).toBeUndefined();
      if (version >= 2) expect(await db.get('liveStates', WORKSHOP)).toEqual({ workshopId: WORKSHOP, state: v2LiveState, count: 0, updatedAt: 0 });
      expect(await db.getAll('liveEvents')).toEqual([]);
      db.close();
    });
  }

  it('creates the current schema on a fresh install', async () => {
    const db = await openVuoroDB('fresh');
    expect(db.version).toBe(DB_VERSION);
    expect(db.transaction('participants').store.keyPath).toEqual(['workshopId', 'key']);
    db.close();
  });
});
