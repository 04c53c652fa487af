import type { ActiveWorkshop } from '../../messages/protocol';
import { computeRunState, formatDuration, formatOverrun, overrunLevel } from '../../script/timing';
import { getLang, t } from '../i18n';
import { ask, useStoreQuery } from '../shared/backend';
import { formatClock, useNow } from '../shared/clock';
import { formatEnd } from '../../script/overrun';

// The popup's view of the workshop in the panel: its phase, the time left and the next step, so a
// glance at the toolbar answers "where are we" without opening the meeting tab.

/** The workshop in the panel; null when there is none, undefined when the background did not answer. */
async function loadActive(): Promise<ActiveWorkshop | null | undefined> {
  const reply = await ask('workshop/active', {});
  return reply.ok ? reply.value : undefined;
}

export function WorkshopNow() {
  const { value: active } = useStoreQuery(loadActive, ['workshops', 'runs', 'scripts', 'settings']);
  const now = useNow(1000);
  // No workshop at all (all deleted, or none made yet): say where one is chosen.
  if (active === null) return <p class="muted" data-testid="popup-no-workshop">{t('popupNoWorkshop')}</p>;
  if (!active) return null;
  const state = computeRunState(active.run, now);
  const level = overrunLevel(state);
  const lang = getLang();
  return (
    <section class="popup-workshop" aria-labelledby="popup-workshop-title" data-testid="popup-workshop">
      <h2 id="popup-workshop-title">{active.workshop.title}</h2>
      {/* An ended workshop has no phase under way, nor a timer to pop out (it read "Phase 1/10: …" above
          "The workshop ended at 13.53"; found in a newcomer's walk-through). */}
      {state.status !== 'finished' && (
        <p class="popup-phase">
          <span class="muted">{t('runPhaseOf', { n: state.phaseIndex + 1, total: state.phases.length })}</span> {state.phase.title}
        </p>
      )}
      <p class={`popup-clock level-${level}`}>
        {state.status !== 'finished' && (
          <>
            <strong class="popup-time">{formatDuration(state.status === 'running' && level === 'over' ? state.remainingMs : Math.max(0, state.remainingMs))}</strong>{' '}
          </>
        )}
        {state.status === 'not-started' && t('runNotStarted')}
        {state.status === 'paused' && t('runPaused')}
        {state.status === 'finished' && t('runFinishedAt', { time: formatClock(state.finishedAtMs ?? now, lang) })}
        {state.status === 'running' && (state.remainingMs < 0 ? t('runOverBy', { time: formatOverrun(state.remainingMs) }) : t('runTimeLeft'))}
      </p>
      <p class="popup-next">
        {state.status === 'finished' ? '' : state.nextPhase ? t('runNext', { phase: state.nextPhase.title, min: Math.round(state.nextPhase.effectiveSec / 60) }) : t('runLastPhase')}
        {state.status !== 'not-started' && state.status !== 'finished' && (
          <>
            <br />
            <span class="muted">{t('runProjectedEnd', { time: formatEnd(state.projectedEndMs, lang) })}</span>
          </>
        )}
      </p>
      {state.status !== 'finished' && <button onClick={() => void ask('popout/open', {}).then((reply) => reply.ok && window.close())}>{t('popoutOpen')}</button>}
    </section>
  );
}
