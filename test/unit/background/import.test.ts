import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { derivedUuid, importAsNewWorkshop, importedTitle, mergeIntoWorkshop } from '../../../src/background/library';
import { appendRunEvent, createFromTemplate, workshopContents } from '../../../src/background/workshops';
import { Capture } from '../../../src/capture/schema';
import { captures } from '../../../src/store/captures';
import { workshops } from '../../../src/store/workshops';
import { db } from '../../../src/store/db';
import { exportFromWorkshop } from '../../../src/summary/fromWorkshop';
import { parseWorkshopExport, renderJson } from '../../../src/summary/json';
import { renderMarkdown } from '../../../src/summary/markdown';
import { seriesExport } from '../../../src/summary/series';

// The background's store code runs here against fake-indexeddb; the message bus it imports needs no browser.
vi.mock('webextension-polyfill', () => ({ default: { runtime: {} } }));

// Issue 12.1: "Import as a new workshop" of a workshop's own export moved its captures out of the original
// (13 → 3), because the copies kept the original ids and overwrote them. An import only adds.

async function everyRecord() {
  const database = await db();
  const stores = ['workshops', 'scripts', 'runs', 'captures', 'participants', 'speakingTurns', 'promptLog'] as const;
  const out: Record<string, string> = {};
  for (const store of stores) out[store] = JSON.stringify(await database.getAll(store));
  return out;
}

async function capturesIn(workshopId: string) {
  return (await captures.all()).filter((c) => c.workshopId === workshopId);
}

/** Appends a run's events to a workshop, as the panel does one by one. */
async function appendRun(workshopId: string, events: readonly Parameters<typeof appendRunEvent>[1][]) {
  for (const [i, event] of events.entries()) {
    const r = await appendRunEvent(workshopId, event, i);
    if (!r.ok) throw new Error(`event ${event.type}`);
  }
}

/** An export sent as its JSON file, imported as a new workshop at `at`, and the copy exported again. */
async function reexported(sent: ReturnType<typeof exportFromWorkshop>, at: number, opts: Parameters<typeof exportFromWorkshop>[1]) {
  const parsed = parseWorkshopExport(renderJson(sent));
  if (!parsed.ok) throw new Error('export does not parse');
  const result = await importAsNewWorkshop(parsed.doc, at);
  if (!result.ok) throw new Error(result.error.code);
  return exportFromWorkshop((await workshopContents(result.value.workshopId))!, opts);
}

