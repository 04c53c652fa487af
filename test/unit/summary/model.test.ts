import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/summary/edits';
import { floorFromLiveState } from '../../../src/summary/floor';
import { buildSummary, withoutExcluded, withoutQuery } from '../../../src/summary/model';
import { capture, sampleDoc, T0, uuid } from './fixture';

describe('buildSummary', () => {
  const summary = buildSummary(sampleDoc());

  it('compares plan and actual per phase, and says how the whole went in one word', () => {
    expect(summary.agenda.rows.map((r) => [r.phaseId, r.plannedSec, r.actualSec, r.deltaSec])).toEqual([
      ['p-open', 600, 720, 120],
      ['p-ideas', 1800, 1500, -300],
      ['p-close', 600, undefined, undefined],
    ]);
    expect(summary.agenda).toMatchObject({ plannedSec: 3000, actualSec: 2220, ranCount: 2, outcome: 'ended-early' });
    const all = (actual: number[]) =>
      buildSummary(sampleDoc({ agenda: actual.map((a, i) => ({ phaseId: `p${i}`, title: `P${i}`, kind: 'plenary', plannedSec: 600, actualSec: a })) })).agenda;
    expect(all([600, 630])).toMatchObject({ outcome: 'on-time' });
    expect(all([900, 900])).toMatchObject({ outcome: 'over', deltaSec: 600 });
    expect(all([300, 600])).toMatchObject({ outcome: 'under', deltaSec: -300 });
    expect(buildSummary(sampleDoc({ agenda: [{ phaseId: 'a', title: 'A', kind: 'plenary', plannedSec: 60 }] })).agenda.outcome).toBe('not-run');
  });

  it('lists decisions, actions and experiments up front and the other captures by phase, then theme', () => {
    expect(summary.decisions.map((c) => c.text)).toEqual(['Kokeillaan etäkahveja']);
    expect(summary.actions.map((c) => c.text)).toEqual(['Varaa tila', 'Päivitä sivu']);
    expect(summary.experiments.map((c) => c.text)).toEqual(['Etäkahvit kahdesti viikossa']);
    expect(summary.phases.map((p) => [p.phaseId, p.themes.flatMap((t) => t.captures.map((c) => c.text))])).toEqual([
      ['p-ideas', ['Lisää taukoja', 'Kuka vastaa viestinnästä?']],
      [undefined, ['Irrallinen huomio']],
    ]);
    expect(summary.captureCount).toBe(7);
    expect(summary.allCaptures.map((c) => c.text)).not.toContain('Poistettu muistiinpano');
    expect(summary.allCaptures).toHaveLength(7);
  });

  it('groups a phase by theme: themes in the order they came up, then the unthemed', () => {
    const doc = sampleDoc({
      captures: [
        capture({ text: 'c', createdAt: 1 }),
        capture({ text: 'b', theme: 'Teknologia', createdAt: 2 }),
        capture({ text: 'a', theme: 'Kanavat', createdAt: 3 }),
        capture({ text: 'd', theme: 'Teknologia', createdAt: 4 }),
      ],
    });
    expect(buildSummary(doc).phases[0]!.themes.map((t) => [t.theme, t.captures.map((c) => c.text)])).toEqual([
      ['Teknologia', ['b', 'd']],
      ['Kanavat', ['a']],
      [undefined, ['c']],
    ]);
  });

  it('sorts actions by due date with undated last', () => {
    const doc = sampleDoc({
      captures: [
        capture({ text: 'none', kind: 'action', createdAt: 1 }),
        capture({ text: 'late', kind: 'action', due: '2026-01-10', createdAt: 2 }),
        capture({ text: 'soon', kind: 'action', due: '2025-12-01', createdAt: 3 }),
      ],
    });
    expect(buildSummary(doc).actions.map((c) => c.text)).toEqual(['soon', 'late', 'none']);
  });

  it('condenses the prompt log to the cards acted on', () => {
    const uses = [
      ...Array.from({ length: 6 }, (_, i) => ({ cardId: 'wait', title: 'Odota', at: T0 + i, action: 'shown' as const })),
      { cardId: 'wait', title: 'Odota', at: T0 + 10, action: 'used' as const, phaseId: 'p-ideas' },
      { cardId: 'round', title: 'Kierros', at: T0 + 20, action: 'used' as const, phaseId: 'p-open' },
      { cardId: 'round', title: 'Kierros', at: T0 + 30, action: 'used' as const, phaseId: 'p-ideas' },
      { cardId: 'name', title: 'Nimeä', at: T0 + 40, action: 'shown' as const },
      { cardId: 'break', title: 'Tauko', at: T0 + 50, action: 'dismissed' as const },
    ];
    const s = buildSummary(sampleDoc({ promptsUsed: uses }));
    expect(s.cardsUsed.map((c) => [c.title, c.count, c.phaseTitles])).toEqual([
      ['Kierros', 2, ['Avaus', 'Ideointi']],
      ['Odota', 1, ['Ideointi']],
    ]);
    expect(s.cardsShownNotUsed).toBe(2);
  });

  it('writes a facilitation note only with statistics, and names in it only with participants', () => {
    const floor = floorFromLiveState({
      queue: { granted: [{ key: 'a', name: 'Aino', raisedAt: T0, grantedAt: T0 + 40_000 }, { key: 'b', name: 'Bertil', raisedAt: T0, grantedAt: T0 + 120_000 }] },
      goAround: {
        order: 'as-listed',
        perPersonSec: 60,
        startedAt: T0 + 200_000,
        names: { a: 'Aino', b: 'Bertil' },
        past: [
          { key: 'a', startedAt: T0 + 200_000, endedAt: T0 + 250_000, outcome: 'done' },
          { key: 'b', startedAt: T0 + 250_000, endedAt: T0 + 251_000, outcome: 'skipped' },
        ],
      },
    });
    const note = buildSummary(sampleDoc({ floor })).facilitation!;
    expect(note).toMatchObject({ turnCount: 7, speakerCount: 2, facilitatorShare: 0.25, balance: 0.8 });
    expect(note.floor).toMatchObject({ handsGranted: 2, averageWaitSec: 80, longestWaitSec: 120, goArounds: [{ turns: 1, skipped: 1, perPersonSec: 60 }] });
    expect(note.floor!.grants!.map((g) => [g.name, g.waitedSec])).toEqual([['Aino', 40], ['Bertil', 120]]);
    const anonymous = buildSummary(sampleDoc({ floor, includeParticipants: false })).facilitation!;
    expect(anonymous.speakers).toBeUndefined();
    expect(anonymous).toMatchObject({ turnCount: 7, speakerCount: 2 });
    expect(anonymous.floor!.grants).toBeUndefined();
    expect(JSON.stringify(anonymous)).not.toMatch(/Aino|Bertil/);
    expect(buildSummary(sampleDoc({ floor, includeStats: false })).facilitation).toBeUndefined();
  });

  it('leaves out participants the user did not include', () => {
    const s = buildSummary(sampleDoc({ includeParticipants: false, includeStats: false }));
    expect(s.participants).toBeUndefined();
    expect(s.facilitation).toBeUndefined();
  });
});

