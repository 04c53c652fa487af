import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../shared/base.css';
import './panel.css';
import { FRAME_LABEL_KEYS } from '../../content/labels';
import { getLang, LANGS, setLang, t, type Lang } from '../i18n';
import { ALL_STORES, ask, initLang, onStoreChanged, receivePushesByPort } from '../shared/backend';
import { Panel } from './Panel';

// The content script names the site and the user's language in the frame's address, so the panel
// draws at once in the right language; the stored setting is read again and wins, and a later
// language switch in settings reaches this panel and its frame header without a reload.

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

function App() {
  const lang = useLang();
  return <Panel site={site} lang={lang} />;
}

const mount = () => render(<App />, document.getElementById('app')!);
// The token is spent on the first connect; it does not stay in this frame's URL either.
history.replaceState(null, '', `#site=${encodeURIComponent(site)}${hinted ? `&lang=${hinted}` : ''}`);
void receivePushesByPort(params.get('t') ?? '').then((admitted) => {
  if (!admitted) return; // a frame the page made itself: empty and inert
  if (hinted) {
    setLang(hinted);
    document.documentElement.lang = hinted;
    mount();
  } else {
    void initLang().then(mount);
  }
});
