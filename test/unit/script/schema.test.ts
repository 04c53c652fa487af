import { describe, expect, it } from 'vitest';
import { SCRIPT_LIMITS, parseScriptJson, serializeScript, type Script } from '../../../src/script/schema';
import { instantiateTemplate } from '../../../src/script/templates';

function sample(): Script {
  return instantiateTemplate('change-dialogue-series', 'fi', { plannedStart: '2025-03-03T09:00:00+02:00' });
}

/** The sample as plain JSON data, for breaking one field at a time. */
function sampleData(): any {
  return JSON.parse(serializeScript(sample()));
}

function errorsFor(data: unknown) {
  const result = parseScriptJson(JSON.stringify(data));
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

describe('serializeScript / parseScriptJson round trip', () => {
  it('returns the same script', () => {
    const script = sample();
    const text = serializeScript(script);
    expect(text).toContain('\n  "format": "vuoro-script"');
    const parsed = parseScriptJson(text);
    expect(parsed).toEqual({ ok: true, script });
    if (parsed.ok) expect(serializeScript(parsed.script)).toBe(text);
  });

  it('accepts a minimal hand-written script', () => {
    const text = JSON.stringify({
      format: 'vuoro-script',
      schemaVersion: 1,
      id: 'mine',
      title: 'Tiimipalaveri',
      description: '',
      lang: 'fi',
      workshops: [
        {
          id: 'w1',
          title: 'Palaveri',
          goal: '',
          phases: [{ id: 'p1', title: 'Kuulumiset', goal: '', durationSec: 600, facilitatorNotes: '', participantInstructions: '', promptCardIds: [], kind: 'plenary' }],
        },
      ],
    });
    expect(parseScriptJson(text).ok).toBe(true);
  });
});

describe('parseScriptJson errors', () => {
  it('reports text that is not JSON', () => {
    const result = parseScriptJson('{"format": "vuoro-script",');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ code: 'not-json', path: [] });
      expect(result.errors[0]!.detail).toBeTypeOf('string');
    }
  });

  it('rejects input over 2 MB before parsing it', () => {
    const padded = `${serializeScript(sample())}${' '.repeat(SCRIPT_LIMITS.importBytes)}`;
    expect(parseScriptJson(padded)).toMatchObject({ ok: false, errors: [{ code: 'too-large', path: [] }] });
    // Counted in UTF-8 bytes: 1 M characters of "ä" is 2 MB.
    const wide = `"${'ä'.repeat(SCRIPT_LIMITS.importBytes / 2)}"`;
    expect(wide.length).toBeLessThan(SCRIPT_LIMITS.importBytes);
    expect(parseScriptJson(wide)).toMatchObject({ ok: false, errors: [{ code: 'too-large' }] });
  });

  it.each([
    ['an array', '[]'],
    ['a number', '42'],
    ['null', 'null'],
    ['another format', '{"format": "mural-board", "schemaVersion": 1}'],
    ['no format', '{"title": "x"}'],
  ])('reports %s as the wrong format', (_, text) => {
    expect(parseScriptJson(text)).toEqual({ ok: false, errors: [{ code: 'wrong-format', path: ['format'], expected: 'vuoro-script' }] });
  });

  it('reports a newer schema version as the wrong format', () => {
    const data = sampleData();
    data.schemaVersion = 2;
    expect(errorsFor(data)).toEqual([{ code: 'wrong-format', path: ['schemaVersion'], detail: 'unsupported-version', expected: '1' }]);
  });

  it('points at a field of the wrong type', () => {
    const data = sampleData();
    data.workshops[0].phases[2].durationSec = '10 min';
    expect(errorsFor(data)).toEqual([
      { code: 'invalid-field', path: ['workshops', 0, 'phases', 2, 'durationSec'], detail: 'invalid_type', expected: 'number' },
    ]);
  });

  it('reports durations outside 1 min – 8 h with the bound', () => {
    const data = sampleData();
    data.workshops[0].phases[0].durationSec = 30;
    data.workshops[1].phases[1].durationSec = 8 * 3600 + 1;
    data.workshops[2].phases[0].durationSec = 90.5;
    const errors = errorsFor(data);
    expect(errors).toContainEqual({ code: 'invalid-field', path: ['workshops', 0, 'phases', 0, 'durationSec'], detail: 'too_small', expected: '>= 60', origin: 'number', limit: 60 });
    expect(errors).toContainEqual({ code: 'invalid-field', path: ['workshops', 1, 'phases', 1, 'durationSec'], detail: 'too_big', expected: '<= 28800', origin: 'number', limit: 28800 });
    expect(errors).toContainEqual(expect.objectContaining({ path: ['workshops', 2, 'phases', 0, 'durationSec'], detail: 'invalid_type', expected: 'int' }));
  });

  it('lists the allowed values for an unknown phase kind', () => {
    const data = sampleData();
    data.workshops[0].phases[1].kind = 'lecture';
    expect(errorsFor(data)).toEqual([
      {
        code: 'invalid-field',
        path: ['workshops', 0, 'phases', 1, 'kind'],
        detail: 'invalid_value',
        expected: 'plenary|small-groups|breakout|intermediate-task|break',
      },
    ]);
  });

  it('points at an unknown key itself', () => {
    const data = sampleData();
    data.workshops[0].phases[0].colour = 'red';
    expect(errorsFor(data)).toEqual([{ code: 'invalid-field', path: ['workshops', 0, 'phases', 0, 'colour'], detail: 'unrecognized_keys' }]);
  });

  it('checks the cross-field rules', () => {
    const data = sampleData();
    data.workshops[0].phases[0].minDurationSec = data.workshops[0].phases[0].durationSec + 60;
    data.workshops[0].phases[3].id = data.workshops[0].phases[1].id;
    data.workshops[0].plannedEnd = '2025-03-03T06:59:00Z';
    data.workshops[2].id = data.workshops[1].id;
    const paths = errorsFor(data).map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['workshops', 0, 'phases', 0, 'minDurationSec'],
        ['workshops', 0, 'phases', 3, 'id'],
        ['workshops', 0, 'plannedEnd'],
        ['workshops', 2, 'id'],
      ]),
    );
    expect(paths).toHaveLength(4);
  });

  it('rejects an invalid planned start', () => {
    const data = sampleData();
    data.workshops[0].plannedStart = 'tomorrow at nine';
    expect(errorsFor(data)).toEqual([{ code: 'invalid-field', path: ['workshops', 0, 'plannedStart'], detail: 'invalid_format', expected: 'datetime' }]);
  });

  it('enforces length and size limits', () => {
    const data = sampleData();
    data.title = 'x'.repeat(SCRIPT_LIMITS.titleChars + 1);
    data.workshops[0].phases[0].facilitatorNotes = 'y'.repeat(SCRIPT_LIMITS.notesChars + 1);
    data.workshops[1].phases = Array.from({ length: SCRIPT_LIMITS.phasesPerWorkshop + 1 }, (_, i) => ({ ...data.workshops[1].phases[0], id: `p${i}` }));
    data.workshops[2].phases[0].promptCardIds = Array.from({ length: SCRIPT_LIMITS.promptCardsPerPhase + 1 }, () => 'trust-goal');
    const errors = errorsFor(data);
    expect(errors).toContainEqual({ code: 'invalid-field', path: ['title'], detail: 'too_big', expected: '<= 200', origin: 'string', limit: 200 });
    expect(errors).toContainEqual(expect.objectContaining({ path: ['workshops', 0, 'phases', 0, 'facilitatorNotes'], detail: 'too_big' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: ['workshops', 1, 'phases'], detail: 'too_big', expected: '<= 60' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: ['workshops', 2, 'phases', 0, 'promptCardIds'], detail: 'too_big' }));
  });

  it('requires at least one workshop and one phase', () => {
    const data = sampleData();
    data.workshops[0].phases = [];
    expect(errorsFor(data)).toEqual([{ code: 'invalid-field', path: ['workshops', 0, 'phases'], detail: 'too_small', expected: '>= 1', origin: 'array', limit: 1 }]);
    data.workshops = [];
    expect(errorsFor(data)).toEqual([{ code: 'invalid-field', path: ['workshops'], detail: 'too_small', expected: '>= 1', origin: 'array', limit: 1 }]);
  });

  it('caps the number of reported errors', () => {
    const data = sampleData();
    for (const workshop of data.workshops) for (const phase of workshop.phases) Object.assign(phase, { durationSec: 'x', kind: 'x', title: 1 });
    const errors = errorsFor(data);
    expect(errors).toHaveLength(SCRIPT_LIMITS.reportedErrors + 1);
    expect(errors.at(-1)).toMatchObject({ code: 'invalid-field', path: [], detail: 'more-errors' });
  });

  it('never throws, whatever it is given', () => {
    const inputs = [
      '',
      '   ',
      '"just a string"',
      '{"format":"vuoro-script","schemaVersion":1,"workshops":null}',
      '{"format":"vuoro-script","schemaVersion":1,"workshops":[[[[]]]]}',
      '{"format":"vuoro-script","schemaVersion":1,"__proto__":{"polluted":true}}',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '\u0000\uffff',
    ];
    for (const input of inputs) {
      const result = parseScriptJson(input);
      expect(result.ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
