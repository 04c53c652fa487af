import { useRef, useState } from 'preact/hooks';
import type { PromptCard } from '../../prompts/cards';
import type { SurfacedCard } from '../../prompts/rules';
import { getLang, t } from '../i18n';
import { SourceRef } from '../shared/SourceRef';
import { reasonOf, surfacedCards } from './promptsModel';
import type { PromptsHandle } from './usePrompts';
import { useFocusAfter } from './useFocusAfter';

function reasonText(card: SurfacedCard): string {
  const reason = reasonOf(card);
  return t(reason.key, reason.params);
}

/** `onPress`: told as an action is pressed, before the card may go away. */
export function PromptCardView({ card, surfaced, prompts, onPress }: { card: PromptCard; surfaced?: SurfacedCard; prompts: PromptsHandle; onPress?: (e: Event) => void }) {
  const lang = getLang();
  const act = (action: 'used' | 'snoozed' | 'dismissed') => (e: Event) => {
    onPress?.(e);
    prompts.act(card.id, action);
  };
  return (
    <article class="prompt-card" aria-labelledby={`card-${card.id}`} data-card={card.id}>
      {/* Focusable from script: focus comes here when the card before it is put away. */}
      <h3 id={`card-${card.id}`} tabIndex={-1}>
        {card.title[lang]}
      </h3>
      <p>{card.body[lang]}</p>
      {surfaced && <p class="muted prompt-reason">{reasonText(surfaced)}</p>}
      {card.source && <SourceRef source={card.source} />}
      <div class="capture-row">
        <button onClick={act('used')}>{t('promptUsed')}</button>
        <button onClick={act('snoozed')}>{t('promptSnooze')}</button>
        <button onClick={act('dismissed')}>{t('promptDismiss')}</button>
      </div>
    </article>
  );
}

/** The cards for this moment, quietly (no focus moves), and the whole library to browse. */
export function PromptsView({ prompts }: { prompts: PromptsHandle }) {
  const [browse, setBrowse] = useState(false);
  const shown = surfacedCards(prompts.library, prompts.surfaced);
  const lang = getLang();
  // A card put away takes its buttons with it: focus goes to the card now in its place (the next
  // one, or the last), or to the library button when none is left.
  const focusAfter = useFocusAfter();
  const list = useRef<HTMLDivElement>(null);
  const browseButton = useRef<HTMLButtonElement>(null);
  const toCardAt = (index: number) => () => {
    const titles = list.current?.querySelectorAll<HTMLElement>('.prompt-card h3') ?? [];
    return titles.length > 0 ? titles[Math.min(index, titles.length - 1)] : browseButton.current;
  };
  return (
    <section class="prompts" aria-labelledby="prompts-h">
      <h2 id="prompts-h" class="sr-only">
        {t('tab_prompts')}
      </h2>
      {shown.length === 0 && <p class="muted">{t('promptNone')}</p>}
      <div data-testid="surfaced" ref={list}>
        {shown.map(({ card, surfaced }, index) => (
          <PromptCardView key={card.id} card={card} surfaced={surfaced} prompts={prompts} onPress={(e) => focusAfter(e, toCardAt(index))} />
        ))}
      </div>
      <button class="linkish" aria-expanded={browse} onClick={() => setBrowse(!browse)} ref={browseButton}>
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
