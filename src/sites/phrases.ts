// Per-language phrase tables for states a client shows only as text (aria-labels, list titles).
// With no table for the page language an adapter reports 'degraded' instead of guessing.

/** The table for a BCP-47 tag, trying the full tag, then the base language. */
export function phrasesFor<T>(tables: Readonly<Record<string, T>>, lang: string): T | undefined {
  const tag = lang.trim().toLowerCase();
  return tables[tag] ?? tables[tag.split(/[-_]/)[0] ?? ''];
}

/** Case-insensitive equality with any phrase (after collapsing whitespace). */
export function isPhrase(text: string, phrases: readonly string[]): boolean {
  const t = normalise(text);
  return phrases.some((p) => normalise(p) === t);
}

/** Case-insensitive containment of any phrase. */
export function hasPhrase(text: string, phrases: readonly string[]): boolean {
  const t = normalise(text);
  return phrases.some((p) => t.includes(normalise(p)));
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}
