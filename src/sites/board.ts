// The shape shared by whiteboard adapters: no meeting signals, a selection capability, and
// selection read from the DOM or storage where that is reliable, else from what the user copies.
import type { AdapterContext, Capability, CapabilityStatus, SelectionItem, SiteAdapter, SiteId } from './types';

export interface BoardSpec {
  id: SiteId;
  selection(doc: Document): CapabilityStatus;
  readSelection?(doc: Document): Promise<SelectionItem[] | null>;
  parseClipboard(data: { html?: string; text?: string }): SelectionItem[];
}

const NOT_A_MEETING: CapabilityStatus = { state: 'unsupported', reason: 'not-a-meeting-page' };

export function createBoardAdapter(spec: BoardSpec): SiteAdapter {
  let doc: Document | undefined;
  const page = (): Document => doc ?? globalThis.document;
  const capabilities = (): Record<Capability, CapabilityStatus> => ({
    participants: NOT_A_MEETING,
    activeSpeaker: NOT_A_MEETING,
    raisedHands: NOT_A_MEETING,
    chat: NOT_A_MEETING,
    selection: spec.selection(page()),
  });
  const readSelection = spec.readSelection;
  return {
    id: spec.id,
    kind: 'whiteboard',
    capabilities,
    start(ctx: AdapterContext) {
      doc = ctx.doc;
      ctx.emit({ type: 'capabilities', capabilities: capabilities() });
      return () => {
        doc = undefined;
      };
    },
    parseClipboard: spec.parseClipboard,
    ...(readSelection ? { readSelection: () => readSelection(page()) } : {}),
  };
}

/** Boards with nothing readable in the DOM: the user copies, or pastes by hand. */
export const COPY_SELECTION: CapabilityStatus = { state: 'needs-user', hint: 'copy-selection' };
