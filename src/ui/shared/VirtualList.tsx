import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { listWindow } from './virtual';

// A list that mounts only the rows in view (src/ui/shared/virtual.ts decides which). It scrolls with
// its nearest scrolling ancestor, so it can sit inside a longer page such as the panel's tab.

/** Space between rows; the rows' CSS gives each the same bottom margin (`.virtual-list > li`). */
export const ROW_GAP = 4;

interface Props<R extends { key: string }> {
  rows: readonly R[];
  /** A row's height before it has been shown. */
  estimate: (row: R) => number;
  render: (row: R) => ComponentChildren;
  class?: string;
  testid?: string;
  label?: string;
}

function scrollerOf(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return document.scrollingElement as HTMLElement;
}

export function VirtualList<R extends { key: string }>({ rows, estimate, render, class: className, testid, label }: Props<R>) {
  const list = useRef<HTMLUListElement>(null);
  const measured = useRef(new Map<string, number>());
  const [view, setView] = useState({ top: 0, height: 1000 });
  const [, setMeasuredVersion] = useState(0);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const scroller = scrollerOf(el);
    let frame = 0;
    const read = () => {
      frame = 0;
      const top = scroller.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const height = scroller.clientHeight || innerHeight;
      setView((v) => (Math.abs(v.top - top) < 1 && v.height === height ? v : { top, height }));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(read);
    };
    read();
    scroller.addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
    };
  }, []);

  const heights = new Float64Array(rows.length);
  rows.forEach((row, i) => (heights[i] = (measured.current.get(row.key) ?? estimate(row)) + ROW_GAP));
  const w = listWindow(heights, view.top, view.height);

  // Measure what was mounted; a changed height re-renders once with the better numbers.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    let changed = false;
    for (const li of el.children as HTMLCollectionOf<HTMLElement>) {
      const key = li.dataset.row;
      if (key === undefined) continue;
      const h = li.offsetHeight;
      if (h > 0 && measured.current.get(key) !== h) {
        measured.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setMeasuredVersion((n) => n + 1);
  });

  return (
    <ul ref={list} class={`virtual-list ${className ?? ''}`} data-testid={testid} aria-label={label}>
      {w.padTop > 0 && <li aria-hidden="true" class="virtual-pad" style={{ height: `${w.padTop}px` }} />}
      {rows.slice(w.start, w.end).map((row) => (
        <li key={row.key} data-row={row.key}>
          {render(row)}
        </li>
      ))}
      {w.padBottom > 0 && <li aria-hidden="true" class="virtual-pad" style={{ height: `${w.padBottom}px` }} />}
    </ul>
  );
}
