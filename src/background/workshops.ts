import { Capture, type CaptureKind, type CaptureSource, type MapField } from '../capture/schema';
import type { ActiveWorkshop } from '../messages/protocol';
import { activeGeneration, forgetActive, rememberActive } from '../messages/lastActive';
import { fail, type Reply } from '../messages/reply';
import { ScriptSchema, type Script } from '../script/schema';
import { DEFAULT_TEMPLATE_ID, instantiateTemplate, isTemplateId } from '../script/templates';
import { appendEvent, computeRunState, createRun, withIntent, type Run, type RunEvent } from '../script/timing';
import { atOf, floorFromLiveState, type FloorRecord } from '../summary/floor';
import { goAroundsOf, type LiveEvent, type LiveState } from '../turns/live';
import { captures, capturesOf } from '../store/captures';
import { db } from '../store/db';
import { committed, validate } from '../store/records';
import type { ParticipantSync } from '../messages/protocol';
import { PARTICIPANTS_MAX } from '../store/limits';
import { participants as participantStore, participantsOf } from '../store/participants';
import { promptLogOf } from '../store/promptLog';
import { runs } from '../store/runs';
import { saveScript, scripts } from '../store/scripts';
import { getSetting, setSetting } from '../store/settings';
import { getLive, liveEventsOf } from '../store/liveState';
import { turnsOf } from '../store/speakingTurns';
import { series, seriesIdOf } from '../store/series';
import { seriesEvaluationOf, seriesRecordOf } from './series';
import { syncRowKeys } from '../sync/rows';
import { listWorkshops, localDay, workshops, WorkshopRecord } from '../store/workshops';
import { builtInScriptId } from '../store/templateCopies';
import type { Lang } from '../i18n';

// Workshop lifecycle on top of the store: the active workshop, its script and run, and captures.


const newId = () => crypto.randomUUID();

export async function createWorkshop(script: Script, workshopIndex: number, now = Date.now()): Promise<ActiveWorkshop> {
  const source = script.workshops[workshopIndex];
  if (!source) throw new RangeError('no such workshop in the script');
  const id = newId();
  const workshop: WorkshopRecord = {
    id,
    title: source.title,
    goal: source.goal,
    lang: script.lang,
    scriptId: script.id,
    workshopIndex,
    date: localDay(now),
    createdAt: now,
    updatedAt: now,
    includeParticipants: false,
    includeStats: false,
  };
  const run = createRun(script, workshopIndex, id);
  await workshops.put(workshop);
  await runs.put({ id, workshopId: id, updatedAt: now, run });
  await setSetting('activeWorkshopId', id);
  return { workshop, script, run };
}

/**
 * A workshop from a built-in template. Every workshop made from one template in one language shares
 * one stored script, so the library gets no copy per start and workshop 2 belongs to workshop 1's
 * series (a series is the workshops of one script).
 */
export async function createFromTemplate(templateId: string, lang: Lang, workshopIndex = 0): Promise<Reply<ActiveWorkshop>> {
  if (!isTemplateId(templateId)) return fail('template-missing');
  const id = builtInScriptId(templateId, lang);
  const script = (await scripts.get(id))?.script ?? { ...instantiateTemplate(templateId, lang), id };
  if (!script.workshops[workshopIndex]) return fail('workshop-missing');
  if (!(await scripts.get(id))) await saveScript(script);
  return { ok: true, value: await createWorkshop(script, workshopIndex) };
}

export async function loadWorkshop(workshopId: string): Promise<ActiveWorkshop | null> {
  const workshop = await workshops.get(workshopId);
  if (!workshop) return null;
  const [scriptRecord, runRecord] = await Promise.all([scripts.get(workshop.scriptId), runs.get(workshopId)]);
  if (!scriptRecord || !runRecord) return null;
  return { workshop, script: scriptRecord.script, run: runRecord.run };
}

