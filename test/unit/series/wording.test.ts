import { describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import fi from '../../../extension/_locales/fi/messages.json';
import { METHOD_LABELS } from '../../../src/series/labels';
import { changeDialogueSeries } from '../../../src/script/templates/change-dialogue';

// The series tab's words, as a Finnish facilitator read them in the walk-through.

const messages = (catalog: Record<string, { message: string }>) => Object.fromEntries(Object.entries(catalog).map(([key, value]) => [key, value.message]));
/** The series tab's strings: the map, the task, the vote, the experiments, the evaluation, the overview. */
const SERIES_KEY = /^(?:map|task|vote|exp|eval|series)/u;

describe('the series tab’s wording', () => {
  it('names a tab as the tab reads: "Vuorot", not "Puheenvuorot"', () => {
    const words = messages(fi);
    const tabs = new Set(Object.entries(words).filter(([key]) => key.startsWith('tab_')).map(([, name]) => name));
    const named = Object.entries(words).flatMap(([key, text]) => [...text.matchAll(/(\p{L}+)-välileh/gu)].map((m) => ({ key, tab: m[1]! })));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(({ tab }) => !tabs.has(tab))).toEqual([]);
    expect(words.taskNoPeople).toContain(`${words.tab_turns}-välilehdellä`);
  });

  it('quotes what participants type with the language’s own marks, ”…” in Finnish and “…” in English', () => {
    for (const [catalog, quotes] of [
      [messages(fi), /”[^”“]+”/u],
      [messages(en), /“[^”“]+”/u],
    ] as const) {
      const series = Object.entries(catalog).filter(([key]) => SERIES_KEY.test(key));
      expect(series.filter(([, text]) => text.includes('"')).map(([key]) => key)).toEqual([]);
      expect(catalog.voteChatHint).toMatch(quotes);
    }
  });
  // Found reading a workshop 3 summary: the script's phase was "Fit with current practice" and the
  // evaluation's column for the same thing "Fit with what is in use".
  it('names the evaluation’s fit view as workshop 3’s phase names it', () => {
    const phases = changeDialogueSeries.workshops.flatMap((w) => w.phases);
    for (const lang of ['fi', 'en'] as const) {
      const label = METHOD_LABELS[lang].views.fit;
      const phase = phases.find((p) => p.title.en === 'Fit with current practice')!;
      expect(phase, 'the phase').toBeDefined();
      expect(phase.title[lang].startsWith(label), `${lang}: "${label}" / "${phase.title[lang]}"`).toBe(true);
    }
  });
});
