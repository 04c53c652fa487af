import { describe, expect, it } from 'vitest';
import { defaultPlacement, dropPlacement, fitPlacement, freeBand, panelRect, MARGIN, type Rect } from '../../../src/content/placement';

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

  it('brings a remembered placement back on screen in a smaller window', () => {
    const remembered = { dock: 'float' as const, collapsed: false, hidden: false, x: 1500, y: 900, width: 340, height: 700 };
    const small = { width: 800, height: 600 };
    const fitted = fitPlacement(remembered, small);
    const r = panelRect(fitted, small);
    expect(r.left + r.width).toBeLessThanOrEqual(small.width);
    expect(r.top + r.height).toBeLessThanOrEqual(small.height);
    expect(r.height).toBeGreaterThanOrEqual(200);
  });

  it('shrinks to the header when collapsed', () => {
    const p = { ...defaultPlacement(vp, []), collapsed: true };
    expect(panelRect(p, vp).height).toBe(32);
  });
});
