import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/summary/csv';
import { renderDocx } from '../../../src/summary/docx';
import { renderHtml } from '../../../src/summary/html';
import { parseWorkshopExport, renderJson } from '../../../src/summary/json';
import { renderMarkdown } from '../../../src/summary/markdown';
import { micromark } from 'micromark';
import { unzip } from './unzip';
import { capture, sampleDoc } from './fixture';

// The Change Dialogue's artifacts in every export format: the development map as a grid (HTML,
// Word) or a table (Markdown), the vote's result, the experiments' plans and evaluations, and
// the same as fields of each capture in CSV and JSON.

const tz = 'Europe/Helsinki';

/** The tables of a .docx as rows of cell texts (line breaks as \n). */
function docxTables(bytes: Uint8Array): string[][][] {
  const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
  const decode = (t: string) => t.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
  const text = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1]!))).join('');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) =>
    [...tbl[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => text(tc[0]))),
  );
}
const HOSTILE = 'Paperi | lomake <img src=x onerror=alert(1)> *x*';

function methodDoc() {
  return sampleDoc({
    captures: [
      capture({ text: 'Asiakas varaa verkossa', mapField: 'content-future' }),
      capture({ text: HOSTILE, mapField: 'content-now' }),
      capture({ text: 'Viikkopalaveri', mapField: 'ways-now' }),
      capture({ text: 'Toinen\nrivi', mapField: 'ways-now' }),
      capture({ text: 'Ei kartalla' }),
      capture({
        text: 'Yhteinen varauskalenteri',
        kind: 'experiment',
        owner: 'Aino',
        votes: 5,
        mapField: 'ways-future',
        experiment: { tried: 'Kalenteri kahdelle tiimille', start: '2026-01-12', end: '2026-02-27' },
        evaluation: { employees: { score: 4, notes: 'Vähemmän soittelua' }, customers: { score: 3 }, fit: { notes: 'Sopii nykyiseen järjestelmään' }, decision: 'spread' },
      }),
      capture({ text: 'Parityö', kind: 'experiment', votes: 2 }),
      capture({ text: 'Kolmas idea', kind: 'experiment', votes: 0 }),
    ],
  });
}

