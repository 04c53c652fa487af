// Loads a fixture page into the happy-dom test document. Scripts are taken out before the markup
// is imported (so nothing in the page runs by accident) and the fixture's own scripts are then run
// explicitly, in order, so `window.__fx` exists. Page text is never assigned as HTML.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent, SiteAdapter } from '../../../src/sites/types';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');

export function fixtureHtml(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Parses a fixture into a fresh document and returns the code of its scripts (src resolved in the host dir). */
export function parseFixture(path: string): { doc: Document; scripts: string[] } {
  const host = path.split('/')[0] ?? '';
  const doc = new DOMParser().parseFromString(fixtureHtml(path), 'text/html');
  const scripts = Array.from(doc.querySelectorAll('script')).map((s) => {
    const src = s.getAttribute('src');
    s.remove();
    return src ? readFileSync(join(FIXTURES, host, src), 'utf8') : (s.textContent ?? '');
  });
  return { doc, scripts };
}

export interface Fx {
  [hook: string]: (...args: never[]) => void;
}

/** Replaces the global document's content with the fixture and runs its scripts; returns window.__fx. */
export function loadFixture(path: string): Fx {
  const { doc, scripts } = parseFixture(path);
  const html = document.documentElement;
  for (const name of html.getAttributeNames()) html.removeAttribute(name);
  for (const name of doc.documentElement.getAttributeNames()) html.setAttribute(name, doc.documentElement.getAttribute(name) ?? '');
  html.replaceChildren(...Array.from(doc.documentElement.children, (c) => document.importNode(c, true)));
  const w = window as unknown as { __fx?: Fx };
  delete w.__fx;
  for (const code of scripts) new Function(code)();
  return w.__fx ?? {};
}

export interface Run {
  events: AdapterEvent[];
  stop: () => void;
  clock: { now: number };
  of<T extends AdapterEvent['type']>(type: T): Extract<AdapterEvent, { type: T }>[];
  last<T extends AdapterEvent['type']>(type: T): Extract<AdapterEvent, { type: T }> | undefined;
}

export function run(adapter: SiteAdapter, doc: Document = document, lang = 'en'): Run {
  const events: AdapterEvent[] = [];
  const clock = { now: 1_000 };
  const stop = adapter.start({ doc, emit: (e) => events.push(e), now: () => clock.now, lang });
  const of = <T extends AdapterEvent['type']>(type: T) => events.filter((e): e is Extract<AdapterEvent, { type: T }> => e.type === type);
  return { events, stop, clock, of, last: (type) => of(type).at(-1) };
}

/** Lets MutationObserver callbacks and the 150 ms speaker sample run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
