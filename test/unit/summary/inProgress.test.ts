import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../src/summary/model';
import { render } from '../../../src/summary/render';
import { changeDialogueExport } from './changeDialogue';

// A summary exported while the workshop is still running (the facilitator sends a status in the
// break, or exports to check it) says so: the phases not begun are still to come, not skipped,
// and the phase under way has its time so far and no "over" or "under".

describe('a summary exported while the workshop runs', () => {
  // Minute 100 of the Change Dialogue run: the break, phase 6 of 10, began at minute 96; the run finishes at 140.
  const running = (lang: 'fi' | 'en') => changeDialogueExport(lang, { atMinute: 100 });

  it('carries the phase it was in, and a finished workshop none', () => {
    const doc = running('en');
    expect(doc.inProgress).toEqual({ currentPhaseId: doc.agenda[5]!.phaseId });
    expect(changeDialogueExport('en').inProgress).toBeUndefined();
    const summary = buildSummary(doc);
    expect(summary.agenda.outcome).toBe('in-progress');
    expect(summary.agenda.ranCount).toBe(6);
    expect(summary.agenda.rows[5]).toMatchObject({ current: true, actualSec: 240, deltaSec: undefined });
    expect(summary.agenda.rows[4]!.current).toBeUndefined();
  });

  it('reads as still running in both languages, not as ended early', () => {
    const fi = render('md', running('fi'), 'fi', { timeZone: 'Europe/Helsinki' });
    expect(fi).toContain('Työpaja on vielä käynnissä: 6/10 vaihetta aloitettu, kesto tähän mennessä');
    expect(fi).not.toContain('päättyi ennen suunniteltua');
    expect(fi).not.toContain('ei pidetty');
    expect(fi).toMatch(/\| Välitehtävän ohjeet \| 10 min \| ei vielä \|/);
    expect(fi).toMatch(/\| Tauko \| 10 min \| 4 min \(käynnissä\) \|  \|/);
    const en = render('md', running('en'), 'en', { timeZone: 'Europe/Helsinki' });
    expect(en).toContain('The workshop is still running: 6 of 10 phases begun,');
    expect(en).not.toContain('ended early');
    expect(en).toContain('| not yet |');
    expect(en).toMatch(/\| 4 min \(running\) \|  \|/);
    // The finished run reads as before.
    expect(render('md', changeDialogueExport('fi'), 'fi', { timeZone: 'Europe/Helsinki' })).toContain('työpaja päättyi ennen suunniteltua (7/10 vaihetta pidettiin)');
  });
});
