// The sites Vuoro supports out of the box, one row each: the single source for the manifest's
// matches, the background's choice of site script, the build's content-script entries, the
// controls the panel keeps clear of, and the e2e fixture that stands in for the site.
// Adding a site: one row here and one adapter file src/sites/<site>.ts exporting `createAdapter`
// (test/unit/sites/registry.test.ts checks rows, adapters, build entries and fixtures agree).
// Any other site is reached through optional host permissions and the generic script.

import type { SiteKind } from '../messages/site';

export type { SiteKind };

export interface SiteRow {
  site: string;
  kind: SiteKind;
  /** Manifest match patterns (none for `generic`: it runs on origins the user enabled). */
  matches: readonly string[];
  /**
   * The site's own controls the panel must not cover by default (leave, mute, toolbars, the
   * participant side panel). Looked up in the page and its same-origin frames when placing the panel.
   */
  controls: readonly string[];
  /**
   * Where the meeting client takes a chat message (textarea or contenteditable), first match wins,
   * in the page or its same-origin frames: "announce in chat" fills it and the user sends it
   * (src/background/chatBox.ts, injected on demand). Empty for sites without a chat.
   */
  chatInput: readonly string[];
  /** The host of its fixture pages in test/fixtures/sites/. */
  fixture: string;
}

export const SITES = [
  // Zoom's web client lives under /wc on app.zoom.us and the older <account>.zoom.us hosts.
  {
    site: 'zoom',
    kind: 'meeting',
    matches: ['https://*.zoom.us/wc/*'],
    controls: ['#wc-footer', '.footer__leave-btn-container', '.footer-button-base__button', '#wc-container-right'],
    // The rich-text box of current builds, the plain textarea of older ones (social_stream's zoom.js).
    chatInput: ['.chat-rtf-box__chat-textarea-wrapper [contenteditable="true"]', 'textarea.chat-box__chat-textarea'],
    fixture: 'app.zoom.us',
  },
  {
    site: 'teams',
    kind: 'meeting',
    matches: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
    controls: ['#hangup-button', '[data-tid="hangup-main-btn"]', '#roster-button', '#microphone-button', '[data-tid="call-controls"]'],
    // The meeting chat's CKEditor compose box (authenticated users only).
    chatInput: ['[data-tid^="ckeditor"][contenteditable="true"]'],
    fixture: 'teams.microsoft.com',
  },
  {
    site: 'meet',
    kind: 'meeting',
    matches: ['https://meet.google.com/*'],
    controls: ['[role="toolbar"]', '[aria-label="Leave call"]'],
    // The chat panel's textarea (jsname is stable across Meet's rotating classes; the label is English only).
    chatInput: ['textarea[jsname="YPqjbf"]', 'textarea[aria-label="Send a message"]'],
    fixture: 'meet.google.com',
  },
  { site: 'miro', kind: 'whiteboard', matches: ['https://miro.com/app/*'], controls: ['[data-testid="board-toolbar"]', '.board-toolbar'], chatInput: [], fixture: 'miro.com' },
  { site: 'mural', kind: 'whiteboard', matches: ['https://app.mural.co/*'], controls: ['[data-qa="toolbar"]'], chatInput: [], fixture: 'app.mural.co' },
  { site: 'flinga', kind: 'whiteboard', matches: ['https://flinga.fi/*', 'https://*.flinga.fi/*'], controls: ['[role="toolbar"]'], chatInput: [], fixture: 'flinga.fi' },
  {
    site: 'excalidraw',
    kind: 'whiteboard',
    matches: ['https://excalidraw.com/*', 'https://app.excalidraw.com/*'],
    controls: ['.App-toolbar', '.layer-ui__wrapper__top-right', '.App-menu_top'],
    chatInput: [],
    fixture: 'excalidraw.com',
  },
  {
    site: 'tldraw',
    kind: 'whiteboard',
    matches: ['https://www.tldraw.com/*', 'https://tldraw.com/*'],
    controls: ['.tlui-toolbar', '.tlui-menu-zone', '.tlui-style-panel__wrapper'],
    chatInput: [],
    fixture: 'www.tldraw.com',
  },
  {
    site: 'mswhiteboard',
    kind: 'whiteboard',
    matches: ['https://whiteboard.microsoft.com/*', 'https://whiteboard.cloud.microsoft/*'],
    controls: ['[role="toolbar"]'],
    chatInput: [],
    fixture: 'whiteboard.microsoft.com',
  },
  { site: 'generic', kind: 'other', matches: [], controls: [], chatInput: [], fixture: 'unlisted.example' },
] as const satisfies readonly SiteRow[];

export type SiteId = (typeof SITES)[number]['site'];
export type SiteHost = Extract<(typeof SITES)[number], { site: Exclude<SiteId, 'generic'> }>;

/** The supported hosts (every row but `generic`). */
export const SITE_HOSTS: readonly SiteHost[] = SITES.filter((row): row is SiteHost => row.site !== 'generic');

export function siteRow(site: SiteId): SiteRow {
  return SITES.find((row) => row.site === site)!;
}

export const SUPPORTED_MATCHES: string[] = SITE_HOSTS.flatMap((h) => h.matches);

/** Tests a URL against one manifest match pattern (scheme://host/path with `*` wildcards). */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== '*' && host !== url.hostname) return false;
  const re = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(url.pathname + url.search);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function siteForUrl(url: URL): SiteHost | undefined {
  return SITE_HOSTS.find((h) => h.matches.some((p) => matchesPattern(p, url)));
}
