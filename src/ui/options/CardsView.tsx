import { useRef, useState } from 'preact/hooks';
import { BUILT_IN_CARDS, mergeCardLibrary, type UserCardEdit } from '../../prompts/cards';
import { DEFAULT_PROMPT_SETTINGS, type PromptSettings } from '../../prompts/rules';
import { getLang, t } from '../i18n';
import { ask, useStoreQuery } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import { NumberField } from '../shared/NumberField';
import { SourceRef } from '../shared/SourceRef';

interface CardConfig {
  userCards: UserCardEdit[];
  hiddenCards: string[];
  promptSettings: PromptSettings;
}

/** The prompt-card library: hide cards, rewrite them in your own words, add your own, tune the live signals. */
export function CardsView() {
  const lang = getLang();
  const { value: config } = useStoreQuery(
    async () => {
      const reply = await ask('cards/get', {});
      return reply.ok ? reply.value : { userCards: [], hiddenCards: [], promptSettings: DEFAULT_PROMPT_SETTINGS };
    },
    ['cards'],
  );
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState({ title: '', body: '' });
  const [error, setError] = useState<string | undefined>(undefined);
  if (!config) return null;
  const all = mergeCardLibrary(BUILT_IN_CARDS, config.userCards, []).cards;

  async function store(next: Partial<CardConfig>) {
    const reply = await ask('cards/set', { ...config!, ...next });
    setError(reply.ok ? undefined : reply.error.code);
  }

  function saveEdit(id: string) {
    const title = draft.title.trim();
    const body = draft.body.trim();
    if (!title || !body) return;
    // The card is written in the user's language; the other language shows the same words until edited.
    const existing = config!.userCards.find((c) => c.id === id);
    const builtIn = BUILT_IN_CARDS.find((c) => c.id === id);
    const base = existing ?? { id };
    const other = lang === 'fi' ? 'en' : 'fi';
    const edit: UserCardEdit = {
      ...base,
      title: { ...(builtIn?.title ?? { [other]: title }), ...(existing?.title ?? {}), [lang]: title } as UserCardEdit['title'],
      body: { ...(builtIn?.body ?? { [other]: body }), ...(existing?.body ?? {}), [lang]: body } as UserCardEdit['body'],
      ...(builtIn ? {} : { category: existing?.category ?? 'doing-together' }),
    };
    void store({ userCards: [...config!.userCards.filter((c) => c.id !== id), edit] });
    setEditing(undefined);
  }

  const setting = (key: keyof PromptSettings, value: number) => void store({ promptSettings: { ...config.promptSettings, [key]: value } });

  return (
    <section aria-labelledby="cards-h">
      <h2 id="cards-h">{t('cardsTitle')}</h2>
      <ErrorText code={error} />
      <fieldset>
        <legend>{t('cardsSignals')}</legend>
        <label>
          {t('cardsShareThreshold')}
          <NumberField min={10} max={100} value={Math.round(config.promptSettings.facilitatorShareThreshold * 100)} onCommit={(pct) => setting('facilitatorShareThreshold', pct / 100)} />
        </label>
        <label>
          {t('cardsNotHeard')}
          <NumberField min={1} max={120} value={config.promptSettings.notHeardMinutes} onCommit={(n) => setting('notHeardMinutes', n)} />
        </label>
        <label>
          {t('cardsSilence')}
          <NumberField min={1} max={120} value={config.promptSettings.silenceAfterQuestionSec} onCommit={(n) => setting('silenceAfterQuestionSec', n)} />
        </label>
        <label>
          {t('cardsHandWaiting')}
          <NumberField min={1} max={600} value={config.promptSettings.handWaitingSec} onCommit={(n) => setting('handWaitingSec', n)} />
        </label>
      </fieldset>
      <button
        onClick={() => {
          const id = `own-${crypto.randomUUID().slice(0, 8)}`;
          setDraft({ title: '', body: '' });
          setEditing(id);
        }}
      >
        {t('cardsAdd')}
      </button>
      {editing && !all.some((c) => c.id === editing) && <CardForm draft={draft} setDraft={setDraft} onSave={() => saveEdit(editing)} onCancel={() => setEditing(undefined)} />}
      <ul class="library" data-testid="cards">
        {all.map((card) => {
          const hidden = config.hiddenCards.includes(card.id);
          return (
            <li key={card.id} data-card={card.id}>
              <div class="library-row">
                <div>
                  <strong>{card.title[lang]}</strong> {!card.builtIn && <span class="badge ok">{t('cardsOwn')}</span>}
                  {hidden && <span class="badge"> {t('cardsHidden')}</span>}
                  <div>{card.body[lang]}</div>
                  {card.source && <SourceRef source={card.source} />}
                </div>
                <div class="row-actions">
                  <button
                    onClick={() => {
                      setDraft({ title: card.title[lang], body: card.body[lang] });
                      setEditing(card.id);
                    }}
                  >
                    {t('scriptsEdit')}
                  </button>
                  <button
                    aria-pressed={hidden}
                    onClick={() => void store({ hiddenCards: hidden ? config.hiddenCards.filter((id) => id !== card.id) : [...config.hiddenCards, card.id] })}
                  >
                    {hidden ? t('cardsShow') : t('cardsHide')}
                  </button>
                  {config.userCards.some((c) => c.id === card.id) && (
                    <button onClick={() => void store({ userCards: config.userCards.filter((c) => c.id !== card.id) })}>
                      {card.builtIn ? t('cardsRestore') : t('libraryDelete')}
                    </button>
                  )}
                </div>
              </div>
              {editing === card.id && <CardForm draft={draft} setDraft={setDraft} onSave={() => saveEdit(card.id)} onCancel={() => setEditing(undefined)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function CardForm({
  draft,
  setDraft,
  onSave,
  onCancel,
}: {
  draft: { title: string; body: string };
  setDraft: (d: { title: string; body: string }) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  // The form checks itself (noValidate): the browser's own bubble speaks the browser's language,
  // not Vuoro's, and a title of spaces passed it and then saved nothing without a word.
  const [empty, setEmpty] = useState<'title' | 'body' | undefined>(undefined);
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  return (
    <form
      class="editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const missing = !draft.title.trim() ? 'title' : !draft.body.trim() ? 'body' : undefined;
        setEmpty(missing);
        if (missing) (missing === 'title' ? titleRef : bodyRef).current?.focus();
        else onSave();
      }}
    >
      <label>
        {t('field_title')}
        <input
          ref={titleRef}
          value={draft.title}
          maxLength={120}
          required
          aria-invalid={empty === 'title'}
          onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('cardsBody')}
        <textarea
          ref={bodyRef}
          rows={3}
          value={draft.body}
          maxLength={600}
          required
          aria-invalid={empty === 'body'}
          onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
        />
      </label>
      {empty && (
        <p class="error" role="alert">
          {t('scriptError_empty', { where: empty === 'title' ? t('field_title') : t('cardsBody') })}
        </p>
      )}
      <div class="row-actions">
        <button class="primary" type="submit">
          {t('editorSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cardsCancel')}
        </button>
      </div>
    </form>
  );
}
