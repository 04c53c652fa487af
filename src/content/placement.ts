import type { Placement } from '../messages/site';

// Pure geometry of the panel: where it goes by default, how it avoids the meeting's own controls
// (and when to look again for late ones), and how it stays on screen when the window changes size.

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

/**
 * When the site script looks again for a page's own controls drawn after Vuoro placed the panel
 * (ms after it shows; src/content/main.ts). A few looks, not a watch on the page: a subtree observer
 * for seconds after load made the host page's main thread pay for every change a meeting client
 * makes (README, Performance).
 */
export const LATE_CONTROL_LOOKS_MS = [400, 1000, 2000, 4000, 7000];

export const MIN_WIDTH = 260;
export const MAX_WIDTH = 800;

/**
 * Where the panel shows in this window. The placement is what the user chose and is never changed
 * by a window resize: a smaller window shrinks the panel from the bottom first (down to its minimum
 * height) and only then moves it up, and a window that grows back gets the chosen size and place back.
 */
export function panelRect(p: Placement, vp: Viewport): Rect {
  const width = Math.max(0, Math.min(p.width, vp.width - 2 * MARGIN));
  const left = p.dock === 'left' ? MARGIN : p.dock === 'right' ? vp.width - width - MARGIN : p.x;
  if (p.collapsed) return clampRect({ left, top: p.y, width, height: HEADER_HEIGHT }, vp);
  const fullHeight = Math.max(0, Math.min(p.height, vp.height - 2 * MARGIN));
  const top = Math.max(0, p.y);
  const minHeight = Math.min(MIN_HEIGHT, fullHeight);
  const height = Math.max(minHeight, Math.min(fullHeight, vp.height - MARGIN - top));
  return clampRect({ left, top, width, height }, vp);
}

/** Which bottom corner carries the resize grip: the one facing the page. */
export function gripSide(p: Placement): 'left' | 'right' {
  return p.dock === 'right' ? 'left' : 'right';
}

/**
 * The placement after resizing from the grip by (dx, dy) pixels, starting from what the window
 * shows now (`shown`): the new size is what the user sees, kept within the window and the limits.
 */
export function resizePlacement(p: Placement, shown: Rect, dx: number, dy: number, vp: Viewport): Placement {
  const grow = gripSide(p) === 'left' ? -dx : dx;
  const width = Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, vp.width - 2 * MARGIN, shown.width + grow)));
  const height = Math.round(Math.max(MIN_HEIGHT, Math.min(2000, vp.height - MARGIN - shown.top, shown.height + dy)));
  const x = p.dock === 'float' && gripSide(p) === 'left' ? shown.left + shown.width - width : shown.left;
  return { ...p, collapsed: false, x, y: shown.top, width, height, chosen: true };
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
  return { dock, collapsed: false, hidden: false, x: MARGIN, y: top, width, height: Math.max(MIN_HEIGHT, Math.min(height, 720)), chosen: false };
}

/**
 * Where the panel starts on a page: the place and size the user set on an earlier visit, or else
 * Vuoro's default for this window and these controls, collapsed or hidden as the user left it.
 * `userPlaced` says whether the place is the user's (Vuoro then never moves it).
 */
export function startPlacement(stored: Placement | null | undefined, vp: Viewport, controls: Rect[]): { placement: Placement; userPlaced: boolean } {
  if (stored && stored.chosen !== false) return { placement: stored, userPlaced: true };
  const placement = defaultPlacement(vp, controls);
  return { placement: stored ? { ...placement, hidden: stored.hidden, collapsed: stored.collapsed } : placement, userPlaced: false };
}

/** Where a dragged panel lands: docked when dropped near an edge, floating otherwise. */
export function dropPlacement(p: Placement, left: number, top: number, vp: Viewport): Placement {
  const width = Math.min(p.width, vp.width - 2 * MARGIN);
  const dock = left <= MARGIN * 2 ? 'left' : left + width >= vp.width - MARGIN * 2 ? 'right' : 'float';
  const r = clampRect({ left, top, width, height: HEADER_HEIGHT }, vp);
  return { ...p, dock, x: r.left, y: r.top, chosen: true };
}
