import { describe, expect, it } from 'vitest';
import { composeIntermediateTask } from '../../../src/series/task';
import { developmentMap } from '../../../src/series/map';
import { renderFile, SUMMARY_FORMATS } from '../../../src/summary/render';
import { safeFileName } from '../../../src/ui/shared/download';
import { capture, sampleDoc, T0, uuid } from './fixture';
import { unzip } from './unzip';

// Every format read for what the user left out: participant names and chat authors (the pairs
// and groups of the intermediate task too), a Zoom passcode in a page address, and the text of a
// deleted capture.

/** The intermediate task as composed and copied in the panel: the groups' names at its end. */
const TASK = composeIntermediateTask('fi', developmentMap([]), [
  ['Zelda Salainen', 'Bo Kim'],
  ['Päivi Äijälä', 'Jussi Östman', 'Cy Diaz'],
]);

const doc = (over: { includeParticipants?: boolean; keepFullUrls?: boolean } = {}) =>
  sampleDoc({
    workshop: { id: 'ws-1', title: 'Työpaja 1', goal: '', date: '2025-11-20', intermediateTask: TASK },
    includeParticipants: over.includeParticipants ?? false,
    ...(over.keepFullUrls ? { keepFullUrls: true } : {}),
    participants: [{ key: 'z', name: 'Zelda Salainen' }],
    participation: [{ key: 'z', name: 'Zelda Salainen', speakingSec: 60, share: 1, turns: 2 }],
    floor: [{ type: 'hand', key: 'z', name: 'Zelda Salainen', raisedAt: T0, grantedAt: T0 + 5000 }],
    captures: [
      capture({ id: uuid(1), text: 'Näkyvä ajatus', source: { type: 'chat', author: 'Zelda Salainen', url: 'https://app.zoom.us/wc/123/join?pwd=PASSCODE9#x' } }),
      capture({ id: uuid(2), text: 'Poistettu luottamuksellinen', deletedAt: T0 + 1, source: { type: 'hotkey', url: 'https://app.zoom.us/j/1?pwd=PASSCODE9' } }),
    ],
  });

async function asText(format: (typeof SUMMARY_FORMATS)[number], d: ReturnType<typeof doc>): Promise<string> {
  const bytes = await renderFile(format, d, 'fi');
  if (format !== 'docx') return new TextDecoder().decode(bytes);
  return [...unzip(bytes).values()].map((b) => b.toString('utf8')).join('\n');
}

describe('every format honours the privacy choices', () => {
  it.each(SUMMARY_FORMATS)('%s: no names, passcodes or deleted text', async (format) => {
    const text = await asText(format, doc());
    expect(text).toContain('Näkyvä ajatus');
    expect(text).not.toContain('Zelda');
    // The task stays; its list of pairs and groups, names each, goes (found in a Finnish walk-through).
    if (format !== 'csv' && format !== 'sticky') expect(text).toContain('Pohdi ensin yksin');
    expect(text).not.toMatch(/Päivi|Parit ja ryhmät|Pari 1|Ryhmä 2/u);
    expect(text).not.toContain('PASSCODE9');
    expect(text).not.toContain('Poistettu luottamuksellinen');
  });

  it('keeps names and full addresses when the user says so', async () => {
    const json = await asText('json', doc({ includeParticipants: true, keepFullUrls: true }));
    expect(json).toContain('Zelda Salainen');
    expect(json).toContain('Ryhmä 2: Päivi Äijälä, Jussi Östman, Cy Diaz');
    expect(await asText('md', doc({ includeParticipants: true }))).toContain('Pari 1: Zelda Salainen, Bo Kim');
    expect(json).toContain('?pwd=PASSCODE9');
    expect(json).not.toContain('Poistettu luottamuksellinen');
  });
});

describe('safeFileName', () => {
  it('keeps Finnish letters and spaces, drops what a file system could misread', () => {
    expect(safeFileName('Työpaja 1', 'md')).toBe('Työpaja 1.md');
    expect(safeFileName('Työpaja 1: Nykytila / ÄÖÅ', 'docx')).toBe('Työpaja 1 Nykytila ÄÖÅ.docx');
    expect(safeFileName('Työpaja'.normalize('NFD'), 'md')).toBe('Työpaja.md');
    expect(safeFileName('../../etc/passwd\u0000', 'md')).toBe('etc passwd.md');
    expect(safeFileName('<>:"', 'csv')).toBe('vuoro.csv');
  });
});
