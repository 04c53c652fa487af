import browser from 'webextension-polyfill';
import { fail, ok, type Reply } from '../messages/reply';
import type { SyncState, Topic } from '../messages/protocol';
import { getSetting, setSetting } from '../store/settings';
import { EngineConfig, newRoom, offStatus, parseInvitation, type LiveSession, type SyncStatus } from '../sync/config';
import type { SharedEntries, VoteEvent } from '../sync/entries';
import { applyRemote, localEntries, noteOwnVote } from '../sync/apply';
import { OFFSCREEN_PAGE, type ToEngine } from '../sync/toEngine';
import { erasedTest, sharedWithoutErased } from '../privacy/forget';
import { changed } from './router';
import { syncHooks } from './syncHooks';
import { workshops } from '../store/workshops';
import { choosingActive, updateWorkshop } from './workshops';

// Live sharing, the background's side (issue 15). The background owns the store; the sync engine
// (src/sync/engine.ts: Yjs, y-webrtc, y-indexeddb) runs where WebRTC is: in Chrome an offscreen
// document (a service worker has no RTCPeerConnection), in Firefox this background page, loaded
// with import() only once a room is open. Either way the engine sees the store only as entries:
// the background sends what the store holds after every change the router reports, and writes
// what came from the room through src/sync/apply.ts.

interface EngineLink {
  push(entries: SharedEntries): void;
  timer(open: boolean): void;
  online(online: boolean): void;
  stop(): Promise<void>;
}

