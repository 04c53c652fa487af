import { z } from 'zod';
import { Lang } from '../lang';
import { Capture, CaptureKind, CaptureSource, IsoDate, MapField } from '../capture/schema';
import { ExperimentEvaluationPatch, ExperimentPlanPatch } from '../series/patch';
import { OrganisationTag, ProcessEvaluation, type SeriesRecord } from '../store/series';
import type { FrameLabels } from '../content/labels';
import { PromptAction, PromptSettings, SurfaceReasonCode } from '../prompts/rules';
import { UserCardEdit } from '../prompts/cards';
import { ScriptSchema, type Script } from '../script/schema';
import { RunEventSchema, type Run } from '../script/timing';
import type { ParticipantRecord } from '../store/participants';
import type { ScriptRecord } from '../store/scripts';
import type { SpeakingTurnRecord } from '../store/speakingTurns';
import type { WorkshopRecord } from '../store/workshops';
import { LiveEvent, type LiveSnapshot } from '../turns/live';
import type { WorkshopContents } from '../summary/fromWorkshop';
import type { MergeReport } from '../summary/merge';
import { IMPORT_CHUNK } from '../summary/json';
import { WorkshopExport } from '../summary/model';
import { Placement, SiteToPanel } from './site';
import { EngineConfig, LiveSharingConfig, SyncStatusSchema, type LiveSession, type SyncStatus } from '../sync/config';
import { SharedEntries } from '../sync/entries';
import { OFFSCREEN_PAGE } from '../sync/toEngine';

// The protocol: every request to the background, one row each. A row holds the payload's schema,
// the reply's type, who may send it and which stores a successful reply has changed. The router
// (src/background/router.ts) checks the caller and the payload once, for every row alike; the
// handlers live in src/background/handlers/, one module per capability, typed by this table.
// To add a request: add a row here and its handler there (test/unit/messages/protocol.test.ts
// fails until both exist).

/**
 * Who sends a request, as the router tells from the sender:
 * - `page`: an extension page of its own (options, popup, summary),
 * - `panel`: the panel frame inside a tab (its requests act for that tab only),
 * - `content`: the site script of a tab. It reads an untrusted page, so it may only send its own
 *   tab's signals and placement: it can never read or change workshop data.
 * - `offscreen`: Chrome's offscreen document that runs the live-sharing engine (src/sync/offscreen.ts):
 *   it may only hand over what came from the room and the room's status, never read the store.
 */
export type Caller = 'page' | 'panel' | 'content' | 'offscreen';

const EXTENSION = ['page', 'panel'] as const satisfies readonly Caller[];
const SITE_SCRIPT = ['content'] as const satisfies readonly Caller[];
const PANEL = ['panel'] as const satisfies readonly Caller[];
/** The options page and popup only: what no panel inside a web page needs. */
const PAGE = ['page'] as const satisfies readonly Caller[];
const OFFSCREEN = ['offscreen'] as const satisfies readonly Caller[];

/** What a `store/changed` push names: a store, or a part of one the views re-read together. */
export type Topic = 'workshops' | 'runs' | 'captures' | 'scripts' | 'settings' | 'cards' | 'live' | 'turns' | 'participants' | 'series' | 'prompts' | 'sync';

/** A reply type, carried by the row for `ask()` and the handlers; `name` documents it at run time. */
export interface Returns<R> {
  name: string;
  /** Type only: never set. */
  readonly type?: R;
}
export const returns = <R>(name: string): Returns<R> => ({ name });

export interface Row<S extends z.ZodObject = z.ZodObject, R = unknown> {
  payload: S;
  reply: Returns<R>;
  callers: readonly Caller[];
  /** Stores a successful reply has changed: the router tells every open view to re-read them. */
  changes: readonly Topic[];
  /** The workshop the change belongs to, when the payload's `workshopId` does not say. */
  changedWorkshop?: (payload: z.output<S>, value: R) => string | undefined;
  /** Whether this reply changed anything at all, when the handler can tell (a roster sync that wrote nothing new). */
  changedIf?: (value: R) => boolean;
}

/** Any row, for code that treats every row alike (the router, the tests). */
export interface AnyRow {
  payload: z.ZodObject;
  reply: Returns<unknown>;
  callers: readonly Caller[];
  changes: readonly Topic[];
  changedWorkshop?: (payload: never, value: never) => string | undefined;
  changedIf?: (value: never) => boolean;
}

