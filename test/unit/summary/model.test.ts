import { describe, expect, it } from 'vitest';
import { buildSummary, withoutExcluded } from '../../../src/summary/model';
import { capture, sampleDoc, uuid } from './fixture';

describe('buildSummary', () => {
  const summary = buildSummary(sampleDoc());

  it('compares plan and actual per phase, from actualSec or start and end', () => {
    expect(summary.agenda.rows.map((r) => [r.phaseId, r.plannedSec, r.actualSec, r.deltaSec])).toEqual([
      ['p-open', 600, 720, 120],
      ['p-ideas', 1800, 1500, -300],
      ['p-close', 600, undefined, undefined],
    ]);
    expect(summary.agenda.plannedSec).toBe(3000);
    expect(summary.agenda.actualSec).toBe(2220);
    // Only phases that ran count in the total difference.
    expect(summary.agenda.deltaSec).toBe(-180);
  });

  it('groups live captures by agenda phase, then kind in a fixed order, then the unphased', () => {
    expect(summary.phases.map((p) => [p.phaseId, p.kinds.map((k) => k.kind)])).toEqual([
      ['p-ideas', ['idea', 'question', 'decision', 'experiment']],
      ['p-close', ['action']],
      [undefined, ['note']],
    ]);
    expect(summary.captureCount).toBe(7);
    const texts = summary.phases.flatMap((p) => p.kinds.flatMap((k) => k.captures.map((c) => c.text)));
    expect(texts).not.toContain('Poistettu muistiinpano');
  });

  it('keeps phases the agenda does not know, under their capture-given title', () => {
    const doc = sampleDoc({ captures: [capture({ text: 'x', phaseId: 'p-extra', phaseTitle: 'Lisävaihe' })] });
    expect(buildSummary(doc).phases).toMatchObject([{ phaseId: 'p-extra', title: 'Lisävaihe' }]);
  });

  it('groups a kind by theme, unthemed last', () => {
    const doc = sampleDoc({
      captures: [
        capture({ text: 'c', createdAt: 1 }),
        capture({ text: 'b', theme: 'Teknologia', createdAt: 2 }),
        capture({ text: 'a', theme: 'Kanavat', createdAt: 3 }),
        capture({ text: 'd', theme: 'Kanavat', createdAt: 4 }),
      ],
    });
    expect(buildSummary(doc).phases[0]!.kinds[0]!.captures.map((c) => c.text)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('lists decisions, experiments, and actions by due date with undated last', () => {
    expect(summary.decisions.map((c) => c.text)).toEqual(['Kokeillaan etäkahveja']);
    expect(summary.experiments.map((c) => c.text)).toEqual(['Etäkahvit kahdesti viikossa']);
    const doc = sampleDoc({
      captures: [
        capture({ text: 'none', kind: 'action', createdAt: 1 }),
        capture({ text: 'late', kind: 'action', due: '2026-01-10', createdAt: 2 }),
        capture({ text: 'soon', kind: 'action', due: '2025-12-01', createdAt: 3 }),
      ],
    });
    expect(buildSummary(doc).actions.map((c) => c.text)).toEqual(['soon', 'late', 'none']);
  });

  it('ranks top-voted captures, most votes first, at most ten', () => {
    expect(summary.topVoted.map((c) => c.votes)).toEqual([5, 3]);
    const many = sampleDoc({ captures: Array.from({ length: 15 }, (_, i) => capture({ id: uuid(700 + i), text: `v${i}`, votes: i })) });
    expect(buildSummary(many).topVoted.map((c) => c.votes)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
  });

  it('carries goal, intermediate task, prompts and participation', () => {
    expect(summary.goal).toBe('Sopia kokeiluista');
    expect(summary.intermediateTask).toBe('Kokeile yhtä käytäntöä tiimissäsi');
    expect(summary.promptsUsed).toHaveLength(1);
    expect(summary.participation?.speakers.map((s) => s.name)).toEqual(['Aino', 'Bertil']);
    expect(summary.participation?.balance).toBe(0.8);
    expect(summary.participants).toHaveLength(2);
  });

  it('leaves out participants and statistics the user did not include', () => {
    const s = buildSummary(sampleDoc({ includeParticipants: false, includeStats: false }));
    expect(s.participants).toBeUndefined();
    expect(s.participation).toBeUndefined();
  });
});

describe('withoutExcluded', () => {
  it('drops excluded fields and keeps key order', () => {
    const doc = withoutExcluded(sampleDoc({ includeParticipants: false, includeStats: false }));
    expect('participants' in doc || 'participation' in doc || 'balance' in doc || 'facilitatorShare' in doc).toBe(false);
    expect(Object.keys(withoutExcluded(sampleDoc()))).toEqual(Object.keys(sampleDoc()));
  });
});
