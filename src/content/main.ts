import { ask, listen } from '../messages/bus';
import type { Reply } from '../messages/reply';
import type { SiteToPanel } from '../messages/site';
import { ToContent, type ToContent as ToContentMessage } from '../messages/toContent';
import type { SiteId } from '../sites/hosts';
import type { AdapterEvent, ChatMessage, SiteAdapter } from '../sites/types';
import { createSignalGate, type GateOutput } from './signalGate';
import { createPanelHost, type PanelHost } from './panelHost';
import { defaultPlacement, LATE_CONTROL_LOOKS_MS, startPlacement, type Rect } from './placement';
import { everyWhileShown } from './whileShown';

// The content script: places the panel frame and, through the site adapter, reads what the page
// shows (participants, speaker, hands, chat, board selections). It holds no workshop data.

declare global {
  // Set in the content script's isolated world, so a second injection (static + enabled) is a no-op.
  var __vuoroContent: boolean | undefined;
}

function controlRects(controls: readonly string[]): Rect[] {
  const selectors = controls.join(',');
  if (!selectors) return [];
  const rects: Rect[] = [];
  const collect = (doc: Document, offset: { left: number; top: number }) => {
    for (const el of doc.querySelectorAll(selectors)) {
      const r = el.getBoundingClientRect();
      rects.push({ left: r.left + offset.left, top: r.top + offset.top, width: r.width, height: r.height });
    }
  };
  collect(document, { left: 0, top: 0 });
  for (const frame of document.querySelectorAll('iframe')) {
    try {
      const doc = frame.contentDocument; // same-origin frames only (Zoom's #webclient)
      if (doc) collect(doc, frame.getBoundingClientRect());
    } catch {
      // cross-origin frame: nothing to read
    }
  }
  return rects;
}

/**
 * A page that draws its controls after Vuoro placed the panel (tldraw renders its style panel once
 * its UI has loaded) had them covered: the default place is worked out again as they come, until
 * the user moves, docks or resizes the panel or is at it (the pointer on it, a click or a key in
 * it), or a few seconds have passed.
 */
function keepClearOfLateControls(controls: readonly string[], panel: PanelHost, leaveAlone: () => boolean): void {
  if (!controls.length) return;
  const signature = () => JSON.stringify(controlRects(controls).map((r) => [r.left, r.top, r.width, r.height].map(Math.round)));
  let seen = signature();
  const timers = LATE_CONTROL_LOOKS_MS.map((ms) =>
    setTimeout(() => {
      if (leaveAlone()) return timers.forEach(clearTimeout);
      const now = signature();
      if (now === seen) return;
      seen = now;
      const { hidden, collapsed } = panel.placement;
      panel.place({ ...defaultPlacement({ width: innerWidth, height: innerHeight }, controlRects(controls)), hidden, collapsed });
    }, ms),
  );
}

/** To the panel of this tab, through the background (which knows the panel's port). */
function toPanel(signal: SiteToPanel): void {
  void ask('site/signal', { signal });
}

/**
 * Starts Vuoro on this page (injected by the background once the page has loaded: src/background/sites.ts).
 * `controls` are the site's own controls the panel keeps clear of
 * (the site's row in src/sites/hosts.ts, inlined per site by the build).
 */
