// "Copy to the whiteboard": captures as the notes each board makes from its own clipboard format.
// Excalidraw and tldraw get their native formats (one note per capture, coloured by kind, laid out);
// boards that take only text get one line per capture, which Miro, Mural, Flinga and Microsoft
// Whiteboard handle as the README describes. text/plain always carries something readable.
import type { Capture, CaptureKind } from '../capture/schema';
import { type BoardArrangement, type BoardLayout, type BoardNote, developmentMapFields, layoutCaptures, NOTE_SIZE } from './boardLayout';
import { escapeHtml } from './escape';
import { labels } from './labels';
import { stickyNoteText } from './sticky';
import type { FloorRecord } from './floor';
import { excalidrawFactory } from './excalidrawElements';

export const WHITEBOARD_TARGETS = ['excalidraw', 'tldraw', 'text'] as const;
export type WhiteboardTarget = (typeof WHITEBOARD_TARGETS)[number];

/** What goes on the clipboard, by MIME type. */
export interface WhiteboardClipboard {
  'text/plain': string;
  'text/html'?: string;
}

/**
 * Plain lines, one per note (its line breaks become spaces); map field titles and vote counts ride
 * along as text. The notes in no frame come under `restTitle`: after the last field's or turn's
 * title they read as that field's notes, or as said in the last person's turn.
 */
export function layoutLines(layout: BoardLayout, restTitle: string): string[] {
  const lines: string[] = [];
  const line = (note: BoardNote) => stickyNoteText(note.votes ? `${note.text} (${voteLabel(note.votes)})` : note.text);
  for (const frame of layout.frames) {
    lines.push(frame.title);
    for (const note of layout.notes) if (inside(note, frame)) lines.push(line(note));
  }
  const rest = layout.notes.filter((note) => !layout.frames.some((f) => inside(note, f)));
  if (layout.frames.length && rest.length) lines.push(restTitle);
  for (const note of rest) lines.push(line(note));
  return lines;
}

export function whiteboardClipboard(
  doc: { captures: readonly Capture[]; floor?: readonly FloorRecord[] | undefined },
  target: WhiteboardTarget,
  arrangement: BoardArrangement,
  lang: 'fi' | 'en',
): WhiteboardClipboard {
  return whiteboardCopy(doc, target, arrangement, lang).clipboard;
}

/** The clipboard and how many notes it holds (what the user is told was copied). */
export function whiteboardCopy(
  doc: { captures: readonly Capture[]; floor?: readonly FloorRecord[] | undefined },
  target: WhiteboardTarget,
  arrangement: BoardArrangement,
  lang: 'fi' | 'en',
): { clipboard: WhiteboardClipboard; notes: number } {
  const layout = layoutCaptures(doc.captures, arrangement, developmentMapFields(lang), doc.floor);
  return { clipboard: clipboardOf(layout, target, labels(lang).boardRest), notes: layout.notes.length };
}

function clipboardOf(layout: BoardLayout, target: WhiteboardTarget, restTitle: string): WhiteboardClipboard {
  const lines = layoutLines(layout, restTitle);
  const text = lines.length ? `${lines.join('\n')}\n` : '';
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  // Excalidraw reads its elements from text/plain only; the paragraphs serve every other place.
  if (target === 'excalidraw') return { 'text/plain': excalidrawClipboard(layout), 'text/html': paragraphs };
  if (target === 'tldraw') return { 'text/plain': text, 'text/html': tldrawClipboardHtml(layout) };
  return { 'text/plain': text, 'text/html': paragraphs };
}

function inside(note: BoardNote, f: { x: number; y: number; w: number; h: number }): boolean {
  return note.x >= f.x && note.y >= f.y && note.x + NOTE_SIZE <= f.x + f.w && note.y + NOTE_SIZE <= f.y + f.h;
}



/** Excalidraw's palette (its colour picker's light shades), one per capture kind. */
const EXCALIDRAW_FILL: Record<CaptureKind, string> = {
  idea: '#ffec99',
  question: '#a5d8ff',
  decision: '#b2f2bb',
  action: '#ffc9c9',
  experiment: '#d0bfff',
  risk: '#ffd8a8',
  note: '#e9ecef',
};

/** tldraw's note colours, one per capture kind. */
const TLDRAW_COLOR: Record<CaptureKind, string> = {
  idea: 'yellow',
  question: 'light-blue',
  decision: 'light-green',
  action: 'light-red',
  experiment: 'light-violet',
  risk: 'orange',
  note: 'grey',
};

const voteLabel = (votes: number) => `● ${votes}`;

/**
 * `{"type":"excalidraw/clipboard","elements":[…]}` for text/plain, as Excalidraw's own copy writes
 * it (packages/excalidraw/clipboard.ts, serializeAsClipboardJSON): per note a rectangle with its
 * text bound inside, frames for map fields. Excalidraw restores missing defaults and gives pasted
 * elements new ids.
 */
