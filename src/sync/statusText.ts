import type { SyncStatus } from './config';

// Which sentence the panel shows for a room's status: pure, so it is tested without a browser.

export type StatusLine = 'connecting' | 'waiting' | 'syncing' | 'inSync' | 'peersOnly' | 'left' | 'closed' | 'offline' | 'paused' | 'unreachable';

export function statusLine(status: SyncStatus): StatusLine {
  if (status.ended === 'closed' && status.state !== 'off') return 'closed';
  if (status.state === 'offline' || status.state === 'paused' || status.state === 'unreachable') return status.state;
  if (status.state !== 'online') return 'connecting';
  if (status.peers.length === 0) return status.ended === 'left' ? 'left' : 'waiting';
  // The signaller is down but the peers already linked still exchange: they are listed, and no one new can join.
  if (!status.signalling) return 'peersOnly';
  return status.synced ? 'inSync' : 'syncing';
}

/** Lines that say nothing is exchanged now: drawn hollow. */
export const isApart = (line: StatusLine): boolean => line === 'offline' || line === 'unreachable' || line === 'left' || line === 'closed';

/** Lines too long for the share box's folded heading: it shows their `_short` form, the box the whole. */
export const hasShortForm = (line: StatusLine): boolean => line === 'unreachable' || line === 'peersOnly' || line === 'left' || line === 'closed';
