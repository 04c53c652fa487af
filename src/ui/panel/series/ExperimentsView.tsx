import { useState } from 'preact/hooks';
import { MAP_FIELDS, type Capture, type MapField } from '../../../capture/schema';
import { experimentState, isChosen } from '../../../series/experiments';
import { voteCandidates } from '../../../series/votes';
import { t } from '../../i18n';
import { ErrorText } from '../../shared/ErrorText';
import { mapFieldShort } from '../../shared/mapLabel';
import { patchCapture } from './useSeries';
import { DraftField, DraftTextarea } from '../../shared/DraftField';

const today = () => new Date().toISOString().slice(0, 10);

/** Workshop 2's experiments as entries: chosen to try or not, owner, start and end, what will be tried, the map field. */
export function ExperimentsView({ captures }: { captures: Capture[] }) {
  const experiments = voteCandidates(captures);
  return (
    <section class="series-experiments" aria-labelledby="exp-h">
      <h3 id="exp-h" class="series-h">
        {t('expTitle')}
      </h3>
      {experiments.length === 0 ? <p class="muted">{t('voteNoCandidates')}</p> : <p class="muted">{t('expChosenHint')}</p>}
      <ul class="plain">
        {experiments.map((c, i) => (
          <ExperimentEntry key={c.id} capture={c} number={i + 1} />
        ))}
      </ul>
    </section>
  );
}

function ExperimentEntry({ capture, number }: { capture: Capture; number: number }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const plan = capture.experiment ?? {};
  const save = (patch: Parameters<typeof patchCapture>[1]) => void patchCapture(capture.id, patch).then(setError);
  // Only the field that changed goes to the store, which merges it ('' clears it).
  const setPlan = (field: 'tried' | 'start' | 'end', value: string) => save({ experiment: { [field]: value.trim() || null } });
  const state = experimentState(capture, today());
  const chosen = isChosen(capture);
  return (
    <li class="experiment" data-testid="experiment">
      <p class="experiment-title">
        <strong>#{number}</strong> {capture.text} <span class={`badge state-${state}`}>{t(`expState_${state}`)}</span>
      </p>
      {/* Stored either way once touched: an unticked plan stays a plan, not chosen. */}
      <label class="experiment-chosen">
        <input type="checkbox" checked={chosen} onChange={(e) => save({ experiment: { chosen: e.currentTarget.checked } })} data-testid="experiment-chosen" />
        {t('expChosen')}
      </label>
      <div class="experiment-fields">
        <label>
          {t('expOwner')}
          <DraftField value={capture.owner ?? ''} maxLength={200} onCommit={(text) => save({ owner: text.trim() || null })} />
        </label>
        <label>
          {t('expStart')}
          <input type="date" value={plan.start ?? ''} onChange={(e) => setPlan('start', e.currentTarget.value)} />
        </label>
        <label>
          {t('expEnd')}
          <input type="date" value={plan.end ?? ''} onChange={(e) => setPlan('end', e.currentTarget.value)} />
        </label>
        <label>
          {t('expMapField')}
          <select value={capture.mapField ?? ''} onChange={(e) => save({ mapField: (e.currentTarget.value as MapField) || null })}>
            <option value="">{t('captureMapNone')}</option>
            {MAP_FIELDS.map((field) => (
              <option key={field} value={field}>
                {mapFieldShort(field)}
              </option>
            ))}
          </select>
        </label>
        {/* Kept as typed (nothing is lost), but said at once, next to the dates: the summary would
            print "1 May–1 April". */}
        {plan.start && plan.end && plan.end < plan.start && (
          <p class="error wide" role="alert" data-testid="experiment-dates">
            {t('expEndBeforeStart')}
          </p>
        )}
        <label class="wide">
          {t('expTried')}
          <DraftTextarea rows={2} maxLength={2000} value={plan.tried ?? ''} onCommit={(text) => setPlan('tried', text)} />
        </label>
      </div>
      <ErrorText code={error} />
    </li>
  );
}
