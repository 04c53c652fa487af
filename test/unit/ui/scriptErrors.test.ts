import { afterEach, describe, expect, it } from 'vitest';
import { jsonErrorPlace, parseScriptJson, PhaseSchema, ScriptSchema, SeedSourceSchema, validateScript, WorkshopSchema, type ScriptImportError } from '../../../src/script/schema';
import { instantiateTemplate } from '../../../src/script/templates';
import { hasKey, setLang } from '../../../src/ui/i18n';
import { describeScriptError } from '../../../src/ui/options/scriptErrors';

// A script's problems in plain words, in the user's language. They read "Title: not valid
// (too_small; expected >= 1).", "Duration: not valid (too_big; expected <= 28800)" (seconds, for a
// field that asks for minutes) and, in Finnish, "description: ei kelpaa (invalid_type; odotettiin
// string)". Found in a walk-through of the options page.

function problems(): ScriptImportError[] {
  const script = structuredClone(instantiateTemplate('open-process-close', 'en')) as unknown as Record<string, unknown> & { workshops: { phases: Record<string, unknown>[] }[] };
  script.title = '';
  script.description = 42;
  script.extra = true;
  script.workshops[0]!.phases[0]!.durationSec = 999 * 60;
  script.workshops[0]!.phases[1]!.kind = 'party';
  const result = validateScript(script);
  if (result.ok) throw new Error('expected problems');
  return result.errors;
}

afterEach(() => setLang('en'));

describe('describeScriptError', () => {
  it('says in English where the problem is and what the field takes', () => {
    setLang('en');
    const text = problems().map(describeScriptError);
    expect(text).toEqual(
      expect.arrayContaining([
        'Title: fill this in.',
        'Description: should be text.',
        'extra: Vuoro does not know this field.',
        'Workshop 1 › Phase 1 › Duration: at most 480 min.',
        expect.stringMatching(/^Workshop 1 › Phase 2 › Kind: one of plenary, .+\.$/),
      ]),
    );
    for (const line of text) expect(line).not.toMatch(/too_|invalid_|expected|unrecognized|28800/);
  });

  it('says it in Finnish', () => {
    setLang('fi');
    const text = problems().map(describeScriptError);
    expect(text).toEqual(expect.arrayContaining(['Otsikko: täytä tämä.', 'Kuvaus: pitäisi olla tekstiä.', 'extra: Vuoro ei tunne tätä kenttää.', 'Työpaja 1 › Vaihe 1 › Kesto: enintään 480 min.']));
    for (const line of text) expect(line).not.toMatch(/too_|invalid_|odotettiin|string/);
  });

  it('names a workshop export picked by mistake, and where it goes', () => {
    setLang('fi');
    const result = validateScript({ format: 'vuoro-workshop', schemaVersion: 1 });
    expect(result.ok ? [] : result.errors.map(describeScriptError)).toEqual(['Tiedosto on työpajan vienti: tuo se kohdassa Työpajat ja vienti.']);
  });

  it('says where a file stops being JSON in the user’s words, not the engine’s English message', () => {
    // A Finnish walk-through read "Tiedosto ei ole kelvollista JSONia (Expected double-quoted
    // property name in JSON at position 15 (line 1 column 16))."
    setLang('fi');
    const described = (text: string) => {
      const result = parseScriptJson(text);
      return result.ok ? [] : result.errors.map(describeScriptError);
    };
    expect(described('{"title": "x", ')).toEqual(['Tiedosto ei ole kelvollista JSONia: virhe rivillä 1, merkin 16 kohdalla.']);
    expect(described('{\n  "a": 1\n  "b": 2\n}')).toEqual(['Tiedosto ei ole kelvollista JSONia: virhe rivillä 3, merkin 3 kohdalla.']);
    expect(described('  \n')).toEqual(['Tiedosto on tyhjä.']);
    setLang('en');
    expect(described('{"title": "x", ')).toEqual(['The file is not valid JSON: it goes wrong on line 1, at character 16.']);
  });

  it('reads the place from each engine’s message', () => {
    const text = '{"title": "x", ';
    expect(jsonErrorPlace(text, new SyntaxError('Expected double-quoted property name in JSON at position 15 (line 1 column 16)'))).toBe('1:16');
    expect(jsonErrorPlace(text, new SyntaxError('JSON.parse: expected double-quoted property name at line 1 column 16 of the JSON data'))).toBe('1:16');
    expect(jsonErrorPlace('{\n"a"\n x', new SyntaxError('Unexpected token at position 7'))).toBe('3:2');
    expect(jsonErrorPlace(text, new SyntaxError('Unexpected end of JSON input'))).toBeUndefined();
    expect(jsonErrorPlace('', new SyntaxError('Unexpected end of JSON input'))).toBe('empty');
  });

  it('names every field of the format in the user’s words (a Finnish walk-through read "workshops: pitäisi olla luettelo.")', () => {
    const fields = [ScriptSchema, WorkshopSchema, PhaseSchema, SeedSourceSchema].flatMap((schema) => Object.keys(schema.shape));
    expect(fields.filter((field) => !hasKey(`field_${field}`))).toEqual([]);
    setLang('fi');
    const result = validateScript({ format: 'vuoro-script', schemaVersion: 1, id: 'a', title: 'T', description: '', lang: 'fi' });
    expect(result.ok ? [] : result.errors.map(describeScriptError)).toEqual(['Työpajat: pitäisi olla luettelo.']);
  });
});
