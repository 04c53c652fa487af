// One i18n for every surface. The strings live in extension/_locales (the browser's own format, so
// manifest strings and UI strings share one file per language), but the language is the user's
// choice in settings rather than only the browser's UI language: a Finnish facilitator may run an
// English browser.
//
// This file holds the catalogs' registry, not the catalogs: ./i18n.ts registers both languages
// (the background, the extension pages, Node), the panel frame only the language it shows
// (./ui/i18n.ts, `loadLang`), so it parses half the strings before its first content (issue 12).

import type { Lang } from './lang';

export { LANGS, type Lang } from './lang';

export type Catalog = Record<string, { message: string }>;
const catalogs: Partial<Record<Lang, Catalog>> = {};

export type MessageKey = Exclude<keyof typeof import('../extension/_locales/en/messages.json'), 'default'> & string;

export function addCatalog(lang: Lang, catalog: Catalog): void {
  catalogs[lang] = catalog;
}

export function hasCatalog(lang: Lang): boolean {
  return catalogs[lang] !== undefined;
}

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

/** The BCP 47 locale behind a UI language: Finnish as in Finland, English with 24-hour British times. */
export function localeOf(lang: Lang): string {
  return lang === 'fi' ? 'fi-FI' : 'en-GB';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number as the language writes it: decimal comma and a space between thousands in Finnish. */
export function formatNumber(value: number, lang: Lang = current, options: Intl.NumberFormatOptions = {}): string {
  // A whole number from 0 to 999 reads the same in both languages, as its plain digits. The panel's
  // first content shows only such numbers ("Phase 1/5"), and the first Intl.NumberFormat of a fresh
  // frame loads its locale data (~20 ms on a cold first open, issue 12): that can wait until a
  // number needs it. test/unit/i18n checks the shortcut against Intl for every such number.
  if (Number.isInteger(value) && (value > 0 || Object.is(value, 0)) && value < 1000 && Object.keys(options).length === 0) return String(value);
  const id = `${lang}${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(localeOf(lang), options)));
  return format.format(value);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralOf(n: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(localeOf(lang))));
  return rules.select(n);
}

// `{n, plural, one {# note} other {# notes}}`: the case by Intl.PluralRules (or `=0`-style exact
// matches), `#` standing for the number. Only one level: the cases hold no braces of their own.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;

/**
 * Translates a key; `{name}` placeholders are filled from params, numbers through Intl in the
 * language's own way, and `{name, plural, …}` picks the plural form. Missing keys show the key itself.
 */
export function t(key: MessageKey | (string & {}), params?: Record<string, string | number>, lang: Lang = current): string {
  const entry = catalogs[lang]?.[key] ?? catalogs.en?.[key] ?? catalogs[current]?.[key];
  const text = entry?.message ?? key;
  if (!params) return text;
  const show = (value: string | number) => (typeof value === 'number' ? formatNumber(value, lang) : value);
  return text
    .replace(PLURAL, (m, name: string, cases: string) => {
      const n = params[name];
      if (typeof n !== 'number') return m;
      const forms = new Map([...cases.matchAll(/(=\d+|\w+)\s*\{([^{}]*)\}/g)].map((c) => [c[1]!, c[2]!]));
      const form = forms.get(`=${n}`) ?? forms.get(pluralOf(n, lang)) ?? forms.get('other') ?? '';
      return form.replace(/#/g, show(n));
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? show(params[name]!) : m));
}

export function hasKey(key: string): boolean {
  return key in (catalogs.en ?? catalogs[current] ?? {});
}
