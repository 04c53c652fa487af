import en from '../extension/_locales/en/messages.json';
import fi from '../extension/_locales/fi/messages.json';

// One i18n for every surface. The strings live in extension/_locales (the browser's own format, so
// manifest strings and UI strings share one file per language), but the language is the user's
// choice in settings rather than only the browser's UI language: a Finnish facilitator may run an
// English browser.

export type Lang = 'fi' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'en'];

type Catalog = Record<string, { message: string }>;
const catalogs: Record<Lang, Catalog> = { en: en as Catalog, fi: fi as Catalog };

export type MessageKey = keyof typeof en;

let current: Lang = 'en';

export function detectLang(uiLanguage: string | undefined): Lang {
  return uiLanguage?.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Translates a key; `{name}` placeholders are filled from params. Missing keys show the key itself. */
export function t(key: MessageKey | (string & {}), params?: Record<string, string | number>, lang: Lang = current): string {
  const entry = catalogs[lang][key] ?? catalogs.en[key];
  const text = entry?.message ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function hasKey(key: string): boolean {
  return key in catalogs.en;
}
