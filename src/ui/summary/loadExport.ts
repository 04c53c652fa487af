import { BUILT_IN_CARDS } from '../../prompts/cards';
import { exportFromWorkshop } from '../../summary/fromWorkshop';
import type { WorkshopExport } from '../../summary/model';
import { seriesExport } from '../../summary/series';
import { developmentMap } from '../../series/map';
import { composeIntermediateTask } from '../../series/task';
import { ask } from '../shared/backend';

/** The export document of one workshop, as every export surface builds it. */
export async function loadExport(workshopId: string, opts: { keepFullUrls?: boolean } = {}): Promise<{ ok: true; doc: WorkshopExport } | { ok: false; error: string }> {
  const reply = await ask('workshop/contents', { workshopId });
  if (!reply.ok) return { ok: false, error: reply.error.code };
  const cards = new Map(BUILT_IN_CARDS.map((c) => [c.id, c.title[reply.value.workshop.lang]]));
  const settings = await ask('settings/get', {});
  const doc = exportFromWorkshop(reply.value, {
    now: Date.now(),
    cardTitle: (id) => cards.get(id) ?? id,
    ...(settings.ok && settings.value.capturedBy ? { exportedBy: settings.value.capturedBy } : {}),
    ...(opts.keepFullUrls ? { keepFullUrls: true } : {}),
  });
  return { ok: true, doc };
}

/** The series summary of the series `workshopId` belongs to: every held workshop's export combined. */
export async function loadSeriesExport(workshopId: string): Promise<{ ok: true; doc: WorkshopExport } | { ok: false; error: string }> {
  const [series, own] = await Promise.all([ask('series/contents', { workshopId }), ask('workshop/contents', { workshopId })]);
  if (!series.ok) return { ok: false, error: series.error.code };
  if (!own.ok) return { ok: false, error: own.error.code };
  const script = own.value.script;
  const docs = new Map<number, WorkshopExport>();
  // The latest workshop made for each place in the series stands for it.
  for (const workshop of [...series.value.workshops].sort((a, b) => a.createdAt - b.createdAt)) {
    const loaded = await loadExport(workshop.id);
    if (loaded.ok) docs.set(workshop.workshopIndex, loaded.doc);
  }
  const settings = await ask('settings/get', {});
  const doc = seriesExport(
    {
      seriesId: series.value.series.id,
      title: script.title,
      description: script.description,
      lang: own.value.workshop.lang,
      workshops: script.workshops.map((w, index) => ({ title: w.title, ...(docs.has(index) ? { doc: docs.get(index)! } : {}) })),
      // The task as the panel shows it: as edited, else as composed from the map and the groups.
      intermediateTask:
        series.value.series.intermediateTask ?? composeIntermediateTask(own.value.workshop.lang, developmentMap(series.value.captures), series.value.series.groups ?? []),
      ...(series.value.series.processEvaluation ? { processEvaluation: series.value.series.processEvaluation } : {}),
      ...(settings.ok && settings.value.capturedBy ? { exportedBy: settings.value.capturedBy } : {}),
    },
    Date.now(),
  );
  return { ok: true, doc };
}
