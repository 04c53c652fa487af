import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CAPTURE_KINDS, findDuplicates, MAP_FIELDS, type Capture, type CaptureKind, type CaptureSource, type DuplicateGroup, type MapField } from '../../capture/schema';
import { mapFieldForKey } from '../../series/map';
import { mapFieldShort } from '../shared/mapLabel';
import { onMapKey } from './series/MapView';
import { captureList, withSaved, type CaptureGroupBy, type CaptureRow } from '../../capture/list';
import { notCapturedYet, parseBoardPaste } from '../../capture/board';
import type { SelectionItem } from '../../messages/site';
import type { PayloadIn } from '../../messages/protocol';
import { getLang, t } from '../i18n';
import { formatIsoDate } from '../../summary/format';
import { TrashIcon } from '../shared/icons';
import { ask, useStoreQuery } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import { VirtualList } from '../shared/VirtualList';
import type { SiteHandle } from './useSite';

interface Props {
  workshopId: string;
  site: SiteHandle;
  /** Text to prefill from a quick-capture command (the page's selection), with a counter to refocus. */
  quick: { text: string; n: number };
}

/** Duplicate groups listed by name; the count says how many there are in all. */
const DUPLICATES_SHOWN = 20;

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'map'; field: MapField | '' } | { kind: 'saved'; count: number; skipped?: number } | { kind: 'error'; code: string };

/** A capture's text in one line of at most `max` characters, for a notice that must stay short. */
function oneLine(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(line);
  return points.length > max ? `${points.slice(0, max - 1).join('').trimEnd()}…` : line;
}

const sourceOf = (site: SiteHandle, type: CaptureSource['type'], extra: Partial<CaptureSource> = {}): CaptureSource => ({
  type,
  ...(site.state.site !== 'generic' ? { site: site.state.site } : {}),
  ...extra,
});

/** Where the Capture box's text came from: the page's selection as brought in, the command, or typed. */
export function typedSource(text: string, quick: { text: string; n: number }, openedByCommand: boolean): CaptureSource['type'] {
  if (openedByCommand && quick.text && text === quick.text) return 'selection';
  return openedByCommand ? 'hotkey' : 'manual';
}

// The quick-capture request (its counter) the Capture box last took in. The box takes a request
// in the very render that shows it, not in an effect after paint: a save straight after the text
// appeared was otherwise recorded as typed. A later mount (back from another tab) starts empty.
let quickTaken = 0;
// The quick-capture request a board's selected notes were last looked for on (see below).
let boardTaken = 0;

const NONE: readonly Capture[] = [];
/** Pasted lines listed before they are saved; the rest are counted. */
const PASTE_SHOWN = 20;
/** Up to this many captures, duplicates are found in the render itself (a few milliseconds). */
const DUPLICATES_NOW_MAX = 5000;

