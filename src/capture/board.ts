import { parseExcalidrawClipboard, parseLines, parseMiroClipboard, parseTldrawClipboard } from '../sites/clipboard';
import type { SelectionItem } from '../sites/types';
import { isLive, type Capture } from './schema';

/**
 * What the user pasted from a whiteboard, as separate notes: Miro's, tldraw's and Excalidraw's own
 * clipboard formats where present, else one note per line of plain text.
 */
export function parseBoardPaste(data: { html?: string; text?: string }): SelectionItem[] {
  return (
    (data.html ? parseMiroClipboard(data.html) : null) ??
    (data.html ? parseTldrawClipboard(data.html) : null) ??
    (data.text ? parseExcalidrawClipboard(data.text) : null) ??
    parseLines(data)
  );
}

/**
 * A board selection captured again: the notes not captured yet, and how many were. A note with an id
 * is captured already when a live capture from this site's board selections carries its id; a note
 * without one (and a capture made before ids were kept) is matched by its text. By id, a second note
 * with the same words as one captured before is kept: two people wrote it.
 */
export function notCapturedYet(items: readonly SelectionItem[], captures: readonly Capture[], site: string | undefined): { fresh: SelectionItem[]; skipped: number } {
  const fromBoard = captures.filter((c) => c.source.type === 'whiteboard' && isLive(c) && c.source.site === site);
  const ids = new Set(fromBoard.flatMap((c) => (c.source.note === undefined ? [] : [c.source.note])));
  const textsWithoutId = new Set(fromBoard.filter((c) => c.source.note === undefined).map((c) => c.text));
  const texts = new Set(fromBoard.map((c) => c.text));
  const fresh = items.filter((item) => (item.id === undefined ? !texts.has(item.text) : !ids.has(item.id) && !textsWithoutId.has(item.text)));
  return { fresh, skipped: items.length - fresh.length };
}
