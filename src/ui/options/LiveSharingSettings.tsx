import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { iceServerLines, LiveSharingConfig, parseIceLines, signalPermission, type IceServer } from '../../sync/config';
import { t } from '../i18n';
import { ask } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';

// Live sharing's settings (issue 15): off by default. The organisation's signalling server
// (`npx vuoro signal`) and, only if needed, its own STUN/TURN servers. Saving asks the browser
// for access to that server's host alone, inside the click.

/**
 * The first server this browser's WebRTC refuses, by its index: a port it blocks or does not
 * parse, a transport or a scheme it does not take (Firefox ESR has no stuns:). A refused server
 * makes every link of the room fail, silently, so it is said here. Constructing a connection
 * gathers nothing: no server is contacted.
 */
function refusedIceServer(servers: IceServer[]): number | undefined {
  if (typeof RTCPeerConnection === 'undefined') return undefined;
  const index = servers.findIndex((server) => {
    try {
      new RTCPeerConnection({ iceServers: [server] }).close();
      return false;
    } catch {
      return true;
    }
  });
  return index < 0 ? undefined : index;
}

const iceLines = (servers: IceServer[]) => servers.map((s) => [s.urls, s.username, s.credential].filter(Boolean).join(' ')).join('\n');

export function LiveSharingSettings() {
  const [url, setUrl] = useState('');
  const [ice, setIce] = useState('');
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [errorParams, setErrorParams] = useState<Record<string, string> | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(
    () =>
      void ask('sync/state', {}).then((reply) => {
        if (!reply.ok || !reply.value.config) return;
        setOn(true);
        setUrl(reply.value.config.signalUrl);
        setIce(iceLines(reply.value.config.iceServers));
      }),
    [],
  );

  async function save() {
    setError(undefined);
    setErrorParams(undefined);
    setSaved(false);
    const servers = parseIceLines(ice);
    const parsed = LiveSharingConfig.safeParse({ signalUrl: url, iceServers: servers });
    if (!parsed.success) {
      if (parsed.error.issues.some((i) => i.path[0] === 'signalUrl')) return setError('sync-url-invalid');
      // Which line is wrong, by its text: with several servers "a line is not valid" left the user guessing.
      const issue = parsed.error.issues.find((i) => i.path[0] === 'iceServers' && typeof i.path[1] === 'number');
      const line = issue === undefined ? undefined : iceServerLines(ice)[issue.path[1] as number];
      if (line === undefined) return setError('sync-ice-invalid');
      setErrorParams({ line });
      // A TURN line without its username and password is a line of its own kind: "start it with turn:" would not help.
      return setError(issue?.message === 'sync-ice-turn-credentials' ? 'sync-ice-turn-credentials' : 'sync-ice-line-invalid');
    }
    // Named by its address alone: a TURN line's password is not shown back.
    const refused = refusedIceServer(parsed.data.iceServers);
    if (refused !== undefined) {
      setErrorParams({ line: parsed.data.iceServers[refused]!.urls });
      return setError('sync-ice-refused');
    }
    // The permission prompt must come straight from the click: nothing is awaited before it.
    const granted = await browser.permissions.request({ origins: [signalPermission(parsed.data.signalUrl)] }).catch(() => false);
    if (!granted) return setError('sync-permission-denied');
    const reply = await ask('sync/configure', { config: parsed.data });
    if (!reply.ok) return setError(reply.error.code);
    setSaved(true);
  }

  async function turnOff() {
    const reply = await ask('sync/configure', { config: null });
    if (!reply.ok) return setError(reply.error.code);
    if (url) await browser.permissions.remove({ origins: [signalPermission(url)] }).catch(() => undefined);
    setOn(false);
    setSaved(false);
  }

  return (
    <section aria-labelledby="live-sharing-h" data-testid="live-sharing-settings">
      {/* A part of Settings, so a heading below it. */}
      <h3 id="live-sharing-h">{t('syncSettingsTitle')}</h3>
      <p class="muted">{t('syncSettingsIntro')}</p>
      <label class="inline">
        <input type="checkbox" checked={on} onChange={(e) => (e.currentTarget.checked ? setOn(true) : void turnOff())} />
        {t('syncSettingsOn')}
      </label>
      {on && (
        <form
          class="live-sharing-form"
          // Checked by save() in the user's language; the browser's own bubble for an empty or
          // scheme-less address spoke the browser's language.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('syncSettingsUrl')}
            <input type="url" value={url} placeholder="wss://signal.example.org" maxLength={300} onInput={(e) => setUrl(e.currentTarget.value)} required />
            <span class="muted">{t('syncSettingsUrlHint')}</span>
          </label>
          <label>
            {t('syncSettingsIce')}
            <textarea rows={3} value={ice} placeholder="turn:turn.example.org:3478 user secret" onInput={(e) => setIce(e.currentTarget.value)} />
            <span class="muted">{t('syncSettingsIceHint')}</span>
          </label>
          <button type="submit" class="primary">
            {t('syncSettingsSave')}
          </button>
        </form>
      )}
      <ErrorText code={error} {...(errorParams ? { params: errorParams } : {})} />
      {saved && (
        <p role="status" class="muted">
          {t('settingsSaved')}
        </p>
      )}
    </section>
  );
}
