// The one place adapters are registered. Each call returns a fresh adapter with its own state.
import { createExcalidrawAdapter } from './excalidraw';
import { createFlingaAdapter } from './flinga';
import { generic } from './generic';
import type { SiteId } from './hosts';
import { createMeetAdapter } from './meet';
import { createMiroAdapter } from './miro';
import { createMsWhiteboardAdapter } from './mswhiteboard';
import { createMuralAdapter } from './mural';
import { createTeamsAdapter } from './teams';
import { createTldrawAdapter } from './tldraw';
import type { SiteAdapter } from './types';
import { createZoomAdapter } from './zoom';

const FACTORIES: Record<SiteId, () => SiteAdapter> = {
  zoom: createZoomAdapter,
  teams: createTeamsAdapter,
  meet: createMeetAdapter,
  miro: createMiroAdapter,
  mural: createMuralAdapter,
  flinga: createFlingaAdapter,
  excalidraw: createExcalidrawAdapter,
  tldraw: createTldrawAdapter,
  mswhiteboard: createMsWhiteboardAdapter,
  generic: () => generic,
};

export function adapterFor(site: SiteId): SiteAdapter {
  return FACTORIES[site]();
}

export { generic };
export type * from './types';
