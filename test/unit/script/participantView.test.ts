import { describe, expect, it } from 'vitest';
import { announcementText, participantView } from '../../../src/script/participantView';
import { formatTime } from '../../../src/summary/format';
import { formatClock } from '../../../src/ui/shared/clock';
import { SCRIPT_FORMAT, SCRIPT_SCHEMA_VERSION, type Script } from '../../../src/script/schema';
import { createRun, type Run, type RunEvent } from '../../../src/script/timing';

// Local wall-clock times, so the end time reads the same in any time zone the tests run in.
const T0 = new Date(2026, 0, 15, 13, 40, 0).getTime();
const MIN = 60_000;

function script(lang: 'fi' | 'en'): Script {
  const phase = (id: string, title: string, min: number, participantInstructions: string) => ({
    id,
    title,
    goal: '',
    durationSec: min * 60,
    facilitatorNotes: 'Secret facilitator note',
    participantInstructions,
    promptCardIds: [],
    kind: 'plenary' as const,
  });
  return {
    format: SCRIPT_FORMAT,
    schemaVersion: SCRIPT_SCHEMA_VERSION,
    id: 's',
    title: 'Script',
    description: '',
    lang,
    workshops: [
      {
        id: 'w',
        title: 'Workshop',
        goal: '',
        phases: [
          phase('a', lang === 'fi' ? 'Virittäytyminen' : 'Check-in', 10, ''),
          phase('b', lang === 'fi' ? 'Pienryhmät' : 'Small groups', 20, lang === 'fi' ? 'Keskustelkaa pareittain.\nKirjatkaa taululle.' : 'Talk in pairs.\nWrite on the board.'),
        ],
      },
    ],
  };
}

function runOf(s: Script, events: RunEvent[]): Run {
  return { ...createRun(s, 0, 'r'), events };
}

describe('participantView', () => {
  it('shows the phase, the time left and the instructions, in the workshop language, without facilitator notes', () => {
    const s = script('fi');
    const run = runOf(s, [{ type: 'start', at: T0 }, { type: 'next', at: T0 + 5 * MIN }]);
    const view = participantView(s, 0, run, T0 + 10 * MIN);
    expect(view).toMatchObject({ lang: 'fi', status: 'running', phaseId: 'b', phaseLabel: 'Vaihe 2/2', phaseTitle: 'Pienryhmät', timeLeft: '15:00', statusText: 'jäljellä tässä vaiheessa', over: false });
    expect(view.instructions).toBe('Keskustelkaa pareittain.\nKirjatkaa taululle.');
    expect(view.endsAtMs).toBe(T0 + 25 * MIN);
    expect(JSON.stringify(view)).not.toContain('Secret');
  });

  it('follows pauses, time running out, and the end', () => {
    const s = script('en');
    const paused = participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }, { type: 'pause', at: T0 + 4 * MIN }]), T0 + 9 * MIN);
    expect(paused).toMatchObject({ status: 'paused', timeLeft: '6:00', statusText: 'Paused', phaseLabel: 'Phase 1 of 2' });
    expect(paused.endsAtMs).toBeUndefined();
    const over = participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }]), T0 + 12 * MIN);
    expect(over).toMatchObject({ over: true, timeLeft: '0:00', statusText: 'Time is up' });
    expect(over.endsAtMs).toBeUndefined();
    expect(participantView(s, 0, runOf(s, []), T0)).toMatchObject({ status: 'not-started', statusText: 'Starting soon', timeLeft: '10:00' });
    expect(participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }, { type: 'finish', at: T0 + MIN }]), T0 + 2 * MIN)).toMatchObject({
      status: 'finished',
      timeLeft: '0:00',
      statusText: 'The workshop has ended',
    });
  });
});

describe('participantView: what comes next', () => {
  it('names the next phase, and none after the last', () => {
    const s = script('en');
    expect(participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }]), T0 + MIN).nextTitle).toBe('Small groups');
    expect(participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }, { type: 'next', at: T0 + 5 * MIN }]), T0 + 6 * MIN).nextTitle).toBeUndefined();
  });
});

describe('announcementText', () => {
  it('Finnish: phase, "klo 14.05" and the instructions', () => {
    const s = script('fi');
    const view = participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }, { type: 'next', at: T0 + 5 * MIN }]), T0 + 15 * MIN);
    expect(announcementText(view)).toBe('Vaihe 2/2: Pienryhmät (päättyy klo 14.05)\nKeskustelkaa pareittain.\nKirjatkaa taululle.');
  });

  it('English: phase, "14:05" and the instructions', () => {
    const s = script('en');
    const view = participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }, { type: 'next', at: T0 + 5 * MIN }]), T0 + 15 * MIN);
    expect(announcementText(view).replace(/\u202f/g, ' ')).toBe('Phase 2 of 2: Small groups (ends at 14:05)\nTalk in pairs.\nWrite on the board.');
  });

  it('says a paused phase is paused, and leaves out empty instructions', () => {
    const s = script('en');
    const view = participantView(s, 0, runOf(s, [{ type: 'start', at: T0 }, { type: 'pause', at: T0 + 4 * MIN }]), T0 + 9 * MIN);
    expect(announcementText(view)).toBe('Phase 1 of 2: Check-in (paused, 6:00 left)');
  });

  // Over its time the announcement said nothing about the time, while the pop-out said "time is up";
  // a paused phase read "tauolla" in Finnish, the word of a break phase, where the panel says
  // "keskeytetty". Found in a Finnish walk-through.
  it('says the time is up when the phase is over its time, and "keskeytetty" for a paused one', () => {
    const fi = script('fi');
    expect(announcementText(participantView(fi, 0, runOf(fi, [{ type: 'start', at: T0 }]), T0 + 13 * MIN))).toBe('Vaihe 1/2: Virittäytyminen (aika on lopussa)');
    const en = script('en');
    expect(announcementText(participantView(en, 0, runOf(en, [{ type: 'start', at: T0 }]), T0 + 13 * MIN))).toBe('Phase 1 of 2: Check-in (time is up)');
    const paused = participantView(fi, 0, runOf(fi, [{ type: 'start', at: T0 }, { type: 'pause', at: T0 + 4 * MIN }]), T0 + 9 * MIN);
    expect(announcementText(paused)).toBe('Vaihe 1/2: Virittäytyminen (keskeytetty, 6:00 jäljellä)');
    expect(paused.statusText).toBe('Keskeytetty');
  });

  it('writes end times as the panel and the summary do: "9.05" in Finnish, "09:05" in English', () => {
    // The pop-out said "9:05 AM" while the panel said "09:05" for the same moment.
    for (const at of [new Date(2026, 0, 15, 9, 5).getTime(), new Date(2026, 0, 15, 22, 3).getTime()]) {
      for (const lang of ['fi', 'en'] as const) expect(formatTime(at, lang)).toBe(formatClock(at, lang));
    }
    const at = new Date(2026, 0, 15, 9, 5).getTime();
    expect(formatTime(at, 'fi')).toBe('9.05');
    expect(formatTime(at, 'en')).toBe('09:05');
  });
});
