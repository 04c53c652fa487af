import { useState } from 'preact/hooks';
import { t } from '../i18n';

type Tab = 'run' | 'turns' | 'prompts' | 'capture';
const TABS: Tab[] = ['run', 'turns', 'prompts', 'capture'];

export function Panel({ site }: { site: string }) {
  const [tab, setTab] = useState<Tab>('run');
  return (
    <div class="panel">
      <nav role="tablist" aria-label={t('panelSections')}>
        {TABS.map((id) => (
          <button role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls="panel-main" onClick={() => setTab(id)} key={id}>
            {t(`tab_${id}`)}
          </button>
        ))}
      </nav>
      <div id="panel-main" role="tabpanel" aria-labelledby={`tab-${tab}`} data-site={site}>
        <p class="muted">{t('panelEmpty')}</p>
      </div>
    </div>
  );
}