/**
 * The workshop the panels show. On the very first start the default template (the Change
 * Dialogue series) is loaded, so a new user sees a ready script rather than an empty panel.
 */
export async function activeWorkshop(lang: Lang): Promise<ActiveWorkshop | null> {
  const chosen = async () => {
    const id = await getSetting('activeWorkshopId');
    return id ? loadWorkshop(id) : null;
  };
  return (await chosen()) ?? choosingActive(async () => (await chosen()) ?? seedDefault(lang));
}

/**
 * Looks up the active workshop (on a fresh profile, makes the default one) and keeps it where the
 * next panel reads it for its first paint (../messages/lastActive.ts). Run when a site script says
 * hello, while its panel frame loads, and once at install, so the first panel on a fresh profile
 * finds the default workshop made and waiting rather than the background busy making it.
 */
export async function prepareActive(lang: Lang): Promise<void> {
  const seen = activeGeneration();
  await rememberActive(await activeWorkshop(lang), seen);
}

// The first-run default workshop becomes the active one when it is made; so does a workshop the
// user makes or opens. One at a time, in the order asked: two panels opening at once on a first
// start make one default workshop (the second finds it chosen), and a workshop the user makes
// while the default is being made stays the active one (the default used to replace it).
let choosing: Promise<unknown> = Promise.resolve();

/** Runs `choose` after every earlier choice of the active workshop has finished. */
export function choosingActive<T>(choose: () => Promise<T>): Promise<T> {
  const next = choosing.then(choose, choose);
  choosing = next.catch(() => undefined);
  return next;
}

async function seedDefault(lang: Lang): Promise<ActiveWorkshop | null> {
  if ((await listWorkshops()).length > 0 || (await getSetting('seeded'))) return null;
  const created = await createFromTemplate(DEFAULT_TEMPLATE_ID, lang);
  if (!created.ok) return null;
  await setSetting('seeded', true);
  return created.value;
}

/**
 * Appends a facilitator action to the run. `expectedCount` is the number of events the caller saw:
 * if another tab acted meanwhile the action is refused, so two tabs cannot both skip a phase.
 */
export async function appendRunEvent(workshopId: string, event: RunEvent, expectedCount: number): Promise<Reply<Run>> {
  const tx = (await db()).transaction(['runs', 'workshops'], 'readwrite', { durability: 'strict' });
  const runStore = tx.objectStore('runs');
  const record = await runStore.get(workshopId);
  if (!record) {
    tx.abort();
    return fail('workshop-missing');
  }
  const run = record.run as Run;
  if (run.events.length !== expectedCount) {
    await tx.done;
    return fail('run-changed');
  }
  const next = appendEvent(run, withIntent(run, event));
  const writes: Promise<unknown>[] = [runStore.put({ ...record, run: next, updatedAt: event.at })];
  // The workshop's day is the day it is held: one made ahead (workshop 2 prepared a week before)
  // kept the day it was made, and its summary went out under that date. Its first start moves a
  // date nobody changed (still the day it was made) to the day it started; a date set by hand stays.
  if (event.type === 'start' && !run.events.some((e) => e.type === 'start')) {
    const workshopStore = tx.objectStore('workshops');
    const workshop = WorkshopRecord.safeParse(await workshopStore.get(workshopId));
    const day = localDay(event.at);
    if (workshop.success && workshopDateUnchanged(workshop.data) && workshop.data.date !== day) {
      writes.push(workshopStore.put({ ...workshop.data, date: day, updatedAt: event.at }));
    }
  }
  await committed(tx, writes);
  return { ok: true, value: next };
}

/** A date still as it was made (the day of making, or none from before dates): not the facilitator's. */
function workshopDateUnchanged(workshop: { date?: string | undefined; createdAt: number }): boolean {
  return workshop.date === undefined || workshop.date === localDay(workshop.createdAt);
}

/**
 * Merges run events another person's browser logged (live sharing, src/sync/apply.ts): each is
 * appended unless the same action is already in the log, in one transaction. The timing engine
 * orders events by time, so the order they arrive in does not matter.
 */
