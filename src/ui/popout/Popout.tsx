import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../messages/protocol';
import { t } from '../i18n';
import { ask, useLangFollow, useStoreQuery } from '../shared/backend';
import { TimerView } from './TimerView';

// The pop-out window. Where the browser has Document Picture-in-Picture (Chromium), "Keep on top"
// moves the timer into a window that stays above the meeting; its document is made by this
// extension page, so it has the extension's origin, not the meeting page's. Elsewhere (Firefox)
// this small window is the pop-out. Either can be shared on screen: it shows no names or captures.

interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
}
const documentPip = (globalThis as { documentPictureInPicture?: DocumentPictureInPicture }).documentPictureInPicture;

async function loadActive(): Promise<ActiveWorkshop | null> {
  const reply = await ask('workshop/active', {});
  return reply.ok ? reply.value : null;
}

/** The PiP window's document: this page's stylesheets and language, then the timer rendered into it. */
async function openOnTop(): Promise<Window> {
  const pip = await documentPip!.requestWindow({ width: 420, height: 320 });
  for (const sheet of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    const link = pip.document.createElement('link');
    link.rel = 'stylesheet';
    link.href = sheet.href;
    pip.document.head.append(link);
  }
  for (const style of document.querySelectorAll('style')) pip.document.head.append(style.cloneNode(true));
  pip.document.title = document.title;
  pip.document.documentElement.lang = document.documentElement.lang;
  pip.document.body.className = 'popout-body';
  return pip;
}

export function Popout() {
  const { value: active } = useStoreQuery(loadActive, ['workshops', 'runs', 'scripts', 'settings']);
  const [onTop, setOnTop] = useState<Window | null>(null);
  // The user's language (this window's controls and title) follows a change in settings; the
  // timer itself speaks the workshop's language.
  const uiLang = useLangFollow();
  useEffect(() => {
    document.title = t('popoutTitle');
  }, [uiLang]);

  // The timer lives in the window on top while it is open, and comes back here when it closes.
  useEffect(() => {
    if (!onTop) return;
    render(active ? <TimerView active={active} /> : null, onTop.document.body);
  }, [onTop, active]);
  useEffect(() => {
    if (!onTop) return;
    const closed = () => {
      render(null, onTop.document.body);
      setOnTop(null);
    };
    onTop.addEventListener('pagehide', closed);
    return () => onTop.removeEventListener('pagehide', closed);
  }, [onTop]);

  if (active === undefined) return null;
  if (!active)
    return (
      <main class="popout-empty">
        <p>{t('popoutNoWorkshop')}</p>
      </main>
    );
  return (
    <div class="popout">
      {onTop ? <p class="popout-note" role="status">{t('popoutOnTopNote')}</p> : <TimerView active={active} />}
      {documentPip && !onTop && (
        <div class="popout-controls" role="group" aria-label={t('popoutControls')}>
          <button onClick={() => void openOnTop().then(setOnTop)}>{t('popoutKeepOnTop')}</button>
        </div>
      )}
    </div>
  );
}
