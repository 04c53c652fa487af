import { db } from '../store/db';
import { committed } from '../store/records';

// After an erase: make the browser's files forget what was deleted, not only its object stores.

const SCRUB_PREFIX = 'scrub:';
const SCRUB_BATCH = 1024;
const SCRUB_VALUE_BYTES = 512; // hex: 1 KB a value, random so that compression cannot shrink it

/**
 * Makes the browser's store rewrite what was deleted. Chromium's IndexedDB (LevelDB) keeps deleted
 * values in its log and table files until a compaction merges them with their deletion markers;
 * Firefox's (SQLite) keeps the pages of deleted rows in its write-ahead log until later writes
 * overwrite them (a participant's name was found there after "erase everything"). Writing a few
 * megabytes of random filler, and deleting it again, fills LevelDB's write buffer, flushes it and
 * pushes the level-0 files through a compaction that drops the deleted values, and cycles SQLite's
 * log. Measured in Chromium: 8 MB was enough for the deleted text to be gone from the profile
 * after the browser closed. The filler is at least as large as what the extension stores, up to
 * 32 MB; a store larger than that may keep deleted values in deeper LevelDB levels (README).
 */
/**
 * The erase itself has committed before this runs, so a scrub that cannot finish (the disk or the
 * browser's quota is full, which is often why the user erases) must not turn the erase into a
 * failure: it writes what fits, removes its filler and answers whether it wrote all of it.
 */
export async function scrubDeleted(): Promise<boolean> {
  const usage = (await globalThis.navigator?.storage?.estimate?.().catch(() => undefined))?.usage ?? 0;
  const megabytes = Math.min(32, Math.max(8, Math.ceil(usage / (1 << 20))));
  const database = await db();
  const filler = () => Array.from(crypto.getRandomValues(new Uint8Array(SCRUB_VALUE_BYTES)), (b) => b.toString(16).padStart(2, '0')).join('');
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
    await committed(tx, [tx.store.delete(IDBKeyRange.bound(SCRUB_PREFIX, `${SCRUB_PREFIX}\uffff`))]);
  } catch {
    // Nothing of the filler was kept if its first write did not fit; any that was is removed by the
    // next scrub, whose delete covers every filler key.
    complete = false;
  }
  return complete;
}
