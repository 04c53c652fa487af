import { useState } from 'preact/hooks';
import { describeParseError } from '../../summary/json';
import { importInParts } from './importFile';
import { getLang, t } from '../i18n';
import { ask, useStoreProblem, useStoreQuery } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import { ExportTools } from './ExportTools';
import { DateField, RenameForm } from '../shared/WorkshopFields';
import { workshopRows } from '../shared/workshopRows';
import { SeriesList } from './SeriesList';

/** Every workshop on this device: search, open in the panel, export, import a note-taker's file, delete. */
export function LibraryView() {
  const { value: list = [] } = useStoreQuery(
    async () => {
      const reply = await ask('workshop/list', {});
      return reply.ok ? reply.value : [];
    },
    ['workshops'],
  );
  const { value: activeId } = useStoreQuery(
    async () => {
      const reply = await ask('workshop/active', {});
      return reply.ok ? (reply.value?.workshop.id ?? null) : null;
    },
    ['settings', 'workshops'],
  );
  const [query, setQuery] = useState('');
  const storeProblem = useStoreProblem();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const { value: scripts = [] } = useStoreQuery(
    async () => {
      const reply = await ask('script/list', {});
      return reply.ok ? reply.value : [];
    },
    ['scripts'],
  );
  const [editing, setEditing] = useState<{ id: string; what: 'name' | 'date' } | undefined>(undefined);
  const [importTarget, setImportTarget] = useState<string>('');
  const [importResult, setImportResult] = useState<string | undefined>(undefined);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [importing, setImporting] = useState<{ done: number; total: number } | undefined>(undefined);
  const lang = getLang();
  const needle = query.trim().toLocaleLowerCase();
  const rows = new Map(workshopRows(list, scripts, activeId ?? undefined, lang).map((r) => [r.id, r]));
  // The search reads what a row shows: its name, the day and the series (it read only the name and
  // the goal, so the series or the day written under a workshop found nothing), and the goal.
  const shown = list.filter((w) => {
    if (!needle) return true;
    const row = rows.get(w.id);
    return [w.title, w.goal, row?.date, row?.series?.title].join(' ').toLocaleLowerCase().includes(needle);
  });

  async function importFile(file: File) {
    setImportResult(undefined);
    setImportErrors([]);
    setError(undefined);
    setImporting({ done: 0, total: 0 });
    try {
      const outcome = await importInParts(file, importTarget || undefined, (done, total) => setImporting({ done, total }));
      if ('errors' in outcome) return setImportErrors(outcome.errors.map((e) => describeParseError(e, lang)));
      if (!outcome.ok) return setError(outcome.error.code);
      const value = outcome.value;
      setImportResult(
        'workshopId' in value
          ? t(value.alreadyImported ? 'importAlreadyDone' : 'importCreated', { n: value.added })
          : t('importMerged', { added: value.added, updated: value.updated, skipped: value.skippedDuplicates, conflicts: value.conflicts.length }),
      );
    } finally {
      setImporting(undefined);
    }
  }

  return (
    <section aria-labelledby="library-h">
      <h2 id="library-h">{t('libraryTitle')}</h2>
      <label>
        {t('librarySearch')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {shown.length === 0 && !storeProblem && <p class="muted">{t('libraryEmpty')}</p>}
      <ul class="library" data-testid="library">
        {shown.map((w) => {
          const row = rows.get(w.id)!;
          return (
            <li key={w.id} data-workshop={w.id} aria-current={row.current ? 'true' : undefined}>
              <div class="library-row">
                <div>
                  {editing?.id === w.id && editing.what === 'name' ? (
                    <RenameForm workshopId={w.id} title={w.title} onClose={() => setEditing((e) => (e?.id === w.id && e.what === 'name' ? undefined : e))} onError={setError} />
                  ) : (
                    <strong>{w.title}</strong>
                  )}
                  {row.tellApart && <span class="muted"> · {row.tellApart}</span>}
                  {row.current && <span class="badge ok"> {t('libraryActive')}</span>}
                  <div class="muted" data-testid="workshop-meta">
                    {editing?.id === w.id && editing.what === 'date' ? <DateField workshopId={w.id} title={w.title} isoDate={row.isoDate} onError={setError} /> : row.date}
                    {row.series && ` · ${t('librarySeriesPlace', { n: row.series.index, count: row.series.count, series: row.series.title })}`}
                  </div>
                </div>
                <div class="row-actions">
                  <button onClick={() => setSelected(selected === w.id ? undefined : w.id)} aria-expanded={selected === w.id}>
                    {t('libraryExport')}
                  </button>
                  <button onClick={() => setEditing({ id: w.id, what: 'name' })}>{t('libraryRename')}</button>
                  <button onClick={() => setEditing(editing?.id === w.id && editing.what === 'date' ? undefined : { id: w.id, what: 'date' })} aria-expanded={editing?.id === w.id && editing.what === 'date'}>
                    {t('libraryChangeDate')}
                  </button>
                  {!row.current && <button onClick={() => void ask('workshop/open', { workshopId: w.id })}>{t('libraryMakeActive')}</button>}
                  <button
                    onClick={() => {
                      // A workshop shared live stays in the others' browsers: this deletes it here only.
                      const question = t('libraryDeleteConfirm', { title: w.title });
                      if (confirm(w.sharedAt === undefined ? question : `${question}\n\n${t('librarySharedDeleteNote')}`)) void ask('workshop/delete', { workshopId: w.id });
                    }}
                  >
                    {t('libraryDelete')}
                  </button>
                </div>
              </div>
              {selected === w.id && <ExportTools workshopId={w.id} title={w.title} includeParticipants={w.includeParticipants} includeStats={w.includeStats} />}
            </li>
          );
        })}
      </ul>

      <SeriesList workshops={list} scripts={scripts} />

      <h3>{t('importTitle')}</h3>
      <p class="muted">{t('importHelp')}</p>
      <label>
        {t('importInto')}
        <select value={importTarget} onChange={(e) => setImportTarget(e.currentTarget.value)}>
          <option value="">{t('importAsNew')}</option>
          {/* Told apart as the list above tells them: two workshops of one template read the same
              ("into “Workshop 1: A shared picture of change”" twice) with nothing to choose by. */}
          {[...rows.values()].map((row) => (
            <option key={row.id} value={row.id}>
              {t('importIntoWorkshop', { title: row.title })} · {row.date}
              {row.tellApart ? ` · ${row.tellApart}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('importFile')}
        <input
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          disabled={importing !== undefined}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {importing && (
        <p role="status" data-testid="import-progress">
          {importing.total ? (
            <>
              <progress max={importing.total} value={importing.done} aria-label={t('importTitle')} /> {t('importProgress', { done: importing.done, total: importing.total })}
            </>
          ) : (
            t('importReading')
          )}
        </p>
      )}
      {importResult && (
        <p role="status" data-testid="import-result">
          {importResult}
        </p>
      )}
      {importErrors.length > 0 && (
        <div class="error" role="alert" data-testid="import-errors">
          <p>{t('importInvalid')}</p>
          <ul>
            {importErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorText code={error} />
    </section>
  );
}
