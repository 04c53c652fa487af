import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { jsonInSlices, mapInSlices, putInBatches, readInPages } from '../../../src/store/slices';

// Big writes in slices (src/store/slices.ts): the same result as in one go, with the event loop
// given turns between slices, and one transaction kept open across its batches.

const encode = (text: string) => new TextEncoder().encode(text);

/** What jsonInSlices feeds, in one array. */
async function jsonBytesInSlices<V extends object>(prefix: string, value: V, key: keyof V & string, size: number): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  await jsonInSlices(prefix, value, key, (bytes) => pieces.push(bytes), size);
  const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

/** How many times another task, queued again each time it runs, ran while `work` did. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const other = new MessageChannel();
  other.port1.onmessage = () => {
    turns += 1;
    if (running) other.port2.postMessage(null);
  };
  other.port2.postMessage(null);
  await work();
  running = false;
  other.port1.close();
  return turns;
}

describe('jsonInSlices', () => {
  const texts = ['plain', 'quote " and \\ backslash', 'emoji 🧭 and 𝔘𝔫𝔦', 'ä ö å', '\u0000 not a marker', '"captures":[]', '\u2028 line sep', ''];
  const doc = (n: number) => ({
    format: 'vuoro-workshop',
    workshop: { title: 'Työpaja "1"', captures: ['a nested key of the same name'] },
    captures: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: `${texts[i % texts.length]} ${i}`, tags: i % 2 ? [] : ['x'], at: i / 3 })),
    after: { lang: 'fi' },
  });

  it.each([0, 1, 7, 500, 1234])('gives the bytes of the prefix and JSON.stringify, for %i items', async (n) => {
    const value = doc(n);
    expect(await jsonBytesInSlices('vuoro-import\n', value, 'captures', 100)).toEqual(encode(`vuoro-import\n${JSON.stringify(value)}`));
  });

  it('keeps the array where the key stands among the others', async () => {
    const value = { captures: [1, 2, 3], first: true };
    expect(new TextDecoder().decode(await jsonBytesInSlices('', value, 'captures', 2))).toBe('{"captures":[1,2,3],"first":true}');
  });

  it('takes another marker when the value holds the first', async () => {
    const first = '00000000-0000-4000-8000-000000000001';
    // The first marker's text, as it would stand in the value's JSON, is in a text of the value.
    const value = { note: `"\u0000${first}`, captures: [{ text: 'a' }, { text: 'b' }] };
    const uuid = vi.spyOn(crypto, 'randomUUID').mockReturnValueOnce(first);
    const bytes = await jsonBytesInSlices('', value, 'captures', 1);
    expect(uuid.mock.calls.length).toBeGreaterThanOrEqual(2);
    uuid.mockRestore();
    expect(new TextDecoder().decode(bytes)).toBe(JSON.stringify(value));
  });

  it('refuses what it cannot make the same text of', async () => {
    await expect(jsonInSlices('', { captures: 'not an array' }, 'captures', () => undefined)).rejects.toThrow(TypeError);
    await expect(jsonInSlices('', { captures: [1], toJSON: () => 'other' }, 'captures', () => undefined)).rejects.toThrow(TypeError);
  });

  it('gives the event loop turns between slices', async () => {
    const value = doc(2000);
    expect(await turnsDuring(() => jsonInSlices('', value, 'captures', () => undefined, 100))).toBeGreaterThanOrEqual(10);
  });
});

describe('mapInSlices', () => {
  it('maps in order, with turns of the event loop between slices', async () => {
    const items = Array.from({ length: 1050 }, (_, i) => i);
    let out: number[] = [];
    const turns = await turnsDuring(async () => (out = await mapInSlices(items, (i) => i * 2, 100)));
    expect(out).toEqual(items.map((i) => i * 2));
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it('throws what the function throws, and stops there', async () => {
    let seen = 0;
    const fails = mapInSlices([1, 2, 3, 4], (i) => {
      seen += 1;
      if (i === 3) throw new Error('bad item');
      return i;
    }, 2);
    await expect(fails).rejects.toThrow('bad item');
    expect(seen).toBe(3);
  });
});

describe('putInBatches', () => {
  const open = (name: string) => openDB(name, 1, { upgrade: (db) => db.createObjectStore('things', { keyPath: 'id' }) });

  it('writes every record in one transaction that stays open across its batches', async () => {
    const db = await open('slices-all');
    const records = Array.from({ length: 1234 }, (_, i) => ({ id: i, text: `thing ${i}` }));
    const tx = db.transaction('things', 'readwrite');
    await putInBatches(tx.store, records, 100);
    // Still open: a request after the last batch is accepted (a committed transaction would throw).
    await tx.store.put({ id: 'after', text: 'in the same transaction' });
    await tx.done;
    expect(await db.count('things')).toBe(1235);
    db.close();
  });

  it('rejects on a put refused at once (a record without its key), and the transaction writes nothing', async () => {
    const db = await open('slices-fail');
    const records = [...Array.from({ length: 250 }, (_, i) => ({ id: i })), { noId: true }, { id: 999 }];
    const tx = db.transaction('things', 'readwrite');
    const done = tx.done.catch((error: unknown) => error);
    await expect(putInBatches(tx.store as never, records, 100)).rejects.toMatchObject({ name: 'DataError' });
    await done;
    expect(await db.count('things')).toBe(0);
    db.close();
  });
});

describe('putInBatches, a request that fails', () => {
  it('rejects, and the transaction writes nothing', async () => {
    const db = await openDB('slices-dup', 1, { upgrade: (d) => d.createObjectStore('things', { keyPath: 'id' }).createIndex('byText', 'text', { unique: true }) });
    const records = [...Array.from({ length: 250 }, (_, i) => ({ id: i, text: `t${i}` })), { id: 500, text: 't3' }];
    const tx = db.transaction('things', 'readwrite');
    const done = tx.done.catch((error: unknown) => error);
    await expect(putInBatches(tx.store, records, 100)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await done).toBeInstanceOf(Error);
    expect(await db.count('things')).toBe(0);
    db.close();
  });
});

describe('readInPages', () => {
  const open = (name: string) =>
    openDB(name, 1, {
      upgrade: (db) => {
        db.createObjectStore('things', { keyPath: 'id' });
        db.createObjectStore('pairs', { keyPath: ['a', 'b'] });
      },
    });

  it('visits every record once, in key order, never asking for more than a page', async () => {
    const db = await open('pages-all');
    const tx = db.transaction('things', 'readwrite');
    await putInBatches(tx.store, Array.from({ length: 1234 }, (_, i) => ({ id: `k${String(i).padStart(5, '0')}` })));
    await tx.done;
    const asked: (number | undefined)[] = [];
    const seen: string[] = [];
    await readInPages(
      () => {
        const store = db.transaction('things').store;
        return { getAll: (query?: IDBKeyRange | null, count?: number) => (asked.push(count), store.getAll(query, count)) };
      },
      (thing) => thing.id,
      (thing) => seen.push(thing.id),
      100,
    );
    expect(seen).toEqual(Array.from({ length: 1234 }, (_, i) => `k${String(i).padStart(5, '0')}`));
    expect(asked).toEqual(Array.from({ length: 13 }, () => 100));
    db.close();
  });

  it('pages by compound keys, and a store of exactly whole pages ends with an empty one', async () => {
    const db = await open('pages-pairs');
    const tx = db.transaction('pairs', 'readwrite');
    await putInBatches(tx.store, Array.from({ length: 200 }, (_, i) => ({ a: `w${i % 2}`, b: `p${String(i).padStart(3, '0')}` })));
    await tx.done;
    const seen: string[] = [];
    let requests = 0;
    await readInPages(
      () => {
        const store = db.transaction('pairs').store;
        return { getAll: (query?: IDBKeyRange | null, count?: number) => (requests++, store.getAll(query, count)) };
      },
      (pair) => [pair.a, pair.b],
      (pair) => seen.push(`${pair.a}/${pair.b}`),
      50,
    );
    expect(requests, 'four whole pages, then an empty one').toBe(5);
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
    expect(seen).toEqual([...seen].sort());
    db.close();
  });
});
