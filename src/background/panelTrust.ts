import browser, { type Runtime } from 'webextension-polyfill';
import { callerOf } from '../messages/protocol';

// Which panel frame in a tab is Vuoro's own. The panel page is web-accessible, so a page that
// learns its URL can frame it; such a frame must stay empty and inert. When a tab's site script
// says hello, the background makes a one-time token and hands it to that script only; the script
// puts it in the URL of the frame it makes inside its closed shadow root. The first panel frame
// of that tab to connect with the token is bound to it (tab, frame, and in Chrome the document);
// the token is then spent, and every later port and request from a panel frame is checked against
// that binding. Kept in storage.session: in memory only, gone when the browser closes, and it
// survives the service worker being stopped, so a bound panel reconnects without a new token.

interface Grant {
  token: string;
  frame?: { frameId: number; documentId?: string };
}

type SenderWithDocument = Runtime.MessageSender & { documentId?: string };

const grantKey = (tabId: number) => `panelGrant:${tabId}`;

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}
const session = (): SessionArea => (browser.storage as unknown as { session: SessionArea }).session;

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A sender that is the panel page (in any frame of any tab, whoever made the frame). */
function isPanelSender(sender: Runtime.MessageSender): boolean {
  return callerOf(sender, browser.runtime.getURL(''))?.caller === 'panel';
}

/** A new token for the site script of `tabId` (its top frame); any earlier grant of the tab ends. */
export async function issuePanelToken(tabId: number): Promise<string> {
  const token = newToken();
  await session().set({ [grantKey(tabId)]: { token } satisfies Grant });
  return token;
}

async function grantOf(tabId: number): Promise<Grant | undefined> {
  const value = (await session().get(grantKey(tabId)))[grantKey(tabId)] as Grant | undefined;
  return value && typeof value.token === 'string' ? value : undefined;
}

function sameFrame(bound: NonNullable<Grant['frame']>, sender: SenderWithDocument): boolean {
  if (bound.frameId !== sender.frameId) return false;
  return bound.documentId === undefined || sender.documentId === undefined || bound.documentId === sender.documentId;
}

// Admissions run one at a time, so two frames presenting the same unspent token cannot both bind it.
let admissions: Promise<unknown> = Promise.resolve();

/**
 * Whether a site script in this tab has said hello since the tab opened (or since the browser
 * started): a grant, bound or not, outlives the document that asked for it, so a reloaded page
 * still has one. A tab without one has never had a site script.
 */
export async function hadSiteScript(tabId: number): Promise<boolean> {
  return (await grantOf(tabId)) !== undefined;
}

/** A panel connecting with `token`: binds the tab's unspent grant to this frame, or checks the binding. */
export function admitPanel(sender: Runtime.MessageSender, token: string): Promise<boolean> {
  const next = admissions.then(async () => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined || sender.frameId === 0 || !isPanelSender(sender)) return false;
    const grant = await grantOf(tabId);
    if (!grant || grant.token !== token) return false;
    if (grant.frame) return sameFrame(grant.frame, sender);
    const documentId = (sender as SenderWithDocument).documentId;
    await session().set({ [grantKey(tabId)]: { token, frame: { frameId: sender.frameId, ...(documentId ? { documentId } : {}) } } satisfies Grant });
    return true;
  });
  admissions = next.catch(() => undefined);
  return next.catch(() => false);
}

/** Whether this panel sender is the frame bound to its tab's grant. */
export async function isTrustedPanel(sender: Runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isPanelSender(sender)) return false;
  await admissions; // a request racing its own frame's admission waits for it
  const grant = await grantOf(tabId).catch(() => undefined);
  return grant?.frame !== undefined && sameFrame(grant.frame, sender as SenderWithDocument);
}

export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => void session().remove(grantKey(tabId)).catch(() => undefined));
}
