import type { Script } from '../../script/schema';
import type { ScriptRecord } from '../../store/scripts';
import type { WorkshopRecord } from '../../store/workshops';
import { ask, useStoreQuery } from '../shared/backend';
import { SeriesOverview } from '../shared/SeriesOverview';
import { t } from '../i18n';

// The options page's view of each series: every script with more than one workshop that has at
// least one workshop on this device, shown as the panel's Series overview shows it. Only those
// read the store: a one-workshop script (an imported workshop, a one-off template) is left out
// from the scripts list the page already has. Each entry read its workshop's whole contents (every
// capture) to learn its script, again after every change: with a 40,000-capture import in the
// library, making a workshop took 7 s of the background in Firefox ESR.

export function SeriesList({ workshops, scripts }: { workshops: WorkshopRecord[]; scripts: ScriptRecord[] }) {
  const seriesScripts = new Map(scripts.filter((r) => r.script.workshops.length > 1).map((r) => [r.id, r.script]));
  const latestByScript = new Map<string, WorkshopRecord>();
  for (const w of workshops) {
    if (!seriesScripts.has(w.scriptId)) continue;
    const known = latestByScript.get(w.scriptId);
    if (!known || known.updatedAt < w.updatedAt) latestByScript.set(w.scriptId, w);
  }
  const series = [...latestByScript.values()];
  return (
    <section aria-labelledby="series-list-h" data-testid="series-list">
      <h3 id="series-list-h">{t('seriesListTitle')}</h3>
      {series.map((w) => (
        <SeriesEntry key={w.scriptId} workshopId={w.id} script={seriesScripts.get(w.scriptId)!} />
      ))}
    </section>
  );
}

function SeriesEntry({ workshopId, script }: { workshopId: string; script: Script }) {
  const { value: contents } = useStoreQuery(
    async () => {
      const reply = await ask('series/contents', { workshopId });
      return reply.ok ? reply.value : undefined;
    },
    ['captures', 'series', 'workshops'],
    [workshopId],
  );
  if (!contents) return null;
  return (
    <div class="series-entry">
      <SeriesOverview contents={contents} script={script} workshopId={workshopId} />
    </div>
  );
}
