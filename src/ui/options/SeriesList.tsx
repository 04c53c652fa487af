import type { WorkshopRecord } from '../../store/workshops';
import { ask, useStoreQuery } from '../shared/backend';
import { SeriesOverview } from '../shared/SeriesOverview';
import { t } from '../i18n';

// The options page's view of each series: every script with more than one workshop that has at
// least one workshop on this device, shown as the panel's Series overview shows it.

export function SeriesList({ workshops }: { workshops: WorkshopRecord[] }) {
  const latestByScript = new Map<string, WorkshopRecord>();
  for (const w of workshops) {
    const known = latestByScript.get(w.scriptId);
    if (!known || known.updatedAt < w.updatedAt) latestByScript.set(w.scriptId, w);
  }
  const series = [...latestByScript.values()];
  return (
    <section aria-labelledby="series-list-h" data-testid="series-list">
      <h3 id="series-list-h">{t('seriesListTitle')}</h3>
      {series.map((w) => (
        <SeriesEntry key={w.scriptId} workshopId={w.id} />
      ))}
    </section>
  );
}

function SeriesEntry({ workshopId }: { workshopId: string }) {
  const { value } = useStoreQuery(
    async () => {
      const [contents, own] = await Promise.all([ask('series/contents', { workshopId }), ask('workshop/contents', { workshopId })]);
      return contents.ok && own.ok ? { contents: contents.value, script: own.value.script } : undefined;
    },
    ['captures', 'series', 'workshops', 'scripts'],
    [workshopId],
  );
  if (!value || value.script.workshops.length < 2) return null;
  return (
    <div class="series-entry">
      <SeriesOverview contents={value.contents} script={value.script} workshopId={workshopId} />
    </div>
  );
}
