import type { SyncState } from '../../messages/protocol';
import { mayRunTimer, offStatus } from '../../sync/session';
import { ask, useStoreQuery } from '../shared/backend';

// Live sharing as the panel shows it: the background's state, re-read when it reports a change.

const OFF: SyncState = { config: null, session: null, status: offStatus() };

async function load(): Promise<SyncState> {
  const reply = await ask('sync/state', {});
  return reply.ok ? reply.value : OFF;
}

export interface SyncView {
  sync: SyncState;
  /** This browser is a note-taker in a room: capture and map first, the timer read-only unless granted. */
  noteTaker: boolean;
  mayRunTimer: boolean;
  reload: () => void;
}

export function useSync(): SyncView {
  const { value, reload } = useStoreQuery(load, ['sync', 'settings']);
  const sync = value ?? OFF;
  return { sync, noteTaker: sync.session?.role === 'note-taker', mayRunTimer: mayRunTimer(sync.session, sync.status), reload };
}
