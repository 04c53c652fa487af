import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILT_IN_CARDS } from '../../prompts/cards';
import { PHASE_KINDS, parseScriptJson, serializeScript, validateScript, type Phase, type Script, type ScriptImportError } from '../../script/schema';
import { instantiateTemplate, listTemplates } from '../../script/templates';
import { getLang, t, type Lang } from '../i18n';
import { ask, useStoreQuery } from '../shared/backend';
import { downloadText, safeFileName } from '../shared/download';
import { ownScripts } from '../../store/templateCopies';
import type { Failure } from '../../messages/reply';
import { ErrorText } from '../shared/ErrorText';
import { NumberField } from '../shared/NumberField';
import { tabKeyTarget } from '../shared/tabKeys';
import { describeScriptError } from './scriptErrors';
import { mayLeave, setUnsavedCheck } from './leaveGuard';

const newId = () => crypto.randomUUID();

function blankPhase(): Phase {
  return { id: newId(), title: t('editorNewPhase'), goal: '', durationSec: 600, facilitatorNotes: '', participantInstructions: '', promptCardIds: [], kind: 'plenary' };
}

function blankScript(lang: Lang): Script {
  return {
    format: 'vuoro-script',
    schemaVersion: 1,
    id: newId(),
    title: t('editorNewScript'),
    description: '',
    lang,
    // Named by its place ("Workshop 1"), as the panel names it: a bare "Workshop" read "Run “Workshop”".
    workshops: [{ id: newId(), title: t('pathWorkshop', { n: 1 }), goal: '', phases: [blankPhase()] }],
  };
}

