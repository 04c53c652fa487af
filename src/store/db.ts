import { mergeTemplateCopies, type UpgradeStores } from './templateCopies';
import { localDay } from './day';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

// The IndexedDB schema. Each version's upgrade step is kept forever and run in order, so a database
// written by any earlier version opens and migrates (test/unit/store/migrations.test.ts opens one
// written by every earlier version). Records are plain JSON validated by each record module's zod
// schema on the way in.

export const DB_NAME = 'vuoro';
export const DB_VERSION = 5;

export interface VuoroDB extends DBSchema {
  workshops: { key: string; value: WorkshopRecordShape; indexes: { byUpdated: number } };
  scripts: { key: string; value: { id: string; updatedAt: number } & Record<string, unknown>; indexes: { byUpdated: number } };
  runs: { key: string; value: { id: string; workshopId: string } & Record<string, unknown>; indexes: { byWorkshop: string } };
  captures: {
    key: string;
    value: { id: string; workshopId: string; createdAt: number } & Record<string, unknown>;
    indexes: { byWorkshop: string; byWorkshopCreated: [string, number] };
  };
  participants: { key: [string, string]; value: { workshopId: string; key: string } & Record<string, unknown>; indexes: { byWorkshop: string } };
  speakingTurns: {
    key: string;
    value: { id: string; workshopId: string; startAt: number } & Record<string, unknown>;
    indexes: { byWorkshop: string };
  };
  promptLog: { key: string; value: { id: string; workshopId: string; at: number } & Record<string, unknown>; indexes: { byWorkshop: string } };
  settings: { key: string; value: { key: string; value: unknown } };
  series: { key: string; value: { id: string; updatedAt: number } & Record<string, unknown> };
  liveStates: { key: string; value: { workshopId: string; state: unknown; count: number; updatedAt: number } };
  liveEvents: { key: [string, number]; value: { workshopId: string; seq: number; event: unknown }; indexes: { byWorkshop: string } };
}

export interface WorkshopRecordShape {
  id: string;
  updatedAt: number;
  [k: string]: unknown;
}

type UpgradeTx = IDBPTransaction<VuoroDB, StoreNames<VuoroDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<VuoroDB>, tx: UpgradeTx) => Promise<void> | void;

/** MIGRATIONS[n] upgrades a version-n database to version n+1 (index 0 creates version 1). */
export const MIGRATIONS: readonly Migration[] = [
  // v1: the first schema: workshops, scripts, runs, captures and key-value settings.
  (db) => {
    db.createObjectStore('workshops', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
    db.createObjectStore('scripts', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
    db.createObjectStore('runs', { keyPath: 'id' }).createIndex('byWorkshop', 'workshopId');
    db.createObjectStore('captures', { keyPath: 'id' }).createIndex('byWorkshop', 'workshopId');
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // v2: participants, speaking turns and the prompt log get stores of their own; captures get a
  // (workshop, createdAt) index for ordered listing and the fields v1 did not have (votes, tags).
  async (db, tx) => {
    db.createObjectStore('participants', { keyPath: ['workshopId', 'key'] }).createIndex('byWorkshop', 'workshopId');
    db.createObjectStore('speakingTurns', { keyPath: 'id' }).createIndex('byWorkshop', 'workshopId');
    db.createObjectStore('promptLog', { keyPath: 'id' }).createIndex('byWorkshop', 'workshopId');
    const captures = tx.objectStore('captures');
    captures.createIndex('byWorkshopCreated', ['workshopId', 'createdAt']);
    let cursor = await captures.openCursor();
    while (cursor) {
      const c = cursor.value;
      await cursor.update({
        ...c,
        votes: typeof c.votes === 'number' ? c.votes : 0,
        tags: Array.isArray(c.tags) ? c.tags : [],
        kind: typeof c.kind === 'string' ? c.kind : 'note',
        updatedAt: typeof c.updatedAt === 'number' ? c.updatedAt : c.createdAt,
      });
      cursor = await cursor.continue();
    }
  },
  // v3: a Change Dialogue series gets a record of its own (dot budget, intermediate task,
  // organisations, the process evaluation). Captures keep their shape: the map field, the
  // experiment plan and its evaluation are optional fields no earlier capture has.
  (db) => {
    db.createObjectStore('series', { keyPath: 'id' });
  },
  // v4: live turn-taking becomes an event log (src/turns/live.ts): each workshop's state and event
  // count in `liveStates`, its events in `liveEvents`. The state v2 kept in settings as
  // `live:<workshopId>` moves over as the state before the first event.
  async (db, tx) => {
    db.createObjectStore('liveStates', { keyPath: 'workshopId' });
    db.createObjectStore('liveEvents', { keyPath: ['workshopId', 'seq'] }).createIndex('byWorkshop', 'workshopId');
    const settings = tx.objectStore('settings');
    const states = tx.objectStore('liveStates');
    let cursor = await settings.openCursor(IDBKeyRange.bound('live:', 'live:\uffff'));
    while (cursor) {
      const workshopId = cursor.value.key.slice('live:'.length);
      await states.put({ workshopId, state: cursor.value.value, count: 0, updatedAt: 0 });
      await cursor.delete();
      cursor = await cursor.continue();
    }
  },
  // v5: a workshop has a date (the day it is held), first the day it was made. The copies of
  // built-in templates that every "Start from this template" stored go: the workshops made from one
  // move onto the one stored template of its language (src/store/templateCopies.ts).
  async (_db, tx) => {
    const workshops = tx.objectStore('workshops');
    let cursor = await workshops.openCursor();
    while (cursor) {
      const w = cursor.value;
      const made = typeof w.createdAt === 'number' ? w.createdAt : w.updatedAt;
      if (typeof w.date !== 'string' && typeof made === 'number') await cursor.update({ ...w, date: localDay(made) });
      cursor = await cursor.continue();
    }
    await mergeTemplateCopies(tx as unknown as UpgradeStores);
  },
];

export function openVuoroDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<VuoroDB>> {
  return openDB<VuoroDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) {
        const step = MIGRATIONS[v];
        if (!step) throw new Error(`no migration from schema version ${v}`);
        await step(db, tx);
      }
    },
    blocking() {
      // A newer version is waiting (an update of the extension): let it proceed.
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
    terminated() {
      // The browser closed the connection (Firefox does after a full disk): open a new one next time.
      dbPromise = undefined;
    },
  });
}

let dbPromise: Promise<IDBPDatabase<VuoroDB>> | undefined;

/** The one shared connection of this context (the background owns all store access). */
export function db(): Promise<IDBPDatabase<VuoroDB>> {
  dbPromise ??= openVuoroDB();
  return dbPromise;
}

/** Drops the shared connection, e.g. after an InvalidStateError; the next db() call reopens. */
export function resetConnection(): void {
  dbPromise = undefined;
}
