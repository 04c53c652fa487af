// What a page can do to the panel without putting anything over it: it cannot reach into the
// closed shadow root, but it can style the root's host element and the document element above it.
// Faded, transformed, filtered, blended, clipped or masked, the panel may show something other
// than what a click on it does (clickjacking without an overlay). Pure, so the rule is unit-tested;
// the site script reads the computed styles (src/content/panelHost.ts).

/** The computed properties the rule reads, as getComputedStyle gives them. */
export type ShownStyle = Record<'opacity' | 'transform' | 'scale' | 'rotate' | 'filter' | 'mixBlendMode' | 'clipPath' | 'maskImage', string>;

const NOTHING: Omit<ShownStyle, 'opacity' | 'transform' | 'mixBlendMode'> = { scale: 'none', rotate: 'none', filter: 'none', clipPath: 'none', maskImage: 'none' };

/** A transform that only moves (a translation) shows the panel as it is; anything else does not. */
function onlyMoves(transform: string): boolean {
  if (transform === 'none' || transform === '') return true;
  const matrix = /^matrix\(([^)]*)\)$/.exec(transform);
  if (!matrix) return false;
  const [a, b, c, d] = matrix[1]!.split(',').map(Number);
  return a === 1 && b === 0 && c === 0 && d === 1;
}

/** Whether the styles of the host and of each element above it leave the panel shown as it is. */
export function distorted(styles: readonly Partial<ShownStyle>[]): boolean {
  let opacity = 1;
  for (const style of styles) {
    opacity *= Number(style.opacity ?? '1');
    if (!onlyMoves(style.transform ?? 'none')) return true;
    if ((style.mixBlendMode ?? 'normal') !== 'normal') return true;
    for (const key of Object.keys(NOTHING) as (keyof typeof NOTHING)[]) {
      const value = style[key];
      if (value !== undefined && value !== '' && value !== 'none') return true;
    }
  }
  return opacity < 0.999;
}
