import { describe, expect, it } from 'vitest';
import { Capture, findDuplicates, normaliseForDuplicate } from '../../../src/capture/schema';
import { capture, uuid } from '../summary/fixture';

describe('Capture schema', () => {
  it('accepts a complete capture and fills nothing in', () => {
    const c = capture({ text: 'Idea', owner: 'Aino', due: '2025-12-01', theme: 'Kanavat', source: { type: 'chat', author: 'Bertil', site: 'zoom' } });
    expect(Capture.parse(c)).toEqual(c);
  });

  it.each([
    ['id', { id: 'not-a-uuid' }],
    ['kind', { kind: 'wish' }],
    ['due', { due: '2025-02-30' }],
    ['votes', { votes: -1 }],
    ['votes', { votes: 1.5 }],
    ['text', { text: 'x'.repeat(10_001) }],
    ['source', { source: { type: 'telepathy' } }],
  ])('rejects a bad %s', (field, bad) => {
    const result = Capture.safeParse({ ...capture({ text: 'ok' }), ...bad });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });
});

describe('normaliseForDuplicate', () => {
  it('ignores case, punctuation, emoji and spacing but keeps Finnish letters apart', () => {
    expect(normaliseForDuplicate('  Lisää   TAUKOJA!! 🙂 ')).toBe('lisää taukoja');
    expect(normaliseForDuplicate('Lisää taukoja')).toBe(normaliseForDuplicate('lisää, taukoja.'));
    expect(normaliseForDuplicate('tämä')).not.toBe(normaliseForDuplicate('tama'));
    expect(normaliseForDuplicate('ﬁx')).toBe('fix');
  });
});

describe('findDuplicates', () => {
  it('groups equal normalised text, keeping the earliest as the original', () => {
    const late = capture({ text: 'More breaks!', createdAt: 3 });
    const early = capture({ text: 'more breaks', createdAt: 1 });
    const other = capture({ text: 'Fewer meetings', createdAt: 2 });
    const groups = findDuplicates([late, other, early]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.original.id).toBe(early.id);
    expect(groups[0]!.duplicates.map((c) => c.id)).toEqual([late.id]);
  });

  it('counts a short note contained in another short note, by whole words', () => {
    const a = capture({ text: 'more breaks', createdAt: 1 });
    const b = capture({ text: 'More breaks please', createdAt: 2 });
    const c = capture({ text: 'breaksmore breaks', createdAt: 3 });
    const groups = findDuplicates([a, b, c]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.duplicates.map((x) => x.id)).toEqual([b.id]);
  });

  // "Ei kokouksia perjantaisin" (no meetings on Fridays) contains "Kokouksia perjantaisin" but says
  // the opposite; merging them deleted one meaning (found in a note-taker's walk-through).
  it('does not take a note that adds a "no" for a copy of the one without', () => {
    const yes = capture({ text: 'Kokouksia perjantaisin', createdAt: 1 });
    const no = capture({ text: 'Ei kokouksia perjantaisin', createdAt: 2 });
    const notEn = capture({ text: "Don't add more breaks", createdAt: 3 });
    const en = capture({ text: 'add more breaks', createdAt: 4 });
    expect(findDuplicates([yes, no, notEn, en])).toEqual([]);
    // Both saying no, they are the same again.
    const no2 = capture({ text: 'ei kokouksia perjantaisin!', createdAt: 5 });
    expect(findDuplicates([yes, no, no2]).map((g) => [g.original.id, g.duplicates.map((d) => d.id)])).toEqual([[no.id, [no2.id]]]);
  });

  it('does not treat a phrase inside a long text, or a one-word note, as a duplicate', () => {
    const phrase = capture({ text: 'more breaks', createdAt: 1 });
    const long = capture({ text: `We should have more breaks ${'and a lot of other things to say '.repeat(4)}`, createdAt: 2 });
    const word = capture({ text: 'budget', createdAt: 3 });
    const withWord = capture({ text: 'budget for spring', createdAt: 4 });
    expect(findDuplicates([phrase, long, word, withWord])).toEqual([]);
  });

  it('chains transitively into one group', () => {
    const a = capture({ text: 'shared notes doc', createdAt: 1 });
    const b = capture({ text: 'Shared notes doc!', createdAt: 2 });
    const c = capture({ text: 'a shared notes doc for everyone', createdAt: 3 });
    const groups = findDuplicates([c, b, a]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.duplicates.map((x) => x.id)).toEqual([b.id, c.id]);
  });

  it('leaves out deleted and merged captures, empty text and other workshops', () => {
    const a = capture({ text: 'same text here', createdAt: 1 });
    const deleted = capture({ text: 'same text here', createdAt: 2, deletedAt: 5 });
    const merged = capture({ text: 'same text here', createdAt: 3, mergedInto: a.id });
    const elsewhere = capture({ text: 'same text here', createdAt: 4, workshopId: 'ws-2' });
    const empty1 = capture({ text: '!!!', createdAt: 5 });
    const empty2 = capture({ text: '   ', createdAt: 6 });
    expect(findDuplicates([a, deleted, merged, elsewhere, empty1, empty2])).toEqual([]);
  });

  it('can require the same phase', () => {
    const a = capture({ text: 'same text here', phaseId: 'p1', createdAt: 1 });
    const b = capture({ text: 'same text here', phaseId: 'p2', createdAt: 2 });
    expect(findDuplicates([a, b])).toHaveLength(1);
    expect(findDuplicates([a, b], { samePhase: true })).toEqual([]);
  });

  it('stays fast on many captures', () => {
    const many = Array.from({ length: 5000 }, (_, i) => capture({ id: uuid(50_000 + i), text: `note number ${i} about things`, createdAt: i }));
    expect(findDuplicates(many)).toEqual([]);
  });
});
