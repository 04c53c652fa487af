import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { workshopHandlers } from '../../../src/background/handlers/workshops';
import { importAsNewWorkshop } from '../../../src/background/library';
import { createFromTemplate, workshopContents } from '../../../src/background/workshops';
import { PROTOCOL } from '../../../src/messages/protocol';
import { exportFromWorkshop } from '../../../src/summary/fromWorkshop';
import { localDay, workshopDate, workshops } from '../../../src/store/workshops';

vi.mock('webextension-polyfill', () => ({ default: { runtime: {} } }));

// Issue 12.18: a workshop has a date, the day it is held: the day it was started unless the
// facilitator sets another; the summary's title block and an import carry it.

const exportOf = async (workshopId: string) =>
  exportFromWorkshop((await workshopContents(workshopId))!, { now: Date.now(), cardTitle: (id) => id, includeParticipants: false, includeStats: false });

describe('workshop date', () => {
  it('is the day the workshop was started, can be changed, and is the summary\'s date; an import keeps it', async () => {
    const created = await createFromTemplate('virtual-meeting-50', 'fi');
    if (!created.ok) throw new Error('template');
    const { workshop } = created.value;
    expect(workshop.date).toBe(localDay(workshop.createdAt));

    const patch = PROTOCOL['workshop/update'].payload.parse({ workshopId: workshop.id, patch: { date: '2026-12-03' } });
    await workshopHandlers['workshop/update'](patch as never);
    expect((await workshops.get(workshop.id))!.date).toBe('2026-12-03');
    const doc = await exportOf(workshop.id);
    expect(doc.workshop.date).toBe('2026-12-03');

    const imported = await importAsNewWorkshop(doc);
    if (!imported.ok) throw new Error('import');
    expect((await workshops.get(imported.value.workshopId))!.date).toBe('2026-12-03');
  });

  it('refuses a date that is not a calendar day', () => {
    for (const date of ['2026-13-01', '3.12.2026', '2026-12-03T10:00:00Z', '']) {
      expect(PROTOCOL['workshop/update'].payload.safeParse({ workshopId: 'w', patch: { date } }).success, date).toBe(false);
    }
  });

  it('falls back to the day a record from before dates was made', () => {
    const at = new Date(2026, 10, 26, 0, 30).getTime();
    expect(workshopDate({ createdAt: at })).toBe('2026-11-26');
    expect(workshopDate({ createdAt: at, date: '2026-12-01' })).toBe('2026-12-01');
  });
});
