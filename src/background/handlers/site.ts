import browser from 'webextension-polyfill';
import { FRAME_LABEL_KEYS, type FrameLabels } from '../../content/labels';
import { ok, fail } from '../../messages/reply';
import { ToContent } from '../../messages/toContent';
import { sendToTab } from '../../messages/bus';
import { getPlacement, getSetting, setPlacement } from '../../store/settings';
import { t } from '../../i18n';
import { userLang } from '../lang';
import { prepareActive } from '../workshops';
import { pushToPanels } from '../panels';
import { issuePanelToken } from '../panelTrust';
import { disableOrigin, enableOrigin } from '../sites';
import type { Handlers } from './types';

// A tab's site script and panel: frame labels, placement, page signals to the panel of the same
// tab, and the panel's requests to its own tab's site script. Sites the user enabled.

export const siteHandlers = {
  'content/hello': async ({ siteKey }, { caller }) => {
    if (caller.tabId === undefined) return fail('invalid-message');
    // The frame waits for this answer: its three reads go out together, not one after another
    // (each is a round trip to IndexedDB or storage.session, slow on a busy machine; issue 12).
    // Without a readable store the panel still opens, to say what is wrong with it.
    const [lang, panelToken, placement] = await Promise.all([
      userLang(),
      issuePanelToken(caller.tabId),
      getPlacement(siteKey).catch(() => undefined),
    ]);
    const labels = Object.fromEntries(FRAME_LABEL_KEYS.map((k) => [k, t(k, undefined, lang)])) as FrameLabels;
    // The panel this script is about to make asks for the workshop first thing: look it up (on a
    // fresh profile, create the default one) now, while the frame loads, and leave it where the
    // panel reads it on its first paint. Nothing of it goes back to the site script.
    void prepareActive(lang).catch(() => undefined);
    return ok({ lang, labels, placement: placement ?? null, panelToken });
  },
  'placement/set': async ({ siteKey, placement }) => {
    await setPlacement(siteKey, placement);
    return ok(null);
  },
  'site/signal': async ({ signal }, { caller }) => {
    pushToPanels(signal, caller.tabId);
    return ok(null);
  },
  'tab/forward': async ({ message }, { caller }) => {
    const parsed = ToContent.safeParse(message);
    if (!parsed.success || caller.tabId === undefined) return fail('invalid-message');
    return sendToTab<unknown>(caller.tabId, parsed.data);
  },
  'site/enable': ({ origin, tabId }) => enableOrigin(origin, tabId),
  'site/disable': ({ origin }) => disableOrigin(origin),
  'site/enabled-list': async () => ok(await getSetting('enabledOrigins')),
  'options/open': async ({ view }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(`src/ui/options/options.html#${view}`) });
    return ok(null);
  },
  'summary/open': async ({ workshopId, series }) => {
    // series: the summary of the whole series the workshop belongs to.
    const hash = `${series ? 'series=' : ''}${encodeURIComponent(workshopId)}`;
    await browser.tabs.create({ url: browser.runtime.getURL(`src/ui/summary/summary.html#${hash}`) });
    return ok(null);
  },
} satisfies Partial<Handlers>;
