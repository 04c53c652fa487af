import type { IDBPDatabase } from 'idb';
import { db, type VuoroDB } from '../store/db';
import { committed } from '../store/records';

// After an erase: make the browser's files forget what was deleted, not only its object stores.

const SCRUB_PREFIX = 'scrub:';
const SCRUB_BATCH = 1024;
const SCRUB_VALUE_BYTES = 1024; // random bytes, so that compression cannot shrink them
const MIN_MEGABYTES = 8;
const MAX_MEGABYTES = 32;
const SAMPLE = 200;

/** Every key a scrub's filler is written under (in the settings store). */
const fillerKeys = () => IDBKeyRange.bound(SCRUB_PREFIX, `${SCRUB_PREFIX}\uffff`);

/**
 * Roughly how many bytes the extension's records hold (their JSON): per store, its count times the
 * mean size of its first records. The scrub's own filler, if an earlier scrub could not remove it,
 * is not counted. Reading every record instead doubled the erase of a 40,000-capture workshop in
 * Chromium (10.6 → 19.2 s).
 *
 * The browser's usage estimate is not this: it counts what the store's files hold, deleted values
 * and the last scrub's filler included, until a compaction drops them. Sized by it, each scrub made
 * the next one larger (Chromium: 0.5 → 19 → 54 → 89 MB of usage over three erases of a template
 * workshop, each erase 6–10 s, Firefox ESR to 150 MB), while what was stored stayed the same.
 */
export async function storedBytes(database: IDBPDatabase<VuoroDB>): Promise<number> {
  const filler = fillerKeys();
  let total = 0;
  for (const name of database.objectStoreNames) {
    const tx = database.transaction(name);
    const isSettings = name === 'settings';
    const [count, leftover, sample] = await Promise.all([
      tx.store.count(),
      isSettings ? tx.store.count(filler) : Promise.resolve(0),
      tx.store.getAll(undefined, SAMPLE),
    ]);
    const kept = isSettings ? sample.filter((v) => !filler.includes((v as { key: string }).key)) : sample;
    if (!kept.length) continue;
    const mean = kept.reduce((sum, v) => sum + JSON.stringify(v).length, 0) / kept.length;
    total += mean * (count - leftover);
  }
  return total;
}

/** How much filler a scrub writes: at least 8 MB, at least what is stored, at most 32 MB. */
export function fillerMegabytes(stored: number): number {
  return Math.min(MAX_MEGABYTES, Math.max(MIN_MEGABYTES, Math.ceil(stored / (1 << 20))));
}

/**
 * Makes the browser's store rewrite what was deleted. Chromium's IndexedDB (LevelDB) keeps deleted
 * values in its log and table files until a compaction merges them with their deletion markers;
 * Firefox's (SQLite) keeps the pages of deleted rows in its write-ahead log until later writes
 * overwrite them (a participant's name was found there after "erase everything"). Writing a few
 * megabytes of random filler, and deleting it again, fills LevelDB's write buffer, flushes it and
 * pushes the level-0 files through a compaction that drops the deleted values, and cycles SQLite's
 * log. Measured in Chromium: 8 MB was enough for the deleted text to be gone from the profile
 * after the browser closed. The filler is at least as large as what the extension stores, up to
 * 32 MB (fillerMegabytes); a store larger than that may keep deleted values in deeper LevelDB
 * levels (README). Its values are random bytes, not text: making 8 MB of hex in script took about
 * half a second of the erase.
 */
/**
 * The erase itself has committed before this runs, so a scrub that cannot finish (the disk or the
 * browser's quota is full, which is often why the user erases) must not turn the erase into a
 * failure: it writes what fits, removes its filler and answers whether it wrote all of it.
 */
export async function scrubDeleted(): Promise<boolean> {
  const database = await db();
  const megabytes = fillerMegabytes(await storedBytes(database).catch(() => 0));
  const filler = () => crypto.getRandomValues(new Uint8Array(SCRUB_VALUE_BYTES));
  let complete = true;
  try {
    for (let batch = 0; batch < megabytes; batch++) {
      const tx = database.transaction('settings', 'readwrite', { durability: 'relaxed' });
      const writes = Array.from({ length: SCRUB_BATCH }, (_, i) => tx.store.put({ key: `${SCRUB_PREFIX}${batch}:${i}`, value: filler() }));
      await committed(tx, writes);
    }
  } catch {
    complete = false;
  }
  try {
    const tx = database.transaction('settings', 'readwrite', { durability: 'strict' });
    await committed(tx, [tx.store.delete(fillerKeys())]);
  } catch {
    // Nothing of the filler was kept if its first write did not fit; any that was is removed by the
    // next scrub, whose delete covers every filler key.
    complete = false;
  }
  return complete;
}
