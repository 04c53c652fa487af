import { describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import fi from '../../../extension/_locales/fi/messages.json';

// A Finnish facilitator's walk-through of the options page: the card editor's Cancel read
// "Peruuta", the rename form's (options library and panel) "Peru", which is the Capture tab's Undo.

const messages = (catalog: Record<string, { message: string }>) => Object.fromEntries(Object.entries(catalog).map(([key, value]) => [key, value.message]));

describe('Cancel and Undo in Finnish', () => {
  it('says Cancel with one word, "Peruuta", and keeps "Peru" for Undo', () => {
    const english = messages(en);
    const finnish = messages(fi);
    const cancels = Object.keys(english).filter((key) => english[key] === 'Cancel' && !key.startsWith('capture'));
    expect(cancels.length).toBeGreaterThan(1);
    expect(Object.fromEntries(cancels.map((key) => [key, finnish[key]]))).toEqual(Object.fromEntries(cancels.map((key) => [key, 'Peruuta'])));
    expect(finnish.captureUndo).toBe('Peru');
  });
});
