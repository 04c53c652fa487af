import browser, { type Tabs } from 'webextension-polyfill';
import { SUPPORTED_MATCHES, siteForUrl, type SiteId } from '../sites/hosts';
import { fail, type Reply } from '../messages/bus';
import { getSetting, setSetting } from '../store/settings';

// How Vuoro gets onto a page. The manifest declares no content script: any script the manifest
// puts on a page runs before the page's load event (Chromium injects document_idle scripts just
// before it) and its isolated world costs the page's load a few milliseconds. Instead the
// background waits until a tab on a supported host, or on an origin the user enabled, has
// finished loading, and then injects that site's own script into the top frame. The script
// guards against a second injection (src/content/main.ts), so a repeated "complete" is harmless.

const patternOf = (origin: string) => `${new URL(origin).origin}/*`;

/** The site script for a tab's URL: the supported site's own, `generic` on an enabled origin, else none. */
export async function siteForTab(rawUrl: string | undefined): Promise<SiteId | undefined> {
  if (!rawUrl) return undefined; // no host permission for this tab: the browser hides its URL
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const supported = siteForUrl(url)?.site;
  if (supported) return supported;
  return (await getSetting('enabledOrigins')).includes(url.origin) ? 'generic' : undefined;
}

async function inject(tabId: number, site: SiteId): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [`content/${site}.js`] });
}

/** Injects the site script when the tab shows a supported or enabled page; errors (a closed tab, an error page) are dropped. */
export async function injectIntoTab(tabId: number, url: string | undefined): Promise<void> {
  const site = await siteForTab(url);
  if (site) await inject(tabId, site).catch(() => undefined);
}

function onTabUpdated(tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): void {
  if (change.status === 'complete') void injectIntoTab(tabId, tab.url);
}

/**
 * Listens for finished page loads. Firefox can filter the event to status changes; Chromium
 * takes no filter and calls for every change of every tab, which the listener drops at once.
 */
export function watchTabs(): void {
  if (browser.runtime.getURL('').startsWith('moz-extension:')) {
    browser.tabs.onUpdated.addListener(onTabUpdated, { properties: ['status'] });
  } else {
    browser.tabs.onUpdated.addListener(onTabUpdated);
  }
}

/** Whether the tab's top frame already runs a site script (a one-line probe in the content scripts' world). */
async function hasSiteScript(tabId: number): Promise<boolean> {
  const [probe] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: () => (globalThis as { __vuoroContent?: boolean }).__vuoroContent === true,
  });
  return probe?.result === true;
}

/**
 * Whenever the background starts (install, update, browser start, or a restart after it was
 * stopped): loaded tabs on supported or enabled sites that have no site script get one. A load
 * that finished while the background was not listening (it is starting, or was just installed)
 * is caught here; tabs that have the script cost only the probe.
 */
export async function injectIntoOpenTabs(retries = 20): Promise<void> {
  const patterns = [...SUPPORTED_MATCHES, ...(await getSetting('enabledOrigins')).map(patternOf)];
  const tabs = await browser.tabs.query({ url: patterns }).catch(() => [] as Tabs.Tab[]);
  // A tab still loading now finishes while this background may not hear of it (a start right
  // after install does not get the events of its first moments): look again shortly.
  if (retries > 0 && tabs.some((tab) => tab.status !== 'complete')) setTimeout(() => void injectIntoOpenTabs(retries - 1), 500);
  await Promise.all(
    tabs.filter((tab) => tab.status === 'complete').map(async (tab) => {
      if (tab.id === undefined) return;
      const site = await siteForTab(tab.url);
      if (site && !(await hasSiteScript(tab.id).catch(() => true))) await inject(tab.id, site).catch(() => undefined);
    }),
  );
}

// Sites beyond the supported list: the user grants the origin at run time (optional host
// permission, asked for by the popup inside the click); the origin is remembered, and the
// generic script goes into the current tab at once and into the origin's pages from then on.

export async function enableOrigin(origin: string, tabId?: number): Promise<Reply<null>> {
  const normalised = new URL(origin).origin;
  if (!/^https?:$/.test(new URL(origin).protocol)) return fail('site-not-web');
  if (!(await browser.permissions.contains({ origins: [patternOf(normalised)] }))) return fail('site-permission-denied');
  const list = await getSetting('enabledOrigins');
  if (!list.includes(normalised)) await setSetting('enabledOrigins', [...list, normalised]);
  if (tabId !== undefined) await inject(tabId, 'generic');
  return { ok: true, value: null };
}

export async function disableOrigin(origin: string): Promise<Reply<null>> {
  const normalised = new URL(origin).origin;
  await browser.permissions.remove({ origins: [patternOf(normalised)] }).catch(() => undefined);
  await setSetting('enabledOrigins', (await getSetting('enabledOrigins')).filter((o) => o !== normalised));
  return { ok: true, value: null };
}
