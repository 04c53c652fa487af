import type { SyncStatus } from './config';

// Which sentence the panel shows for a room's status: pure, so it is tested without a browser.

export type StatusLine = 'connecting' | 'waiting' | 'syncing' | 'inSync' | 'offline' | 'paused' | 'unreachable';

export function statusLine(status: SyncStatus): StatusLine {
  if (status.state === 'offline' || status.state === 'paused' || status.state === 'unreachable') return status.state;
  if (status.state !== 'online') return 'connecting';
  if (status.peers.length === 0) return 'waiting';
  return status.synced ? 'inSync' : 'syncing';
}
