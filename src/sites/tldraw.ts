// tldraw keeps its document and each tab's session (the selected shape ids) in the page's IndexedDB,
// "TLDRAW_DOCUMENT_v2<persistenceKey>" (packages/editor/src/lib/utils/sync/LocalIndexedDb.ts), and
// the content script shares the page's storage: the selection is read from there. Up to v4 the
// selection outline is an SVG in the DOM as well, so the shapes inside its box are the selection;
// where neither works the user copies and the clipboard is parsed.
import { createBoardAdapter, COPY_SELECTION } from './board';
import { parseLines, parseTldrawClipboard, richTextToText } from './clipboard';
import { all, ownText } from './dom';
import { cleanNoteText, cleanText, NOTE_MAX } from './text';
import type { CapabilityStatus, SelectionItem, SiteAdapter } from './types';

const SHAPE = '.tl-shape[data-shape-type]';
const SELECTION = '.tl-selection__fg, [data-testid="selection-foreground"]';
const SHAPE_TEXT = '.tl-rich-text, .tl-text-content, .tl-text';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A box in page pixels: the layout box where the browser has one, else read from the inline
 * transform and size tldraw writes (and what DOM emulations without layout still see).
 */
function boxOf(el: Element): Box | null {
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.height > 0) return { x: r.left, y: r.top, w: r.width, h: r.height };
  const style = el.getAttribute('style') ?? '';
  const translate = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px/.exec(style);
  const matrix = /matrix\(\s*[-\d.]+\s*,\s*[-\d.]+\s*,\s*[-\d.]+\s*,\s*[-\d.]+\s*,\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)/.exec(style);
  const at = translate ?? matrix;
  const size = (prop: 'width' | 'height'): number =>
    Number(new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([\\d.]+)px`).exec(style)?.[1] ?? el.getAttribute(prop) ?? el.querySelector('rect')?.getAttribute(prop) ?? NaN);
  const w = size('width');
  const h = size('height');
  if (!at || !(w > 0) || !(h > 0)) return null;
  return { x: Number(at[1]), y: Number(at[2]), w, h };
}

function inside(inner: Box, outer: Box): boolean {
  const slack = 1;
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.w <= outer.x + outer.w + slack && inner.y + inner.h <= outer.y + outer.h + slack;
}

const DB_PREFIX = 'TLDRAW_DOCUMENT_v2';
const DB_NAME_INDEX = 'TLDRAW_DB_NAME_INDEX_v2'; // tldraw's own list of its databases, in localStorage

/** tldraw's document databases on this origin; never creates one. */
async function documentDbs(win: Window): Promise<string[]> {
  const idb = win.indexedDB;
  if (!idb) return [];
  const ours = (names: unknown[]) => names.filter((n): n is string => typeof n === 'string' && n.startsWith(DB_PREFIX));
  try {
    if (typeof idb.databases === 'function') return ours((await idb.databases()).map((d) => d.name));
  } catch {
    // fall through to tldraw's index
  }
  try {
    const listed = JSON.parse(win.localStorage.getItem(DB_NAME_INDEX) ?? '[]') as unknown;
    return Array.isArray(listed) ? ours(listed) : [];
  } catch {
    return [];
  }
}

/** Opens an existing database at its current version, or gives null (an upgrade would mean it did not exist). */
function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((done) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(name);
    } catch {
      return done(null);
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => done(null);
    request.onblocked = () => done(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close(); // never hold up tldraw's own upgrade
      done(db);
    };
  });
}

const requestValue = <T>(request: IDBRequest<T>) =>
  new Promise<T>((done, fail) => {
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });

interface StoredShape {
  id?: unknown;
  typeName?: unknown;
  type?: unknown;
  parentId?: unknown;
  props?: { text?: unknown; richText?: unknown };
}

interface SessionRow {
  updatedAt?: unknown;
  snapshot?: { currentPageId?: unknown; pageStates?: { pageId?: unknown; selectedShapeIds?: unknown }[] };
}

/** The newest session in one database (the tab the user works in) and its document records. */
async function readDb(db: IDBDatabase): Promise<{ at: number; selected: string[]; records: StoredShape[] } | null> {
  if (!db.objectStoreNames.contains('records') || !db.objectStoreNames.contains('session_state')) return null;
  const tx = db.transaction(['records', 'session_state'], 'readonly');
  const sessions = (await requestValue(tx.objectStore('session_state').getAll())) as SessionRow[];
  const newest = sessions.filter((s) => typeof s?.updatedAt === 'number').sort((a, b) => (b.updatedAt as number) - (a.updatedAt as number))[0];
  if (!newest?.snapshot) return null;
  const pageState = newest.snapshot.pageStates?.find((p) => p?.pageId === newest.snapshot?.currentPageId);
  const ids = Array.isArray(pageState?.selectedShapeIds) ? pageState.selectedShapeIds.filter((id): id is string => typeof id === 'string') : [];
  const records = (await requestValue(tx.objectStore('records').getAll())) as StoredShape[];
  return { at: newest.updatedAt as number, selected: ids, records };
}

/** Text of a rich-text box as tldraw shows it: a line per paragraph, and a line break where Shift+Enter put one. */
function boxText(box: Element): string {
  const inline = (node: Node): string =>
    node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '') : node.nodeName === 'BR' ? '\n' : [...node.childNodes].map(inline).join('');
  const paragraphs = [...box.querySelectorAll('p')];
  return paragraphs.length ? paragraphs.map(inline).join('\n') : inline(box);
}

/**
 * The shape being typed on, with its text as the page shows it now. tldraw saves ~350 ms after a
 * change, so a capture right after typing took the note without its last words.
 */
function editingText(doc: Document): Map<string, string> {
  const box = doc.querySelector('.tl-shape[data-shape-id] [contenteditable="true"]');
  const id = box?.closest('.tl-shape')?.getAttribute('data-shape-id');
  return box && id ? new Map([[id, boxText(box)]]) : new Map();
}

function shapeItems(selected: readonly string[], records: readonly StoredShape[], typing: ReadonlyMap<string, string> = new Map()): SelectionItem[] {
  const shapes = records.filter((r) => r?.typeName === 'shape' && typeof r.id === 'string');
  const byId = new Map(shapes.map((s) => [s.id as string, s]));
  const items: SelectionItem[] = [];
  const visit = (shape: StoredShape | undefined, depth: number) => {
    if (!shape || depth > 8) return;
    const source = typing.get(shape.id as string) ?? (typeof shape.props?.text === 'string' ? shape.props.text : richTextToText(shape.props?.richText));
    const text = cleanNoteText(source);
    const kind = shape.type === 'note' ? 'note' : shape.type === 'text' ? 'text' : 'shape';
    if (text) items.push({ kind, text, id: shape.id as string });
    // A selected frame or group stands for what is in it.
    if (shape.type === 'frame' || shape.type === 'group') for (const child of shapes) if (child.parentId === shape.id) visit(child, depth + 1);
  };
  for (const id of selected) visit(byId.get(id), 0);
  return items;
}

/** The selection as tldraw last saved it (it saves ~350 ms after a change), or null without a tldraw database. */
async function readStoredSelection(win: Window, typing: ReadonlyMap<string, string>): Promise<SelectionItem[] | null> {
  let best: Awaited<ReturnType<typeof readDb>> = null;
  for (const name of await documentDbs(win)) {
    const db = await openExisting(win.indexedDB, name);
    if (!db) continue;
    try {
      const read = await readDb(db);
      if (read && (!best || read.at > best.at)) best = read;
    } catch {
      // a database mid-upgrade or gone: try the others
    } finally {
      db.close();
    }
  }
  return best ? shapeItems(best.selected, best.records, typing) : null;
}

function selection(doc: Document): CapabilityStatus | Promise<CapabilityStatus> {
  if (doc.querySelector(SELECTION)) return { state: 'ok', source: 'dom-selection' };
  const win = doc.defaultView;
  if (!win?.indexedDB) return COPY_SELECTION;
  return documentDbs(win).then((names) => (names.length ? { state: 'ok', source: 'indexeddb' } : COPY_SELECTION));
}

async function readSelection(doc: Document): Promise<SelectionItem[] | null> {
  const win = doc.defaultView;
  const stored = win?.indexedDB ? await readStoredSelection(win, editingText(doc)) : null;
  if (stored) return stored;
  const fg = doc.querySelector(SELECTION);
  // No outline: nothing is selected, or v5 draws it on a canvas. The caller asks for a copy.
  const outline = fg ? boxOf(fg) : null;
  if (!outline) return null;
  const items: SelectionItem[] = [];
  for (const shape of all(doc, SHAPE)) {
    const box = boxOf(shape);
    if (!box || !inside(box, outline)) continue;
    // Paragraphs are separate text nodes; join them with spaces rather than running words together.
    const text = cleanText(all(shape, SHAPE_TEXT).map((t) => ownText(t, 'svg, button')).join(' '), NOTE_MAX);
    if (!text) continue;
    const type = shape.getAttribute('data-shape-type');
    const id = shape.getAttribute('data-shape-id') ?? shape.id;
    const kind = type === 'note' ? 'note' : type === 'text' ? 'text' : 'shape';
    items.push(id ? { kind, text, id } : { kind, text });
  }
  return items;
}

export function createTldrawAdapter(): SiteAdapter {
  return createBoardAdapter({
    id: 'tldraw',
    selection,
    readSelection,
    parseClipboard: (data) => (data.html ? parseTldrawClipboard(data.html) : null) ?? parseLines(data),
  });
}

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export { createTldrawAdapter as createAdapter };
