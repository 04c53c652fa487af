// Any other site: nothing is read from the page, every capability is in manual mode. Pasted text
// still becomes one item per line.
import { parseLines } from './clipboard';
import type { Capability, CapabilityStatus, SiteAdapter } from './types';

const UNKNOWN: CapabilityStatus = { state: 'unsupported', reason: 'unknown-site' };

function capabilities(): Record<Capability, CapabilityStatus> {
  return { participants: UNKNOWN, activeSpeaker: UNKNOWN, ownSpeech: UNKNOWN, raisedHands: UNKNOWN, chat: UNKNOWN, selection: UNKNOWN };
}

export const generic: SiteAdapter = {
  id: 'generic',
  kind: 'other',
  capabilities,
  start(ctx) {
    ctx.emit({ type: 'capabilities', capabilities: capabilities() });
    return () => {};
  },
  parseClipboard: parseLines,
};

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export const createAdapter = (): SiteAdapter => generic;
