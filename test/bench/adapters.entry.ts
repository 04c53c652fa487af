// Bundled by scripts/bench.mjs into one IIFE and injected into the 300-participant fixtures with
// page.addScriptTag: the adapters run on the page's main thread, as they do in the content script,
// without the rest of the extension, so stats() counts only the adapter's own work.
import { createMeetAdapter } from '../../src/sites/meet';
import { createTeamsAdapter } from '../../src/sites/teams';
import { createZoomAdapter } from '../../src/sites/zoom';
import type { SiteAdapter } from '../../src/sites/types';

const factories: Record<string, () => SiteAdapter> = { meet: createMeetAdapter, teams: createTeamsAdapter, zoom: createZoomAdapter };

let adapter: SiteAdapter | undefined;
let events = 0;

(globalThis as unknown as { __vuoroBench: unknown }).__vuoroBench = {
  start(site: string) {
    adapter = factories[site]!();
    adapter.start({ doc: document, emit: () => void events++, now: () => Date.now(), lang: document.documentElement.lang || 'en' });
  },
  stats() {
    return { ...adapter!.stats!(), events };
  },
};
