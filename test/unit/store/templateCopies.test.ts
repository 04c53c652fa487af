import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { Capture } from '../../../src/capture/schema';
import { instantiateTemplate } from '../../../src/script/templates';
import type { Script } from '../../../src/script/schema';
import { createRun } from '../../../src/script/timing';
import { DB_VERSION, MIGRATIONS, openVuoroDB } from '../../../src/store/db';
import { RunRecord } from '../../../src/store/runs';
import { ScriptRecord } from '../../../src/store/scripts';
import { SeriesRecord } from '../../../src/store/series';
import { contentFingerprint, mergeSeriesRecords, uneditedCopyOf } from '../../../src/store/templateCopies';
import { EARLIER_TEMPLATE_FINGERPRINTS } from '../../../src/store/templateFingerprints';
import { localDay, WorkshopRecord } from '../../../src/store/workshops';

// Schema v5 removes the template copies earlier versions stored on every "Start from this
// template": a database of each earlier version, holding copies in use, unused and edited, is
// opened by the current code.

const DAY = Date.UTC(2026, 10, 20, 23, 30); // late evening UTC: the local day may differ from UTC's
const script = (row: { id: string; updatedAt: number; script: Script }) => row;
const copyOf = (id: string, updatedAt: number, template: Parameters<typeof instantiateTemplate>[0] = 'change-dialogue-series', lang: 'fi' | 'en' = 'fi') =>
  script({ id, updatedAt, script: { ...instantiateTemplate(template, lang), id } });

function fixture(version: number) {
  const a = copyOf('copy-a', DAY + 5000); // in use, most recent: becomes the stored template
  const b = copyOf('copy-b', DAY + 1000); // in use: its workshop moves onto copy-a's ids
  const unused = copyOf('copy-unused', DAY);
  const edited = copyOf('copy-edited', DAY);
  edited.script.workshops[0]!.phases[0]!.facilitatorNotes = 'Oma muistiinpano';
  // Two copies of one template whose series each hold a different intermediate task: one stays.
  const clashA = copyOf('clash-a', DAY + 2000, 'open-process-close', 'en');
  const clashB = copyOf('clash-b', DAY + 1000, 'open-process-close', 'en');
  const workshop = (id: string, s: { id: string; script: Script }, index: number, createdAt: number) => ({
    id,
    title: s.script.workshops[index]!.title,
    goal: '',
    lang: s.script.lang,
    scriptId: s.id,
    workshopIndex: index,
    createdAt,
    updatedAt: createdAt,
    includeParticipants: false,
    includeStats: false,
  });
  const runOf = (w: { id: string }, s: { script: Script }, index: number) => {
    const run = createRun(s.script, index, w.id);
    const phases = s.script.workshops[index]!.phases;
    run.events = [
      { type: 'start', at: DAY },
      { type: 'reschedule', at: DAY + 10, durations: { [phases[1]!.id]: 600 } },
    ];
    return { id: w.id, workshopId: w.id, updatedAt: DAY, run };
  };
  const wa = workshop('w-a', a, 0, DAY);
  const wb = workshop('w-b', b, 1, DAY + 86_400_000);
  const wEdited = workshop('w-edited', edited, 0, DAY);
  const wClashA = workshop('w-clash-a', clashA, 0, DAY);
  const wClashB = workshop('w-clash-b', clashB, 0, DAY);
  const capture = (id: string, w: { id: string }, phaseId: string) => ({
    id,
    workshopId: w.id,
    text: 'Muistiinpano',
    kind: 'note',
    tags: [],
    votes: 0,
    phaseId,
    source: { type: 'hotkey' },
    createdAt: DAY,
    updatedAt: DAY,
  });
  const records: Record<string, unknown[]> = {
    scripts: [a, b, unused, edited, clashA, clashB].map((s) => ({ ...s, createdAt: s.updatedAt })),
    workshops: [wa, wb, wEdited, wClashA, wClashB],
    runs: [runOf(wa, a, 0), runOf(wb, b, 1), runOf(wEdited, edited, 0), runOf(wClashA, clashA, 0), runOf(wClashB, clashB, 0)],
    captures: [
      capture('0a000000-0000-4000-8000-00000000000a', wa, a.script.workshops[0]!.phases[0]!.id),
      capture('0b000000-0000-4000-8000-00000000000b', wb, b.script.workshops[1]!.phases[2]!.id),
      capture('0e000000-0000-4000-8000-00000000000e', wEdited, edited.script.workshops[0]!.phases[0]!.id),
    ],
  };
  // v2 gave the prompt log a store of its own, v3 the series.
  if (version >= 2) records.promptLog = [{ id: 'p-b', workshopId: wb.id, cardId: 'go-around', phaseId: b.script.workshops[1]!.phases[2]!.id, action: 'shown', at: DAY }];
  if (version >= 3) {
    records.series = [
      { id: a.id, updatedAt: DAY, dotBudget: 3, organisations: [{ name: 'Aino', organisation: 'Kaupunki' }], facilitators: ['Aino'] },
      { id: b.id, updatedAt: DAY + 1, dotBudget: 3, organisations: [{ name: 'Bo', organisation: 'Järjestö' }], facilitators: [], intermediateTask: 'Kokeilkaa' },
      { id: clashA.id, updatedAt: DAY, dotBudget: 3, organisations: [], facilitators: [], intermediateTask: 'One task' },
      { id: clashB.id, updatedAt: DAY, dotBudget: 3, organisations: [], facilitators: [], intermediateTask: 'Another task' },
    ];
  }
  return { records, a, b, edited, clashA, clashB };
}

