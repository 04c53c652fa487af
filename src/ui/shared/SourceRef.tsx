import type { SeedSource } from '../../script/schema';
import { describeSource, referenceText } from '../../sources';
import { getLang, t } from '../i18n';

/** A citation in words (publication, authors, year, section) with its quote one click away. */
export function SourceRef({ source }: { source: SeedSource }) {
  const reference = describeSource(source, getLang());
  if (!reference) return null;
  return (
    <div class="muted source-ref" data-testid="source-ref">
      <span>{t('sourceLabel', { reference: referenceText(reference) })}</span>
      {reference.quote && (
        <details>
          <summary>{t('sourceShowQuote')}</summary>
          <blockquote lang="fi">{reference.quote}</blockquote>
        </details>
      )}
    </div>
  );
}
