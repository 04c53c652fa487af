import { describe, expect, it, vi } from 'vitest';

// Two language changes in quick succession (fi, then en) start two readings of the language; the
// earlier one, its strings still loading, finished last and put the page back in Finnish (seen as
// an options tab that did not follow the second change, in a clean-clone run on a loaded machine).

const replies: ((lang: string) => void)[] = [];
const loads = new Map<string, () => void>();
vi.mock('webextension-polyfill', () => ({ default: { i18n: { getUILanguage: () => 'en' } } }));
vi.mock('../../../src/messages/bus', () => ({
  PANEL_PORT: 'vuoro-panel',
  isOwnSender: () => true,
  ask: () => new Promise((resolve) => replies.push((lang) => resolve({ ok: true, value: { lang } }))),
}));
vi.mock('../../../src/ui/i18n', async (original) => {
  const real = await original<typeof import('../../../src/ui/i18n')>();
  let current: 'fi' | 'en' = 'en';
  return {
    ...real,
    getLang: () => current,
    setLang: (lang: 'fi' | 'en') => void (current = lang),
    loadLang: (lang: string) => new Promise<void>((done) => loads.set(lang, done)),
  };
});

describe('reading the language', () => {
  it('a reading overtaken by a later one changes nothing, and its caller gets the later one', async () => {
    (globalThis as unknown as { document: unknown }).document = { documentElement: { lang: '' } };
    const { initLang } = await import('../../../src/ui/shared/backend');
    const { getLang } = await import('../../../src/ui/i18n');
    const first = initLang(); // the change to Finnish
    const second = initLang(); // then back to English
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    replies[0]!('fi');
    replies[1]!('en');
    await vi.waitFor(() => expect([...loads.keys()].sort()).toEqual(['en', 'fi']));
    loads.get('en')!(); // English's strings come first…
    expect(await second).toBe('en');
    loads.get('fi')!(); // …Finnish's, slower, after them
    // Every caller gets what the latest reading applied (each part of a page follows it).
    expect(await first).toBe('en');
    expect(getLang()).toBe('en');
    expect((globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang).toBe('en');
  });
});
