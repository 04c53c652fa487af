import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../shared/base.css';
import './panel.css';
import { FRAME_LABEL_KEYS } from '../../content/labels';
import { getLang, LANGS, loadLang, setLang, t, type Lang } from '../i18n';
import { ALL_STORES, ask, initLang, onStoreChanged, receivePushesByPort } from '../shared/backend';
import type { ActiveWorkshop } from '../../messages/protocol';
import { Panel } from './Panel';

// The content script names the site and the user's language in the frame's address, so the panel
// draws at once in the right language; the stored setting is read again and wins, and a later
// language switch in settings reaches this panel and its frame header without a reload.

// Marks `npm run bench` reads to say where the panel's start goes (see README, Performance).
performance.mark('vuoro:panel-script');
const params = new URLSearchParams(location.hash.slice(1));
const site = params.get('site') ?? 'generic';
const hinted = LANGS.find((lang) => lang === params.get('lang'));

function useLang(): Lang {
  const [lang, setLangState] = useState<Lang>(getLang());
  useEffect(() => {
    let shown = hinted;
    const sync = () =>
      void initLang().then((next) => {
        setLangState(next);
        if (next === shown) return;
        shown = next;
        // The header lives in the page's closed shadow root: its content script sets the new labels.
        const labels = Object.fromEntries(FRAME_LABEL_KEYS.map((key) => [key, t(key, undefined, next)]));
        void ask('tab/forward', { message: { to: 'content', type: 'panel/labels', labels } });
      });
    if (hinted) sync();
    return onStoreChanged((change) => {
      if (change.stores.includes('settings') || change.stores.includes(ALL_STORES)) sync();
    });
  }, []);
  return lang;
}

/**
 * Tells this tab's site script, once, that the user is at the panel (the pointer on it, a click or a
 * key in it): from then on Vuoro's own placing leaves the panel where it is (src/content/main.ts).
 * The page cannot see this itself in Chromium, and a panel that moved and shrank under the pointer
 * took the next click somewhere else.
 */
function tellWhenInUse(): void {
  const events = ['pointerover', 'pointerdown', 'keydown', 'focusin'] as const;
  const told = () => {
    for (const type of events) window.removeEventListener(type, told, true);
    void ask('tab/forward', { message: { to: 'content', type: 'panel/in-use' } });
  };
  for (const type of events) window.addEventListener(type, told, true);
}

function App({ last }: { last: ActiveWorkshop | undefined }) {
  const lang = useLang();
  return <Panel site={site} lang={lang} last={last} />;
}

const mount = (last: ActiveWorkshop | undefined) => render(<App last={last} />, document.getElementById('app')!);
// The token is spent on the first connect; it does not stay in this frame's URL either.
history.replaceState(null, '', `#site=${encodeURIComponent(site)}${hinted ? `&lang=${hinted}` : ''}`);
// Only the hinted language's strings load, alongside the port's admission (../i18n.ts); another
// language loads when settings switch to it (initLang), before the panel redraws in it.
const strings = hinted ? loadLang(hinted) : Promise.resolve();
// The admission brings the last known workshop, which the panel draws at once (Panel.tsx).
void Promise.all([receivePushesByPort(params.get('t') ?? ''), strings]).then(([admission]) => {
  if (!admission) return; // a frame the page made itself: empty and inert
  performance.mark('vuoro:panel-admitted');
  tellWhenInUse();
  if (hinted) {
    setLang(hinted);
    document.documentElement.lang = hinted;
    mount(admission.last);
  } else {
    void initLang().then(() => mount(admission.last));
  }
});
