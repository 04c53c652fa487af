import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'test' } } }));

const { derivedUuid, importAsNewWorkshop, importBegin, importChunk, importCommit } = await import('../../../src/background/library');
const { listWorkshops } = await import('../../../src/store/workshops');
const { db } = await import('../../../src/store/db');
import type { WorkshopExport } from '../../../src/summary/model';

let idBase = 0;
function exportOf(n: number): WorkshopExport {
  const base = idBase;
  idBase += n;
  return {
    format: 'vuoro-workshop',
    schemaVersion: 1,
    exportedAt: 1_700_000_000_000,
    lang: 'en',
    workshop: { id: 'elsewhere', title: 'Imported', goal: 'Goal' },
    agenda: [{ phaseId: 'p1', title: 'Opening', kind: 'plenary', plannedSec: 600 }],
    participants: [],
    captures: Array.from({ length: n }, (_, i) => ({
      id: `00000000-0000-4000-8000-${(base + i + 1).toString(16).padStart(12, '0')}`,
      workshopId: 'elsewhere',
      text: `Imported ${i}`,
      kind: 'idea' as const,
      tags: [],
      phaseId: 'p1',
      source: { type: 'import' as const },
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
      votes: 0,
    })),
    promptsUsed: [],
    includeParticipants: false,
    includeStats: false,
  } as WorkshopExport;
}

async function counts() {
  const database = await db();
  return {
    workshops: (await database.getAll('workshops')).length,
    scripts: (await database.getAll('scripts')).length,
    runs: (await database.getAll('runs')).length,
    captures: (await database.getAll('captures')).length,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('import', () => {
  it('is all or nothing: a write stopped midway leaves no workshop, script, run or capture behind', async () => {
    const before = await counts();
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      // As when the background is stopped during the write: the transaction never commits.
      // In the third batch of captures (they go 500 at a time): the workshop, script, run and the
      // batches already written go too.
      if (this.name === 'captures' && ++puts === 1100) queueMicrotask(() => this.transaction.abort());
      return request;
    });
    await expect(importAsNewWorkshop(exportOf(1205))).rejects.toBeDefined();
    expect(puts).toBeGreaterThan(1000);
    vi.restoreAllMocks();
    expect(await counts()).toEqual(before);
  });

  it('is all or nothing when a put is refused at once, and names that error, not the aborts it caused', async () => {
    const before = await counts();
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // In the first batch, while the workshop, script and run are still being written: their
      // requests fail with AbortError, and the reply must name the DataError that caused it.
      if (this.name === 'captures' && ++puts === 3) throw new DOMException('refused', 'DataError');
      return put.apply(this, args);
    });
    await expect(importAsNewWorkshop(exportOf(1205))).rejects.toMatchObject({ name: 'DataError' });
    vi.restoreAllMocks();
    expect(await counts()).toEqual(before);
  });

  it('imports the same file once when two commits of it come at the same time', async () => {
    const doc = exportOf(1205);
    const before = await counts();
    const [first, second] = await Promise.all([importAsNewWorkshop(doc), importAsNewWorkshop(structuredClone(doc))]);
    expect([first, second].map((r) => r.ok && r.value.alreadyImported === true).sort()).toEqual([false, true]);
    expect(await counts()).toEqual({ workshops: before.workshops + 1, scripts: before.scripts + 1, runs: before.runs + 1, captures: before.captures + 1205 });
  });

  it('writes the workshop, its script, run and captures together', async () => {
    const before = await counts();
    const doc = exportOf(1205);
    const reply = await importAsNewWorkshop(doc);
    expect(reply).toMatchObject({ ok: true, value: { added: 1205 } });
    // The id is the file's text hashed as before the text was built in slices, so a file imported by
    // an earlier version is still found as already imported.
    expect(reply.ok && reply.value.workshopId).toBe(await derivedUuid(`vuoro-import\n${JSON.stringify(doc)}`));
    expect(await importAsNewWorkshop(doc)).toMatchObject({ ok: true, value: { added: 0, alreadyImported: true } });
    expect(await counts()).toEqual({ workshops: before.workshops + 1, scripts: before.scripts + 1, runs: before.runs + 1, captures: before.captures + 1205 });
  });

  it('in parts: nothing is stored before the commit, and parts the background forgot are refused', async () => {
    const doc = exportOf(4500);
    const before = await counts();
    const begun = importBegin({ ...doc, captures: [] }, doc.captures.length);
    if (!begun.ok) throw new Error('begin');
    const { importId } = begun.value;
    expect(importChunk(importId, JSON.stringify(doc.captures.slice(0, 500)))).toMatchObject({ ok: true, value: { received: 500 } });
    expect(importChunk(importId, JSON.stringify(doc.captures.slice(500, 1000)))).toMatchObject({ ok: true });
    expect(importChunk(importId, '{"not": "captures"}')).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await counts()).toEqual(before);
    // Committing before every part arrived fails and keeps nothing.
    expect(await importCommit(importId)).toMatchObject({ ok: false, error: { code: 'import-interrupted' } });
    expect(importChunk(importId, JSON.stringify(doc.captures.slice(1000, 1500)))).toMatchObject({ ok: false, error: { code: 'import-interrupted' } });
    expect(await counts()).toEqual(before);

    const again = importBegin({ ...doc, captures: [] }, doc.captures.length);
    if (!again.ok) throw new Error('begin');
    for (let i = 0; i < doc.captures.length; i += 500) importChunk(again.value.importId, JSON.stringify(doc.captures.slice(i, i + 500)));
    expect(await importCommit(again.value.importId)).toMatchObject({ ok: true, value: { added: 4500 } });
    expect((await counts()).captures).toBe(before.captures + 4500);
    expect((await listWorkshops()).length).toBe(before.workshops + 1);
  });
});
