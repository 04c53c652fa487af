import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import fi from '../../../extension/_locales/fi/messages.json';
import { t } from '../../../src/ui/i18n';

const root = join(import.meta.dirname, '../../../src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('i18n', () => {
  it('has the same keys in Finnish and English', () => {
    expect(Object.keys(fi).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses only key names Chrome accepts and the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders((fi as Record<string, { message: string }>)[key]!.message), key).toEqual(placeholders(value.message));
      expect(value.message, key).not.toMatch(/\$\w+\$/); // Chrome would demand a placeholder definition
    }
  });

  it('has every literal key the code asks for', () => {
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) if (!(m[1]! in en)) missing.push(`${m[1]} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('fills placeholders and falls back to English', () => {
    expect(t('runPhaseOf', { n: 2, total: 5 }, 'fi')).toBe('Vaihe 2/5:');
    expect(t('runPhaseOf', { n: 2, total: 5 }, 'en')).toBe('Phase 2/5:');
    expect(t('no_such_key')).toBe('no_such_key');
  });
});
