import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isLive } from '../../capture/schema';
import { applyEdits } from '../../summary/edits';
import { withoutBidiControls } from '../../summary/escape';
import { renderHtml } from '../../summary/html';
import { renderFile, SUMMARY_FILE_TYPES } from '../../summary/render';
import { t } from '../i18n';
import { ask, useLangFollow, useStoreQuery } from '../shared/backend';
import { downloadBytes, safeFileName } from '../shared/download';
import { ErrorText } from '../shared/ErrorText';
import { loadExport, loadSeriesExport } from './loadExport';

const DOWNLOADS = ['docx', 'md', 'html'] as const;
/** What a summary is made of: a change to any of them is read again. */
const SUMMARY_STORES = ['workshops', 'scripts', 'runs', 'captures', 'participants', 'turns', 'prompts', 'live', 'series', 'settings'];
/** A series summary is also wanted as a spreadsheet and as data (the options page exports those per workshop). */
const SERIES_DOWNLOADS = [...DOWNLOADS, 'csv', 'json'] as const;

/**
 * The summary of one workshop, prepared for sending: the facilitator edits the title, writes an
 * introduction and leaves captures out; the preview and every download follow. The edits live in
 * this page only, the stored captures are not changed. The preview is the HTML download itself, in a
 * frame that may run no script; "Print" gives the browser's save-as-PDF.
 */
