import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/random';
import { parseScriptJson } from '../../../src/script/schema';
import { instantiateTemplate } from '../../../src/script/templates';
import { mergeWorkshopExports, parseWorkshopExport, WorkshopExport } from '../../../src/summary';
import { sampleDoc } from '../summary/fixture';

// A small seeded fuzzer: valid script and workshop exports, mutated structurally (values swapped
// for wrong types, keys dropped or added, __proto__ injected, arrays blown up) and textually
// (truncated, bytes flipped), fed to the importers and to the merge. Same seed, same cases: a
// failure names its seed and case so it can be replayed.

const SEED = Number(process.env.VUORO_FUZZ_SEED ?? 20251120);
const CASES = Number(process.env.VUORO_FUZZ_CASES ?? 400);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const WEIRD: Json[] = [
  null, true, false, 0, -1, 1.5, 1e308, -0, '', ' ', 'x'.repeat(20_000), '<script>alert(1)</script>', '__proto__',
  '2025-02-30', '00000000-0000-4000-8000-000000000001', [], {}, [[[[[]]]]], { __proto__: { polluted: 1 } } as Json, '\u0000', '😀'.repeat(100),
];

function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 20).forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) paths(value[k]!, [...prefix, k], out);
  return out;
}

function mutate(doc: Json, random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  // A fresh copy each time: a shared array inserted twice could be nested into itself.
  const weird = (): Json => structuredClone(pick(WEIRD));
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  const steps = 1 + Math.floor(random() * 3);
  let root: Json = copy;
  for (let s = 0; s < steps; s++) {
    const all = paths(root);
    const path = pick(all);
    if (path.length === 0) {
      if (random() < 0.1) root = weird();
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, root) as Record<string, Json> | Json[];
    const key = path[path.length - 1]!;
    const op = random();
    if (op < 0.35) (parent as Record<string, Json>)[key as string] = weird();
    else if (op < 0.5) delete (parent as Record<string, Json>)[key as string];
    else if (op < 0.6 && !Array.isArray(parent)) (parent as Record<string, Json>)[pick(['extra', 'constructor', 'prototype', 'toString'])] = weird();
    else if (op < 0.7 && !Array.isArray(parent)) {
      // A real own "__proto__" key, as JSON.parse would make from text.
      Object.defineProperty(parent, '__proto__', { value: { polluted: 'yes', votes: 999 }, enumerable: true, configurable: true, writable: true });
    } else if (op < 0.8) {
      const v = (parent as Record<string, Json>)[key as string];
      if (Array.isArray(v) && v.length) (parent as Record<string, Json>)[key as string] = Array.from({ length: 300 }, () => v[0]!);
      else (parent as Record<string, Json>)[key as string] = [v ?? null];
    } else if (op < 0.9) {
      const v = (parent as Record<string, Json>)[key as string];
      if (typeof v === 'string') (parent as Record<string, Json>)[key as string] = v + pick(['\u202e', '"', '\\', '\n', 'x'.repeat(5000)]);
      else if (typeof v === 'number') (parent as Record<string, Json>)[key as string] = pick([-v, v + 0.5, Number.MAX_SAFE_INTEGER * 4, 1e-300]);
    } else {
      (parent as Record<string, Json>)[key as string] = { nested: { deeper: weird() } };
    }
  }
  let text = JSON.stringify(root) ?? 'undefined';
  const textual = random();
  if (textual < 0.1) text = text.slice(0, Math.floor(random() * text.length));
  else if (textual < 0.2) {
    const at = Math.floor(random() * text.length);
    text = text.slice(0, at) + pick(['{', '}', '"', ',', '\\u', '\uFFFF', '']) + text.slice(at + 1);
  }
  return text;
}

const polluted = () => ({} as Record<string, unknown>).polluted !== undefined || (Object.prototype as Record<string, unknown>).votes !== undefined;

