import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };
import { SUPPORTED_MATCHES } from '../src/sites/hosts.ts';

export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'vuoro@vuoro.app';

const icons = {
  16: 'assets/icons/icon-16.png',
  32: 'assets/icons/icon-32.png',
  48: 'assets/icons/icon-48.png',
  128: 'assets/icons/icon-128.png',
};

/**
 * Extension pages may run only their own scripts: no eval (zod is built jitless), no plugins, no
 * <base> rewriting, no form posts anywhere, and no http(s) requests at all. The one opening is
 * WebSockets (ws:, wss:), for live sharing's signalling server: its address is whatever the user
 * configures for their organisation, so the CSP cannot name it; the code connects only to that
 * configured URL (src/sync/engine.ts: `signaling: [configured]`, never y-webrtc's public
 * defaults), and only after the user turned sharing on and granted its origin. No fetch or XHR
 * can use the opening (they are http(s)), and WebRTC between peers is not governed by CSP.
 */
export const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src ws: wss:";

/** The one manifest source; Chrome and Firefox differ only in the background key and gecko settings. */
export function manifestFor(browser: TargetBrowser) {
  return defineManifest({
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Vuoro',
    description: '__MSG_extDescription__',
    version: pkg.version,
    default_locale: 'en',
    icons,
    action: { default_popup: 'src/ui/popup/popup.html', default_icon: icons, default_title: '__MSG_extName__' },
    options_ui: { page: 'src/ui/options/options.html', open_in_tab: true },
    background:
      browser === 'firefox'
        ? { scripts: ['src/background/main.ts'], type: 'module' }
        : { service_worker: 'src/background/main.ts', type: 'module' },
    // No "tabs": host permissions let the background see the URL of a tab on a supported (or
    // enabled) site, and nothing else. "scripting" injects the site's script once such a tab has
    // loaded; the manifest declares no content script (see src/background/sites.ts). "storage"
    // is for storage.session only: the panel tokens, kept in memory and gone when the browser
    // closes (src/background/panelTrust.ts). "alarms" runs the retention setting on schedule.
    // Chrome only: "offscreen" opens the document that runs live sharing's WebRTC (a service
    // worker has none; Firefox runs it in the background page).
    permissions: ['storage', 'contextMenus', 'scripting', 'activeTab', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: SUPPORTED_MATCHES,
    // Pages: https only: the meeting clients and boards are all served over https, and a page
    // sent in plain http can be rewritten on the way, panel frame included (site/enable refuses
    // anything else). ws/wss: live sharing's signalling server, asked for only when the user
    // configures it, for that server's host alone. Plain ws is allowed because an organisation's
    // signaller may run on its own network without a certificate; what it relays is encrypted
    // with the room's passphrase either way (src/sync/engine.ts).
    optional_host_permissions: ['https://*/*', 'wss://*/*', 'ws://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Only the panel page is web-accessible, and only to https pages. Neither browser registers
    // web-accessible resources at run time, and both check them for a frame a content script
    // makes (Firefox too), so the user's enabled origins need the https-wide entry. Chrome then
    // serves the panel only at a per-session dynamic URL (a page cannot probe the fixed one);
    // Firefox only at the per-install UUID origin, which a page cannot know. A frame a page makes
    // itself stays empty and inert: src/background/panelTrust.ts.
    web_accessible_resources: [
      {
        resources: ['src/ui/panel/panel.html'],
        matches: ['https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+V' }, description: '__MSG_cmdTogglePanel__' },
      'quick-capture': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_cmdQuickCapture__' },
      'i-am-talking': { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_cmdIAmTalking__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { minimum_chrome_version: '120' }),
  } as Parameters<typeof defineManifest>[0]);
}