describe('import as a new workshop', () => {
  it('copies: the source workshop stays byte for byte, the copy gets new ids, a second import adds nothing', async () => {
    const created = await createFromTemplate('change-dialogue-series', 'en');
    if (!created.ok) throw new Error('template');
    const source = created.value.workshop.id;
    const phaseId = created.value.script.workshops[0]!.phases[0]!.id;
    const made = Array.from({ length: 13 }, (_, i) =>
      Capture.parse({
        id: crypto.randomUUID(),
        workshopId: source,
        text: `Idea ${i + 1}`,
        kind: i % 3 === 0 ? 'decision' : 'idea',
        tags: [],
        phaseId,
        source: { type: 'hotkey' },
        createdAt: 1_000 + i,
        updatedAt: 1_000 + i,
        votes: i,
      }),
    );
    made[12] = { ...made[12]!, mergedInto: made[11]!.id };
    await captures.putMany(made);

    const contents = await workshopContents(source);
    const file = renderJson(exportFromWorkshop(contents!, { now: 5_000, cardTitle: (id) => id, includeParticipants: false, includeStats: false }));
    const parsed = parseWorkshopExport(file);
    if (!parsed.ok) throw new Error('export does not parse');
    expect(parsed.doc.captures).toHaveLength(13);

    const before = await everyRecord();
    const sourceBefore = JSON.stringify(await capturesIn(source));
    expect(await capturesIn(source)).toHaveLength(13);

    const first = await importAsNewWorkshop(parsed.doc, 6_000);
    if (!first.ok) throw new Error(first.error.code);
    // 13 copied; the count says what the workshop shows: 12, one being merged into another.
    expect(first.value).toEqual({ workshopId: expect.any(String), added: 12 });
    const copy = first.value.workshopId;
    expect(copy).not.toBe(source);
    // Its own name beside the original's, so the library and "Merge into" tell them apart.
    expect((await workshops.get(copy))?.title).toBe(`${created.value.workshop.title} (imported)`);

    // The source: the same 13 captures, byte for byte.
    expect(await capturesIn(source)).toHaveLength(13);
    expect(JSON.stringify(await capturesIn(source))).toBe(sourceBefore);
    // The copy: 13 captures with ids of their own, its merge link following the renamed capture.
    const copied = await capturesIn(copy);
    expect(copied).toHaveLength(13);
    const sourceIds = new Set(made.map((c) => c.id));
    expect(copied.filter((c) => sourceIds.has(c.id))).toEqual([]);
    expect(new Set(copied.map((c) => c.text))).toEqual(new Set(made.map((c) => c.text)));
    const merged = copied.find((c) => c.text === 'Idea 13')!;
    expect(copied.find((c) => c.id === merged.mergedInto)?.text).toBe('Idea 12');
    // Nothing else that was stored changed; only records of the new workshop were added.
    const after = await everyRecord();
    for (const store of ['participants', 'speakingTurns', 'promptLog'] as const) expect(after[store]).toBe(before[store]);
    expect(JSON.parse(after.workshops!)).toEqual(expect.arrayContaining(JSON.parse(before.workshops!)));

    // The same file again: found, not copied a second time.
    const second = await importAsNewWorkshop(parseWorkshopExport(file).ok ? parsed.doc : parsed.doc, 7_000);
    expect(second).toEqual({ ok: true, value: { workshopId: copy, added: 0, alreadyImported: true } });
    expect(await everyRecord()).toEqual(after);
  });

  it('counts the captures the new workshop has, not a deleted one’s text-less marker (it said 6 for 5)', async () => {
    const created = await createFromTemplate('virtual-meeting-50', 'en');
    if (!created.ok) throw new Error('template');
    const contents = await workshopContents(created.value.workshop.id);
    const doc = exportFromWorkshop(contents!, { now: 2, cardTitle: (id) => id, includeParticipants: false, includeStats: false });
    const capture = (text: string, deletedAt?: number) =>
      Capture.parse({ id: crypto.randomUUID(), workshopId: 'elsewhere', text, kind: 'idea', tags: [], source: { type: 'hotkey' }, createdAt: 1, updatedAt: 1, votes: 0, ...(deletedAt ? { deletedAt } : {}) });
    const parsed = parseWorkshopExport(renderJson({ ...doc, captures: [capture('Kept QXKEPT'), capture('Gone QXGONE', 3)] }));
    if (!parsed.ok) throw new Error('export does not parse');
    const result = await importAsNewWorkshop(parsed.doc);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.added).toBe(1);
    expect(await capturesIn(result.value.workshopId)).toHaveLength(2);
  });

  it('names a copy apart from what is here: "(imported)", then a number', () => {
    expect(importedTitle('Työpaja 1', 'fi', new Set(['Muu']))).toBe('Työpaja 1');
    expect(importedTitle('Työpaja 1', 'fi', new Set(['Työpaja 1']))).toBe('Työpaja 1 (tuotu)');
    expect(importedTitle('Kick-off', 'en', new Set(['Kick-off', 'Kick-off (imported)']))).toBe('Kick-off (imported 2)');
  });

  it('keeps the ids of captures this device does not have (a note-taker’s file)', async () => {
    const created = await createFromTemplate('virtual-meeting-50', 'fi');
    if (!created.ok) throw new Error('template');
    const contents = await workshopContents(created.value.workshop.id);
    const doc = exportFromWorkshop(contents!, { now: 1, cardTitle: (id) => id, includeParticipants: false, includeStats: false });
    const foreign = Capture.parse({ id: crypto.randomUUID(), workshopId: 'elsewhere', text: 'Muistiinpano', kind: 'note', tags: [], source: { type: 'paste' }, createdAt: 1, updatedAt: 1, votes: 0 });
    const result = await importAsNewWorkshop({ ...doc, captures: [foreign] });
    if (!result.ok) throw new Error(result.error.code);
    expect((await captures.get(foreign.id))?.workshopId).toBe(result.value.workshopId);
  });
});

