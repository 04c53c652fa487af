import { describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import fi from '../../../extension/_locales/fi/messages.json';

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
});
