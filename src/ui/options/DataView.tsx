import { useState } from 'preact/hooks';
import type { PersonData, WorkshopData } from '../../messages/protocol';
import { getLang, t } from '../i18n';
import { ask, useStoreQuery } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import { workshopRows, type WorkshopRow } from '../shared/workshopRows';

// The one place that shows what Vuoro stores per workshop and erases it: one person, a workshop
// with everything linked to it, or everything. Each erase asks first and says when it is done.

type Status = { kind: 'idle' } | { kind: 'erasing' } | { kind: 'erased' } | { kind: 'error'; code: string };

export function DataView() {
  const { value: overview } = useStoreQuery(
    async () => {
      const reply = await ask('data/overview', {});
      return reply.ok ? reply.value : [];
    },
    ['workshops', 'captures', 'participants', 'turns', 'runs', 'live', 'settings', 'series'],
  );
  const { value: scripts = [] } = useStoreQuery(
    async () => {
      const reply = await ask('script/list', {});
      return reply.ok ? reply.value : [];
    },
    ['scripts'],
  );
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Named as the Library names them, so two workshops of the same title are told apart the same way.
  const rows = new Map(workshopRows(overview ?? [], scripts, undefined, getLang()).map((r) => [r.id, r]));

  async function erase(question: string, run: () => ReturnType<typeof ask>) {
    if (!confirm(question)) return;
    setStatus({ kind: 'erasing' });
    const reply = await run();
    setStatus(reply.ok ? { kind: 'erased' } : { kind: 'error', code: reply.error.code });
  }

  return (
    <section aria-labelledby="data-h" class="data-view">
      <h2 id="data-h">{t('dataTitle')}</h2>
      <p>{t('dataIntro')}</p>
      <p class="muted">{t('dataRetention')}</p>
      {status.kind === 'erasing' && <p role="status">{t('dataErasing')}</p>}
      {status.kind === 'erased' && <p role="status">{t('dataErased')}</p>}
      {status.kind === 'error' && <ErrorText code={status.code} />}
      {overview && overview.length === 0 && <p class="muted">{t('dataNothing')}</p>}
      {overview?.map((workshop) => (
        <WorkshopData key={workshop.id} workshop={workshop} row={rows.get(workshop.id)!} busy={status.kind === 'erasing'} erase={erase} />
      ))}
      <p>
        <button class="danger" disabled={status.kind === 'erasing'} onClick={() => void erase(sharedNote(t('dataEraseAllConfirm'), overview?.some((w) => w.shared) === true), () => ask('data/erase-all', {}))}>
          {t('dataEraseAll')}
        </button>
      </p>
    </section>
  );
}

interface WorkshopProps {
  workshop: WorkshopData;
  row: WorkshopRow;
  busy: boolean;
  erase: (question: string, run: () => ReturnType<typeof ask>) => Promise<void>;
}

/** An erase question, and for a workshop shared live, that the copies the others keep are theirs to erase. */
function sharedNote(question: string, shared: boolean): string {
  return shared ? `${question}\n\n${t('dataSharedEraseNote')}` : question;
}

function WorkshopData({ workshop, row, busy, erase }: WorkshopProps) {
  const name = row.tellApart ? `${workshop.title} · ${row.tellApart}` : workshop.title;
  const erasePerson = (person: PersonData) =>
    erase(sharedNote(t('dataErasePersonConfirm', { name: person.name }), workshop.shared), () =>
      ask('data/erase-person', { workshopId: workshop.id, name: person.name, ...(person.key ? { key: person.key } : {}) }),
    );
  return (
    <article class="data-workshop" aria-label={name} data-testid="data-workshop" data-workshop={workshop.id}>
      <h3>
        {workshop.title}
        {row.tellApart && <span class="muted"> · {row.tellApart}</span>}
      </h3>
      <p class="muted">
        {row.date}
        {row.series && ` · ${t('librarySeriesPlace', { n: row.series.index, count: row.series.count, series: row.series.title })}`} ·{' '}
        {t('dataCounts', { captures: workshop.captures, people: workshop.people.length, turns: workshop.turns, prompts: workshop.prompts, events: workshop.runEvents })}
        {workshop.keptCaptures > 0 && ` · ${t('dataKeptCaptures', { n: workshop.keptCaptures })}`}
      </p>
      {workshop.shared && (
        <p data-testid="data-shared">
          <span class="badge">{t('dataShared')}</span> {t('dataSharedHelp')}
        </p>
      )}
      <h4>{t('dataPeople')}</h4>
      {workshop.people.length === 0 ? (
        <p class="muted">{t('dataNoPeople')}</p>
      ) : (
        <ul class="data-people">
          {workshop.people.map((person) => (
            <li key={person.key ?? `chat:${person.name}`}>
              <span>{person.seriesOnly ? t('dataPersonSeriesOnly', { name: person.name }) : t('dataPerson', { name: person.name, turns: person.turns, chat: person.chatLines })}</span>{' '}
              <button disabled={busy} onClick={() => void erasePerson(person)}>
                {t('dataErasePerson', { name: person.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {workshop.erasedPeople > 0 && <p class="muted">{t('dataErasedPeople', { n: workshop.erasedPeople })}</p>}
      <button class="danger" disabled={busy} onClick={() => void erase(sharedNote(t('dataEraseWorkshopConfirm', { title: name }), workshop.shared), () => ask('workshop/delete', { workshopId: workshop.id }))}>
        {t('dataEraseWorkshop')}
      </button>
    </article>
  );
}
