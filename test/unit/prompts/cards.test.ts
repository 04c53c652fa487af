import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CARDS,
  PromptCard,
  REQUIRED_CARD_IDS,
  UserCardEdit,
  mergeCardLibrary,
} from '../../../src/prompts/cards';
import { describeSource } from '../../../src/sources';
import { citedText } from '../sources/seeds';

describe('built-in prompt cards', () => {
  it('include every id the script templates reference', () => {
    const ids = BUILT_IN_CARDS.map((card) => card.id);
    for (const id of REQUIRED_CARD_IDS) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are valid, built-in, and short enough to say aloud', () => {
    for (const card of BUILT_IN_CARDS) {
      expect(PromptCard.parse(card)).toEqual(card);
      expect(card.builtIn).toBe(true);
      for (const text of [card.body.fi, card.body.en]) {
        expect(text.length, card.id).toBeLessThanOrEqual(170);
        // One or two sentences: count sentence ends outside quotations.
        const ends = text.replace(/[”"][^”"]*[”"]/g, 'Q').match(/[.!?](\s|$)/g) ?? [];
        expect(ends.length, `${card.id}: ${text}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('cite a seed file and lines that exist', () => {
    for (const card of BUILT_IN_CARDS) {
      expect(card.source?.seed, card.id).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
      expect(card.source?.lines, card.id).toMatch(/^\d+(-\d+)?(, \d+(-\d+)?)*$/);
    }
  });

  it('cite a publication, section and quote a reader can look up', () => {
    for (const card of BUILT_IN_CARDS) {
      for (const lang of ['fi', 'en'] as const) {
        const reference = describeSource(card.source!, lang);
        expect(reference?.section, card.id).toBeTruthy();
        expect(reference?.quote, card.id).toBeTruthy();
      }
    }
  });

  it('cite lines within the seed file', () => {
    for (const card of BUILT_IN_CARDS) expect(citedText(card.source!), card.id).toBeDefined();
  });

  it('reach every swift-trust means from seed 000', () => {
    const categories = new Set(BUILT_IN_CARDS.map((card) => card.category));
    for (const c of ['focus-on-action', 'doing-together', 'positive-climate', 'floor', 'silence', 'boundary'] as const) {
      expect(categories).toContain(c);
    }
  });
});

describe('mergeCardLibrary', () => {
  it('applies edits by id, keeping fields the edit leaves out', () => {
    const edited = { id: 'trust-goal', body: { fi: 'Oma muotoilu.', en: 'My own wording.' } };
    const { cards, problems } = mergeCardLibrary(BUILT_IN_CARDS, [edited]);
    const card = cards.find((c) => c.id === 'trust-goal')!;
    const original = BUILT_IN_CARDS.find((c) => c.id === 'trust-goal')!;
    expect(card.body).toEqual(edited.body);
    expect(card.title).toEqual(original.title);
    expect(card.source).toEqual(original.source);
    expect(card.triggers).toEqual(original.triggers);
    expect(cards.map((c) => c.id)).toEqual(BUILT_IN_CARDS.map((c) => c.id));
    expect(problems).toEqual([]);
  });

  it('appends the facilitator’s own cards and removes hidden ones', () => {
    const own = UserCardEdit.parse({
      id: 'my-energiser',
      title: { fi: 'Venyttely', en: 'Stretch' },
      body: { fi: 'Noustaan hetkeksi seisomaan.', en: 'Let’s stand up for a moment.' },
      category: 'check-in',
    });
    const { cards } = mergeCardLibrary(BUILT_IN_CARDS, [own], ['trust-tools']);
    expect(cards.at(-1)).toMatchObject({ id: 'my-energiser', builtIn: false, triggers: [] });
    expect(cards.some((c) => c.id === 'trust-tools')).toBe(false);
    expect(PromptCard.parse(cards.at(-1))).toBeTruthy();
  });

  it('reports a new card that lacks text instead of dropping it silently', () => {
    const { cards, problems } = mergeCardLibrary(BUILT_IN_CARDS, [{ id: 'half-done', title: { fi: 'x', en: 'x' } }]);
    expect(cards.some((c) => c.id === 'half-done')).toBe(false);
    expect(problems).toEqual([{ cardId: 'half-done', code: 'incomplete-user-card' }]);
  });

  it('validates stored edits', () => {
    expect(UserCardEdit.safeParse({ id: 'Bad Id' }).success).toBe(false);
    expect(UserCardEdit.safeParse({ id: 'ok', category: 'nonsense' }).success).toBe(false);
    expect(UserCardEdit.safeParse({ id: 'ok', triggers: [{ kind: 'phase-progress', atFraction: 2 }] }).success).toBe(false);
    expect(PromptCard.safeParse({ ...BUILT_IN_CARDS[0], source: undefined }).success).toBe(false);
  });
});
