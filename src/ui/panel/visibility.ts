import { useEffect, useState } from 'preact/hooks';

// The panel frame watches its own visibility where the browser tracks it (IntersectionObserver v2,
// Chromium): the browser then says whether the frame is shown unobscured, unfaded, untransformed and
// unfiltered, whatever the page did, an overlay that lets clicks through to the panel included (a
// decoy drawn over it). Firefox has no v2; there the site script's check stands alone
// (src/content/panelHost.ts covered()).

interface VisibilityEntry extends IntersectionObserverEntry {
  readonly isVisible?: boolean;
}

/** Whether this browser tracks visibility (IntersectionObserver v2). */
export const tracksVisibility = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** True while the frame is on screen but not shown as it is; always false without v2. */
export function useObscured(): boolean {
  const [obscured, setObscured] = useState(false);
  useEffect(() => {
    if (!tracksVisibility) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as VisibilityEntry;
        setObscured(entry.isIntersecting && entry.isVisible === false);
      },
      // trackVisibility needs a delay of at least 100 ms (the browser's own bound on its cost).
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(document.documentElement);
    return () => observer.disconnect();
  }, []);
  return obscured;
}
