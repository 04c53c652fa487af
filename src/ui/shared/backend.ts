import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { listen, request, type Reply } from '../../messages/bus';
import { StoreChanged, type ToBackground } from '../../messages/app';
import { detectLang, setLang, type Lang } from '../i18n';

// How every extension page talks to the background, which owns the store.

type Payload<T extends ToBackground['type']> = Omit<Extract<ToBackground, { type: T }>, 'to' | 'type'>;

export function ask<R, T extends ToBackground['type'] = ToBackground['type']>(type: T, payload: Payload<T>): Promise<Reply<R>> {
  return request<R>({ to: 'background', type, ...payload });
}

export function onStoreChanged(callback: (change: StoreChanged) => void): () => void {
  return listen<StoreChanged>('panel', StoreChanged, (change) => {
    callback(change);
    return undefined;
  }, (sender) => sender.tab === undefined);
}

/** Re-runs `load` whenever the background reports a change to one of `stores`. */
export function useStoreQuery<T>(load: () => Promise<T>, stores: string[], deps: unknown[] = []): { value: T | undefined; reload: () => void } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void load().then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, [version, ...deps]);
  useEffect(
    () =>
      onStoreChanged((change) => {
        if (change.stores.some((s) => stores.includes(s))) setVersion((n) => n + 1);
      }),
    [],
  );
  return { value, reload: () => setVersion((n) => n + 1) };
}

/** The user's language choice, else the browser's; also sets <html lang>. */
export async function initLang(): Promise<Lang> {
  const reply = await ask<{ lang: Lang | null }>('settings/get', {});
  const lang = (reply.ok && reply.value.lang) || detectLang(browser.i18n.getUILanguage());
  setLang(lang);
  document.documentElement.lang = lang;
  return lang;
}
