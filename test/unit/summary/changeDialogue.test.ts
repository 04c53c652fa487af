import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/summary/markdown';
import { renderFile } from '../../../src/summary/render';
import { changeDialogueExport } from './changeDialogue';

// The summary of a real run of the Change Dialogue template, read as the steering group gets it.

const tz = 'Europe/Helsinki';

describe('summary of a Change Dialogue workshop', () => {
  it('reads in Finnish: decisions and actions first, plain totals, every reschedule, the cards acted on, the floor', () => {
    const md = renderMarkdown(changeDialogueExport('fi'), 'fi', { timeZone: tz });
    const order = ['# Työpaja 1: Yhteinen muutoskuva', '## Päätökset', '## Toimenpiteet', '## Muistiinpanot vaiheittain', '## Ohjelma: suunniteltu ja toteutunut', '### Aikataulumuutokset', '## Käytetyt kortit', '## Huomio fasilitoinnista'];
    const at = order.map((h) => md.indexOf(`${h}\n`));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('- Kerää nykyiset aamurutiinit *(Vastuuhenkilö: Anna K., Määräaika: 4.12.2025, Välitehtävän ohjeet)*');
    expect(md).toContain('Suunniteltu kesto 2 h 30 min, toteutui 2 h 20 min: työpaja päättyi ennen suunniteltua (7/10 vaihetta pidettiin).');
    expect(md).toContain('- klo 11.15: vaiheelle ”Kehityskartta: työn sisältö ja tarkoitus” lisättiin 10 min.');
    expect(md).toContain('- klo 11.35: loput vaiheet sovitettiin aikaan: Kehityskartta: toimintatavat 25 min → 20 min, Yhteinen muutoskuva 20 min → 15 min.');
    expect(md).toContain('- klo 11.50: päättymisaika siirrettiin klo 13.05.');
    expect(md).toContain('(2 kertaa, Kehityskartta: työn sisältö ja tarkoitus, Kehityskartta: toimintatavat)');
    expect(md).toContain('Muita näytettyjä mutta käyttämättä jääneitä kortteja: 2.');
    expect(md).toContain('Kierros klo 10.12, 1 min 30 s kullekin: puhujia 2. Ohitettuja: 1.');
    expect(md).toContain('- klo 10.16 Olli Mäkinen (odotti 1 min 40 s)');
    // No needless backslashes in ordinary Finnish text.
    expect(md).not.toMatch(/\\[:.\-()!]/);
  });

  it('reads in English the same way', () => {
    const md = renderMarkdown(changeDialogueExport('en'), 'en', { timeZone: tz });
    expect(md).toContain('Planned 2 h 30 min, took 2 h 20 min: the workshop ended early (7 of 10 phases held).');
    expect(md).toContain('- At 11:15: “Development map: content and purpose of the work” was given 10 min more.');
    expect(md).toContain('- Collect the current morning routines *(Owner: Anna K., Due: 4 December 2025, The intermediate task)*');
  });

  it.each(['md', 'html', 'docx', 'csv', 'json'] as const)('%s: no Zoom passcode and no deleted text; no names when unticked', async (format) => {
    const read = async (doc: ReturnType<typeof changeDialogueExport>) => {
      const bytes = await renderFile(format, doc, 'fi', { timeZone: tz });
      return format === 'docx' ? (await import('./unzip')).unzip(bytes).get('word/document.xml')!.toString('utf8') : new TextDecoder().decode(bytes);
    };
    const full = await read(changeDialogueExport('fi'));
    expect(full).not.toMatch(/Xy7kQ2secret|pwd=|Pekan/);
    const anonymous = await read(changeDialogueExport('fi', { includeParticipants: false }));
    expect(anonymous).not.toMatch(/Mirja|Olli|Fasilitaattori[^n]/);
    expect(anonymous).not.toMatch(/Xy7kQ2secret|pwd=|Pekan/);
  });
});

// Found in a Finnish walk-through: workshop 1's summary gave the script's short task instructions
// while the series summary gave the task as composed in the Series tab, so the two documents sent
// the same afternoon disagreed on what participants were asked to do.
describe('the intermediate task in workshop 1’s summary', () => {
  it('is the task as composed for the series once it is, else the script’s instructions', () => {
    const composed = 'Välitehtävä\n\nPohdi ensin yksin\n- Mitä muutos merkitsee työllesi?';
    expect(changeDialogueExport('fi', { seriesTask: composed }).workshop.intermediateTask).toBe(composed);
    const md = renderMarkdown(changeDialogueExport('fi', { seriesTask: composed }), 'fi', { timeZone: tz });
    expect(md).toContain('## Välitehtävä\n\nPohdi ensin yksin\n\n- Mitä muutos merkitsee työllesi?');
    expect(changeDialogueExport('fi').workshop.intermediateTask).toMatch(/^Välitehtävän ohjeet: 1\) Pohdi yksin/);
    // The pairs and groups copied with the task are names: only with participants' names ticked.
    const withGroups = `${composed}\n\nParit ja ryhmät:\nRyhmä 1: Päivi Äijälä, Bo Kim`;
    const unticked = renderMarkdown(changeDialogueExport('fi', { seriesTask: withGroups, includeParticipants: false }), 'fi', { timeZone: tz });
    expect(unticked).toContain('- Mitä muutos merkitsee työllesi?');
    expect(unticked).not.toContain('Päivi Äijälä');
    expect(renderMarkdown(changeDialogueExport('fi', { seriesTask: withGroups, includeParticipants: true }), 'fi', { timeZone: tz })).toContain('Ryhmä 1: Päivi Äijälä, Bo Kim');
  });
});
