import { sha256 } from '@noble/hashes/sha2.js';
import { Capture, isLive } from '../capture/schema';
import { ImportChunk } from '../messages/protocol';
import { fail, type Reply } from '../messages/reply';
import { ScriptSchema, type Script } from '../script/schema';
import { defaultMinSec, type Run, type RunEvent } from '../script/timing';
import { exportFromWorkshop } from '../summary/fromWorkshop';
import { mergeWorkshopExports, type MergeReport } from '../summary/merge';
import type { WorkshopExport } from '../summary/model';
import { captures } from '../store/captures';
import { db } from '../store/db';
import { committed, validate } from '../store/records';
import { jsonInSlices, mapInSlices, putInBatches, type WriteStore } from '../store/slices';
import { RunRecord } from '../store/runs';
import { ScriptRecord } from '../store/scripts';
import { expiredWorkshops } from '../store/day';
import { listWorkshops, localDay, workshops, WorkshopRecord } from '../store/workshops';
import { deleteWorkshop, workshopContents } from './workshops';

// The workshop library: importing a JSON export (a note-taker's, or one's own from another
// browser) and the retention setting.

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const safeId = (id: string) => (SAFE_ID.test(id) ? id : crypto.randomUUID());

/**
 * The series summary's JSON ("data of the series"): every workshop's captures in one file. It was
 * refused as having no agenda with the advice to merge it into a workshop, which put all three
 * workshops' notes, the map and the experiments, into that one (found in a data controller's walk-through).
 */
const isSeriesFile = (doc: WorkshopExport) => doc.workshop.series?.workshops !== undefined;

/** Merges an export into an existing workshop: only captures are written, nothing is overwritten blindly. */
export async function mergeIntoWorkshop(workshopId: string, incoming: WorkshopExport, now = Date.now()): Promise<Reply<MergeReport>> {
  if (isSeriesFile(incoming)) return fail('import-series-file');
  const contents = await workshopContents(workshopId);
  if (!contents) return fail('workshop-missing');
  const base = exportFromWorkshop(contents, { now, cardTitle: (id) => id, includeParticipants: false, includeStats: false });
  // A capture the file shares an id with in another workshop here (that workshop's own export, or
  // the series summary's file) comes in as a copy with an id of its own: written under its id, it
  // moved out of the other workshop (a series file merged into workshop 1 took workshop 2's
  // experiments with it). The id is derived, so merging the same file again finds the copy.
  const own = new Set(contents.captures.map((c) => c.id));
  const stored = new Set(await (await db()).getAllKeys('captures'));
  const newIds = new Map<string, string>();
  for (const c of incoming.captures) if (!own.has(c.id) && stored.has(c.id)) newIds.set(c.id, await derivedUuid(`${workshopId}\n${c.id}`));
  const idOf = (id: string) => newIds.get(id) ?? id;
  const copies = newIds.size
    ? { ...incoming, captures: incoming.captures.map((c) => ({ ...c, id: idOf(c.id), ...(c.mergedInto ? { mergedInto: idOf(c.mergedInto) } : {}) })) }
    : incoming;
  const { doc, report } = mergeWorkshopExports(base, copies);
  const before = new Map(contents.captures.map((c) => [c.id, c]));
  // Checked and compared a slice at a time (../store/slices.ts); undefined where nothing changed.
  const checked = await mapInSlices(doc.captures, (c) => {
    const capture = Capture.parse({ ...c, workshopId });
    return JSON.stringify(before.get(capture.id)) === JSON.stringify(capture) ? undefined : capture;
  });
  const changed = checked.filter((c) => c !== undefined);
  if (changed.length) await captures.putMany(changed);
  return { ok: true, value: report };
}

