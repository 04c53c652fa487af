import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { useLangFollow, useStoreProblem } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import { CardsView } from './CardsView';
import { DataView } from './DataView';
import { LibraryView } from './LibraryView';
import { ScriptsView } from './ScriptsView';
import { SettingsView } from './SettingsView';
import { mayLeave } from './leaveGuard';

const VIEWS = ['library', 'scripts', 'cards', 'data', 'settings'] as const;
type View = (typeof VIEWS)[number];

const fromHash = (): View => (VIEWS as readonly string[]).includes(location.hash.slice(1)) ? (location.hash.slice(1) as View) : 'library';

export function Options() {
  const [view, setView] = useState<View>(fromHash);
  useLangFollow();
  const storeProblem = useStoreProblem();
  const shown = useRef(view);
  shown.current = view;
  useEffect(() => {
    // The browser's Back and Forward change the section too: unsaved edits ask first there as well,
    // and staying puts the address back.
    const onHash = () => {
      const next = fromHash();
      if (next === shown.current) return;
      if (!mayLeave()) return history.replaceState(null, '', `#${shown.current}`);
      setView(next);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div class="options">
      <h1>{t('optionsTitle')}</h1>
      <nav aria-label={t('optionsSections')}>
        {VIEWS.map((v) => (
          <button key={v} aria-current={view === v ? 'page' : undefined} onClick={() => view !== v && mayLeave() && (location.hash = v)}>
            {t(`optionsView_${v}`)}
          </button>
        ))}
      </nav>
      <ErrorText code={storeProblem} />
      <main>
        {view === 'library' && <LibraryView />}
        {view === 'scripts' && <ScriptsView />}
        {view === 'cards' && <CardsView />}
        {view === 'data' && <DataView />}
        {view === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}
