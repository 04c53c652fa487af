import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n';
import { runAnnouncement, type RunMoment } from '../../../src/ui/panel/runAnnouncer';

// The Script tab's live region said only time milestones: Start, Pause, Resume, Next phase, Back,
// +1 min, a jump in the agenda and Finish left a screen-reader user guessing whether it worked.

const running: RunMoment = {
  workshopId: 'w1',
  status: 'running',
  phaseIndex: 1,
  phaseCount: 10,
  phaseId: 'intro',
  phaseTitle: 'Introductions',
  effectiveSec: 600,
  remainingMs: 400_000,
};

const said = (before: RunMoment | undefined, after: RunMoment, lang: 'en' | 'fi' = 'en') => {
  const a = runAnnouncement(before, after);
  return a && t(a.key, a.phase === undefined ? a.params : { ...a.params, phase: a.phase }, lang);
};

describe('runAnnouncement', () => {
  it('says each change once, in a few words', () => {
    const notStarted = { ...running, status: 'not-started' as const, phaseIndex: 0, phaseId: 'open', phaseTitle: 'Opening' };
    expect(said(notStarted, { ...notStarted, status: 'running' })).toBe('Started. Phase 1/10: Opening');
    expect(said(running, { ...running, status: 'paused' })).toBe('Paused');
    expect(said({ ...running, status: 'paused' }, running)).toBe('Resumed');
    expect(said(running, { ...running, phaseIndex: 2, phaseId: 'work', phaseTitle: 'Work' })).toBe('Phase 3/10: Work');
    expect(said(running, { ...running, phaseIndex: 0, phaseId: 'open', phaseTitle: 'Opening' })).toBe('Phase 1/10: Opening');
    expect(said(running, { ...running, effectiveSec: 660, remainingMs: 460_000 })).toBe('+1 min: this phase is now 11 min');
    expect(said(running, { ...running, status: 'finished' })).toBe('The workshop is finished.');
    expect(said({ ...running, status: 'paused' }, { ...running, status: 'paused' }, 'fi')).toBeUndefined();
    expect(said(running, { ...running, status: 'paused' }, 'fi')).toBe('Keskeytetty');
    expect(said(running, { ...running, effectiveSec: 900 }, 'fi')).toBe('+5 min: vaihe kestää nyt 15 min');
  });

  it('a second +1 min says other words than the first, so it is spoken too', () => {
    const once = { ...running, effectiveSec: 660 };
    expect(said(once, { ...once, effectiveSec: 720 })).not.toBe(said(running, once));
  });

  it('says nothing as the clock ticks, on the first reading, or for another workshop', () => {
    expect(said(running, { ...running, remainingMs: 399_000 })).toBeUndefined();
    expect(said(undefined, running)).toBeUndefined();
    expect(said(running, { ...running, workshopId: 'w2', status: 'paused' })).toBeUndefined();
    expect(said({ ...running, status: 'finished' }, { ...running, status: 'finished' })).toBeUndefined();
  });

  it('still says the time milestones, naming the phase', () => {
    expect(said({ ...running, remainingMs: 61_000 }, { ...running, remainingMs: 59_000 })).toBe('One minute left in Introductions.');
    expect(said({ ...running, remainingMs: 61_000, status: 'paused' }, { ...running, remainingMs: 61_000, status: 'paused' })).toBeUndefined();
  });
});
