// Every adapter by site id, for tests and tools that run adapters outside a site script. The
// rows are src/sites/hosts.ts; each site's script bundles only its own adapter (the build imports
// src/sites/<site>.ts directly: scripts/vite-content-scripts.ts). Each call returns a fresh
// adapter with its own state.
import * as excalidraw from './excalidraw';
import * as flinga from './flinga';
import * as genericSite from './generic';
import type { SiteId } from './hosts';
import * as meet from './meet';
import * as miro from './miro';
import * as mswhiteboard from './mswhiteboard';
import * as mural from './mural';
import * as teams from './teams';
import * as tldraw from './tldraw';
import type { SiteAdapter } from './types';
import * as zoom from './zoom';

export const ADAPTER_MODULES: Record<SiteId, { createAdapter: () => SiteAdapter }> = {
  zoom,
  teams,
  meet,
  miro,
  mural,
  flinga,
  excalidraw,
  tldraw,
  mswhiteboard,
  generic: genericSite,
};

export function adapterFor(site: SiteId): SiteAdapter {
  return ADAPTER_MODULES[site].createAdapter();
}

export { generic } from './generic';
export type * from './types';
