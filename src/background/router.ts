import browser, { type Runtime } from 'webextension-polyfill';
import { broadcast, isOwnSender } from '../messages/bus';
import { callerOf, isRequestType, mayCall, PROTOCOL, type RequestType, type StoreChanged, type Topic } from '../messages/protocol';
import { fail, type Reply } from '../messages/reply';
import { resetConnection } from '../store/db';
import { HANDLERS } from './handlers';
import type { Handler } from './handlers/types';
import { pushToPanels } from './panels';
import { isTrustedPanel } from './panelTrust';
import { notifySync } from './sync';

// The one router: every request to the background passes here. It checks, for every row of the
// protocol alike, that the sender is this extension, that its kind of caller may send the request
// (a site script never reaches workshop data), and that the payload fits the row's schema; then
// it runs the handler and tells every open view which stores the reply changed.

/** Tells the extension pages (runtime message) and the panels (their ports) to re-read `stores`. */
export function changed(stores: readonly Topic[], workshopId?: string): void {
  const message: StoreChanged = { to: 'panel', type: 'store/changed', stores: [...stores], ...(workshopId ? { workshopId } : {}) };
  broadcast(message); // options page and popup
  pushToPanels(message); // panels inside web pages
  notifySync(stores, workshopId); // a shared workshop's change goes to the room
}

const errorName = (error: unknown) => (typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '');

function storeError(error: unknown): Reply<never> {
  console.error('vuoro background', error);
  const name = errorName(error);
  if (name === 'QuotaExceededError') return fail('store-full');
  // The database was written by a newer Vuoro (a downgrade): open nothing, change nothing, say so.
  if (name === 'VersionError') return fail('store-newer');
  return fail('store-failed', { detail: name || 'unknown' });
}

/** Routes one message; undefined when it is not a request to the background (another listener's). */
export function route(raw: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined {
  if (!isOwnSender(sender) || typeof raw !== 'object' || raw === null || (raw as { to?: unknown }).to !== 'background') return undefined;
  const { type } = raw as { type?: unknown };
  if (!isRequestType(type)) return Promise.resolve(fail('invalid-message'));
  const caller = callerOf(sender, browser.runtime.getURL(''));
  if (!mayCall(type, caller)) return Promise.resolve(fail('forbidden'));
  const row = PROTOCOL[type];
  const parsed = row.payload.safeParse(raw);
  if (!parsed.success) return Promise.resolve(fail('invalid-message'));
  const payload = parsed.data;
  const handler = HANDLERS[type] as Handler<RequestType>;
  const run = () => handler(payload as never, { caller });
  // A panel is heard only when it is the frame Vuoro's site script made in its tab (panelTrust.ts):
  // a page that framed the panel page itself gets nothing.
  const admitted = caller.caller === 'panel' ? isTrustedPanel(sender) : Promise.resolve(true);
  return admitted
    .then((trusted) => (trusted ? run() : fail('panel-not-trusted')))
    .catch((error: unknown) => {
      // A connection the browser closed (Firefox closes it after a full disk) fails every later
      // transaction with InvalidStateError: reopen and try the request once more. Nothing of the
      // failed attempt was committed, so the retry cannot double a write.
      if (errorName(error) !== 'InvalidStateError') return storeError(error);
      resetConnection();
      return run().catch(storeError);
    })
    .then((reply) => {
      const changedIf = 'changedIf' in row ? (row.changedIf as (value: unknown) => boolean) : undefined;
      if (reply.ok && row.changes.length && (!changedIf || changedIf(reply.value))) {
        const byRow = 'changedWorkshop' in row ? (row.changedWorkshop as (p: unknown, v: unknown) => string | undefined)(payload, reply.value) : undefined;
        const workshopId = byRow ?? ('workshopId' in payload && typeof payload.workshopId === 'string' ? payload.workshopId : undefined);
        changed(row.changes, workshopId);
      }
      return reply;
    });
}

export function startRouter(): void {
  browser.runtime.onMessage.addListener(route as never);
}
