import browser from 'webextension-polyfill';
import { siteForUrl, siteRow } from '../sites/hosts';

// "Announce in chat": the background puts plain text in the meeting client's chat box for the
// facilitator to check and send. It is injected on demand (scripting.executeScript, the content
// scripts' isolated world) rather than carried by every site script, which must stay within its
// 15 KB gzip budget. It never sends (no Enter, no click on Send) and never writes markup.

/** Runs in each frame of the tab: whether this frame holds the chat box. Self-contained (serialised). */
function frameHasChatBox(selectors: string[]): boolean {
  return document.querySelector(selectors.join(',')) !== null;
}

/**
 * Runs in the one frame that holds the box: adds the text after what the box holds (a draft is
 * kept) through the browser's own text insertion, which the client's editor hears as typing
 * (React, ProseMirror, CKEditor). False when the box refused it. Self-contained (serialised).
 */
function fillChatBox(selectors: string[], text: string): boolean {
  const box = document.querySelector<HTMLElement>(selectors.join(','));
  if (!box) return false;
  const field = box instanceof HTMLTextAreaElement ? box : null;
  const draft = (field ? field.value : (box.textContent ?? '')).trim();
  box.focus();
  if (field) field.setSelectionRange(field.value.length, field.value.length);
  else document.getSelection()?.collapse(box, box.childNodes.length);
  return document.execCommand('insertText', false, draft ? `\n${text}` : text);
}

/** Fills the chat box of a tab on a supported meeting site (its row's `chatInput`); false when there is none. */
export async function fillChatInTab(tabId: number, text: string): Promise<boolean> {
  try {
    const { url } = await browser.tabs.get(tabId); // visible through the host permissions of the supported sites
    const host = url ? siteForUrl(new URL(url)) : undefined;
    const selectors = host ? [...siteRow(host.site).chatInput] : [];
    if (!selectors.length) return false;
    // The page or a same-origin frame (Zoom's client runs in #webclient); only one frame is written to.
    const found = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: frameHasChatBox, args: [selectors] });
    const frame = found.find((result) => result.result === true);
    if (!frame) return false;
    const [filled] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frame.frameId] }, func: fillChatBox, args: [selectors, text] });
    return filled?.result === true;
  } catch {
    return false; // a closed tab, a page the browser will not script: the panel copies the text instead
  }
}
