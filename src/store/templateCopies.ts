import { instantiateTemplate, TEMPLATES } from '../script/templates';
import type { Script } from '../script/schema';
import { canonicalJson, cyrb53 } from '../hash';
import { EARLIER_TEMPLATE_FINGERPRINTS } from './templateFingerprints';

// Before schema v5 every "Start from this template" stored another copy of the template's script.
// A copy nobody edited is recognised by its content: the script with its ids left out, hashed, is the
// hash of what `instantiateTemplate` made for that template and language, today or in an earlier
// version (templateFingerprints.ts). Anything else — a copy the user changed, a planned start, an
// imported file — is a script of the user's own and is never touched.

/** The stored copy of a built-in template in one language (src/background/workshops.ts uses it). */
export const builtInScriptId = (templateId: string, lang: string): string => `tpl-${templateId}-${lang}`;
export const isBuiltInScriptId = (id: string): boolean => id.startsWith('tpl-');

/** Scripts the user made or edited: the stored copies of built-in templates are offered as templates. */
export const ownScripts = <T extends { script: { id: string } }>(scripts: readonly T[]): T[] => scripts.filter((s) => !isBuiltInScriptId(s.script.id));

/** The fingerprints in templateFingerprints.ts are written in this form: 14 hex digits. */
const hash53 = (text: string): string => cyrb53(text).toString(16).padStart(14, '0');

/** The script's content without its ids (script, workshops, phases), hashed. */
export function contentFingerprint(script: unknown): string {
  const s = script as { workshops?: { phases?: object[] }[] };
  const withoutIds = {
    ...(s as object),
    id: undefined,
    workshops: (s.workshops ?? []).map((w) => ({ ...w, id: undefined, phases: (w.phases ?? []).map((p) => ({ ...p, id: undefined })) })),
  };
  return `${hash53(canonicalJson(withoutIds))}`;
}

let current: Map<string, string> | undefined;

/** Fingerprint → "templateId lang" for every template as this version and earlier ones made it. */
function knownFingerprints(): Map<string, string> {
  if (current) return current;
  current = new Map(Object.entries(EARLIER_TEMPLATE_FINGERPRINTS));
  for (const template of TEMPLATES) {
    for (const lang of ['fi', 'en'] as const) current.set(contentFingerprint(instantiateTemplate(template.id, lang)), `${template.id} ${lang}`);
  }
  return current;
}

/** Which built-in template's stored copy this script stands in for, if it is an unedited copy of one. */
export function uneditedCopyOf(script: Pick<Script, 'id'> & Record<string, unknown>): string | undefined {
  if (isBuiltInScriptId(script.id)) return undefined;
  const known = knownFingerprints().get(contentFingerprint(script));
  if (!known) return undefined;
  const [templateId, lang] = known.split(' ') as [string, string];
  return builtInScriptId(templateId, lang);
}

/**
 * Each phase id of `from` mapped to the phase at the same place in `to`, when the two scripts have
 * the same workshops with the same number of phases (two versions of one template); otherwise none.
 */
export function phaseIdMap(from: Script, to: Script): Map<string, string> | undefined {
  if (from.workshops.length !== to.workshops.length) return undefined;
  const map = new Map<string, string>();
  for (const [w, workshop] of from.workshops.entries()) {
    const target = to.workshops[w]!;
    if (workshop.phases.length !== target.phases.length) return undefined;
    for (const [p, phase] of workshop.phases.entries()) map.set(phase.id, target.phases[p]!.id);
  }
  return map;
}

type Row = Record<string, unknown>;
interface Cursor {
  value: Row;
  update(value: Row): Promise<unknown>;
  continue(): Promise<Cursor | null>;
}
interface Store {
  get(key: IDBValidKey): Promise<Row | undefined>;
  getAll(): Promise<Row[]>;
  put(value: Row): Promise<unknown>;
  delete(key: IDBValidKey): Promise<unknown>;
  index(name: string): { openCursor(query: IDBValidKey): Promise<Cursor | null> };
}
/** The upgrade transaction as this step uses it (typed loosely: it reads records of earlier shapes). */
export interface UpgradeStores {
  objectStore(name: 'scripts' | 'workshops' | 'runs' | 'captures' | 'promptLog' | 'series'): Store;
}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Two series records as one, or 'clash' when both hold something different that one record cannot
 * keep (an intermediate task, groups, an evaluation, a dot budget, one person in two organisations).
 */
export function mergeSeriesRecords(into: Row, from: Row): Row | 'clash' {
  for (const field of ['intermediateTask', 'groups', 'processEvaluation', 'dotBudget']) {
    if (into[field] !== undefined && from[field] !== undefined && !sameJson(into[field], from[field])) return 'clash';
  }
  const organisations = new Map<string, Row>();
  for (const tag of [...((into.organisations as Row[] | undefined) ?? []), ...((from.organisations as Row[] | undefined) ?? [])]) {
    const known = organisations.get(String(tag.name));
    if (known && known.organisation !== tag.organisation) return 'clash';
    organisations.set(String(tag.name), tag);
  }
  const facilitators = [...new Set([...((into.facilitators as string[] | undefined) ?? []), ...((from.facilitators as string[] | undefined) ?? [])])];
  const merged: Row = { ...from, ...into, organisations: [...organisations.values()], facilitators };
  merged.updatedAt = Math.max(Number(into.updatedAt) || 0, Number(from.updatedAt) || 0);
  return merged;
}

