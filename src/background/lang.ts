import browser from 'webextension-polyfill';
import { detectLang, type Lang } from '../i18n';
import { getSetting } from '../store/settings';

/** The language the user chose in settings, else the browser's. */
export async function userLang(): Promise<Lang> {
  // A store that cannot be opened (one written by a newer Vuoro) still gets the browser's language.
  return (await getSetting('lang').catch(() => null)) ?? detectLang(browser.i18n.getUILanguage());
}
