import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Peer, roomName, type EngineConfig, type SyncStatus } from './config';
import { hasEntries, SHARED_LIMITS, SharedRoom, SharedWorkshop, type ChangedKeys, type SharedEntries } from './model';

// The sync engine: one room's Y.Doc, kept in this browser by y-indexeddb and exchanged with the
// room's peers by y-webrtc. Runs where WebRTC is available to an extension: Chrome's offscreen
// document (src/sync/offscreen.ts), Firefox's background page (src/background/sync.ts). Loaded only
// on the sharing path, so no other bundle carries Yjs.
//
// Where it connects, and only there:
// - the one signalling server the user configured (never y-webrtc's public defaults). The
//   signalling messages are encrypted with a key derived from the room's passphrase (y-webrtc's
//   crypto.js: PBKDF2 → AES-GCM), so the server sees the room id and ciphertext, and a wrong
//   passphrase decrypts nothing: it joins no one;
// - the peers, over WebRTC data channels (DTLS). ICE servers: only those configured, none by
//   default, so simple-peer's default public STUN servers are never contacted.

export interface EngineCallbacks {
  /** Validated entries that came from the room (and, on start, what this browser kept of it). */
  remote(workshopId: string, entries: SharedEntries): void;
  status(status: SyncStatus): void;
}

export interface Engine {
  push(entries: SharedEntries): void;
  setTimerOpen(open: boolean): void;
  /** Leaves the room's network for a while (false) or comes back (true); the doc and the session stay. */
  setOnline(online: boolean): void;
  /** Leaves the room and deletes this browser's copy of its doc (the store keeps what was shared). */
  stop(): Promise<void>;
}

/** How often status is re-sent while nothing changes (a restarted background learns it again). */
const STATUS_EVERY_MS = 5_000;
/** How long the signaller may take to answer a new session before the panel says it cannot be reached. */
export const UNREACHABLE_AFTER_MS = 8_000;
/** How long a closing facilitator's browser stays for its "sharing ended" to reach the others. */
const CLOSE_NOTICE_MS = 300;

