import browser, { type Tabs } from 'webextension-polyfill';
import { SUPPORTED_MATCHES, siteForUrl, type SiteId } from '../sites/hosts';
import { fail, type Reply } from '../messages/reply';
import { getSetting, setSetting } from '../store/settings';
import { hadSiteScript } from './panelTrust';

// How Vuoro gets onto a page. The manifest declares no content script: any script the manifest
// puts on a page runs before the page's load event (Chromium injects document_idle scripts just
// before it) and its isolated world costs the page's load a few milliseconds. Instead the
// background waits until a tab on a supported host, or on an origin the user enabled, has
// finished loading, and then injects that site's own script into the top frame. The script
// guards against a second injection (src/content/main.ts), so a repeated "complete" is harmless.

const patternOf = (origin: string) => `${new URL(origin).origin}/*`;

/** The site script for a tab's URL: the supported site's own, `generic` on an enabled origin, else none. */
async function siteForTab(rawUrl: string | undefined): Promise<SiteId | undefined> {
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

/** Whether the tab's top frame already runs a site script (a one-line probe in the content scripts' world). */
async function hasSiteScript(tabId: number): Promise<boolean> {
  const [probe] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: () => (globalThis as { __vuoroContent?: boolean }).__vuoroContent === true,
  });
  return probe?.result === true;
}

/**
 * Gives a loaded tab on a supported or enabled site its site script, unless it has one already:
 * "complete" comes again when a frame of the page loads, and the probe spares the page a second
 * parse of the whole script. A tab whose site script never said hello (its first page on the site)
 * gets the script without the probe: the probe is a task of its own on the page's main thread, in
 * the page's busiest moment (issue 12). Should a script be there after all (a second "complete"
 * before the first script's hello has been answered), it sees its own mark and stops at once
 * (src/content/main.ts). Errors (a closed tab, an error page) are dropped.
 */
async function ensureSiteScript(tabId: number, url: string | undefined): Promise<void> {
  const site = await siteForTab(url);
  if (!site) return;
  if ((await hadSiteScript(tabId).catch(() => true)) && (await hasSiteScript(tabId).catch(() => true))) return;
  await inject(tabId, site).catch(() => undefined);
}

function onTabUpdated(tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): void {
  if (change.status === 'complete') void ensureSiteScript(tabId, tab.url);
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

/**
 * Whenever the background starts (install, update, browser start, or a restart after it was
 * stopped): loaded tabs on supported or enabled sites that have no site script get one. A load
 * that finished while the background was not listening (it is starting, or was just installed)
 * is caught here. Tabs still loading are looked at again shortly, `retries` times at most: a
 * start right after an install does not hear the events of its first moments.
 */
export async function injectIntoOpenTabs(only?: ReadonlySet<number>, retries = 20): Promise<void> {
  const patterns = [...SUPPORTED_MATCHES, ...(await getSetting('enabledOrigins')).map(patternOf)];
  const tabs = (await browser.tabs.query({ url: patterns }).catch(() => [] as Tabs.Tab[])).filter(
    (tab) => tab.id !== undefined && (!only || only.has(tab.id)),
  );
  const loading = new Set(tabs.filter((tab) => tab.status !== 'complete').map((tab) => tab.id!));
  if (loading.size && retries > 0) setTimeout(() => void injectIntoOpenTabs(loading, retries - 1), 500);
  await Promise.all(tabs.filter((tab) => tab.status === 'complete').map((tab) => ensureSiteScript(tab.id!, tab.url)));
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
