// What the panel frame needs of live sharing on its first paint, apart from the schemas in
// ./config.ts (which re-exports it): the panel loads no zod of its own (issue 12).
import type { LiveSession, Peer } from './config';

/** The part of an invitation a joiner pastes; the words around it are the user's language. */
export const invitationCode = (session: { roomId: string; passphrase: string }): string => `vuoro:${session.roomId}.${session.passphrase}`;

export interface SyncStatus {
  /**
   * 'offline': the signaller is not reachable (the link dropped); 'paused': the user took this
   * browser off the room for a while. Either way work goes on locally and merges on return.
   * 'unreachable': the signaller has not answered once since the session started (a wrong address,
   * a server not running): it read "Link dropped" although no link was ever made.
   */
  state: 'off' | 'connecting' | 'online' | 'offline' | 'paused' | 'unreachable';
  /** Connected to the signalling server. Without it the peers already linked stay: state 'online', no one new can join. */
  signalling: boolean;
  /** Others in the room now. */
  peers: Peer[];
  /** Every connected peer has exchanged what it had with this browser. */
  synced: boolean;
  lastSyncAt?: number;
  /** Entries the room sent that were not taken: invalid, or past a bound. */
  rejected: number;
  /** The facilitator let note-takers run the timer. */
  timerOpen: boolean;
  /**
   * Sharing ended while this browser stayed: 'closed', the facilitator stopped sharing (or erased the
   * workshop); 'left', everyone who was connected this session has gone.
   */
  ended?: 'closed' | 'left';
}

export const offStatus = (): SyncStatus => ({ state: 'off', signalling: false, peers: [], synced: false, rejected: 0, timerOpen: false });

/** Whether this browser may run the timer: the facilitator, or a note-taker the facilitator let. */
export const mayRunTimer = (session: LiveSession | null, status: SyncStatus): boolean =>
  !session || session.role === 'facilitator' || status.timerOpen;
