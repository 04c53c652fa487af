import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillerMegabytes, scrubDeleted, storedBytes } from '../../../src/background/scrub';
import { db } from '../../../src/store/db';

const MB = 1 << 20;

/** Stores `megabytes` of captures (10 KB of text each). */
async function storeCaptures(megabytes: number): Promise<void> {
  const database = await db();
  const tx = database.transaction('captures', 'readwrite');
  const text = 'x'.repeat(10 * 1024);
  const count = Math.round((megabytes * MB) / text.length);
  await Promise.all([...Array.from({ length: count }, (_, i) => tx.store.put({ id: `c${i}`, workshopId: 'w1', createdAt: i, text })), tx.done]);
}

/** The filler values one scrub writes, in order. */
async function fillerOfOneScrub(): Promise<{ key: string; value: unknown }[]> {
  const put = vi.spyOn(IDBObjectStore.prototype, 'put');
  try {
    await scrubDeleted();
    return put.mock.calls.map(([value]) => value as { key: string; value: unknown }).filter((v) => String(v.key).startsWith('scrub:'));
  } finally {
    put.mockRestore();
  }
}

describe('scrubbing after an erase', () => {
  afterEach(async () => {
    const database = await db();
    await Promise.all([database.clear('captures'), database.clear('settings')]);
  });

  it('writes its filler and leaves none of it behind, nor touches other settings', async () => {
    await (await db()).put('settings', { key: 'lang', value: 'fi' });
    await scrubDeleted();
    const keys = (await (await db()).getAllKeys('settings')).map(String);
    expect(keys).toEqual(['lang']);
  }, 60_000);

  it('writes at least 8 MB, as much as is stored, at most 32 MB', () => {
    expect(fillerMegabytes(0)).toBe(8);
    expect(fillerMegabytes(8 * MB + 1)).toBe(9);
    expect(fillerMegabytes(12.5 * MB)).toBe(13);
    expect(fillerMegabytes(500 * MB)).toBe(32);
  });

  it('is sized by what the records hold, not by the filler an earlier scrub left', async () => {
    await storeCaptures(12);
    const stored = await storedBytes(await db());
    expect(stored).toBeGreaterThan(11.9 * MB);
    expect(stored).toBeLessThan(12.2 * MB);
    // A scrub that could not delete its filler (the browser was closed) left 20 MB of it.
    const database = await db();
    const tx = database.transaction('settings', 'readwrite');
    const leftover = new Uint8Array(1024);
    await Promise.all([...Array.from({ length: 20 * 1024 }, (_, i) => tx.store.put({ key: `scrub:0:${i}`, value: leftover })), tx.done]);
    expect(await storedBytes(database)).toBe(stored);
  }, 60_000);

  it('writes as much filler as the store holds (11.5 MB of captures: 12 MB)', async () => {
    await storeCaptures(11.5);
    expect(await fillerOfOneScrub()).toHaveLength(12 * 1024);
  }, 120_000);

  it('writes random bytes, no text (making hex text in script cost half a second per 8 MB)', async () => {
    const filler = await fillerOfOneScrub();
    expect(filler).toHaveLength(8 * 1024);
    expect(filler[0]!.value).toBeInstanceOf(Uint8Array);
    expect((filler[0]!.value as Uint8Array).byteLength).toBe(1024);
    expect(new Set(filler.slice(0, 50).map((v) => Buffer.from(v.value as Uint8Array).toString('hex'))).size).toBe(50);
  }, 60_000);
});
