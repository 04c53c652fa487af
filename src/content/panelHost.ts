import browser from 'webextension-polyfill';
import type { Placement } from '../messages/site';
import type { FrameLabels } from './labels';
import { dropPlacement, fitPlacement, HEADER_HEIGHT, panelRect, type Viewport } from './placement';

// The panel's frame in the host page: a closed shadow root holding a small header (grip, dock and
// collapse buttons: static labels only) and an extension-origin iframe with all workshop content.
// The page can neither reach into the closed root nor read the cross-origin iframe.

const STYLE = `
:host { all: initial; }
.frame { position: fixed; z-index: 2147483646; display: flex; flex-direction: column; box-sizing: border-box;
  border-radius: 10px; overflow: hidden; box-shadow: 0 6px 24px rgba(0,0,0,.28); background: #fff;
  font: 13px/1.2 system-ui, sans-serif; color: #1b1b1f; }
.frame[hidden] { visibility: hidden; }
.bar { display: flex; align-items: center; gap: 2px; height: ${HEADER_HEIGHT}px; padding: 0 4px 0 8px; background: #20304a; color: #fff;
  cursor: grab; user-select: none; touch-action: none; flex: none; }
.bar:focus-visible, button:focus-visible { outline: 3px solid #ffbf47; outline-offset: -3px; }
.title { flex: 1; font-weight: 600; letter-spacing: .02em; }
button { all: unset; box-sizing: border-box; width: 26px; height: 26px; border-radius: 6px; display: grid; place-items: center;
  cursor: pointer; color: #fff; font-size: 15px; }
button:hover { background: rgba(255,255,255,.16); }
button[aria-pressed="true"] { background: rgba(255,255,255,.28); }
iframe { border: 0; flex: 1; width: 100%; min-height: 0; background: #fff; color-scheme: light dark; }
.collapsed iframe { display: none; }
.dragging iframe { pointer-events: none; }
@media (prefers-color-scheme: dark) { .frame { background: #1c1f26; } iframe { background: #1c1f26; } }
`;

export interface PanelHost {
  toggle(): void;
  set(change: Partial<Pick<Placement, 'collapsed' | 'dock' | 'hidden'>>): void;
  focus(): void;
  readonly placement: Placement;
  destroy(): void;
}

export interface PanelHostOptions {
  site: string;
  initial: Placement;
  labels: FrameLabels;
  save: (p: Placement) => void;
  onChange?: (p: Placement) => void;
}

export function createPanelHost(opts: PanelHostOptions): PanelHost {
  const t = (key: keyof FrameLabels) => opts.labels[key];
  const host = document.createElement('vuoro-root');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;

  const frame = document.createElement('div');
  frame.className = 'frame';
  frame.setAttribute('role', 'complementary');
  frame.setAttribute('aria-label', t('panelRegion'));

  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.tabIndex = 0;
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('panelMoveHint'));
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = 'Vuoro';

  const button = (label: string, glyph: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.title = label;
    b.textContent = glyph;
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick();
    });
    b.addEventListener('pointerdown', (e) => e.stopPropagation());
    return b;
  };
  const dockLeft = button(t('panelDockLeft'), '⇤', () => update({ dock: 'left' }));
  const dockRight = button(t('panelDockRight'), '⇥', () => update({ dock: 'right' }));
  const collapse = button(t('panelCollapse'), '–', () => update({ collapsed: !placement.collapsed }));
  const hide = button(t('panelHide'), '×', () => update({ hidden: true }));
  bar.append(title, dockLeft, dockRight, collapse, hide);

  const iframe = document.createElement('iframe');
  iframe.src = browser.runtime.getURL(`src/ui/panel/panel.html#site=${encodeURIComponent(opts.site)}`);
  iframe.title = t('panelFrameTitle');
  iframe.setAttribute('allow', 'clipboard-write');

  frame.append(bar, iframe);
  root.append(style, frame);
  document.documentElement.append(host);

  const viewport = (): Viewport => ({ width: window.innerWidth, height: window.innerHeight });
  let placement = fitPlacement(opts.initial, viewport());

  function render() {
    const r = panelRect(placement, viewport());
    frame.hidden = placement.hidden;
    frame.classList.toggle('collapsed', placement.collapsed);
    Object.assign(frame.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    dockLeft.setAttribute('aria-pressed', String(placement.dock === 'left'));
    dockRight.setAttribute('aria-pressed', String(placement.dock === 'right'));
    collapse.setAttribute('aria-label', placement.collapsed ? t('panelExpand') : t('panelCollapse'));
    collapse.title = collapse.getAttribute('aria-label') ?? '';
    collapse.textContent = placement.collapsed ? '▢' : '–';
  }

  function update(change: Partial<Placement>, persist = true) {
    placement = { ...placement, ...change };
    render();
    opts.onChange?.(placement);
    if (persist) opts.save(placement);
  }

  // Dragging by the header; pointer capture keeps the drag when the pointer outruns the frame.
  let drag: { dx: number; dy: number; id: number } | undefined;
  bar.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const r = frame.getBoundingClientRect();
    drag = { dx: e.clientX - r.left, dy: e.clientY - r.top, id: e.pointerId };
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
    drag = undefined;
    frame.classList.remove('dragging');
    const r = frame.getBoundingClientRect();
    update(dropPlacement(placement, r.left, r.top, viewport()));
  };
  bar.addEventListener('pointerup', endDrag);
  bar.addEventListener('pointercancel', endDrag);

  // Keyboard: arrows move the panel (Shift for bigger steps), Enter toggles collapse.
  bar.addEventListener('keydown', (e) => {
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

  const onResize = () => {
    placement = fitPlacement(placement, viewport());
    render();
  };
  window.addEventListener('resize', onResize);
  render();

  return {
    toggle() {
      update({ hidden: !placement.hidden, collapsed: false });
      if (!placement.hidden) this.focus();
    },
    set(change) {
      update(change);
    },
    focus() {
      iframe.focus();
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
