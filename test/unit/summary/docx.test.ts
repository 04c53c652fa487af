import { describe, expect, it } from 'vitest';
import { renderDocx, xmlSafe } from '../../../src/summary/docx';
import { renderMarkdown } from '../../../src/summary/markdown';
import { capture, sampleDoc } from './fixture';
import { readDocx } from './readDocx';
import { unzip } from './unzip';

// Opens the produced .docx as Word would (readDocx.ts) and checks text, headings and tables.

const tz = 'Europe/Helsinki';

describe('renderDocx', () => {
  it('writes a Word document with real headings, bullet lists and tables, in the summary order', async () => {
    const word = readDocx(await renderDocx(sampleDoc(), 'fi', { timeZone: tz }));
    const headings = word.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}:${p.text}`);
    expect(headings).toEqual([
      'Heading1:Yhteiskehittäminen 2/4', 'Heading2:Tavoite', 'Heading2:Päätökset', 'Heading2:Toimenpiteet', 'Heading2:Kokeilut', 'Heading2:Välitehtävä',
      'Heading2:Muistiinpanot vaiheittain', 'Heading3:Ideointi', 'Heading3:Ilman vaihetta', 'Heading2:Ohjelma: suunniteltu ja toteutunut',
      'Heading2:Käytetyt kortit', 'Heading2:Huomio fasilitoinnista',
    ]);
    expect(word.paragraphs.map((p) => p.text)).toContain('Varaa tila (Vastuuhenkilö: Aino, Määräaika: 1.12.2025)');
    const [agenda, speakers] = word.tables;
    expect(agenda![0]).toEqual(['Alku', 'Vaihe', 'Suunniteltu', 'Toteutunut', 'Ero']);
    expect(agenda![1]).toEqual(['12.00', 'Avaus', '10 min', '12 min', '+2 min']);
    expect(agenda!.at(-1)).toEqual(['', 'Yhteensä', '50 min', '37 min', '']);
    expect(speakers![1]).toEqual(['Aino', '5 min', '60\u00a0%', '4']);
    expect(word.text).not.toContain('Poistettu muistiinpano');
  });

  it('carries the same text as the Markdown', async () => {
    const doc = sampleDoc();
    const word = readDocx(await renderDocx(doc, 'en', { timeZone: tz }));
    for (const c of doc.captures.filter((c) => !c.deletedAt)) expect(word.text).toContain(c.text);
    expect(renderMarkdown(doc, 'en', { timeZone: tz })).toContain('Planned 50 min, took 37 min');
    expect(word.text).toContain('Planned 50 min, took 37 min: the workshop ended early (2 of 3 phases held).');
  });

  it('keeps hostile text as text, line breaks as breaks, and drops what XML cannot hold', async () => {
    const hostile = ['<w:p>injected</w:p>]]>', '</w:t></w:r><w:r><w:t>x', '&amp; <script>', 'first\nsecond', 'nul\u0000 and \u0001 bell\u0007', '\ud800 lone'];
    const word = readDocx(await renderDocx(sampleDoc({ captures: hostile.map((text, i) => capture({ text, createdAt: i })) }), 'en', { timeZone: tz }));
    for (const text of hostile) expect(word.text).toContain(xmlSafe(text));
    expect(xmlSafe('a\u0000b\u0007c\ud800d\ud83d\ude00')).toBe('abcd\ud83d\ude00');
  });

  it('names Vuoro in the file properties, not the library default "Un-named"', async () => {
    const core = unzip(await renderDocx(sampleDoc(), 'fi')).get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<cp:lastModifiedBy>Vuoro</cp:lastModifiedBy>');
    expect(core).toContain('<dc:creator>Vuoro</dc:creator>');
    expect(core).not.toContain('Un-named');
  });

  it('leaves names out unless included', async () => {
    const word = readDocx(await renderDocx(sampleDoc({ includeParticipants: false }), 'en', { timeZone: tz }));
    // Aino stays as an action's owner, which the facilitator wrote; Bertil is only a participant and a chat author.
    expect(word.text).not.toContain('Bertil');
    expect(word.tables).toHaveLength(1);
  });

  it('reports progress like the other formats', async () => {
    const reports: number[] = [];
    const big = sampleDoc({ captures: Array.from({ length: 2500 }, (_, i) => capture({ text: `n${i}`, createdAt: i })) });
    await renderDocx(big, 'en', { onProgress: (done) => reports.push(done) });
    expect(reports).toEqual([1000, 2000, 2500]);
  });
});