describe('the Change Dialogue in the exports', () => {
  it('Markdown: the map as a table with one note per line, the vote ranked, the evaluation; text escaped', () => {
    const md = renderMarkdown(methodDoc(), 'fi', { timeZone: tz });
    expect(md).toContain('## Kehityskartta');
    expect(md).toContain('|  | Nyt | Lähitulevaisuudessa |');
    expect(md).toContain('| Työn sisältö ja tarkoitus | Paperi \\| lomake');
    expect(md).toContain('Asiakas varaa verkossa |');
    // An experiment's map field is the field it targets: said with the experiment, not a note on the
    // map (it read as something that exists today, found in a Finnish walk-through).
    expect(md).toContain('| Toimintatavat | Viikkopalaveri<br>Toinen rivi | – |');
    expect(md).toContain('Kartan kenttä: Toimintatavat lähitulevaisuudessa');
    // A CommonMark renderer makes no element of the hostile text (the <br> between notes is ours).
    expect(micromark(md)).not.toMatch(/<img|<em>x/u);
    expect(md).toContain('## Äänestyksen tulos');
    expect(md).toMatch(/\| 1 \| #1 Yhteinen varauskalenteri \| 5 \|\n\| 2 \| #2 Parityö \| 2 \|\n\| 3 \| #3 Kolmas idea \| 0 \|/u);
    expect(md).toContain('## Kokeilujen arviointi');
    expect(md).toContain('**Työntekijöiden näkökulma:** 4/5 – Vähemmän soittelua');
    expect(md).toContain('**Päätös:** Levitetään');
    expect(md).toContain('12.1.2026–27.2.2026');
    expect(md).toContain('Mitä kokeillaan: Kalenteri kahdelle tiimille');
  });

  it('HTML: the map is a grid table with row and column headers, hostile text stays text', () => {
    const html = renderHtml(methodDoc(), 'en', { timeZone: tz });
    const window = new Window();
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const map = doc.querySelector('table.map')!;
    expect([...map.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['', 'Now', 'Near future']);
    const rows = [...map.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => `${c.tagName}:${c.textContent}`));
    expect(rows).toEqual([
      ['TH:Content and purpose of the work', `TD:${HOSTILE}`, 'TD:Asiakas varaa verkossa'],
      ['TH:Ways of working', 'TD:Viikkopalaveri\nToinen rivi', 'TD:–'],
    ]);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect([...doc.querySelectorAll('table.vote tbody tr')].map((tr) => tr.textContent)).toEqual(['1#1 Yhteinen varauskalenteri5', '2#2 Parityö2', '3#3 Kolmas idea0']);
    expect(doc.body.textContent).toContain('Decision');
    expect(doc.body.textContent).toContain('Spread');
    window.close();
  });

  it('Word: the map is a 3×3 table and the vote a table', async () => {
    const bytes = await renderDocx(methodDoc(), 'fi', { timeZone: tz });
    const tables = docxTables(bytes);
    const map = tables.find((t) => t[0]?.[1] === 'Nyt')!;
    expect(map).toEqual([
      ['', 'Nyt', 'Lähitulevaisuudessa'],
      ['Työn sisältö ja tarkoitus', HOSTILE, 'Asiakas varaa verkossa'],
      ['Toimintatavat', 'Viikkopalaveri\nToinen rivi', '–'],
    ]);
    expect(tables.find((t) => t[0]?.[0] === 'Sija')?.[1]).toEqual(['1', '#1 Yhteinen varauskalenteri', '5']);
    expect(unzip(bytes).get('word/document.xml')!.toString('utf8')).toContain('Levitetään');
  });

  it('CSV and JSON: the map field, plan and evaluation are fields of each capture', () => {
    const csv = renderCsv(methodDoc(), 'en', { timeZone: tz });
    const lines = csv.split('\r\n');
    expect(lines[0]).toContain(';Map field;Starts;Ends;What will be tried;Employees’ view;Customers’ view;Fit with current practice;Decision;Chosen to try');
    const experiment = lines.find((l) => l.includes('Yhteinen varauskalenteri'))!;
    expect(experiment).toMatch(/;Ways of working in the near future;2026-01-12;2026-02-27;Kalenteri kahdelle tiimille;4\/5 – Vähemmän soittelua;3\/5;Sopii nykyiseen järjestelmään;Spread;Chosen to try$/u);
    expect(lines.find((l) => l.includes('Parityö'))).toMatch(/;Not chosen to try$/u);
    expect(lines.find((l) => l.includes('Asiakas varaa verkossa'))).toContain(';Content and purpose of the work in the near future;');

    const json = renderJson(methodDoc());
    const parsed = parseWorkshopExport(json);
    expect(parsed.ok).toBe(true);
    const back = parsed.ok ? parsed.doc.captures.find((c) => c.text === 'Yhteinen varauskalenteri') : undefined;
    expect(back).toMatchObject({ mapField: 'ways-future', experiment: { start: '2026-01-12' }, evaluation: { decision: 'spread', employees: { score: 4 } } });
  });

  // Found in a Finnish walk-through: the summary's "Kokeilut" listed all five experiments of the
  // vote alike, the two chosen and planned and the three left.
  it('says of each experiment whether it was chosen to try, the chosen first, in every format', async () => {
    const doc = sampleDoc({
      captures: [
        capture({ text: 'Varauskalenteri', kind: 'experiment', owner: 'Aino', votes: 1, experiment: { start: '2026-01-12' } }),
        capture({ text: 'Parityö', kind: 'experiment', votes: 3 }),
        capture({ text: 'Asiakasraati', kind: 'experiment', votes: 2, experiment: { chosen: true } }),
        capture({ text: 'Pois jätetty', kind: 'experiment', owner: 'Bo', experiment: { chosen: false } }),
      ],
    });
    const md = renderMarkdown(doc, 'fi', { timeZone: tz });
    const section = md.slice(md.indexOf('## Kokeilut'), md.indexOf('## Äänestyksen tulos'));
    expect(section.trim().split('\n').slice(2)).toEqual([
      '- Varauskalenteri *(Vastuuhenkilö: Aino, Valittu kokeiltavaksi, 12.1.2026–, Äänet: 1)*',
      '- Asiakasraati *(Valittu kokeiltavaksi, Äänet: 2)*',
      '- Parityö *(Ei valittu kokeiltavaksi, Äänet: 3)*',
      '- Pois jätetty *(Vastuuhenkilö: Bo, Ei valittu kokeiltavaksi)*',
    ]);
    const html = renderHtml(doc, 'en', { timeZone: tz });
    expect(html.indexOf('Asiakasraati')).toBeLessThan(html.indexOf('Parityö'));
    expect(html).toMatch(/Parityö[^]*?Not chosen to try/u);
    expect(html).toMatch(/Asiakasraati[^]*?Chosen to try/u);
    expect(unzip(await renderDocx(doc, 'fi', { timeZone: tz })).get('word/document.xml')!.toString('utf8')).toContain('Ei valittu kokeiltavaksi');
  });

  it('adds nothing when the workshop has no map, votes or evaluations', () => {
    const md = renderMarkdown(sampleDoc(), 'en', { timeZone: tz });
    expect(md).not.toContain('Development map');
    expect(md).not.toContain('Result of the vote');
  });
});

describe('the series summary', async () => {
  const { seriesExport } = await import('../../../src/summary/series');
  const { WorkshopExport } = await import('../../../src/summary/model');
  const w1 = sampleDoc({ workshop: { id: 'w1', title: 'Työpaja 1', goal: '', date: '2026-01-05' }, captures: [capture({ text: 'Kartalla', mapField: 'content-now', phaseId: 'p1' })] });
  const w2 = sampleDoc({
    workshop: { id: 'w2', title: 'Työpaja 2', goal: '', date: '2026-01-19' },
    captures: [capture({ text: 'Kalenteri', kind: 'experiment', votes: 4, phaseId: 'p1', owner: 'Aino', mapField: 'content-now' })],
  });
  const doc = seriesExport(
    {
      seriesId: 's1',
      title: 'Muutosvuoropuhelu',
      description: 'Kolme työpajaa',
      lang: 'fi',
      workshops: [{ title: 'Työpaja 1', doc: w1 }, { title: 'Työpaja 2', doc: w2 }, { title: 'Työpaja 3' }],
      intermediateTask: 'Pohdi ja keskustele',
      processEvaluation: { score: 4, worked: 'Sekaparit' },
    },
    Date.UTC(2026, 1, 1),
  );

  it('is a valid export of every workshop, its map, vote, task and process evaluation', () => {
    expect(WorkshopExport.safeParse(doc).success).toBe(true);
    // The same phase id in two workshops stays two phases.
    expect(new Set(doc.captures.map((c) => c.phaseId)).size).toBe(2);
    const md = renderMarkdown(doc, 'fi', { timeZone: tz });
    expect(md).toContain('# Muutosvuoropuhelu');
    expect(md).toMatch(/## Sarjan työpajat\n\n- Työpaja 1 \*\(5\.1\.2026\)\*\n- Työpaja 2 \*\(19\.1\.2026\)\*\n- Työpaja 3 \*\(ei vielä pidetty\)\*/u);
    expect(md).toContain('## Kehityskartta');
    expect(md).toContain('| Työn sisältö ja tarkoitus | Kartalla | – |');
    expect(md).toContain('| 1 | #1 Kalenteri | 4 |');
    expect(md).toContain('## Välitehtävä');
    expect(md).toContain('## Virtuaalisen yhteiskehittämisen prosessin arviointi');
    expect(md).toContain('**Mikä toimi:** Sekaparit');
  });

  // Found in a Finnish walk-through: the composed task repeated its heading as its first line, its
  // questions came out as text lines with escaped dashes, and a phase read "Työpaja 1: Yhteinen
  // muutoskuva: Tervetuloa" with two colons.
  it('reads the composed intermediate task as paragraphs and lists under its heading, and names phases with a dash', async () => {
    const { composeIntermediateTask } = await import('../../../src/series/task');
    const { developmentMap } = await import('../../../src/series/map');
    const task = composeIntermediateTask('fi', developmentMap([capture({ text: 'Kartalla', mapField: 'content-now' })]));
    const titled = sampleDoc({ workshop: { id: 'w1', title: 'Työpaja 1: Yhteinen muutoskuva', goal: '' }, captures: [capture({ text: 'Varaa tila', kind: 'action', phaseId: 'p-open' })] });
    const series = seriesExport({ seriesId: 's1', title: 'Muutosvuoropuhelu', description: '', lang: 'fi', workshops: [{ title: 'Työpaja 1', doc: titled }], intermediateTask: task }, Date.UTC(2026, 1, 1));
    const md = renderMarkdown(series, 'fi', { timeZone: tz });
    const section = md.split('## Välitehtävä\n\n')[1]!.split('\n\n---')[0]!;
    expect(section.startsWith('Välitehtävässä on kaksi vaihetta.')).toBe(true);
    expect(section).toContain('\n- Mitä kartalle kuvattu muutos merkitsee minun työlleni ja osaamiselleni?');
    expect(section).not.toContain('\\-');
    expect(md).toContain('Työpaja 1: Yhteinen muutoskuva \u2013 Avaus');
    expect(md).not.toMatch(/Työpaja 1: Yhteinen muutoskuva: /u);
  });

  it('a workshop of experiments only has no map: an experiment’s target field is no note on it', () => {
    const md = renderMarkdown(w2, 'fi', { timeZone: tz });
    expect(md).not.toContain('## Kehityskartta');
    expect(md).toContain('Kartan kenttä: Työn sisältö ja tarkoitus nyt');
  });

  // Found in a Finnish walk-through: the series summary printed "Parit ja ryhmät: Ryhmä 1: Päivi
  // Äijälä, Bo Kim…" with no choice about names; now they go in only when ticked.
  it('gives the pairs and groups of the intermediate task only with participants’ names ticked', async () => {
    const { composeIntermediateTask } = await import('../../../src/series/task');
    const { developmentMap } = await import('../../../src/series/map');
    const intermediateTask = composeIntermediateTask('fi', developmentMap([]), [['Päivi Äijälä', 'Bo Kim']]);
    const input = { seriesId: 's1', title: 'Muutosvuoropuhelu', description: '', lang: 'fi' as const, workshops: [{ title: 'Työpaja 1', doc: w1 }], intermediateTask };
    const without = renderMarkdown(seriesExport(input, Date.UTC(2026, 1, 1)), 'fi', { timeZone: tz });
    expect(without).toContain('## Välitehtävä');
    expect(without).toContain('Keskustelkaa sitten parin tai ryhmän kanssa');
    expect(without).not.toMatch(/Päivi|Parit ja ryhmät:/u);
    const withNames = renderMarkdown(seriesExport({ ...input, includeParticipants: true }, Date.UTC(2026, 1, 1)), 'fi', { timeZone: tz });
    expect(withNames).toContain('Pari 1: Päivi Äijälä, Bo Kim');
  });

  // Found in a Finnish walk-through: workshop 3's own summary, the one sent that afternoon, had none
  // of its results; the evaluations are stored on workshop 2's experiments.
  it('the last workshop’s summary reports the experiments evaluated and the process evaluation, in every format', async () => {
    const evaluated = capture({
      text: 'Kalenteri',
      kind: 'experiment',
      votes: 4,
      workshopId: 'w2',
      evaluation: { employees: { score: 4, notes: 'Vähemmän soittelua' }, decision: 'spread' },
    });
    const w3 = sampleDoc({
      workshop: { id: 'w3', title: 'Työpaja 3', goal: '', seriesTitle: 'Muutosvuoropuhelu', series: { position: { number: 3, count: 3 }, processEvaluation: { score: 4, worked: 'Sekaparit' } } },
      captures: [capture({ text: 'Jatketaan kalenteria', kind: 'decision', phaseId: 'p1' })],
      evaluatedExperiments: [evaluated],
    });
    expect(WorkshopExport.safeParse(w3).success).toBe(true);
    const md = renderMarkdown(w3, 'fi', { timeZone: tz });
    expect(md).toContain('## Kokeilujen arviointi');
    expect(md).toContain('### Kalenteri');
    expect(md).toContain('Vähemmän soittelua');
    expect(md).toContain('## Virtuaalisen yhteiskehittämisen prosessin arviointi');
    // Reported, not counted as this workshop's captures.
    expect(md).not.toContain('## Kokeilut');
    const html = renderHtml(w3, 'fi', { timeZone: tz });
    expect(html).toContain('Vähemmän soittelua');
    const docx = unzip(await renderDocx(w3, 'fi', { timeZone: tz })).get('word/document.xml')!.toString('utf8');
    expect(docx).toContain('Vähemmän soittelua');
    // An import takes the workshop's own captures only.
    const parsed = parseWorkshopExport(renderJson(w3));
    expect(parsed.ok && parsed.doc.captures.map((c) => c.text)).toEqual(['Jatketaan kalenteria']);
  });

  it('a workshop summary names its place in the series', () => {
    const md = renderMarkdown({ ...w2, workshop: { ...w2.workshop, seriesTitle: 'Muutosvuoropuhelu', series: { position: { number: 2, count: 3 } } } }, 'en', { timeZone: tz });
    expect(md).toContain('Muutosvuoropuhelu (workshop 2 of 3)');
  });
});
