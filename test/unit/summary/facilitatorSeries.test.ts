import { describe, expect, it } from 'vitest';
import { instantiateTemplate } from '../../../src/script/templates';
import { createRun } from '../../../src/script/timing';
import { renderDocx } from '../../../src/summary/docx';
import { exportFromWorkshop, type WorkshopContents } from '../../../src/summary/fromWorkshop';
import { parseWorkshopExport, renderJson } from '../../../src/summary/json';
import { renderMarkdown } from '../../../src/summary/markdown';
import { withoutExcluded } from '../../../src/summary/model';
import { heardSoFar, peopleView } from '../../../src/turns/people';
import { readDocx } from './readDocx';

// Issue 12.2/12.16: the second workshop of a series, where nobody is marked F yet but Hanna was
// marked in the first one. The panel counts her as the facilitator (src/turns/people.ts); the
// summary must say the same (before, it counted her talk as a participant's: "0 %").

const START = Date.UTC(2025, 10, 27, 8, 0, 0);
const min = (m: number) => START + m * 60_000;

function contents(lang: 'fi' | 'en'): WorkshopContents {
  const script = instantiateTemplate('change-dialogue-series', lang, { plannedStart: new Date(START).toISOString() });
  const run = createRun(script, 1, 'ws-2');
  return {
    workshop: { id: 'ws-2', title: 'W2', goal: '', lang, workshopIndex: 1, createdAt: START, includeParticipants: true, includeStats: true },
    script,
    run: { ...run, events: [{ type: 'start', at: min(0) }, { type: 'finish', at: min(20) }] },
    captures: [],
    participants: [
      { key: 'zoom-17', name: 'Hanna Host' },
      { key: 'zoom-18', name: 'Mirja Virtanen' },
      { key: 'zoom-19', name: 'Olli Mäkinen' },
    ],
    turns: [
      { participantKey: 'zoom-17', startAt: min(1), endAt: min(7) },
      { participantKey: 'zoom-18', startAt: min(8), endAt: min(10) },
      { participantKey: 'zoom-19', startAt: min(11), endAt: min(13) },
    ],
    prompts: [],
    facilitatorKeys: [],
    seriesFacilitators: ['Hanna Host'],
  };
}

describe('the summary counts facilitators as the panel does', () => {
  it('names marked F earlier in the series are facilitators in the export: share and balance as the Turns tab shows them', () => {
    const c = contents('en');
    const doc = exportFromWorkshop(c, { now: min(30), cardTitle: (id) => id });
    const panel = heardSoFar(peopleView({ recorded: c.participants, onSite: [], marked: [], seriesFacilitators: ['Hanna Host'] }), c.turns, min(0), min(20));
    expect(doc.facilitatorShare).toBeCloseTo(0.6);
    expect(doc.facilitatorShare).toBeCloseTo(panel.facilitatorShare!);
    expect(doc.balance).toBeCloseTo(1);
    expect(doc.balance).toBeCloseTo(panel.balance!);
  });

  it('reads right in the Markdown and the Word summary, in both languages', async () => {
    for (const lang of ['fi', 'en'] as const) {
      const doc = exportFromWorkshop(contents(lang), { now: min(30), cardTitle: (id) => id });
      const share = lang === 'fi' ? 'Fasilitoinnin osuus puheajasta oli 60\u00a0%.' : 'Facilitation took 60% of the speaking time.';
      const balance = lang === 'fi' ? 'Puheajan tasaisuus: 100\u00a0%' : 'Balance of speaking time: 100%';
      const md = renderMarkdown(doc, lang, { timeZone: 'Europe/Helsinki' });
      expect(md).toContain(share);
      expect(md).toContain(balance);
      const word = readDocx(await renderDocx(doc, lang, { timeZone: 'Europe/Helsinki' }));
      expect(word.text).toContain(share);
      expect(word.text).toContain(balance);
    }
  });

  it('without a mark anywhere, the user’s own participant is the facilitator, as in the panel', () => {
    const c = contents('en');
    c.seriesFacilitators = [];
    c.participants[0] = { ...c.participants[0]!, self: true };
    expect(exportFromWorkshop(c, { now: min(30), cardTitle: (id) => id }).facilitatorShare).toBeCloseTo(0.6);
  });

  it('you marked "not facilitating" (a note-taker) speak as a participant: no facilitator share, your talk in the balance', () => {
    const c = contents('en');
    c.seriesFacilitators = [];
    c.participants[0] = { ...c.participants[0]!, self: true };
    c.notFacilitatorKeys = ['zoom-17'];
    const doc = exportFromWorkshop(c, { now: min(30), cardTitle: (id) => id });
    expect(doc.facilitatorShare).toBeUndefined();
    expect(doc.balance).toBeLessThan(1);
    expect(renderMarkdown(doc, 'en', { timeZone: 'Europe/Helsinki' })).not.toContain('Facilitation took');
  });
});

