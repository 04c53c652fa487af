import { isLive, type Capture, type ProcessEvaluation } from '../capture/schema';
import type { SeriesContents } from '../messages/protocol';
import { fail, type Reply } from '../messages/reply';
import { capturesOf } from '../store/captures';
import { runs } from '../store/runs';
import { getSeries, series, SeriesRecord, seriesIdOf, type OrganisationTag } from '../store/series';
import { listWorkshops, workshops, type WorkshopRecord } from '../store/workshops';

// A series on top of the store: its workshops (every workshop made from the same script), the live
// captures of all of them (the map and the experiments span the series) and its own record.


export async function workshopsOfSeries(seriesId: string): Promise<WorkshopRecord[]> {
  return (await listWorkshops())
    .filter((w) => seriesIdOf(w) === seriesId)
    .sort((a, b) => a.workshopIndex - b.workshopIndex || a.createdAt - b.createdAt);
}

export async function seriesContents(workshopId: string): Promise<Reply<SeriesContents>> {
  const workshop = await workshops.get(workshopId);
  if (!workshop) return fail('workshop-missing');
  const id = seriesIdOf(workshop);
  const members = await workshopsOfSeries(id);
  const [captures, memberRuns] = await Promise.all([
    Promise.all(members.map((w) => capturesOf(w.id))).then((lists) => lists.flat().filter(isLive)),
    Promise.all(members.map((w) => runs.get(w.id))),
  ]);
  const startedIds = members.filter((_, i) => memberRuns[i]?.run.events.some((e) => e.type === 'start')).map((w) => w.id);
  return { ok: true, value: { series: await getSeries(id), workshops: members, captures, startedIds } };
}

/** The series record of a workshop's series (its names marked F, its composed task), or undefined without the workshop. */
export async function seriesRecordOf(workshopId: string): Promise<SeriesRecord | undefined> {
  const workshop = await workshops.get(workshopId);
  return workshop ? getSeries(seriesIdOf(workshop)) : undefined;
}

/** The names marked F in the series: what every panel counts as facilitators, without the series' captures. */
export async function seriesFacilitators(workshopId: string): Promise<Reply<string[]>> {
  const record = await seriesRecordOf(workshopId);
  return record ? { ok: true, value: record.facilitators } : fail('workshop-missing');
}

export type SeriesPatch = Partial<Omit<SeriesRecord, 'id' | 'updatedAt' | 'facilitators'>> & { tag?: OrganisationTag; facilitator?: { name: string; on: boolean } };

// Updates read, change and write the record: one at a time, so two quick changes (tagging people
// one after another) both stay.
let updating: Promise<unknown> = Promise.resolve();

export function updateSeries(workshopId: string, patch: SeriesPatch, now = Date.now()): Promise<Reply<SeriesRecord>> {
  const next = updating.then(() => applySeriesPatch(workshopId, patch, now));
  updating = next.catch(() => undefined);
  return next;
}

async function applySeriesPatch(workshopId: string, patch: SeriesPatch, now: number): Promise<Reply<SeriesRecord>> {
  const workshop = await workshops.get(workshopId);
  if (!workshop) return fail('workshop-missing');
  const current = await getSeries(seriesIdOf(workshop));
  const { tag, processEvaluation, facilitator, ...rest } = patch;
  const next = { ...current, ...rest, id: current.id, updatedAt: now };
  if (processEvaluation) {
    // Merged field by field: a rating and notes given a moment apart both stay ('' clears notes).
    const merged: Record<string, unknown> = { ...current.processEvaluation, ...processEvaluation };
    for (const key of Object.keys(merged)) if (merged[key] === '' || merged[key] === undefined) delete merged[key];
    next.processEvaluation = merged;
  }
  if (facilitator) {
    const others = next.facilitators.filter((name) => name !== facilitator.name);
    next.facilitators = facilitator.on ? [...others, facilitator.name] : others;
  }
  if (tag) {
    const others = next.organisations.filter((o) => o.name !== tag.name);
    next.organisations = tag.organisation.trim() ? [...others, { name: tag.name, organisation: tag.organisation.trim() }] : others;
  }
  const saved = await series.put(SeriesRecord.parse(next));
  return { ok: true, value: saved };
}

/**
 * For the last workshop of a series, what its summary reports though it was captured earlier: the
 * series' experiments evaluated so far (from the workshops before it, the latest made for each
 * place standing for it) and the evaluation of the process. Nothing for any other workshop.
 */
export async function seriesEvaluationOf(workshop: WorkshopRecord, workshopCount: number, record: SeriesRecord | undefined): Promise<{ evaluated: Capture[]; process?: ProcessEvaluation }> {
  if (workshopCount < 2 || workshop.workshopIndex !== workshopCount - 1) return { evaluated: [] };
  const latest = new Map<number, WorkshopRecord>();
  for (const w of [...(await workshopsOfSeries(seriesIdOf(workshop)))].sort((a, b) => a.createdAt - b.createdAt)) {
    if (w.workshopIndex < workshop.workshopIndex) latest.set(w.workshopIndex, w);
  }
  const earlier = await Promise.all([...latest.values()].map((w) => capturesOf(w.id)));
  const evaluated = earlier.flat().filter((c) => isLive(c) && c.kind === 'experiment' && c.evaluation !== undefined);
  return { evaluated, ...(record?.processEvaluation ? { process: record.processEvaluation } : {}) };
}