function row<const Shape extends z.ZodRawShape, R>(
  shape: Shape,
  spec: {
    reply: Returns<R>;
    callers: readonly Caller[];
    changes?: readonly Topic[];
    changedWorkshop?: (payload: z.output<z.ZodObject<Shape>>, value: R) => string | undefined;
    changedIf?: (value: R) => boolean;
  },
): Row<z.ZodObject<Shape>, R> {
  return { payload: z.object(shape), changes: [], ...spec };
}

const id = z.string().min(1).max(100);
const siteKey = z.string().min(1).max(300);
const lang = Lang;
const participantKey = z.string().min(1).max(300);

const CapturePatch = z
  .object({
    text: z.string().max(10_000),
    kind: CaptureKind,
    /** null clears the owner, the due date or the theme (a missing key leaves it as it is). */
    owner: z.string().max(200).nullable(),
    due: IsoDate.nullable(),
    tags: z.array(z.string().min(1).max(60)).max(50),
    theme: z.string().max(120).nullable(),
    votes: z.number().int().min(0).max(10_000),
    phaseId: z.string().max(100).optional(),
    phaseTitle: z.string().max(300).optional(),
    /** null: off the map. */
    mapField: MapField.nullable(),
    /** Merged into the stored plan field by field; null clears a field. */
    experiment: ExperimentPlanPatch,
    /** Merged into the stored evaluation view by view, field by field; null clears. */
    evaluation: ExperimentEvaluationPatch,
  })
  .partial();

// Reply types the background's handlers build and the pages read: defined here, between them.
export interface SeriesContents {
  series: SeriesRecord;
  /** In series order (workshop number, then creation). */
  workshops: WorkshopRecord[];
  /** Live captures of every workshop of the series. */
  captures: Capture[];
  /** The workshops whose timer has been started: held (or under way), whatever their date says. */
  startedIds: string[];
}

export interface PersonData {
  /** Participant key; absent for someone known only as a chat author. */
  key?: string;
  name: string;
  turns: number;
  chatLines: number;
  /** Named only in the series' own record (organisation tag, pair or group, F mark), not in this workshop's. */
  seriesOnly?: true;
}

export interface WorkshopData {
  id: string;
  title: string;
  /** What the Library tells workshops apart by (src/ui/shared/workshopRows.ts). */
  scriptId: string;
  workshopIndex: number;
  createdAt: number;
  date?: string | undefined;
  updatedAt: number;
  /** Captures still in the workshop (not deleted, not merged into another). */
  captures: number;
  /** Deleted or merged captures, kept with their text so they can be restored, until the workshop is erased. */
  keptCaptures: number;
  participants: number;
  turns: number;
  prompts: number;
  runEvents: number;
  people: PersonData[];
  /** How many people were erased here (they are not recorded in this workshop again). */
  erasedPeople: number;
  /** Shared live (now or before): the others in the room may keep a copy an erase here does not reach. */
  shared: boolean;
}

/** Live sharing as the panel and options page show it. */
export interface SyncState {
  config: LiveSharingConfig | null;
  session: LiveSession | null;
  status: SyncStatus;
}

export interface ActiveWorkshop {
  workshop: WorkshopRecord;
  script: Script;
  run: Run;
}
export interface Settings {
  lang: Lang | null;
  capturedBy: string;
  retentionDays: number;
}
export interface CardConfig {
  userCards: z.infer<typeof UserCardEdit>[];
  hiddenCards: string[];
  promptSettings: z.infer<typeof PromptSettings>;
}
export interface ContentHello {
  /** The user's language, for the panel frame's first paint. */
  lang: Lang;
  labels: FrameLabels;
  placement: Placement | null;
  /** One-time: lets the frame the site script makes, and no other, show workshop data (src/background/panelTrust.ts). */
  panelToken: string;
}
/** What a roster sync stored (src/background/workshops.ts): `dropped` people were over the workshop's limit. */
export interface ParticipantSync {
  written: number;
  dropped: number;
  changed: boolean;
}
/** Merged into a workshop, or a new workshop (`alreadyImported`: the same file came in before; nothing was written). */
export type ImportResult = MergeReport | { workshopId: string; added: number; alreadyImported?: boolean };

const none = returns<null>('null');
const active = returns<ActiveWorkshop>('ActiveWorkshop');

