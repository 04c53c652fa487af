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

/**
 * True while the frame is on screen but not shown as it is; always false without v2. A hidden tab is
 * not "covered": the browser reports its frame as not visible, and the warning flashed for a moment
 * on every return to the meeting tab (and stood in the demo's screenshot). So the observer rests
 * while the tab is hidden and starts afresh when it is shown, which reports the frame's state anew.
 */
export function useObscured(): boolean {
  const [obscured, setObscured] = useState(false);
  useEffect(() => {
    if (!tracksVisibility) return;
    let observer: IntersectionObserver | undefined;
    const start = () => {
      observer?.disconnect();
      observer = new IntersectionObserver(
        (entries) => {
          if (document.hidden) return;
          const entry = entries[entries.length - 1] as VisibilityEntry;
          setObscured(entry.isIntersecting && entry.isVisible === false);
        },
        // trackVisibility needs a delay of at least 100 ms (the browser's own bound on its cost).
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(document.documentElement);
    };
    const onVisibility = () => {
      if (document.hidden) {
        observer?.disconnect();
        observer = undefined;
        setObscured(false);
      } else start();
    };
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      observer?.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return obscured;
}
