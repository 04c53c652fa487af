import { useState } from 'preact/hooks';
import { TEMPLATES } from '../../script/templates';
import { getLang, LANGS, t, type Lang } from '../i18n';
import { ownScripts, recentRows } from './startModel';
import { ask, useStoreQuery } from '../shared/backend';
import { DateField, RenameForm } from '../shared/WorkshopFields';
import { ErrorText } from '../shared/ErrorText';

/** Choosing what to run: a recent workshop, a built-in template (in either language), or a script of one's own. */
export function StartView({ onDone }: { onDone: () => void }) {
  const lang = getLang();
  const [error, setError] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<'name' | 'date' | undefined>(undefined);
  // The language each template starts in: the UI's by default, the other one a click away.
  const [templateLang, setTemplateLang] = useState<Record<string, Lang>>({});
  const { value: scripts = [] } = useStoreQuery(async () => {
    const r = await ask('script/list', {});
    return r.ok ? r.value : [];
  }, ['scripts']);
  const { value: workshops = [] } = useStoreQuery(async () => {
    const r = await ask('workshop/list', {});
    return r.ok ? r.value : [];
  }, ['workshops']);
  const { value: activeId } = useStoreQuery(async () => {
    const r = await ask('workshop/active', {});
    return r.ok ? r.value?.workshop.id : undefined;
  }, ['settings', 'workshops']);
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
                {w.current && editing === 'name' ? (
                  <RenameForm workshopId={w.id} title={w.title} onClose={() => setEditing((e) => (e === 'name' ? undefined : e))} onError={setError} />
                ) : (
                  <span>
                    <strong>{w.title}</strong>
                    {w.tellApart && <span class="muted"> · {w.tellApart}</span>}
                  </span>
                )}
                {w.current && <span class="badge ok"> {t('libraryActive')}</span>}
                <span class="muted">
                  {w.series ? t('startSeriesPlace', { series: w.series.title, n: w.series.index, count: w.series.count }) + ' · ' : ''}
                  {w.current && editing === 'date' ? <DateField workshopId={w.id} title={w.title} isoDate={w.isoDate} onError={setError} /> : w.date}
                </span>
                {w.current ? (
                  <span class="row-actions">
                    <button onClick={() => setEditing('name')}>{t('libraryRename')}</button>
                    <button onClick={() => setEditing(editing === 'date' ? undefined : 'date')} aria-expanded={editing === 'date'}>
                      {t('libraryChangeDate')}
                    </button>
                  </span>
                ) : (
                  <button onClick={() => void run(ask('workshop/open', { workshopId: w.id }))}>{t('startOpen')}</button>
                )}
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
              {/* The choice says what it chooses ("Language of the workshop: in Finnish / in English"); the
                  two radios alone read as a stray pair of words (found in a Finnish walk-through). */}
              <span role="radiogroup" aria-labelledby={`lang-label-${template.id}`} class="lang-choice">
                <span id={`lang-label-${template.id}`} class="muted">
                  {t('startTemplateLang')}:
                </span>
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
