import { describe, expect, it } from 'vitest';
import { parseWorkshopExport, renderJson } from '../../../src/summary/json';
import { mergeWorkshopExports } from '../../../src/summary/merge';
import { capture, sampleDoc, uuid } from './fixture';

const noteTaker = (captures: ReturnType<typeof capture>[], agenda = sampleDoc().agenda) =>
  sampleDoc({ workshop: { id: 'ws-notes', title: 'Muistiinpanot', goal: '' }, agenda, captures, promptsUsed: [], exportedBy: 'Kirjuri' });

describe('mergeWorkshopExports', () => {
  it('adds new captures into the base workshop', () => {
    const base = sampleDoc();
    const fresh = capture({ id: uuid(900), text: 'Uusi ajatus', phaseId: 'p-ideas', workshopId: 'ws-notes', createdAt: 50 });
    const { doc, report } = mergeWorkshopExports(base, noteTaker([fresh]));
    expect(report).toEqual({ added: 1, updated: 0, skippedDuplicates: 0, conflicts: [] });
    expect(doc.captures).toHaveLength(base.captures.length + 1);
    expect(doc.captures.find((c) => c.id === fresh.id)?.workshopId).toBe('ws-1');
    expect(doc.workshop).toEqual(base.workshop);
  });

  it('skips a different capture with the same normalised text in the same phase, keeping the larger vote count', () => {
    const base = sampleDoc();
    const dup = capture({ id: uuid(901), text: 'lisää  taukoja!', phaseId: 'p-ideas', votes: 7, tags: ['tauot'] });
    const otherPhase = capture({ id: uuid(902), text: 'Lisää taukoja', phaseId: 'p-close' });
    const { doc, report } = mergeWorkshopExports(base, noteTaker([dup, otherPhase]));
    expect(report).toMatchObject({ added: 1, skippedDuplicates: 1, updated: 1 });
    expect(doc.captures.find((c) => c.id === dup.id)).toBeUndefined();
    const kept = doc.captures.find((c) => c.id === uuid(101))!;
    expect(kept.votes).toBe(7);
    expect(kept.tags).toEqual(['tauot']);
    expect(doc.captures.find((c) => c.id === otherPhase.id)).toBeDefined();
  });

  it('matches the note-taker’s phases by title when the ids differ', () => {
    const dup = capture({ id: uuid(903), text: 'Lisää taukoja', phaseId: 'their-ideas', phaseTitle: 'ideointi' });
    const fresh = capture({ id: uuid(904), text: 'Uusi', phaseId: 'their-ideas', phaseTitle: 'Ideointi' });
    const { doc, report } = mergeWorkshopExports(sampleDoc(), noteTaker([dup, fresh], []));
    expect(report).toMatchObject({ added: 1, skippedDuplicates: 1 });
    expect(doc.captures.find((c) => c.id === fresh.id)).toMatchObject({ phaseId: 'p-ideas', phaseTitle: 'Ideointi' });
  });

  it('lets the newer version of the same capture win, and keeps the base when it is newer', () => {
    const base = sampleDoc();
    const original = base.captures[0]!;
    const newer = { ...original, text: 'Lisää taukoja joka tunti', updatedAt: original.updatedAt + 10, votes: 1 };
    const merged = mergeWorkshopExports(base, noteTaker([newer]));
    expect(merged.report).toMatchObject({ added: 0, updated: 1 });
    expect(merged.doc.captures.find((c) => c.id === original.id)).toMatchObject({ text: 'Lisää taukoja joka tunti', votes: 3 });

    const older = { ...original, text: 'vanha', updatedAt: original.updatedAt - 10 };
    const kept = mergeWorkshopExports(base, noteTaker([older]));
    expect(kept.report).toMatchObject({ added: 0, updated: 0 });
    expect(kept.doc.captures.find((c) => c.id === original.id)?.text).toBe('Lisää taukoja');
  });

  it('carries a newer deletion over, and leaves out deleted captures the base never had', () => {
    const base = sampleDoc();
    const deleted = { ...base.captures[1]!, deletedAt: 99, updatedAt: base.captures[1]!.updatedAt + 1 };
    const neverSeen = capture({ id: uuid(905), text: 'roskaa', deletedAt: 5 });
    const { doc, report } = mergeWorkshopExports(base, noteTaker([deleted, neverSeen]));
    expect(report).toMatchObject({ added: 0, updated: 1 });
    expect(doc.captures.find((c) => c.id === deleted.id)?.deletedAt).toBe(99);
    expect(doc.captures.find((c) => c.id === neverSeen.id)).toBeUndefined();
  });

  it('reports same-time edits that disagree as conflicts and keeps the base', () => {
    const base = sampleDoc();
    const clash = { ...base.captures[0]!, text: 'toinen versio' };
    const { doc, report } = mergeWorkshopExports(base, noteTaker([clash]));
    expect(report.conflicts).toEqual([{ reason: 'same-updated-at', captureId: clash.id, kept: 'base' }]);
    expect(doc.captures.find((c) => c.id === clash.id)?.text).toBe('Lisää taukoja');
  });

  it('is idempotent: merging the same export again changes and adds nothing', () => {
    const base = sampleDoc();
    const incoming = noteTaker([
      capture({ id: uuid(906), text: 'Uusi', phaseId: 'p-ideas', createdAt: 10 }),
      capture({ id: uuid(907), text: 'Lisää taukoja', phaseId: 'p-ideas', votes: 9, owner: 'Aino' }),
      { ...base.captures[2]!, updatedAt: base.captures[2]!.updatedAt + 5, votes: 1 },
      capture({ id: uuid(908), text: 'uusi', phaseId: 'p-ideas', createdAt: 11 }),
    ]);
    const once = mergeWorkshopExports(base, incoming);
    expect(once.report).toMatchObject({ added: 1, skippedDuplicates: 2 });
    const twice = mergeWorkshopExports(once.doc, incoming);
    expect(twice.doc).toEqual(once.doc);
    expect(twice.report.added).toBe(0);
    expect(twice.report.updated).toBe(0);
    expect(twice.report.conflicts).toEqual([]);
    expect(mergeWorkshopExports(once.doc, once.doc).doc).toEqual(once.doc);
  });

  it('takes the agenda from the base, or from the incoming export if the base has none', () => {
    const incoming = noteTaker([], [{ phaseId: 'x', title: 'X', kind: 'k', plannedSec: 60 }]);
    expect(mergeWorkshopExports(sampleDoc(), incoming).doc.agenda).toEqual(sampleDoc().agenda);
    expect(mergeWorkshopExports(sampleDoc(), incoming).report.conflicts).toEqual([{ reason: 'agenda-differs', kept: 'base' }]);
    expect(mergeWorkshopExports(sampleDoc({ agenda: [] }), incoming).doc.agenda).toEqual(incoming.agenda);
  });

  it('unions prompt uses and participants without duplicates', () => {
    const base = sampleDoc();
    const incoming = sampleDoc({
      promptsUsed: [...base.promptsUsed, { cardId: 'card-2', title: 'Toinen', at: 1, action: 'shown' }],
      participants: [{ key: 'a', name: 'Aino' }, { key: 'c', name: 'Cecilia' }],
    });
    const { doc } = mergeWorkshopExports(base, incoming);
    expect(doc.promptsUsed.map((p) => p.cardId)).toEqual(['card-2', 'card-voice']);
    expect(doc.participants?.map((p) => p.key)).toEqual(['a', 'b', 'c']);
  });

  it('a deletion in an exported file (a tombstone without text) still deletes the capture on merge', () => {
    const base = sampleDoc();
    const deletedLater = { ...base.captures[0]!, deletedAt: base.captures[0]!.updatedAt + 10, updatedAt: base.captures[0]!.updatedAt + 10 };
    const exported = parseWorkshopExport(renderJson({ ...base, captures: [deletedLater] }));
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.doc.captures[0]!.text).toBe('');
    const { doc, report } = mergeWorkshopExports(base, exported.doc);
    expect(report.updated).toBe(1);
    expect(doc.captures.find((c) => c.id === deletedLater.id)?.deletedAt).toBe(deletedLater.deletedAt);
  });
});
