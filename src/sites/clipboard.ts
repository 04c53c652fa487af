// Parsers for what whiteboards put on the clipboard when the user copies a selection. All of them
// return plain, cleaned text; HTML is only ever scanned as a string, never parsed into a live DOM.
import { decompressFromBase64 } from './lzBase64';
import { cleanNoteText, cleanText, NOTE_MAX } from './text';
import type { SelectionItem } from './types';

const ITEM_MAX = NOTE_MAX;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML fragment: block ends become line breaks, tags and comments are dropped. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

/** One text item per non-empty line: Mural, Flinga, MS Whiteboard and manual paste. */
export function parseLines(data: { html?: string; text?: string }): SelectionItem[] {
  const text = data.text?.trim() ? data.text : data.html ? htmlToText(data.html) : '';
  return text
    .split(/\r?\n/)
    .map((line) => cleanText(line, ITEM_MAX))
    .filter(Boolean)
    .map((line) => ({ kind: 'text', text: line }));
}

// ---- Miro: <span data-meta="<--(miro-data-v1)BASE64(/miro-data-v1)-->"> in text/html ----

const MIRO_DATA = /\(miro-data-v1\)([A-Za-z0-9+/_=-]+)\(\/miro-data-v1\)/;

/** Decodes Miro's undocumented clipboard payload; null when there is none or it does not decode. */
export function parseMiroClipboard(html: string): SelectionItem[] | null {
  const payload = MIRO_DATA.exec(html)?.[1];
  if (!payload) return null;
  let bytes: Uint8Array;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  // Each byte is shifted by 59 (seen so far). The JSON starts with "{", so the shift can be read off
  // the first byte, which keeps working if Miro changes the constant.
  const shift = ((bytes[0] ?? 0) - 0x7b + 256) % 256;
  const json = new TextDecoder().decode(bytes.map((b) => (b - shift + 256) % 256));
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const objects = (parsed as { data?: { objects?: unknown } }).data?.objects;
  if (!Array.isArray(objects)) return null;
  const items: SelectionItem[] = [];
  for (const o of objects as { id?: unknown; widgetData?: { type?: unknown; json?: Record<string, unknown> } }[]) {
    const type = o.widgetData?.type;
    const body = o.widgetData?.json ?? {};
    const raw = [body.text, body.title, body.content].find((v): v is string => typeof v === 'string') ?? '';
    // A sticky note's lines stay lines, as on the other boards (Miro's were joined into one).
    const text = cleanNoteText(htmlToText(raw), ITEM_MAX);
    if (!text) continue;
    const kind = type === 'sticker' ? 'note' : type === 'text' ? 'text' : 'shape';
    items.push(o.id === undefined ? { kind, text } : { kind, text, id: String(o.id) });
  }
  return items;
}

// ---- Excalidraw: {"type":"excalidraw/clipboard","elements":[…]} in text/plain ----

export interface ExcalidrawElement {
  id: string;
  type: string;
  text?: string;
  originalText?: string;
  containerId?: string | null;
  /** The frame the element is in (Excalidraw moves it with the frame). */
  frameId?: string | null;
  isDeleted?: boolean;
}

const FRAME_TYPES: ReadonlySet<string> = new Set(['frame', 'magicframe']);

