import { parseExcalidrawClipboard, parseLines, parseMiroClipboard, parseTldrawClipboard } from '../sites/clipboard';
import type { SelectionItem } from '../sites/types';

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
