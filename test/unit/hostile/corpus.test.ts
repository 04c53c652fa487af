import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScriptJson } from '../../../src/script/schema';
import { MAX_IMPORT_BYTES, parseWorkshopExport } from '../../../src/summary';

// Every file of the hostile corpus through both importers: an error value with a code and a path,
// never an exception, and never a polluted prototype.

const DIR = join(import.meta.dirname, '../../fixtures/hostile');
const corpus = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'xss-strings.json');

const polluted = () =>
  ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined || (Object.prototype as Record<string, unknown>).votes !== undefined;

afterEach(() => expect(polluted()).toBe(false));

function expectScriptErrors(text: string) {
  const result = parseScriptJson(text);
  expect(result.ok).toBe(false);
  if (result.ok) return result;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(['not-json', 'too-large', 'wrong-format', 'invalid-field']).toContain(error.code);
    expect(Array.isArray(error.path)).toBe(true);
  }
  return result;
}

function expectExportErrors(input: string | Uint8Array) {
  const result = parseWorkshopExport(input);
  expect(result.ok).toBe(false);
  if (result.ok) return result;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.code).toBe('string');
    expect(typeof error.path).toBe('string');
  }
  return result;
}

describe('hostile corpus', () => {
  it.each(corpus)('%s: both importers answer with errors, never throw', (file) => {
    const bytes = readFileSync(join(DIR, file));
    const text = bytes.toString('utf8');
    expectScriptErrors(text);
    // proto-workshop.json is a valid export once its unknown keys are dropped: checked on its own below.
    if (file === 'proto-workshop.json') return;
    expectExportErrors(text);
    expectExportErrors(new Uint8Array(bytes));
  });

  it('names the fields at fault, with paths', () => {
    const workshop = expectExportErrors(readFileSync(join(DIR, 'wrong-types-workshop.json'), 'utf8'));
    const paths = workshop.ok ? [] : workshop.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['exportedAt', 'lang', 'workshop.title', 'agenda', 'captures[0].id', 'captures[0].kind', 'promptsUsed']));
    const script = expectScriptErrors(readFileSync(join(DIR, 'wrong-types-script.json'), 'utf8'));
    const scriptPaths = script.ok ? [] : script.errors.map((e) => e.path.join('.'));
    expect(scriptPaths).toEqual(expect.arrayContaining(['title', 'lang', 'workshops.0.phases.0.durationSec', 'workshops.0.phases.0.kind', 'extra']));
  });

  it('says which version it cannot read', () => {
    for (const file of ['version-string.json', 'version-future.json']) {
      const result = expectExportErrors(readFileSync(join(DIR, file), 'utf8'));
      expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path])).toEqual([['unsupported-version', 'schemaVersion']]);
    }
  });

  it('keeps __proto__ keys out of prototypes (script)', () => {
    const result = parseScriptJson(readFileSync(join(DIR, 'proto-script.json'), 'utf8'));
    // Scripts are strict objects: the extra keys are reported, and nothing was polluted on the way.
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path.join('.'))).toEqual(expect.arrayContaining(['constructor']));
  });

  it('keeps __proto__ keys out of prototypes (workshop export)', () => {
    const result = parseWorkshopExport(readFileSync(join(DIR, 'proto-workshop.json'), 'utf8'));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const capture = result.doc.captures[0]!;
      expect(capture.votes).toBe(0);
      expect(Object.getPrototypeOf(result.doc)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(capture)).toBe(Object.prototype);
      expect((result.doc as Record<string, unknown>).polluted).toBeUndefined();
      expect((capture as Record<string, unknown>).polluted).toBeUndefined();
      expect((capture.source as Record<string, unknown>).polluted).toBeUndefined();
      expect((result.doc.workshop as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses a file over the limit before parsing it', () => {
    const filler = 'x'.repeat(MAX_IMPORT_BYTES + 1024 * 1024);
    const text = `{"format":"vuoro-workshop","schemaVersion":1,"pad":"${filler}"}`;
    const fromText = expectExportErrors(text);
    expect(fromText.ok ? '' : fromText.errors[0]!.code).toBe('too-large');
    const fromBytes = expectExportErrors(new TextEncoder().encode(text));
    expect(fromBytes.ok ? '' : fromBytes.errors[0]!.code).toBe('too-large');
    const script = expectScriptErrors(`{"format":"vuoro-script","schemaVersion":1,"title":"${filler}"}`);
    expect(script.ok ? '' : script.errors[0]!.code).toBe('too-large');
  });

  it('refuses a file just over the limit when its multi-byte UTF-8 size is what crosses it', () => {
    const euros = '€'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 10); // 3 bytes each, length under the limit
    const result = expectExportErrors(`{"format":"vuoro-workshop","pad":"${euros}"}`);
    expect(result.ok ? '' : result.errors[0]!.code).toBe('too-large');
  });

  it('survives deep nesting (100 000 levels) and huge strings in fields', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expectScriptErrors(`{"format":"vuoro-script","schemaVersion":1,"title":${deep}}`);
    expectExportErrors(`{"format":"vuoro-workshop","schemaVersion":1,"workshop":${deep}}`);
    const objects = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    expectScriptErrors(objects);
    expectExportErrors(objects);
    const long = 'A'.repeat(2_000_000);
    const result = expectExportErrors(
      `{"format":"vuoro-workshop","schemaVersion":1,"exportedAt":1,"lang":"en","workshop":{"id":"w","title":"${long}","goal":""},"agenda":[],"captures":[],"promptsUsed":[],"includeParticipants":false,"includeStats":false}`,
    );
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['workshop.title']);
    expect(JSON.stringify(result).length).toBeLessThan(10_000); // errors do not echo the payload
  });

  it('reports at most a bounded number of errors for a file with thousands', () => {
    const captures = Array.from({ length: 5000 }, () => ({ id: 'x' }));
    const text = JSON.stringify({ format: 'vuoro-workshop', schemaVersion: 1, exportedAt: 1, lang: 'en', workshop: { id: 'w', title: '', goal: '' }, agenda: [], captures, promptsUsed: [], includeParticipants: false, includeStats: false });
    const result = expectExportErrors(text);
    expect(result.ok ? 0 : result.errors.length).toBeLessThanOrEqual(50);
  });
});
