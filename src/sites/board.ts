// The shape shared by whiteboard adapters: no meeting signals, a selection capability, and
// selection read from the DOM or storage where that is reliable, else from what the user copies.
import type { AdapterContext, Capability, CapabilityStatus, SelectionItem, SiteAdapter, SiteId } from './types';

export interface BoardSpec {
  id: SiteId;
  /** What the page offers now; may look at storage, so it is asked again as the board changes. */
  selection(doc: Document): CapabilityStatus | Promise<CapabilityStatus>;
  readSelection?(doc: Document): Promise<SelectionItem[] | null>;
  parseClipboard(data: { html?: string; text?: string }): SelectionItem[];
  /** Listens to the page while the adapter runs (what storage cannot tell yet); returns the stop. */
  watch?(doc: Document): () => void;
}

const NOT_A_MEETING: CapabilityStatus = { state: 'unsupported', reason: 'not-a-meeting-page' };

/**
 * When to look at the board again. A board saves its state a moment after the user acts (excalidraw.com
 * debounces 300 ms, tldraw throttles 350 ms), and a page never hears its own storage events, so the
 * adapter looks again soon after input and on a backing-off timer otherwise.
 */
export const RECHECK_MS = { first: 250, max: 8000, afterInput: 600 } as const;

const same = (a: CapabilityStatus, b: CapabilityStatus) => JSON.stringify(a) === JSON.stringify(b);

export function createBoardAdapter(spec: BoardSpec): SiteAdapter {
  let doc: Document | undefined;
  let current: CapabilityStatus = COPY_SELECTION;
  const page = (): Document => doc ?? globalThis.document;
  /** A cheap synchronous answer is taken as it is; one that needs storage comes from the last check. */
  const selectionNow = (): CapabilityStatus => {
    const status = spec.selection(page());
    if (status instanceof Promise) {
      void status.catch(() => undefined);
      return current;
    }
    return status;
  };
  const capabilities = (): Record<Capability, CapabilityStatus> => ({
    participants: NOT_A_MEETING,
    activeSpeaker: NOT_A_MEETING,
    ownSpeech: NOT_A_MEETING,
    raisedHands: NOT_A_MEETING,
    chat: NOT_A_MEETING,
    selection: selectionNow(),
  });
  const readSelection = spec.readSelection;
  return {
    id: spec.id,
    kind: 'whiteboard',
    capabilities,
    start(ctx: AdapterContext) {
      const win = ctx.doc.defaultView;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let delay: number = RECHECK_MS.first;
      let stopped = false;
      const check = async () => {
        const next = await spec.selection(ctx.doc);
        if (stopped || same(next, current)) return;
        current = next;
        ctx.emit({ type: 'capabilities', capabilities: capabilities() });
      };
      const schedule = (ms: number) => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          void check().finally(() => {
            if (stopped) return;
            delay = Math.min(delay * 2, RECHECK_MS.max);
            schedule(delay);
          });
        }, ms);
      };
      const onInput = () => {
        delay = RECHECK_MS.first;
        schedule(RECHECK_MS.afterInput);
      };
      const onStorage = () => void check();
      const inputs = ['pointerup', 'keyup', 'paste', 'drop'] as const;
      for (const type of inputs) win?.addEventListener(type, onInput, { capture: true, passive: true });
      win?.addEventListener('storage', onStorage); // another tab of the same board saved
      const unwatch = spec.watch?.(ctx.doc);
      const initial = spec.selection(ctx.doc);
      if (initial instanceof Promise) void check();
      else current = initial;
      doc = ctx.doc;
      ctx.emit({ type: 'capabilities', capabilities: capabilities() });
      schedule(delay);
      return () => {
        stopped = true;
        if (timer !== undefined) clearTimeout(timer);
        for (const type of inputs) win?.removeEventListener(type, onInput, { capture: true });
        win?.removeEventListener('storage', onStorage);
        unwatch?.();
        doc = undefined;
      };
    },
    parseClipboard: spec.parseClipboard,
    ...(readSelection ? { readSelection: () => readSelection(page()) } : {}),
  };
}

/** Boards with nothing readable in the DOM: the user copies, or pastes by hand. */
export const COPY_SELECTION: CapabilityStatus = { state: 'needs-user', hint: 'copy-selection' };
