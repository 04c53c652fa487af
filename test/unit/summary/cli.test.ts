import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkshopExport, renderJson } from '../../../src/summary/json';
import { withoutExcluded } from '../../../src/summary/model';
import { unzip } from './unzip';
import { capture, sampleDoc, uuid } from './fixture';

// End to end: build the bundle with scripts/build-cli.mjs, then run bin/vuoro.mjs as a user would.

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin', 'vuoro.mjs');
const BUNDLE = join(ROOT, 'dist', 'cli', 'vuoro.mjs');
let dir: string;

function vuoro(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vuoro-cli-'));
  writeFileSync(join(dir, 'run.json'), renderJson(sampleDoc()));
  const notes = sampleDoc({
    workshop: { id: 'ws-notes', title: 'Notes', goal: '' },
    captures: [capture({ id: uuid(990), text: 'From the note-taker', phaseId: 'p-ideas' }), capture({ id: uuid(991), text: 'LISÄÄ TAUKOJA', phaseId: 'p-ideas' })],
  });
  writeFileSync(join(dir, 'notes.json'), renderJson(notes));
  writeFileSync(join(dir, 'broken.json'), '{"format": "vuoro-workshop", ');
  const invalid = JSON.parse(renderJson(sampleDoc()));
  invalid.captures[2].kind = 'wish';
  writeFileSync(join(dir, 'invalid.json'), JSON.stringify(invalid));

  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(build.status, build.stderr).toBe(0);
  expect(existsSync(BUNDLE)).toBe(true);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vuoro CLI', () => {
  it('builds the bundle on first use when it is missing', () => {
    rmSync(BUNDLE);
    const { code, stdout } = vuoro('summary', 'run.json', '--format', 'sticky');
    expect(code).toBe(0);
    expect(existsSync(BUNDLE)).toBe(true);
    expect(stdout.split('\n')[0]).toBe('Lisää taukoja');
  }, 120_000);

  it('writes Markdown in the export’s language by default', () => {
    const { code, stdout } = vuoro('summary', 'run.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Yhteiskehittäminen 2\/4\n/);
    expect(stdout).toContain('## Päätökset');
  });

  it('writes HTML in the chosen language to a file', () => {
    const { code, stdout } = vuoro('summary', 'run.json', '--format', 'html', '--lang', 'en', '--out', 'summary.html');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const html = readFileSync(join(dir, 'summary.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<h2>Decisions</h2>');
  });

  it('writes CSV with a BOM and JSON that parses back', () => {
    expect(vuoro('summary', 'run.json', '--format=csv').stdout.startsWith('\uFEFFVaihe;Tyyppi;')).toBe(true);
    const json = vuoro('summary', 'run.json', '--format', 'json').stdout;
    expect(parseWorkshopExport(json)).toEqual({ ok: true, doc: withoutExcluded(sampleDoc()) });
  });

  it('writes a Word document with --format docx', () => {
    const { code } = vuoro('summary', 'run.json', '--format', 'docx', '--out', 'Työpaja 1.docx');
    expect(code).toBe(0);
    const xml = unzip(readFileSync(join(dir, 'Työpaja 1.docx'))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Yhteiskehittäminen 2/4');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it('merges a note-taker’s export without duplicates and reports it', () => {
    const { code, stderr } = vuoro('merge', 'run.json', 'notes.json', '--out', 'merged.json');
    expect(code).toBe(0);
    expect(stderr).toContain('Merged: 1 added, 0 updated, 1 duplicates skipped, 0 conflicts');
    const merged = parseWorkshopExport(readFileSync(join(dir, 'merged.json'), 'utf8'));
    expect(merged.ok && merged.doc.captures.map((c) => c.text)).toContain('From the note-taker');
    expect(merged.ok && merged.doc.captures).toHaveLength(sampleDoc().captures.length + 1);

    const again = vuoro('merge', 'merged.json', 'notes.json', '--lang', 'fi');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Yhdistetty: 0 uutta');
  });

  it('fails with a localised message and exit code 1 on bad input', () => {
    const broken = vuoro('summary', 'broken.json', '--lang', 'fi');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Tiedosto ei ole kelvollista JSONia: virhe rivillä 1, merkin 30 kohdalla.');
    expect(broken.stdout).toBe('');

    const invalid = vuoro('summary', 'invalid.json');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('Invalid field captures[2].kind');

    const missing = vuoro('summary', 'nope.json', '--lang', 'en');
    expect(missing.code).toBe(1);
    // In words, not the system's code ("ENOENT"); found in a newcomer's walk-through.
    expect(missing.stderr).toContain('Cannot read nope.json: no such file');
    expect(vuoro('summary', 'nope.json', '--lang', 'fi').stderr).toContain('Tiedostoa nope.json ei voi lukea: kansiota tai tiedostoa ei ole');

    const format = vuoro('summary', 'run.json', '--format', 'pdf', '--lang', 'fi');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('Tuntematon muoto: pdf');

    expect(vuoro('frobnicate').code).toBe(1);
    // No file: the usage follows the message; "vuoro help" is the usage, not an unknown command.
    const noFile = vuoro('summary');
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toMatch(/No file given\n[\s\S]*vuoro summary/);
    const help = vuoro('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('vuoro summary');
    expect(vuoro('summary', 'run.json', '--lang', 'sv').stderr).toContain('Unknown language: sv');
    // Seven processes: on two shared cores under load the default 5 s is too tight.
  }, 30_000);
});