export async function startContent(site: SiteId, createAdapter: () => SiteAdapter, controls: readonly string[]): Promise<void> {
  if (globalThis.__vuoroContent || window.top !== window) return;
  globalThis.__vuoroContent = true;
  // Injected once the page has loaded; its own first work after load goes first. The hello to the
  // background costs the page nothing, so it is on its way meanwhile rather than after.
  const siteKey = site === 'generic' ? location.origin : site;
  const helloSent = ask('content/hello', { siteKey });
  await new Promise<void>((done) => ('requestIdleCallback' in window ? requestIdleCallback(() => done(), { timeout: 1000 }) : setTimeout(done, 0)));
  const hello = await helloSent;
  if (!hello.ok) {
    globalThis.__vuoroContent = false; // without the background there is nothing to show; the next injection retries
    return;
  }
  // The place and size the user set on an earlier visit stand; else Vuoro's default for this window
  // (collapsed or hidden as the user left it), which may be placed again below.
  const start = startPlacement(hello.value.placement, { width: innerWidth, height: innerHeight }, controlRects(controls));
  const initial = start.placement;
  let userPlaced = start.userPlaced;

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const panel: PanelHost = createPanelHost({
    site,
    token: hello.value.panelToken,
    initial,
    labels: hello.value.labels,
    lang: hello.value.lang,
    // Any change of the user's on this page, a collapse too, and Vuoro no longer moves the panel
    // on this visit (a collapse saves Vuoro's place, which the next visit works out again).
    onChange: () => {
      userPlaced = true;
    },
    save: (placement) => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void ask('placement/set', { siteKey, placement }), 250);
    },
  });

  // The user's place stands, and so does Vuoro's once the user is at the panel (the panel says so:
  // 'panel/in-use'): a panel that moved and shrank under the pointer took the next click elsewhere.
  let userAtPanel = false;
  if (!userPlaced) keepClearOfLateControls(controls, panel, () => userPlaced || userAtPanel);

  // An overlay the page puts over the panel (invisible or not) is looked for twice a second while
  // the tab is shown, and at once when it is shown again; the panel then says so and takes no
  // input until it is gone (src/ui/panel/Panel.tsx).
  let covered = false;
  const reportCovered = () => toPanel({ to: 'panel', type: 'panel/covered', covered });
  everyWhileShown(
    document,
    () => {
      const now = panel.covered();
      if (now === covered) return;
      covered = now;
      reportCovered();
    },
    500,
  );

  // The page is read from when the panel first asks for its signals: until the panel has connected,
  // the background has nobody to pass them to, so reading earlier only made the page pay for signals
  // that were dropped (and sent again on the panel's ask). A selection read starts it too.
  let signals: ReturnType<typeof startSignals> | undefined;
  const reading = () => (signals ??= startSignals(createAdapter()));

  listen<ToContentMessage>('content', ToContent, (message): Reply<unknown> | Promise<Reply<unknown>> | undefined => {
    switch (message.type) {
      case 'site/resend':
        if (signals) signals.resend();
        else reading(); // the first scan sends everything
        if (covered) reportCovered();
        return { ok: true, value: null };
      case 'site/read-selection':
        return reading().readSelection().then((items): Reply<unknown> => ({ ok: true, value: { items } }));
      case 'panel/in-use':
        userAtPanel = true;
        return { ok: true, value: null };
      case 'panel/labels':
        if (message.labels) panel.setLabels(message.labels);
        return { ok: true, value: null };
      case 'panel/toggle':
        panel.toggle();
        return { ok: true, value: panel.placement };
      case 'panel/set':
        panel.set({
          ...(message.collapsed !== undefined ? { collapsed: message.collapsed } : {}),
          ...(message.dock !== undefined ? { dock: message.dock } : {}),
          ...(message.hidden !== undefined ? { hidden: message.hidden } : {}),
        });
        return { ok: true, value: panel.placement };
      case 'talking/toggle':
        toPanel({ to: 'panel', type: 'talking/toggle' });
        return { ok: true, value: null };
      case 'capture/quick': {
        panel.set({ hidden: false, collapsed: false });
        panel.focus();
        const selectionText = (message.selectionText ?? window.getSelection()?.toString() ?? '').trim().slice(0, 10_000);
        toPanel({ to: 'panel', type: 'capture/open-quick', ...(selectionText ? { selectionText } : {}) });
        return { ok: true, value: null };
      }
      default:
        return undefined;
    }
  });
}

/**
 * Runs the site adapter and forwards what it reads to the panel of this tab. The latest state of
 * each signal is kept so a panel that (re)loads later can ask for it again.
 */
/** As many chat lines as the panel lists (useSite's CHAT_KEEP). */
const RECENT_CHAT = 200;

function startSignals(adapter: SiteAdapter) {
  const latest = new Map<string, GateOutput>();
  // Chat read before the panel was there to hear it (lines already on the page when the adapter
  // started, or sent while the panel reloaded): kept so a panel that asks again lists them too.
  let recentChat: ChatMessage[] = [];
  const send = (event: GateOutput) => {
    switch (event.type) {
      case 'capabilities':
        return toPanel({ to: 'panel', type: 'site/status', site: adapter.id, kind: adapter.kind, capabilities: event.capabilities });
      case 'participants':
        return toPanel({ to: 'panel', type: 'site/participants', participants: event.participants });
      case 'speaking':
        return toPanel({ to: 'panel', type: 'site/speaking', at: event.at, keys: event.keys });
      case 'hands':
        return toPanel({ to: 'panel', type: 'site/hands', hands: event.hands });
      case 'chat':
        return toPanel({ to: 'panel', type: 'site/chat', messages: event.messages });
      case 'limits':
        return toPanel({ to: 'panel', type: 'site/limits', limits: event.limits });
    }
  };
  // Between the adapter and the background: coalesced, rate-limited, bounded (./signalGate.ts).
  const gate = createSignalGate(
    (event) => {
      if (event.type === 'chat') recentChat = [...recentChat, ...event.messages].slice(-RECENT_CHAT);
      else if (event.type !== 'speaking') latest.set(event.type, event);
      send(event);
    },
    { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) },
  );
  const emit = (event: AdapterEvent) => gate.offer(event);
  try {
    adapter.start({ doc: document, emit, now: () => Date.now(), lang: document.documentElement.lang || navigator.language });
  } catch (error) {
    console.warn('vuoro: the site adapter failed; manual mode only', error);
  }
  return {
    resend() {
      send({ type: 'capabilities', capabilities: adapter.capabilities() });
      for (const [type, event] of latest) if (type !== 'capabilities') send(event);
      if (recentChat.length) send({ type: 'chat', messages: recentChat });
    },
    async readSelection() {
      return (await adapter.readSelection?.()) ?? null;
    },
  };
}