export async function mergeRunEvents(workshopId: string, events: readonly RunEvent[], max = 20_000): Promise<number> {
  const tx = (await db()).transaction('runs', 'readwrite', { durability: 'strict' });
  const record = await tx.store.get(workshopId);
  if (!record) {
    await tx.done;
    return 0;
  }
  const before = record.run as Run;
  let run = before;
  for (const event of events) if (run.events.length < max) run = appendEvent(run, event);
  const added = run.events.length - before.events.length;
  if (added === 0) {
    await tx.done;
    return 0;
  }
  await committed(tx, [tx.store.put({ ...record, run, updatedAt: Date.now() })]);
  return added;
}

export async function setRunPlannedEnd(workshopId: string, plannedEnd: number | undefined): Promise<void> {
  const record = await runs.get(workshopId);
  if (!record) return;
  const run: Run = { ...record.run };
  if (plannedEnd === undefined) delete run.plannedEnd;
  else run.plannedEnd = plannedEnd;
  await runs.put({ ...record, run, updatedAt: Date.now() });
}

export interface NewCapture {
  /** Made by the client once per capture and kept across retries, so a retry is a no-op. */
  id?: string;
  workshopId: string;
  text: string;
  kind: CaptureKind;
  tags?: string[];
  owner?: string;
  due?: string;
  mapField?: MapField;
  source: CaptureSource;
}

async function captureContext(workshopId: string, now: number) {
  const [runRecord, capturedBy] = await Promise.all([runs.get(workshopId), getSetting('capturedBy')]);
  const state = runRecord ? computeRunState(runRecord.run, now) : undefined;
  const phase = state && state.status !== 'not-started' ? state.phase : undefined;
  return { phase, capturedBy: capturedBy || undefined };
}

/**
 * Writes captures and marks their workshop as touched in ONE strictly durable transaction: one
 * flush to disk per capture action, and the reply waits for it. A capture whose id is already
 * stored is left as it is and returned: the client retried a save that had in fact committed
 * (the background stopped before it could reply), so the retry must not add it twice.
 */
async function storeCaptures(workshopId: string, made: Capture[], now: number): Promise<Capture[]> {
  const checked = made.map((c) => Capture.parse(c));
  const tx = (await db()).transaction(['captures', 'workshops'], 'readwrite', { durability: 'strict' });
  const stored: Capture[] = [...checked];
  const writes: Promise<unknown>[] = checked.map((c, i) =>
    tx
      .objectStore('captures')
      .get(c.id)
      .then((existing) => {
        if (existing === undefined) return tx.objectStore('captures').put(c);
        if (existing.workshopId === workshopId) {
          stored[i] = existing as Capture;
          return undefined;
        }
        tx.abort();
        throw new DOMException('capture id belongs to another workshop', 'ConstraintError');
      }),
  );
  // Every request goes through committed(): a request failing because the transaction aborted
  // (a full disk) must not surface as its own AbortError.
  const touch = tx
    .objectStore('workshops')
    .get(workshopId)
    .then((workshop) => (workshop ? tx.objectStore('workshops').put({ ...workshop, updatedAt: now }) : undefined));
  await committed(tx, [...writes, touch]);
  return stored;
}

function newCapture(input: NewCapture, context: Awaited<ReturnType<typeof captureContext>>, now: number): Capture {
  const { phase, capturedBy } = context;
  return Capture.parse({
    id: input.id ?? crypto.randomUUID(),
    workshopId: input.workshopId,
    text: input.text,
    kind: input.kind,
    tags: input.tags ?? [],
    ...(input.owner ? { owner: input.owner } : {}),
    ...(input.due ? { due: input.due } : {}),
    ...(input.mapField ? { mapField: input.mapField } : {}),
    ...(phase ? { phaseId: phase.id, phaseTitle: phase.title } : {}),
    source: input.source,
    ...(capturedBy ? { capturedBy } : {}),
    createdAt: now,
    updatedAt: now,
    votes: 0,
  });
}

