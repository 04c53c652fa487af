import { useEffect, useState } from 'preact/hooks';
import type { ScriptRecord } from '../../store/scripts';
import type { WorkshopRecord } from '../../store/workshops';
import { listTemplates } from '../../script/templates';
import { getLang, t } from '../i18n';
import { ask } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';

/** Choosing what to run: a built-in template, a script from the library, or a recent workshop. */
export function StartView({ onDone }: { onDone: () => void }) {
  const lang = getLang();
  const [scripts, setScripts] = useState<ScriptRecord[]>([]);
  const [recent, setRecent] = useState<WorkshopRecord[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    void ask('script/list', {}).then((r) => r.ok && setScripts(r.value));
    void ask('workshop/list', {}).then((r) => r.ok && setRecent(r.value.slice(0, 5)));
  }, []);

  async function run(reply: Promise<{ ok: boolean; error?: { code: string } }>) {
    const result = await reply;
    if (!result.ok) setError(result.error?.code);
    else onDone();
  }

  return (
    <section class="start" aria-labelledby="start-h">
      <h2 id="start-h" style={{ margin: 0, fontSize: '15px' }}>
        {t('startTitle')}
      </h2>
      <ErrorText code={error} />
      {recent.length > 0 && (
        <>
          <h3 class="muted" style={{ margin: 0, fontSize: '13px' }}>
            {t('startRecent')}
          </h3>
          <ul>
            {recent.map((w) => (
              <li key={w.id}>
                <strong>{w.title}</strong>
                <button onClick={() => void run(ask('workshop/open', { workshopId: w.id }))}>{t('startOpen')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 class="muted" style={{ margin: 0, fontSize: '13px' }}>
        {t('startTemplates')}
      </h3>
      <ul>
        {listTemplates().map((template) => (
          <li key={template.id}>
            <strong>{template.title[lang]}</strong>
            <span class="muted">{template.description[lang]}</span>
            <button onClick={() => void run(ask('workshop/from-template', { templateId: template.id, lang, workshopIndex: 0 }))}>
              {t('startNew')}
            </button>
          </li>
        ))}
      </ul>
      {scripts.length > 0 && (
        <>
          <h3 class="muted" style={{ margin: 0, fontSize: '13px' }}>
            {t('startLibrary')}
          </h3>
          <ul>
            {scripts.map(({ script }) => (
              <li key={script.id}>
                <strong>{script.title}</strong>
                {script.workshops.map((w, index) => (
                  <button key={w.id} onClick={() => void run(ask('workshop/from-script', { scriptId: script.id, workshopIndex: index }))}>
                    {t('startWorkshop', { title: w.title })}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
