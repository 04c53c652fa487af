import { z } from 'zod';
import { CaptureKind, CaptureSource, IsoDate } from '../capture/schema';
import { ScriptSchema } from '../script/schema';
import { RunEventSchema } from '../script/timing';
import { Placement } from './site';
import { WorkshopExport } from '../summary/model';
import { LiveState } from '../store/liveState';
import { PromptAction, PromptSettings, SurfaceReasonCode } from '../prompts/rules';
import { UserCardEdit } from '../prompts/cards';

// Messages to the background from the panel, options page, popup and content scripts. The
// background owns the store; every request is validated here before a handler runs.

const id = z.string().min(1).max(100);
const siteKey = z.string().min(1).max(300);
const lang = z.enum(['fi', 'en']);

const req = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ to: z.literal('background'), type: z.literal(type), ...shape });

const CapturePatch = z
  .object({
    text: z.string().max(10_000),
    kind: CaptureKind,
    owner: z.string().max(200).optional(),
    due: IsoDate.optional(),
    tags: z.array(z.string().min(1).max(60)).max(50),
    theme: z.string().max(120).optional(),
    votes: z.number().int().min(0).max(10_000),
    phaseId: z.string().max(100).optional(),
    phaseTitle: z.string().max(300).optional(),
  })
  .partial();

export const ToBackground = z.discriminatedUnion('type', [
  req('content/hello', { siteKey }),
  req('options/open', { view: z.enum(['library', 'scripts', 'cards', 'settings']) }),
  req('summary/open', { workshopId: id }),
  // Page signals from a content script for the panel of its tab; validated against SiteToPanel on arrival.
  req('site/signal', { signal: z.record(z.string(), z.unknown()) }),
  // A panel's request to its own tab's content script (validated against ToContent).
  req('tab/forward', { message: z.record(z.string(), z.unknown()) }),
  req('placement/set', { siteKey, placement: Placement }),
  req('settings/get', {}),
  req('settings/set', {
    lang: lang.nullable().optional(),
    capturedBy: z.string().max(80).optional(),
    retentionDays: z.number().int().min(0).max(3650).optional(),
  }),
  req('site/enable', { origin: z.string().url().max(300), tabId: z.number().int().optional() }),
  req('site/disable', { origin: z.string().url().max(300) }),
  req('site/enabled-list', {}),
  req('workshop/active', {}),
  req('workshop/list', {}),
  req('workshop/open', { workshopId: id }),
  req('workshop/delete', { workshopId: id }),
  req('workshop/from-template', { templateId: id, lang, workshopIndex: z.number().int().min(0).max(50).default(0) }),
  req('workshop/from-script', { scriptId: id, workshopIndex: z.number().int().min(0).max(50) }),
  req('workshop/contents', { workshopId: id }),
  req('workshop/import', { doc: WorkshopExport, intoWorkshopId: id.optional() }),
  req('run/event', { workshopId: id, event: RunEventSchema, expectedCount: z.number().int().min(0) }),
  req('run/planned-end', { workshopId: id, plannedEnd: z.number().int().min(0).optional() }),
  req('script/list', {}),
  req('script/save', { script: ScriptSchema }),
  req('script/delete', { scriptId: id }),
  req('capture/add', {
    workshopId: id,
    text: z.string().trim().min(1).max(10_000),
    kind: CaptureKind,
    tags: z.array(z.string().min(1).max(60)).max(50).optional(),
    owner: z.string().max(200).optional(),
    due: IsoDate.optional(),
    source: CaptureSource,
  }),
  req('capture/list', { workshopId: id }),
  req('capture/update', { id: z.uuid(), patch: CapturePatch }),
  req('capture/delete', { id: z.uuid() }),
  req('capture/restore', { id: z.uuid() }),
  req('capture/merge', { keepId: z.uuid(), mergeIds: z.array(z.uuid()).min(1).max(500) }),
  req('capture/add-many', {
    workshopId: id,
    items: z.array(z.object({ text: z.string().trim().min(1).max(10_000), kind: CaptureKind })).min(1).max(500),
    source: CaptureSource,
  }),
  req('cards/get', {}),
  req('cards/set', { userCards: z.array(UserCardEdit).max(500), hiddenCards: z.array(z.string().max(64)).max(500), promptSettings: PromptSettings }),
  req('live/get', { workshopId: id }),
  req('turns/list', { workshopId: id }),
  req('participants/list', { workshopId: id }),
  req('live/set', { workshopId: id, live: LiveState }),
  req('turns/add', {
    workshopId: id,
    turns: z
      .array(z.object({ participantKey: z.string().min(1).max(300), startAt: z.number(), endAt: z.number(), source: z.enum(['site', 'manual']) }))
      .min(1)
      .max(500),
  }),
  req('participants/sync', {
    workshopId: id,
    participants: z.array(z.object({ key: z.string().min(1).max(300), name: z.string().max(200), self: z.boolean().optional() })).max(2000),
  }),
  req('participants/add', { workshopId: id, name: z.string().trim().min(1).max(200) }),
  req('participants/remove', { workshopId: id, key: z.string().min(1).max(300) }),
  req('prompt/log', {
    workshopId: id,
    entries: z
      .array(z.object({ cardId: z.string().min(1).max(100), phaseId: z.string().max(100).optional(), at: z.number(), action: PromptAction, reasonCode: SurfaceReasonCode.optional() }))
      .min(1)
      .max(50),
  }),
  req('workshop/update', {
    workshopId: id,
    patch: z.object({ includeParticipants: z.boolean(), includeStats: z.boolean(), facilitatorKey: z.string().max(300) }).partial(),
  }),
]);
export type ToBackground = z.infer<typeof ToBackground>;

/** Background → all extension pages: something in the store changed; re-read what you show. */
export const StoreChanged = z.object({
  to: z.literal('panel'),
  type: z.literal('store/changed'),
  stores: z.array(z.string().max(40)).max(20),
  workshopId: id.optional(),
});
export type StoreChanged = z.infer<typeof StoreChanged>;
