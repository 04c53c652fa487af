import { useMemo, useState } from 'preact/hooks';
import type { Capture } from '../../../capture/schema';
import { formGroups, groupListText, groupMembers, taskPeople } from '../../../series/groups';
import { methodLabels } from '../../../series/labels';
import { developmentMap } from '../../../series/map';
import { composeIntermediateTask } from '../../../series/task';
import type { SeriesRecord } from '../../../store/series';
import { getLang, t } from '../../i18n';
import { ErrorText } from '../../shared/ErrorText';
import type { PeopleView } from '../../../turns/people';
import type { useSeries } from './useSeries';
import { DraftField, DraftTextarea } from '../../shared/DraftField';

interface Props {
  captures: Capture[];
  series: SeriesRecord;
  /** The panel's one people view (Panel.tsx): who is in the call, who left, who facilitates. */
  people: PeopleView;
  update: ReturnType<typeof useSeries>['update'];
}

/**
 * The intermediate task: composed from the map (the seed's default wording), edited and copied for
 * the chat; participants tagged with their organisation; mixed pairs or groups proposed, reshuffled
 * and copied. Breakout rooms are assigned by hand in the meeting client: Vuoro gives the list.
 */
export function TaskView({ captures, series, people: view, update }: Props) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [size, setSize] = useState(2);
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const lang = getLang();
  // Everyone the meeting shows now or the workshop has seen, by name, with who left and who facilitates.
  const people = useMemo(() => taskPeople(view), [view]);
  const organisationOf = new Map(series.organisations.map((o) => [o.name, o.organisation]));
  const members = groupMembers(people, organisationOf);
  const known = [...new Set(series.organisations.map((o) => o.organisation).filter(Boolean))];
  const groups = series.groups ?? [];
  const composed = useMemo(() => composeIntermediateTask(lang, developmentMap(captures), groups), [lang, captures, groups]);
  const task = series.intermediateTask ?? composed;

  const save = (patch: Parameters<typeof update>[0]) => void update(patch).then(setError);
  const tag = (name: string, organisation: string) => save({ tag: { name, organisation } });
  const propose = () => save({ groups: formGroups(members, size) });
  // A page may not let its frames write the clipboard: then the text is selected for Ctrl+C.
  async function copy(text: string, selector: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(selector);
    } catch {
      document.querySelector<HTMLTextAreaElement>(selector)?.select();
      setError('clipboard-failed');
    }
  }
  const groupText = groupListText(groups, methodLabels(lang));

  return (
    <section class="series-task" aria-labelledby="task-h">
      <h3 id="task-h" class="series-h">
        {t('taskTitle')}
      </h3>
      <DraftTextarea rows={8} value={task} maxLength={8000} aria-label={t('taskText')} onCommit={(text) => save({ intermediateTask: text })} data-testid="task-text" />
      <div class="capture-row">
        <button onClick={() => save({ intermediateTask: composed })}>{t('taskCompose')}</button>
        <button
          onClick={() => {
            // Copying gives the task out: it is kept as given, for the overview and the series summary.
            save({ intermediateTask: task });
            void copy(task, '[data-testid="task-text"]');
          }}
        >{t('taskCopy')}</button>
      </div>
      <h4 class="series-h">{t('taskOrganisations')}</h4>
      {people.length === 0 && <p class="muted">{t('taskNoPeople')}</p>}
      <datalist id="known-organisations">
        {known.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <ul class="plain org-list" data-testid="org-list">
        {people.map(({ name, left, facilitator }) => (
          <li key={name} class="org-row" data-left={left || undefined}>
            <span>
              {name}
              {left && <span class="muted"> · {t('turnsAbsent')}</span>}
              {facilitator && <span class="muted"> · {t('turnsFacilitator')}</span>}
            </span>
            <DraftField list="known-organisations" value={organisationOf.get(name) ?? ''} maxLength={200} aria-label={t('taskOrganisationOf', { name })} onCommit={(text) => tag(name, text)} />
          </li>
        ))}
      </ul>
      <div class="capture-row">
        <label class="inline">
          {t('taskGroupSize')}
          <select value={size} onChange={(e) => setSize(Number(e.currentTarget.value))}>
            {[2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button class="primary" onClick={propose} disabled={members.length < 2}>
          {groups.length ? t('taskReshuffle') : t('taskFormGroups')}
        </button>
      </div>
      {groups.length > 0 && (
        <>
          <textarea readOnly class="group-list" rows={Math.min(8, groups.length)} value={groupText} aria-label={t('taskGroups')} data-testid="group-list" />
          <button onClick={() => void copy(groupText, '[data-testid="group-list"]')}>{t('taskCopyGroups')}</button>
        </>
      )}
      {copied && (
        <p role="status" class="muted">
          {t('taskCopied')}
        </p>
      )}
      <ErrorText code={error} />
    </section>
  );
}
