import browser from 'webextension-polyfill';
import { detectLang, type Lang } from '../i18n';
import { getSetting } from '../store/settings';

/** The language the user chose in settings, else the browser's. */
export async function userLang(): Promise<Lang> {
  return (await getSetting('lang')) ?? detectLang(browser.i18n.getUILanguage());
}