export const PROTOCOL = {
  // The site script of a tab: its own frame labels and placement, and its page's signals.
  'content/hello': row({ siteKey }, { reply: returns<ContentHello>('ContentHello'), callers: SITE_SCRIPT }),
  'placement/set': row({ siteKey, placement: Placement }, { reply: none, callers: SITE_SCRIPT }),
  'site/signal': row({ signal: SiteToPanel }, { reply: none, callers: SITE_SCRIPT }),

  // The panel to its own tab's site script. The reply comes from a script reading an untrusted
  // page: the panel validates it as it would any page content.
  'tab/forward': row({ message: z.record(z.string(), z.unknown()) }, { reply: returns<unknown>('unknown'), callers: PANEL }),

  // What participants see (src/script/participantView.ts): the pop-out timer window, and the
  // announcement the panel puts in its own tab's chat box for the facilitator to send (never sent
  // by Vuoro; src/background/chatBox.ts). The reply says whether the box took it; if not, the
  // panel copies the text instead.
  'popout/open': row({}, { reply: none, callers: EXTENSION }),
  'chat/announce': row({ text: z.string().trim().min(1).max(4000) }, { reply: returns<{ filled: boolean }>('{ filled }'), callers: PANEL }),

  'options/open': row({ view: z.enum(['library', 'scripts', 'cards', 'data', 'settings']) }, { reply: none, callers: EXTENSION }),
  'summary/open': row({ workshopId: id, series: z.boolean().optional() }, { reply: none, callers: EXTENSION }),

  'settings/get': row({}, { reply: returns<Settings>('Settings'), callers: EXTENSION }),
  'settings/set': row(
    { lang: z.nullable(lang).optional(), capturedBy: z.string().max(80).optional(), retentionDays: z.number().int().min(0).max(3650).optional() },
    { reply: none, callers: EXTENSION, changes: ['settings'] },
  ),
  'site/enable': row({ origin: z.string().url().max(300), tabId: z.number().int().optional() }, { reply: none, callers: EXTENSION }),
  'site/disable': row({ origin: z.string().url().max(300) }, { reply: none, callers: EXTENSION }),
  'site/enabled-list': row({}, { reply: returns<string[]>('string[]'), callers: EXTENSION }),

  'workshop/active': row({}, { reply: returns<ActiveWorkshop | null>('ActiveWorkshop | null'), callers: EXTENSION }),
  'workshop/list': row({}, { reply: returns<WorkshopRecord[]>('WorkshopRecord[]'), callers: EXTENSION }),
  'workshop/open': row({ workshopId: id }, { reply: active, callers: EXTENSION, changes: ['workshops', 'settings'] }),
  'workshop/delete': row(
    { workshopId: id },
    { reply: none, callers: EXTENSION, changes: ['workshops', 'runs', 'captures', 'settings', 'participants', 'turns', 'live'] },
  ),
  // What is stored about people, and erasing it (the options page's Data view).
  'data/overview': row({}, { reply: returns<WorkshopData[]>('WorkshopData[]'), callers: PAGE }),
  'data/erase-person': row(
    { workshopId: id, key: participantKey.optional(), name: z.string().max(200) },
    { reply: none, callers: PAGE, changes: ['participants', 'turns', 'captures', 'live', 'workshops'] },
  ),
  'data/erase-all': row(
    {},
    { reply: none, callers: PAGE, changes: ['workshops', 'runs', 'captures', 'scripts', 'settings', 'cards', 'live', 'turns', 'participants'] },
  ),
  'workshop/from-template': row(
    { templateId: id, lang, workshopIndex: z.number().int().min(0).max(50).default(0) },
    { reply: active, callers: EXTENSION, changes: ['workshops', 'scripts', 'runs', 'settings'], changedWorkshop: (_, created) => created.workshop.id },
  ),
  'workshop/from-script': row(
    { scriptId: id, workshopIndex: z.number().int().min(0).max(50) },
    { reply: active, callers: EXTENSION, changes: ['workshops', 'runs', 'settings'], changedWorkshop: (_, created) => created.workshop.id },
  ),
  'workshop/contents': row({ workshopId: id }, { reply: returns<WorkshopContents>('WorkshopContents'), callers: EXTENSION }),
  'workshop/import': row(
    { doc: WorkshopExport, intoWorkshopId: id.optional() },
    { reply: returns<ImportResult>('ImportResult'), callers: EXTENSION, changes: ['workshops', 'scripts', 'runs', 'captures'] },
  ),
  // A large import in parts (src/background/library.ts): the document without its captures, then
  // the captures as JSON text in chunks (parsed and checked against ImportChunk by the background),
  // then the commit that writes everything in one transaction.
  'workshop/import-begin': row(
    { header: WorkshopExport, total: z.number().int().min(0).max(200_000) },
    { reply: returns<{ importId: string }>('{ importId }'), callers: PAGE },
  ),
  'workshop/import-chunk': row({ importId: id, json: z.string().max(IMPORT_CHUNK * 30_000) }, { reply: returns<{ received: number }>('{ received }'), callers: PAGE }),
  'workshop/import-commit': row(
    { importId: id, intoWorkshopId: id.optional() },
    { reply: returns<ImportResult>('ImportResult'), callers: PAGE, changes: ['workshops', 'scripts', 'runs', 'captures'] },
  ),
  'workshop/update': row(
    { workshopId: id, patch: z.object({ title: z.string().trim().min(1).max(300), date: z.iso.date(), includeParticipants: z.boolean(), includeStats: z.boolean(), facilitatorKey: z.string().max(300), recordPeople: z.boolean() }).partial() },
    { reply: none, callers: EXTENSION, changes: ['workshops'] },
  ),

  'run/event': row(
    { workshopId: id, event: RunEventSchema, expectedCount: z.number().int().min(0) },
    // A first start can move the workshop's date to the day it is held (appendRunEvent).
    { reply: returns<Run>('Run'), callers: EXTENSION, changes: ['runs', 'workshops'] },
  ),
  'run/planned-end': row({ workshopId: id, plannedEnd: z.number().int().min(0).optional() }, { reply: none, callers: EXTENSION, changes: ['runs'] }),

  'script/list': row({}, { reply: returns<ScriptRecord[]>('ScriptRecord[]'), callers: EXTENSION }),
  'script/save': row({ script: ScriptSchema }, { reply: returns<ScriptRecord>('ScriptRecord'), callers: EXTENSION, changes: ['scripts'] }),
  'script/delete': row({ scriptId: id }, { reply: none, callers: EXTENSION, changes: ['scripts'] }),

  'capture/add': row(
    {
      // The client's id for this capture, kept across retries: a retried save is a no-op.
      id: z.uuid().optional(),
      workshopId: id,
      text: z.string().trim().min(1).max(10_000),
      kind: CaptureKind,
      tags: z.array(z.string().min(1).max(60)).max(50).optional(),
      owner: z.string().max(200).optional(),
      due: IsoDate.optional(),
      mapField: MapField.optional(),
      source: CaptureSource,
    },
    { reply: returns<Capture>('Capture'), callers: EXTENSION, changes: ['captures'] },
  ),
  'capture/add-many': row(
    {
      workshopId: id,
      items: z
        .array(z.object({ id: z.uuid().optional(), text: z.string().trim().min(1).max(10_000), kind: CaptureKind, mapField: MapField.optional(), note: z.string().max(300).optional() }))
        .min(1)
        .max(500),
      source: CaptureSource,
    },
    { reply: returns<Capture[]>('Capture[]'), callers: EXTENSION, changes: ['captures'] },
  ),
  'capture/list': row({ workshopId: id }, { reply: returns<Capture[]>('Capture[]'), callers: EXTENSION }),
  'capture/update': row(
    { id: z.uuid(), patch: CapturePatch },
    { reply: returns<Capture>('Capture'), callers: EXTENSION, changes: ['captures'], changedWorkshop: (_, capture) => capture.workshopId },
  ),
  'capture/delete': row({ id: z.uuid() }, { reply: returns<Capture>('Capture'), callers: EXTENSION, changes: ['captures'], changedWorkshop: (_, capture) => capture.workshopId }),
  'capture/restore': row({ id: z.uuid() }, { reply: returns<Capture>('Capture'), callers: EXTENSION, changes: ['captures'], changedWorkshop: (_, capture) => capture.workshopId }),
  // A vote is an increment applied in the store, so clicks from two panels all count.
  'capture/vote': row(
    { id: z.uuid(), delta: z.union([z.literal(1), z.literal(-1)]) },
    { reply: returns<Capture>('Capture'), callers: EXTENSION, changes: ['captures'], changedWorkshop: (_, capture) => capture.workshopId },
  ),
  'capture/merge': row(
    { keepId: z.uuid(), mergeIds: z.array(z.uuid()).min(1).max(500) },
    { reply: returns<Capture>('Capture'), callers: EXTENSION, changes: ['captures'], changedWorkshop: (_, capture) => capture.workshopId },
  ),
  // Takes a merge back: the merged captures are live again, the kept one has its votes and tags of before.
  'capture/unmerge': row(
    { keepId: z.uuid(), mergeIds: z.array(z.uuid()).min(1).max(500), votes: z.number().int().min(0).max(10_000_000), tags: z.array(z.string().max(60)).max(50) },
    { reply: returns<Capture>('Capture'), callers: EXTENSION, changes: ['captures'], changedWorkshop: (_, capture) => capture.workshopId },
  ),

  // A Change Dialogue series, named by any of its workshops: the map and experiments across its
  // workshops, the dot budget, the intermediate task, organisations and groups.
  'series/contents': row({ workshopId: id }, { reply: returns<SeriesContents>('SeriesContents'), callers: EXTENSION }),
  'series/facilitators': row({ workshopId: id }, { reply: returns<string[]>('string[]'), callers: EXTENSION }),
  'series/update': row(
    {
      workshopId: id,
      patch: z
        .object({
          dotBudget: z.number().int().min(1).max(20),
          intermediateTask: z.string().max(8000),
          organisations: z.array(OrganisationTag).max(2000),
          /** One participant tagged (or untagged, with an empty organisation), merged in the store so quick taggings do not overwrite each other. */
          tag: OrganisationTag,
          groups: z.array(z.array(z.string().max(200)).max(50)).max(500),
          processEvaluation: ProcessEvaluation,
          /** A person marked or unmarked as a facilitator, remembered by name for the series. */
          facilitator: z.object({ name: z.string().trim().min(1).max(200), on: z.boolean() }),
        })
        .partial(),
    },
    { reply: returns<SeriesRecord>('SeriesRecord'), callers: EXTENSION, changes: ['series'] },
  ),

  'cards/get': row({}, { reply: returns<CardConfig>('CardConfig'), callers: EXTENSION }),
  'cards/set': row(
    { userCards: z.array(UserCardEdit).max(500), hiddenCards: z.array(z.string().max(64)).max(500), promptSettings: PromptSettings },
    { reply: none, callers: EXTENSION, changes: ['cards'] },
  ),

  'live/get': row({ workshopId: id }, { reply: returns<LiveSnapshot>('LiveSnapshot'), callers: EXTENSION }),
  // One facilitator action (or site report) appended to the workshop's live log (src/turns/live.ts).
  'live/event': row(
    { workshopId: id, event: LiveEvent, expectedCount: z.number().int().min(0).optional() },
    { reply: returns<LiveSnapshot>('LiveSnapshot'), callers: EXTENSION, changes: ['live'] },
  ),
  'turns/list': row({ workshopId: id }, { reply: returns<SpeakingTurnRecord[]>('SpeakingTurnRecord[]'), callers: EXTENSION }),
  'turns/add': row(
    {
      workshopId: id,
      turns: z
        .array(z.object({ participantKey, startAt: z.number(), endAt: z.number(), source: z.enum(['site', 'manual']) }))
        .min(1)
        .max(500),
    },
    { reply: none, callers: EXTENSION, changes: ['turns'] },
  ),
  'participants/list': row({ workshopId: id }, { reply: returns<ParticipantRecord[]>('ParticipantRecord[]'), callers: EXTENSION }),
  'participants/sync': row(
    { workshopId: id, participants: z.array(z.object({ key: participantKey, name: z.string().max(200), self: z.boolean().optional() })).max(2000) },
    // Every panel re-reads its people list on a change: a steady roster (most syncs) changes nothing.
    { reply: returns<ParticipantSync>('ParticipantSync'), callers: EXTENSION, changes: ['participants'], changedIf: (sync) => sync.changed },
  ),
  'participants/add': row({ workshopId: id, name: z.string().trim().min(1).max(200) }, { reply: returns<{ key: string }>('{ key }'), callers: EXTENSION, changes: ['participants'] }),
  'participants/remove': row({ workshopId: id, key: participantKey }, { reply: none, callers: EXTENSION, changes: ['participants'] }),

  'prompt/log': row(
    {
      workshopId: id,
      entries: z
        .array(z.object({ cardId: z.string().min(1).max(100), phaseId: z.string().max(100).optional(), at: z.number(), action: PromptAction, reasonCode: z.optional(SurfaceReasonCode) }))
        .min(1)
        .max(50),
    },
    { reply: none, callers: EXTENSION, changes: ['prompts'] },
  ),

  // Live sharing (src/background/sync.ts): the options page sets the signaller; the panel shares
  // a workshop, joins a room and leaves it. The sync engine's offscreen document (Chrome) only
  // hands over what came from the room and how the room is; the background validates it again.
  'sync/state': row({}, { reply: returns<SyncState>('SyncState'), callers: EXTENSION }),
  'sync/configure': row({ config: LiveSharingConfig.nullable() }, { reply: none, callers: PAGE, changes: ['sync'] }),
  'sync/share': row({ workshopId: id }, { reply: returns<SyncState>('SyncState'), callers: EXTENSION, changes: ['sync'] }),
  'sync/join': row({ invitation: z.string().max(2000) }, { reply: returns<SyncState>('SyncState'), callers: EXTENSION, changes: ['sync'] }),
  'sync/leave': row({}, { reply: none, callers: EXTENSION, changes: ['sync'] }),
  'sync/timer-open': row({ open: z.boolean() }, { reply: none, callers: EXTENSION, changes: ['sync'] }),
  'sync/online': row({ online: z.boolean() }, { reply: none, callers: EXTENSION, changes: ['sync'] }),
  'sync/engine-config': row({}, { reply: returns<EngineConfig | null>('EngineConfig | null'), callers: OFFSCREEN }),
  'sync/remote': row({ workshopId: id, entries: SharedEntries }, { reply: none, callers: OFFSCREEN }),
  'sync/status': row({ status: SyncStatusSchema }, { reply: none, callers: OFFSCREEN }),
} satisfies Record<string, AnyRow>;

