import { listen, request, type Reply } from '../messages/bus';
import { ToContent, type Placement, type ToContent as ToContentMessage } from '../messages/site';
import { SITE_CONTROLS, type SiteId } from '../sites/hosts';
import type { FrameLabels } from './labels';
import { createPanelHost, type PanelHost } from './panelHost';
import { defaultPlacement, type Rect } from './placement';

// The content script: places the panel frame and, through the site adapter, reads what the page
// shows (participants, speaker, hands, chat, board selections). It holds no workshop data.

declare global {
  // Set in the content script's isolated world, so a second injection (static + enabled) is a no-op.
  var __vuoroContent: boolean | undefined;
}

function controlRects(site: SiteId): Rect[] {
  const selectors = SITE_CONTROLS[site].join(',');
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

interface Hello {
  placement: Placement | null;
  labels: FrameLabels;
}

export async function startContent(site: SiteId): Promise<void> {
  if (globalThis.__vuoroContent || window.top !== window) return;
  globalThis.__vuoroContent = true;

  const siteKey = site === 'generic' ? location.origin : site;
  const hello = await request<Hello>({ to: 'background', type: 'content/hello', siteKey } as never);
  if (!hello.ok) return; // without the background there is nothing to show; the next load retries
  const initial = hello.value.placement ?? defaultPlacement({ width: innerWidth, height: innerHeight }, controlRects(site));

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const panel: PanelHost = createPanelHost({
    site,
    initial,
    labels: hello.value.labels,
    save: (placement) => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void request({ to: 'background', type: 'placement/set', siteKey, placement } as never), 250);
    },
  });

  listen<ToContentMessage>('content', ToContent, (message): Reply<unknown> | undefined => {
    switch (message.type) {
      case 'panel/toggle':
        panel.toggle();
        return { ok: true, value: panel.placement };
      case 'panel/set':
        panel.set(message);
        return { ok: true, value: panel.placement };
      case 'capture/quick':
        panel.set({ hidden: false, collapsed: false });
        panel.focus();
        return { ok: true, value: null };
      default:
        return undefined;
    }
  });
}
