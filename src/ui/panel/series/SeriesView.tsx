import { useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../../messages/protocol';
import { t } from '../../i18n';
import { MapView } from './MapView';
import { useSeries } from './useSeries';

// The series tab: the Change Dialogue's own artifacts across its three workshops. Each part is one
// view; the workshop's place in the series picks the one shown first (the map in workshop 1, the
// vote in workshop 2, the evaluation in workshop 3).

export type SeriesPart = 'map';
const PARTS: SeriesPart[] = ['map'];
const FIRST_PART: SeriesPart[] = ['map', 'map', 'map'];

export function SeriesView({ active }: { active: ActiveWorkshop }) {
  const workshopId = active.workshop.id;
  const [part, setPart] = useState<SeriesPart>(FIRST_PART[active.workshop.workshopIndex] ?? 'map');
  const series = useSeries(workshopId);
  const contents = series.contents;

  return (
    <section class="series" aria-labelledby="series-h">
      <h2 id="series-h" class="sr-only">
        {t('tab_series')}
      </h2>
      <div class="series-parts" role="group" aria-label={t('seriesParts')}>
        {PARTS.map((id) => (
          <button key={id} aria-pressed={part === id} onClick={() => setPart(id)} data-testid={`series-part-${id}`}>
            {t(`seriesPart_${id}`)}
          </button>
        ))}
      </div>
      {!contents ? (
        <p class="muted">{t('panelLoading')}</p>
      ) : (
        <>{part === 'map' && <MapView captures={contents.captures} workshopId={workshopId} />}</>
      )}
    </section>
  );
}