export function startEngine(config: EngineConfig, callbacks: EngineCallbacks): Engine {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`vuoro-sync-${config.roomId}`, doc);
  const meta = doc.getMap('meta');
  let room = config.workshopId ? new SharedRoom(doc, config.workshopId) : null;
  let rejected = 0;
  let synced = false;
  let lastSyncAt: number | undefined;
  let stopped = false;
  let paused = false;

  const provider = new WebrtcProvider(roomName(config.roomId), doc, {
    signaling: [config.signalUrl],
    password: config.passphrase,
    maxConns: 8,
    peerOpts: { config: { iceServers: config.iceServers } },
  });
  // Who this browser is, for the others' lists. y-webrtc removes it on disconnect (Work offline),
  // and setLocalStateField does nothing on a removed state: set whole, again on every resume.
  const announce = () => provider.awareness.setLocalState({ user: { name: config.name, role: config.role } });
  announce();

  // What the room sends is bounded as a whole too: past SHARED_LIMITS.roomBytes this browser
  // leaves the room's network (its work goes on locally) and says so.
  let received = 0;
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === null || origin !== provider.room) return; // y-webrtc applies the room's updates with the room as origin
    received += update.length;
    if (received > SHARED_LIMITS.roomBytes && !paused) {
      rejected++;
      paused = true;
      provider.disconnect();
      report();
    }
  });

  const peers = (): Peer[] => {
    const found: Peer[] = [];
    for (const [clientId, state] of provider.awareness.getStates()) {
      if (clientId === doc.clientID) continue;
      const parsed = Peer.safeParse((state as { user?: unknown }).user);
      if (parsed.success) found.push(parsed.data);
    }
    return found.slice(0, 50);
  };
  const signalling = () => provider.signalingConns.some((conn) => (conn as { connected?: boolean }).connected === true);
  /** A data channel to a peer is open: the room is still shared with them while the signaller is down. */
  const linked = () => [...(provider.room?.webrtcConns.values() ?? [])].some((conn) => conn.connected);
  /** Someone was connected this session (since start or resume): their going is said, not taken for "waiting". */
  let othersSeen = false;
  // From the start, or from a resume: a link still to be made gets its 8 s from then.
  let startedAt = Date.now();
  let everConnected = false;
  const status = (): SyncStatus => {
    const server = !paused && signalling();
    // With the signaller down, the peers already linked still exchange directly: online with them.
    const online = server || (!paused && linked());
    everConnected ||= online;
    // Work read from this browser's own copy sets lastSyncAt too, so "offline" (the link dropped)
    // is said only of a link that was once made.
    const away = everConnected ? 'offline' : Date.now() - startedAt >= UNREACHABLE_AFTER_MS ? 'unreachable' : 'connecting';
    const others = online ? peers() : [];
    othersSeen ||= others.length > 0;
    const ended = meta.get('closedAt') !== undefined ? 'closed' : online && othersSeen && others.length === 0 ? 'left' : undefined;
    return {
      state: paused ? 'paused' : online ? 'online' : away,
      signalling: server,
      peers: others,
      synced,
      ...(ended ? { ended } : {}),
      ...(lastSyncAt ? { lastSyncAt } : {}),
      rejected,
      timerOpen: meta.get('timerOpen') === true,
    };
  };
  const report = () => {
    if (!stopped) callbacks.status(status());
  };

  /** A joiner learns the workshop from the room: the first valid copy fixes it for the session. */
  const learnWorkshop = () => {
    if (room) return room;
    const parsed = SharedWorkshop.safeParse(meta.get('workshop'));
    if (!parsed.success) return null;
    room = new SharedRoom(doc, parsed.data.workshop.id);
    return room;
  };

  let pending: ChangedKeys | 'all' | null = null;
  const flush = () => {
    const keys = pending;
    pending = null;
    const current = learnWorkshop();
    if (!current || keys === null) return;
    const { entries, report: read } = current.read(keys === 'all' ? undefined : keys);
    rejected += read.rejected + read.overLimit;
    lastSyncAt = Date.now();
    if (hasEntries(entries)) callbacks.remote(current.workshopId, entries);
    report();
  };
  const schedule = (keys: ChangedKeys | 'all') => {
    if (pending === 'all' || keys === 'all') pending = 'all';
    else {
      pending ??= {};
      for (const [name, set] of Object.entries(keys) as [keyof ChangedKeys, Set<string>][]) {
        const into = (pending[name] ??= new Set());
        for (const key of set) into.add(key);
      }
    }
    setTimeout(flush, 10);
  };

  // Remote changes: by key, batched over a few milliseconds. Every key a joiner saw before it knew
  // the workshop is read again, all at once, when the workshop arrives.
  let unobserve = room?.observeRemote((keys) => schedule(keys));
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (unobserve || transaction.local) return;
    if (learnWorkshop()) {
      unobserve = room!.observeRemote((keys) => schedule(keys));
      schedule('all');
    }
  });
  void persistence.whenSynced.then(() => schedule('all'));

  provider.on('synced', ({ synced: now }: { synced: boolean }) => {
    synced = now;
    if (now) lastSyncAt = Date.now();
    report();
  });
  // y-webrtc's room stays "synced" once it was (its last peer closing leaves it so), and then never
  // marks a newly linked peer synced nor says so (a return from Work offline read "Exchanging…" for
  // good): a new peer is one to exchange with again.
  provider.on('peers', ({ added }: { added: string[] }) => {
    if (added.length > 0 && provider.room) {
      provider.room.synced = false;
      synced = false;
    }
    report();
  });
  provider.on('status', report);
  provider.awareness.on('change', report);
  meta.observe(report); // a closing facilitator's closedAt, or the timer opened
  // The signalling link coming and going is what the panel shows as online / offline.
  for (const conn of provider.signalingConns as unknown as { on(name: string, f: () => void): void }[]) {
    conn.on('connect', report);
    conn.on('disconnect', report);
  }
  const timer = setInterval(report, STATUS_EVERY_MS);
  report();

  return {
    push(entries) {
      const current = learnWorkshop();
      if (current) current.pushLocal(entries);
    },
    setTimerOpen(open) {
      if (config.role === 'facilitator') meta.set('timerOpen', open);
    },
    setOnline(online) {
      paused = !online;
      synced = false;
      othersSeen = false;
      if (online) {
        startedAt = Date.now();
        provider.connect();
        announce();
        for (const conn of provider.signalingConns as unknown as { on(name: string, f: () => void): void }[]) {
          conn.on('connect', report);
          conn.on('disconnect', report);
        }
      } else provider.disconnect();
      report();
    },
    async stop() {
      stopped = true;
      // The facilitator who shared closes the room: the others are told, not left waiting.
      if (config.role === 'facilitator' && !paused && linked()) {
        meta.set('closedAt', Date.now());
        await new Promise((done) => setTimeout(done, CLOSE_NOTICE_MS));
      }
      clearInterval(timer);
      unobserve?.();
      provider.destroy();
      await persistence.clearData();
      doc.destroy();
    },
  };
}
