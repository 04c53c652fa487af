import { addCatalog, hasCatalog, type Catalog, type Lang } from '../i18nCore';

// The UI's way in to the one i18n (src/i18nCore.ts). An extension page's entry imports
// src/i18n.ts, which brings both languages; the panel frame does not, and loads the language it
// shows here before it draws (and another one, e.g. a workshop's own, before it is used).
export * from '../i18nCore';

const loading = new Map<Lang, Promise<void>>();

export function loadLang(lang: Lang): Promise<void> {
  if (hasCatalog(lang)) return Promise.resolve();
  let promise = loading.get(lang);
  if (!promise) {
    // The build ships the catalogs as they are (scripts/vite-locales.ts); as JSON they parse faster
    // than the same strings imported as a module (and half the size: no named export per key).
    promise = fetch(`/_locales/${lang}/messages.json`)
      .then((response) => response.json() as Promise<Catalog>)
      .then((catalog) => addCatalog(lang, catalog))
      // Not expected of a file in the extension itself; the panel then draws keys, not nothing.
      .catch(() => void loading.delete(lang));
    loading.set(lang, promise);
  }
  return promise;
}
