import type { SyncStatus } from './config';

// Which sentence the panel shows for a room's status: pure, so it is tested without a browser.

export type StatusLine = 'connecting' | 'waiting' | 'awaiting' | 'syncing' | 'inSync' | 'peersOnly' | 'left' | 'closed' | 'offline' | 'paused' | 'unreachable';

/**
 * `session`: this browser's room. A joiner whose room has not sent its workshop yet (a wrong or old
 * invitation, a facilitator not sharing) is not "waiting for others to join": it joined, and no one
 * has answered.
 */
export function statusLine(status: SyncStatus, session?: { workshopId?: string } | null): StatusLine {
  if (status.ended === 'closed' && status.state !== 'off') return 'closed';
  if (status.state === 'offline' || status.state === 'paused' || status.state === 'unreachable') return status.state;
  if (status.state !== 'online') return 'connecting';
  if (status.peers.length === 0) return status.ended === 'left' ? 'left' : session && !session.workshopId ? 'awaiting' : 'waiting';
  // The signaller is down but the peers already linked still exchange: they are listed, and no one new can join.
  if (!status.signalling) return 'peersOnly';
  return status.synced ? 'inSync' : 'syncing';
}

/** Lines that say nothing is exchanged now: drawn hollow (working offline too: it read as a live link). */
export const isApart = (line: StatusLine): boolean => line === 'paused' || line === 'offline' || line === 'unreachable' || line === 'left' || line === 'closed';

/** Lines too long for the share box's folded heading: it shows their `_short` form, the box the whole. */
export const hasShortForm = (line: StatusLine): boolean => line === 'awaiting' || line === 'unreachable' || line === 'peersOnly' || line === 'left' || line === 'closed';
