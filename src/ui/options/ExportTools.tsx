import { useState } from 'preact/hooks';
import { BUILT_IN_CARDS } from '../../prompts/cards';
import { exportFromWorkshop, type WorkshopContents } from '../../summary/fromWorkshop';
import { renderAsync, SUMMARY_FILE_TYPES, type SummaryFormat } from '../../summary/render';
import { getLang, t } from '../i18n';
import { ask } from '../shared/backend';
import { downloadText, safeFileName } from '../shared/download';
import { ErrorText } from '../shared/ErrorText';

const FORMATS: SummaryFormat[] = ['md', 'html', 'csv', 'json', 'sticky'];

/** Export of one workshop's summary, with the user's choice about names and statistics. */
export function ExportTools({ workshopId, title, includeParticipants, includeStats }: { workshopId: string; title: string; includeParticipants: boolean; includeStats: boolean }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const lang = getLang();

  async function build() {
    const reply = await ask('workshop/contents', { workshopId });
    if (!reply.ok) {
      setError(reply.error.code);
      return undefined;
    }
    const cards = new Map(BUILT_IN_CARDS.map((c) => [c.id, c.title[reply.value.workshop.lang]]));
    const settings = await ask('settings/get', {});
    return exportFromWorkshop(reply.value, {
      now: Date.now(),
      cardTitle: (id) => cards.get(id) ?? id,
      ...(settings.ok && settings.value.capturedBy ? { exportedBy: settings.value.capturedBy } : {}),
    });
  }

  async function run(format: SummaryFormat, action: 'download' | 'copy') {
    setError(undefined);
    setDone(undefined);
    const doc = await build();
    if (!doc) return;
    setProgress({ done: 0, total: doc.captures.length });
    const text = await renderAsync(format, doc, lang, { onProgress: (n: number, total: number) => setProgress({ done: n, total }) });
    setProgress(undefined);
    const type = SUMMARY_FILE_TYPES[format];
    if (action === 'copy') {
      await navigator.clipboard.writeText(text);
      setDone(t('exportCopied', { n: doc.captures.length }));
    } else {
      downloadText(text, safeFileName(title, type.extension), type.mime);
      setDone(t('exportSaved'));
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
      </fieldset>
      <div class="export-buttons" role="group" aria-label={t('exportTitle')}>
        {FORMATS.map((format) =>
          format === 'sticky' ? (
            <button key={format} onClick={() => void run(format, 'copy')}>
              {t('exportSticky')}
            </button>
          ) : (
            <button key={format} onClick={() => void run(format, 'download')}>
              {t(`export_${format}`)}
            </button>
          ),
        )}
        <button
          onClick={() =>
            void ask('summary/open', { workshopId }).then((reply) => (reply.ok ? setDone(t('exportOpened')) : setError(reply.error.code)))
          }
        >
          {t('exportPrint')}
        </button>
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