type Protocol = typeof PROTOCOL;
export type RequestType = keyof Protocol;
/** What a caller writes (defaults may be left out). */
export type PayloadIn<K extends RequestType> = z.input<Protocol[K]['payload']>;
/** What a handler gets: validated, defaults filled in. */
export type Payload<K extends RequestType> = z.output<Protocol[K]['payload']>;
export type ReplyOf<K extends RequestType> = Protocol[K]['reply'] extends Returns<infer R> ? R : never;
/** A request as it travels: `{ to: 'background', type, ...payload }`. */
export type Request<K extends RequestType = RequestType> = { [T in K]: { to: 'background'; type: T } & PayloadIn<T> }[K];

export const isRequestType = (type: unknown): type is RequestType => typeof type === 'string' && Object.hasOwn(PROTOCOL, type);

export { StoreChanged } from './storeChanged';

/** The panel's page, as the site script frames it (src/content/panelHost.ts). */
export const PANEL_PAGE = 'src/ui/panel/panel.html';

export interface SenderInfo {
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}
export interface CallerInfo {
  caller: Caller;
  /** The tab a panel or site script acts for. */
  tabId?: number;
}

/**
 * Who sent a message, from what the browser says about the sender (never from the message): a
 * frame of this extension's origin is an extension page, or a panel when it is the panel page
 * inside a tab; anything else is a site script, and only a tab's top frame runs one. Null: no
 * caller Vuoro knows (the router refuses it).
 */
export function callerOf(sender: SenderInfo, extensionOrigin: string): CallerInfo | null {
  const tabId = sender.tab?.id;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) {
    const path = url.slice(extensionOrigin.length).split(/[?#]/)[0];
    if (path === PANEL_PAGE && tabId !== undefined) return { caller: 'panel', tabId };
    if (path === OFFSCREEN_PAGE && tabId === undefined) return { caller: 'offscreen' };
    return { caller: 'page' };
  }
  if (tabId === undefined || sender.frameId !== 0) return null;
  return { caller: 'content', tabId };
}

/** Whether a caller may send a request: the one check, for every row alike. */
export function mayCall(type: RequestType, caller: CallerInfo | null): caller is CallerInfo {
  return caller !== null && (PROTOCOL[type].callers as readonly Caller[]).includes(caller.caller);
}

/** The captures of one import chunk (workshop/import-chunk carries them as JSON text). */
export const ImportChunk = z.array(WorkshopExport.shape.captures.element).max(IMPORT_CHUNK);
