// Parses an import file off the options page's main thread: a 19 MB export (100,000 captures) took
// the page's main thread 1.5 s in Chromium and 11 s in Firefox. Posts the document without its
// captures, then the captures in chunks the page forwards to the background as they come.
import { IMPORT_CHUNK, parseWorkshopExport, type ParseError } from '../../summary/json';
import type { WorkshopExport } from '../../summary/model';

export type FromImportWorker =
  | { type: 'errors'; errors: ParseError[] }
  | { type: 'header'; header: WorkshopExport; total: number }
  // JSON text rather than objects: the page only relays it, and a string crosses both hops as one
  // piece, without building 100,000 objects (and their garbage) on the page's main thread.
  | { type: 'chunk'; count: number; json: string }
  | { type: 'done' };

const post = (message: FromImportWorker) => postMessage(message);

addEventListener('message', (event: MessageEvent<Blob>) => {
  void event.data.arrayBuffer().then((buffer) => {
    const parsed = parseWorkshopExport(new Uint8Array(buffer));
    if (!parsed.ok) return post({ type: 'errors', errors: parsed.errors });
    const { captures, ...rest } = parsed.doc;
    post({ type: 'header', header: { ...rest, captures: [] }, total: captures.length });
    for (let i = 0; i < captures.length; i += IMPORT_CHUNK) {
      const chunk = captures.slice(i, i + IMPORT_CHUNK);
      post({ type: 'chunk', count: chunk.length, json: JSON.stringify(chunk) });
    }
    post({ type: 'done' });
  });
});
