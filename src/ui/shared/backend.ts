import browser from 'webextension-polyfill';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask as askBackground, isOwnSender, PANEL_PORT } from '../../messages/bus';
import type { ActiveWorkshop, PayloadIn, ReplyOf, RequestType } from '../../messages/protocol';
import { usableLast } from '../../messages/lastActive';
import type { Reply } from '../../messages/reply';
import { StoreChanged } from '../../messages/storeChanged';
import { detectLang, getLang, loadLang, setLang, type Lang } from '../i18n';
import { coalesced, type Coalesced } from './coalesce';

// How every extension page talks to the background, which owns the store.

/** Asks the background (the protocol table types the payload and the reply); notes a store that cannot be opened. */
export async function ask<K extends RequestType>(type: K, payload: PayloadIn<K>): Promise<Reply<ReplyOf<K>>> {
  const reply = await askBackground(type, payload);
  if (!reply.ok && STORE_PROBLEMS.has(reply.error.code) && storeProblem !== reply.error.code) {
    storeProblem = reply.error.code;
    problemListeners.forEach((listener) => listener(reply.error.code));
  }
  return reply;
}

// A store the background cannot open at all (written by a newer Vuoro) fails every request. Every
// surface shows that one cause, rather than an empty panel or "No workshops found".
const STORE_PROBLEMS = new Set(['store-newer']);
let storeProblem: string | undefined;
const problemListeners = new Set<(code: string) => void>();

/** The error code of a store that cannot be opened, once any request has met it. */
export function useStoreProblem(): string | undefined {
  const [problem, setProblem] = useState(storeProblem);
  useEffect(() => {
    problemListeners.add(setProblem);
    setProblem(storeProblem); // one may have come in between the first render and now
    return () => void problemListeners.delete(setProblem);
  }, []);
  return problem;
}

// Pushes from the background arrive by one of two routes. Top-level extension pages (options,
// popup) get runtime messages; the panel, an extension frame inside a web page, keeps a port open
// instead, because Firefox delivers no runtime messages to such frames.

type PushListener = (message: unknown) => void;
const pushListeners = new Set<PushListener>();
const reconnectListeners = new Set<() => void>();
const dispatch = (message: unknown) => pushListeners.forEach((listener) => listener(message));

/** Everything after a reconnect is suspect: listeners re-read all stores. */
export const ALL_STORES = '*';

export function receivePushesByRuntime(): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (isOwnSender(sender as never) && sender.tab === undefined && (message as { to?: string } | null)?.to === 'panel') dispatch(message);
    return undefined;
  }) as never);
}

/** What the background gives a panel it admits: the last known workshop, when it has one. */
export interface Admission {
  last: ActiveWorkshop | undefined;
}

/**
 * Connects the panel's port with the token its frame was made with. Resolves once the background
 * admits this frame as the one Vuoro's site script made in this tab, undefined when it refuses
 * (the page framed the panel itself): a refused panel shows nothing and asks for nothing.
 */
export function receivePushesByPort(token: string): Promise<Admission | undefined> {
  return new Promise((settle) => {
    let refused = false;
    const connect = () => {
      const port = browser.runtime.connect({ name: `${PANEL_PORT}:${token}` });
      port.onMessage.addListener((message: unknown) => {
        const type = (message as { type?: unknown } | null)?.type;
        if (type === 'panel/admitted') return settle({ last: usableLast((message as { last?: unknown }).last) });
        if (type === 'panel/refused') {
          refused = true;
          return settle(undefined);
        }
        dispatch(message);
      });
      port.onDisconnect.addListener(() => {
        if (refused) return;
        // The background was stopped (an idle service worker) or reloaded: reconnect, then catch up.
        setTimeout(() => {
          connect();
          dispatch({ to: 'panel', type: 'store/changed', stores: [ALL_STORES] });
          reconnectListeners.forEach((listener) => listener());
        }, 250);
      });
    };
    connect();
  });
}

/** Listens to pushes from the background; each listener validates what it takes. */
export function onPush(listener: PushListener): () => void {
  pushListeners.add(listener);
  return () => pushListeners.delete(listener);
}

export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

export function onStoreChanged(callback: (change: StoreChanged) => void): () => void {
  return onPush((message) => {
    const parsed = StoreChanged.safeParse(message);
    if (parsed.success) callback(parsed.data);
  });
}

/**
 * Re-runs `load` whenever the background reports a change to one of `stores`: one load at a time,
 * and one more after it for any changes meanwhile (./coalesce.ts), not one per change.
 */
export function useStoreQuery<T>(load: () => Promise<T>, stores: string[], deps: unknown[] = []): { value: T | undefined; reload: () => void } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const loader = useRef<Coalesced | undefined>(undefined);
  useEffect(() => {
    const current = coalesced(() => latestLoad.current(), setValue);
    loader.current = current;
    current.request();
    return () => current.stop();
  }, deps);
  useEffect(
    () =>
      onStoreChanged((change) => {
        if (change.stores.some((s) => s === ALL_STORES || stores.includes(s))) loader.current?.request();
      }),
    [],
  );
  return { value, reload: () => loader.current?.request() };
}

// The latest reading of the language: two changes in quick succession (fi, then en) start two
// readings, and the earlier, slower one (its strings still loading) finished last and put the page
// back in the language just left. Every caller (each part of a page that follows the language)
// gets what the latest reading applies.
let latestReading: Promise<Lang> | undefined;

/** The user's language choice, else the browser's; also sets <html lang>. A reading overtaken by a later one changes nothing. */
export function initLang(): Promise<Lang> {
  const reading: Promise<Lang> = readLang().then((lang) => {
    if (latestReading !== reading) return latestReading!;
    setLang(lang);
    document.documentElement.lang = lang;
    return lang;
  });
  latestReading = reading;
  return reading;
}

async function readLang(): Promise<Lang> {
  const reply = await ask('settings/get', {});
  const lang = (reply.ok && reply.value.lang) || detectLang(browser.i18n.getUILanguage());
  await loadLang(lang); // the panel frame's strings come one language at a time (../i18n.ts)
  return lang;
}

/**
 * Draws the page again in the user's language when it changes in Settings (another options tab,
 * the summary page, the pop-out's own controls): they stayed in the language they opened in until
 * reloaded. A draw, not a reload, so nothing typed is lost. Returns the language, for what a page
 * sets outside its tree (a window title).
 */
export function useLangFollow(): Lang {
  const [lang, setLangState] = useState<Lang>(getLang);
  useEffect(
    () =>
      onStoreChanged((change) => {
        if (change.stores.some((store) => store === 'settings' || store === ALL_STORES)) void initLang().then(setLangState);
      }),
    [],
  );
  return lang;
}

