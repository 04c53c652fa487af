import { Window } from 'happy-dom';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/summary/markdown';
import { capture, sampleDoc, T0 } from './fixture';

const tz = 'Europe/Helsinki';

function renderedText(md: string): string {
  const window = new Window();
  const text = new window.DOMParser().parseFromString(micromark(md), 'text/html').body.textContent ?? '';
  window.close();
  return text;
}

describe('renderMarkdown', () => {
  it('puts decisions and actions first, then captures by phase, the agenda, cards and the facilitation note', () => {
    const md = renderMarkdown(sampleDoc(), 'fi', { timeZone: tz });
    expect(md.startsWith('# Yhteiskehittäminen 2/4\n')).toBe(true);
    const order = ['## Tavoite', '## Päätökset', '## Toimenpiteet', '## Kokeilut', '## Välitehtävä', '## Muistiinpanot vaiheittain', '## Ohjelma: suunniteltu ja toteutunut', '## Käytetyt kortit', '## Huomio fasilitoinnista'];
    const positions = order.map((h) => md.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('- **Osallistujat:** Aino, Bertil');
    expect(md).toContain('- Varaa tila *(Vastuuhenkilö: Aino, Määräaika: 1.12.2025)*');
    expect(md).toContain('- Päivitä sivu *(Vastuuhenkilö: ei nimetty)*');
    expect(md).toContain('| 12.00 | Avaus | 10 min | 12 min | +2 min |');
    expect(md).toContain('|  | Lopetus | 10 min | ei pidetty |  |');
    expect(md).toContain('Suunniteltu kesto 50 min, toteutui 37 min: työpaja päättyi ennen suunniteltua (2/3 vaihetta pidettiin).');
    expect(md).toContain('Fasilitoinnin osuus puheajasta oli 25\u00a0%.');
    expect(md).not.toContain('Poistettu muistiinpano');
    // Each capture once: decisions and actions are not repeated under their phase.
    expect(md.split('Kokeillaan etäkahveja').length).toBe(2);
  });

  it('reads totals in plain words, in English too', () => {
    const doc = sampleDoc({
      agenda: [
        { phaseId: 'a', title: 'Opening', kind: 'plenary', plannedSec: 3600, actualSec: 4470 },
        { phaseId: 'b', title: 'Work', kind: 'plenary', plannedSec: 5400, actualSec: 5400 },
      ],
    });
    const md = renderMarkdown(doc, 'en', { timeZone: tz });
    expect(md).toContain('Planned 2 h 30 min, took 2 h 45 min: 15 min longer than planned.');
    expect(md).not.toMatch(/ s\b.*·|\d+ min \d+ s/);
  });

  it('lists the reschedules and the cards acted on, not every card shown', () => {
    const doc = sampleDoc({
      reschedules: [
        { at: T0 + 600_000, type: 'extend', phaseId: 'p-open', changeSec: 300 },
        { at: T0 + 900_000, type: 'reschedule', changes: [{ phaseId: 'p-ideas', fromSec: 1800, toSec: 1500 }] },
        { at: T0 + 1_000_000, type: 'move-end', endMs: T0 + 3 * 3600_000 },
      ],
      promptsUsed: [
        ...Array.from({ length: 6 }, (_, i) => ({ cardId: 'wait', title: 'Odota vastausta', at: T0 + i, action: 'shown' as const })),
        { cardId: 'round', title: 'Kierros', at: T0 + 10, action: 'used' as const, phaseId: 'p-ideas' },
      ],
    });
    const md = renderMarkdown(doc, 'en', { timeZone: tz });
    expect(md).toContain('### Changes to the timetable');
    expect(md).toContain('- At 12:10: “Avaus” was given 5 min more.');
    expect(md).toContain('- At 12:15: the remaining phases were fitted to the time left: Ideointi 30 min → 25 min.');
    expect(md).toContain('- At 12:16: the end was moved to 15:00.');
    expect(md).toContain('- Kierros *(once, Ideointi)*');
    expect(md).toContain('Other cards shown but not used: 1.');
    expect(md).not.toContain('Odota vastausta');
  });

  it('says no card was used when none was, rather than "other cards"', () => {
    const shown = (cardId: string, i: number) => ({ cardId, title: cardId, at: T0 + i, action: 'shown' as const });
    const doc = sampleDoc({ promptsUsed: [shown('a', 1), shown('b', 2), shown('a', 3)] });
    expect(renderMarkdown(doc, 'fi', { timeZone: tz })).toContain('## Käytetyt kortit\n\nNäytetyistä korteista (2) yhtäkään ei käytetty.');
    expect(renderMarkdown(doc, 'en', { timeZone: tz })).toContain('None of the cards shown (2) was used.');
    expect(renderMarkdown(doc, 'fi', { timeZone: tz })).not.toContain('Muita');
  });

  it('condenses the clicks: six "+5 min" on one phase are one line, added and taken back is none, the end moved twice is one', () => {
    const min = (m: number) => T0 + m * 60_000;
    const doc = sampleDoc({
      reschedules: [
        ...Array.from({ length: 6 }, (_, i) => ({ at: min(45) + i * 20_000, type: 'extend' as const, phaseId: 'p-open', changeSec: 300 })),
        { at: min(50), type: 'extend', phaseId: 'p-ideas', changeSec: 60 },
        { at: min(50) + 5_000, type: 'extend', phaseId: 'p-ideas', changeSec: -60 },
        { at: min(52), type: 'move-end', endMs: min(180) },
        { at: min(52) + 10_000, type: 'move-end', endMs: min(190) },
        { at: min(60), type: 'extend', phaseId: 'p-open', changeSec: 60 },
      ],
    });
    for (const [lang, lines] of [
      ['fi', ['- klo 12.45–12.46: vaiheelle ”Avaus” lisättiin 30 min.', '- klo 12.52: päättymisaika siirrettiin klo 15.10.', '- klo 13.00: vaiheelle ”Avaus” lisättiin 1 min.']],
      ['en', ['- At 12:45–12:46: “Avaus” was given 30 min more.', '- At 12:52: the end was moved to 15:10.', '- At 13:00: “Avaus” was given 1 min more.']],
    ] as const) {
      const md = renderMarkdown(doc, lang, { timeZone: tz });
      const section = md.split(lang === 'fi' ? '### Aikataulumuutokset\n\n' : '### Changes to the timetable\n\n')[1]!.split('\n\n')[0]!;
      expect(section.split('\n')).toEqual(lines);
    }
    // The export itself keeps every click.
    expect(doc.reschedules).toHaveLength(11);
  });

  it('leaves participant names and the facilitation note out unless included', () => {
    const md = renderMarkdown(sampleDoc({ includeParticipants: false, includeStats: false }), 'en', { timeZone: tz });
    expect(md).not.toContain('Participants');
    expect(md).not.toContain('A note on facilitation');
    expect(md).not.toContain('Bertil');
  });

  // Without names the facilitation note lost its first sentence: the speaker table went, and the
  // turn count and the number of people who spoke (group figures, no names) went with it.
  it('keeps the speaking turns and the number who spoke in the facilitation note without names, in both languages', () => {
    const en = renderMarkdown(sampleDoc({ includeParticipants: false }), 'en', { timeZone: tz });
    expect(en).toContain('Speaking turns: 7. People who spoke: 2.');
    const fi = renderMarkdown(sampleDoc({ includeParticipants: false }), 'fi', { timeZone: tz });
    expect(fi).toContain('Puheenvuoroja: 7. Puhujia: 2.');
    // (Aino stays as an action's owner, typed by the facilitator: the note itself names no one.)
    for (const md of [en, fi]) expect(md.search(/## (A note on facilitation|Huomio fasilitoinnista)/)).toBeGreaterThan(0);
    for (const md of [en, fi]) expect(md.slice(md.search(/## (A note on facilitation|Huomio fasilitoinnista)/))).not.toMatch(/Aino|Bertil/);
    // Named, the same figures come from the speaker table.
    expect(renderMarkdown(sampleDoc(), 'en', { timeZone: tz })).toContain('Speaking turns: 7. People who spoke: 2.');
  });

  it('renders, with a CommonMark parser, every capture as written: no needless backslashes, nothing interpreted', () => {
    const texts = ['Workshop 1: home-care 2.5 (draft)!', '<script>alert(1)</script>', '[click](javascript:alert(1))', '# not a heading', '*not em* _nor this_', 'AT&T &amp; co'];
    const md = renderMarkdown(sampleDoc({ captures: texts.map((text, i) => capture({ text, createdAt: i })) }), 'en', { timeZone: tz });
    expect(md).toContain('- Workshop 1: home-care 2.5 (draft)!');
    const text = renderedText(md);
    for (const t of texts) expect(text).toContain(t);
    expect(micromark(md)).not.toMatch(/<script|<a |<h1>not|<em>not/);
  });

  it('keeps line breaks inside a capture as hard breaks in its own list item', () => {
    const md = renderMarkdown(sampleDoc({ captures: [capture({ text: 'first\n# second\n\n- third' })] }), 'en', { timeZone: tz });
    expect(md).toContain('- first\\\n  \\# second\\\n  \\- third');
    expect(micromark(md)).toContain('<li>first<br />\n# second<br />\n- third</li>');
  });
});
