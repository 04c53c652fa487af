// The seed texts (the research the templates, prompt cards and sources cite), copied into the repo from
// the project's shared research so the citation checks run on any clone.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEEDS_DIR = resolve(__dirname, '../../fixtures/seeds');

const cache = new Map<string, string[]>();
export function seedLines(seed: string): string[] {
  if (!cache.has(seed)) cache.set(seed, readFileSync(resolve(SEEDS_DIR, seed), 'utf8').split('\n'));
  return cache.get(seed)!;
}

/** The seed text a `lines` citation such as "612-616, 897-899" points at, or undefined if a range is outside. */
export function citedText(source: { seed: string; lines?: string }): string | undefined {
  const lines = seedLines(source.seed);
  const parts: string[] = [];
  for (const range of (source.lines ?? '').split(',')) {
    const [from, to = from] = range.trim().split('-').map(Number) as [number, number?];
    if (!(from >= 1 && to! >= from && to! <= lines.length)) return undefined;
    parts.push(lines.slice(from - 1, to).join('\n'));
  }
  return parts.join('\n');
}

/** Letters and digits only, lower-cased: line breaks, hyphenation and spacing do not matter. */
export const lettersOf = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
