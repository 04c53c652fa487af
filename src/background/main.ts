import browser, { type Runtime } from 'webextension-polyfill';
import { fail, listen, sendToTab, type Reply } from '../messages/bus';
import { ToBackground, type ToBackground as Request } from '../messages/app';
import { getPlacement, getSetting, setPlacement, setSetting } from '../store/settings';
import { disableOrigin, enableOrigin, syncEnabledOrigins } from './sites';
import { FRAME_LABEL_KEYS, type FrameLabels } from '../content/labels';
import { detectLang, t, type Lang } from '../ui/i18n';

async function userLang(): Promise<Lang> {
  return (await getSetting('lang')) ?? detectLang(browser.i18n.getUILanguage());
}

// The background: commands, context menu and the store. Kept thin and stateless: a service worker
// can be stopped at any moment, so everything lives in IndexedDB and every handler re-reads it.

async function handle(message: Request, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  switch (message.type) {
    case 'content/hello':
    {
      const lang = await userLang();
      const labels = Object.fromEntries(FRAME_LABEL_KEYS.map((k) => [k, t(k, undefined, lang)])) as FrameLabels;
      return { ok: true, value: { labels, placement: (await getPlacement(message.siteKey)) ?? null } };
    }
    case 'panel/hello':
      return { ok: true, value: { tabId: sender.tab?.id ?? null, lang: await getSetting('lang') } };
    case 'placement/set':
      await setPlacement(message.siteKey, message.placement);
      return { ok: true, value: null };
    case 'settings/get':
      return {
        ok: true,
        value: { lang: await getSetting('lang'), capturedBy: await getSetting('capturedBy'), retentionDays: await getSetting('retentionDays') },
      };
    case 'settings/set':
      if (message.lang !== undefined) await setSetting('lang', message.lang);
      if (message.capturedBy !== undefined) await setSetting('capturedBy', message.capturedBy);
      if (message.retentionDays !== undefined) await setSetting('retentionDays', message.retentionDays);
      return { ok: true, value: null };
    case 'site/enable':
      return enableOrigin(message.origin, message.tabId);
    case 'site/disable':
      return disableOrigin(message.origin);
    case 'site/enabled-list':
      return { ok: true, value: await getSetting('enabledOrigins') };
    case 'workshop/active':
      return { ok: true, value: null };
  }
}

listen<Request>('background', ToBackground, (message, sender) =>
  handle(message, sender).catch((error: unknown) => {
    console.error('vuoro background', message.type, error);
    return fail('store-failed', { detail: error instanceof Error ? error.name : 'unknown' });
  }),
);

browser.commands.onCommand.addListener((command, tab) => {
  if (!tab?.id) return;
  if (command === 'toggle-panel') void sendToTab(tab.id, { to: 'content', type: 'panel/toggle' });
  if (command === 'quick-capture') void sendToTab(tab.id, { to: 'content', type: 'capture/quick' });
});

browser.runtime.onInstalled.addListener(() => void syncEnabledOrigins());
browser.runtime.onStartup.addListener(() => void syncEnabledOrigins());
