import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/summary/markdown';
import { capture, sampleDoc } from './fixture';

const tz = 'Europe/Helsinki';

describe('renderMarkdown', () => {
  it('writes Finnish headings, the agenda table and the sections in order', () => {
    const md = renderMarkdown(sampleDoc(), 'fi', { timeZone: tz });
    expect(md.startsWith('# Yhteenveto: Yhteiskehittäminen 2/4\n')).toBe(true);
    const order = ['## Tavoite', '## Osallistujat', '## Ohjelma: suunniteltu ja toteutunut', '## Päätökset', '## Toimenpiteet', '## Kokeilut', '## Välitehtävä', '## Eniten ääniä', '## Muistiinpanot vaiheittain', '## Käytetyt kortit', '## Puheenvuorot'];
    const positions = order.map((h) => md.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('| 12.00 Avaus | 10 min | 12 min | +2 min |');
    expect(md).toContain('| Ideointi | 30 min | 25 min | \u22125 min |');
    expect(md).toContain('| Lopetus | 10 min | ei pidetty |  |');
    expect(md).toContain('| **Yhteensä** | **50 min** | **37 min** | **\u22123 min** |');
    expect(md).toContain('- Varaa tila _(Vastuuhenkilö: Aino, Määräaika: 1.12.2025)_');
    expect(md).toContain('- Päivitä sivu _(Vastuuhenkilö: ei vastuuhenkilöä)_');
    expect(md).toContain('Fasilitaattorin osuus puheajasta:** 25\u00a0%');
    expect(md).not.toContain('Poistettu muistiinpano');
  });

  it('writes English headings and groups captures under phase then kind', () => {
    const md = renderMarkdown(sampleDoc(), 'en', { timeZone: tz });
    const notes = md.slice(md.indexOf('## Notes by phase'), md.indexOf('## Prompt cards used'));
    expect(notes.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '## Notes by phase',
      '### Ideointi',
      '#### Ideas',
      '#### Questions',
      '#### Decisions',
      '#### Experiments',
      '### Lopetus',
      '#### Actions',
      '### No phase',
      '#### Notes',
    ]);
    expect(md).toContain('## Decisions');
    expect(md).toContain('- **Exported:** 2025-11-20 15:00');
  });

  it('renders hostile text inert', () => {
    const doc = sampleDoc({
      workshop: { ...sampleDoc().workshop, title: '<img src=x onerror=alert(1)>' },
      captures: [
        capture({ text: '[click](javascript:alert(1))', kind: 'decision' }),
        capture({ text: '<script>alert(1)</script>\n# not a heading\n    not code' }),
        capture({ text: '![x](https://evil.example/t.png)', owner: '](javascript:x)' , kind: 'action' }),
      ],
    });
    const md = renderMarkdown(doc, 'en', { timeZone: tz });
    expect(md).not.toMatch(/<script|<img/);
    expect(md).not.toMatch(/(^|[^\\])\]\(/m);
    expect(md).not.toMatch(/(^|[^\\])!\[/m);
    expect(md).toContain('\\[click\\]\\(javascript\\:alert\\(1\\)\\)');
    expect(md).toContain('- &lt;script&gt;alert\\(1\\)&lt;/script&gt;\\\n  \\# not a heading\\\n  not code');
    expect(md).not.toMatch(/^#+ not a heading/m);
  });

  it('leaves participant names and statistics out unless included', () => {
    const md = renderMarkdown(sampleDoc({ includeParticipants: false, includeStats: false }), 'en', { timeZone: tz });
    expect(md).not.toContain('## Participants');
    expect(md).not.toContain('## Participation');
    expect(md).not.toContain('Bertil');
  });
});
