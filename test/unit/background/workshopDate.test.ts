import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { workshopHandlers } from '../../../src/background/handlers/workshops';
import { importAsNewWorkshop } from '../../../src/background/library';
import { addCapture, appendRunEvent, createFromTemplate, deleteWorkshop, mergeCaptures, unmergeCaptures, workshopContents } from '../../../src/background/workshops';
import { captures } from '../../../src/store/captures';
import { scripts } from '../../../src/store/scripts';
import { instantiateTemplate } from '../../../src/script/templates';
import { PROTOCOL } from '../../../src/messages/protocol';
import { exportFromWorkshop } from '../../../src/summary/fromWorkshop';
import { localDay, workshopDate, workshops } from '../../../src/store/workshops';

vi.mock('webextension-polyfill', () => ({ default: { runtime: {} } }));

// Issue 12.18: a workshop has a date, the day it is held: the day it was started unless the
// facilitator sets another; the summary's title block and an import carry it.

const exportOf = async (workshopId: string) =>
  exportFromWorkshop((await workshopContents(workshopId))!, { now: Date.now(), cardTitle: (id) => id, includeParticipants: false, includeStats: false });

describe('a script in use', () => {
  it('is not deleted while a workshop uses it: the workshop could no longer be opened', async () => {
    const created = await createFromTemplate('open-process-close', 'en');
    if (!created.ok) throw new Error('template');
    const { workshop, script } = created.value;
    const refused = await workshopHandlers['script/delete']({ scriptId: script.id } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'script-in-use', params: { n: 1 } } });
    expect(await scripts.get(script.id)).toBeDefined();
    await deleteWorkshop(workshop.id);
    expect((await workshopHandlers['script/delete']({ scriptId: script.id } as never)).ok).toBe(true);
    expect(await scripts.get(script.id)).toBeUndefined();
  });
});

// A workshop points at its part of the script by place (found in a review): removing that part in
// the editor would hand its goal, notes and instructions to another workshop, or to none.
describe('a script whose workshops are in use', () => {
  it('is not saved without a workshop a workshop on this device was made from', async () => {
    const own = { ...instantiateTemplate('change-dialogue-series', 'en'), id: crypto.randomUUID() };
    expect((await workshopHandlers['script/save']({ script: own } as never)).ok).toBe(true);
    const made = await workshopHandlers['workshop/from-script']({ scriptId: own.id, workshopIndex: 2 } as never);
    expect(made.ok).toBe(true);
    const shorter = { ...own, workshops: own.workshops.slice(0, 2) };
    expect(await workshopHandlers['script/save']({ script: shorter } as never)).toMatchObject({ ok: false, error: { code: 'script-workshop-in-use', params: { n: 1 } } });
    expect((await scripts.get(own.id))?.script.workshops).toHaveLength(3);
    // Changing the workshops' contents is still saved.
    expect((await workshopHandlers['script/save']({ script: { ...own, title: 'Renamed' } } as never)).ok).toBe(true);
  });
});

// A merge can be taken back: two notes merged by mistake were one for good (found in a
// note-taker's walk-through).
describe('merging possible duplicates', () => {
  it('is taken back whole: the merged captures live again, the kept one has its votes and tags of before', async () => {
    const created = await createFromTemplate('open-process-close', 'en');
    if (!created.ok) throw new Error('template');
    const workshopId = created.value.workshop.id;
    const add = async (text: string, tags: string[]) => {
      const made = await addCapture({ workshopId, text, kind: 'idea', tags, source: { type: 'manual' } });
      return made;
    };
    const keep = await add('Shorter meetings', ['a']);
    const other = await add('Shorter meetings on Mondays', ['b']);
    const merged = await mergeCaptures(keep.id, [other.id]);
    expect(merged.ok && merged.value.tags).toEqual(['a', 'b']);
    expect((await captures.get(other.id))?.mergedInto).toBe(keep.id);
    const back = await unmergeCaptures(keep.id, [other.id], { votes: keep.votes, tags: keep.tags });
    expect(back.ok).toBe(true);
    expect((await captures.get(keep.id))?.tags).toEqual(['a']);
    expect((await captures.get(other.id))?.mergedInto).toBeUndefined();
  });
});

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

  // Workshop 2 made a week ahead kept the day it was made, and its summary went out under that date.
  it('moves to the day of the first start when nobody changed it; a date set by hand stays', async () => {
    const DAY = 86_400_000;
    const start = (workshopId: string, at: number, expectedCount: number) => appendRunEvent(workshopId, { type: 'start', at }, expectedCount);
    const ahead = await createFromTemplate('virtual-meeting-50', 'fi');
    if (!ahead.ok) throw new Error('template');
    const made = ahead.value.workshop;
    const heldAt = made.createdAt + 7 * DAY;
    expect((await start(made.id, heldAt, 0)).ok).toBe(true);
    expect((await workshops.get(made.id))!.date).toBe(localDay(heldAt));
    expect((await exportOf(made.id)).workshop.date).toBe(localDay(heldAt));
    // A later start (after a reset, say) does not move it again.
    const run = (await workshopContents(made.id))!.run;
    expect((await start(made.id, heldAt + 2 * DAY, run.events.length)).ok).toBe(true);
    expect((await workshops.get(made.id))!.date).toBe(localDay(heldAt));

    const chosen = await createFromTemplate('virtual-meeting-50', 'fi');
    if (!chosen.ok) throw new Error('template');
    await workshopHandlers['workshop/update']({ workshopId: chosen.value.workshop.id, patch: { date: '2026-12-03' } } as never);
    expect((await start(chosen.value.workshop.id, chosen.value.workshop.createdAt + 3 * DAY, 0)).ok).toBe(true);
    expect((await workshops.get(chosen.value.workshop.id))!.date).toBe('2026-12-03');
  });

  it('keeps a rename and a date changed at the same moment (both panels or both fields)', async () => {
    const created = await createFromTemplate('open-process-close', 'fi');
    if (!created.ok) throw new Error('template');
    const id = created.value.workshop.id;
    const update = (patch: object) => workshopHandlers['workshop/update']({ workshopId: id, patch } as never);
    await Promise.all([update({ title: 'Kevään työpaja' }), update({ date: '2026-12-03' }), update({ includeStats: true })]);
    expect(await workshops.get(id)).toMatchObject({ title: 'Kevään työpaja', date: '2026-12-03', includeStats: true });
    expect(await update({ title: 'x' }).then((r) => r.ok)).toBe(true);
    expect(await workshopHandlers['workshop/update']({ workshopId: 'gone', patch: { title: 'x' } } as never)).toMatchObject({ ok: false, error: { code: 'workshop-missing' } });
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
