import { isLive, type Capture } from '../capture/schema';
import { fail, type Reply } from '../messages/reply';
import { capturesOf } from '../store/captures';
import { getSeries, series, SeriesRecord, seriesIdOf } from '../store/series';
import { listWorkshops, workshops, type WorkshopRecord } from '../store/workshops';

// A series on top of the store: its workshops (every workshop made from the same script), the live
// captures of all of them (the map and the experiments span the series) and its own record.

export interface SeriesContents {
  series: SeriesRecord;
  /** In series order (workshop number, then creation). */
  workshops: WorkshopRecord[];
  /** Live captures of every workshop of the series. */
  captures: Capture[];
}

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
  const captures = (await Promise.all(members.map((w) => capturesOf(w.id)))).flat().filter(isLive);
  return { ok: true, value: { series: await getSeries(id), workshops: members, captures } };
}

export type SeriesPatch = Partial<Omit<SeriesRecord, 'id' | 'updatedAt'>>;

export async function updateSeries(workshopId: string, patch: SeriesPatch, now = Date.now()): Promise<Reply<SeriesRecord>> {
  const workshop = await workshops.get(workshopId);
  if (!workshop) return fail('workshop-missing');
  const current = await getSeries(seriesIdOf(workshop));
  const saved = await series.put(SeriesRecord.parse({ ...current, ...patch, id: current.id, updatedAt: now }));
  return { ok: true, value: saved };
}
