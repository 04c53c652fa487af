import { BUILT_IN_CARDS } from '../../prompts/cards';
import { exportFromWorkshop } from '../../summary/fromWorkshop';
import type { WorkshopExport } from '../../summary/model';
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
