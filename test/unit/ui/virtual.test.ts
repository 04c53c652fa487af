import { describe, expect, it } from 'vitest';
import { listWindow } from '../../../src/ui/shared/virtual';

describe('listWindow', () => {
  const rows = (n: number, h = 50) => Array.from({ length: n }, () => h);

  it('mounts the rows in view plus overscan, and spacers for the rest', () => {
    const w = listWindow(rows(1000), 5000, 500, 100);
    expect(w).toEqual({ start: 98, end: 112, padTop: 4900, padBottom: (1000 - 112) * 50 });
  });

  it('starts at the top while the list begins below the viewport', () => {
    const w = listWindow(rows(100), -300, 400, 0);
    expect(w.start).toBe(0);
    expect(w.end).toBe(2);
    expect(w.padTop).toBe(0);
  });

  it('keeps the total height: spacers plus mounted rows', () => {
    const heights = Array.from({ length: 500 }, (_, i) => 20 + (i % 7) * 10);
    const total = heights.reduce((a, b) => a + b, 0);
    for (const top of [0, 1234, 9999, total - 10, total + 500]) {
      const w = listWindow(heights, top, 600);
      const mounted = heights.slice(w.start, w.end).reduce((a, b) => a + b, 0);
      expect(w.padTop + mounted + w.padBottom).toBe(total);
    }
  });

  it('mounts a bounded number of rows out of 100,000', () => {
    const w = listWindow(rows(100_000, 60), 3_000_000, 700);
    expect(w.end - w.start).toBeLessThan(40);
  });
});