async function writeVersion(name: string, version: number, records: Record<string, unknown[]>): Promise<void> {
  const database = await openDB(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) await MIGRATIONS[v]!(db as never, tx as never);
    },
  });
  for (const [store, rows] of Object.entries(records)) for (const row of rows) await database.put(store as never, row as never);
  database.close();
}

describe('schema v5: template copies', () => {
  for (let version = 1; version < 5; version++) {
    it(`merges the copies a v${version} database holds onto one stored template, keeping what was edited or would clash`, async () => {
      const { records, a, b, edited, clashA, clashB } = fixture(version);
      await writeVersion(`copies-v${version}`, version, records);
      const db = await openVuoroDB(`copies-v${version}`);
      expect(db.version).toBe(DB_VERSION);
      const target = 'tpl-change-dialogue-series-fi';
      const scriptIds = (await db.getAllKeys('scripts')).sort();
      // One stored template per language; the unused copy is gone; the edited one and one clashing copy stay.
      // (Before v3 there were no series records, so nothing can clash.)
      const clashKept = version >= 3;
      expect(scriptIds).toEqual([...(clashKept ? ['clash-b'] : []), 'copy-edited', target, 'tpl-open-process-close-en'].sort());
      const stored = (await db.get('scripts', target))!.script as Script;
      // The most recent copy in use became the stored template, keeping its ids.
      expect(stored.workshops.map((w) => w.phases.map((p) => p.id))).toEqual(a.script.workshops.map((w) => w.phases.map((p) => p.id)));
      expect(stored.id).toBe(target);
      expect((await db.get('scripts', 'copy-edited'))!.script).toEqual(edited.script);
      if (clashKept) expect((await db.get('scripts', 'clash-b'))!.script).toEqual(clashB.script);

      const workshops = await db.getAll('workshops');
      expect(Object.fromEntries(workshops.map((w) => [w.id, w.scriptId]))).toEqual({
        'w-a': target,
        'w-b': target,
        'w-edited': 'copy-edited',
        'w-clash-a': 'tpl-open-process-close-en',
        'w-clash-b': clashKept ? 'clash-b' : 'tpl-open-process-close-en',
      });
      // Every workshop has its date: the local day it was made.
      for (const w of workshops) expect(w.date).toBe(localDay(w.createdAt as number));
      expect(workshops.find((w) => w.id === 'w-b')!.date).toBe(localDay(DAY + 86_400_000));

      // Workshop 2's phase ids now name the stored template's phases, wherever they were recorded.
      const mapped = (phase: number) => stored.workshops[1]!.phases[phase]!.id;
      const runB = (await db.get('runs', 'w-b'))!.run as { scriptId: string; phases: { id: string }[]; events: { type: string; durations?: object }[] };
      expect(runB.scriptId).toBe(target);
      expect(runB.phases.map((p) => p.id)).toEqual(stored.workshops[1]!.phases.map((p) => p.id));
      expect(runB.events[1]!.durations).toEqual({ [mapped(1)]: 600 });
      expect(runB.phases.map((p) => p.id)).not.toEqual(b.script.workshops[1]!.phases.map((p) => p.id));
      expect((await db.get('captures', '0b000000-0000-4000-8000-00000000000b'))!.phaseId).toBe(mapped(2));
      expect((await db.get('captures', '0a000000-0000-4000-8000-00000000000a'))!.phaseId).toBe(a.script.workshops[0]!.phases[0]!.id);
      expect((await db.get('captures', '0e000000-0000-4000-8000-00000000000e'))!.phaseId).toBe(edited.script.workshops[0]!.phases[0]!.id);
      if (version >= 2) expect((await db.get('promptLog', 'p-b'))!.phaseId).toBe(mapped(2));

      if (version >= 3) {
        // The two series became one, with both organisations; the clashing series stays apart.
        const series = (await db.get('series', target))!;
        expect(series.organisations).toEqual([
          { name: 'Aino', organisation: 'Kaupunki' },
          { name: 'Bo', organisation: 'Järjestö' },
        ]);
        expect(series.intermediateTask).toBe('Kokeilkaa');
        expect(series.facilitators).toEqual(['Aino']);
        expect(await db.get('series', a.id)).toBeUndefined();
        expect(await db.get('series', b.id)).toBeUndefined();
        expect((await db.get('series', 'tpl-open-process-close-en'))!.intermediateTask).toBe('One task');
        expect((await db.get('series', clashB.id))!.intermediateTask).toBe('Another task');
        for (const s of await db.getAll('series')) expect(SeriesRecord.safeParse(s).success, JSON.stringify(s)).toBe(true);
      }
      expect(clashA.id).toBe('clash-a');
      // What the migration wrote is valid for the current code.
      for (const w of workshops) expect(WorkshopRecord.safeParse(w).success, JSON.stringify(w)).toBe(true);
      for (const s of await db.getAll('scripts')) expect(ScriptRecord.safeParse(s).success).toBe(true);
      for (const r of await db.getAll('runs')) expect(RunRecord.safeParse(r).success, JSON.stringify(r)).toBe(true);
      for (const c of await db.getAll('captures')) expect(Capture.safeParse(c).error?.issues).toBeUndefined();
      db.close();
    });
  }

  it('moves a v4 copy in use onto the template v4 already stored once, mapping its phase ids', async () => {
    const existing = copyOf('tpl-virtual-meeting-50-en', DAY, 'virtual-meeting-50', 'en');
    const copy = copyOf('old-copy', DAY + 1, 'virtual-meeting-50', 'en');
    const w = { id: 'w', title: 'Meeting', goal: '', lang: 'en', scriptId: copy.id, workshopIndex: 0, createdAt: DAY, updatedAt: DAY, includeParticipants: false, includeStats: false };
    const phase = (s: { script: Script }, i: number) => s.script.workshops[0]!.phases[i]!.id;
    await writeVersion('copies-onto-stored', 4, {
      scripts: [existing, copy].map((s) => ({ ...s, createdAt: DAY })),
      workshops: [w],
      runs: [{ id: 'w', workshopId: 'w', updatedAt: DAY, run: createRun(copy.script, 0, 'w') }],
      captures: [{ id: 'c', workshopId: 'w', text: 'x', kind: 'note', tags: [], votes: 0, phaseId: phase(copy, 3), source: { type: 'manual' }, createdAt: DAY, updatedAt: DAY }],
    });
    const db = await openVuoroDB('copies-onto-stored');
    expect(await db.getAllKeys('scripts')).toEqual([existing.id]);
    expect((await db.get('scripts', existing.id))!.script).toEqual(existing.script);
    expect((await db.get('workshops', 'w'))!.scriptId).toBe(existing.id);
    expect((await db.get('captures', 'c'))!.phaseId).toBe(phase(existing, 3));
    db.close();
  });

  it('recognises only unedited copies: of today\'s templates and of the earlier versions that stored copies', () => {
    const copy = instantiateTemplate('partners-co-development', 'en');
    expect(uneditedCopyOf(copy)).toBe('tpl-partners-co-development-en');
    expect(uneditedCopyOf({ ...copy, workshops: [{ ...copy.workshops[0]!, title: 'Ours' }] })).toBeUndefined();
    expect(uneditedCopyOf({ ...copy, id: 'tpl-partners-co-development-en' })).toBeUndefined();
    // New ids everywhere, same content: the same fingerprint.
    expect(contentFingerprint(instantiateTemplate('partners-co-development', 'en'))).toBe(contentFingerprint(copy));
    expect(Object.keys(EARLIER_TEMPLATE_FINGERPRINTS)).toContain(contentFingerprint(copy));
  });

  it('merges two series records only when nothing would be lost', () => {
    const base = { id: 's', updatedAt: 1, dotBudget: 3, organisations: [{ name: 'A', organisation: 'X' }], facilitators: ['A'] };
    expect(mergeSeriesRecords(base, { ...base, organisations: [{ name: 'A', organisation: 'Y' }] })).toBe('clash');
    expect(mergeSeriesRecords(base, { ...base, dotBudget: 5 })).toBe('clash');
    expect(mergeSeriesRecords(base, { ...base, updatedAt: 2, groups: [['A', 'B']], facilitators: ['B'] })).toEqual({
      ...base,
      updatedAt: 2,
      groups: [['A', 'B']],
      facilitators: ['A', 'B'],
    });
  });
});
