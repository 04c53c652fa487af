// Which rows of a long list to mount: the ones in view plus some overscan. Rows have measured
// heights where they have been shown and an estimate elsewhere; the list keeps the scroll height
// right with two spacers. Pure, so it is tested without a browser.

export interface ListWindow {
  start: number;
  /** One past the last row to mount. */
  end: number;
  /** Height of the rows above `start` and below `end`. */
  padTop: number;
  padBottom: number;
}

/**
 * `heights[i]` is row i's height. `top` is how far the viewport's top is below the list's top
 * (negative while the list starts below the viewport's top), `height` the viewport's height.
 * Linear in the number of rows, no allocation beyond the result.
 */
export function listWindow(heights: ArrayLike<number>, top: number, height: number, overscanPx = 400): ListWindow {
  const from = top - overscanPx;
  const to = top + height + overscanPx;
  let y = 0;
  let start = heights.length;
  let padTop = 0;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i]!;
    if (y + h > from) {
      start = i;
      padTop = y;
      break;
    }
    y += h;
  }
  if (start === heights.length) padTop = y;
  let end = start;
  y = padTop;
  while (end < heights.length && y < to) y += heights[end++]!;
  let padBottom = 0;
  for (let i = end; i < heights.length; i++) padBottom += heights[i]!;
  return { start, end, padTop, padBottom };
}