/** Text of the given elements (all, or only the selected ids): sticky-like containers with bound text become notes. */
export function excalidrawItems(elements: readonly ExcalidrawElement[], selected?: ReadonlySet<string>): SelectionItem[] {
  const live = elements.filter((e) => e && typeof e.id === 'string' && !e.isDeleted);
  const boundText = new Map(live.filter((e) => e.type === 'text' && e.containerId).map((e) => [e.containerId as string, e]));
  // A selected frame stands for what is in it, as tldraw's does: clicking a frame's name selects the
  // frame alone, and its notes (the development map's fields pasted from Vuoro) were "nothing selected".
  const frames = new Set(live.filter((e) => FRAME_TYPES.has(e.type) && (!selected || selected.has(e.id))).map((e) => e.id));
  const byId = new Map(live.map((e) => [e.id, e]));
  const picked = (id: string): boolean => !selected || selected.has(id) || frames.has(byId.get(id)?.frameId ?? '');
  const items: SelectionItem[] = [];
  for (const e of live) {
    if (!picked(e.id)) continue;
    if (e.type === 'text') {
      if (e.containerId && picked(e.containerId) && live.some((c) => c.id === e.containerId)) continue; // its container speaks for it
      const text = cleanNoteText(e.originalText ?? e.text, ITEM_MAX);
      if (text) items.push({ kind: 'text', text, id: e.id });
    } else {
      const bound = boundText.get(e.id);
      const text = cleanNoteText(bound?.originalText ?? bound?.text, ITEM_MAX);
      if (text) items.push({ kind: 'note', text, id: e.id });
    }
  }
  return items;
}

export function parseExcalidrawClipboard(text: string): SelectionItem[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const p = parsed as { type?: unknown; elements?: unknown };
  if (p?.type !== 'excalidraw/clipboard' || !Array.isArray(p.elements)) return null;
  return excalidrawItems(p.elements as ExcalidrawElement[]);
}

// ---- tldraw: <div data-tldraw>{"type":"application/tldraw",…}</div> in text/html ----

interface TldrawShape {
  id?: string;
  type?: string;
  props?: { text?: unknown; richText?: unknown };
}

/** Plain text of a TipTap document (tldraw's richText): paragraphs become lines. */
export function richTextToText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { type?: string; text?: unknown; content?: unknown };
  if (typeof n.text === 'string') return n.text;
  if (n.type === 'hardBreak') return '\n'; // Shift+Enter within a paragraph
  // Paragraphs of the document, items of a list and paragraphs in an item are lines of their own
  // (a bulleted note read "first itemsecond item").
  const block = n.type === 'doc' || n.type === 'bulletList' || n.type === 'orderedList' || n.type === 'listItem';
  return Array.isArray(n.content) ? n.content.map(richTextToText).join(block ? '\n' : '') : '';
}

/** The shapes of a tldraw clipboard: as they are (version 2), or lz-string compressed (version 3, what tldraw's own copy writes). */
function tldrawShapes(parsed: unknown): unknown {
  const data = (parsed as { data?: { shapes?: unknown; otherCompressed?: unknown } } | undefined)?.data;
  if (data?.shapes !== undefined || typeof data?.otherCompressed !== 'string') return data?.shapes;
  const json = decompressFromBase64(data.otherCompressed);
  if (!json) return undefined;
  try {
    return (JSON.parse(json) as { shapes?: unknown } | null)?.shapes;
  } catch {
    return undefined;
  }
}

/**
 * The notes of a tldraw clipboard, or null when it is not one. tldraw's own copy (version 3)
 * compresses the shapes and puts every note's text on one line of text/plain, joined by spaces: the
 * fallback to that line made one capture of all the notes copied.
 */
export function parseTldrawClipboard(html: string): SelectionItem[] | null {
  const raw = /<div data-tldraw[^>]*>([\s\S]*)<\/div>/.exec(html)?.[1];
  if (!raw) return null;
  let parsed: unknown;
  for (const candidate of [raw, decodeEntities(raw)]) {
    try {
      parsed = JSON.parse(candidate);
      break;
    } catch {
      parsed = undefined;
    }
  }
  const shapes = tldrawShapes(parsed);
  if (!Array.isArray(shapes)) return null;
  const items: SelectionItem[] = [];
  for (const s of shapes as TldrawShape[]) {
    const source = typeof s.props?.text === 'string' ? s.props.text : richTextToText(s.props?.richText);
    const text = cleanNoteText(source, ITEM_MAX);
    if (!text) continue;
    const kind = s.type === 'note' ? 'note' : s.type === 'text' ? 'text' : 'shape';
    items.push(typeof s.id === 'string' ? { kind, text, id: s.id } : { kind, text });
  }
  return items;
}

