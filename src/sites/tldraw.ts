// tldraw renders shapes as DOM (.tl-shape[data-shape-type]). Up to v4 the selection outline is an
// SVG too, so the selected shapes are those inside its box; v5 paints overlays to a canvas, and then
// the user copies and the clipboard is parsed instead.
import { createBoardAdapter, COPY_SELECTION } from './board';
import { parseLines, parseTldrawClipboard } from './clipboard';
import { all, ownText } from './dom';
import { cleanText } from './text';
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

function selection(doc: Document): CapabilityStatus {
  return doc.querySelector(SELECTION) ? { state: 'ok', source: 'dom-selection' } : COPY_SELECTION;
}

async function readSelection(doc: Document): Promise<SelectionItem[] | null> {
  const fg = doc.querySelector(SELECTION);
  // No outline: nothing is selected, or v5 draws it on a canvas. The caller asks for a copy.
  const outline = fg ? boxOf(fg) : null;
  if (!outline) return null;
  const items: SelectionItem[] = [];
  for (const shape of all(doc, SHAPE)) {
    const box = boxOf(shape);
    if (!box || !inside(box, outline)) continue;
    // Paragraphs are separate text nodes; join them with spaces rather than running words together.
    const text = cleanText(all(shape, SHAPE_TEXT).map((t) => ownText(t, 'svg, button')).join(' '), 1000);
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