export function SummaryPage({ workshopId, series = false }: { workshopId: string; series?: boolean }) {
  useLangFollow();
  // A download that failed says so until a later one succeeds.
  const [exportError, setExportError] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState('');
  const titled = useRef(false);
  const [introduction, setIntroduction] = useState('');
  const [omitted, setOmitted] = useState<ReadonlySet<string>>(new Set());
  const [withCards, setWithCards] = useState(true);
  // A series summary has no workshop whose setting to follow: names (chat authors, the pairs and
  // groups of the intermediate task) go in only when ticked here, as a workshop's only when ticked.
  const [withNames, setWithNames] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  // Where the reader of the preview was: each change (a keystroke in the introduction, a capture
  // left out, a change in the store read again) loads a new document into the frame, which put
  // them back at the top of a long summary.
  const scrolled = useRef(0);
  const keepScroll = () => {
    const view = frame.current?.contentWindow;
    if (!view) return;
    view.scrollTo(0, scrolled.current);
    view.addEventListener('scroll', () => (scrolled.current = view.scrollY), { passive: true });
  };

  // Read again on every change to the store, not once: the names and statistics ticks of a workshop
  // live on the options page, and a summary opened before one was unticked still sent the names.
  // The edits here (title, introduction, captures left out) stay as they are.
  const { value: loaded } = useStoreQuery(() => (series ? loadSeriesExport(workshopId) : loadExport(workshopId)), SUMMARY_STORES, [workshopId, series]);
  const doc = loaded?.ok ? loaded.doc : undefined;
  // The latest read's error, as long as it is the latest: a failed read (the background busy
  // restarting, say) kept its banner over a summary that a later read had filled in.
  const error = (loaded && !loaded.ok ? loaded.error : undefined) ?? exportError;
  useEffect(() => {
    if (!doc || titled.current) return;
    titled.current = true;
    setTitle(doc.workshop.title);
  }, [loaded]);

  const edited = useMemo(
    () => (doc ? applyEdits(series ? { ...doc, includeParticipants: withNames } : doc, { title, introduction, omitCaptureIds: [...omitted], omitCards: !withCards }) : undefined),
    [doc, series, title, introduction, omitted, withCards, withNames],
  );
  // The summary speaks the workshop's language, whatever the UI's: its captures are written in it.
  const html = useMemo(() => (edited ? renderHtml(edited, edited.lang) : undefined), [edited]);
  useEffect(() => {
    if (edited) document.title = edited.workshop.title;
  }, [edited]);

  const live = doc ? doc.captures.filter(isLive) : [];
  const toggle = (id: string, include: boolean) => {
    const next = new Set(omitted);
    if (include) next.delete(id);
    else next.add(id);
    setOmitted(next);
  };
  async function download(format: (typeof SERIES_DOWNLOADS)[number]) {
    if (!edited) return;
    try {
      const type = SUMMARY_FILE_TYPES[format];
      downloadBytes(await renderFile(format, edited, edited.lang), safeFileName(edited.workshop.title, type.extension), type.mime);
      setExportError(undefined);
    } catch {
      setExportError('export-failed');
    }
  }

  return (
    <div class="summary-layout">
      <aside class="summary-editor" aria-label={t('summaryEditor')}>
        {!series && doc?.workshop.series?.position && (
          // A workshop of a series links to the series' summary (a page of its own).
          <a href={`summary.html#series=${encodeURIComponent(workshopId)}`} target="_blank" rel="noopener" data-testid="series-link">
            {t('summarySeriesLink', { n: doc.workshop.series.position.number, count: doc.workshop.series.position.count })}
          </a>
        )}
        <label>
          {t('summaryEditTitle')}
          <input value={title} maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="summary-title" />
        </label>
        <label>
          {t('summaryEditIntro')}
          <textarea rows={5} maxLength={10_000} value={introduction} onInput={(e) => setIntroduction(e.currentTarget.value)} data-testid="summary-intro" />
        </label>
        <label class="inline">
          <input type="checkbox" checked={withCards} onChange={(e) => setWithCards(e.currentTarget.checked)} />
          {t('summaryEditCards')}
        </label>
        {series && (
          <label class="inline">
            <input type="checkbox" checked={withNames} onChange={(e) => setWithNames(e.currentTarget.checked)} data-testid="summary-names" />
            {t('exportIncludeParticipants')}
          </label>
        )}
        {!series && doc && (
          // A workshop's own ticks, the options page's: where the facilitator sees the names in the
          // preview, not only on another page. The store is read again, so the preview follows.
          <>
            <label class="inline">
              <input
                type="checkbox"
                checked={doc.includeParticipants}
                onChange={(e) => void ask('workshop/update', { workshopId, patch: { includeParticipants: e.currentTarget.checked } })}
                data-testid="summary-names"
              />
              {t('exportIncludeParticipants')}
            </label>
            <label class="inline">
              <input
                type="checkbox"
                checked={doc.includeStats}
                onChange={(e) => void ask('workshop/update', { workshopId, patch: { includeStats: e.currentTarget.checked } })}
                data-testid="summary-stats"
              />
              {t('exportIncludeStats')}
            </label>
          </>
        )}
        <details>
          {/* Counted among the captures there are now: one left out and since deleted is no longer one of them. */}
          <summary>{t('summaryEditItems', { included: live.filter((c) => !omitted.has(c.id)).length, total: live.length })}</summary>
          <ul class="summary-items">
            {live.map((c) => (
              <li key={c.id}>
                <label class="inline">
                  <input type="checkbox" checked={!omitted.has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} data-capture-id={c.id} />
                  {/* As the summary gives it: a bidi override would turn the text round here alone. */}
                  <span>{withoutBidiControls(c.text)}</span>
                </label>
              </li>
            ))}
          </ul>
        </details>
        <p class="muted">{t('summaryEditHint')}</p>
        <div class="summary-buttons" role="group" aria-label={t('summaryDownload')}>
          <button class="primary" disabled={!html} onClick={() => frame.current?.contentWindow?.print()}>
            {t('summaryPrint')}
          </button>
          {(series ? SERIES_DOWNLOADS : DOWNLOADS).map((format) => (
            <button key={format} disabled={!edited} onClick={() => void download(format)} data-format={format}>
              {/* A series' JSON is not a workshop's: the import refuses it as a series file (as a new workshop
                  and merged into one, which put all three workshops' captures there), so it is not called re-importable. */}
              {t(series && format === 'json' ? 'export_json_series' : `export_${format}`)}
            </button>
          ))}
        </div>
        <p class="muted">{t('summaryHint')}</p>
        <ErrorText code={error} />
      </aside>
      {html && <iframe ref={frame} class="summary-frame" title={t('summaryFrame')} sandbox="allow-same-origin allow-modals" srcdoc={html} onLoad={keepScroll} data-testid="summary" />}
    </div>
  );
}
