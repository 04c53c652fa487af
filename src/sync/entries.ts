import { z } from 'zod';
import { omit } from 'zod/mini'; // RunSchema is zod/mini (the panel's logic loads it)
import { Capture } from '../capture/schema';
import { ScriptSchema } from '../script/schema';
import { RunEventSchema, RunSchema, type RunEvent } from '../script/timing';
import { PromptLogRecord } from '../store/promptLog';
import { WorkshopRecord } from '../store/workshops';
import { LiveEvent } from '../turns/live';
import { canonicalJson, cyrb53 } from '../hash';

// The entries a live-shared workshop holds, as zod schemas and keys: shared by the Y.Doc mapping
// (src/sync/model.ts, which carries Yjs) and by the background and the protocol table, which
// must not.

/** How much a room may hold; a peer that sends more is not followed past it. */
export const SHARED_LIMITS = {
  captures: 20_000,
  runEvents: 20_000,
  liveEvents: 20_000,
  votes: 50_000,
  prompts: 5_000,
  /** Bytes of updates a room may send this browser in one session: a peer writing types Vuoro never reads still stops here. */
  roomBytes: 64 * 1024 * 1024,
} as const;

/** The workshop a joiner makes locally: its record, the script it runs and the run's phases. */
export const SharedWorkshop = z.object({
  workshop: WorkshopRecord.pick({ id: true, title: true, goal: true, lang: true, scriptId: true, workshopIndex: true, createdAt: true }),
  script: ScriptSchema,
  run: omit(RunSchema, { events: true }),
});
export type SharedWorkshop = z.infer<typeof SharedWorkshop>;

/** One vote increment: increments from two people both count, which a vote total could not do. */
export const VoteEvent = z.object({ id: z.uuid(), captureId: z.uuid(), delta: z.union([z.literal(1), z.literal(-1)]), at: z.number().int().nonnegative() });
export type VoteEvent = z.infer<typeof VoteEvent>;

/**
 * The version a capture's version was made from, as the browser that made it knew (src/sync/apply.ts):
 * its `updatedAt` and a hash of its text. Two versions made from the same one are edits made at
 * once (offline, or in the same moment), and the text that does not win is kept.
 */
export const EditedFrom = z.object({ at: z.number().int().nonnegative(), text: z.string().max(20) });
export type EditedFrom = z.infer<typeof EditedFrom>;

/** The hash a capture's text is compared by. */
export const textHash = (text: string): string => hash53(text);

/**
 * Shared entries, either way: what the local store has (background → doc) or what came from
 * the room (doc → background). Bounded, so the message carrying it is too.
 */
export const SharedEntries = z.object({
  workshop: SharedWorkshop.optional(),
  runEvents: z.array(RunEventSchema).max(SHARED_LIMITS.runEvents),
  liveEvents: z.array(LiveEvent).max(SHARED_LIMITS.liveEvents),
  captures: z.array(Capture).max(SHARED_LIMITS.captures),
  /** Per capture id, what the capture's version in `captures` was edited from, where known. */
  editedFrom: z
    .record(z.string().max(100), EditedFrom)
    .refine((known) => Object.keys(known).length <= SHARED_LIMITS.captures)
    .default({}),
  votes: z.array(VoteEvent).max(SHARED_LIMITS.votes),
  prompts: z.array(PromptLogRecord).max(SHARED_LIMITS.prompts),
});
export type SharedEntries = z.infer<typeof SharedEntries>;

export const emptyEntries = (): SharedEntries => ({ runEvents: [], liveEvents: [], captures: [], editedFrom: {}, votes: [], prompts: [] });

/** A run event's identity: the timing engine already treats the same action at the same time as one (orderedEvents). */
export const runEventKey = (event: RunEvent): string => `${event.type}@${event.at}`;

const hash53 = (text: string): string => cyrb53(text).toString(36);

/** A live event has no id of its own: the same event (same type, time and content) is the same key. */
export const liveEventKey = (event: LiveEvent): string => `${event.type}@${event.at}#${hash53(canonicalJson(event))}`;

/**
 * Live events are shared except the site's hand reports: every browser in the room reads the same
 * meeting page itself, so sharing them would only make each hand change twice.
 */
export const isSharedLiveEvent = (event: LiveEvent): boolean => event.type !== 'hands/site';

