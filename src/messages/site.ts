import * as z from 'zod/mini';

// Messages between the content script and the panel or background. Kept in zod/mini and free of
// the big record models so the content script stays small. Everything a content script sends is
// read from a web page: the schemas cap sizes, and the panel renders it as text only.

const text = (max: number) => z.string().check(z.maxLength(max));
const key = text(300);
const count = z.number().check(z.minimum(0));

/** `ownSpeech`: whether the client shows when you yourself speak (your own tile's ring or audio level). */
export const Capability = z.enum(['participants', 'activeSpeaker', 'ownSpeech', 'raisedHands', 'chat', 'selection']);
export type Capability = z.infer<typeof Capability>;

export const SiteKind = z.enum(['meeting', 'whiteboard', 'other']);
export type SiteKind = z.infer<typeof SiteKind>;

/** What the user can do to make a capability work (the panel says it in words). */
export const NeedsUserHint = z.enum(['open-people-panel', 'open-chat', 'copy-selection', 'join-meeting']);
export type NeedsUserHint = z.infer<typeof NeedsUserHint>;

/** Why a capability is not fully available. The UI localises these. */
export const ReasonCode = z.enum([
  'canvas-only', // the board paints to a canvas: nothing to read in the DOM
  'no-phrase-table', // the state exists only in UI text and we have no phrases for this language
  'anchor-missing', // the hooks we rely on are gone (renamed classes, new client build)
  'no-signal-yet', // the hooks are there but have never shown a signal
  'no-own-signal', // the client shows others speaking but nothing for your own speech
  'partial-list', // the client renders only part of the list (virtualised)
  'not-a-meeting-page',
  'not-a-whiteboard',
  'site-has-no-chat',
  'unknown-site',
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

/** What an adapter can read now, per capability. */
export const CapabilityStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), source: text(100) }), // which rule answered
  z.object({ state: z.literal('needs-user'), hint: NeedsUserHint }),
  z.object({ state: z.literal('degraded'), reason: ReasonCode }),
  z.object({ state: z.literal('unsupported'), reason: ReasonCode }),
]);
export type CapabilityStatus = z.infer<typeof CapabilityStatus>;

export const Placement = z.object({
  dock: z.enum(['left', 'right', 'float']),
  collapsed: z.boolean(),
  hidden: z.boolean(),
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.minimum(240), z.maximum(800)),
  height: z.number().check(z.minimum(120), z.maximum(2000)),
  /**
   * Whether the user set the place and size (a drag, a dock button, the resize grip). false: only
   * collapsed or hidden, over Vuoro's default, which is then worked out again on each visit for
   * that window and its controls. Missing (saved before there was this field): the user's.
   */
  chosen: z.optional(z.boolean()),
});
export type Placement = z.infer<typeof Placement>;

// What a site reports, read from its page: capped, and rendered as text only.
export const Participant = z.object({ key, name: text(200), self: z.optional(z.boolean()), host: z.optional(z.boolean()) });
export type Participant = z.infer<typeof Participant>;
export const HandRaise = z.object({ key, name: text(200), order: z.optional(z.number()) });
export type HandRaise = z.infer<typeof HandRaise>;
export const ChatMessage = z.object({ key, author: text(200), text: text(10_000), at: z.optional(text(40)) });
export type ChatMessage = z.infer<typeof ChatMessage>;
export const SelectionItem = z.object({ kind: z.enum(['note', 'text', 'shape']), text: text(10_000), id: z.optional(text(300)) });
export type SelectionItem = z.infer<typeof SelectionItem>;

const toPanel = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.object({ to: z.literal('panel'), type: z.literal(type), ...shape });

/** Content script → panel of the same tab (relayed by the background down the panel's port). */
export const SiteToPanel = z.discriminatedUnion('type', [
  toPanel('site/status', {
    site: text(40),
    kind: SiteKind,
    capabilities: z.record(Capability, CapabilityStatus),
  }),
  toPanel('site/participants', { participants: z.array(Participant).check(z.maxLength(2000)) }),
  toPanel('site/speaking', { at: z.number(), keys: z.array(key).check(z.maxLength(50)) }),
  toPanel('site/hands', { hands: z.array(HandRaise).check(z.maxLength(2000)) }),
  toPanel('site/chat', { messages: z.array(ChatMessage).check(z.maxLength(500)) }),
  // What the site script left out (src/content/signalGate.ts), for the panel's note.
  toPanel('site/limits', {
    limits: z.object({ chatDropped: count, participantsDropped: count, transientNames: count, changesPerSecond: count }),
  }),
  toPanel('panel/placement', { placement: Placement }),
  /** Something of the page lies over the panel and would catch clicks and typing meant for it. */
  toPanel('panel/covered', { covered: z.boolean() }),
  toPanel('capture/open-quick', { selectionText: z.optional(text(10_000)) }),
  // The "I am talking" key, for your own speech where the meeting client does not show it.
  toPanel('talking/toggle', {}),
]);
export type SiteToPanel = z.infer<typeof SiteToPanel>;

export const SelectionResult = z.object({ items: z.nullable(z.array(SelectionItem).check(z.maxLength(500))) });
