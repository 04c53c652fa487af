import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { ask } from './backend';

// A workshop's name and date as the facilitator changes them, the same in the panel and the options
// library. Both go through workshop/update; the lists re-read the store when it changes.

/**
 * "Rename": the name as a form while editing, so Enter saves and Escape is Cancel. `onClose` comes
 * after the save's reply, when the user may already have moved on to the date: close only the name.
 */
export function RenameForm({ workshopId, title, onClose, onError }: { workshopId: string; title: string; onClose: () => void; onError: (code: string) => void }) {
  const [value, setValue] = useState(title);
  // The form checks itself (noValidate): the browser's own bubble for an empty name speaks the
  // browser's language, not Vuoro's, and a name of spaces was silently not saved.
  const [empty, setEmpty] = useState(false);
  return (
    <form
      class="rename"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next = value.trim();
        setEmpty(!next);
        if (!next) return e.currentTarget.querySelector('input')?.focus();
        void ask('workshop/update', { workshopId, patch: { title: next } }).then((r) => (r.ok ? onClose() : onError(r.error.code)));
      }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <input aria-label={t('libraryRenameLabel', { title })} value={value} maxLength={300} required aria-invalid={empty} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit">{t('librarySave')}</button>
      <button type="button" onClick={onClose}>
        {t('libraryCancel')}
      </button>
      {empty && (
        <p class="error" role="alert">
          {t('libraryRenameEmpty')}
        </p>
      )}
    </form>
  );
}

/** The day the workshop is held, as a date input; a cleared or invalid date is not saved. */
export function DateField({ workshopId, title, isoDate, onError }: { workshopId: string; title: string; isoDate: string; onError: (code: string) => void }) {
  return (
    <input
      type="date"
      class="workshop-date"
      value={isoDate}
      aria-label={t('workshopDateLabel', { title })}
      onChange={(e) => {
        const date = e.currentTarget.value;
        if (/^\d{4}-\d{2}-\d{2}$/.test(date)) void ask('workshop/update', { workshopId, patch: { date } }).then((r) => r.ok || onError(r.error.code));
      }}
    />
  );
}