describe('withoutExcluded (every format goes through it)', () => {
  const zoom = 'https://app.zoom.us/wc/123/join?pwd=s3cret#success';
  const doc = () =>
    sampleDoc({
      captures: [
        capture({ id: uuid(1), text: 'live', source: { type: 'chat', author: 'Bertil', url: zoom } }),
        capture({ id: uuid(2), text: 'salainen poistettu', owner: 'Aino', theme: 'x', tags: ['y'], deletedAt: T0 + 1, source: { type: 'chat', author: 'Aino', url: zoom } }),
        capture({ id: uuid(3), text: 'yhdistetty kopio', mergedInto: uuid(1) }),
      ],
    });

  it('drops excluded fields and keeps key order', () => {
    const out = withoutExcluded(sampleDoc({ includeParticipants: false, includeStats: false }));
    expect('participants' in out || 'participation' in out || 'turnTotals' in out || 'balance' in out || 'facilitatorShare' in out).toBe(false);
    expect(Object.keys(withoutExcluded(sampleDoc()))).toEqual(Object.keys(sampleDoc()));
  });

  it('strips query and fragment from page addresses unless the user keeps them', () => {
    expect(withoutExcluded(doc()).captures[0]!.source.url).toBe('https://app.zoom.us/wc/123/join');
    expect(withoutExcluded({ ...doc(), keepFullUrls: true }).captures[0]!.source.url).toBe(zoom);
    expect(withoutQuery('javascript:alert(1)')).toBeUndefined();
    expect(withoutQuery('https://user:pw@host.example/a?b')).toBe('https://host.example/a');
  });

  it('keeps chat authors only with participant names', () => {
    expect(withoutExcluded(doc()).captures[0]!.source.author).toBe('Bertil');
    expect(withoutExcluded({ ...doc(), includeParticipants: false }).captures[0]!.source.author).toBeUndefined();
  });

  it('reduces deleted captures to a tombstone without their text; merged duplicates keep theirs', () => {
    const [, deleted, merged] = withoutExcluded(doc()).captures;
    expect(deleted).toEqual({ id: uuid(2), workshopId: 'ws-1', kind: 'idea', text: '', tags: [], source: { type: 'chat' }, createdAt: T0, updatedAt: T0, votes: 0, deletedAt: T0 + 1 });
    expect(merged).toMatchObject({ text: 'yhdistetty kopio', mergedInto: uuid(1) });
    expect(JSON.stringify(withoutExcluded(doc()))).not.toMatch(/salainen|pwd|s3cret/);
  });
});

describe('applyEdits', () => {
  it('changes the title, adds an introduction and leaves captures out, without touching the original', () => {
    const original = sampleDoc();
    const before = JSON.stringify(original);
    const edited = applyEdits(original, { title: ' Työpaja 1: tulokset ', introduction: 'Hei kaikki', omitCaptureIds: [uuid(101)], omitCards: true });
    expect(edited.workshop.title).toBe('Työpaja 1: tulokset');
    expect(edited.workshop.introduction).toBe('Hei kaikki');
    expect(edited.captures.map((c) => c.id)).not.toContain(uuid(101));
    expect(edited.promptsUsed).toEqual([]);
    expect(JSON.stringify(original)).toBe(before);
    expect(buildSummary(edited)).toMatchObject({ title: 'Työpaja 1: tulokset', introduction: 'Hei kaikki' });
    expect(applyEdits(original, { title: '  ' }).workshop.title).toBe(original.workshop.title);
  });
});
