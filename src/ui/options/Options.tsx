import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { SettingsView } from './SettingsView';

type View = 'settings';

export function Options() {
  const [view] = useState<View>('settings');
  return (
    <div class="options">
      <h1>{t('optionsTitle')}</h1>
      <main>{view === 'settings' && <SettingsView />}</main>
    </div>
  );
}
