// What a page can do to the panel without putting anything over it: it cannot reach into the
// closed shadow root, but it can style the root's host element and the document element above it.
// Faded, transformed, filtered or clipped, the panel may show something other than what a click on
// it does (clickjacking without an overlay). Pure, so the rule is unit-tested; the site script reads
// the computed styles (src/content/panelHost.ts).

/** The computed properties the rule reads, as getComputedStyle gives them. */
export type ShownStyle = Pick<CSSStyleDeclaration, 'opacity' | 'transform' | 'scale' | 'rotate' | 'filter' | 'clipPath'>;

// A transform that only moves (a translation) shows the panel as it is; anything else does not.
const MOVES_ONLY = /^(none|matrix\(1, 0, 0, 1,.*)$/;

/** Whether the styles of the host and of each element above it leave the panel shown as it is. */
export function distorted(styles: readonly ShownStyle[]): boolean {
  return styles.some(
    (s) =>
      +s.opacity < 1 ||
      !MOVES_ONLY.test(s.transform) ||
      // Each 'none' (spelt as one string: the site scripts are close to their 15 KB budget).
      s.scale + s.rotate + s.filter + s.clipPath !== 'nonenonenonenone',
  );
}
