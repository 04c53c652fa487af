export interface PanelStartChunk {
  file: string;
  raw: number;
  gzip: number;
}
/** The chunks a build's panel.html loads before the panel's first content, with their sizes. */
export function panelStartChunks(dist: string): { entry: string; chunks: PanelStartChunk[]; raw: number; gzip: number };
