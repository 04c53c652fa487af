import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { addCapture, addCaptures, createFromTemplate } from '../../../src/background/workshops';
import { DEFAULT_TEMPLATE_ID } from '../../../src/script/templates';
import { capturesOf } from '../../../src/store/captures';

// A save the background committed but could not confirm (it was stopped before replying) is
// retried by the panel with the same client-made id: the retry must not store a second capture.

describe('idempotent capture saves', () => {
  it('a retried capture with the same id is stored once, and the first record is kept', async () => {
    const created = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'fi');
    if (!created.ok) throw new Error('no workshop');
    const workshopId = created.value.workshop.id;
    const id = crypto.randomUUID();
    const first = await addCapture({ id, workshopId, text: 'Kokeillaan parityötä', kind: 'idea', source: { type: 'hotkey' } }, 1000);
    const retry = await addCapture({ id, workshopId, text: 'Kokeillaan parityötä', kind: 'idea', source: { type: 'hotkey' } }, 2000);
    expect(retry).toEqual(first);
    const stored = await capturesOf(workshopId);
    expect(stored.filter((c) => c.id === id)).toHaveLength(1);
    expect(stored.find((c) => c.id === id)?.createdAt).toBe(1000);
  });

  it('a retried board selection adds only what was not stored yet', async () => {
    const created = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
    if (!created.ok) throw new Error('no workshop');
    const workshopId = created.value.workshop.id;
    const items = ['One', 'Two', 'Three'].map((text) => ({ id: crypto.randomUUID(), text, kind: 'idea' as const }));
    await addCaptures(workshopId, items.slice(0, 2), { type: 'whiteboard' });
    const again = await addCaptures(workshopId, items, { type: 'whiteboard' });
    expect(again.map((c) => c.id)).toEqual(items.map((i) => i.id));
    expect((await capturesOf(workshopId)).map((c) => c.text).sort()).toEqual(['One', 'Three', 'Two']);
  });

  it("a board note's id goes with its own capture's source only", async () => {
    const created = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
    if (!created.ok) throw new Error('no workshop');
    const workshopId = created.value.workshop.id;
    await addCaptures(workshopId, [{ text: 'Same words', kind: 'idea', note: 'n-1' }, { text: 'Same words', kind: 'idea', note: 'n-2' }, { text: 'No id', kind: 'idea' }], { type: 'whiteboard', site: 'excalidraw' });
    const sources = (await capturesOf(workshopId)).map((c) => c.source).sort((a, b) => String(a.note).localeCompare(String(b.note)));
    expect(sources).toEqual([
      { type: 'whiteboard', site: 'excalidraw', note: 'n-1' },
      { type: 'whiteboard', site: 'excalidraw', note: 'n-2' },
      { type: 'whiteboard', site: 'excalidraw' },
    ]);
  });

  it('an id of another workshop is refused, and nothing of the batch is stored', async () => {
    const a = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
    const b = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
    if (!a.ok || !b.ok) throw new Error('no workshop');
    const id = crypto.randomUUID();
    await addCapture({ id, workshopId: a.value.workshop.id, text: 'Mine', kind: 'idea', source: { type: 'hotkey' } });
    const other = { id: crypto.randomUUID(), text: 'Other', kind: 'idea' as const };
    await expect(addCaptures(b.value.workshop.id, [other, { id, text: 'Stolen', kind: 'idea' }], { type: 'paste' })).rejects.toBeTruthy();
    expect(await capturesOf(b.value.workshop.id)).toEqual([]);
    expect((await capturesOf(a.value.workshop.id))[0]?.text).toBe('Mine');
  });
});
