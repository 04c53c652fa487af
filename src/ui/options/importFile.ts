import type { ImportResult } from '../../messages/protocol';
import type { Failure, Reply } from '../../messages/reply';
import type { ParseError } from '../../summary/json';
import { ask } from '../shared/backend';
import type { FromImportWorker } from './importWorker';

// An import, kept off the page's main thread and all or nothing: a worker parses the file, the
// captures go to the background in chunks as they come (progress is reported per chunk), and the
// background writes nothing until the commit, in one transaction (src/background/library.ts).

export type ImportOutcome = Reply<ImportResult> | { errors: ParseError[] };

export function importInParts(file: Blob, intoWorkshopId: string | undefined, onProgress: (done: number, total: number) => void): Promise<ImportOutcome> {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let importId = '';
  let total = 0;
  let done = 0;
  let chain: Promise<Failure | undefined> = Promise.resolve(undefined);
  return new Promise<ImportOutcome>((resolve) => {
    const finish = (outcome: ImportOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    // Each step waits for the one before; the first failure skips the rest and ends the import. A
    // background that stopped midway has forgotten the parts: the import was interrupted.
    const interrupted = (failed: Failure): Failure => (failed.error.code === 'no-receiver' ? { ok: false, error: { code: 'import-interrupted' } } : failed);
    const then = (step: () => Promise<Failure | undefined>) => {
      chain = chain.then((failed) => failed ?? step().then((f) => f && interrupted(f)));
      void chain.then((failed) => failed && finish(failed));
    };
    worker.onerror = () => finish({ ok: false, error: { code: 'import-interrupted' } });
    worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      switch (message.type) {
        case 'errors':
          return finish({ errors: message.errors });
        case 'header':
          total = message.total;
          onProgress(0, total);
          return then(async () => {
            const reply = await ask('workshop/import-begin', { header: message.header, total });
            if (!reply.ok) return reply;
            importId = reply.value.importId;
            return undefined;
          });
        case 'chunk':
          return then(async () => {
            const reply = await ask('workshop/import-chunk', { importId, json: message.json });
            if (!reply.ok) return reply;
            done += message.count;
            onProgress(done, total);
            return undefined;
          });
        case 'done':
          return then(async () => {
            const reply = await ask('workshop/import-commit', { importId, ...(intoWorkshopId ? { intoWorkshopId } : {}) });
            if (!reply.ok) return reply;
            finish(reply);
            return undefined;
          });
      }
    };
    worker.postMessage(file);
  });
}
