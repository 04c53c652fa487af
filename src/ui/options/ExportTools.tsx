import { useState } from 'preact/hooks';
import { renderFile, SUMMARY_FILE_TYPES, type SummaryFormat } from '../../summary/render';
import { t } from '../i18n';
import { ask } from '../shared/backend';
import { downloadBytes, safeFileName } from '../shared/download';
import { ErrorText } from '../shared/ErrorText';
import { loadExport, loadSeriesExport } from '../summary/loadExport';
import { boardCaptures, type BoardArrangement } from '../../summary/boardLayout';
import { facilitationKit } from '../../summary/facilitationKit';
import { whiteboardCopy, WHITEBOARD_TARGETS, type WhiteboardClipboard, type WhiteboardTarget } from '../../summary/boardClipboard';

const FILE_FORMATS: Exclude<SummaryFormat, 'sticky'>[] = ['docx', 'md', 'html', 'csv', 'json'];
const ARRANGEMENTS: BoardArrangement[] = ['grid', 'map', 'votes', 'goAround'];

/** Every flavour on one clipboard item, so the board picks the one it reads as its own. */
async function writeClipboard(data: WhiteboardClipboard): Promise<void> {
  const items = Object.fromEntries(Object.entries(data).map(([type, text]) => [type, new Blob([text], { type })]));
  await navigator.clipboard.write([new ClipboardItem(items)]);
}

/** A labelled select of one of a few fixed values (a board, an arrangement). */
function Choice<T extends string>({ label, value, values, optionLabel, onChange }: { label: string; value: T; values: readonly T[]; optionLabel: (value: T) => string; onChange: (value: T) => void }) {
  return (
    <label class="inline">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {optionLabel(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Export of one workshop's summary, with the user's choice about names, statistics and addresses. */
export function ExportTools({ workshopId, title, includeParticipants, includeStats }: { workshopId: string; title: string; includeParticipants: boolean; includeStats: boolean }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [keepFullUrls, setKeepFullUrls] = useState(false);
  const [target, setTarget] = useState<WhiteboardTarget>('excalidraw');
  const [arrangement, setArrangement] = useState<BoardArrangement>('grid');

  async function copyToWhiteboard() {
    setError(undefined);
    setDone(undefined);
    const loaded = await loadExport(workshopId, { keepFullUrls });
    if (!loaded.ok) return setError(loaded.error);
    const { doc } = loaded;
    // The map and the vote of a series span its workshops (src/summary/boardLayout.ts boardCaptures).
    const series = (arrangement === 'map' || arrangement === 'votes') && doc.workshop.series?.position ? await loadSeriesExport(workshopId) : undefined;
    const captures = boardCaptures(doc.captures, series?.ok ? series.doc.captures : undefined, arrangement, doc.lang);
    try {
      // The notes speak the workshop's language, whatever the UI's: its captures are written in it.
      const copy = whiteboardCopy({ ...doc, captures: [...captures] }, target, arrangement, doc.lang);
      if (copy.notes === 0) return setError('export-board-empty');
      await writeClipboard(copy.clipboard);
      // What was copied, not how many captures the workshop has (it said "1 note copied" of an empty vote).
      setDone(t('exportCopied', { n: copy.notes }));
    } catch {
      setError('export-failed');
    }
  }

  async function run(format: Exclude<SummaryFormat, 'sticky'>) {
    setError(undefined);
    setDone(undefined);
    const loaded = await loadExport(workshopId, { keepFullUrls });
    if (!loaded.ok) return setError(loaded.error);
    const { doc } = loaded;
    // The summary speaks the workshop's language, whatever the UI's: its captures are written in it.
    const lang = doc.lang;
    setProgress({ done: 0, total: doc.captures.length });
    const onProgress = (n: number, total: number) => setProgress({ done: n, total });
    try {
      const type = SUMMARY_FILE_TYPES[format];
      downloadBytes(await renderFile(format, doc, lang, { onProgress }), safeFileName(title, type.extension), type.mime);
      setDone(t('exportSaved'));
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
      </div>
      <p class="muted" data-testid="export-json-help">{t('exportJsonHelp')}</p>
      <div class="export-board" role="group" aria-label={t('exportSticky')}>
        <Choice label={t('exportBoardTarget')} value={target} values={WHITEBOARD_TARGETS} optionLabel={(v) => t(`exportBoardTarget_${v}`)} onChange={setTarget} />{' '}
        <Choice label={t('exportBoardArrangement')} value={arrangement} values={ARRANGEMENTS} optionLabel={(v) => t(`exportBoardArrangement_${v}`)} onChange={setArrangement} />{' '}
        <button onClick={() => void copyToWhiteboard()}>{t('exportSticky')}</button>
      </div>
      <p>
        <button onClick={() => downloadBytes(facilitationKit(), 'vuoro-kit.excalidrawlib', 'application/vnd.excalidrawlib+json')} data-testid="export-kit">
          {t('exportKitDownload')}
        </button>{' '}
        <span class="muted">{t('exportKitHelp')}</span>
      </p>
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
