import browser from 'webextension-polyfill';
import { t } from '../i18n';
import { siteForUrl } from '../sites/hosts';
import { userLang } from './lang';
import { changed } from './router';
import { activeWorkshop, addCapture } from './workshops';

// The context menu: capture the selected text into the active workshop.

const MENU_CAPTURE = 'vuoro-capture-selection';

/** (Re)creates the menu in the user's language. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_CAPTURE, title: t('menuCaptureSelection', undefined, await userLang()), contexts: ['selection'] });
}

export function listenToMenus(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_CAPTURE || !info.selectionText?.trim()) return;
    void (async () => {
      const active = await activeWorkshop(await userLang());
      if (!active) return;
      const url = info.pageUrl ?? tab?.url;
      const site = url ? siteForUrl(new URL(url))?.site : undefined;
      await addCapture({
        workshopId: active.workshop.id,
        text: info.selectionText!.trim().slice(0, 10_000),
        kind: 'idea',
        source: { type: 'selection', ...(site ? { site } : {}), ...(url ? { url: url.slice(0, 4096) } : {}) },
      });
      changed(['captures'], active.workshop.id);
    })().catch((error: unknown) => console.error('vuoro capture selection', error));
  });
}
