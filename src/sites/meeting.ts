// The observation engine shared by the meeting adapters (Zoom, Teams, Meet). A site supplies a
// MeetingReader: pure functions from the client's document to readings. The engine decides when
// to read:
// - one cheap root observer (childList only) per document just to (re)discover containers;
// - narrow observers on the few containers a reader names, with an attributeFilter;
// - the active speaker sampled every 150 ms while someone speaks (and just after), every 600 ms while
//   nobody has spoken for a while: a quiet call costs the page a quarter of the reads.
// Every capability is judged on its own, so a missing signal never stops the others.
import { ChatLog, type ChatReading } from './chat';
import type {
  AdapterContext,
  Capability,
  CapabilityStatus,
  HandRaise,
  ObservationStats,
  Participant,
  SiteAdapter,
  SiteId,
} from './types';

export interface Reading<T> {
  status: CapabilityStatus;
  value: T;
}

export type MeetingPart = 'participants' | 'hands' | 'chat';

/** A container to observe closely, and which parts to re-read when it changes. */
export interface WatchTarget {
  el: Element;
  parts: MeetingPart[];
  attributes: string[];
}

export interface MeetingReader {
  id: SiteId;
  /** A same-origin frame the client renders into, if any (Zoom's #webclient). */
  frame?(doc: Document): HTMLIFrameElement | null;
  inCall(client: Document): boolean;
  targets(client: Document): WatchTarget[];
  participants(client: Document, lang: string): Reading<Participant[]>;
  hands(client: Document, lang: string): Reading<HandRaise[]>;
  chat(client: Document, lang: string): Reading<ChatReading[]>;
  /**
   * Who speaks now, by participant key. `own` says whether the reading covers your own speech too
   * (your tile's ring or audio level); without it your own key is dropped, since the client shows
   * nothing reliable for you, and the panel offers its "I am talking" key instead.
   */
  speaking(client: Document, lang: string): Reading<string[]> & { own?: CapabilityStatus };
}

export const SPEAKER_SAMPLE_MS = 150;
/** The sampling interval while nobody has been heard for SPEAKER_QUIET_REPEAT_MS (a speech start is seen within this). */
export const SPEAKER_IDLE_SAMPLE_MS = 600;
/**
 * A change is sent at once; while someone speaks, and for a while after, the sample is repeated every
 * this many ticks. The panel's smoothing (turns/speaking) counts speech from repeated samples and ends
 * a turn only on a sample past its 700 ms hold, so sending changes alone would never count a turn.
 */
export const SPEAKER_REPEAT_TICKS = 3;
/** How long after the last speech the quiet sample is still repeated, to close the turn. */
export const SPEAKER_QUIET_REPEAT_MS = 1500;
export const RESCAN_MS = 5000;
/**
 * Mutation batches are read at once while they are rare, and coalesced when the page floods:
 * people and hands at most once a frame (a burst of BATCH_BURST first), chat, whose reading walks
 * the whole chat list, at most every CHAT_READ_MS. A page that re-renders thousands of times a
 * second costs a bounded amount of reading (issue 14).
 */
export const BATCH_MIN_MS = 16;
export const BATCH_BURST = 8;
export const CHAT_READ_MS = 200;
const CHAT_BURST = 3;

/** Runs `run` now while tokens last, else once when the next token is due, with all parts asked meanwhile. */
function throttled(minMs: number, burst: number, run: (parts: MeetingPart[]) => void) {
  const pending = new Set<MeetingPart>();
  let tokens = burst;
  let at = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    const parts = [...pending];
    pending.clear();
    run(parts);
  };
  return {
    ask(parts: MeetingPart[]): void {
      for (const p of parts) pending.add(p);
      if (timer !== undefined) return;
      const now = performance.now();
      tokens = Math.min(burst, tokens + (now - at) / minMs);
      at = now;
      if (tokens >= 1) {
        tokens--;
        return fire();
      }
      timer = setTimeout(() => {
        timer = undefined;
        tokens = 0;
        at = performance.now();
        fire();
      }, minMs * (1 - tokens));
    },
    stop: () => clearTimeout(timer),
  };
}
const DISCOVER_DEBOUNCE_MS = 250;
/** In a call this long with the speaking hooks present but never a speaker: report it. */
export const NO_SIGNAL_MS = 20_000;

const NOT_IN_CALL: CapabilityStatus = { state: 'needs-user', hint: 'join-meeting' };
const NO_OWN_SIGNAL: CapabilityStatus = { state: 'unsupported', reason: 'no-own-signal' };

function initialCapabilities(): Record<Capability, CapabilityStatus> {
  return {
    participants: NOT_IN_CALL,
    activeSpeaker: NOT_IN_CALL,
    ownSpeech: NOT_IN_CALL,
    raisedHands: NOT_IN_CALL,
    chat: NOT_IN_CALL,
    selection: { state: 'unsupported', reason: 'not-a-whiteboard' },
  };
}

