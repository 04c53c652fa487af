import * as Y from 'yjs';
import { z } from 'zod';
import { Capture } from '../capture/schema';
import { ScriptSchema } from '../script/schema';
import { RunEventSchema, RunSchema, type RunEvent } from '../script/timing';
import { PromptLogRecord } from '../store/promptLog';
import { WorkshopRecord } from '../store/workshops';
import { LiveEvent } from '../turns/live';

// What a live-shared workshop holds (issue 15), as one Y.Doc: the run's event log, the live
// turn-taking events, the captures with their edits, vote increments and the prompt log. Each log
// is a Y.Map keyed by the entry's own identity, so two people appending at once, or one appending
// offline for an hour, merge into the union: an entry both wrote is one key, never a double.
//
// The doc comes from other people's browsers: every entry read from it is parsed with zod, checked
// against its key and the room's workshop, and each log is bounded. What does not fit is skipped
// and counted, never written to the store. The local IndexedDB store stays the source of truth;
// this module only maps between it and the doc (the background applies what it reads through the
// store's own validated paths: src/sync/apply.ts).

/** How much a room may hold; a peer that sends more is not followed past it. */
export const SHARED_LIMITS = {
  captures: 20_000,
  runEvents: 20_000,
  liveEvents: 20_000,
  votes: 50_000,
  prompts: 5_000,
} as const;

/** The workshop a joiner makes locally: its record, the script it runs and the run's phases. */
export const SharedWorkshop = z.object({
  workshop: WorkshopRecord.pick({ id: true, title: true, goal: true, lang: true, scriptId: true, workshopIndex: true, createdAt: true }),
  script: ScriptSchema,
  run: RunSchema.omit({ events: true }),
});
export type SharedWorkshop = z.infer<typeof SharedWorkshop>;

/** One vote increment: increments from two people both count, which a vote total could not do. */
export const VoteEvent = z.object({ id: z.uuid(), captureId: z.uuid(), delta: z.union([z.literal(1), z.literal(-1)]), at: z.number().int().nonnegative() });
export type VoteEvent = z.infer<typeof VoteEvent>;

/**
 * Shared entries, either way: what the local store has (background → doc) or what came from
 * the room (doc → background). Bounded, so the message carrying it is too.
 */
export const SharedEntries = z.object({
  workshop: SharedWorkshop.optional(),
  runEvents: z.array(RunEventSchema).max(SHARED_LIMITS.runEvents),
  liveEvents: z.array(LiveEvent).max(SHARED_LIMITS.liveEvents),
  captures: z.array(Capture).max(SHARED_LIMITS.captures),
  votes: z.array(VoteEvent).max(SHARED_LIMITS.votes),
  prompts: z.array(PromptLogRecord).max(SHARED_LIMITS.prompts),
});
export type SharedEntries = z.infer<typeof SharedEntries>;

export const emptyEntries = (): SharedEntries => ({ runEvents: [], liveEvents: [], captures: [], votes: [], prompts: [] });

/** The log a key belongs to. */
type LogName = 'runEvents' | 'liveEvents' | 'captures' | 'votes' | 'prompts';
const LOGS: readonly LogName[] = ['runEvents', 'liveEvents', 'captures', 'votes', 'prompts'];

/** The origin of the doc transactions this module makes for the local store (not echoed back). */
export const LOCAL_ORIGIN = Symbol('vuoro-local');

/** A run event's identity: the timing engine already treats the same action at the same time as one (orderedEvents). */
export const runEventKey = (event: RunEvent): string => `${event.type}@${event.at}`;

/** JSON with sorted keys, so equal events give equal text whichever side built them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a fast 53-bit string hash (public domain, bryc); collisions between a workshop's events are negligible. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A live event has no id of its own: the same event (same type, time and content) is the same key. */
export const liveEventKey = (event: LiveEvent): string => `${event.type}@${event.at}#${hash53(canonicalJson(event))}`;

/**
 * Live events are shared except the site's hand reports: every browser in the room reads the same
 * meeting page itself, so sharing them would only make each hand change twice.
 */
export const isSharedLiveEvent = (event: LiveEvent): boolean => event.type !== 'hands/site';

/** What reading the doc skipped: entries that failed validation, or that were past a log's bound. */
export interface ReadReport {
  rejected: number;
  overLimit: number;
}

/** Keys of the doc's logs that changed in transactions not made for the local store. */
export type ChangedKeys = Partial<Record<LogName | 'meta', Set<string>>>;

const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

export class SharedRoom {
  constructor(
    readonly doc: Y.Doc,
    readonly workshopId: string,
  ) {}

  /** A log of the doc; undefined when a peer defined the name as another kind of type (hostile). */
  private log(name: LogName | 'meta'): Y.Map<unknown> | undefined {
    try {
      return this.doc.getMap(name);
    } catch {
      return undefined;
    }
  }

