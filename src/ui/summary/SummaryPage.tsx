import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILT_IN_CARDS } from '../../prompts/cards';
import { exportFromWorkshop, type WorkshopContents } from '../../summary/fromWorkshop';
import { renderHtml } from '../../summary/html';
import { getLang, t } from '../i18n';
import { ask } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';

/**
 * The printable summary of one workshop. The HTML comes from the same renderer as the download,
 * shown in a frame that may run no script at all; "Print" gives the browser's save-as-PDF.
 */
export function SummaryPage({ workshopId }: { workshopId: string }) {
  const [html, setHtml] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    void (async () => {
      const reply = await ask('workshop/contents', { workshopId });
      if (!reply.ok) return setError(reply.error.code);
      const cards = new Map(BUILT_IN_CARDS.map((c) => [c.id, c.title[reply.value.workshop.lang]]));
      const doc = exportFromWorkshop(reply.value, { now: Date.now(), cardTitle: (id) => cards.get(id) ?? id });
      document.title = doc.workshop.title;
      setHtml(renderHtml(doc, getLang()));
    })();
  }, [workshopId]);
  return (
    <>
      <div class="summary-bar">
        <button class="primary" disabled={!html} onClick={() => frame.current?.contentWindow?.print()}>
          {t('summaryPrint')}
        </button>
        <span class="muted">{t('summaryHint')}</span>
      </div>
      <ErrorText code={error} />
      {html && <iframe ref={frame} class="summary-frame" title={t('summaryFrame')} sandbox="allow-same-origin allow-modals" srcdoc={html} data-testid="summary" />}
    </>
  );
}
