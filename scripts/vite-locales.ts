import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const LOCALES_DIR = join(import.meta.dirname, '..', 'extension', '_locales');

/** Emits extension/_locales into the build (crxjs only looks for _locales at the project root). */
export function localesPlugin(): Plugin {
  return {
    name: 'vuoro-locales',
    generateBundle() {
      for (const lang of readdirSync(LOCALES_DIR)) {
        const source = readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8');
        JSON.parse(source); // fail the build on a broken locale file
        this.emitFile({ type: 'asset', fileName: `_locales/${lang}/messages.json`, source });
      }
    },
  };
}
