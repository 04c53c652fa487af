import { z } from 'zod';

// Live sharing's settings, session, invitation and status: pure, no sync engine, so the options
// page, the panel and the background read them without loading Yjs or WebRTC. What the panel
// reads on its first paint is in ./session.ts, without zod (issue 12), and re-exported here.
export { invitationCode, mayRunTimer, offStatus, type SyncStatus } from './session';

/** The organisation's signalling server (`npx vuoro signal`): a WebSocket URL, nothing else. */
export const SignalUrl = z
  .string()
  .trim()
  .max(300)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '' && url.username === '' && url.password === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'sync-url-invalid');

/**
 * A STUN or TURN server the organisation runs (RTCIceServer). None by default: peers on one network
 * need none. A TURN server takes a username and a password: without them both browsers refuse the
 * whole list (RTCPeerConnection throws), so no one in the room would ever be linked.
 */
export const IceServer = z
  .object({
    urls: z.string().trim().max(300).regex(/^(stun|stuns|turn|turns):[^\s]+$/),
    username: z.string().max(200).optional(),
    credential: z.string().max(200).optional(),
  })
  .refine((server) => !/^turns?:/.test(server.urls) || (!!server.username && !!server.credential), 'sync-ice-turn-credentials');
export type IceServer = z.infer<typeof IceServer>;

/** The settings' STUN/TURN lines that count: trimmed, blank ones left out (parseIceLines' n-th server is the n-th). */
export function iceServerLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** One ICE server a line: `stun:host:port`, or `turn:host:port username credential`. */
export function parseIceLines(text: string): IceServer[] {
  return iceServerLines(text).map((line) => {
    const [urls = '', username, credential] = line.split(/\s+/);
    return { urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) };
  });
}

export const LiveSharingConfig = z.object({ signalUrl: SignalUrl, iceServers: z.array(IceServer).max(10).default([]) });
export type LiveSharingConfig = z.infer<typeof LiveSharingConfig>;

export const ROLES = ['facilitator', 'note-taker'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const ROOM_CHARS = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: read aloud or retyped without mistakes
const RoomId = z.string().regex(/^[a-km-np-z2-9]{12}$/);
const Passphrase = z.string().regex(/^[a-km-np-z2-9]{24}$/);

/** A room this browser is in. The passphrase stays in this browser's store; the signaller never sees it. */
export const LiveSession = z.object({
  roomId: RoomId,
  passphrase: Passphrase,
  role: Role,
  /** Unknown to a joiner until the room's workshop has arrived. */
  workshopId: z.string().min(1).max(100).optional(),
  startedAt: z.number().int().nonnegative(),
});
export type LiveSession = z.infer<typeof LiveSession>;

function randomText(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => ROOM_CHARS[b % ROOM_CHARS.length]).join(''); // 256 is a multiple of 32: no bias
}

/** A new room: 60 random bits of id, 120 of passphrase. */
export const newRoom = (): { roomId: string; passphrase: string } => ({ roomId: randomText(12), passphrase: randomText(24) });

const INVITATION = /vuoro:([a-km-np-z2-9]{12})\.([a-km-np-z2-9]{24})/;

/** Finds an invitation in pasted text (a whole chat line will do). */
export function parseInvitation(text: string): { roomId: string; passphrase: string } | null {
  const match = INVITATION.exec(text.slice(0, 2000));
  return match ? { roomId: match[1]!, passphrase: match[2]! } : null;
}

/** The name y-webrtc's signaller sees as the topic: the random id only. */
export const roomName = (roomId: string): string => `vuoro-${roomId}`;

/** The origin pattern the extension asks permission for (match patterns carry no port). */
export function signalPermission(signalUrl: string): string {
  const url = new URL(signalUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Someone else in the room, as their browser announces itself. Untrusted: shown as text only. */
export const Peer = z.object({ name: z.string().max(80), role: Role });
export type Peer = z.infer<typeof Peer>;

export const SyncStatusSchema = z.object({
  state: z.enum(['off', 'connecting', 'online', 'offline', 'paused', 'unreachable']),
  signalling: z.boolean(),
  peers: z.array(Peer).max(50),
  synced: z.boolean(),
  lastSyncAt: z.number().optional(),
  rejected: z.number().int().min(0),
  timerOpen: z.boolean(),
  ended: z.enum(['closed', 'left']).optional(),
});

/** What the engine needs to join a room (background → engine). */
export const EngineConfig = z.object({
  roomId: RoomId,
  passphrase: Passphrase,
  workshopId: z.string().min(1).max(100).optional(),
  signalUrl: SignalUrl,
  iceServers: z.array(IceServer).max(10),
  name: z.string().max(80),
  role: Role,
});
export type EngineConfig = z.infer<typeof EngineConfig>;