  /**
   * Writes what the local store has and the doc lacks, in one transaction. Idempotent: a second
   * push of the same entries changes nothing (and sends nothing to the room). A capture replaces
   * the doc's copy only when it was edited later (last edit wins, by `updatedAt`).
   */
  pushLocal(entries: SharedEntries): boolean {
    let wrote = false;
    this.doc.transact(() => {
      const set = (name: LogName | 'meta', key: string, value: unknown) => {
        const map = this.log(name);
        if (!map) return;
        map.set(key, value);
        wrote = true;
      };
      const meta = this.log('meta');
      if (entries.workshop && entries.workshop.workshop.id === this.workshopId && meta && !meta.has('workshop')) set('meta', 'workshop', entries.workshop);
      const run = this.log('runEvents');
      for (const event of entries.runEvents) if (run && !run.has(runEventKey(event))) set('runEvents', runEventKey(event), event);
      const live = this.log('liveEvents');
      for (const event of entries.liveEvents) if (live && isSharedLiveEvent(event) && !live.has(liveEventKey(event))) set('liveEvents', liveEventKey(event), event);
      const captures = this.log('captures');
      for (const capture of entries.captures) {
        if (!captures || capture.workshopId !== this.workshopId) continue;
        const there = parse(Capture, captures.get(capture.id));
        if (!there || capture.updatedAt > there.updatedAt) set('captures', capture.id, capture);
      }
      const votes = this.log('votes');
      for (const vote of entries.votes) if (votes && !votes.has(vote.id)) set('votes', vote.id, vote);
      const prompts = this.log('prompts');
      for (const entry of entries.prompts) if (prompts && entry.workshopId === this.workshopId && !prompts.has(entry.id)) set('prompts', entry.id, entry);
    }, LOCAL_ORIGIN);
    return wrote;
  }

  /**
   * Reads the doc's entries (all of them, or only `keys`), each validated and checked against its
   * key and this room's workshop; every log bounded by SHARED_LIMITS.
   */
  read(keys?: ChangedKeys): { entries: SharedEntries; report: ReadReport } {
    const entries = emptyEntries();
    const report: ReadReport = { rejected: 0, overLimit: 0 };
    const meta = this.log('meta');
    if (meta && (!keys || keys.meta?.has('workshop'))) {
      const workshop = meta.has('workshop') ? parse(SharedWorkshop, meta.get('workshop')) : undefined;
      if (workshop && workshop.workshop.id === this.workshopId && workshop.run.id === this.workshopId) entries.workshop = workshop;
      else if (meta.has('workshop')) report.rejected++;
    }
    const each = (name: LogName, take: (key: string, value: unknown) => boolean) => {
      const map = this.log(name);
      if (!map) {
        report.rejected++;
        return;
      }
      const wanted = keys ? (keys[name] ?? new Set<string>()) : map.keys();
      let taken = 0;
      for (const key of wanted) {
        if (!map.has(key)) continue;
        if (taken >= SHARED_LIMITS[name]) {
          report.overLimit++;
          continue;
        }
        if (take(key, map.get(key))) taken++;
        else report.rejected++;
      }
    };
    each('runEvents', (key, value) => {
      const event = parse(RunEventSchema, value);
      if (!event || runEventKey(event) !== key) return false;
      entries.runEvents.push(event);
      return true;
    });
    each('liveEvents', (key, value) => {
      const event = parse(LiveEvent, value);
      if (!event || !isSharedLiveEvent(event) || liveEventKey(event) !== key) return false;
      entries.liveEvents.push(event);
      return true;
    });
    each('captures', (key, value) => {
      const capture = parse(Capture, value);
      if (!capture || capture.id !== key || capture.workshopId !== this.workshopId) return false;
      entries.captures.push(capture);
      return true;
    });
    each('votes', (key, value) => {
      const vote = parse(VoteEvent, value);
      if (!vote || vote.id !== key) return false;
      entries.votes.push(vote);
      return true;
    });
    each('prompts', (key, value) => {
      const entry = parse(PromptLogRecord, value);
      if (!entry || entry.id !== key || entry.workshopId !== this.workshopId) return false;
      entries.prompts.push(entry);
      return true;
    });
    entries.runEvents.sort((a, b) => a.at - b.at);
    entries.liveEvents.sort((a, b) => a.at - b.at);
    return { entries, report };
  }

  /** Calls `onRemote` with the keys each transaction not made for the local store changed. */
  observeRemote(onRemote: (keys: ChangedKeys) => void): () => void {
    const names = new Map<unknown, LogName | 'meta'>();
    for (const name of [...LOGS, 'meta'] as const) {
      const map = this.log(name);
      if (map) names.set(map, name);
    }
    const listener = (transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_ORIGIN) return;
      const keys: ChangedKeys = {};
      for (const [type, changed] of transaction.changed) {
        const name = names.get(type);
        if (!name) continue;
        const set = (keys[name] ??= new Set());
        for (const key of changed) if (key !== null) set.add(key);
      }
      if (Object.keys(keys).length) onRemote(keys);
    };
    this.doc.on('afterTransaction', listener);
    return () => this.doc.off('afterTransaction', listener);
  }
}

/** Whether entries hold anything at all. */
export const hasEntries = (entries: SharedEntries): boolean =>
  entries.workshop !== undefined || LOGS.some((name) => entries[name].length > 0);
