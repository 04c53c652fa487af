import { useState } from 'preact/hooks';
import type { PromptCard } from '../../prompts/cards';
import type { SurfacedCard } from '../../prompts/rules';
import { getLang, t } from '../i18n';
import { SourceRef } from '../shared/SourceRef';
import { reasonOf, surfacedCards } from './promptsModel';
import type { PromptsHandle } from './usePrompts';

function reasonText(card: SurfacedCard): string {
  const reason = reasonOf(card);
  return t(reason.key, reason.params);
}

export function PromptCardView({ card, surfaced, prompts }: { card: PromptCard; surfaced?: SurfacedCard; prompts: PromptsHandle }) {
  const lang = getLang();
  return (
    <article class="prompt-card" aria-labelledby={`card-${card.id}`} data-card={card.id}>
      <h3 id={`card-${card.id}`}>{card.title[lang]}</h3>
      <p>{card.body[lang]}</p>
      {surfaced && <p class="muted prompt-reason">{reasonText(surfaced)}</p>}
      {card.source && <SourceRef source={card.source} />}
      <div class="capture-row">
        <button onClick={() => prompts.act(card.id, 'used')}>{t('promptUsed')}</button>
        <button onClick={() => prompts.act(card.id, 'snoozed')}>{t('promptSnooze')}</button>
        <button onClick={() => prompts.act(card.id, 'dismissed')}>{t('promptDismiss')}</button>
      </div>
    </article>
  );
}

/** The cards for this moment, quietly (no focus moves), and the whole library to browse. */
export function PromptsView({ prompts }: { prompts: PromptsHandle }) {
  const [browse, setBrowse] = useState(false);
  const shown = surfacedCards(prompts.library, prompts.surfaced);
  const lang = getLang();
  return (
    <section class="prompts" aria-labelledby="prompts-h">
      <h2 id="prompts-h" class="sr-only">
        {t('tab_prompts')}
      </h2>
      {shown.length === 0 && <p class="muted">{t('promptNone')}</p>}
      <div data-testid="surfaced">
        {shown.map(({ card, surfaced }) => (
          <PromptCardView key={card.id} card={card} surfaced={surfaced} prompts={prompts} />
        ))}
      </div>
      <button class="linkish" aria-expanded={browse} onClick={() => setBrowse(!browse)}>
        {t('promptBrowse', { n: prompts.library.length })}
      </button>
      {browse && (
        <ul class="plain">
          {prompts.library.map((card) => (
            <li key={card.id}>
              <details>
                <summary>{card.title[lang]}</summary>
                <PromptCardView card={card} prompts={prompts} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
