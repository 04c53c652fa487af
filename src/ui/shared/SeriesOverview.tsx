import { Fragment } from 'preact';
import { chosenFirst, experimentState } from '../../series/experiments';
import { developmentMap, mapCounts } from '../../series/map';
import { voteCandidates } from '../../series/votes';
import type { SeriesContents } from '../../messages/protocol';
import type { Script } from '../../script/schema';
import { getLang, t } from '../i18n';
import { localDay, workshopDate } from '../../store/day';
import { formatDay } from './workshopRows';
import { ask } from './backend';

const today = () => new Date().toISOString().slice(0, 10);

/** The series at a glance (the panel's Series tab and the options page): its workshops and the intermediate task between them, the map, the experiments. */
export function SeriesOverview({ contents, script, workshopId }: { contents: SeriesContents; script: Script; workshopId: string }) {
  const map = developmentMap(contents.captures);
  const experiments = voteCandidates(contents.captures);
  const { chosen, others } = chosenFirst(experiments, (c) => c);
  const standing = (index: number) => standingWorkshop(contents, index, workshopId);
  return (
    <section class="series-overview" aria-labelledby="overview-h">
      <h3 id="overview-h" class="series-h">
        {script.title}
      </h3>
      <ol class="plain series-steps" data-testid="series-steps">
        {script.workshops.map((w, index) => {
          const record = standing(index);
          return (
            <Fragment key={w.id}>
              <li class="series-step">
                {/* Its own name, as renamed in the library, not the template's. */}
                <strong>{record?.title ?? w.title}</strong>{' '}
                <span class="muted">
                  {record ? heldOrPlanned(workshopDate(record), localDay(Date.now()), contents.startedIds.includes(record.id)) : t('seriesNotYet')}
                </span>
              </li>
              {index < script.workshops.length - 1 && (
                <li class="series-between muted">
                  {index === 0
                    ? t('seriesTaskState', { state: contents.series.intermediateTask ? t('seriesTaskComposed') : t('seriesNotYet'), groups: contents.series.groups?.length ?? 0 })
                    : t('seriesExperimentsBetween', { chosen: chosen.length, others: others.length })}
                </li>
              )}
            </Fragment>
          );
        })}
      </ol>
      {/* One sentence per row of the map: the field labels hold a "·" of their own, and joined with
          "·" the line could not be read (found in a Finnish walk-through). */}
      <p class="muted" data-testid="series-map-counts">
        {t('mapTitle')}. {mapCounts(map).map((row) => t('mapCountsLine', { dimension: t(`mapDim_${row.dimension}`), now: row.now, future: row.future })).join(' ')}
      </p>
      {experiments.length > 0 && (
        <ul class="plain" data-testid="series-experiments">
          {experiments.map((c, i) => {
            const state = experimentState(c, today());
            return (
              <li key={c.id}>
                #{i + 1} {c.text} {c.owner && <span class="muted">· {c.owner}</span>} <span class={`badge state-${state}`}>{t(`expState_${state}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <button class="primary" onClick={() => void ask('summary/open', { workshopId, series: true })} data-testid="series-summary">
        {t('seriesSummary')}
      </button>
    </section>
  );
}

/**
 * The workshop that stands for a place in the series: the one open here, else the latest one
 * started, else the latest made. Two made from the same template (the default one made at install
 * and the facilitator's renamed one) are both "workshop 1"; the overview showed the first made,
 * under the template's title (found in an English walk-through).
 */
export function standingWorkshop<W extends { id: string; workshopIndex: number }>(contents: { workshops: W[]; startedIds: string[] }, index: number, currentId: string): W | undefined {
  const made = contents.workshops.filter((w) => w.workshopIndex === index);
  const started = made.filter((w) => contents.startedIds.includes(w.id));
  return made.find((w) => w.id === currentId) ?? started.at(-1) ?? made.at(-1);
}

/**
 * "held 3.12." once its timer has been started, "to be held 3.12." for a workshop dated ahead,
 * "today" for one dated today and not started, and "not held, dated 3.12." for one whose day has
 * passed without a start (the default workshop made at install, say).
 */
export function heldOrPlanned(day: string, today: string, started: boolean): string {
  const date = formatDay(day, getLang());
  if (started) return t('seriesHeld', { date });
  return t(day > today ? 'seriesPlanned' : day === today ? 'seriesToday' : 'seriesNotHeld', { date });
}
