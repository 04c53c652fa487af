// Excalidraw draws to a canvas. excalidraw.com keeps the scene and the selection in localStorage
// ("excalidraw", "excalidraw-state".selectedElementIds); while text is edited there is a textarea.
import { createBoardAdapter, COPY_SELECTION } from './board';
import { excalidrawItems, parseExcalidrawClipboard, parseLines, type ExcalidrawElement } from './clipboard';
import { cleanNoteText } from './text';
import type { CapabilityStatus, SelectionItem, SiteAdapter } from './types';

const SCENE_KEY = 'excalidraw';
const STATE_KEY = 'excalidraw-state';
const EDITOR = 'textarea.excalidraw-wysiwyg';

function storage(doc: Document): Storage | null {
  try {
    return doc.defaultView?.localStorage ?? null;
  } catch {
    return null; // storage blocked (sandboxed embed, privacy settings)
  }
}

function selection(doc: Document): CapabilityStatus {
  if (doc.querySelector<HTMLTextAreaElement>(EDITOR)) return { state: 'ok', source: 'wysiwyg' };
  if (storage(doc)?.getItem(SCENE_KEY)) return { state: 'ok', source: 'local-storage' };
  return COPY_SELECTION;
}

/**
 * How long the text of an editor that just closed still counts as the text being edited. A click on
 * the panel's "Capture the selected notes" ends Excalidraw's editing before the panel asks, and the
 * app saves 300 ms later: a sticky just typed on came back as "nothing is selected".
 */
export const EDIT_GRACE_MS = 1500;
const lastEdit = new WeakMap<Document, { text: string; at: number }>();

function watch(doc: Document): () => void {
  // "blur", caught on its way down: Excalidraw's own blur handler takes the editor out of the page,
  // and "focusout" (dispatched after it) no longer reaches the document.
  const onBlur = (e: Event) => {
    const target = e.target as Partial<HTMLTextAreaElement> | null;
    if (typeof target?.matches === 'function' && target.matches(EDITOR)) lastEdit.set(doc, { text: target.value ?? '', at: Date.now() });
  };
  doc.addEventListener('blur', onBlur, true);
  return () => {
    doc.removeEventListener('blur', onBlur, true);
    lastEdit.delete(doc);
  };
}

async function readSelection(doc: Document): Promise<SelectionItem[] | null> {
  // The text being edited is the freshest; it is not in storage until editing ends.
  const editor = doc.querySelector<HTMLTextAreaElement>(EDITOR);
  const editing = cleanNoteText(editor?.value);
  if (editing) return [{ kind: 'text', text: editing }];
  const edited = editor ? undefined : lastEdit.get(doc);
  const justEdited = edited && Date.now() - edited.at < EDIT_GRACE_MS ? cleanNoteText(edited.text) : '';
  if (justEdited) return [{ kind: 'text', text: justEdited }];
  const store = storage(doc);
  const scene = store?.getItem(SCENE_KEY);
  if (!store || !scene) return null;
  try {
    const elements = JSON.parse(scene) as unknown;
    const state = JSON.parse(store.getItem(STATE_KEY) ?? '{}') as { selectedElementIds?: Record<string, boolean> };
    if (!Array.isArray(elements)) return null;
    const ids = Object.entries(state.selectedElementIds ?? {}).filter(([, on]) => on).map(([id]) => id);
    return excalidrawItems(elements as ExcalidrawElement[], new Set(ids));
  } catch {
    return null;
  }
}

export function createExcalidrawAdapter(): SiteAdapter {
  return createBoardAdapter({
    id: 'excalidraw',
    selection,
    readSelection,
    watch,
    parseClipboard: (data) => (data.text ? parseExcalidrawClipboard(data.text) : null) ?? parseLines(data),
  });
}

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export { createExcalidrawAdapter as createAdapter };
