// Microsoft Whiteboard: no verified DOM hooks for board content (research §5), so selection comes from what the
// user copies (one item per line) or pastes by hand.
import { createBoardAdapter, COPY_SELECTION } from './board';
import { parseLines } from './clipboard';
import type { SiteAdapter } from './types';

export function createMsWhiteboardAdapter(): SiteAdapter {
  return createBoardAdapter({ id: 'mswhiteboard', selection: () => COPY_SELECTION, parseClipboard: parseLines });
}

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export { createMsWhiteboardAdapter as createAdapter };
