import { ok } from '../../messages/reply';
import { configure, engineConfig, joinRoom, receiveRemote, receiveStatus, setOnline, setTimerOpen, shareWorkshop, stopSession, syncState } from '../sync';
import type { Handlers } from './types';

// Live sharing: the panel's and options page's requests, and the sync engine's (Chrome's
// offscreen document) hand-overs from the room.

export const syncHandlers = {
  'sync/state': async () => ok(await syncState()),
  'sync/configure': ({ config }) => configure(config),
  'sync/share': ({ workshopId }) => shareWorkshop(workshopId),
  'sync/join': ({ invitation }) => joinRoom(invitation),
  'sync/leave': async () => {
    await stopSession();
    return ok(null);
  },
  'sync/timer-open': ({ open }) => setTimerOpen(open),
  'sync/online': ({ online }) => setOnline(online),
  'sync/engine-config': async () => ok(await engineConfig()),
  'sync/remote': ({ workshopId, entries }) => receiveRemote(workshopId, entries),
  'sync/status': async ({ status }) => receiveStatus(status),
} satisfies Partial<Handlers>;
