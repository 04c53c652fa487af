import * as Y from 'yjs';
import { z } from 'zod';
import { Capture } from '../capture/schema';
import { RunEventSchema } from '../script/timing';
import { PromptLogRecord } from '../store/promptLog';
import { LiveEvent } from '../turns/live';
import { EditedFrom, emptyEntries, isSharedLiveEvent, liveEventKey, runEventKey, SHARED_LIMITS, SharedWorkshop, VoteEvent, type SharedEntries } from './entries';

export * from './entries';

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

/** The log a key belongs to. */
type LogName = 'runEvents' | 'liveEvents' | 'captures' | 'votes' | 'prompts';
const LOGS: readonly LogName[] = ['runEvents', 'liveEvents', 'captures', 'votes', 'prompts'];

/** The origin of the doc transactions this module makes for the local store (not echoed back). */
export const LOCAL_ORIGIN = Symbol('vuoro-local');

/** What reading the doc skipped: entries that failed validation, or that were past a log's bound. */
export interface ReadReport {
  rejected: number;
  overLimit: number;
}

/** Keys of the doc's logs that changed in transactions not made for the local store. */
export type ChangedKeys = Partial<Record<LogName | 'meta', Set<string>>>;

const parse = <S extends z.core.$ZodType>(schema: S, value: unknown): z.infer<S> | undefined => {
  const parsed = z.safeParse(schema, value);
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
        // Only the time of the doc's copy matters here (this browser writes its own, valid record):
        // no parse per capture on every push.
        const there = (captures.get(capture.id) ?? undefined) as { updatedAt?: unknown } | undefined;
        // What it was edited from travels in the same value, so it arrives with the version it is of.
        const from = entries.editedFrom[capture.id];
        if (typeof there?.updatedAt !== 'number' || capture.updatedAt > there.updatedAt) set('captures', capture.id, from ? { ...capture, editedFrom: from } : capture);
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
      const from = parse(EditedFrom, (value as { editedFrom?: unknown }).editedFrom);
      if (from) entries.editedFrom[key] = from;
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
