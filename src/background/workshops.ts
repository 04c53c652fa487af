import { Capture, type CaptureKind, type CaptureSource } from '../capture/schema';
import { fail, type Reply } from '../messages/bus';
import { ScriptSchema, type Script } from '../script/schema';
import { DEFAULT_TEMPLATE_ID, instantiateTemplate } from '../script/templates';
import { appendEvent, computeRunState, createRun, type Run, type RunEvent } from '../script/timing';
import { captures, capturesOf } from '../store/captures';
import { db } from '../store/db';
import { participantsOf } from '../store/participants';
import { promptLogOf } from '../store/promptLog';
import { runs } from '../store/runs';
import { saveScript, scripts } from '../store/scripts';
import { getSetting, setSetting } from '../store/settings';
import { turnsOf } from '../store/speakingTurns';
import { listWorkshops, workshops, type WorkshopRecord } from '../store/workshops';
import type { Lang } from '../ui/i18n';

// Workshop lifecycle on top of the store: the active workshop, its script and run, and captures.

export interface ActiveWorkshop {
  workshop: WorkshopRecord;
  script: Script;
  run: Run;
}

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

export async function createFromTemplate(templateId: string, lang: Lang, workshopIndex = 0): Promise<ActiveWorkshop> {
  const script = instantiateTemplate(templateId, lang);
  await saveScript(script);
  return createWorkshop(script, workshopIndex);
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
  const id = await getSetting('activeWorkshopId');
  if (id) {
    const loaded = await loadWorkshop(id);
    if (loaded) return loaded;
  }
  if ((await listWorkshops()).length === 0 && !(await getSetting('seeded'))) {
    await setSetting('seeded', true);
    return createFromTemplate(DEFAULT_TEMPLATE_ID, lang);
  }
  return null;
}

/**
 * Appends a facilitator action to the run. `expectedCount` is the number of events the caller saw:
 * if another tab acted meanwhile the action is refused, so two tabs cannot both skip a phase.
 */
export async function appendRunEvent(workshopId: string, event: RunEvent, expectedCount: number): Promise<Reply<Run>> {
  const tx = (await db()).transaction('runs', 'readwrite', { durability: 'strict' });
  const record = await tx.store.get(workshopId);
  if (!record) {
    tx.abort();
    return fail('workshop-missing');
  }
  const run = record.run as Run;
  if (run.events.length !== expectedCount) {
    await tx.done;
    return fail('run-changed');
  }
  const next = appendEvent(run, event);
  await tx.store.put({ ...record, run: next, updatedAt: event.at });
  await tx.done;
  return { ok: true, value: next };
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
  workshopId: string;
  text: string;
  kind: CaptureKind;
  tags?: string[];
  owner?: string;
  due?: string;
  source: CaptureSource;
}

/** Stores a capture, tagged with the phase running now; resolves only after a durable commit. */
export async function addCapture(input: NewCapture, now = Date.now()): Promise<Capture> {
  const loaded = await loadWorkshop(input.workshopId);
  const state = loaded ? computeRunState(loaded.run, now) : undefined;
  const phase = state && state.status !== 'not-started' ? state.phase : undefined;
  const capturedBy = (await getSetting('capturedBy')) || undefined;
  const capture: Capture = Capture.parse({
    id: crypto.randomUUID(),
    workshopId: input.workshopId,
    text: input.text,
    kind: input.kind,
    tags: input.tags ?? [],
    ...(input.owner ? { owner: input.owner } : {}),
    ...(input.due ? { due: input.due } : {}),
    ...(phase ? { phaseId: phase.id, phaseTitle: phase.title } : {}),
    source: input.source,
    ...(capturedBy ? { capturedBy } : {}),
    createdAt: now,
    updatedAt: now,
    votes: 0,
  });
  await captures.put(capture);
  await touchWorkshop(input.workshopId, now);
  return capture;
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
  const workshop = await workshops.get(workshopId);
  if (workshop) await workshops.put({ ...workshop, updatedAt: now });
}

/** Deletes a workshop and everything recorded in it. */
export async function deleteWorkshop(workshopId: string): Promise<void> {
  const database = await db();
  const stores = ['workshops', 'runs', 'captures', 'participants', 'speakingTurns', 'promptLog'] as const;
  const tx = database.transaction(stores, 'readwrite', { durability: 'strict' });
  const byWorkshop = async (name: 'captures' | 'participants' | 'speakingTurns' | 'promptLog') => {
    for (const key of await tx.objectStore(name).index('byWorkshop').getAllKeys(workshopId)) await tx.objectStore(name).delete(key);
  };
  await Promise.all([
    tx.objectStore('workshops').delete(workshopId),
    tx.objectStore('runs').delete(workshopId),
    byWorkshop('captures'),
    byWorkshop('participants'),
    byWorkshop('speakingTurns'),
    byWorkshop('promptLog'),
    tx.done,
  ]);
  if ((await getSetting('activeWorkshopId')) === workshopId) await setSetting('activeWorkshopId', null);
}

/** Everything recorded in a workshop, for the summary and the JSON export. */
export async function workshopContents(workshopId: string) {
  const [loaded, caps, people, turns, prompts] = await Promise.all([
    loadWorkshop(workshopId),
    capturesOf(workshopId),
    participantsOf(workshopId),
    turnsOf(workshopId),
    promptLogOf(workshopId),
  ]);
  return loaded ? { ...loaded, captures: caps, participants: people, turns, prompts } : null;
}

export function validScript(value: unknown): Script | null {
  const parsed = ScriptSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