/** Quick capture and the workshop's captures: one line, Enter, durable before "Saved" shows. */
export function CaptureView({ workshopId, site, quick }: Props) {
  const { value: listed } = useStoreQuery(
    async () => {
      const reply = await ask('capture/list', { workshopId });
      return reply.ok ? reply.value : [];
    },
    ['captures'],
    [workshopId],
  );
  const loaded = listed ?? NONE;
  // Saved here and confirmed, until a load lists them (withSaved): shown at once in a big workshop.
  const [saved, setSaved] = useState<readonly Capture[]>(NONE);
  const { captures, pending } = useMemo(() => withSaved(loaded, saved.filter((c) => c.workshopId === workshopId)), [loaded, saved, workshopId]);
  useEffect(() => {
    if (pending.length < saved.length) setSaved(pending);
  }, [pending, saved]);
  // "Saved" first, painted in its own frame; the list of a big workshop is redrawn after that paint
  // (a timer alone can run before the paint, and the list's render would hold "Saved" back).
  const listSaved = (stored: readonly Capture[]) => requestAnimationFrame(() => setTimeout(() => setSaved((was) => [...was, ...stored]), 0));
  const [text, setText] = useState(() => (quick.n > quickTaken ? quick.text : ''));
  const [kind, setKind] = useState<CaptureKind>('idea');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  // The map field stays chosen between captures: filling one field of the map is a run of notes.
  const [mapField, setMapField] = useState<MapField | ''>('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Every capture deleted since the notice showed: one "Undo" brings them all back (only the last
  // could be undone, found in a note-taker's walk-through).
  const [undo, setUndo] = useState<readonly Capture[]>(NONE);
  const [merged, setMerged] = useState<{ keepId: string; mergeIds: string[]; votes: number; tags: string[] } | undefined>(undefined);
  const [pasteItems, setPasteItems] = useState<SelectionItem[] | undefined>(undefined);
  const [groupBy, setGroupBy] = useState<CaptureGroupBy>('phase');
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const pasteBox = useRef<HTMLTextAreaElement>(null);
  // Whether the quick-capture command opened the box since the last save: typed text is 'manual'
  // unless the command brought the user here ('hotkey'), or it is the page's selection unchanged.
  const openedByCommand = useRef(quick.n > quickTaken);
  // The id of the capture being written, made here once and kept until a save is confirmed: a
  // retry after a failed reply (the background stopped mid-save) cannot store it twice.
  const draftId = useRef(crypto.randomUUID());
  const manyIds = useRef<{ texts: string; ids: string[] } | undefined>(undefined);

  if (quick.n > quickTaken) {
    // Taken in this render (a new request while the box is open, or the one that mounted it).
    quickTaken = quick.n;
    if (quick.text && text !== quick.text) setText(quick.text);
    openedByCommand.current = true;
  }
  useEffect(() => {
    if (quick.n > 0) input.current?.focus();
  }, [quick.n]);

  async function save(e?: Event) {
    e?.preventDefault();
    if (!text.trim()) return;
    setStatus({ kind: 'saving' });
    const reply = await ask('capture/add', {
      id: draftId.current,
      workshopId,
      text,
      kind,
      source: sourceOf(site, typedSource(text, quick, openedByCommand.current)),
      ...(kind === 'action' && owner.trim() ? { owner: owner.trim() } : {}),
      ...(kind === 'action' && due ? { due } : {}),
      ...(mapField ? { mapField } : {}),
    });
    if (!reply.ok) return setStatus({ kind: 'error', code: reply.error.code }); // the text stays in the box
    listSaved([reply.value]);
    setUndo(NONE); // the undo offer is for the deletes (and the merge) just made, not for the whole session
    setMerged(undefined);
    openedByCommand.current = false;
    draftId.current = crypto.randomUUID();
    setText('');
    setOwner('');
    setDue('');
    setStatus({ kind: 'saved', count: 1 });
  }

  async function saveMany(items: SelectionItem[], source: CaptureSource, skipped = 0) {
    setStatus({ kind: 'saving' });
    const texts = JSON.stringify(items.map((i) => i.text));
    if (manyIds.current?.texts !== texts) manyIds.current = { texts, ids: items.map(() => crypto.randomUUID()) };
    const ids = manyIds.current.ids;
    // The kind and the map field chosen above apply to board notes and pasted lines too: filling one
    // field of the map from a cluster of board notes is this very flow (every note was an "Idea"
    // with no field, whatever the menus showed; found in a note-taker's walk-through).
    // A board note's own id is kept with its capture (what "captured already" is checked by).
    const note = (i: SelectionItem) => (source.type === 'whiteboard' && i.id !== undefined ? { note: i.id } : {});
    const reply = await ask('capture/add-many', { workshopId, items: items.map((i, n) => ({ id: ids[n], text: i.text, kind, ...(mapField ? { mapField } : {}), ...note(i) })), source });
    if (!reply.ok) return setStatus({ kind: 'error', code: reply.error.code });
    listSaved(reply.value);
    setUndo(NONE);
    setMerged(undefined);
    manyIds.current = undefined;
    setPasteItems(undefined);
    // The pasted lines go with the save: left in the box they looked unsaved, and one more keystroke
    // offered to save them again.
    if (pasteBox.current) pasteBox.current.value = '';
    setStatus({ kind: 'saved', count: reply.value.length, ...(skipped ? { skipped } : {}) });
  }

  /** `quiet`: from the quick-capture command, where no selected note only means "type one". */
  async function captureBoardSelection(quiet = false) {
    const items = await site.readSelection();
    if (!items || items.length === 0) return quiet ? undefined : setStatus({ kind: 'error', code: 'selection-empty' });
    // Notes of this selection already captured from the board are left out: capturing the same
    // selection twice doubled every note, and the duplicates notice then buried the list.
    const { fresh, skipped } = notCapturedYet(items, captures, sourceOf(site, 'whiteboard').site);
    if (fresh.length === 0) return setStatus({ kind: 'saved', count: 0, skipped });
    await saveMany(fresh, sourceOf(site, 'whiteboard'), skipped);
  }

  // A merge can be taken back, as a delete can: two notes merged by mistake (they only looked
  // alike) were one for good.
  async function merge(group: DuplicateGroup) {
    const mergeIds = group.duplicates.map((d) => d.id);
    const before = { votes: group.original.votes, tags: [...group.original.tags] };
    const reply = await ask('capture/merge', { keepId: group.original.id, mergeIds });
    if (!reply.ok) return setStatus({ kind: 'error', code: reply.error.code });
    setMerged({ keepId: group.original.id, mergeIds, ...before });
  }

  async function unmerge() {
    if (!merged) return;
    const reply = await ask('capture/unmerge', merged);
    if (!reply.ok) return setStatus({ kind: 'error', code: reply.error.code });
    setMerged(undefined);
  }

  // One Undo for every delete since the notice showed; what could not be restored stays offered,
  // with the reason.
  async function restoreDeleted() {
    const replies = await Promise.all(undo.map((c) => ask('capture/restore', { id: c.id })));
    setUndo(replies.flatMap((reply, i) => (reply.ok ? [] : [undo[i]!])));
    // Focus goes to the first capture brought back once it is listed (else the entry box), not to the body.
    const back = undo.find((_, i) => replies[i]?.ok);
    const focusBack = (tries: number) => {
      const row = back && document.querySelector<HTMLElement>(`[data-capture-id="${back.id}"]`);
      if (row) row.focus();
      else if (tries > 0) setTimeout(() => focusBack(tries - 1), 50);
      else input.current?.focus();
    };
    focusBack(20);
    const problem = replies.find((reply) => !reply.ok);
    if (problem && !problem.ok) setStatus({ kind: 'error', code: problem.error.code });
  }

  // The deleted row's button went with it, and focus fell to the page's body: it moves to the
  // notice's Undo, the one thing a keyboard user may want next.
  async function remove(capture: Capture) {
    const reply = await ask('capture/delete', { id: capture.id });
    if (!reply.ok) return;
    setUndo((was) => [...was, capture]);
    requestAnimationFrame(() => undoButton.current?.focus());
  }

  // Derived once per change of the captures, grouping or search, never per clock tick or keystroke
  // in the entry box: a workshop can hold 100,000 captures.
  const list = useMemo(
    () => captureList(captures, { groupBy, query, noPhase: t('captureNoPhase'), noTheme: t('captureNoTheme') }),
    [captures, groupBy, query],
  );
  // Duplicates of a big workshop are found after the frame that shows the change (a save's "Saved"
  // and its row): at 100,000 captures finding them again takes a few hundred milliseconds.
  const small = captures.length <= DUPLICATES_NOW_MAX;
  const duplicatesNow = useMemo(() => (small ? findDuplicates(captures) : undefined), [captures, small]);
  const [duplicatesLater, setDuplicatesLater] = useState<DuplicateGroup[]>([]);
  useEffect(() => {
    if (small) return undefined;
    const timer = setTimeout(() => setDuplicatesLater(findDuplicates(captures)), 0);
    return () => clearTimeout(timer);
  }, [captures, small]);
  const duplicates = duplicatesNow ?? duplicatesLater;
  const selectionCap = site.state.capabilities.selection;
  // The quick-capture command on a board whose selected notes Vuoro can read, with no text selected:
  // the selected notes are captured, as "Capture the selected notes" would (the command took only the
  // page's selected text, so a note-taker's selected stickies came to nothing). Once the captures
  // are listed, so notes captured already are left out; with no note selected the box is for typing.
  const boardRequest = quick.n > boardTaken && !quick.text && site.state.kind === 'whiteboard' && selectionCap?.state === 'ok';
  useEffect(() => {
    if (quick.n <= boardTaken) return;
    if (!boardRequest) {
      boardTaken = quick.n;
      return;
    }
    if (listed === undefined) return;
    boardTaken = quick.n;
    void captureBoardSelection(true);
  }, [quick.n, listed === undefined]);
  const chatCap = site.state.capabilities.chat;

  return (
    <section class="capture" aria-labelledby="capture-h">
      <h2 id="capture-h" class="sr-only">
        {t('tab_capture')}
      </h2>
      <form class="capture-entry" onSubmit={(e) => void save(e)}>
        <input
          ref={input}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Alt+1…4 puts what is typed on the map, Alt+0 takes the map field off.
            const field = e.altKey && !e.ctrlKey && !e.metaKey ? mapFieldForKey(e.code.replace(/^(Digit|Numpad)/u, '')) : undefined;
            if (field === undefined) return;
            e.preventDefault();
            setMapField(field ?? '');
            // Said aloud too: the menu changed out of sight of a screen reader user typing here.
            setStatus({ kind: 'map', field: field ?? '' });
          }}
          aria-label={t('captureText')}
          placeholder={t('captureTextPlaceholder')}
          maxLength={10_000}
          data-testid="capture-input"
        />
        <div class="capture-row">
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as CaptureKind)} aria-label={t('captureKind')}>
            <KindOptions />
          </select>
          <select value={mapField} onChange={(e) => setMapField(e.currentTarget.value as MapField | '')} aria-label={t('captureMapField')} title={t('captureMapFieldHint')} data-testid="capture-map-field">
            <MapFieldOptions />
          </select>
          <button class="primary capture-save" type="submit" disabled={!text.trim() || status.kind === 'saving'}>
            {t('captureSave')}
          </button>
        </div>
        {kind === 'action' && (
          <div class="capture-row">
            <input value={owner} onInput={(e) => setOwner(e.currentTarget.value)} aria-label={t('captureOwner')} placeholder={t('captureOwner')} maxLength={200} />
            <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} aria-label={t('captureDue')} />
          </div>
        )}
      </form>
      <p role="status" class="capture-status" data-testid="capture-status">
        {status.kind === 'saving' && t('captureSaving')}
        {status.kind === 'map' && `${t('captureMapField')}: ${status.field ? mapFieldShort(status.field) : t('captureMapNone')}`}
        {status.kind === 'saved' && (status.skipped ? t('captureSavedSkipped', { n: status.count, skipped: status.skipped }) : t('captureSaved', { n: status.count }))}
      </p>
      {status.kind === 'error' && <ErrorText code={status.code} />}
      {merged && (
        <p class="notice" role="status">
          {t('captureMerged', { n: merged.mergeIds.length + 1 })}{' '}
          <button onClick={() => void unmerge()}>{t('captureUndo')}</button>
        </p>
      )}
      {undo.length > 0 && (
        <p class="notice" role="status">
          {t('captureDeletedN', { n: undo.length })}{' '}
          <button ref={undoButton} onClick={() => void restoreDeleted()}>
            {t('captureUndo')}
          </button>
        </p>
      )}

      {site.state.kind === 'whiteboard' && (
        <div class="capture-board">
          {selectionCap?.state === 'ok' && <button onClick={() => void captureBoardSelection()}>{t('captureBoardSelection')}</button>}
          {selectionCap && selectionCap.state !== 'ok' && <p class="muted">{t('captureBoardManual')}</p>}
        </div>
      )}
      <details class="capture-paste" open={site.state.kind === 'whiteboard' && selectionCap?.state !== 'ok'}>
        <summary>{t('capturePasteTitle')}</summary>
        <textarea
          ref={pasteBox}
          aria-label={t('capturePasteBox')}
          placeholder={t('capturePasteBox')}
          rows={3}
          onPaste={(e) => {
            const data = e.clipboardData;
            if (!data) return;
            e.preventDefault();
            setPasteItems(parseBoardPaste({ html: data.getData('text/html') || undefined, text: data.getData('text/plain') || undefined }));
          }}
          onInput={(e) => setPasteItems(parseBoardPaste({ text: e.currentTarget.value }))}
        />
        {pasteItems && pasteItems.length > 0 && (
          <div>
            <p class="muted">{t('capturePasteFound', { n: pasteItems.length })}</p>
            {/* Each note as it will be saved, its lines kept and long words wrapped, in a box of
                its own: a 10,000-character sticky filled the panel and pushed Save out of sight,
                and a long word ran off the panel's edge. */}
            <ul class="plain capture-paste-list" data-testid="capture-paste-list">
              {pasteItems.slice(0, PASTE_SHOWN).map((item, i) => (
                <li key={i} class="capture-text">
                  {item.text}
                </li>
              ))}
            </ul>
            {/* The list shows the first 20; the rest are saved too, and the panel says how many. */}
            {pasteItems.length > PASTE_SHOWN && <p class="muted">{t('capturePasteMore', { n: pasteItems.length - PASTE_SHOWN })}</p>}
            <button class="primary" onClick={() => void saveMany(pasteItems, sourceOf(site, 'paste'))}>
              {t('capturePasteSave', { n: pasteItems.length })}
            </button>
          </div>
        )}
      </details>

      {site.state.kind === 'meeting' && (
        <details class="capture-chat">
          <summary>{t('captureChatTitle', { n: site.state.chat.length })}</summary>
          {chatCap && chatCap.state !== 'ok' && <p class="muted">{t('captureChatManual')}</p>}
          <ul class="plain">
            {site.state.chat
              .slice(-30)
              .reverse()
              .map((line) => (
                <li key={line.key} class="chat-line">
                  <span>
                    <strong>{line.author}</strong>: {line.text}
                  </span>
                  <button
                    aria-label={t('captureChatLine', { author: line.author })}
                    onClick={() => void saveMany([{ kind: 'text', text: line.text }], sourceOf(site, 'chat', { author: line.author }))}
                  >
                    +
                  </button>
                </li>
              ))}
          </ul>
        </details>
      )}

      {duplicates.length > 0 && (
        <div class="notice capture-duplicates" role="status">
          {t('captureDuplicates', { n: duplicates.length })}
          <ul class="plain">
            {duplicates.slice(0, DUPLICATES_SHOWN).map((group) => (
              <li key={group.original.id}>
                {/* Every different text of the group, each in one short line: only the first was shown
                    (a group of "Ei kokouksia perjantaisin" and "Kokouksia perjantaisin" read as one
                    text twice), and a 1,000-character note filled the panel. */}
                {[...new Set([group.original, ...group.duplicates].map((c) => oneLine(c.text)))].map((text, i) => (
                  <span key={i}>
                    {i > 0 && ' / '}“{text}”
                  </span>
                ))}{' '}
                ×{group.duplicates.length + 1}{' '}
                <button onClick={() => void merge(group)}>
                  {t('captureMerge')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div class="capture-row">
        <h3 class="capture-count">{t('captureCount', { n: list.live })}</h3>
        <button class="linkish" onClick={() => void ask('options/open', { view: 'library' })}>
          {t('captureExport')}
        </button>
      </div>
      <div class="capture-row">
        <label class="inline">
          {t('captureGroupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as CaptureGroupBy)}>
            <option value="phase">{t('captureGroupPhase')}</option>
            <option value="theme">{t('captureGroupTheme')}</option>
          </select>
        </label>
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} aria-label={t('captureSearch')} placeholder={t('captureSearch')} data-testid="capture-search" />
      </div>
      {query.trim() && (
        <p class="muted" role="status" data-testid="capture-search-count">
          {t('captureSearchCount', { shown: list.shown, total: list.live })}
        </p>
      )}
      <VirtualList
        rows={list.rows}
        class="capture-list"
        testid="capture-list"
        label={t('tab_capture')}
        estimate={(row: CaptureRow) => (row.kind === 'group' ? 28 : 64)}
        render={(row: CaptureRow) =>
          row.kind === 'group' ? (
            <h4 class="muted capture-phase">{row.label}</h4>
          ) : (
            <CaptureItem capture={row.capture} onDelete={() => void remove(row.capture)} />
          )
        }
      />
    </section>
  );
}

function CaptureItem({ capture, onDelete }: { capture: Capture; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(capture.text);
  const [theme, setTheme] = useState(capture.theme ?? '');
  const [tags, setTags] = useState(capture.tags.join(', '));
  const [owner, setOwner] = useState(capture.owner ?? '');
  const [due, setDue] = useState(capture.due ?? '');
  // The kind and the map field are edited with the rest and saved with Done (the kind was saved as
  // soon as it was picked, so Cancel did not take it back; the map field could only be set by keys).
  const [kind, setKind] = useState<CaptureKind>(capture.kind);
  const [mapField, setMapField] = useState<MapField | ''>(capture.mapField ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  // Focus follows the form: into its text when it opens, back to the row when it closes (it fell to
  // the page's body, and the next Tab landed on Delete).
  const row = useRef<HTMLDivElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (editing) textBox.current?.focus();
    else if (opened.current) row.current?.focus();
    opened.current = editing;
  }, [editing]);
  // An action's owner and due date, or any capture's that has them: fixable after the save.
  const withOwner = kind === 'action' || capture.owner !== undefined || capture.due !== undefined;

  // The form opens on the capture as it is now: a change since this row was drawn (a map key on the
  // row, a co-facilitator's edit) was otherwise undone by Done.
  // The capture as the form opened on it: Done sends only what was changed in the form, so a change
  // made elsewhere meanwhile (a co-facilitator placing it on the map, say) is not undone.
  const openedWith = useRef<Capture>(capture);
  function startEdit() {
    openedWith.current = capture;
    setDraft(capture.text);
    setTheme(capture.theme ?? '');
    setTags(capture.tags.join(', '));
    setOwner(capture.owner ?? '');
    setDue(capture.due ?? '');
    setKind(capture.kind);
    setMapField(capture.mapField ?? '');
    setError(undefined);
    setEditing(true);
  }

  async function patch(change: PayloadIn<'capture/update'>['patch']) {
    const reply = await ask('capture/update', { id: capture.id, patch: change });
    if (!reply.ok) setError(reply.error.code);
    return reply.ok;
  }

  // An increment the background applies in one transaction: votes from two panels all count.
  async function vote() {
    const reply = await ask('capture/vote', { id: capture.id, delta: 1 });
    if (!reply.ok) setError(reply.error.code);
  }

  return (
    <div
      ref={row}
      class="capture-item"
      role="group"
      aria-label={`${t(`kind_${capture.kind}`)}: ${capture.text}`}
      data-capture-id={capture.id}
      tabIndex={editing ? undefined : 0}
      data-map-item
      onKeyDown={editing ? undefined : onMapKey(capture, setError)}
      aria-keyshortcuts="1 2 3 4 0"
    >
      {editing ? (
        <form
          onKeyDown={(e) => {
            // Escape drops the edit, as Cancel does.
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            setError(undefined);
            setEditing(false);
          }}
          onSubmit={(e) => {
            e.preventDefault();
            // A capture emptied to blanks is refused, as the entry box refuses one (it was stored).
            if (!draft.trim()) return setError('capture-text-empty');
            const tagList = [...new Set(tags.split(',').map((tag) => tag.trim().slice(0, 60)).filter(Boolean))].slice(0, 50);
            // An emptied field clears what was stored (null), so a wrong owner can be taken away too.
            const was = openedWith.current;
            const change: PayloadIn<'capture/update'>['patch'] = {
              ...(draft !== was.text ? { text: draft } : {}),
              ...(kind !== was.kind ? { kind } : {}),
              ...((mapField || undefined) !== was.mapField ? { mapField: mapField || null } : {}),
              ...(tagList.join('\n') !== was.tags.join('\n') ? { tags: tagList } : {}),
              ...((theme.trim() || undefined) !== was.theme ? { theme: theme.trim() || null } : {}),
              ...(withOwner && (owner.trim() || undefined) !== was.owner ? { owner: owner.trim() || null } : {}),
              ...(withOwner && (due || undefined) !== was.due ? { due: due || null } : {}),
            };
            if (Object.keys(change).length === 0) return setEditing(false);
            void patch(change).then((ok) => ok && setEditing(false));
          }}
        >
          <textarea ref={textBox} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-label={t('captureText')} rows={2} />
          <input value={theme} onInput={(e) => setTheme(e.currentTarget.value)} aria-label={t('captureTheme')} placeholder={t('captureTheme')} />
          <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} aria-label={t('captureTags')} placeholder={t('captureTags')} />
          {withOwner && (
            <div class="capture-row">
              <input value={owner} onInput={(e) => setOwner(e.currentTarget.value)} aria-label={t('captureOwner')} placeholder={t('captureOwner')} maxLength={200} />
              <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} aria-label={t('captureDue')} />
            </div>
          )}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as CaptureKind)} aria-label={t('captureKind')}>
            <KindOptions />
          </select>
          <select value={mapField} onChange={(e) => setMapField(e.currentTarget.value as MapField | '')} aria-label={t('captureMapField')} data-testid="capture-edit-map-field">
            <MapFieldOptions />
          </select>
          <div class="capture-row">
            <button type="submit">{t('captureDone')}</button>
            {/* Edits can be dropped: there was no way back but to save them. */}
            <button
              type="button"
              onClick={() => {
                setError(undefined);
                setEditing(false);
              }}
            >
              {t('captureCancelEdit')}
            </button>
          </div>
        </form>
      ) : (
        <div class="capture-body">
          <span class={`kind kind-${capture.kind}`}>{t(`kind_${capture.kind}`)}</span>
          <span class="capture-text">{capture.text}</span>
          {capture.owner && <span class="muted"> · {capture.owner}</span>}
          {capture.due && (
            <span class="muted">
              {' · '}
              <time dateTime={capture.due}>{formatIsoDate(capture.due, getLang())}</time>
            </span>
          )}
          {capture.theme && <span class="muted"> · {capture.theme}</span>}
          {capture.mapField && (
            <span class="map-chip" data-field={capture.mapField}>
              {' '}
              {mapFieldShort(capture.mapField)}
            </span>
          )}
          {capture.tags.map((tag) => (
            <span class="muted" key={tag}>
              {' '}
              #{tag}
            </span>
          ))}
          {capture.source.author && <span class="muted"> · {capture.source.author}</span>}
        </div>
      )}
      <span class="capture-actions">
        <button aria-label={t('captureVote', { n: capture.votes })} onClick={() => void vote()}>
          ▲ {capture.votes}
        </button>
        {!editing && (
          <button aria-label={t('captureEdit')} onClick={startEdit}>
            ✎
          </button>
        )}
        <button aria-label={t('captureDelete')} onClick={onDelete}>
          <TrashIcon />
        </button>
      </span>
      <ErrorText code={error} />
    </div>
  );
}

/** The kinds of capture, for the entry's and the edit form's menus. */
function KindOptions() {
  return (
    <>
      {CAPTURE_KINDS.map((k) => (
        <option value={k} key={k}>
          {t(`kind_${k}`)}
        </option>
      ))}
    </>
  );
}

/** "Not on the map" and the four fields with their keys, for the entry's and the edit form's menus. */
function MapFieldOptions() {
  return (
    <>
      <option value="">{t('captureMapNone')}</option>
      {MAP_FIELDS.map((field, i) => (
        <option value={field} key={field}>
          {i + 1} {mapFieldShort(field)}
        </option>
      ))}
    </>
  );
}

