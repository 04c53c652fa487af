// "Announce in chat": puts plain text in the meeting client's chat box for the facilitator to
// check and send. Never sends (no Enter, no click on Send) and never writes markup: the text goes
// in through the browser's own text insertion, which the client's editor hears as typing (React,
// ProseMirror, CKEditor). Where that is refused the caller copies the text instead. Kept small:
// every meeting script carries it (content scripts have a 15 KB gzip budget).

/** Adds `text` after what the box holds (a draft is kept); false when no box took it. */
export function fillChat(selectors: readonly string[], text: string): boolean {
  // The page, then its same-origin frames (Zoom's #webclient); a cross-origin frame's document is null.
  const docs = [document, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument)];
  const box = selectors.length ? docs.map((doc) => doc?.querySelector<HTMLElement>(selectors.join(','))).find(Boolean) : null;
  if (!box) return false;
  const doc = box.ownerDocument;
  box.focus();
  if (box instanceof doc.defaultView!.HTMLTextAreaElement) box.setSelectionRange(box.value.length, box.value.length);
  else doc.getSelection()?.collapse(box, box.childNodes.length);
  return doc.execCommand('insertText', false, (box.textContent || (box as HTMLTextAreaElement).value || '').trim() ? `\n${text}` : text);
}
