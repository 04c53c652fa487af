import browser, { type Runtime } from 'webextension-polyfill';
import { siteForUrl } from '../sites/hosts';
import { fail, type Reply } from '../messages/bus';
import { getSetting, setSetting } from '../store/settings';

/** The loader the manifest declares (see scripts/vite-content-scripts.ts); it asks for the site's script. */
const contentScript = 'content/loader.js';

// Sites beyond the supported list: the user grants the origin at run time (optional host
// permission, asked for by the popup inside the click), then the content script is registered for
// it and injected into the current tab at once.

const scriptId = (origin: string) => `vuoro-site-${origin.replace(/[^a-z0-9]/gi, '_')}`;
const patternOf = (origin: string) => `${new URL(origin).origin}/*`;

async function register(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([{ id, matches: [patternOf(origin)], js: [contentScript], runAt: 'document_idle' }]);
}

export async function enableOrigin(origin: string, tabId?: number): Promise<Reply<null>> {
  const normalised = new URL(origin).origin;
  if (!/^https?:$/.test(new URL(origin).protocol)) return fail('site-not-web');
  if (!(await browser.permissions.contains({ origins: [patternOf(normalised)] }))) return fail('site-permission-denied');
  await register(normalised);
  const list = await getSetting('enabledOrigins');
  if (!list.includes(normalised)) await setSetting('enabledOrigins', [...list, normalised]);
  if (tabId !== undefined) await browser.scripting.executeScript({ target: { tabId }, files: [contentScript] });
  return { ok: true, value: null };
}

export async function disableOrigin(origin: string): Promise<Reply<null>> {
  const normalised = new URL(origin).origin;
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(normalised)] }).catch(() => undefined);
  await browser.permissions.remove({ origins: [patternOf(normalised)] }).catch(() => undefined);
  await setSetting('enabledOrigins', (await getSetting('enabledOrigins')).filter((o) => o !== normalised));
  return { ok: true, value: null };
}

/** Registrations may not survive a browser restart or an update: re-create them from settings. */
export async function syncEnabledOrigins(): Promise<void> {
  for (const origin of await getSetting('enabledOrigins')) {
    if (await browser.permissions.contains({ origins: [patternOf(origin)] })) await register(origin).catch(() => undefined);
  }
}

/**
 * The loader on a page has seen it settle: inject that site's own content script, or the generic
 * one on a site the user enabled. Top frames of web pages only.
 */
export async function injectSiteScript(sender: Runtime.MessageSender): Promise<Reply<null>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !sender.url) return fail('invalid-message');
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return fail('invalid-message');
  }
  const site = siteForUrl(url)?.site ?? ((await getSetting('enabledOrigins')).includes(url.origin) ? 'generic' : undefined);
  if (!site) return fail('site-not-enabled');
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [`content/${site}.js`] });
  return { ok: true, value: null };
}
