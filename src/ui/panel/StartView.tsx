import { useEffect, useState } from 'preact/hooks';
import type { ScriptRecord } from '../../store/scripts';
import type { WorkshopRecord } from '../../store/workshops';
import { TEMPLATES } from '../../script/templates';
import { getLang, LANGS, t, type Lang } from '../i18n';
import { ownScripts, recentRows } from './startModel';
import { ask } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';

/** Choosing what to run: a recent workshop, a built-in template (in either language), or a script of one's own. */
export function StartView({ onDone }: { onDone: () => void }) {
  const lang = getLang();
  const [scripts, setScripts] = useState<ScriptRecord[]>([]);
  const [workshops, setWorkshops] = useState<WorkshopRecord[]>([]);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // The language each template starts in: the UI's by default, the other one a click away.
  const [templateLang, setTemplateLang] = useState<Record<string, Lang>>({});
  useEffect(() => {
    void ask('script/list', {}).then((r) => r.ok && setScripts(r.value));
    void ask('workshop/list', {}).then((r) => r.ok && setWorkshops(r.value));
    void ask('workshop/active', {}).then((r) => r.ok && setActiveId(r.value?.workshop.id));
  }, []);
  const recent = recentRows(workshops, scripts, activeId, lang);

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
          <ul data-testid="recent">
            {recent.map((w) => (
              <li key={w.id} data-workshop={w.id} aria-current={w.current ? 'true' : undefined}>
                <strong>{w.title}</strong>
                {w.current && <span class="badge ok"> {t('libraryActive')}</span>}
                <span class="muted">
                  {w.series ? t('startSeriesPlace', { series: w.series.title, n: w.series.index, count: w.series.count }) + ' · ' : ''}
                  {w.date}
                </span>
                {!w.current && <button onClick={() => void run(ask('workshop/open', { workshopId: w.id }))}>{t('startOpen')}</button>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 class="muted" style={{ margin: 0, fontSize: '13px' }}>
        {t('startTemplates')}
      </h3>
      <ul data-testid="templates">
        {TEMPLATES.map((template) => {
          const chosen = templateLang[template.id] ?? lang;
          return (
            <li key={template.id} data-template={template.id}>
              <strong>{template.title[lang]}</strong>
              <span class="muted">{template.description[lang]}</span>
              <span role="radiogroup" aria-label={t('startTemplateLang')} class="lang-choice">
                {LANGS.map((l) => (
                  <label key={l} class="inline">
                    <input type="radio" name={`lang-${template.id}`} checked={chosen === l} onChange={() => setTemplateLang({ ...templateLang, [template.id]: l })} />
                    {t(`startLang_${l}`)}
                  </label>
                ))}
              </span>
              {template.workshops.map((workshop, index) => (
                <button key={index} onClick={() => void run(ask('workshop/from-template', { templateId: template.id, lang: chosen, workshopIndex: index }))}>
                  {template.workshops.length > 1 ? t('startWorkshop', { title: workshop.title[chosen] }) : t('startNew')}
                </button>
              ))}
            </li>
          );
        })}
      </ul>
      {ownScripts(scripts).length > 0 && (
        <>
          <h3 class="muted" style={{ margin: 0, fontSize: '13px' }}>
            {t('startLibrary')}
          </h3>
          <ul>
            {ownScripts(scripts).map(({ script }) => (
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
