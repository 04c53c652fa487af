import { isLive, type Capture } from './schema';

// What the Capture tab lists: live captures, filtered by a search, grouped by phase or theme, as
// one flat run of rows (a group's heading, then its captures) that a virtual list can window.
// Linear in the number of captures: the panel recomputes it only when the captures, the grouping
// or the search change, and a 100,000-capture workshop must stay usable (issue 14, point 6).

export type CaptureGroupBy = 'phase' | 'theme';

export type CaptureRow = { kind: 'group'; key: string; label: string; count: number } | { kind: 'capture'; key: string; capture: Capture };

export interface CaptureListOptions {
  groupBy: CaptureGroupBy;
  /** Free text: every word must occur in the capture's text, theme, tags, owner or phase. */
  query?: string;
  /** Labels for captures without a phase or theme (localised by the caller). */
  noPhase: string;
  noTheme: string;
}

export interface CaptureList {
  rows: CaptureRow[];
  /** Live captures, before the search. */
  live: number;
  /** Live captures the search kept. */
  shown: number;
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('und');

function haystack(c: Capture): string {
  return fold([c.text, c.theme ?? '', c.owner ?? '', c.phaseTitle ?? '', ...c.tags].join('\n'));
}

/** Groups keep the order in which their first capture appears; captures keep their given order. */
export function captureList(captures: readonly Capture[], options: CaptureListOptions): CaptureList {
  const words = fold(options.query ?? '').split(/\s+/u).filter(Boolean);
  const groups = new Map<string, Capture[]>();
  let live = 0;
  let shown = 0;
  for (const c of captures) {
    if (!isLive(c)) continue;
    live++;
    if (words.length) {
      const text = haystack(c);
      if (!words.every((w) => text.includes(w))) continue;
    }
    shown++;
    const label = options.groupBy === 'theme' ? (c.theme ?? options.noTheme) : (c.phaseTitle ?? options.noPhase);
    const list = groups.get(label);
    if (list) list.push(c);
    else groups.set(label, [c]);
  }
  const rows: CaptureRow[] = [];
  for (const [label, list] of groups) {
    rows.push({ kind: 'group', key: `group:${label}`, label, count: list.length });
    for (const capture of list) rows.push({ kind: 'capture', key: capture.id, capture });
  }
  return { rows, live, shown };
}

/**
 * The stored captures as last loaded, plus those this view saved since and the load does not show
 * yet: a save is listed as soon as it is confirmed, not when the next full reload of a big workshop
 * arrives (at 100,000 captures that took ~3 s), and a reload that started before the save cannot
 * take it off the list again.
 */
export function withSaved(loaded: readonly Capture[], saved: readonly Capture[]): { captures: readonly Capture[]; pending: readonly Capture[] } {
  if (saved.length === 0) return { captures: loaded, pending: saved };
  const ids = new Set(loaded.map((c) => c.id));
  const pending = saved.filter((c) => !ids.has(c.id));
  return { captures: pending.length ? [...loaded, ...pending] : loaded, pending };
}
