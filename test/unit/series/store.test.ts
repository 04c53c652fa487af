import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seriesContents, updateSeries } from '../../../src/background/series';
import { workshops } from '../../../src/store/workshops';

// The series record through the background: quick changes one after another all stay.

describe('series updates', () => {
  it('keeps every tagging when several arrive at once, and untags with an empty organisation', async () => {
    await workshops.put({ id: 'w1', title: 'T', goal: '', lang: 'en', scriptId: 's1', workshopIndex: 0, createdAt: 1, updatedAt: 1, includeParticipants: false, includeStats: false });
    const names = ['Ann', 'Bo', 'Cy', 'Dee'];
    await Promise.all(names.map((name, i) => updateSeries('w1', { tag: { name, organisation: i % 2 ? 'Firm' : 'City' } })));
    await updateSeries('w1', { tag: { name: 'Cy', organisation: ' ' }, dotBudget: 2 });
    const contents = await seriesContents('w1');
    expect(contents.ok && contents.value.series.organisations.map((o) => o.name).sort()).toEqual(['Ann', 'Bo', 'Dee']);
    expect(contents.ok && contents.value.series.dotBudget).toBe(2);
    expect((await updateSeries('missing', { dotBudget: 3 })).ok).toBe(false);
  });
});

describe('deleting a series', () => {
  it('removes the series record (names of organisations and groups) with its last workshop only', async () => {
    const { deleteWorkshop } = await import('../../../src/background/workshops');
    const { series } = await import('../../../src/store/series');
    const base = { title: 'T', goal: '', lang: 'en' as const, scriptId: 's2', createdAt: 1, updatedAt: 1, includeParticipants: false, includeStats: false };
    await workshops.put({ ...base, id: 'a', workshopIndex: 0 });
    await workshops.put({ ...base, id: 'b', workshopIndex: 1 });
    await updateSeries('a', { tag: { name: 'Ann', organisation: 'City' }, groups: [['Ann', 'Bo']] });
    await deleteWorkshop('a');
    expect(await series.get('s2')).toBeDefined();
    await deleteWorkshop('b');
    expect(await series.get('s2')).toBeUndefined();
  });
});