// Found in a data controller's walk-through: the series summary's JSON (or workshop 2's own export)
// merged into workshop 1 wrote workshop 2's experiments under their ids with workshop 1's id, so
// they moved out of workshop 2. A merge only adds to the workshop it goes into.
describe('merge into a workshop', () => {
  it('leaves another workshop whose captures the file holds byte for byte, and merging again adds nothing', async () => {
    const first = await createFromTemplate('change-dialogue-series', 'en', 0);
    const second = await createFromTemplate('change-dialogue-series', 'en', 1);
    if (!first.ok || !second.ok) throw new Error('template');
    const made = (text: string, extra: Partial<Capture> = {}) =>
      Capture.parse({ id: crypto.randomUUID(), workshopId: second.value.workshop.id, text, kind: 'experiment', tags: [], source: { type: 'hotkey' }, createdAt: 1, updatedAt: 1, votes: 2, ...extra });
    const kept = made('Shared booking calendar');
    await captures.putMany([kept, made('Customer panel', { mergedInto: kept.id })]);
    const secondBefore = JSON.stringify(await capturesIn(second.value.workshop.id));
    const file = parseWorkshopExport(renderJson(exportFromWorkshop((await workshopContents(second.value.workshop.id))!, { now: 5, cardTitle: (id) => id, includeParticipants: false, includeStats: false })));
    if (!file.ok) throw new Error('export does not parse');

    const merged = await mergeIntoWorkshop(first.value.workshop.id, file.doc, 10);
    expect(merged.ok && merged.value.added).toBe(1);
    expect(JSON.stringify(await capturesIn(second.value.workshop.id))).toBe(secondBefore);
    const copies = await capturesIn(first.value.workshop.id);
    // The one merged away there is not copied (as from a note-taker's file).
    expect(copies.map((c) => c.text)).toEqual(['Shared booking calendar']);
    expect(copies.filter((c) => c.id === kept.id)).toEqual([]);

    const again = await mergeIntoWorkshop(first.value.workshop.id, file.doc, 20);
    expect(again.ok && again.value).toMatchObject({ added: 0, updated: 0 });
    expect(await capturesIn(first.value.workshop.id)).toEqual(copies);
  });
});

// Found in a data controller's walk-through: the series summary's JSON was refused as "no agenda"
// with the advice to merge it into a workshop, which put every workshop's notes into that one.
describe('the series summary’s JSON', () => {
  it('is refused as a series file, as a new workshop and merged into one, and nothing is written', async () => {
    const first = await createFromTemplate('change-dialogue-series', 'en', 0);
    if (!first.ok) throw new Error('template');
    const one = exportFromWorkshop((await workshopContents(first.value.workshop.id))!, { now: 5, cardTitle: (id) => id, includeParticipants: false, includeStats: false });
    const held = { ...one, captures: [Capture.parse({ id: crypto.randomUUID(), workshopId: 'elsewhere', text: 'On the map', kind: 'idea', tags: [], source: { type: 'hotkey' }, createdAt: 1, updatedAt: 1, votes: 0 })] };
    const file = parseWorkshopExport(renderJson(seriesExport({ seriesId: 's', title: 'Change Dialogue', description: '', lang: 'en', workshops: [{ title: 'Workshop 1', doc: held }, { title: 'Workshop 2' }] }, 10)));
    if (!file.ok) throw new Error('series export does not parse');
    const before = await everyRecord();
    expect(await importAsNewWorkshop(file.doc)).toEqual({ ok: false, error: { code: 'import-series-file' } });
    expect(await mergeIntoWorkshop(first.value.workshop.id, file.doc)).toEqual({ ok: false, error: { code: 'import-series-file' } });
    expect(await everyRecord()).toEqual(before);
  });
});

describe('derivedUuid', () => {
  it('is a valid, stable UUID that differs for different input', async () => {
    const a = await derivedUuid('x');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await derivedUuid('x')).toBe(a);
    expect(await derivedUuid('y')).not.toBe(a);
    expect(Capture.shape.id.safeParse(a).success).toBe(true);
  });
});

describe('import as a new workshop: the intermediate task', () => {
  it('comes back as it was sent: the copy’s summary gives the task, not its phase title alone', async () => {
    const created = await createFromTemplate('change-dialogue-series', 'fi');
    if (!created.ok) throw new Error('template');
    const contents = await workshopContents(created.value.workshop.id);
    const opts = { now: 5_000, cardTitle: (id: string) => id, includeParticipants: false, includeStats: false };
    const sent = exportFromWorkshop(contents!, opts);
    expect(sent.workshop.intermediateTask).toMatch(/^Välitehtävän ohjeet: 1\) Pohdi yksin/);
    const again = await reexported(sent, 6_000, opts);
    expect(again.workshop.intermediateTask).toBe(sent.workshop.intermediateTask);
  });
});

