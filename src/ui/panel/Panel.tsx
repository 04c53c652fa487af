import { useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../background/workshops';
import { t } from '../i18n';
import { ask, useStoreQuery } from '../shared/backend';
import { RunView } from './RunView';
import { StartView } from './StartView';
import { CaptureView } from './CaptureView';
import { useSite } from './useSite';

type Tab = 'run' | 'turns' | 'prompts' | 'capture';
const TABS: Tab[] = ['run', 'turns', 'prompts', 'capture'];

async function loadActive(): Promise<ActiveWorkshop | null> {
  const reply = await ask<ActiveWorkshop | null>('workshop/active', {});
  return reply.ok ? reply.value : null;
}

export function Panel({ site }: { site: string }) {
  const [tab, setTab] = useState<Tab>('run');
  const [choosing, setChoosing] = useState(false);
  const [quick, setQuick] = useState({ text: '', n: 0 });
  const { value: active, reload } = useStoreQuery(loadActive, ['workshops', 'runs', 'scripts', 'settings']);
  const siteHandle = useSite(
    site,
    () => undefined,
    (selection) => {
      setTab('capture');
      setChoosing(false);
      setQuick((q) => ({ text: selection ?? '', n: q.n + 1 }));
    },
  );
  if (active === undefined) return null;

  const body = () => {
    if (!active || choosing)
      return (
        <StartView
          onDone={() => {
            setChoosing(false);
            reload();
          }}
        />
      );
    switch (tab) {
      case 'run':
        return (
          <>
            <RunView active={active} />
            <button class="linkish" onClick={() => setChoosing(true)}>
              {t('runChangeWorkshop')}
            </button>
          </>
        );
      case 'capture':
        return <CaptureView workshopId={active.workshop.id} site={siteHandle} quick={quick} />;
      default:
        return <p class="muted">{t('panelComingSoon')}</p>;
    }
  };

  return (
    <div class="panel">
      <nav role="tablist" aria-label={t('panelSections')}>
        {TABS.map((id) => (
          <button
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls="panel-main"
            onClick={() => {
              setTab(id);
              setChoosing(false);
            }}
            key={id}
          >
            {t(`tab_${id}`)}
          </button>
        ))}
      </nav>
      <div id="panel-main" class="panel-main" role="tabpanel" aria-labelledby={`tab-${tab}`} data-site={site}>
        {body()}
      </div>
    </div>
  );
}
