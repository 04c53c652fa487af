import { describe, expect, it } from 'vitest';
import { BUILT_IN_CARDS } from '../../../src/prompts/cards';
import { instantiateTemplate, TEMPLATES } from '../../../src/script/templates';
import { PUBLICATIONS, QUOTES, citationKey, describeSource, referenceText } from '../../../src/sources';
import { citedText, lettersOf } from './seeds';

describe('describeSource', () => {
  it('names the publication, authors, year and section instead of a file name and lines', () => {
    const fi = describeSource({ seed: '000_ad6976b8e86b222a.txt', lines: '984-987, 1338-1341' }, 'fi')!;
    expect(fi).toMatchObject({ year: '2024', section: 'luku 4.2.3 Tulokset' });
    expect(fi.title).toContain('Työpaikkojen virtuaalinen yhteiskehittäminen');
    expect(fi.by).toContain('Työterveyslaitos');
    const en = describeSource({ seed: '000_ad6976b8e86b222a.txt', lines: '984-987, 1338-1341' }, 'en')!;
    expect(en.section).toBe('section 4.2.3 Results');
    expect(en.by).toContain('Finnish Institute of Occupational Health');
    const text = referenceText(en);
    expect(text).not.toMatch(/\.txt|\d+-\d+/);
    expect(text).toMatch(/Finnish Institute of Occupational Health, 2024\. Section 4\.2\.3 Results\.$/);
    // Each part starts a sentence (found in a Finnish walk-through: "2024. luku 4.2.3 Tulokset.").
    expect(referenceText(fi)).toMatch(/Työterveyslaitos, 2024\. Luku 4\.2\.3 Tulokset\.$/);
    expect(referenceText({ title: 'Kokouskäytännöt (diasarja)', by: 'valtionhallinnon toimenpideryhmä 2', year: '2024' })).toBe('Kokouskäytännöt (diasarja). Valtionhallinnon toimenpideryhmä 2, 2024.');
  });

  it('picks the last section starting at or before the first cited line', () => {
    expect(describeSource({ seed: '004_f3686ed71b793cad.txt', lines: '122' }, 'fi')?.section).toBe('Kokouskäytännöt – käytäntöjä ja esimerkkejä');
    expect(describeSource({ seed: '003_66538f131a491fa2.txt', lines: '780-846' }, 'en')?.section).toMatch(/^Facilitating encounters/);
  });

  it('gives no reference for an unknown seed and no quote for an uncited range', () => {
    expect(describeSource({ seed: 'my-own-notes.txt' }, 'fi')).toBeUndefined();
    const bare = describeSource({ seed: '002_be3f4f1bdd0259e8.txt', lines: '1' }, 'fi')!;
    expect(bare.quote).toBeUndefined();
    expect(bare.section).toBe('Myötä- ja vastatuulta kehittämismerellä');
  });
});

/** Every citation Vuoro shows: the built-in cards and every template's script and phases. */
function allCitations() {
  const phases = TEMPLATES.flatMap(({ id }) => {
    const script = instantiateTemplate(id, 'fi');
    return [script.source!, ...script.workshops.flatMap((w) => w.phases.map((p) => p.source!))];
  });
  return [...BUILT_IN_CARDS.map((card) => card.source!), ...phases];
}

describe('the sources module', () => {
  it('has a quote for every citation in use and no quote nobody cites', () => {
    const keys = new Set(allCitations().map(citationKey));
    for (const key of keys) expect(QUOTES[key], key).toBeTruthy();
    expect(Object.keys(QUOTES).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('keeps quotes short and sections in line order', () => {
    for (const quote of Object.values(QUOTES)) expect(quote.length).toBeLessThanOrEqual(260);
    for (const publication of Object.values(PUBLICATIONS)) {
      const starts = publication.sections.map(([line]) => line);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});

describe('quotes against the seed texts', () => {
  it('every quote is the text of its first cited range', () => {
    for (const [key, quote] of Object.entries(QUOTES)) {
      const [seed, ...rest] = key.split(' ');
      const lines = rest.join(' ');
      const firstRange = citedText({ seed: seed!, lines: lines.split(',')[0]! });
      expect(firstRange, key).toBeDefined();
      const pieces = quote.split('…').map(lettersOf).filter(Boolean);
      for (const piece of pieces) expect(lettersOf(firstRange!), key).toContain(piece);
    }
  });

  it('every section heading appears at its line', () => {
    const failures: string[] = [];
    for (const [seed, publication] of Object.entries(PUBLICATIONS)) {
      for (const [line, heading] of publication.sections) {
        const near = citedText({ seed, lines: `${line}-${line + 24}` })!;
        const words = lettersOf(heading.fi.replace(/^(luku|liite) [\d.]+ /, '').split(/[:–(]/)[0]!).slice(0, 12);
        if (!lettersOf(near).includes(words)) failures.push(`${seed}:${line} ${heading.fi}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
