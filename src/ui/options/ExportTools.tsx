import { useState } from 'preact/hooks';
import { renderAsync, renderFile, SUMMARY_FILE_TYPES, type SummaryFormat } from '../../summary/render';
import { getLang, t } from '../i18n';
import { ask } from '../shared/backend';
import { downloadBytes, safeFileName } from '../shared/download';
import { ErrorText } from '../shared/ErrorText';
import { loadExport } from '../summary/loadExport';

const FILE_FORMATS: Exclude<SummaryFormat, 'sticky'>[] = ['docx', 'md', 'html', 'csv', 'json'];

/** Export of one workshop's summary, with the user's choice about names, statistics and addresses. */
export function ExportTools({ workshopId, title, includeParticipants, includeStats }: { workshopId: string; title: string; includeParticipants: boolean; includeStats: boolean }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [keepFullUrls, setKeepFullUrls] = useState(false);
  const lang = getLang();

  async function run(format: SummaryFormat) {
    setError(undefined);
    setDone(undefined);
    const loaded = await loadExport(workshopId, { keepFullUrls });
    if (!loaded.ok) return setError(loaded.error);
    const { doc } = loaded;
    setProgress({ done: 0, total: doc.captures.length });
    const onProgress = (n: number, total: number) => setProgress({ done: n, total });
    try {
      if (format === 'sticky') {
        await navigator.clipboard.writeText(await renderAsync('sticky', doc, lang, { onProgress }));
        setDone(t('exportCopied', { n: doc.captures.length }));
      } else {
        const type = SUMMARY_FILE_TYPES[format];
        downloadBytes(await renderFile(format, doc, lang, { onProgress }), safeFileName(title, type.extension), type.mime);
        setDone(t('exportSaved'));
      }
    } catch {
      setError('export-failed');
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <div class="export-tools">
      <fieldset>
        <legend>{t('exportPrivacy')}</legend>
        <label class="inline">
          <input
            type="checkbox"
            checked={includeParticipants}
            onChange={(e) => void ask('workshop/update', { workshopId, patch: { includeParticipants: e.currentTarget.checked } })}
          />
          {t('exportIncludeParticipants')}
        </label>
        <label class="inline">
          <input type="checkbox" checked={includeStats} onChange={(e) => void ask('workshop/update', { workshopId, patch: { includeStats: e.currentTarget.checked } })} />
          {t('exportIncludeStats')}
        </label>
        <label class="inline">
          <input type="checkbox" checked={keepFullUrls} onChange={(e) => setKeepFullUrls(e.currentTarget.checked)} data-testid="export-keep-urls" />
          {t('exportKeepUrls')}
        </label>
      </fieldset>
      <div class="export-buttons" role="group" aria-label={t('exportTitle')}>
        <button
          class="primary"
          onClick={() => void ask('summary/open', { workshopId }).then((reply) => (reply.ok ? setDone(t('exportOpened')) : setError(reply.error.code)))}
        >
          {t('exportEdit')}
        </button>
        {FILE_FORMATS.map((format) => (
          <button key={format} onClick={() => void run(format)} data-format={format}>
            {t(`export_${format}`)}
          </button>
        ))}
        <button onClick={() => void run('sticky')}>{t('exportSticky')}</button>
      </div>
      {progress && (
        <p role="status">
          <progress max={progress.total || 1} value={progress.done} aria-label={t('exportProgress')} /> {t('exportProgressText', { done: progress.done, total: progress.total })}
        </p>
      )}
      {done && (
        <p role="status" class="muted" data-testid="export-status">
          {done}
        </p>
      )}
      <ErrorText code={error} />
    </div>
  );
}