/** Chrome's offscreen API, where the browser has it (Firefox does not). */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}
const offscreenApi = (): OffscreenApi | undefined => (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let link: EngineLink | null = null;
let starting: Promise<void> | null = null;
let status: SyncStatus = offStatus();
/** Votes this browser made in the room's workshop this session: increments, re-sent until the doc has them (it ignores repeats). */
const ownVotes: VoteEvent[] = [];
const SHARED_TOPICS: readonly Topic[] = ['runs', 'live', 'captures', 'prompts'];

async function hasOffscreenDocument(api: OffscreenApi): Promise<boolean> {
  if (api.hasDocument) return api.hasDocument();
  const contexts = await (browser.runtime as unknown as { getContexts?: (f: object) => Promise<unknown[]> }).getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  return (contexts?.length ?? 0) > 0;
}

function sendToEngine(message: ToEngine): Promise<unknown> {
  return browser.runtime.sendMessage(message).catch(() => undefined);
}

async function openLink(): Promise<void> {
  const api = offscreenApi();
  if (api) {
    // The offscreen document asks for its configuration (sync/engine-config) once it has loaded.
    if (!(await hasOffscreenDocument(api))) {
      await api.createDocument({ url: OFFSCREEN_PAGE, reasons: ['WEB_RTC'], justification: 'Live sharing of a workshop with co-facilitators (WebRTC)' });
    }
    link = {
      push: (entries) => void sendToEngine({ to: 'offscreen', type: 'engine/push', entries }),
      timer: (open) => void sendToEngine({ to: 'offscreen', type: 'engine/timer', open }),
      online: (online) => void sendToEngine({ to: 'offscreen', type: 'engine/online', online }),
      stop: async () => {
        await sendToEngine({ to: 'offscreen', type: 'engine/stop' });
        await api.closeDocument().catch(() => undefined);
      },
    };
    return;
  }
  const config = await engineConfig();
  if (!config) return;
  const { startEngine } = await import('../sync/engine');
  const engine = startEngine(config, { remote: (workshopId, entries) => void receiveRemote(workshopId, entries), status: receiveStatus });
  link = {
    push: (entries) => engine.push(entries),
    timer: (open) => engine.setTimerOpen(open),
    online: (online) => engine.setOnline(online),
    stop: () => engine.stop(),
  };
}

async function ensureLink(): Promise<void> {
  if (link) return;
  starting ??= openLink().finally(() => {
    starting = null;
  });
  await starting;
  schedulePush();
}

/** What the engine needs: the configured signaller and ICE servers, the room, who this is. */
export async function engineConfig(): Promise<EngineConfig | null> {
  const [config, session, name] = await Promise.all([getSetting('liveSharing'), getSetting('liveSession'), getSetting('capturedBy')]);
  if (!config || !session) return null;
  const parsed = EngineConfig.safeParse({
    roomId: session.roomId,
    passphrase: session.passphrase,
    ...(session.workshopId ? { workshopId: session.workshopId } : {}),
    signalUrl: config.signalUrl,
    iceServers: config.iceServers,
    name: name.slice(0, 80),
    role: session.role,
  });
  return parsed.success ? parsed.data : null;
}

let pushTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePush(): void {
  if (pushTimer) return;
  pushTimer = setTimeout(() => {
    pushTimer = undefined;
    void pushNow().catch((error: unknown) => console.error('vuoro sync', error));
  }, 10);
}

/** The link the workshop record and script went to: the doc keeps the first copy, so they travel once per link. */
let workshopSentTo: EngineLink | null = null;

async function pushNow(): Promise<void> {
  const session = await getSetting('liveSession');
  const current = link;
  if (!current || !session?.workshopId) return;
  const entries = await localEntries(session.workshopId, ownVotes);
  if (!entries) return;
  if (workshopSentTo === current) delete entries.workshop;
  current.push(entries);
  workshopSentTo = current;
}

/** The router reports every change: those of the shared workshop go to the room. */
export function notifySync(stores: readonly Topic[], workshopId: string | undefined): void {
  if (!link || !workshopId || !stores.some((s) => SHARED_TOPICS.includes(s))) return;
  void getSetting('liveSession').then((session) => {
    if (session?.workshopId === workshopId) schedulePush();
  });
}

/** A vote made here in the shared workshop travels as an increment, so two people's votes both count. */
export async function recordVote(capture: { id: string; workshopId: string }, delta: 1 | -1): Promise<void> {
  const session = await getSetting('liveSession');
  if (!session || session.workshopId !== capture.workshopId) return;
  const vote: VoteEvent = { id: crypto.randomUUID(), captureId: capture.id, delta, at: Date.now() };
  await noteOwnVote(capture.workshopId, vote);
  ownVotes.push(vote);
  if (ownVotes.length > 5000) ownVotes.shift();
}

/** What came from the room, written to the store. The room's workshop is fixed once known: another one is refused. */
export async function receiveRemote(workshopId: string, entries: SharedEntries): Promise<Reply<null>> {
  const session = await getSetting('liveSession');
  if (!session) return fail('sync-off');
  if (session.workshopId && session.workshopId !== workshopId) return fail('sync-other-workshop');
  if (!session.workshopId) await setSetting('liveSession', { ...session, workshopId });
  const erased = erasedTest((await workshops.get(workshopId))?.erased, workshopId);
  const applied = await applyRemote(workshopId, sharedWithoutErased(entries, erased));
  await markShared(workshopId);
  const topics: Topic[] = [...applied.topics];
  if (applied.created) {
    // In the queue of choices, so a first-run default workshop under way cannot replace it.
    await choosingActive(() => setSetting('activeWorkshopId', workshopId));
    topics.push('settings');
  }
  if (applied.rejected) status = { ...status, rejected: status.rejected + applied.rejected };
  if (topics.length) changed([...topics, 'sync'], workshopId);
  return ok(null);
}

export function receiveStatus(next: SyncStatus): Reply<null> {
  const before = JSON.stringify({ ...status, lastSyncAt: 0 });
  status = next;
  if (JSON.stringify({ ...next, lastSyncAt: 0 }) !== before) changed(['sync']);
  return ok(null);
}

export async function syncState(): Promise<SyncState> {
  const [config, session] = await Promise.all([getSetting('liveSharing'), getSetting('liveSession')]);
  return { config, session, status: session ? status : offStatus() };
}

async function startSession(session: LiveSession): Promise<Reply<SyncState>> {
  if (!(await getSetting('liveSharing'))) return fail('sync-not-configured');
  await stopSession();
  await setSetting('liveSession', session);
  status = { ...offStatus(), state: 'connecting' };
  await ensureLink();
  return ok(await syncState());
}

export async function shareWorkshop(workshopId: string): Promise<Reply<SyncState>> {
  const started = await startSession({ ...newRoom(), role: 'facilitator', workshopId, startedAt: Date.now() });
  if (started.ok) await markShared(workshopId);
  return started;
}

/** Once per workshop: it has been shared, so others may hold a copy (the Data view says so before an erase). */
async function markShared(workshopId: string): Promise<void> {
  const workshop = await workshops.get(workshopId);
  if (!workshop || workshop.sharedAt !== undefined) return;
  if ((await updateWorkshop(workshopId, { sharedAt: Date.now() }, workshop.updatedAt)).ok) changed(['workshops'], workshopId);
}

export function joinRoom(invitation: string): Promise<Reply<SyncState>> {
  const room = parseInvitation(invitation);
  if (!room) return Promise.resolve(fail('sync-invitation-invalid'));
  return startSession({ ...room, role: 'note-taker', startedAt: Date.now() });
}

export async function stopSession(): Promise<void> {
  const stopping = link;
  link = null;
  ownVotes.length = 0;
  await setSetting('liveSession', null);
  status = offStatus();
  await stopping?.stop();
  // A background restarted while a room was open has no link, but Chrome's offscreen document may still run.
  const api = offscreenApi();
  if (!stopping && api && (await hasOffscreenDocument(api))) {
    await sendToEngine({ to: 'offscreen', type: 'engine/stop' });
    await api.closeDocument().catch(() => undefined);
  }
}

export async function setTimerOpen(open: boolean): Promise<Reply<null>> {
  const session = await getSetting('liveSession');
  if (session?.role !== 'facilitator' || !link) return fail('sync-not-facilitator');
  link.timer(open);
  status = { ...status, timerOpen: open };
  return ok(null);
}

/** Takes this browser off the room for a while, or back: work goes on locally and merges on return. */
export async function setOnline(online: boolean): Promise<Reply<null>> {
  if (!link) return fail('sync-off');
  link.online(online);
  status = { ...status, state: online ? 'connecting' : 'paused', peers: online ? status.peers : [], synced: false };
  if (online) schedulePush();
  return ok(null);
}

/** Turning sharing off (no signaller) leaves the room. */
export async function configure(config: SyncState['config']): Promise<Reply<null>> {
  if (!config) await stopSession();
  await setSetting('liveSharing', config);
  return ok(null);
}

/** On every start of the background: a room that was open is joined again (the offscreen document may still be there). */
export async function resumeSync(): Promise<void> {
  if (await getSetting('liveSession')) await ensureLink();
}

syncHooks.recordVote = recordVote;
syncHooks.leave = async (workshopId) => {
  if (workshopId === undefined || (await getSetting('liveSession'))?.workshopId === workshopId) await stopSession();
};