function emptyStats(): ObservationStats {
  return { batches: 0, batchMs: 0, maxBatchMs: 0, samples: 0, sampleMs: 0, discoveries: 0, discoveryMs: 0, observers: 0 };
}

export function createMeetingAdapter(reader: MeetingReader): SiteAdapter {
  let caps = initialCapabilities();
  const stats = emptyStats();
  let observerCount = (): number => 0;

  return {
    id: reader.id,
    kind: 'meeting',
    capabilities: () => ({ ...caps }),
    stats: () => ({ ...stats, observers: observerCount() }),
    start(ctx: AdapterContext) {
      const rootObservers = new Map<Document, MutationObserver>();
      let narrow: { target: WatchTarget; observer: MutationObserver }[] = [];
      let client = ctx.doc;
      let inCall = false;
      let callSince = 0;
      let everSpoke = false;
      let lastParticipants = '';
      let lastHands = '';
      let lastSpeaking = '';
      let ticksSinceSpeaking = 0;
      let lastHeardAt = -Infinity;
      let lastCaps = '';
      let selfKeys = new Set<string>();
      const handFirstSeen = new Map<string, number>();
      const chatLog = new ChatLog();
      let frame: HTMLIFrameElement | null = null;
      let sampleTimer: ReturnType<typeof setTimeout> | undefined;
      let samplingSince = 0;
      let discoverTimer: ReturnType<typeof setTimeout> | undefined;
      const rescanTimer = setInterval(discover, RESCAN_MS);
      const peopleReads = throttled(BATCH_MIN_MS, BATCH_BURST, batch);
      const chatReads = throttled(CHAT_READ_MS, CHAT_BURST, batch);
      observerCount = () => rootObservers.size + narrow.length;

      const lang = (): string => client.documentElement.lang || ctx.lang;

      function setCap(cap: Capability, status: CapabilityStatus): void {
        caps = { ...caps, [cap]: status };
      }

      function publishCapabilities(): void {
        const json = JSON.stringify(caps);
        if (json === lastCaps) return;
        lastCaps = json;
        ctx.emit({ type: 'capabilities', capabilities: { ...caps } });
      }

      function scheduleDiscover(): void {
        discoverTimer ??= setTimeout(() => {
          discoverTimer = undefined;
          discover();
        }, DISCOVER_DEBOUNCE_MS);
      }

      function watchRoot(doc: Document): void {
        if (rootObservers.has(doc)) return;
        const observer = new MutationObserver(scheduleDiscover);
        observer.observe(doc, { childList: true, subtree: true });
        rootObservers.set(doc, observer);
      }

      function resolveClient(): Document {
        const found = reader.frame?.(ctx.doc) ?? null;
        if (found !== frame) {
          frame?.removeEventListener('load', scheduleDiscover);
          found?.addEventListener('load', scheduleDiscover);
          frame = found;
        }
        try {
          return frame?.contentDocument ?? ctx.doc;
        } catch {
          return ctx.doc; // cross-origin frame: nothing to read
        }
      }

      function sameTargets(next: WatchTarget[]): boolean {
        return next.length === narrow.length && next.every((t, i) => narrow[i]?.target.el === t.el);
      }

      function discover(): void {
        const t0 = performance.now();
        client = resolveClient();
        watchRoot(ctx.doc);
        watchRoot(client);
        for (const [doc, observer] of rootObservers) {
          if (doc !== ctx.doc && doc !== client) {
            observer.disconnect();
            rootObservers.delete(doc);
          }
        }
        const wasInCall = inCall;
        inCall = reader.inCall(client);
        if (inCall && !wasInCall) callSince = ctx.now();
        const targets = inCall ? reader.targets(client) : [];
        if (!sameTargets(targets)) {
          for (const n of narrow) n.observer.disconnect();
          narrow = targets.map((target) => {
            const people = target.parts.filter((p) => p !== 'chat');
            const observer = new MutationObserver(() => {
              if (people.length) peopleReads.ask(people);
              if (target.parts.includes('chat')) chatReads.ask(['chat']);
            });
            observer.observe(target.el, {
              childList: true,
              subtree: true,
              characterData: true,
              ...(target.attributes.length ? { attributes: true, attributeFilter: target.attributes } : {}),
            });
            return { target, observer };
          });
        }
        if (inCall) {
          read(['participants', 'hands', 'chat']);
          if (sampleTimer === undefined) {
            samplingSince = ctx.now();
            sampleLoop();
          } else sample();
        } else {
          if (sampleTimer !== undefined) clearTimeout(sampleTimer);
          sampleTimer = undefined;
          if (lastSpeaking !== '' && lastSpeaking !== '[]') emitSpeaking([]);
          for (const cap of ['participants', 'activeSpeaker', 'ownSpeech', 'raisedHands', 'chat'] as const) setCap(cap, NOT_IN_CALL);
        }
        publishCapabilities();
        stats.discoveries++;
        stats.discoveryMs += performance.now() - t0;
      }

      function batch(parts: MeetingPart[]): void {
        const t0 = performance.now();
        read(parts);
        publishCapabilities();
        const ms = performance.now() - t0;
        stats.batches++;
        stats.batchMs += ms;
        stats.maxBatchMs = Math.max(stats.maxBatchMs, ms);
      }

      function read(parts: MeetingPart[]): void {
        const l = lang();
        if (parts.includes('participants')) {
          const r = reader.participants(client, l);
          setCap('participants', r.status);
          selfKeys = new Set(r.value.filter((p) => p.self).map((p) => p.key));
          const json = JSON.stringify(r.value);
          if (json !== lastParticipants) {
            lastParticipants = json;
            ctx.emit({ type: 'participants', participants: r.value });
          }
        }
        if (parts.includes('hands')) {
          const r = reader.hands(client, l);
          setCap('raisedHands', r.status);
          const hands = orderHands(r.value);
          const json = JSON.stringify(hands);
          if (json !== lastHands) {
            lastHands = json;
            ctx.emit({ type: 'hands', hands });
          }
        }
        if (parts.includes('chat')) {
          const r = reader.chat(client, l);
          setCap('chat', r.status);
          const messages = chatLog.take(r.value);
          if (messages.length) ctx.emit({ type: 'chat', messages });
        }
      }

      /** Client queue order first; otherwise the order in which we first saw each hand go up. */
      function orderHands(hands: HandRaise[]): HandRaise[] {
        const now = ctx.now();
        const up = new Set(hands.map((h) => h.key));
        for (const key of handFirstSeen.keys()) if (!up.has(key)) handFirstSeen.delete(key);
        hands.forEach((h, i) => {
          if (!handFirstSeen.has(h.key)) handFirstSeen.set(h.key, now + i / 1000);
        });
        return [...hands].sort(
          (a, b) =>
            (a.order ?? Infinity) - (b.order ?? Infinity) ||
            (handFirstSeen.get(a.key) ?? 0) - (handFirstSeen.get(b.key) ?? 0),
        );
      }

      /** Samples now, then again soon while someone speaks or just spoke (or sampling just began), else later. */
      function sampleLoop(): void {
        sample();
        const lastActivity = Math.max(lastHeardAt, samplingSince);
        const delay = ctx.now() - lastActivity > SPEAKER_QUIET_REPEAT_MS ? SPEAKER_IDLE_SAMPLE_MS : SPEAKER_SAMPLE_MS;
        sampleTimer = setTimeout(sampleLoop, delay);
      }

      function sample(): void {
        const t0 = performance.now();
        const r = reader.speaking(client, lang());
        // Your own speech counts only where the client shows it (Zoom's frame, Meet's audio level);
        // Teams draws no ring on your own tile, so there a missing ring would read as silence.
        const own = r.own ?? NO_OWN_SIGNAL;
        setCap('ownSpeech', own);
        const keys = own.state === 'ok' ? r.value : r.value.filter((k) => !selfKeys.has(k));
        if (keys.length) everSpoke = true;
        const quiet = r.status.state === 'ok' && !everSpoke && ctx.now() - callSince > NO_SIGNAL_MS;
        setCap('activeSpeaker', quiet ? { state: 'degraded', reason: 'no-signal-yet' } : r.status);
        ticksSinceSpeaking++;
        if (keys.length) lastHeardAt = ctx.now();
        const repeat = ticksSinceSpeaking >= SPEAKER_REPEAT_TICKS && ctx.now() - lastHeardAt <= SPEAKER_QUIET_REPEAT_MS;
        if (JSON.stringify(keys) !== lastSpeaking || repeat) emitSpeaking(keys);
        publishCapabilities();
        stats.samples++;
        stats.sampleMs += performance.now() - t0;
      }

      function emitSpeaking(keys: string[]): void {
        lastSpeaking = JSON.stringify(keys);
        ticksSinceSpeaking = 0;
        ctx.emit({ type: 'speaking', at: ctx.now(), keys });
      }

      discover();

      return () => {
        clearInterval(rescanTimer);
        peopleReads.stop();
        chatReads.stop();
        if (sampleTimer !== undefined) clearTimeout(sampleTimer);
        if (discoverTimer !== undefined) clearTimeout(discoverTimer);
        frame?.removeEventListener('load', scheduleDiscover);
        for (const observer of rootObservers.values()) observer.disconnect();
        for (const n of narrow) n.observer.disconnect();
        rootObservers.clear();
        narrow = [];
      };
    },
  };
}
