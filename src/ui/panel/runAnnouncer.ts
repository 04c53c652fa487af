import { crossedMilestone, type RunState } from '../../script/timing';

/** What the announcer compares from one reading of the run to the next. */
export interface RunMoment {
  workshopId: string;
  status: RunState['status'];
  phaseIndex: number;
  phaseCount: number;
  phaseId: string;
  phaseTitle: string;
  effectiveSec: number;
  remainingMs: number;
}

/** One message for the live region; `phase` is script text, spoken in the script's language. */
export interface Announcement {
  key: string;
  params: Record<string, string | number>;
  phase?: string;
}

export function runMoment(workshopId: string, state: RunState): RunMoment {
  return {
    workshopId,
    status: state.status,
    phaseIndex: state.phaseIndex,
    phaseCount: state.phases.length,
    phaseId: state.phase.id,
    phaseTitle: state.phase.title,
    effectiveSec: state.phase.effectiveSec,
    remainingMs: state.remainingMs,
  };
}

/**
 * What changed between two readings, said once: started, paused, resumed, another phase, time
 * added, finished, or a time milestone crossed. Nothing on the first reading (the tab just opened)
 * or when nothing changed, so the clock ticking says nothing. Changes made in another tab are
 * said too: they are the same change to the same workshop.
 */
export function runAnnouncement(before: RunMoment | undefined, after: RunMoment): Announcement | undefined {
  if (!before || before.workshopId !== after.workshopId) return undefined;
  const phase = { key: '', params: { n: after.phaseIndex + 1, total: after.phaseCount }, phase: after.phaseTitle };
  if (after.status === 'finished') return before.status === 'finished' ? undefined : { key: 'runSaidFinished', params: {} };
  if (before.status === 'not-started') return after.status === 'not-started' ? undefined : { ...phase, key: 'runSaidStarted' };
  if (before.phaseId !== after.phaseId) return { ...phase, key: 'runSaidPhase' };
  if (before.status === 'running' && after.status === 'paused') return { key: 'runSaidPaused', params: {} };
  if (before.status === 'paused' && after.status === 'running') return { key: 'runSaidResumed', params: {} };
  // The new length, not only "+1 min": pressed twice, the same words would not be spoken again.
  if (after.effectiveSec > before.effectiveSec) {
    return { key: 'runSaidExtended', params: { added: Math.round((after.effectiveSec - before.effectiveSec) / 60), min: Math.round(after.effectiveSec / 60) } };
  }
  const milestone = after.status === 'running' ? crossedMilestone(before.remainingMs, after.remainingMs) : null;
  return milestone ? { key: `milestone_${milestone.replace('-', '_')}`, params: {}, phase: after.phaseTitle } : undefined;
}
