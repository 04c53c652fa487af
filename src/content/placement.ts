import type { Placement } from '../messages/site';

// Pure geometry of the panel: where it goes by default, how it avoids the meeting's own controls,
// and how it stays on screen when the window changes size.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}
export interface Viewport {
  width: number;
  height: number;
}

export const MARGIN = 12;
export const HEADER_HEIGHT = 32;
export const MIN_HEIGHT = 200;
const DEFAULT_WIDTH = 340;

export function panelRect(p: Placement, vp: Viewport): Rect {
  const width = Math.min(p.width, vp.width - 2 * MARGIN);
  const height = p.collapsed ? HEADER_HEIGHT : Math.min(p.height, vp.height - 2 * MARGIN);
  const left = p.dock === 'left' ? MARGIN : p.dock === 'right' ? vp.width - width - MARGIN : p.x;
  return clampRect({ left, top: p.y, width, height }, vp);
}

function clampRect(r: Rect, vp: Viewport): Rect {
  const left = Math.max(0, Math.min(r.left, vp.width - r.width));
  const top = Math.max(0, Math.min(r.top, vp.height - Math.min(r.height, vp.height)));
  return { ...r, left, top };
}

function overlapsX(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width;
}

/**
 * The largest vertical band of the column [left, left+width) that no control occupies.
 * Returns the band's top and height.
 */
export function freeBand(column: Rect, vp: Viewport, controls: Rect[]): { top: number; height: number } {
  const blocked = controls
    .filter((c) => c.width > 0 && c.height > 0 && overlapsX(column, c))
    .map((c) => [Math.max(0, c.top - MARGIN / 2), Math.min(vp.height, c.top + c.height + MARGIN / 2)] as const)
    .sort((a, b) => a[0] - b[0]);
  let best = { top: MARGIN, height: 0 };
  let cursor = MARGIN;
  for (const [start, end] of [...blocked, [vp.height - MARGIN, vp.height] as const]) {
    if (start - cursor > best.height) best = { top: cursor, height: start - cursor };
    cursor = Math.max(cursor, end);
  }
  return best;
}

/**
 * The default placement for a site: docked right (left if the right column is taken by controls),
 * spanning the largest band free of the meeting's controls.
 */
export function defaultPlacement(vp: Viewport, controls: Rect[]): Placement {
  const width = Math.min(DEFAULT_WIDTH, vp.width - 2 * MARGIN);
  const candidates: Array<'right' | 'left'> = ['right', 'left'];
  let chosen: { dock: 'left' | 'right'; top: number; height: number } | undefined;
  for (const dock of candidates) {
    const left = dock === 'right' ? vp.width - width - MARGIN : MARGIN;
    const band = freeBand({ left, top: 0, width, height: vp.height }, vp, controls);
    if (!chosen || band.height > chosen.height) chosen = { dock, ...band };
    if (band.height >= Math.min(560, vp.height * 0.6)) break;
  }
  const { dock, top, height } = chosen!;
  return { dock, collapsed: false, hidden: false, x: MARGIN, y: top, width, height: Math.max(MIN_HEIGHT, Math.min(height, 720)) };
}

/** Keeps a remembered placement usable in the current window. */
export function fitPlacement(p: Placement, vp: Viewport): Placement {
  const r = panelRect({ ...p, collapsed: false }, vp);
  const height = Math.max(Math.min(MIN_HEIGHT, vp.height - 2 * MARGIN), Math.min(p.height, vp.height - r.top - MARGIN));
  return { ...p, x: r.left, y: r.top, height };
}

/** Where a dragged panel lands: docked when dropped near an edge, floating otherwise. */
export function dropPlacement(p: Placement, left: number, top: number, vp: Viewport): Placement {
  const width = Math.min(p.width, vp.width - 2 * MARGIN);
  const dock = left <= MARGIN * 2 ? 'left' : left + width >= vp.width - MARGIN * 2 ? 'right' : 'float';
  const r = clampRect({ left, top, width, height: HEADER_HEIGHT }, vp);
  return { ...p, dock, x: r.left, y: r.top };
}
