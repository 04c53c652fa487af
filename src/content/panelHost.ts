import browser from 'webextension-polyfill';
import type { Placement } from '../messages/site';
import { distorted } from './distorted';
import type { FrameLabels } from './labels';
import { dropPlacement, gripSide, HEADER_HEIGHT, panelRect, resizePlacement, type Viewport } from './placement';

// The panel's frame in the host page: a closed shadow root holding a small header (grip, dock and
// collapse buttons: static labels only) and an extension-origin iframe with all workshop content.
// The page can neither reach into the closed root nor read the cross-origin iframe. The grip has a
// strip of its own below the iframe: nothing may lie over that frame, or the browser's visibility
// tracking (IntersectionObserver v2, src/ui/panel/visibility.ts) calls it covered.
// The header draws no text: its wordmark and button icons are SVG strokes, so the page never has to
// find, load and shape a font for it (a first use of system-ui and of fallback fonts for arrow
// glyphs cost the page's main thread several milliseconds of layout, in sync calls to the browser).

const STYLE = `
:host { all: initial; }
.frame { position: fixed; z-index: 2147483646; display: flex; flex-direction: column; box-sizing: border-box;
  border-radius: 10px; overflow: hidden; box-shadow: 0 6px 24px rgba(0,0,0,.28); background: #fff; }
.frame[hidden] { visibility: hidden; }
.bar { display: flex; align-items: center; gap: 2px; height: ${HEADER_HEIGHT}px; padding: 0 4px 0 8px; background: #20304a; color: #fff;
  cursor: grab; user-select: none; touch-action: none; flex: none; }
.bar:focus-visible, button:focus-visible { outline: 3px solid #ffbf47; outline-offset: -3px; }
.title { flex: 1; }
svg { display: block; width: 16px; height: 16px; fill: none; stroke: #fff; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
.title svg { width: 40px; }
button { all: unset; box-sizing: border-box; width: 26px; height: 26px; border-radius: 6px; display: grid; place-items: center; cursor: pointer; }
button:hover { background: rgba(255,255,255,.16); }
button[aria-pressed="true"] { background: rgba(255,255,255,.28); }
iframe { border: 0; flex: 1; width: 100%; min-height: 0; margin-bottom: 12px; background: #fff; color-scheme: light dark; }
.collapsed iframe, .collapsed .grip { display: none; }
.dragging iframe { pointer-events: none; }
.grip { position: absolute; bottom: 0; width: 16px; height: 12px; cursor: nesw-resize; touch-action: none; outline: none;
  background: linear-gradient(135deg, transparent 50%, #20304a 50%, #20304a 60%, transparent 60%, transparent 70%, #20304a 70%, #20304a 80%, transparent 80%); }
.grip.right { right: 0; cursor: nwse-resize; }
.grip.left { left: 0; transform: scaleX(-1); }
.grip:focus-visible { outline: 3px solid #ffbf47; outline-offset: -3px; }
@media (prefers-color-scheme: dark) { .frame { background: #1c1f26; } iframe { background: #1c1f26; } }
`;

// Icons on a 16-unit grid; the wordmark "Vuoro" on 40 × 16.
const ICON = {
  dockLeft: 'M2.5 3v10M14 8H6M9 5 6 8l3 3',
  dockRight: 'M13.5 3v10M2 8h8M7 5l3 3-3 3',
  collapse: 'M3.5 8h9',
  expand: 'M3.5 3.5h9v9h-9z',
  hide: 'M4 4l8 8M12 4l-8 8',
  wordmark: 'M1 3l3.5 10L8 3M10.5 6.5v3.5a2.5 2.5 0 0 0 5 0V6.5V13M17.5 10a3 3 0 1 0 6 0a3 3 0 1 0-6 0M26 6.5V13M26 9.5a3 3 0 0 1 3-3M30.5 10a3 3 0 1 0 6 0a3 3 0 1 0-6 0',
};

function icon(d: string, width = 16): SVGSVGElement {
  const svg = (tag: string) => document.createElementNS('http://www.w3.org/2000/svg', tag);
  const root = svg('svg') as SVGSVGElement;
  root.setAttribute('viewBox', `0 0 ${width} 16`);
  root.setAttribute('aria-hidden', 'true');
  const path = svg('path');
  path.setAttribute('d', d);
  root.append(path);
  return root;
}

export interface PanelHost {
  /** Whether something of the page covers the panel's content, or the page distorts the panel, right now. */
  covered(): boolean;
  toggle(): void;
  set(change: Partial<Pick<Placement, 'collapsed' | 'dock' | 'hidden'>>): void;
  /** Moves the panel to a default place of Vuoro's choosing: not saved, and not a choice of the user's. */
  place(p: Placement): void;
  /** New header labels (the user switched the language). */
  setLabels(labels: FrameLabels): void;
  focus(): void;
  readonly placement: Placement;
  destroy(): void;
}