/** Stores a capture, tagged with the phase running now; resolves only after a durable commit. */
export async function addCapture(input: NewCapture, now = Date.now()): Promise<Capture> {
  const capture = newCapture(input, await captureContext(input.workshopId, now), now);
  const [stored] = await storeCaptures(input.workshopId, [capture], now);
  return stored!;
}

/** Several captures in one durable transaction (a board selection): all or none. */
export async function addCaptures(
  workshopId: string,
  items: { id?: string; text: string; kind: CaptureKind; mapField?: MapField | undefined; note?: string | undefined }[],
  source: CaptureSource,
  now = Date.now(),
): Promise<Capture[]> {
  const context = await captureContext(workshopId, now);
  // A board note's id goes with its own capture's source.
  const made = items.map(({ note, ...item }, i) => newCapture({ workshopId, ...item, source: note ? { ...source, note } : source }, context, now + i));
  return storeCaptures(workshopId, made, now);
}

/** Folds duplicates into one capture: their votes and tags move over, they stay for the record. */
export async function mergeCaptures(keepId: string, mergeIds: string[], now = Date.now()): Promise<Reply<Capture>> {
  const keep = await captures.get(keepId);
  if (!keep) return fail('capture-missing');
  const others = (await Promise.all(mergeIds.filter((id) => id !== keepId).map((id) => captures.get(id)))).filter(
    (c): c is Capture => c !== undefined && c.workshopId === keep.workshopId,
  );
  const merged: Capture = {
    ...keep,
    votes: others.reduce((n, c) => n + c.votes, keep.votes),
    tags: [...new Set([...keep.tags, ...others.flatMap((c) => c.tags)])].slice(0, 50),
    updatedAt: now,
  };
  await captures.putMany([merged, ...others.map((c) => ({ ...c, mergedInto: keep.id, updatedAt: now }))]);
  return { ok: true, value: merged };
}

/**
 * Takes a merge back (the panel's Undo after "Merge"): the captures merged into `keepId` are live
 * again and the kept one has the votes and tags it had before. Only captures merged into this one.
 */
export async function unmergeCaptures(keepId: string, mergeIds: string[], before: { votes: number; tags: string[] }, now = Date.now()): Promise<Reply<Capture>> {
  const keep = await captures.get(keepId);
  if (!keep) return fail('capture-missing');
  const merged = (await Promise.all(mergeIds.map((id) => captures.get(id)))).filter((c): c is Capture => c !== undefined && c.mergedInto === keepId);
  const restored: Capture = { ...keep, votes: before.votes, tags: before.tags, updatedAt: now };
  await captures.putMany([restored, ...merged.map(({ mergedInto: _, ...c }) => ({ ...c, updatedAt: now }))]);
  return { ok: true, value: restored };
}

/** Adds or takes back one vote in one transaction: concurrent votes from two panels all count. */
export async function voteCapture(id: string, delta: 1 | -1, now = Date.now()): Promise<Reply<Capture>> {
  const tx = (await db()).transaction('captures', 'readwrite', { durability: 'strict' });
  const existing = (await tx.store.get(id)) as Capture | undefined;
  if (!existing) {
    await tx.done;
    return fail('capture-missing');
  }
  const next = Capture.parse({ ...existing, votes: Math.min(10_000, Math.max(0, existing.votes + delta)), updatedAt: now });
  await committed(tx, [tx.store.put(next)]);
  return { ok: true, value: next };
}

export async function updateCapture(id: string, patch: Partial<Capture>, now = Date.now()): Promise<Reply<Capture>> {
  const existing = await captures.get(id);
  if (!existing) return fail('capture-missing');
  const next = { ...existing, ...patch, id: existing.id, workshopId: existing.workshopId, createdAt: existing.createdAt, updatedAt: now };
  for (const key of Object.keys(next) as (keyof Capture)[]) if (next[key] === undefined) delete next[key];
  const saved = await captures.put(next);
  await touchWorkshop(existing.workshopId, now);
  return { ok: true, value: saved };
}

