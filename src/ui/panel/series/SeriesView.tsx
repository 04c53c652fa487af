import { useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../../messages/protocol';
import { t } from '../../i18n';
import { SeriesOverview } from '../../shared/SeriesOverview';
import type { PeopleView } from '../../../turns/people';
import type { SiteHandle } from '../useSite';
import { EvaluationView } from './EvaluationView';
import { ExperimentsView } from './ExperimentsView';
import { MapView } from './MapView';
import { TaskView } from './TaskView';
import { useSeries } from './useSeries';
import { VoteView } from './VoteView';

// The series tab: the Change Dialogue's own artifacts across its three workshops. Each part is one
// view; the workshop's place in the series picks the one shown first (the map in workshop 1, the
// vote in workshop 2, the evaluation in workshop 3).

export type SeriesPart = 'overview' | 'map' | 'task' | 'vote' | 'experiments' | 'evaluation';
const PARTS: SeriesPart[] = ['overview', 'map', 'task', 'vote', 'experiments', 'evaluation'];
const FIRST_PART: SeriesPart[] = ['map', 'vote', 'evaluation'];

export function SeriesView({ active, site, people }: { active: ActiveWorkshop; site: SiteHandle; people: PeopleView }) {
  const workshopId = active.workshop.id;
  const [part, setPart] = useState<SeriesPart>(FIRST_PART[active.workshop.workshopIndex] ?? 'overview');
  const { contents, update } = useSeries(workshopId);

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
        <>
          {part === 'overview' && <SeriesOverview contents={contents} script={active.script} workshopId={workshopId} />}
          {part === 'map' && <MapView captures={contents.captures} workshopId={workshopId} />}
          {part === 'task' && <TaskView captures={contents.captures} series={contents.series} people={people} update={update} />}
          {part === 'vote' && <VoteView captures={contents.captures} series={contents.series} site={site} onBudget={(dotBudget) => update({ dotBudget })} />}
          {part === 'experiments' && <ExperimentsView captures={contents.captures} />}
          {part === 'evaluation' && <EvaluationView captures={contents.captures} series={contents.series} onProcess={(processEvaluation) => update({ processEvaluation })} />}
        </>
      )}
    </section>
  );
}
