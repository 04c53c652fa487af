import { useEffect, useState } from 'preact/hooks';
import { t, type Lang } from '../i18n';
import { ask } from '../shared/backend';
import { LiveSharingSettings } from './LiveSharingSettings';
import { DraftField } from '../shared/DraftField';
import { ErrorText } from '../shared/ErrorText';
import { NumberField } from '../shared/NumberField';
import { expiredWorkshops } from '../../store/day';

interface Settings {
  lang: Lang | null;
  capturedBy: string;
  retentionDays: number;
}

export function SettingsView() {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  // How many workshops the last retention change erased (said with "Saved.").
  const [erased, setErased] = useState(0);
  // A new key puts the field back to the stored period when its change is called off.
  const [retentionField, setRetentionField] = useState(0);
  // The erase and the scrub after it take a few seconds: said meanwhile, as the Data view says it.
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => void ask('settings/get', {}).then((r) => r.ok && setSettings(r.value)), []);
  if (!settings) return null;

  async function save(change: Partial<Settings>, erasing = 0) {
    const reply = await ask('settings/set', change);
    // "Saved." only ever stands for the last change; a refused one says so instead.
    setSaved(reply.ok);
    setErased(reply.ok ? erasing : 0);
    setError(reply.ok ? undefined : reply.error.code);
    if (reply.ok) {
      setSettings({ ...settings!, ...change });
      if (change.lang !== undefined) location.reload();
    }
  }

  // A shorter period erases at once the workshops it has expired (the sweep runs on saving): it
  // erased them with only "Saved." said (found in a data controller's walk-through). It asks first,
  // naming them, and says how many went.
  async function saveRetention(days: number) {
    const list = days > 0 ? await ask('workshop/list', {}) : undefined;
    const expiring = list?.ok ? expiredWorkshops(list.value, days, Date.now()) : [];
    if (expiring.length && !confirm(t('settingsRetentionConfirm', { days, n: expiring.length, titles: expiring.map((w) => `“${w.title}”`).join(', ') }))) {
      setRetentionField((n) => n + 1);
      setSaved(false);
      return;
    }
    setSaved(false);
    setErasing(expiring.length > 0);
    try {
      await save({ retentionDays: days }, expiring.length);
    } finally {
      setErasing(false);
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
        <NumberField key={retentionField} min={0} max={3650} value={settings.retentionDays} onCommit={(days) => void saveRetention(days)} data-testid="settings-retention" />
        <span class="muted">{t('settingsRetentionHint')}</span>
      </label>
      <ErrorText code={error} />
      {erasing && <p role="status">{t('dataErasing')}</p>}
      {saved && (
        <p role="status" class="muted" data-testid="settings-saved">
          {erased > 0 ? t('settingsRetentionErased', { n: erased }) : t('settingsSaved')}
        </p>
      )}
      <LiveSharingSettings />
    </section>
  );
}