describe(`seeded fuzzer (seed ${SEED}, ${CASES} cases each)`, () => {
  const script = instantiateTemplate('open-process-close', 'en') as unknown as Json;
  const base = sampleDoc();

  it('starts from valid documents', () => {
    expect(parseScriptJson(JSON.stringify(script)).ok).toBe(true);
    expect(parseWorkshopExport(JSON.stringify(base)).ok).toBe(true);
  });

  it('parseScriptJson never throws and explains every refusal with a code and a path', () => {
    const random = seededRandom(SEED);
    let refused = 0;
    for (let i = 0; i < CASES; i++) {
      const text = mutate(script, random);
      let result: ReturnType<typeof parseScriptJson>;
      try {
        result = parseScriptJson(text);
      } catch (error) {
        throw new Error(`case ${i} (seed ${SEED}) threw: ${String(error)}\n${text.slice(0, 500)}`);
      }
      if (!result.ok) {
        refused++;
        expect(result.errors.length, `case ${i}`).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(['not-json', 'too-large', 'wrong-format', 'invalid-field'], `case ${i}`).toContain(e.code);
          expect(Array.isArray(e.path), `case ${i}`).toBe(true);
          if (e.code === 'invalid-field' && e.detail !== 'more-errors') expect(e.path.length, `case ${i}: ${JSON.stringify(e)}`).toBeGreaterThan(0);
        }
      } else {
        expect(Object.getPrototypeOf(result.script)).toBe(Object.prototype);
      }
      expect(polluted(), `case ${i}`).toBe(false);
    }
    expect(refused).toBeGreaterThan(CASES / 2);
  });

  it('parseWorkshopExport never throws; mergeWorkshopExports never loses or overwrites the base', () => {
    const random = seededRandom(SEED + 1);
    const baseSnapshot = JSON.stringify(base);
    let merged = 0;
    for (let i = 0; i < CASES; i++) {
      const text = mutate(base as unknown as Json, random);
      let result: ReturnType<typeof parseWorkshopExport>;
      try {
        result = parseWorkshopExport(text);
      } catch (error) {
        throw new Error(`case ${i} (seed ${SEED + 1}) threw: ${String(error)}\n${text.slice(0, 500)}`);
      }
      expect(polluted(), `case ${i}`).toBe(false);
      if (!result.ok) {
        expect(result.errors.length, `case ${i}`).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(typeof e.code).toBe('string');
          expect(typeof e.path).toBe('string');
          if (e.code === 'invalid-field') expect(e.path, `case ${i}: ${JSON.stringify(e)}`).not.toBe('');
        }
        continue; // an invalid file never reaches the merge: the base stays as it was
      }
      const incoming = result.doc;
      let outcome: ReturnType<typeof mergeWorkshopExports>;
      try {
        outcome = mergeWorkshopExports(base, incoming);
      } catch (error) {
        throw new Error(`merge case ${i} (seed ${SEED + 1}) threw: ${String(error)}\n${text.slice(0, 500)}`);
      }
      merged++;
      expect(JSON.stringify(base), `case ${i}: the base document was mutated`).toBe(baseSnapshot);
      expect(WorkshopExport.safeParse(outcome.doc).success, `case ${i}: merged document invalid`).toBe(true);
      expect(outcome.doc.workshop.id).toBe(base.workshop.id);
      const byId = new Map(outcome.doc.captures.map((c) => [c.id, c]));
      const incomingById = new Map(incoming.captures.map((c) => [c.id, c]));
      for (const kept of base.captures) {
        const now = byId.get(kept.id);
        expect(now, `case ${i}: base capture ${kept.id} lost`).toBeDefined();
        const rival = incomingById.get(kept.id);
        // Only a strictly newer version of the same capture may change its text.
        if (!rival || rival.updatedAt <= kept.updatedAt) expect(now!.text, `case ${i}`).toBe(kept.text);
        expect(now!.votes, `case ${i}: votes went down`).toBeGreaterThanOrEqual(kept.votes);
      }
      // Merging the same file again changes nothing.
      const again = mergeWorkshopExports(outcome.doc, incoming);
      expect(again.report.added, `case ${i}`).toBe(0);
    }
    expect(merged).toBeGreaterThan(0);
  });
});
