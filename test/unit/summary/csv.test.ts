import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/summary/csv';
import { capture, sampleDoc } from './fixture';

const tz = 'Europe/Helsinki';

/** A minimal RFC 4180 reader with semicolons, to check the file parses back to the same cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('renderCsv', () => {
  it('starts with a UTF-8 BOM and uses semicolons and CRLF', () => {
    const csv = renderCsv(sampleDoc(), 'fi', { timeZone: tz });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Vaihe', 'Tyyppi', 'Teksti', 'Teema', 'Vastuuhenkilö', 'Määräaika', 'Äänet', 'Tunnisteet', 'Lähde', 'Kirjoittaja', 'Kirjaaja', 'Luotu', 'Tunnus', 'Kartan kenttä', 'Alkaa', 'Päättyy', 'Mitä kokeillaan', 'Työntekijöiden näkökulma', 'Asiakkaiden näkökulma', 'Yhteensovittaminen', 'Päätös', 'Valittu kokeiltavaksi']);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.length === 22)).toBe(true);
  });

  it('writes one row per live capture, grouped by phase then kind, with Excel-readable dates', () => {
    const rows = readCsv(renderCsv(sampleDoc(), 'en', { timeZone: tz }).slice(1));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Ideointi', 'Idea', 'Lisää taukoja'],
      ['Ideointi', 'Question', 'Kuka vastaa viestinnästä?'],
      ['Ideointi', 'Decision', 'Kokeillaan etäkahveja'],
      ['Ideointi', 'Experiment', 'Etäkahvit kahdesti viikossa'],
      ['Lopetus', 'Action', 'Varaa tila'],
      ['Lopetus', 'Action', 'Päivitä sivu'],
      ['', 'Note', 'Irrallinen huomio'],
    ]);
    const action = rows[5]!;
    expect(action[4]).toBe('Aino');
    expect(action[5]).toBe('2025-12-01');
    expect(action[11]).toMatch(/^2025-11-20 12:00$/);
    expect(rows[7]![9]).toBe('Bertil');
  });

  it('guards formulas and keeps separators, quotes and line breaks inside one cell', () => {
    const doc = sampleDoc({
      captures: [
        capture({ text: '=HYPERLINK("http://evil.example";"click")', createdAt: 1 }),
        capture({ text: '-2+3', owner: '@admin', tags: ['+x'], createdAt: 2 }),
        capture({ text: 'a;b "c"\nd', createdAt: 3 }),
      ],
    });
    const rows = readCsv(renderCsv(doc, 'en', { timeZone: tz }).slice(1));
    expect(rows.slice(1).map((r) => r[2])).toEqual([`'=HYPERLINK("http://evil.example";"click")`, "'-2+3", 'a;b "c"\nd']);
    expect(rows[2]![4]).toBe("'@admin");
    expect(rows[2]![7]).toBe("'+x");
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('leaves the author column out when participants are not included', () => {
    const rows = readCsv(renderCsv(sampleDoc({ includeParticipants: false }), 'en', { timeZone: tz }).slice(1));
    expect(rows[0]).not.toContain('Author');
    expect(rows.flat()).not.toContain('Bertil');
  });
});
