import { describe, expect, it } from 'vitest';
import { renderFile, type SummaryFormat } from '../../../src/summary/render';
import { unzip } from './unzip';
import { capture, sampleDoc } from './fixture';

// A typed or pasted capture may hold a bidi override (U+202E) or isolate: in a summary it turned the
// rest of its line round, so "ääni ei kuulu ‮gnp.exe" read "exe.png" and an action's owner and due
// date after its text read backwards. Every format a person reads leaves them out; the JSON keeps
// the capture as stored (it is data, re-imported as it was).

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

const doc = sampleDoc({
  workshop: { ...sampleDoc().workshop, title: 'Työpaja \u202Eäänet' },
  captures: [
    capture({ text: 'Asiakkaan ääni ei kuulu \u202Egnp.exe', kind: 'idea', mapField: 'content-now' }),
    capture({ text: 'Soita Jörkylle\u202E', kind: 'action', owner: 'Åsa\u2067 Öhman', due: '2026-12-04' }),
    capture({ text: '\u202E=1+1', kind: 'idea' }),
  ],
});

async function text(format: SummaryFormat): Promise<string> {
  const bytes = await renderFile(format, doc, 'fi', { timeZone: 'Europe/Helsinki' });
  if (format === 'docx') return unzip(Buffer.from(bytes)).get('word/document.xml')!.toString('utf8');
  return new TextDecoder().decode(bytes);
}

describe('bidi controls in summaries', () => {
  it.each(['md', 'html', 'docx', 'csv', 'sticky'] as const)('%s leaves overrides and isolates out, the words kept', async (format) => {
    const out = await text(format);
    expect(out).not.toMatch(CONTROLS);
    expect(out).toContain('Asiakkaan ääni ei kuulu gnp.exe');
    if (format !== 'sticky') expect(out).toContain('Soita Jörkylle');
  });

  it('keeps the owner and due date readable after the action, and the formula guard in CSV', async () => {
    expect(await text('md')).toContain('- Soita Jörkylle *(Vastuuhenkilö: Åsa Öhman, Määräaika: 4.12.2026)*');
    expect(await text('csv')).toContain(";'=1+1;");
  });

  it('JSON keeps the capture as stored', async () => {
    expect(JSON.parse(await text('json')).captures[0].text).toBe('Asiakkaan ääni ei kuulu \u202Egnp.exe');
  });
});
