import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

// The tabs other than Script load when first shown, or in the first idle moment after the panel's
// content is on screen, so the frame parses less before it (issue 12) and a later tab switch
// usually finds its code ready. Each `import()` is a chunk of its own (scripts/panel-start-size.mjs
// and the panel-start e2e test keep them out of the frame's first load).
const loaders = {
  turns: () => import('./TurnsView').then((m) => m.TurnsView),
  prompts: () => import('./PromptsView').then((m) => m.PromptsView),
  capture: () => import('./CaptureView').then((m) => m.CaptureView),
  series: () => import('./series/SeriesView').then((m) => m.SeriesView),
};
type Name = keyof typeof loaders;
type Loaded = { [K in Name]: Awaited<ReturnType<(typeof loaders)[K]>> };

const loaded: Partial<Loaded> = {};
const pending = new Map<Name, Promise<unknown>>();

function load<K extends Name>(name: K): Promise<Loaded[K]> {
  let promise = pending.get(name) as Promise<Loaded[K]> | undefined;
  if (!promise) {
    promise = loaders[name]().then((view) => ((loaded as Loaded)[name] = view as Loaded[K]));
    pending.set(name, promise);
    // A failed load (not expected of the extension's own file) is tried again the next time.
    promise.catch(() => pending.delete(name));
  }
  return promise;
}

/** Loads every tab's code once the browser is idle (called after the first content is drawn). */
export function preloadTabs(): void {
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
  idle(() => {
    for (const name of Object.keys(loaders) as Name[]) void load(name);
  });
}

function lazyTab<K extends Name>(name: K): Loaded[K] {
  const Lazy = (props: Record<string, unknown>) => {
    const [View, setView] = useState(() => loaded[name]);
    useEffect(() => {
      if (!View) void load(name).then((view) => setView(() => view));
    }, []);
    if (!View) return <p class="muted" data-testid="tab-loading">{t('panelTabLoading')}</p>;
    const Component = View as ComponentType<Record<string, unknown>>;
    return <Component {...props} />;
  };
  return Lazy as unknown as Loaded[K];
}

export const TurnsView = lazyTab('turns');
export const PromptsView = lazyTab('prompts');
export const CaptureView = lazyTab('capture');
export const SeriesView = lazyTab('series');
