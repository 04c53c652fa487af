import { describe, expect, it } from 'vitest';
import { defaultPlacement, dropPlacement, freeBand, gripSide, panelRect, resizePlacement, startPlacement, MARGIN, MIN_HEIGHT, MIN_WIDTH, type Rect } from '../../../src/content/placement';

const vp = { width: 1280, height: 800 };
const intersects = (a: Rect, b: Rect) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('panel placement', () => {
  it('docks right and spans the window when nothing is in the way', () => {
    const p = defaultPlacement(vp, []);
    expect(p.dock).toBe('right');
    const r = panelRect(p, vp);
    expect(r.left + r.width).toBe(vp.width - MARGIN);
    expect(r.top).toBe(MARGIN);
  });

  it('stays clear of a bottom toolbar (Zoom/Meet) and a top-right leave button (Teams)', () => {
    const footer: Rect = { left: 0, top: 736, width: 1280, height: 64 };
    const leave: Rect = { left: 1180, top: 8, width: 90, height: 40 };
    const p = defaultPlacement(vp, [footer, leave]);
    const r = panelRect(p, vp);
    expect(intersects(r, footer)).toBe(false);
    expect(intersects(r, leave)).toBe(false);
    expect(r.height).toBeGreaterThan(500);
  });

  it('moves to the left edge when the right column is taken (a participant side panel)', () => {
    const sidePanel: Rect = { left: 900, top: 0, width: 380, height: 800 };
    const p = defaultPlacement(vp, [sidePanel]);
    expect(p.dock).toBe('left');
    expect(intersects(panelRect(p, vp), sidePanel)).toBe(false);
  });

  it('finds the largest free band between controls', () => {
    const band = freeBand({ left: 900, top: 0, width: 340, height: 800 }, vp, [
      { left: 1000, top: 100, width: 50, height: 50 },
      { left: 1000, top: 700, width: 50, height: 50 },
    ]);
    expect(band.top).toBeGreaterThan(150);
    expect(band.top + band.height).toBeLessThan(700);
  });

  it('docks a dropped panel near an edge and floats it elsewhere', () => {
    const p = defaultPlacement(vp, []);
    expect(dropPlacement(p, 3, 100, vp).dock).toBe('left');
    expect(dropPlacement(p, vp.width - p.width - 2, 100, vp).dock).toBe('right');
    const floating = dropPlacement(p, 400, 120, vp);
    expect(floating).toMatchObject({ dock: 'float', x: 400, y: 120 });
  });

  it('works out its default again on each visit when the user only collapsed or hid it, and keeps what the user set', () => {
    const big = { width: 1280, height: 900 };
    const small = { width: 1280, height: 600 };
    const footerIn = (v: typeof vp): Rect => ({ left: 0, top: v.height - 64, width: v.width, height: 64 });
    // First visit in a tall window, then collapsed (the header's button): what is saved is
    // Vuoro's default with collapsed set, not a place the user chose.
    const collapsed = { ...defaultPlacement(big, [footerIn(big)]), collapsed: true };
    expect(collapsed.chosen).toBe(false);
    // The next visit is in a shorter window: the default for that window, clear of its footer
    // (the tall window's height reached over the Leave button), still collapsed as left.
    const next = startPlacement(collapsed, small, [footerIn(small)]);
    expect(next.userPlaced).toBe(false);
    expect(next.placement.collapsed).toBe(true);
    expect(intersects(panelRect({ ...next.placement, collapsed: false }, small), footerIn(small))).toBe(false);
    expect(intersects(panelRect({ ...collapsed, collapsed: false }, small), footerIn(small))).toBe(true);
    // Hidden stays hidden.
    expect(startPlacement({ ...collapsed, collapsed: false, hidden: true }, small, []).placement.hidden).toBe(true);
    // Moved, docked by drag, or resized: the user's, as it is; so is one saved before the field was.
    const dropped = dropPlacement(collapsed, 400, 120, big);
    const resized = resizePlacement(collapsed, panelRect(collapsed, big), 40, 0, big);
    for (const mine of [dropped, resized]) {
      expect(mine.chosen).toBe(true);
      expect(startPlacement(mine, small, [footerIn(small)])).toEqual({ placement: mine, userPlaced: true });
    }
    const older = { dock: 'right' as const, collapsed: true, hidden: false, x: 12, y: 12, width: 340, height: 860 };
    expect(startPlacement(older, small, [])).toEqual({ placement: older, userPlaced: true });
    // Nothing saved: the default, Vuoro's to place again.
    expect(startPlacement(undefined, small, [])).toEqual({ placement: defaultPlacement(small, []), userPlaced: false });
  });

  it('brings a remembered placement back on screen in a smaller window', () => {
    const remembered = { dock: 'float' as const, collapsed: false, hidden: false, x: 1500, y: 900, width: 340, height: 700 };
    const small = { width: 800, height: 600 };
    const r = panelRect(remembered, small);
    expect(r.left + r.width).toBeLessThanOrEqual(small.width);
    expect(r.top + r.height).toBeLessThanOrEqual(small.height);
    expect(r.height).toBeGreaterThanOrEqual(200);
  });

  it('shrinks from the bottom in a brief small window, keeps its top, and is whole again when the window grows back', () => {
    const chosen = { dock: 'right' as const, collapsed: false, hidden: false, x: 0, y: 60, width: 416, height: 640 };
    const big = { width: 1280, height: 800 };
    const small = { width: 900, height: 420 };
    const shrunk = panelRect(chosen, small);
    expect(shrunk.top).toBe(60);
    expect(shrunk.top + shrunk.height).toBe(small.height - MARGIN);
    expect(shrunk.width).toBe(416);
    // The placement itself is not changed by the window: the same input gives the full panel back.
    expect(panelRect(chosen, big)).toEqual({ left: big.width - 416 - MARGIN, top: 60, width: 416, height: 640 });
    // A window too short for even the minimum height moves the panel up rather than cutting it.
    const tiny = panelRect(chosen, { width: 900, height: 240 });
    expect(tiny.height).toBe(MIN_HEIGHT);
    expect(tiny.top + tiny.height).toBeLessThanOrEqual(240);
  });

  it('resizes from the grip on the side facing the page, within limits', () => {
    const docked = { dock: 'right' as const, collapsed: false, hidden: false, x: 0, y: 12, width: 340, height: 500 };
    expect(gripSide(docked)).toBe('left');
    const shown = panelRect(docked, vp);
    // Docked right, the grip is bottom-left: dragging left widens, down makes it taller.
    const wider = resizePlacement(docked, shown, -60, 40, vp);
    expect(wider).toMatchObject({ width: 400, height: 540, dock: 'right' });
    expect(resizePlacement(docked, shown, 500, -900, vp)).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
    expect(resizePlacement(docked, shown, -5000, 5000, vp).width).toBeLessThanOrEqual(vp.width - 2 * MARGIN);
    expect(resizePlacement(docked, shown, 0, 5000, vp).height).toBe(vp.height - MARGIN - shown.top);
    const left = { ...docked, dock: 'left' as const };
    expect(gripSide(left)).toBe('right');
    expect(resizePlacement(left, panelRect(left, vp), 60, 0, vp).width).toBe(400);
  });

  it('shrinks to the header when collapsed', () => {
    const p = { ...defaultPlacement(vp, []), collapsed: true };
    expect(panelRect(p, vp).height).toBe(32);
  });
});
