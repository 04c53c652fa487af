// Miro paints its board to a canvas; items are not in the DOM. After the user copies, the
// clipboard's text/html carries Miro's own payload (miro-data-v1), which holds sticky and text content.
import { createBoardAdapter, COPY_SELECTION } from './board';
import { parseLines, parseMiroClipboard } from './clipboard';
import type { SiteAdapter } from './types';

export function createMiroAdapter(): SiteAdapter {
  return createBoardAdapter({
    id: 'miro',
    selection: () => COPY_SELECTION,
    parseClipboard: (data) => (data.html ? parseMiroClipboard(data.html) : null) ?? parseLines(data),
  });
}

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export { createMiroAdapter as createAdapter };
