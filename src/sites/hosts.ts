// The hosts Vuoro supports out of the box: the single source for the manifest's matches and the
// content script's choice of adapter. Any other site is reached through optional host permissions.

export type SiteId =
  | 'zoom'
  | 'teams'
  | 'meet'
  | 'miro'
  | 'mural'
  | 'flinga'
  | 'excalidraw'
  | 'tldraw'
  | 'mswhiteboard'
  | 'generic';

export type SiteKind = 'meeting' | 'whiteboard' | 'other';

export interface SiteHost {
  site: Exclude<SiteId, 'generic'>;
  kind: SiteKind;
  /** Manifest match patterns. */
  matches: string[];
}

export const SITE_HOSTS: readonly SiteHost[] = [
  // Zoom's web client lives under /wc on app.zoom.us and the older <account>.zoom.us hosts.
  { site: 'zoom', kind: 'meeting', matches: ['https://*.zoom.us/wc/*'] },
  {
    site: 'teams',
    kind: 'meeting',
    matches: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
  },
  { site: 'meet', kind: 'meeting', matches: ['https://meet.google.com/*'] },
  { site: 'miro', kind: 'whiteboard', matches: ['https://miro.com/app/*'] },
  { site: 'mural', kind: 'whiteboard', matches: ['https://app.mural.co/*'] },
  { site: 'flinga', kind: 'whiteboard', matches: ['https://flinga.fi/*', 'https://*.flinga.fi/*'] },
  { site: 'excalidraw', kind: 'whiteboard', matches: ['https://excalidraw.com/*', 'https://app.excalidraw.com/*'] },
  { site: 'tldraw', kind: 'whiteboard', matches: ['https://www.tldraw.com/*', 'https://tldraw.com/*'] },
  {
    site: 'mswhiteboard',
    kind: 'whiteboard',
    matches: ['https://whiteboard.microsoft.com/*', 'https://whiteboard.cloud.microsoft/*'],
  },
];

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

/**
 * The meeting's own controls the panel must not cover by default (leave, mute, toolbars, the
 * participant side panel). Looked up in the page and its same-origin frames when placing the panel.
 */
export const SITE_CONTROLS: Record<SiteId, string[]> = {
  zoom: ['#wc-footer', '.footer__leave-btn-container', '.footer-button-base__button', '#wc-container-right'],
  teams: ['#hangup-button', '[data-tid="hangup-main-btn"]', '#roster-button', '#microphone-button', '[data-tid="call-controls"]'],
  meet: ['[role="toolbar"]', '[aria-label="Leave call"]'],
  miro: ['[data-testid="board-toolbar"]', '.board-toolbar'],
  mural: ['[data-qa="toolbar"]'],
  flinga: ['[role="toolbar"]'],
  excalidraw: ['.App-toolbar', '.layer-ui__wrapper__top-right', '.App-menu_top'],
  tldraw: ['.tlui-toolbar', '.tlui-menu-zone', '.tlui-style-panel__wrapper'],
  mswhiteboard: ['[role="toolbar"]'],
  generic: [],
};
