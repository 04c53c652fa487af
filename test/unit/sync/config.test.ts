import { describe, expect, it } from 'vitest';
import { invitationCode, LiveSharingConfig, mayRunTimer, newRoom, offStatus, parseIceLines, parseInvitation, signalPermission, SignalUrl } from '../../../src/sync/config';
import { isApart, statusLine } from '../../../src/sync/statusText';

describe('live sharing settings and invitations', () => {
  it('takes only a ws:// or wss:// signaller, with no credentials in it', () => {
    for (const ok of ['ws://127.0.0.1:4444', 'wss://signal.example.org', 'wss://signal.example.org/path']) expect(SignalUrl.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['https://signal.example.org', 'wss://user:pw@signal.example.org', 'javascript:alert(1)', 'signal.example.org', 'ws://']) expect(SignalUrl.safeParse(bad).success, bad).toBe(false);
    expect(signalPermission('ws://127.0.0.1:4444')).toBe('ws://127.0.0.1/*');
    expect(signalPermission('wss://signal.example.org/x')).toBe('wss://signal.example.org/*');
  });

  it('takes ICE servers one a line, and no others than stun/turn', () => {
    const servers = parseIceLines('stun:stun.example.org:3478\n\n turn:turn.example.org:3478 user secret ');
    expect(servers).toEqual([{ urls: 'stun:stun.example.org:3478' }, { urls: 'turn:turn.example.org:3478', username: 'user', credential: 'secret' }]);
    expect(LiveSharingConfig.safeParse({ signalUrl: 'ws://127.0.0.1:1', iceServers: servers }).success).toBe(true);
    expect(LiveSharingConfig.safeParse({ signalUrl: 'ws://127.0.0.1:1', iceServers: parseIceLines('https://evil.example') }).success).toBe(false);
    expect(LiveSharingConfig.parse({ signalUrl: 'ws://127.0.0.1:1' }).iceServers).toEqual([]);
  });

  // Both browsers refuse an RTCPeerConnection whose TURN server has no username and credential, so
  // such a line, once saved, kept everyone in the room from ever being linked.
  it('takes a TURN server only with its username and password', () => {
    for (const line of ['turn:turn.example.org:3478', 'turns:turn.example.org:5349 user', 'turn:turn.example.org:3478?transport=tcp'])
      expect(LiveSharingConfig.safeParse({ signalUrl: 'ws://127.0.0.1:1', iceServers: parseIceLines(line) }).success, line).toBe(false);
    const refused = LiveSharingConfig.safeParse({ signalUrl: 'ws://127.0.0.1:1', iceServers: parseIceLines('stun:a.example.org\nturn:turn.example.org:3478') });
    expect(refused.error?.issues.map((i) => [i.path, i.message])).toEqual([[['iceServers', 1], 'sync-ice-turn-credentials']]);
    for (const line of ['turns:turn.example.org:5349 user secret', 'stun:stun.example.org:3478'])
      expect(LiveSharingConfig.safeParse({ signalUrl: 'ws://127.0.0.1:1', iceServers: parseIceLines(line) }).success, line).toBe(true);
  });

  it('makes random rooms whose invitation is found again in a pasted chat line', () => {
    const rooms = Array.from({ length: 50 }, newRoom);
    expect(new Set(rooms.map((r) => r.roomId)).size).toBe(50);
    for (const room of rooms) {
      expect(room.roomId).toMatch(/^[a-km-np-z2-9]{12}$/);
      expect(room.passphrase).toMatch(/^[a-km-np-z2-9]{24}$/);
      expect(parseInvitation(`Aino 10.02: Liity työpajaan: ${invitationCode(room)} kiitos!`)).toEqual(room);
    }
    expect(parseInvitation('vuoro:short.key')).toBeNull();
    expect(parseInvitation('')).toBeNull();
  });

  it('says what the link is doing, and who may run the timer', () => {
    const peer = { name: 'Bo', role: 'note-taker' as const };
    expect(statusLine({ ...offStatus(), state: 'connecting' })).toBe('connecting');
    expect(statusLine({ ...offStatus(), state: 'unreachable' })).toBe('unreachable');
    expect(statusLine({ ...offStatus(), state: 'online' })).toBe('waiting');
    // Nothing is exchanged while working offline: drawn hollow like a dropped link, not filled like a live one.
    expect(['paused', 'offline', 'unreachable', 'left', 'closed'].every((line) => isApart(line as never))).toBe(true);
    expect(['inSync', 'syncing', 'waiting', 'peersOnly'].some((line) => isApart(line as never))).toBe(false);
    // A joiner the room has not answered (no workshop yet: a wrong invitation, no one sharing) is not waiting for others to join.
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true }, { workshopId: 'w1' })).toBe('waiting');
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true }, {})).toBe('awaiting');
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true, peers: [peer] }, {})).toBe('syncing');
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true, peers: [peer] })).toBe('syncing');
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true, peers: [peer], synced: true })).toBe('inSync');
    // The signaller down, the peer link up: still connected with them, no one new can join.
    expect(statusLine({ ...offStatus(), state: 'online', signalling: false, peers: [peer], synced: true })).toBe('peersOnly');
    expect(statusLine({ ...offStatus(), state: 'offline', synced: true })).toBe('offline');
    // Everyone who was connected has gone, or the facilitator closed the room: said, not "waiting".
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true, ended: 'left' })).toBe('left');
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true, peers: [peer], ended: 'left' })).toBe('syncing');
    expect(statusLine({ ...offStatus(), state: 'online', signalling: true, ended: 'closed' })).toBe('closed');
    expect(statusLine({ ...offStatus(), state: 'offline', ended: 'closed' })).toBe('closed');
    const session = { ...newRoom(), startedAt: 0 };
    expect(mayRunTimer(null, offStatus())).toBe(true);
    expect(mayRunTimer({ ...session, role: 'facilitator' }, offStatus())).toBe(true);
    expect(mayRunTimer({ ...session, role: 'note-taker' }, offStatus())).toBe(false);
    expect(mayRunTimer({ ...session, role: 'note-taker' }, { ...offStatus(), timerOpen: true })).toBe(true);
  });
});