// On Teams (no sign of your own speech) with nobody pressing "I am talking", the summary sent to the
// steering group said "The facilitator's share of speaking time was 0 %." of a facilitator who led
// the whole workshop.
describe('a facilitator whose own speech was not recorded', () => {
  const unrecorded = (lang: 'fi' | 'en') => {
    const c = contents(lang);
    c.turns = c.turns.filter((turn) => turn.participantKey !== 'zoom-17');
    return exportFromWorkshop(c, { now: min(30), cardTitle: (id) => id });
  };

  it('gives no share, and says why, in every format and both languages', async () => {
    for (const lang of ['fi', 'en'] as const) {
      const doc = unrecorded(lang);
      expect(doc.facilitatorShare).toBeUndefined();
      expect(doc.facilitatorShareUnrecorded).toBe(true);
      const why = lang === 'fi' ? 'Fasilitoinnin puhetta ei tallentunut' : "No facilitator's speech was recorded";
      const md = renderMarkdown(doc, lang, { timeZone: 'Europe/Helsinki' });
      expect(md).toContain(why);
      expect(md).not.toMatch(/0(\u00a0)?%\./);
      expect(readDocx(await renderDocx(doc, lang, { timeZone: 'Europe/Helsinki' })).text).toContain(why);
    }
  });

  it('goes with the statistics: left out with them', () => {
    const doc = unrecorded('en');
    expect(withoutExcluded({ ...doc, includeStats: false }).facilitatorShareUnrecorded).toBeUndefined();
    // And survives the JSON export and its import.
    const parsed = parseWorkshopExport(renderJson(doc));
    expect(parsed.ok && parsed.doc.facilitatorShareUnrecorded).toBe(true);
  });
});

describe('a one-off workshop', () => {
  it('is not called a series in its summary', () => {
    const script = instantiateTemplate('virtual-meeting-50', 'en');
    const run = createRun(script, 0, 'ws-1');
    const doc = exportFromWorkshop(
      {
        workshop: { id: 'ws-1', title: 'Virtual meeting', goal: '', lang: 'en', workshopIndex: 0, createdAt: START, includeParticipants: false, includeStats: false },
        script,
        run: { ...run, events: [{ type: 'start', at: min(0) }, { type: 'finish', at: min(20) }] },
        captures: [],
        participants: [],
        turns: [],
        prompts: [],
        facilitatorKeys: [],
      },
      { now: min(30), cardTitle: (id) => id },
    );
    expect(doc.workshop.seriesTitle).toBeUndefined();
    expect(renderMarkdown(doc, 'en', { timeZone: 'UTC' })).not.toContain('Series');
    // A workshop of the Change Dialogue series still is.
    expect(exportFromWorkshop(contents('en'), { now: min(30), cardTitle: (id) => id }).workshop.seriesTitle).toBeTruthy();
  });
});

