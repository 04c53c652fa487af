import { useState } from 'preact/hooks';
import { EVALUATION_DECISIONS, EVALUATION_SCALE_MAX, EVALUATION_VIEWS, type Capture, type ExperimentEvaluation } from '../../../capture/schema';
import type { ExperimentEvaluationPatch } from '../../../series/patch';
import { chosenFirst } from '../../../series/experiments';
import { methodLabels } from '../../../series/labels';
import { rankCandidates, voteCandidates } from '../../../series/votes';
import type { ProcessEvaluation } from '../../../capture/schema';
import type { SeriesRecord } from '../../../store/series';
import { getLang, t } from '../../i18n';
import { ErrorText } from '../../shared/ErrorText';
import { patchCapture } from './useSeries';
import { DraftTextarea } from '../../shared/DraftField';

const SCALE = Array.from({ length: EVALUATION_SCALE_MAX }, (_, i) => i + 1);

/** A 1–5 scale as a row of toggle buttons; pressing the chosen one again clears it. */
function Scale({ value, label, onChange }: { value?: number; label: string; onChange: (score: number | undefined) => void }) {
  return (
    <span class="scale" role="group" aria-label={label}>
      {SCALE.map((n) => (
        <button key={n} aria-pressed={value === n} aria-label={`${label}: ${n}/${EVALUATION_SCALE_MAX}`} onClick={() => onChange(value === n ? undefined : n)}>
          {n}
        </button>
      ))}
    </span>
  );
}

/**
 * Workshop 3: each experiment through the "Kokeilut käytäntöön" frame (Saari et al. 2018), the
 * employees' and customers' views and the fit with current practice, each with its guiding question,
 * a 1–5 rating and notes, then the decision; and the participants' evaluation of the process.
 * The experiments chosen to try come first; the others wait folded away, to be evaluated only if
 * the group wants to.
 */
export function EvaluationView({ captures, series, onProcess }: { captures: Capture[]; series: SeriesRecord; onProcess: (p: ProcessEvaluation) => Promise<string | undefined> }) {
  // Most votes first, each under its number in the vote.
  const experiments = rankCandidates(voteCandidates(captures));
  const { chosen, others } = chosenFirst(experiments, (r) => r.capture);
  const [error, setError] = useState<string | undefined>(undefined);
  const M = methodLabels(getLang());
  const process = series.processEvaluation ?? {};
  const setProcess = (change: Partial<ProcessEvaluation>) => void onProcess(change).then(setError);
  return (
    <section class="series-eval" aria-labelledby="eval-h">
      <h3 id="eval-h" class="series-h">
        {t('evalTitle')}
      </h3>
      {experiments.length === 0 && <p class="muted">{t('voteNoCandidates')}</p>}
      {chosen.map((r, i) => (
        <ExperimentEvaluationEntry key={r.capture.id} capture={r.capture} number={r.number} open={i === 0} />
      ))}
      {others.length > 0 && (
        <details class="eval-others" data-testid="eval-not-chosen">
          <summary>{t('evalNotChosen', { n: others.length })}</summary>
          {others.map((r) => (
            <ExperimentEvaluationEntry key={r.capture.id} capture={r.capture} number={r.number} open={false} />
          ))}
        </details>
      )}
      <details class="eval-entry" data-testid="eval-process">
        <summary>{M.process.title}</summary>
        <span class="muted">{M.process.score}</span>
        <Scale value={process.score} label={M.process.score} onChange={(score) => setProcess({ score })} />
        <label>
          {M.process.worked}
          <DraftTextarea rows={2} maxLength={4000} value={process.worked ?? ''} onCommit={(text) => setProcess({ worked: text.trim() })} />
        </label>
        <label>
          {M.process.improve}
          <DraftTextarea rows={2} maxLength={4000} value={process.improve ?? ''} onCommit={(text) => setProcess({ improve: text.trim() })} />
        </label>
      </details>
      <ErrorText code={error} />
    </section>
  );
}

function ExperimentEvaluationEntry({ capture, number, open }: { capture: Capture; number: number; open: boolean }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const M = methodLabels(getLang());
  const evaluation: ExperimentEvaluation = capture.evaluation ?? {};
  // Only what changed goes to the store, which merges it (null clears).
  const save = (change: ExperimentEvaluationPatch) => void patchCapture(capture.id, { evaluation: change }).then(setError);
  const setView = (view: (typeof EVALUATION_VIEWS)[number], change: { score?: number | null; notes?: string | null }) => save({ [view]: change });
  return (
    <details class="eval-entry" open={open} data-testid="eval-entry">
      <summary>
        #{number} {capture.text}
        {/* The space outside the badge: inside it, the badge touched a wrapped title's last word. */}
        {evaluation.decision && (
          <>
            {' '}
            <span class="badge state-evaluated">{M.decisions[evaluation.decision]}</span>
          </>
        )}
      </summary>
      {EVALUATION_VIEWS.map((view) => (
        <fieldset key={view} class="eval-view">
          <legend>{M.views[view]}</legend>
          <p class="muted">{M.questions[view]}</p>
          <Scale value={evaluation[view]?.score} label={M.views[view]} onChange={(score) => setView(view, { score: score ?? null })} />
          <DraftTextarea
            rows={2}
            maxLength={4000}
            value={evaluation[view]?.notes ?? ''}
            aria-label={`${M.views[view]}: ${M.experiment.notes}`}
            placeholder={M.experiment.notes}
            onCommit={(text) => setView(view, { notes: text.trim() || null })}
          />
        </fieldset>
      ))}
      <div class="eval-decision" role="group" aria-label={M.experiment.decision}>
        <span>{M.experiment.decision}:</span>
        {EVALUATION_DECISIONS.map((d) => (
          <button key={d} aria-pressed={evaluation.decision === d} onClick={() => save({ decision: evaluation.decision === d ? null : d })}>
            {M.decisions[d]}
          </button>
        ))}
      </div>
      <ErrorText code={error} />
    </details>
  );
}