async function touchWorkshop(workshopId: string, now: number): Promise<void> {
  await updateWorkshop(workshopId, {}, now);
}

/**
 * Changes a workshop's own fields (name, date, export choices) in one transaction: read and write
 * together, so a rename and a date picked a moment later both stay (each read-then-write on its own
 * let the later write put back the name the earlier one had replaced).
 */
export async function updateWorkshop(workshopId: string, patch: Partial<WorkshopRecord>, now = Date.now()): Promise<Reply<null>> {
  const tx = (await db()).transaction('workshops', 'readwrite', { durability: 'strict' });
  const existing = await tx.store.get(workshopId);
  if (!existing) {
    await tx.done;
    return fail('workshop-missing');
  }
  const next = validate('workshops', WorkshopRecord, { ...existing, ...patch, id: workshopId, updatedAt: now });
  await committed(tx, [tx.store.put(next)]);
  return { ok: true, value: null };
}

/** Deletes a workshop and everything recorded in it. */
export async function deleteWorkshop(workshopId: string): Promise<void> {
  await forgetActive();
  const deleted = await workshops.get(workshopId);
  const database = await db();
  const stores = ['workshops', 'runs', 'captures', 'participants', 'speakingTurns', 'promptLog', 'settings', 'liveStates', 'liveEvents'] as const;
  const tx = database.transaction(stores, 'readwrite', { durability: 'strict' });
  const byWorkshop = async (name: 'captures' | 'participants' | 'speakingTurns' | 'promptLog') => {
    for (const key of await tx.objectStore(name).index('byWorkshop').getAllKeys(workshopId)) await tx.objectStore(name).delete(key);
  };
  await committed(tx, [
    tx.objectStore('workshops').delete(workshopId),
    tx.objectStore('runs').delete(workshopId),
    tx.objectStore('liveStates').delete(workshopId),
    tx.objectStore('liveEvents').delete(IDBKeyRange.bound([workshopId, 0], [workshopId, Infinity])),
    byWorkshop('captures'),
    byWorkshop('participants'),
    byWorkshop('speakingTurns'),
    byWorkshop('promptLog'),
    // Live sharing's rows of this workshop (vote ids, capture versions): they went on existing.
    ...syncRowKeys(workshopId).map((key) => tx.objectStore('settings').delete(key)),
  ]);
  if ((await getSetting('activeWorkshopId')) === workshopId) await setSetting('activeWorkshopId', null);
  // The series record holds names (organisations, groups): it goes with the series' last workshop.
  if (deleted && !(await listWorkshops()).some((w) => seriesIdOf(w) === seriesIdOf(deleted))) await series.remove(seriesIdOf(deleted));
}

/** Everything recorded in a workshop, for the summary and the JSON export. */
export async function workshopContents(workshopId: string) {
  const [loaded, caps, people, turns, prompts, live, liveEvents, seriesRecord] = await Promise.all([
    loadWorkshop(workshopId),
    capturesOf(workshopId),
    participantsOf(workshopId),
    turnsOf(workshopId),
    promptLogOf(workshopId),
    getLive(workshopId),
    liveEventsOf(workshopId),
    seriesRecordOf(workshopId),
  ]);
  // One read of the series record for all three: the names marked F, the composed task, the process evaluation.
  const seriesNames = seriesRecord?.facilitators ?? [];
  const composedTask = seriesRecord?.intermediateTask?.trim() || undefined;
  const evaluation = loaded ? await seriesEvaluationOf(loaded.workshop, loaded.script.workshops.length, seriesRecord) : { evaluated: [] };
  return loaded
    ? {
        ...loaded,
        ...(evaluation.evaluated.length ? { seriesEvaluated: evaluation.evaluated } : {}),
        ...(evaluation.process ? { seriesProcessEvaluation: evaluation.process } : {}),
        captures: caps,
        participants: people,
        turns,
        prompts,
        facilitatorKeys: live.state.facilitatorKeys,
        seriesFacilitators: seriesNames,
        notFacilitatorKeys: live.state.notFacilitatorKeys ?? [],
        floor: floorOf(live.state, liveEvents),
        liveEvents,
        ...(composedTask ? { seriesIntermediateTask: composedTask } : {}),
      }
    : null;
}

