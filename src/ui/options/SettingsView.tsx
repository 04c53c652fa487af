import { useEffect, useState } from 'preact/hooks';
import { t, type Lang } from '../i18n';
import { ask } from '../shared/backend';
import { LiveSharingSettings } from './LiveSharingSettings';
import { DraftField } from '../shared/DraftField';
import { ErrorText } from '../shared/ErrorText';
import { NumberField } from '../shared/NumberField';

interface Settings {
  lang: Lang | null;
  capturedBy: string;
  retentionDays: number;
}

export function SettingsView() {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => void ask('settings/get', {}).then((r) => r.ok && setSettings(r.value)), []);
  if (!settings) return null;

  async function save(change: Partial<Settings>) {
    const reply = await ask('settings/set', change);
    // "Saved." only ever stands for the last change; a refused one says so instead.
    setSaved(reply.ok);
    setError(reply.ok ? undefined : reply.error.code);
    if (reply.ok) {
      setSettings({ ...settings!, ...change });
      if (change.lang !== undefined) location.reload();
    }
  }

  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">{t('settingsTitle')}</h2>
      <label>
        {t('settingsLanguage')}
        <select value={settings.lang ?? ''} onChange={(e) => void save({ lang: (e.currentTarget.value || null) as Lang | null })}>
          <option value="">{t('settingsLanguageBrowser')}</option>
          <option value="fi">Suomi</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        {t('settingsCapturedBy')}
        <DraftField value={settings.capturedBy} maxLength={80} onCommit={(text) => void save({ capturedBy: text })} />
      </label>
      <label>
        {t('settingsRetention')}
        <NumberField min={0} max={3650} value={settings.retentionDays} onCommit={(days) => void save({ retentionDays: days })} />
        <span class="muted">{t('settingsRetentionHint')}</span>
      </label>
      <ErrorText code={error} />
      {saved && <p role="status" class="muted">{t('settingsSaved')}</p>}
      <LiveSharingSettings />
    </section>
  );
}