async function rewriteByWorkshop(store: Store, workshopId: string, rewrite: (row: Row) => Row | undefined): Promise<void> {
  let cursor = await store.index('byWorkshop').openCursor(workshopId);
  while (cursor) {
    const next = rewrite(cursor.value);
    if (next) await cursor.update(next);
    cursor = await cursor.continue();
  }
}

/**
 * Schema v5's clean-up: every unedited copy of a built-in template goes, and the workshops made from
 * one move onto the one stored template of that language (tpl-<template>-<lang>), so the library
 * lists each template once and the workshops of a series are one series. A copy no workshop uses is
 * deleted. The first copy in use (most recent first) becomes the stored template when there is none
 * yet, keeping its ids; the workshops of any other copy have their phase ids mapped onto it (run,
 * reschedules, captures, prompt log). A copy stays, as a script of its own, where merging could lose
 * something: its phases do not line up with the stored template's, or its series data clashes.
 * Runs inside the upgrade transaction: only IndexedDB requests are awaited.
 */
export async function mergeTemplateCopies(tx: UpgradeStores): Promise<void> {
  const scriptStore = tx.objectStore('scripts');
  const workshopStore = tx.objectStore('workshops');
  const seriesStore = tx.objectStore('series');
  const [scriptRows, workshopRows] = await Promise.all([scriptStore.getAll(), workshopStore.getAll()]);
  const users = new Map<string, Row[]>();
  for (const w of workshopRows) users.set(String(w.scriptId), [...(users.get(String(w.scriptId)) ?? []), w]);
  const stored = new Map(scriptRows.map((r) => [String(r.id), r]));
  const copiesByTarget = new Map<string, Row[]>();
  for (const row of scriptRows) {
    const script = row.script as (Script & Row) | undefined;
    if (!script || typeof script.id !== 'string' || !Array.isArray(script.workshops)) continue;
    const target = uneditedCopyOf(script);
    if (target && row.id !== target) copiesByTarget.set(target, [...(copiesByTarget.get(target) ?? []), row]);
  }
  for (const [target, copies] of copiesByTarget) {
    const inUse = (row: Row) => (users.get(String(row.id))?.length ?? 0) > 0;
    copies.sort((a, b) => Number(inUse(b)) - Number(inUse(a)) || Number(b.updatedAt) - Number(a.updatedAt));
    for (const copy of copies) {
      const copyId = String(copy.id);
      const workshops = users.get(copyId) ?? [];
      const kept = stored.get(target);
      const copySeries = await seriesStore.get(copyId);
      if (workshops.length === 0) {
        await scriptStore.delete(copyId);
        continue;
      }
      const copyScript = copy.script as Script;
      const phaseIds = kept ? phaseIdMap(copyScript, kept.script as Script) : new Map<string, string>();
      if (!phaseIds) continue;
      const targetSeries = await seriesStore.get(target);
      const series = copySeries && targetSeries ? mergeSeriesRecords(targetSeries, copySeries) : (targetSeries ?? copySeries);
      if (series === 'clash') continue;
      if (!kept) {
        const promoted = { ...copy, id: target, script: { ...copyScript, id: target } };
        await scriptStore.put(promoted);
        stored.set(target, promoted);
      }
      if (series) await seriesStore.put({ ...series, id: target });
      if (copySeries) await seriesStore.delete(copyId);
      await scriptStore.delete(copyId);
      const phaseId = (id: unknown) => (typeof id === 'string' ? (phaseIds.get(id) ?? id) : id);
      for (const workshop of workshops) {
        const workshopId = String(workshop.id);
        await workshopStore.put({ ...workshop, scriptId: target });
        const runRecord = await tx.objectStore('runs').get(workshopId);
        const run = runRecord?.run as (Row & { phases?: Row[]; events?: Row[] }) | undefined;
        if (runRecord && run) {
          await tx.objectStore('runs').put({
            ...runRecord,
            run: {
              ...run,
              scriptId: target,
              phases: (run.phases ?? []).map((p) => ({ ...p, id: phaseId(p.id) })),
              events: (run.events ?? []).map((e) =>
                e.type === 'reschedule' && e.durations && typeof e.durations === 'object'
                  ? { ...e, durations: Object.fromEntries(Object.entries(e.durations).map(([id, sec]) => [phaseId(id), sec])) }
                  : e,
              ),
            },
          });
        }
        if (phaseIds.size === 0) continue;
        const remap = (row: Row) => (typeof row.phaseId === 'string' && phaseIds.has(row.phaseId) ? { ...row, phaseId: phaseId(row.phaseId) } : undefined);
        await rewriteByWorkshop(tx.objectStore('captures'), workshopId, remap);
        await rewriteByWorkshop(tx.objectStore('promptLog'), workshopId, remap);
      }
    }
  }
}
