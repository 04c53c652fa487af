import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openVuoroDB } from '../../../src/store/db';

// A database written by a newer Vuoro (a downgrade, or a profile synced from a newer install): the
// current code must fail with VersionError, which the background reports as 'store-newer', and
// leave every record as it was.

describe('a database from a newer Vuoro', () => {
  it('is refused with VersionError and left untouched', async () => {
    const name = 'vuoro-newer';
    const newer = await openDB(name, DB_VERSION + 5, {
      upgrade(db) {
        db.createObjectStore('workshops', { keyPath: 'id' });
        db.createObjectStore('futureThings', { keyPath: 'id' });
      },
    });
    await newer.put('workshops', { id: 'w-1', title: 'Kept', updatedAt: 1 });
    await newer.put('futureThings', { id: 'x', note: 'unknown to this version' });
    newer.close();

    await expect(openVuoroDB(name)).rejects.toMatchObject({ name: 'VersionError' });

    const again = await openDB(name);
    expect(again.version).toBe(DB_VERSION + 5);
    expect(await again.get('workshops', 'w-1')).toEqual({ id: 'w-1', title: 'Kept', updatedAt: 1 });
    expect(await again.get('futureThings', 'x')).toEqual({ id: 'x', note: 'unknown to this version' });
    again.close();
  });
});
