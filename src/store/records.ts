import type { z } from 'zod';
import { db, type VuoroDB } from './db';
import { mapInSlices, putInBatches, type WriteStore } from './slices';
import type { IndexNames, StoreKey, StoreNames, StoreValue } from 'idb';

// The one store access path: every record kind module builds on these few operations, and every
// write validates with the kind's zod schema and waits for a strictly durable commit.

export type StoreName = StoreNames<VuoroDB>;

export class StoreValidationError extends Error {
  constructor(
    readonly store: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`invalid ${store} record: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

/**
 * Waits for a write transaction and its requests. On failure it reports the transaction's own error
 * (a QuotaExceededError when the disk is full) rather than the AbortError of whichever request
 * happened to notice first, so the user is told the real cause.
 */
export async function committed(tx: { done: Promise<void>; error: DOMException | null }, writes: Promise<unknown>[] = []): Promise<void> {
  const results = await Promise.allSettled([...writes, tx.done]);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { name?: string }] : []));
  if (failures.length === 0) return;
  const causes = [tx.error, ...failures].filter((e): e is NonNullable<typeof e> => e !== null && e !== undefined);
  // The real cause before the AbortErrors it caused in the transaction's other requests (an
  // explicit abort leaves the transaction's own error null).
  throw causes.find((e) => e.name === 'QuotaExceededError') ?? causes.find((e) => e.name !== 'AbortError') ?? causes[0];
}

export function validate<S extends z.ZodType>(store: string, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreValidationError(store, parsed.error.issues);
  return parsed.data;
}

export interface RecordStore<N extends StoreName, T> {
  get(key: StoreKey<VuoroDB, N>): Promise<T | undefined>;
  put(value: T): Promise<T>;
  putMany(values: T[]): Promise<void>;
  all(): Promise<T[]>;
  remove(key: StoreKey<VuoroDB, N>): Promise<void>;
  byIndex(index: IndexNames<VuoroDB, N>, query: IDBKeyRange | string): Promise<T[]>;
}

export function recordStore<N extends StoreName, S extends z.ZodType>(name: N, schema: S): RecordStore<N, z.infer<S>> {
  type T = z.infer<S>;
  return {
    async get(key) {
      const value = await (await db()).get(name, key);
      return value === undefined ? undefined : (value as T);
    },
    async put(value) {
      const record = validate(name, schema, value);
      const tx = (await db()).transaction(name, 'readwrite', { durability: 'strict' });
      await committed(tx, [tx.store.put(record as StoreValue<VuoroDB, N>)]);
      return record;
    },
    async putMany(values) {
      const records = await mapInSlices(values, (v) => validate(name, schema, v));
      const tx = (await db()).transaction(name, 'readwrite', { durability: 'strict' });
      // In batches, so a big write lets the thread's other tasks run between them (./slices.ts).
      await committed(tx, [putInBatches(tx.store as unknown as WriteStore<T>, records)]);
    },
    async all() {
      return (await (await db()).getAll(name)) as T[];
    },
    async remove(key) {
      const tx = (await db()).transaction(name, 'readwrite', { durability: 'strict' });
      await committed(tx, [tx.store.delete(key)]);
    },
    async byIndex(index, query) {
      return (await (await db()).getAllFromIndex(name, index, query as never)) as T[];
    },
  };
}
