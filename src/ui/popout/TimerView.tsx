import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../messages/protocol';
import { participantView } from '../../script/participantView';
import { t } from '../i18n';
import { formatClock, useNow } from '../shared/clock';

/**
 * The participants' view of the run, in large type and the workshop's language: phase, time left,
 * the instructions. A screen reader hears the phase change (politely), never the seconds.
 */
export function TimerView({ active }: { active: ActiveWorkshop }) {
  const now = useNow(1000);
  const view = participantView(active.script, active.workshop.workshopIndex, active.run, now);
  const { lang } = view;
  const [said, setSaid] = useState('');
  const shown = useRef<string | undefined>(undefined);
  const key = `${view.phaseId}:${view.status}`;
  useEffect(() => {
    if (shown.current !== undefined && shown.current !== key) {
      setSaid(view.status === 'running' ? t('popoutNowPhase', { phase: `${view.phaseLabel}: ${view.phaseTitle}` }, lang) : `${view.statusText}: ${view.phaseTitle}`);
    }
    shown.current = key;
  }, [key]);

  return (
    <main class={`timer status-${view.status}${view.over ? ' over' : ''}`} lang={lang} aria-labelledby="timer-phase" data-testid="timer">
      <p class="timer-phase-label">{view.phaseLabel}</p>
      <h1 id="timer-phase" class="timer-phase">
        {view.phaseTitle}
      </h1>
      {/* Once the workshop has ended there is no time left to show: a large "0:00" on a shared
          screen read as "time's up" (found in a Finnish walk-through); the status says it ended. */}
      {view.status !== 'finished' && (
        <p class="timer-clock" role="timer" aria-label={t('popoutTimeLabel', undefined, lang)}>
          <span class="timer-time" data-testid="timer-time">
            {view.timeLeft}
          </span>
        </p>
      )}
      <p class="timer-status">
        {view.statusText}
        {view.endsAtMs !== undefined && <> · {t('popoutEndsAt', { time: formatClock(view.endsAtMs, lang) }, lang)}</>}
      </p>
      {view.status !== 'finished' && (
        <div class="timer-progress" aria-hidden="true">
          <div style={{ width: `${view.progress * 100}%` }} />
        </div>
      )}
      {view.nextTitle && (
        <p class="timer-next" data-testid="timer-next">
          {t('popoutNext', { title: view.nextTitle }, lang)}
        </p>
      )}
      {view.instructions && (
        <section class="timer-instructions" aria-labelledby="timer-instructions-title">
          <h2 id="timer-instructions-title">{t('popoutInstructions', undefined, lang)}</h2>
          <p data-testid="timer-instructions">{view.instructions}</p>
        </section>
      )}
      <p class="sr-only" aria-live="polite" data-testid="timer-announcer">
        {said}
      </p>
    </main>
  );
}