export function excalidrawClipboard(layout: BoardLayout): string {
  const { shape, text, labelled } = excalidrawFactory('vuoro');
  const elements: object[] = [];
  const frameIds: string[] = [];
  for (const f of layout.frames) {
    const frame = { ...shape('frame', f.x, f.y, f.w, f.h), name: f.title };
    frameIds.push(frame.id);
    elements.push(frame);
  }
  const frameOf = (note: BoardNote) => {
    const i = layout.frames.findIndex((f) => inside(note, f));
    return i < 0 ? null : frameIds[i]!;
  };
  for (const note of layout.notes) {
    const [rect, label] = labelled('rectangle', note.text, note.x, note.y, NOTE_SIZE, NOTE_SIZE, EXCALIDRAW_FILL[note.kind]);
    rect.frameId = label.frameId = frameOf(note);
    elements.push(rect, label);
    if (note.votes) elements.push(text(voteLabel(note.votes), note.x + NOTE_SIZE + 20, note.y + NOTE_SIZE / 2 - 12, 60, 25));
  }
  return JSON.stringify({ type: 'excalidraw/clipboard', elements, files: {} });
}

/** The record schema tldraw 5.1 writes with its clipboard; tldraw migrates content from it to its own. */
const TLDRAW_SCHEMA = {
  schemaVersion: 2,
  sequences: {
    'com.tldraw.store': 5, 'com.tldraw.asset': 1, 'com.tldraw.camera': 1, 'com.tldraw.document': 2, 'com.tldraw.instance': 26,
    'com.tldraw.instance_page_state': 5, 'com.tldraw.page': 1, 'com.tldraw.instance_presence': 6, 'com.tldraw.pointer': 1,
    'com.tldraw.shape': 4, 'com.tldraw.user': 1, 'com.tldraw.asset.image': 6, 'com.tldraw.asset.video': 5,
    'com.tldraw.asset.bookmark': 2, 'com.tldraw.shape.group': 0, 'com.tldraw.shape.text': 4, 'com.tldraw.shape.bookmark': 2,
    'com.tldraw.shape.draw': 4, 'com.tldraw.shape.geo': 11, 'com.tldraw.shape.note': 12, 'com.tldraw.shape.line': 5,
    'com.tldraw.shape.frame': 1, 'com.tldraw.shape.arrow': 8, 'com.tldraw.shape.highlight': 3, 'com.tldraw.shape.embed': 4,
    'com.tldraw.shape.image': 5, 'com.tldraw.shape.video': 4, 'com.tldraw.binding.arrow': 1,
  },
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** The i-th fractional index in order: a0…az, then b00…bzz (tldraw's ordering keys). */
function tldrawIndex(i: number): string {
  if (i < 62) return `a${BASE62[i]}`;
  const j = i - 62;
  return `b${BASE62[Math.floor(j / 62) % 62]}${BASE62[j % 62]}`;
}

/** tldraw's rich text (a TipTap document): one paragraph per line. */
const richText = (text: string) => ({ type: 'doc', content: text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) });

/**
 * `<div data-tldraw>{"type":"application/tldraw","version":2,…}</div>` for text/html, which
 * tldraw's paste handler (packages/tldraw/src/lib/ui/hooks/useClipboardEvents.ts) reads as its own
 * content: one `note` shape per note, map fields as frames. tldraw's own copy writes version 3
 * (lz-compressed); version 2 is the same content uncompressed. `<`, `>` and `&` are escaped inside
 * the JSON so the payload is inert as HTML.
 */
export function tldrawClipboardHtml(layout: BoardLayout): string {
  let n = 0;
  const shape = (type: string, x: number, y: number, parentId: string, props: object) => ({
    id: `shape:vuoro${++n}`,
    typeName: 'shape',
    type,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    parentId,
    index: tldrawIndex(n),
    props,
  });
  const page = 'page:page';
  const shapes: { id: string; parentId: string }[] = [];
  const frames = layout.frames.map((f) => {
    const frame = shape('frame', f.x, f.y, page, { w: f.w, h: f.h, name: f.title, color: 'black' });
    shapes.push(frame);
    return { ...f, id: frame.id };
  });
  for (const note of layout.notes) {
    const frame = frames.find((f) => inside(note, f));
    const [x, y, parent] = frame ? [note.x - frame.x, note.y - frame.y, frame.id] : [note.x, note.y, page];
    shapes.push(
      shape('note', x, y, parent, {
        color: TLDRAW_COLOR[note.kind],
        labelColor: 'black',
        size: 'm',
        font: 'draw',
        fontSizeAdjustment: 1,
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        richText: richText(note.text),
        scale: 1,
        textFirstEditedBy: null,
      }),
    );
    if (note.votes) {
      shapes.push(
        shape('text', x + NOTE_SIZE + 20, y + NOTE_SIZE / 2 - 20, parent, {
          color: 'black', size: 'm', font: 'draw', textAlign: 'start', w: 80, richText: richText(voteLabel(note.votes)), scale: 1, autoSize: true,
        }),
      );
    }
  }
  const content = {
    type: 'application/tldraw',
    kind: 'content',
    version: 2,
    data: { schema: TLDRAW_SCHEMA, shapes, rootShapeIds: shapes.filter((s) => s.parentId === page).map((s) => s.id), bindings: [], assets: [] },
  };
  const json = JSON.stringify(content).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<div data-tldraw>${json}</div>`;
}
