import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Phase } from '../../script/schema';
import {
  computeRunState,
  formatDuration,
  formatOverrun,
  overrunLevel,
  type RunEvent,
} from '../../script/timing';
import { formatEnd, overrunOffer } from '../../script/overrun';
import type { ActiveWorkshop } from '../../messages/protocol';
import { getLang, t } from '../i18n';
import { ask } from '../shared/backend';
import { formatClock, now as clockNow, useNow } from '../shared/clock';
import { ErrorText } from '../shared/ErrorText';
import { SourceRef } from '../shared/SourceRef';
import { ParticipantTools } from './ParticipantTools';
import { runAnnouncement, runMoment, type Announcement, type RunMoment } from './runAnnouncer';
import { useFocusAfter } from './useFocusAfter';

/**
 * A double-click on a run control is one press: the second click of one (its `detail`, the browser's
 * click count at one spot) is dropped. Next clicked twice skipped a phase, the second click coming
 * after the first had been drawn; on the last but one phase it hit the Finish that took Next's
 * place, and on Start or Pause the Pause or Resume that took theirs. Keys (detail 0) and separate
 * clicks are not touched; nor is adding time, where a second click is a second minute.
 */
const onePress =
  (handler: (e: Event) => void) =>
  (e: MouseEvent): void => {
    if (e.detail > 1) return;
    handler(e);
  };

/**
 * A message with script content inside it ("Next: {phase} (5 min)"), that content marked in the
 * script's language: a Finnish voice read an English script's titles as Finnish.
 */
function withScriptText(key: string, params: Record<string, string | number>, name: string, content: string, lang: string) {
  const [before, after = ''] = t(key, { ...params, [name]: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <span lang={lang}>{content}</span>
      {after}
    </>
  );
}

type EventWithoutTime = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'at'> : never) : never;