/** Who got the floor: every hand given it, and every go-around the log holds (not only the last). */
function floorOf(state: LiveState, events: readonly LiveEvent[]): FloorRecord[] {
  const rounds = goAroundsOf(events);
  if (rounds.length === 0) return floorFromLiveState(state); // a state from before the event log
  const hands = floorFromLiveState({ queue: state.queue });
  const played = rounds.flatMap((goAround) => floorFromLiveState({ queue: { granted: [] }, goAround }));
  return [...hands, ...played].sort((a, b) => atOf(a) - atOf(b));
}

export function validScript(value: unknown): Script | null {
  const parsed = ScriptSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** lastSeenAt is refreshed at most this often: a steady roster costs no writes. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;


type Seen = { key: string; name: string; self?: boolean };

/**
 * Records who the site shows in the meeting, merged by key: new people are added up to
 * PARTICIPANTS_MAX, a known key keeps its record (a new name replaces the old), and only what
 * changed is written.
 */
export async function syncParticipants(workshopId: string, seen: Seen[], now = Date.now()): Promise<ParticipantSync> {
  const known = new Map((await participantsOf(workshopId)).map((p) => [p.key, p]));
  let siteCount = [...known.values()].filter((p) => p.source === 'site').length;
  let dropped = 0;
  let changed = false;
  const writes = [];
  for (const p of seen) {
    const before = known.get(p.key);
    if (!before) {
      if (siteCount >= PARTICIPANTS_MAX) {
        dropped++;
        continue;
      }
      siteCount++;
      changed = true;
    } else if (before.name === p.name && !!before.self === !!p.self && now - before.lastSeenAt < LAST_SEEN_RESOLUTION_MS) continue;
    else if (before.name !== p.name || !!before.self !== !!p.self) changed = true;
    writes.push({
      workshopId,
      key: p.key,
      name: p.name,
      source: before?.source ?? ('site' as const),
      ...(p.self ? { self: true } : {}),
      firstSeenAt: before?.firstSeenAt ?? now,
      lastSeenAt: now,
    });
  }
  if (writes.length) await participantStore.putMany(writes);
  return { written: writes.length, dropped, changed };
}

// One sync per workshop at a time, and at most one waiting: a newer roster replaces a waiting one
// (it says everything the older one did), so a flood of syncs cannot queue up behind the store.
const syncs = new Map<string, { running: Promise<unknown>; waiting?: { seen: Seen[]; settle: ((r: ParticipantSync) => void)[] } }>();

export function syncParticipantsLatest(workshopId: string, seen: Seen[]): Promise<ParticipantSync> {
  const slot = syncs.get(workshopId);
  if (!slot) {
    const running = syncParticipants(workshopId, seen).finally(() => next(workshopId));
    syncs.set(workshopId, { running });
    return running;
  }
  return new Promise((settle) => {
    const waiting = slot.waiting ?? { seen, settle: [] };
    waiting.seen = seen;
    waiting.settle.push(settle);
    slot.waiting = waiting;
  });
}

function next(workshopId: string): void {
  const slot = syncs.get(workshopId);
  syncs.delete(workshopId);
  const waiting = slot?.waiting;
  if (!waiting) return;
  const done = syncParticipantsLatest(workshopId, waiting.seen);
  void done.then(
    (r) => waiting.settle.forEach((s) => s(r)),
    () => waiting.settle.forEach((s) => s({ written: 0, dropped: 0, changed: false })),
  );
}