/** A UUID (RFC 9562 version 8) derived from text, so the same input always gives the same id. */
export async function derivedUuid(text: string): Promise<string> {
  return uuidOfDigest(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/** The UUID of derivedUuid from the text's SHA-256 digest. */
function uuidOfDigest(digest: Uint8Array): string {
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * derivedUuid(`vuoro-import\n${JSON.stringify(doc)}`), with the text made and hashed a slice at a
 * time (../store/slices.ts) so a big import does not hold the thread. It is the same id as made in
 * one go, so a file an earlier version imported is still found. The hash is part of the background,
 * not loaded lazily: Chromium's service worker refuses import().
 */
async function importedId(doc: WorkshopExport): Promise<string> {
  const hash = sha256.create();
  await jsonInSlices('vuoro-import\n', doc, 'captures', (bytes) => hash.update(bytes));
  return uuidOfDigest(hash.digest());
}

export interface ImportedWorkshop {
  workshopId: string;
  /** Captures still in the workshop (not deleted, not merged into another). */
  added: number;
  /** The same file was imported before: nothing was written, and workshopId is that earlier import. */
  alreadyImported?: boolean;
}

/** The title, or with "(imported)" / "(tuotu)" and then a number until no workshop here has it. */
export function importedTitle(title: string, lang: 'fi' | 'en', taken: ReadonlySet<string>): string {
  if (!taken.has(title)) return title;
  const word = lang === 'fi' ? 'tuotu' : 'imported';
  for (let n = 1; ; n++) {
    const candidate = `${title} (${word}${n > 1 ? ` ${n}` : ''})`.slice(0, 300);
    if (!taken.has(candidate) || n > 999) return candidate;
  }
}

/**
 * Creates a workshop from an export made elsewhere (or here): a script from its agenda, a run that
 * replays the recorded phase times, and copies of its captures. It only adds: a capture whose id is
 * already stored (the export of a workshop on this device) gets a new id, so the original workshop is
 * left exactly as it was. The new workshop's id is derived from the file's content, so importing the
 * same file again finds the first import instead of making a second copy.
 */
export async function importAsNewWorkshop(doc: WorkshopExport, now = Date.now()): Promise<Reply<ImportedWorkshop>> {
  if (isSeriesFile(doc)) return fail('import-series-file');
  if (doc.agenda.length === 0) return fail('import-no-agenda');
  const workshopId = await importedId(doc);
  // One import of a file at a time: the check for an earlier import and the write are seconds apart
  // for a big file, and a second commit of the same file (another tab) in between would have found
  // the first one's captures stored and written copies of them all.
  const mine = (importsUnderWay.get(workshopId) ?? Promise.resolve()).then(() => importOnce(doc, workshopId, now));
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  importsUnderWay.set(workshopId, settled);
  try {
    return await mine;
  } finally {
    if (importsUnderWay.get(workshopId) === settled) importsUnderWay.delete(workshopId);
  }
}

const importsUnderWay = new Map<string, Promise<void>>();

async function importOnce(doc: WorkshopExport, workshopId: string, now: number): Promise<Reply<ImportedWorkshop>> {
  if (await workshops.get(workshopId)) return { ok: true, value: { workshopId, added: 0, alreadyImported: true } };
  const phases = doc.agenda.map((phase) => ({
    id: safeId(phase.phaseId),
    title: phase.title.trim() || '–',
    goal: '',
    durationSec: Math.min(8 * 3600, Math.max(60, Math.round(phase.plannedSec))),
    facilitatorNotes: '',
    participantInstructions: '',
    promptCardIds: [],
    kind: (['plenary', 'small-groups', 'breakout', 'intermediate-task', 'break'] as const).find((k) => k === phase.kind) ?? 'plenary',
  }));
  // The intermediate task as the file gives it, on the copy's first task phase: without it the copy's
  // summary gave the task as that phase's title alone ("Välitehtävä: Välitehtävän ohjeet"). The file
  // writes a task phase's instructions after its title ("Välitehtävän ohjeet: 1) Pohdi…").
  const task = doc.workshop.intermediateTask?.trim();
  const taskPhase = phases.find((p) => p.kind === 'intermediate-task');
  if (task && taskPhase) {
    const prefix = `${taskPhase.title}: `;
    taskPhase.participantInstructions = task.startsWith(prefix) ? task.slice(prefix.length) : task;
  }
  // A copy of a workshop already on this device gets a name of its own ("… (imported)"), so the
  // library and the "Merge into" list tell the two apart (found in an English walk-through: two
  // identical rows, and a note-taker's file easily merged into the wrong one).
  const title = importedTitle(doc.workshop.title.trim() || '–', doc.lang, new Set((await listWorkshops()).map((w) => w.title)));
  const script: Script = ScriptSchema.parse({
    format: 'vuoro-script',
    schemaVersion: 1,
    id: crypto.randomUUID(),
    title: doc.workshop.seriesTitle?.trim() || doc.workshop.title.trim() || '–',
    description: '',
    lang: doc.lang,
    workshops: [{ id: crypto.randomUUID(), title, goal: doc.workshop.goal, phases }],
  });
  const idMap = new Map(doc.agenda.map((p, i) => [p.phaseId, phases[i]!.id]));
  // Replay the recorded times: start at the first phase's start, go to each phase when it began.
  const started = doc.agenda
    .map((p, index) => ({ index, at: p.actualStartMs }))
    .filter((p): p is { index: number; at: number } => p.at !== undefined)
    .sort((a, b) => a.at - b.at);
  const events: RunEvent[] = started.map((p, i) => (i === 0 ? { type: 'start', at: p.at } : { type: 'goto', at: p.at, index: p.index }));
  if (started[0] && started[0].index !== 0) events.splice(1, 0, { type: 'goto', at: started[0].at, index: started[0].index });
  // …and every change to the timetable the file records, so the copy's summary still lists them
  // (it had no "Changes to the timetable" at all). An extension names the phase it was made in: one
  // the replay does not have running then counts for nothing rather than for another phase.
  if (events.length) {
    const indexOf = new Map(doc.agenda.map((p, i) => [p.phaseId, i]));
    for (const r of doc.reschedules ?? []) {
      if (r.type === 'extend' && r.phaseId !== undefined && indexOf.has(r.phaseId) && r.changeSec) {
        events.push({ type: 'extend', at: r.at, sec: Math.max(-8 * 3600, Math.min(8 * 3600, r.changeSec)), from: indexOf.get(r.phaseId)! });
      } else if (r.type === 'reschedule' && r.changes?.length) {
        const durations = Object.fromEntries(
          r.changes.filter((c) => idMap.has(c.phaseId)).map((c) => [idMap.get(c.phaseId)!, Math.min(8 * 3600, Math.max(60, Math.round(c.toSec)))]),
        );
        if (Object.keys(durations).length) events.push({ type: 'reschedule', at: r.at, durations });
      } else if (r.type === 'move-end' && r.endMs !== undefined) {
        events.push({ type: 'moveEnd', at: r.at, plannedEnd: r.endMs });
      }
    }
    // The pauses, so the phases take the times the file gives them, not their pauses added.
    for (const p of doc.pauses ?? []) {
      events.push({ type: 'pause', at: p.at });
      if (p.untilAt !== undefined) events.push({ type: 'resume', at: p.untilAt });
    }
  }
  const lastEnd = Math.max(0, ...doc.agenda.map((p) => p.actualEndMs ?? 0));
  if (events.length && lastEnd > 0) events.push({ type: 'finish', at: lastEnd });
  const run: Run = {
    id: workshopId,
    scriptId: script.id,
    workshopIndex: 0,
    phases: phases.map((p) => ({ id: p.id, title: p.title, plannedSec: p.durationSec, minSec: defaultMinSec(p.durationSec) })),
    events,
  };
  const workshopRecord = validate('workshops', WorkshopRecord, {
    id: workshopId,
    title: script.workshops[0]!.title,
    goal: doc.workshop.goal,
    lang: doc.lang,
    scriptId: script.id,
    workshopIndex: 0,
    date: doc.workshop.date ?? localDay(now),
    createdAt: now,
    updatedAt: now,
    includeParticipants: doc.includeParticipants,
    includeStats: doc.includeStats,
  });
  const scriptRecord = validate('scripts', ScriptRecord, { id: script.id, createdAt: now, updatedAt: now, script });
  const runRecord = validate('runs', RunRecord, { id: workshopId, workshopId, updatedAt: now, run });
  // One read of the stored ids, not one request per capture: an import can hold 100,000.
  const stored = new Set(await (await db()).getAllKeys('captures'));
  const newIds = new Map<string, string>();
  for (const c of doc.captures) {
    if (newIds.has(c.id) || stored.has(c.id)) newIds.set(c.id, await derivedUuid(`${workshopId}\n${c.id}`));
  }
  const idOf = (id: string) => newIds.get(id) ?? id;
  const imported = await mapInSlices(doc.captures, (c) =>
    Capture.parse({
      ...c,
      id: idOf(c.id),
      ...(c.mergedInto ? { mergedInto: idOf(c.mergedInto) } : {}),
      workshopId,
      ...(c.phaseId ? { phaseId: idMap.get(c.phaseId) ?? c.phaseId } : {}),
    }),
  );
  // All or nothing: one strictly durable transaction. A background stopped midway (or a full disk)
  // aborts it, and no empty workshop is left behind.
  const tx = (await db()).transaction(['scripts', 'workshops', 'runs', 'captures'], 'readwrite', { durability: 'strict' });
  await committed(tx, [
    tx.objectStore('scripts').put(scriptRecord as never),
    tx.objectStore('workshops').put(workshopRecord as never),
    tx.objectStore('runs').put(runRecord as never),
    putInBatches(tx.objectStore('captures') as unknown as WriteStore<Capture>, imported),
  ]);
  // Captures the workshop has: a deleted one travels as a marker without its text, and a merged one
  // inside the capture it was merged into (the import said "6 captures" for 5 and a deleted marker).
  return { ok: true, value: { workshopId, added: imported.filter(isLive).length } };
}

// An import too big for one message arrives in parts (the options page parses the file in a worker
// and sends the captures in chunks, showing progress). The parts are kept here, in the background's
// memory, until the last one: only then is anything written, in one transaction. A background
// stopped midway forgets the parts, and the store never saw them.
const STAGED_MAX = 2;
const STAGED_TTL_MS = 10 * 60_000;
const staged = new Map<string, { header: WorkshopExport; total: number; captures: WorkshopExport['captures']; at: number }>();

export function importBegin(header: WorkshopExport, total: number, now = Date.now()): Reply<{ importId: string }> {
  for (const [id, s] of staged) if (now - s.at > STAGED_TTL_MS) staged.delete(id);
  while (staged.size >= STAGED_MAX) staged.delete(staged.keys().next().value!);
  const importId = crypto.randomUUID();
  staged.set(importId, { header: { ...header, captures: [] }, total, captures: [], at: now });
  return { ok: true, value: { importId } };
}

export function importChunk(importId: string, json: string): Reply<{ received: number }> {
  const s = staged.get(importId);
  if (!s) return fail('import-interrupted');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('invalid-message');
  }
  const parsed = ImportChunk.safeParse(raw);
  if (!parsed.success) return fail('invalid-message');
  const chunk = parsed.data;
  if (s.captures.length + chunk.length > s.total) return fail('invalid-message');
  for (const c of chunk) s.captures.push(c);
  return { ok: true, value: { received: s.captures.length } };
}

export async function importCommit(importId: string, intoWorkshopId?: string): Promise<Reply<MergeReport | ImportedWorkshop>> {
  const s = staged.get(importId);
  staged.delete(importId);
  if (!s || s.captures.length !== s.total) return fail('import-interrupted');
  const doc = { ...s.header, captures: s.captures };
  return intoWorkshopId ? mergeIntoWorkshop(intoWorkshopId, doc) : importAsNewWorkshop(doc);
}

/** Deletes workshops not touched for longer than the retention period (0 keeps everything). */
export async function applyRetention(retentionDays: number, now = Date.now()): Promise<number> {
  if (retentionDays <= 0) return 0;
  const old = expiredWorkshops(await listWorkshops(), retentionDays, now);
  for (const w of old) await deleteWorkshop(w.id);
  return old.length;
}
