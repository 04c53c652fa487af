import { describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import fi from '../../../extension/_locales/fi/messages.json';
import { methodLabels } from '../../../src/series/labels';
import { labels } from '../../../src/summary/labels';

// One term for the task between workshops wherever it is named: the summary, the series' own
// words (the task text) and the extension's UI (the phase kind, the Series tab).
describe('the intermediate task', () => {
  it('has one name in Finnish and one in English', () => {
    const terms = { fi: 'Välitehtävä', en: 'Intermediate task' } as const;
    for (const [lang, catalog] of [['fi', fi], ['en', en]] as const) {
      expect(labels(lang).intermediateTask, lang).toBe(terms[lang]);
      expect(methodLabels(lang).task.title, lang).toBe(terms[lang]);
      for (const key of ['phaseKind_intermediate_task', 'seriesPart_task', 'taskTitle'] as const) expect(catalog[key].message, `${lang} ${key}`).toBe(terms[lang]);
    }
  });
});
