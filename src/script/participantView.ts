// What participants are shown of a run: the pop-out timer (src/ui/popout) and the "announce in
// chat" text. Pure, from the run's log, the script and the clock, like every other timer view.
// Only the phase, its time and the participants' instructions: no names, no captures, no
// facilitator notes, since both are made to be seen by everyone in the meeting.
import { t, type Lang } from '../i18nCore';
import { formatTime } from '../summary/format';
import type { Script } from './schema';
import { computeRunState, formatDuration, type Run, type RunStatus } from './timing';

export interface ParticipantView {
  lang: Lang;
  status: RunStatus;
  phaseId: string;
  /** "Vaihe 2/6" / "Phase 2 of 6". */
  phaseLabel: string;
  phaseTitle: string;
  /** "12:05"; never negative: participants see "time is up" rather than an overrun count. */
  timeLeft: string;
  /** Under the time: "left" / "paused" / "time is up" / "starting soon" / "ended". */
  statusText: string;
  /** The phase's share of its time used, 0..1. */
  progress: number;
  over: boolean;
  instructions: string;
  /** When the phase ends if the clock keeps running; only while it runs and time is left. */
  endsAtMs?: number;
  /** The next phase's title, so participants know what comes (the popup had it, the pop-out not). */
  nextTitle?: string;
}

/** The workshop's own language for what participants read. */
export function participantLang(script: Pick<Script, 'lang'>): Lang {
  return script.lang === 'fi' ? 'fi' : 'en';
}

export function participantView(script: Script, workshopIndex: number, run: Run, now: number): ParticipantView {
  const lang = participantLang(script);
  const state = computeRunState(run, now);
  const phase = script.workshops[workshopIndex]?.phases.find((p) => p.id === state.phase.id);
  const over = state.status !== 'finished' && state.status !== 'not-started' && state.remainingMs <= 0;
  const total = state.phase.effectiveSec * 1000;
  const statusText = {
    'not-started': t('popoutStartingSoon', undefined, lang),
    running: over ? t('popoutTimeUp', undefined, lang) : t('popoutLeft', undefined, lang),
    paused: t('popoutPaused', undefined, lang),
    finished: t('popoutEnded', undefined, lang),
  }[state.status];
  const view: ParticipantView = {
    lang,
    status: state.status,
    phaseId: state.phase.id,
    phaseLabel: t('popoutPhaseOf', { n: state.phaseIndex + 1, total: state.phases.length }, lang),
    phaseTitle: state.phase.title,
    timeLeft: formatDuration(state.status === 'finished' ? 0 : Math.max(0, state.remainingMs)),
    statusText,
    progress: total > 0 ? Math.min(1, Math.max(0, state.elapsedMs / total)) : 0,
    over,
    instructions: phase?.participantInstructions.trim() ?? '',
  };
  if (state.status === 'running' && !over) view.endsAtMs = now + state.remainingMs;
  if (state.nextPhase) view.nextTitle = state.nextPhase.title;
  return view;
}

/**
 * The chat message "announce" puts in the meeting's chat box, as plain text: the phase, when it
 * ends (or that it is paused), and the participants' instructions on lines of their own.
 */
export function announcementText(view: ParticipantView): string {
  const { lang } = view;
  const head = `${view.phaseLabel}: ${view.phaseTitle}`;
  let when = '';
  if (view.endsAtMs !== undefined) when = t('announceEndsAt', { time: formatTime(view.endsAtMs, lang) }, lang);
  else if (view.status === 'paused') when = t('announcePaused', { time: view.timeLeft }, lang);
  // Over its time the phase has no end to name; the pop-out says "time is up", and so does this.
  else if (view.over) when = t('announceTimeUp', undefined, lang);
  const first = when ? `${head} (${when})` : head;
  return view.instructions ? `${first}\n${view.instructions}` : first;
}
