import browser from 'webextension-polyfill';
import { fail, ok } from '../../messages/reply';
import { fillChatInTab } from '../chatBox';
import type { Handlers } from './types';

// What participants see: the pop-out timer, a small extension window of its own (the page offers
// Document Picture-in-Picture where the browser has it, src/ui/popout), and the announcement the
// panel puts in its own tab's chat box (src/background/chatBox.ts): filled, never sent; the user sends it.

export const POPOUT_PAGE = 'src/ui/popout/popout.html';

// In memory only (storage.session), like the panel grants: the window is gone with the browser.
interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
const session = (): SessionArea => (browser.storage as unknown as { session: SessionArea }).session;

/** The pop-out's window, if one is open: a second "pop out" brings it forward rather than opening another. */
async function openPopout(): Promise<number | undefined> {
  const { popoutWindow } = await session().get('popoutWindow');
  if (typeof popoutWindow !== 'number') return undefined;
  try {
    // Window ids are not reused within a browser session; the type is checked all the same (no
    // "tabs" permission, so the window's page address cannot be).
    const open = await browser.windows.get(popoutWindow);
    if (open.type !== 'popup') return undefined;
    await browser.windows.update(popoutWindow, { focused: true });
    return popoutWindow;
  } catch {
    return undefined; // closed since
  }
}

export const participantHandlers = {
  'popout/open': async () => {
    if ((await openPopout()) !== undefined) return ok(null);
    const created = await browser.windows.create({ url: browser.runtime.getURL(POPOUT_PAGE), type: 'popup', width: 480, height: 400 });
    await session().set({ popoutWindow: created.id });
    return ok(null);
  },
  'chat/announce': async ({ text }, { caller }) => {
    if (caller.tabId === undefined) return fail('invalid-message');
    return ok({ filled: await fillChatInTab(caller.tabId, text) });
  },
} satisfies Partial<Handlers>;