/** The live run: current phase, time left, next phase, projected end, and the facilitator's controls. */
/** `readOnly`: a note-taker in a shared workshop sees the facilitator's timer but does not run it (unless let). */
export function RunView({ active, readOnly = false }: { active: ActiveWorkshop; readOnly?: boolean }) {
  const { workshop, script, run } = active;
  const ticked = useNow(1000);
  // Drawn afresh when the run changes, not at the next tick: a co-facilitator's step that arrived
  // since the tick was otherwise not on screen yet, so a Next pressed on what the screen showed was
  // stamped as made from the phase after it and counted as a second step (found in review).
  const now = useMemo(() => Math.max(ticked, clockNow()), [ticked, run]);
  const state = computeRunState(run, now);
  const level = overrunLevel(state);
  const lang = getLang();
  // The script's own language, for its titles and texts; the controls speak the user's.
  const scriptLang = script.lang;
  const [error, setError] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState<Announcement | undefined>(undefined);
  const [showAgenda, setShowAgenda] = useState(false);
  const previous = useRef<RunMoment | undefined>(undefined);

  // For screen readers, once per change (here or in another tab) and when a time milestone is
  // crossed; the clock ticking says nothing.
  useEffect(() => {
    const moment = runMoment(workshop.id, state);
    const said = runAnnouncement(previous.current, moment);
    if (said) setAnnouncement(said);
    previous.current = moment;
  }, [now, run, workshop.id]);

  async function act(event: EventWithoutTime) {
    setError(undefined);
    // A step or an extension names the phase, and the length, the person saw when acting (withIntent
    // in src/script/timing.ts): the same action someone else's panel got in first is then one action.
    const seen =
      (event.type === 'next' || event.type === 'back' || event.type === 'extend') && (state.status === 'running' || state.status === 'paused')
        ? { from: state.phaseIndex, ...(event.type === 'extend' ? { fromSec: state.phase.effectiveSec } : {}) }
        : {};
    const reply = await ask('run/event', { workshopId: workshop.id, event: { ...event, ...seen, at: clockNow() } as RunEvent, expectedCount: run.events.length });
    if (!reply.ok) setError(reply.error.code);
  }

  // When the pressed control goes away, focus goes to the one that takes its place (Pause and
  // Resume), or to the phase heading when no control does (Finish, the overrun box's buttons).
  const focusAfter = useFocusAfter();
  const controls = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const toControl = (name: string) => () => controls.current?.querySelector<HTMLElement>(`[data-control="${name}"]`);
  const toHeading = () => heading.current;
  const press = (to: () => HTMLElement | null | undefined, event: EventWithoutTime) =>
    onePress((e) => {
      focusAfter(e, to);
      void act(event);
    });

  const source: Phase | undefined = script.workshops[workshop.workshopIndex]?.phases.find((p) => p.id === state.phase.id);
  const running = state.status === 'running';
  const started = state.status !== 'not-started';
  const plannedEnd = state.plannedEndMs;
  const offer = overrunOffer(run, now);
  const total = state.phase.effectiveSec * 1000;
  const phaseProgress = total > 0 ? Math.min(1, Math.max(0, state.elapsedMs / total)) : 0;

  return (
    <section class="run" aria-labelledby="run-phase">
      <p class="run-workshop muted" lang={workshop.lang}>
        {workshop.title}
      </p>
      <h2 id="run-phase" class="run-phase" tabIndex={-1} ref={heading}>
        <span class="muted">{t('runPhaseOf', { n: state.phaseIndex + 1, total: state.phases.length })}</span> <span lang={scriptLang}>{state.phase.title}</span>
      </h2>
      <div class={`run-clock level-${level}`} data-testid="time-left">
        {level === 'over' && <span aria-hidden="true">⚠ </span>}
        {/* A finished workshop has no time left to count: it says when it ended instead. */}
        {state.status !== 'finished' && <span class="run-time">{formatDuration(state.remainingMs)}</span>}
        <span class="run-status">
          {state.status === 'not-started' && t('runNotStarted')}
          {state.status === 'paused' && t('runPaused')}
          {state.status === 'finished' && t('runFinishedAt', { time: formatClock(state.finishedAtMs ?? now, lang) })}
          {running && level === 'over' && t('runOverBy', { time: formatOverrun(state.remainingMs) })}
          {running && level !== 'over' && t('runTimeLeft')}
        </span>
      </div>
      <div
        class="run-progress"
        role="progressbar"
        aria-label={t('runPhaseProgress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(phaseProgress * 100)}
      >
        <div style={{ width: `${phaseProgress * 100}%` }} />
      </div>
      {/* Once finished there is no next phase, projected end or share done: the clock says when it
          ended (a workshop finished early read "This is the last phase … 100% done"). */}
      {state.status !== 'finished' && (
        <p class="run-meta">
          {state.nextPhase
            ? withScriptText('runNext', { min: Math.round(state.nextPhase.effectiveSec / 60) }, 'phase', state.nextPhase.title, scriptLang)
            : t('runLastPhase')}
          <br />
          {[
            started ? t('runProjectedEnd', { time: formatEnd(state.projectedEndMs, lang) }) : '',
            plannedEnd !== undefined ? t('runPlannedEnd', { time: formatEnd(plannedEnd, lang) }) : '',
            t('runWorkshopProgress', { pct: Math.round(state.progress * 100) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}

      {readOnly && <p class="muted" data-testid="timer-read-only">{t('syncTimerReadOnly')}</p>}
      <div class="run-controls" role="group" aria-label={t('runControls')} hidden={readOnly} ref={controls}>
        {state.status === 'not-started' && (
          <button class="primary" onClick={press(toControl('pause'), { type: 'start' })}>
            {t('runStart')}
          </button>
        )}
        {running && (
          <button data-control="pause" onClick={press(toControl('resume'), { type: 'pause' })}>
            {t('runPause')}
          </button>
        )}
        {state.status === 'paused' && (
          <button class="primary" data-control="resume" onClick={press(toControl('pause'), { type: 'resume' })}>
            {t('runResume')}
          </button>
        )}
        {started && state.status !== 'finished' && (
          <>
            <button onClick={() => void act({ type: 'extend', sec: 60 })} aria-label={t('runExtend1Label')}>
              +1 min
            </button>
            <button onClick={() => void act({ type: 'extend', sec: 300 })} aria-label={t('runExtend5Label')}>
              +5 min
            </button>
            {/* Back to the first phase disables Back: focus goes on forward. */}
            <button onClick={press(toControl('forward'), { type: 'back' })} disabled={state.phaseIndex === 0}>
              {t('runBack')}
            </button>
            {state.nextPhase ? (
              <button class="primary" data-control="forward" onClick={onePress(() => void act({ type: 'next' }))}>
                {t('runNextButton')}
              </button>
            ) : (
              <button class="primary" data-control="forward" onClick={press(toHeading, { type: 'finish' })}>
                {t('runFinish')}
              </button>
            )}
          </>
        )}
      </div>

      {offer && !readOnly && (
        <div class={offer.reason === 'phase-over' ? 'error' : 'notice'} role="status" data-testid="overrun">
          <p style={{ margin: '0 0 6px' }}>{offer.reason === 'phase-over' ? t('runOverrunOver') : t('runOverrunWarn', { min: offer.lateMin, time: formatEnd(offer.plannedEndMs, lang) })}</p>
          {offer.reschedule?.toMinimums && <p style={{ margin: '0 0 6px' }}>{t('runRescheduleShortfall', { min: Math.ceil(offer.reschedule.shortfallMs / 60000) })}</p>}
          {offer.reschedule && (
            <button onClick={press(toHeading, { type: 'reschedule', durations: offer.reschedule.durations })}>
              {offer.reschedule.toMinimums ? t('runRescheduleToMinimums') : t('runRescheduleToEnd', { time: formatEnd(plannedEnd!, lang) })}
            </button>
          )}{' '}
          {offer.moveEndTo !== undefined && (
            <button onClick={press(toHeading, { type: 'moveEnd', plannedEnd: offer.moveEndTo })}>{t('runMoveEnd', { time: formatClock(offer.moveEndTo, lang) })}</button>
          )}
        </div>
      )}

      <ParticipantTools active={active} />

      <ErrorText code={error} />
      <p class="sr-only" aria-live="polite" data-testid="announcer">
        {announcement &&
          (announcement.phase === undefined
            ? t(announcement.key, announcement.params)
            : withScriptText(announcement.key, announcement.params, 'phase', announcement.phase, scriptLang))}
      </p>

      {source && (
        <div class="run-details">
          {source.goal && (
            <p>
              <strong>{t('runGoal')}</strong> <span lang={scriptLang}>{source.goal}</span>
            </p>
          )}
          {source.facilitatorNotes && (
            <details open>
              <summary>{t('runFacilitatorNotes')}</summary>
              <p class="prewrap" lang={scriptLang}>
                {source.facilitatorNotes}
              </p>
            </details>
          )}
          {source.participantInstructions && (
            <details>
              <summary>{t('runParticipantInstructions')}</summary>
              <p class="prewrap" lang={scriptLang}>
                {source.participantInstructions}
              </p>
              <button onClick={() => void navigator.clipboard.writeText(source.participantInstructions)}>{t('runCopyInstructions')}</button>
            </details>
          )}
          {source.source && <SourceRef source={source.source} />}
        </div>
      )}

      <button class="linkish" aria-expanded={showAgenda} onClick={() => setShowAgenda(!showAgenda)}>
        {t('runAgenda')}
      </button>
      {showAgenda && (
        <ol class="agenda">
          {state.phases.map((phase, index) => (
            <li key={phase.id} aria-current={index === state.phaseIndex && started ? 'step' : undefined}>
              <button class="linkish" lang={scriptLang} onClick={() => void act({ type: 'goto', index })} disabled={readOnly || !started || state.status === 'finished'}>
                {phase.title}
              </button>
              <span class="muted">
                {' '}
                {/* The plan stays in view beside a changed length ("10 → 15 min"); the changed length
                    alone hid what was planned (found in a Finnish walk-through). */}
                {Math.round(phase.effectiveSec / 60) !== Math.round(phase.plannedSec / 60) && `${Math.round(phase.plannedSec / 60)} → `}
                {Math.round(phase.effectiveSec / 60)} min
                {phase.actualSec !== undefined && ` · ${t('runActual', { min: Math.round(phase.actualSec / 60) })}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
