import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '../../messages/bus';
import { siteForUrl } from '../../sites/hosts';
import { t } from '../i18n';
import { siteInCompound } from '../shared/siteInCompound';
import { ask, useLangFollow } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import { WorkshopNow } from './WorkshopNow';

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

interface ActiveTab {
  id?: number;
  url?: URL;
}

/**
 * The toolbar popup: the workshop in the panel (phase, time left, next step), what Vuoro does on
 * this tab with the panel one click away, "enable on this site" for other sites, and the options.
 */
export function Popup() {
  const [tab, setTab] = useState<ActiveTab | undefined>(undefined);
  const [enabled, setEnabled] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);
  const [panelTab, setPanelTab] = useState<{ id: number; site: string } | undefined>(undefined);
  // A language chosen in Settings while the popup is open (another window's options page) reaches
  // it too; it stayed in the language it opened in.
  useLangFollow();

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
    // A meeting or board tab elsewhere, for "show the panel there" when this tab has none.
    void browser.tabs.query({}).then((tabs) => {
      const found = tabs.flatMap((other) => {
        const url = other.url ? safeUrl(other.url) : undefined;
        const host = url && other.id !== undefined ? siteForUrl(url) : undefined;
        return host ? [{ id: other.id!, site: host.site, meeting: host.kind === 'meeting' }] : [];
      });
      // The meeting's tab first: that is where the facilitator runs the workshop from.
      const best = found.find((f) => f.meeting) ?? found[0];
      if (best) setPanelTab({ id: best.id, site: best.site });
    });
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
    <main class="popup">
      <h1>Vuoro</h1>
      <WorkshopNow />
      {supported || isEnabled ? (
        <>
          <p>{supported ? t('popupSupported', { site: siteInCompound(t(`site_${supported.site}`)) }) : t('popupEnabledHere')}</p>
          <button class="primary" onClick={() => tab.id !== undefined && void sendToTab(tab.id, { to: 'content', type: 'panel/toggle' }).then(() => window.close())}>
            {t('popupTogglePanel')}
          </button>
          {isEnabled && !supported && <button onClick={() => void disable()}>{t('popupDisableHere')}</button>}
        </>
      ) : web ? (
        <>
          <p>{t('popupNotSupported')}</p>
          <button class="primary" onClick={() => void enable()}>
            {t('popupEnableHere', { origin: origin ?? '' })}
          </button>
        </>
      ) : (
        <p>{t('popupNotWeb')}</p>
      )}
      {!supported && !isEnabled && panelTab && (
        <button
          class="primary"
          onClick={() =>
            void browser.tabs
              .update(panelTab.id, { active: true })
              .then(() => sendToTab(panelTab.id, { to: 'content', type: 'panel/set', hidden: false, collapsed: false } as never))
              .then(() => window.close())
          }
        >
          {t('popupShowPanelIn', { site: siteInCompound(t(`site_${panelTab.site}`)) })}
        </button>
      )}
      {done && <p role="status">{t('popupEnabledDone')}</p>}
      <ErrorText code={error} />
      <button onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>{t('popupOpenOptions')}</button>
    </main>
  );
}