/** The script library: templates, the user's scripts, JSON import and export, and the editor. */
export function ScriptsView() {
  const lang = getLang();
  const { value: scripts = [] } = useStoreQuery(
    async () => {
      const reply = await ask('script/list', {});
      return reply.ok ? reply.value : [];
    },
    ['scripts'],
  );
  // Which scripts workshops use: such a script cannot be deleted, and is told so before the question
  // (it asked "Delete …?" and then refused).
  const { value: workshops = [] } = useStoreQuery(
    async () => {
      const reply = await ask('workshop/list', {});
      return reply.ok ? reply.value : [];
    },
    ['workshops'],
  );
  const usersOf = (scriptId: string) => workshops.filter((w) => w.scriptId === scriptId).length;
  // The stored built-in templates are listed below as templates, not as scripts of one's own.
  const own = ownScripts(scripts);
  const [editing, setEditing] = useState<Script | undefined>(undefined);
  const [importErrors, setImportErrors] = useState<ScriptImportError[]>([]);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Failure['error'] | undefined>(undefined);

  async function save(script: Script) {
    const reply = await ask('script/save', { script });
    if (!reply.ok) return setError(reply.error);
    setStatus(t('editorSaved'));
  }

  async function importFile(file: File) {
    setImportErrors([]);
    setStatus(undefined);
    const parsed = parseScriptJson(await file.text());
    if (!parsed.ok) return setImportErrors(parsed.errors);
    // An imported script keeps its content but gets a new id, so it never replaces one already here.
    await save({ ...parsed.script, id: newId() });
    setStatus(t('scriptsImported', { title: parsed.script.title }));
  }

  if (editing) {
    // The workshops held from this script point at theirs by place: none of those may go or move.
    const usedUpTo = Math.max(-1, ...workshops.filter((w) => w.scriptId === editing.id).map((w) => w.workshopIndex));
    return <ScriptEditor initial={editing} usedUpTo={usedUpTo} onClose={() => setEditing(undefined)} />;
  }

  return (
    <section aria-labelledby="scripts-h">
      <h2 id="scripts-h" tabIndex={-1} ref={focusOnMount}>
        {t('scriptsTitle')}
      </h2>
      <div class="row-actions">
        <button class="primary" onClick={() => setEditing(blankScript(lang))}>
          {t('scriptsNew')}
        </button>
        <label class="button-like">
          {t('scriptsImport')}
          <input
            type="file"
            accept="application/json,.json"
            class="sr-only"
            data-testid="script-import"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void importFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {status && <p role="status">{status}</p>}
      <ErrorText code={error?.code} {...(error?.params ? { params: error.params } : {})} />
      {importErrors.length > 0 && (
        <div class="error" role="alert" data-testid="script-import-errors">
          <p>{t('scriptsImportInvalid')}</p>
          <ul>
            {importErrors.map((e, i) => (
              <li key={i}>{describeScriptError(e)}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('scriptsYours')}</h3>
      {own.length === 0 && <p class="muted">{t('scriptsNone')}</p>}
      <ul class="library" data-testid="scripts">
        {own.map(({ script }) => (
          <li key={script.id}>
            <div class="library-row">
              <div>
                <strong>{script.title}</strong>
                <div class="muted">
                  {t('scriptsSummary', {
                    workshops: script.workshops.length,
                    phases: script.workshops.reduce((n, w) => n + w.phases.length, 0),
                    // The script's language in words ("suomeksi"), not its code ("fi").
                    lang: t(`startLang_${script.lang}`),
                  })}
                </div>
              </div>
              <div class="row-actions">
                <button onClick={() => setEditing(script)}>{t('scriptsEdit')}</button>
                <button onClick={() => void save({ ...script, id: newId(), title: t('scriptsCopyOf', { title: script.title }).slice(0, 200) })}>
                  {t('scriptsDuplicate')}
                </button>
                <button onClick={() => downloadText(serializeScript(script), safeFileName(script.title, 'vuoro-script.json'), 'application/json')}>
                  {t('scriptsExport')}
                </button>
                <button
                  onClick={() => {
                    const users = usersOf(script.id);
                    if (users > 0) return setError({ code: 'script-in-use', params: { n: users } });
                    if (confirm(t('scriptsDeleteConfirm', { title: script.title })))
                      void ask('script/delete', { scriptId: script.id }).then((r) => setError(r.ok ? undefined : r.error));
                  }}
                >
                  {t('libraryDelete')}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('startTemplates')}</h3>
      <ul class="library">
        {listTemplates().map((template) => (
          <li key={template.id} data-template={template.id}>
            <div class="library-row">
              <div>
                <strong>{template.title[lang]}</strong>
                <div class="muted">{template.description[lang]}</div>
              </div>
              <div class="row-actions">
                {(['fi', 'en'] as const).map((l) => (
                  // The template opens in the editor; only a save stores it, as a script of one's own.
                  <button key={l} onClick={() => setEditing(instantiateTemplate(template.id, l))}>
                    {t(l === 'fi' ? 'scriptsUseTemplateFi' : 'scriptsUseTemplateEn')}
                  </button>
                ))}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Keyboard and screen-reader users land on the view they opened (the editor, or the list they came
 * back to), not at the top of the page: focus went to <body>. Only when focus is not already inside.
 */
function focusOnMount(el: HTMLElement | null) {
  if (el && !el.dataset.focused) {
    el.dataset.focused = 'yes';
    if (!document.activeElement || document.activeElement === document.body) el.focus();
  }
}

/**
 * `usedUpTo`: the highest place (0-based) of a workshop of this script that a workshop on this
 * device was made from, or -1. A workshop points at its part of the script by place, so removing a
 * workshop at or before that place would shift another workshop's goal, notes and instructions.
 */
function ScriptEditor({ initial, usedUpTo = -1, onClose }: { initial: Script; usedUpTo?: number; onClose: () => void }) {
  const [script, setScript] = useState<Script>(initial);
  const [workshopIndex, setWorkshopIndex] = useState(0);
  const [errors, setErrors] = useState<ScriptImportError[]>([]);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [saveError, setSaveError] = useState<Failure['error'] | undefined>(undefined);
  // What is stored (or, for a template not yet saved, what was opened): the edits are what differs.
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initial));
  const dirty = JSON.stringify(script) !== savedJson;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    setUnsavedCheck(() => dirtyRef.current);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    addEventListener('beforeunload', beforeUnload);
    return () => {
      setUnsavedCheck(undefined);
      removeEventListener('beforeunload', beforeUnload);
    };
  }, []);
  const close = () => {
    if (mayLeave()) onClose();
  };
  const workshop = script.workshops[workshopIndex] ?? script.workshops[0]!;
  const lang = getLang();
  const totalSec = workshop.phases.reduce((n, p) => n + p.durationSec, 0);

  const setWorkshop = (change: Partial<typeof workshop>) =>
    setScript({ ...script, workshops: script.workshops.map((w, i) => (i === workshopIndex ? { ...w, ...change } : w)) });
  const setPhase = (index: number, change: Partial<Phase>) =>
    setWorkshop({ phases: workshop.phases.map((p, i) => (i === index ? { ...p, ...change } : p)) });
  const movePhase = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= workshop.phases.length) return;
    const phases = [...workshop.phases];
    [phases[index], phases[target]] = [phases[target]!, phases[index]!];
    setWorkshop({ phases });
    // Focus follows the phase to its new place: the same arrow, or the other one once the phase
    // is at the top or the bottom (the same arrow is disabled there, and focus fell to <body>).
    const moved = phases[target]!.id;
    const atEnd = target === 0 || target === phases.length - 1;
    const arrow = atEnd ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down';
    requestAnimationFrame(() => document.getElementById(`phase-${moved}-${arrow}`)?.focus());
  };
  const removePhase = (index: number) => {
    const phases = workshop.phases.filter((_, i) => i !== index);
    setWorkshop({ phases });
    // Focus goes to the phase that took its place (or the one before it), not to <body>.
    const next = phases[Math.min(index, phases.length - 1)];
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-phase="${next?.id}"] input`)?.focus());
  };
  const workshopTabKeys = (e: KeyboardEvent) => {
    const next = tabKeyTarget(e.key, workshopIndex, script.workshops.length);
    if (next === undefined) return;
    e.preventDefault();
    setWorkshopIndex(next);
    requestAnimationFrame(() => document.getElementById(`workshop-tab-${next}`)?.focus());
  };
  const removeWorkshop = () => {
    if (workshopIndex <= usedUpTo) return setErrors([{ code: 'invalid-field', path: [], detail: 'workshop-in-use' }]);
    if (script.workshops.length < 2 || !confirm(t('editorRemoveWorkshopConfirm', { title: workshop.title }))) return;
    setScript({ ...script, workshops: script.workshops.filter((_, i) => i !== workshopIndex) });
    setWorkshopIndex(Math.max(0, workshopIndex - 1));
  };

  async function save() {
    const checked = validateScript(script);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors([]);
    const reply = await ask('script/save', { script: checked.script });
    setStatus(reply.ok ? t('editorSaved') : undefined);
    // A refused save says why in words (it read "The file: not valid.").
    setSaveError(reply.ok ? undefined : reply.error);
    if (reply.ok) setSavedJson(JSON.stringify(checked.script));
  }

  return (
    <section aria-labelledby="editor-h" class="editor">
      <h2 id="editor-h" tabIndex={-1} ref={focusOnMount}>
        {t('editorTitle')}
      </h2>
      {/* Save stays in reach (sticky) while a long script is edited far below it: at 200 % zoom a
          ten-phase template is some thirty screens, and Save was only at the top. */}
      <div class="editor-bar">
        <div class="row-actions">
          <button class="primary" onClick={() => void save()}>
            {t('editorSave')}
          </button>
          <button onClick={close}>{t('editorClose')}</button>
        </div>
        {/* "Saved." stood while the user went on editing, so unsaved edits looked saved. */}
        <p role="status" data-testid="editor-status">
          {dirty ? t('editorUnsaved') : status}
        </p>
      </div>
      <ErrorText code={saveError?.code} {...(saveError?.params ? { params: saveError.params } : {})} />
      {errors.length > 0 && (
        <div class="error" role="alert" data-testid="editor-errors">
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{describeScriptError(e)}</li>
            ))}
          </ul>
        </div>
      )}
      <label>
        {t('field_title')}
        <input value={script.title} maxLength={200} onInput={(e) => setScript({ ...script, title: e.currentTarget.value })} />
      </label>
      <label>
        {t('editorDescription')}
        <textarea rows={2} value={script.description} onInput={(e) => setScript({ ...script, description: e.currentTarget.value })} />
      </label>
      <label>
        {t('field_lang')}
        <select value={script.lang} onChange={(e) => setScript({ ...script, lang: e.currentTarget.value as Lang })}>
          <option value="fi">Suomi</option>
          <option value="en">English</option>
        </select>
      </label>

      <div class="row-actions">
        {/* Tabs only in the tab list (arrow keys move between them); adding and removing beside it. */}
        <div class="row-actions" role="tablist" aria-label={t('editorWorkshops')} onKeyDown={workshopTabKeys}>
          {script.workshops.map((w, i) => (
            <button key={w.id} id={`workshop-tab-${i}`} role="tab" aria-selected={i === workshopIndex} tabIndex={i === workshopIndex ? 0 : -1} onClick={() => setWorkshopIndex(i)}>
              {t('pathWorkshop', { n: i + 1 })}
            </button>
          ))}
        </div>
        <button
          onClick={() => {
            setScript({ ...script, workshops: [...script.workshops, { id: newId(), title: t('pathWorkshop', { n: script.workshops.length + 1 }), goal: '', phases: [blankPhase()] }] });
            setWorkshopIndex(script.workshops.length);
          }}
        >
          {t('editorAddWorkshop')}
        </button>
        {script.workshops.length > 1 && <button onClick={removeWorkshop}>{t('editorRemoveWorkshop', { n: workshopIndex + 1 })}</button>}
      </div>
      <label>
        {t('editorWorkshopTitle')}
        <input value={workshop.title} maxLength={200} onInput={(e) => setWorkshop({ title: e.currentTarget.value })} />
      </label>
      <label>
        {t('field_goal')}
        <textarea rows={2} value={workshop.goal} onInput={(e) => setWorkshop({ goal: e.currentTarget.value })} />
      </label>
      <p data-testid="editor-total" role="status">
        {t('editorTotal', { min: Math.round(totalSec / 60), phases: workshop.phases.length })}
      </p>
      <ol class="phases">
        {workshop.phases.map((phase, index) => (
          <li key={phase.id} class="phase-editor" data-phase={phase.id}>
            <div class="library-row">
              <strong>{t('pathPhase', { n: index + 1 })}</strong>
              <div class="row-actions">
                <button id={`phase-${phase.id}-up`} aria-label={t('editorMoveUp', { title: phase.title })} disabled={index === 0} onClick={() => movePhase(index, -1)}>
                  ↑
                </button>
                <button
                  id={`phase-${phase.id}-down`}
                  aria-label={t('editorMoveDown', { title: phase.title })}
                  disabled={index === workshop.phases.length - 1}
                  onClick={() => movePhase(index, 1)}
                >
                  ↓
                </button>
                <button aria-label={t('editorRemovePhase', { title: phase.title })} disabled={workshop.phases.length === 1} onClick={() => removePhase(index)}>
                  ✕
                </button>
              </div>
            </div>
            <label>
              {t('field_title')}
              <input value={phase.title} maxLength={200} onInput={(e) => setPhase(index, { title: e.currentTarget.value })} />
            </label>
            <div class="editor-row">
              <label>
                {t('editorMinutes')}
                <NumberField min={1} max={480} live value={Math.round(phase.durationSec / 60)} data-testid="phase-minutes" onCommit={(minutes) => setPhase(index, { durationSec: minutes * 60 })} />
              </label>
              <label>
                {t('field_kind')}
                <select value={phase.kind} onChange={(e) => setPhase(index, { kind: e.currentTarget.value as Phase['kind'] })}>
                  {PHASE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`phaseKind_${k.replace(/-/g, '_')}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label>
              {t('field_goal')}
              <textarea rows={2} value={phase.goal} onInput={(e) => setPhase(index, { goal: e.currentTarget.value })} />
            </label>
            <label>
              {t('field_facilitatorNotes')}
              <textarea rows={3} value={phase.facilitatorNotes} onInput={(e) => setPhase(index, { facilitatorNotes: e.currentTarget.value })} />
            </label>
            <label>
              {t('field_participantInstructions')}
              <textarea rows={3} value={phase.participantInstructions} onInput={(e) => setPhase(index, { participantInstructions: e.currentTarget.value })} />
            </label>
            <details>
              <summary>{t('editorCards', { n: phase.promptCardIds.length })}</summary>
              <div class="card-picks">
                {BUILT_IN_CARDS.map((card) => (
                  <label class="inline" key={card.id}>
                    <input
                      type="checkbox"
                      checked={phase.promptCardIds.includes(card.id)}
                      onChange={(e) =>
                        setPhase(index, {
                          promptCardIds: e.currentTarget.checked ? [...phase.promptCardIds, card.id] : phase.promptCardIds.filter((id) => id !== card.id),
                        })
                      }
                    />
                    {card.title[lang]}
                  </label>
                ))}
              </div>
            </details>
          </li>
        ))}
      </ol>
      <button onClick={() => setWorkshop({ phases: [...workshop.phases, blankPhase()] })}>{t('editorAddPhase')}</button>
      <ErrorText code={undefined} />
    </section>
  );
}
