import type { ActiveWorkshop } from './protocol';

// The panel's first paint. The background keeps the workshop it last gave out in storage.session:
// in memory only (never on disk, gone when the browser closes), in the extension's origin, and not
// readable by content scripts (their access level stays at the default, trusted contexts only).
// It hands it to a panel with the port's admission (src/background/panels.ts), so the panel draws
// it at once, while its own request is under way; the answer then replaces it. Only the
// background reads and writes it (Firefox gives an extension frame in a web page no
// storage.session), and every erase forgets it, so an erased workshop is not drawn again.

const KEY = 'panelLastActive';

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}
/**
 * A call on storage.session (the native API: both browsers' storage calls return promises, and
 * the store's modules stay importable without an extension around them, as in unit tests, where
 * the cache is simply empty).
 */
async function session<T>(call: (area: SessionArea) => Promise<T>): Promise<T | undefined> {
  const api = globalThis as unknown as { browser?: { storage?: { session?: SessionArea } }; chrome?: { storage?: { session?: SessionArea } } };
  const area = (api.browser ?? api.chrome)?.storage?.session;
  if (!area) return undefined;
  try {
    return await call(area);
  } catch {
    return undefined;
  }
}

// An erase bumps the generation, so an answer computed before it is not written back after it.
let generation = 0;

/** Keeps what `workshop/active` answered (started at generation `seen`); `null` forgets it. */
export async function rememberActive(active: ActiveWorkshop | null, seen = generation): Promise<void> {
  if (seen !== generation) return;
  await session((area) => (active ? area.set({ [KEY]: active }) : area.remove(KEY)));
}

/** The generation an answer starts at (pass it to `rememberActive`). */
export const activeGeneration = (): number => generation;

export async function forgetActive(): Promise<void> {
  generation++;
  await session((area) => area.remove(KEY));
}

/** The last workshop the background gave out, if it still has one. */
export async function lastActive(): Promise<ActiveWorkshop | undefined> {
  return usableLast((await session((area) => area.get(KEY)))?.[KEY]);
}

/**
 * The value when it has the shape of an ActiveWorkshop. It was built by the background from
 * records it validated; the check guards against what an earlier version of Vuoro kept.
 */
export function usableLast(value: unknown): ActiveWorkshop | undefined {
  const last = value as Partial<ActiveWorkshop> | undefined;
  const usable =
    typeof last?.workshop?.id === 'string' && typeof last.workshop.title === 'string' && Array.isArray(last.run?.events) && Array.isArray(last.script?.workshops);
  return usable ? (last as ActiveWorkshop) : undefined;
}