export interface PanelHostOptions {
  site: string;
  /** The background's one-time token for this tab's panel, handed to the frame in its URL. */
  token: string;
  initial: Placement;
  labels: FrameLabels;
  /** The user's language, so the panel draws at once without asking for it first. */
  lang: string;
  save: (p: Placement) => void;
  onChange?: (p: Placement) => void;
}

export function createPanelHost(opts: PanelHostOptions): PanelHost {
  let labels = opts.labels;
  const t = (key: keyof FrameLabels) => labels[key];
  const host = document.createElement('vuoro-root');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;

  const frame = document.createElement('div');
  frame.className = 'frame';
  frame.setAttribute('role', 'complementary');

  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.tabIndex = 0;
  bar.setAttribute('role', 'toolbar');
  const title = document.createElement('span');
  title.className = 'title';
  title.append(icon(ICON.wordmark, 40));

  const button = (path: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.append(icon(path));
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick();
    });
    b.addEventListener('pointerdown', (e) => e.stopPropagation());
    return b;
  };
  const dockLeft = button(ICON.dockLeft, () => update({ dock: 'left', chosen: true }));
  const dockRight = button(ICON.dockRight, () => update({ dock: 'right', chosen: true }));
  const collapse = button(ICON.collapse, () => update({ collapsed: !placement.collapsed }));
  const hide = button(ICON.hide, () => update({ hidden: true }));
  bar.append(title, dockLeft, dockRight, collapse, hide);

  const iframe = document.createElement('iframe');
  // The token rides in the fragment of a frame inside the closed root: the page cannot find the
  // frame to read it, and the panel spends it on connecting (a copy is worth nothing afterwards).
  iframe.src = browser.runtime.getURL(
    `src/ui/panel/panel.html#site=${encodeURIComponent(opts.site)}&lang=${encodeURIComponent(opts.lang)}&t=${encodeURIComponent(opts.token)}`,
  );
  iframe.setAttribute('allow', 'clipboard-write');

  // The resize grip sits in the bottom corner facing the page; arrow keys resize it too.
  const grip = document.createElement('div');
  grip.tabIndex = 0;
  grip.setAttribute('role', 'button');

  frame.append(bar, iframe, grip);
  root.append(style, frame);
  document.documentElement.append(host);

  const viewport = (): Viewport => ({ width: window.innerWidth, height: window.innerHeight });
  // What the user chose; a window resize changes only how it is shown (panelRect), never this.
  let placement = opts.initial;

  const label = (el: HTMLElement, text: string) => {
    el.setAttribute('aria-label', text);
    el.title = text;
  };
  function applyLabels() {
    frame.setAttribute('aria-label', t('panelRegion'));
    bar.setAttribute('aria-label', t('panelMoveHint'));
    iframe.title = t('panelFrameTitle');
    label(dockLeft, t('panelDockLeft'));
    label(dockRight, t('panelDockRight'));
    label(hide, t('panelHide'));
    label(grip, t('panelResize'));
    label(collapse, placement.collapsed ? t('panelExpand') : t('panelCollapse'));
  }

  function render() {
    const r = panelRect(placement, viewport());
    frame.hidden = placement.hidden;
    frame.classList.toggle('collapsed', placement.collapsed);
    Object.assign(frame.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    dockLeft.setAttribute('aria-pressed', String(placement.dock === 'left'));
    dockRight.setAttribute('aria-pressed', String(placement.dock === 'right'));
    label(collapse, placement.collapsed ? t('panelExpand') : t('panelCollapse'));
    collapse.firstElementChild!.firstElementChild!.setAttribute('d', placement.collapsed ? ICON.expand : ICON.collapse);
    grip.className = `grip ${gripSide(placement)}`;
  }

  function update(change: Partial<Placement>, persist = true) {
    placement = { ...placement, ...change };
    render();
    opts.onChange?.(placement);
    if (persist) opts.save(placement);
  }

  // Dragging by the header; pointer capture keeps the drag when the pointer outruns the frame.
  // A press that lets go where it started (a click on the header, a tap) moves nothing and saves
  // nothing: Vuoro's default place stays Vuoro's, to be worked out again on the next visit.
  // Returns whether it let go where it started, having put back the place it had then.
  const putBackIfUnmoved = (started: { x: number; y: number; from: Placement }, e: PointerEvent) => {
    if (Math.abs(e.clientX - started.x) > 3 || Math.abs(e.clientY - started.y) > 3) return false;
    placement = started.from;
    render();
    return true;
  };
  let drag: { dx: number; dy: number; id: number; x: number; y: number; from: Placement } | undefined;
  bar.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const r = frame.getBoundingClientRect();
    drag = { dx: e.clientX - r.left, dy: e.clientY - r.top, id: e.pointerId, x: e.clientX, y: e.clientY, from: placement };
    bar.setPointerCapture(e.pointerId);
    frame.classList.add('dragging');
  });
  bar.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    placement = { ...placement, dock: 'float', x: e.clientX - drag.dx, y: e.clientY - drag.dy };
    render();
  });
  const endDrag = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const started = drag;
    drag = undefined;
    frame.classList.remove('dragging');
    if (putBackIfUnmoved(started, e)) return;
    const r = frame.getBoundingClientRect();
    update(dropPlacement(placement, r.left, r.top, viewport()));
  };
  bar.addEventListener('pointerup', endDrag);
  bar.addEventListener('pointercancel', endDrag);

  // Keyboard: arrows move the panel (Shift for bigger steps), Enter toggles collapse.
  bar.addEventListener('keydown', (e) => {
    // Only keys on the bar itself: Enter or Space on one of its buttons is that button's click (it
    // was taken for collapse, so Dock and Hide could not be used from the keyboard).
    if (e.target !== bar) return;
    const step = e.shiftKey ? 64 : 16;
    const r = frame.getBoundingClientRect();
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      update(dropPlacement(placement, r.left + move[0], r.top + move[1], viewport()));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      update({ collapsed: !placement.collapsed });
    }
  });

  // Resizing by the grip: pointer capture as for the drag; the size is saved when the pointer lets go.
  let sizing: { x: number; y: number; id: number; shown: ReturnType<typeof panelRect>; from: Placement } | undefined;
  grip.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    sizing = { x: e.clientX, y: e.clientY, id: e.pointerId, shown: panelRect(placement, viewport()), from: placement };
    grip.setPointerCapture(e.pointerId);
    frame.classList.add('dragging');
  });
  grip.addEventListener('pointermove', (e) => {
    if (!sizing || e.pointerId !== sizing.id) return;
    placement = resizePlacement(placement, sizing.shown, e.clientX - sizing.x, e.clientY - sizing.y, viewport());
    render();
  });
  const endSizing = (e: PointerEvent) => {
    if (!sizing || e.pointerId !== sizing.id) return;
    const started = sizing;
    sizing = undefined;
    frame.classList.remove('dragging');
    if (putBackIfUnmoved(started, e)) return;
    update({ chosen: true });
  };
  grip.addEventListener('pointerup', endSizing);
  grip.addEventListener('pointercancel', endSizing);
  // Keyboard: right arrow widens and left narrows (whichever side the grip is on), down and up
  // make it taller and shorter; Shift for bigger steps.
  grip.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 64 : 16;
    const wider = e.key === 'ArrowRight' ? step : e.key === 'ArrowLeft' ? -step : 0;
    const taller = e.key === 'ArrowDown' ? step : e.key === 'ArrowUp' ? -step : 0;
    if (!wider && !taller) return;
    e.preventDefault();
    const dx = gripSide(placement) === 'left' ? -wider : wider;
    update(resizePlacement(placement, panelRect(placement, viewport()), dx, taller, viewport()));
  });

  const onResize = () => render();
  window.addEventListener('resize', onResize);
  applyLabels();
  render();

  return {
    toggle() {
      update({ hidden: !placement.hidden, collapsed: false });
      if (!placement.hidden) this.focus();
    },
    set(change) {
      update(change.dock === undefined ? change : { ...change, chosen: true });
    },
    place(p) {
      if (drag || sizing) return; // the user is moving it: theirs to place
      placement = p;
      render();
    },
    setLabels(next) {
      labels = next;
      applyLabels();
    },
    focus() {
      iframe.focus();
    },
    covered() {
      if (placement.hidden || placement.collapsed) return false;
      // The host faded, transformed, filtered or clipped by the page (src/content/distorted.ts).
      if (distorted([getComputedStyle(host), getComputedStyle(document.documentElement)])) return true;
      // What the page shows on top at a few points of the panel's content: anything but our own
      // host there (an invisible overlay included) would catch the clicks and typing meant for it.
      const r = iframe.getBoundingClientRect();
      if (r.width < 30 || r.height < 30) return false;
      const points: [number, number][] = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 12, r.top + 12],
        [r.right - 12, r.top + 12],
        [r.left + 12, r.bottom - 12],
        [r.right - 12, r.bottom - 12],
      ];
      return points.some(([x, y]) => {
        const top = document.elementFromPoint(x, y);
        return top !== null && top !== host;
      });
    },
    get placement() {
      return placement;
    },
    destroy() {
      window.removeEventListener('resize', onResize);
      host.remove();
    },
  };
}
