import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '../../messages/bus';
import { siteForUrl } from '../../sites/hosts';
import { t } from '../i18n';
import { ask } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';

interface ActiveTab {
  id?: number;
  url?: URL;
}

/** The toolbar popup: what Vuoro does on this tab, and "enable on this site" for other sites. */
export function Popup() {
  const [tab, setTab] = useState<ActiveTab | undefined>(undefined);
  const [enabled, setEnabled] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
      let url: URL | undefined;
      try {
        url = active?.url ? new URL(active.url) : undefined;
      } catch {
        url = undefined;
      }
      setTab({ id: active?.id, url });
    });
    void ask('site/enabled-list', {}).then((r) => r.ok && setEnabled(r.value));
  }, []);

  if (!tab) return null;
  const supported = tab.url && siteForUrl(tab.url);
  const web = tab.url && /^https?:$/.test(tab.url.protocol);
  const origin = tab.url?.origin;
  const isEnabled = !!origin && enabled.includes(origin);

  async function enable() {
    if (!origin) return;
    setError(undefined);
    // The permission prompt must come straight from the click.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) return setError('site-permission-denied');
    const reply = await ask('site/enable', { origin, tabId: tab?.id });
    if (!reply.ok) return setError(reply.error.code);
    setEnabled([...enabled, origin]);
    setDone(true);
  }

  async function disable() {
    if (!origin) return;
    const reply = await ask('site/disable', { origin });
    if (!reply.ok) return setError(reply.error.code);
    setEnabled(enabled.filter((o) => o !== origin));
  }

  return (
    <div style={{ padding: '12px', width: '300px', display: 'grid', gap: '10px' }}>
      <h1 style={{ fontSize: '16px', margin: 0 }}>Vuoro</h1>
      {supported || isEnabled ? (
        <>
          <p style={{ margin: 0 }}>{supported ? t('popupSupported', { site: t(`site_${supported.site}`) }) : t('popupEnabledHere')}</p>
          <button class="primary" onClick={() => tab.id !== undefined && void sendToTab(tab.id, { to: 'content', type: 'panel/toggle' }).then(() => window.close())}>
            {t('popupTogglePanel')}
          </button>
          {isEnabled && !supported && <button onClick={() => void disable()}>{t('popupDisableHere')}</button>}
        </>
      ) : web ? (
        <>
          <p style={{ margin: 0 }}>{t('popupNotSupported')}</p>
          <button class="primary" onClick={() => void enable()}>
            {t('popupEnableHere', { origin: origin ?? '' })}
          </button>
        </>
      ) : (
        <p style={{ margin: 0 }}>{t('popupNotWeb')}</p>
      )}
      {done && <p role="status" style={{ margin: 0 }}>{t('popupEnabledDone')}</p>}
      <ErrorText code={error} />
      <button onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>{t('popupOpenOptions')}</button>
    </div>
  );
}
