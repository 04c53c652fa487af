// Big writes in slices. Firefox runs the background page and every extension page (the options page,
// each meeting's panel) on one main thread, so a write of 40,000 captures done in one go held them
// all still for 3 s; in Chromium it held the service worker, and with it every other message. Work
// that must be done before a transaction gives the event loop a turn between slices; the writes of
// one transaction go in batches, each issued when the one before is done, which keeps the
// transaction open (it commits once no request is pending) while other tasks run in between.

export const SLICE = 500;

/**
 * A turn of the event loop: input, timers and messages that were waiting run now. A message to
 * itself rather than setTimeout(0), which browsers stretch to 4 ms once nested five deep (a
 * 100,000-capture import takes some 400 turns).
 */
export function aTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** `items.map(fn)`, a slice at a time with a turn of the event loop between slices. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, size = SLICE): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await aTurn();
    for (const item of items.slice(i, i + size)) out.push(fn(item));
  }
  return out;
}

/** One object store of an open write transaction (idb's wrapper has both). */
export interface WriteStore<T> {
  put(record: T): Promise<unknown>;
  readonly transaction: { abort(): void };
}

/**
 * Puts every record into `store`, a batch at a time: the next batch is issued when the last of this
 * one has succeeded, in the same microtask checkpoint, so the transaction stays open. On the first
 * failure, a failed request or a put refused at once (a record without its key), the transaction is
 * aborted, so nothing it wrote stays, and the failure is thrown.
 */
export async function putInBatches<T>(store: WriteStore<T>, records: readonly T[], size = SLICE): Promise<void> {
  let batch: Promise<unknown>[] = [];
  try {
    for (let i = 0; i < records.length; i += size) {
      batch = [];
      for (const record of records.slice(i, i + size)) batch.push(store.put(record));
      await Promise.all(batch);
    }
  } catch (error) {
    // The batch's other requests fail with the abort: this failure stands for them.
    for (const request of batch) request.catch(() => undefined);
    try {
      store.transaction.abort();
    } catch {
      // The transaction had already ended (aborted by something else).
    }
    throw error;
  }
}

/**
 * Feeds `take` the UTF-8 bytes of `prefix + JSON.stringify(value)`, for plain data (no toJSON, as
 * a zod-parsed document is) with a long array as the own property `key`, a slice of the array at a
 * time with turns of the event loop between. The bytes are the same as of the text made in one go:
 * the slices end between the array's items, never inside a character. For 100,000 captures (32 MB),
 * the text made, encoded and hashed in one go held Firefox's main thread 0.25 s, and a 64 MB file
 * (the most an import takes) about twice that.
 */
export async function jsonInSlices<V extends object>(prefix: string, value: V, key: keyof V & string, take: (bytes: Uint8Array) => void, size = SLICE): Promise<void> {
  const items = value[key];
  if (!Array.isArray(items) || !Object.prototype.propertyIsEnumerable.call(value, key) || 'toJSON' in value || 'toJSON' in items) {
    throw new TypeError(`jsonInSlices: ${key} is not an own array of plain data`);
  }
  // Where the array's text goes: a marker that is all but sure to be unique, and another one is
  // tried if the value's text holds it all the same.
  const outerWith = (marker: string) => JSON.stringify({ ...value, [key]: marker }).split(JSON.stringify(marker));
  let outer = outerWith(`\u0000${crypto.randomUUID()}`);
  while (outer.length !== 2) outer = outerWith(`\u0000${crypto.randomUUID()}`);
  const encoder = new TextEncoder();
  take(encoder.encode(`${prefix}${outer[0]}[`));
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await aTurn();
    take(encoder.encode(`${i > 0 ? ',' : ''}${JSON.stringify(items.slice(i, i + size)).slice(1, -1)}`));
  }
  take(encoder.encode(`]${outer[1]}`));
}

/** What `readInPages` needs of an object store: a bounded getAll (a raw IDBObjectStore, or idb's wrapper). */
export interface PagedStore<T> {
  getAll(query?: IDBKeyRange | null, count?: number): Promise<T[]>;
}

/**
 * Reads a whole object store a page of `size` records at a time, in key order, with a turn of the
 * event loop between pages; `visit` sees each record once. Each page is a request of its own (the
 * store comes from a new transaction each time, so one can end between pages), and the next page
 * starts after the last key read. A record written meanwhile is read if its key comes later; one
 * deleted meanwhile may have been read already: for counts that are shown and read again after a
 * change, not for writes. `keyOf` gives a record's primary key.
 */
export async function readInPages<T>(store: () => PagedStore<T>, keyOf: (record: T) => IDBValidKey, visit: (record: T) => void, size = SLICE): Promise<void> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const page = await store().getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), size);
    for (const record of page) visit(record);
    if (page.length < size) return;
    after = keyOf(page[page.length - 1]!);
    await aTurn();
  }
}