describe('import as a new workshop: the changes to the timetable', () => {
  it('come back: the copy’s summary lists the same extensions, fittings and moved end', async () => {
    const created = await createFromTemplate('change-dialogue-series', 'en');
    if (!created.ok) throw new Error('template');
    const id = created.value.workshop.id;
    const phases = created.value.run.phases;
    const T = Date.UTC(2026, 10, 26, 9);
    const min = 60_000;
    const events = [
      { type: 'start', at: T },
      { type: 'extend', at: T + 8 * min, sec: 300, from: 0 },
      { type: 'next', at: T + 15 * min, from: 0 },
      { type: 'reschedule', at: T + 16 * min, durations: { [phases[2]!.id]: 480, [phases[3]!.id]: 720 } },
      { type: 'moveEnd', at: T + 17 * min, plannedEnd: T + 200 * min },
      { type: 'next', at: T + 35 * min, from: 1 },
      { type: 'finish', at: T + 45 * min },
    ] as const;
    await appendRun(id, events);
    const opts = { now: T + 60 * min, cardTitle: (c: string) => c, includeParticipants: false, includeStats: false };
    const sent = exportFromWorkshop((await workshopContents(id))!, opts);
    expect(sent.reschedules?.map((r) => r.type)).toEqual(['extend', 'reschedule', 'move-end']);
    const again = await reexported(sent, T + 61 * min, opts);
    // The same changes, named by the copy's phases (the same titles, in the same places).
    const title = (doc: typeof sent, phaseId: string | undefined) => doc.agenda.find((p) => p.phaseId === phaseId)?.title;
    const read = (doc: typeof sent) =>
      (doc.reschedules ?? []).map((r) => ({ ...r, phaseId: title(doc, r.phaseId), changes: r.changes?.map((c) => ({ ...c, phaseId: title(doc, c.phaseId) })) }));
    expect(read(again)).toEqual(read(sent));
    // The times the phases took are the file's.
    expect(again.agenda.map((p) => p.actualSec)).toEqual(sent.agenda.map((p) => p.actualSec));
  });
});

describe('the run’s pauses', () => {
  it('are in the summary’s changes to the timetable, and an import keeps the phases’ times', async () => {
    const created = await createFromTemplate('change-dialogue-series', 'fi');
    if (!created.ok) throw new Error('template');
    const id = created.value.workshop.id;
    const T = Date.UTC(2026, 10, 26, 9); // 11.00 in Helsinki
    const min = 60_000;
    const events = [
      { type: 'start', at: T },
      { type: 'next', at: T + 10 * min, from: 0 },
      { type: 'pause', at: T + 20 * min },
      { type: 'resume', at: T + 30 * min },
      { type: 'next', at: T + 40 * min, from: 1 },
      { type: 'pause', at: T + 45 * min },
      { type: 'finish', at: T + 50 * min },
    ] as const;
    await appendRun(id, events);
    const opts = { now: T + 60 * min, cardTitle: (c: string) => c, includeParticipants: false, includeStats: false };
    const sent = exportFromWorkshop((await workshopContents(id))!, opts);
    // The second phase began at 11.10 and the third at 11.40, yet took 20 min: the pause says why.
    expect(sent.agenda.slice(0, 3).map((p) => p.actualSec)).toEqual([600, 1200, 300]);
    const md = renderMarkdown(sent, 'fi', { timeZone: 'Europe/Helsinki' });
    expect(md).toContain('- klo 11.20–11.30: työpaja oli tauolla 10 min, jota ei laskettu vaiheiden kestoon.\n');
    expect(md).toContain('- klo 11.45–11.50: työpaja oli tauolla 5 min, jota ei laskettu vaiheiden kestoon.\n');
    expect(renderMarkdown(sent, 'en', { timeZone: 'Europe/Helsinki' })).toContain("- At 11:20–11:30: the workshop was paused for 10 min, not counted in the phases' times.\n");

    const again = await reexported(sent, T + 61 * min, opts);
    expect(again.agenda.map((p) => p.actualSec)).toEqual(sent.agenda.map((p) => p.actualSec));
    expect(again.pauses).toEqual(sent.pauses);
  });
});
