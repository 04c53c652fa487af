import * as z from 'zod/mini';
import { FRAME_LABEL_KEYS } from '../content/labels';

// Messages between the content script and the panel or background. Kept in zod/mini and free of
// the big record models so the content script stays small. Everything a content script sends is
// read from a web page: the schemas cap sizes, and the panel renders it as text only.

const text = (max: number) => z.string().check(z.maxLength(max));
const key = text(300);

export const Capability = z.enum(['participants', 'activeSpeaker', 'ownSpeech', 'raisedHands', 'chat', 'selection']);
export type Capability = z.infer<typeof Capability>;

export const CapabilityStatus = z.object({
  state: z.enum(['ok', 'needs-user', 'degraded', 'unsupported']),
  source: z.optional(text(100)),
  hint: z.optional(text(60)),
  reason: z.optional(text(60)),
});
export type CapabilityStatus = z.infer<typeof CapabilityStatus>;

export const Placement = z.object({
  dock: z.enum(['left', 'right', 'float']),
  collapsed: z.boolean(),
  hidden: z.boolean(),
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.minimum(240), z.maximum(800)),
  height: z.number().check(z.minimum(120), z.maximum(2000)),
});
export type Placement = z.infer<typeof Placement>;

const Participant = z.object({ key, name: text(200), self: z.optional(z.boolean()), host: z.optional(z.boolean()) });
const Hand = z.object({ key, name: text(200), order: z.optional(z.number()) });
const ChatLine = z.object({ key, author: text(200), text: text(10_000), at: z.optional(text(40)) });
const SelectionItem = z.object({ kind: z.enum(['note', 'text', 'shape']), text: text(10_000), id: z.optional(text(300)) });
export type SelectionItem = z.infer<typeof SelectionItem>;

const toPanel = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.object({ to: z.literal('panel'), type: z.literal(type), ...shape });

/** Content script → panel of the same tab (relayed by the background down the panel's port). */
export const SiteToPanel = z.discriminatedUnion('type', [
  toPanel('site/status', {
    site: text(40),
    kind: z.enum(['meeting', 'whiteboard', 'other']),
    capabilities: z.record(Capability, CapabilityStatus),
  }),
  toPanel('site/participants', { participants: z.array(Participant).check(z.maxLength(2000)) }),
  toPanel('site/speaking', { at: z.number(), keys: z.array(key).check(z.maxLength(50)) }),
  toPanel('site/hands', { hands: z.array(Hand).check(z.maxLength(2000)) }),
  toPanel('site/chat', { messages: z.array(ChatLine).check(z.maxLength(500)) }),
  toPanel('panel/placement', { placement: Placement }),
  /** Something of the page lies over the panel and would catch clicks and typing meant for it. */
  toPanel('panel/covered', { covered: z.boolean() }),
  toPanel('capture/open-quick', { selectionText: z.optional(text(10_000)) }),
  // The "I am talking" key, for your own speech where the meeting client does not show it.
  toPanel('talking/toggle', {}),
]);
export type SiteToPanel = z.infer<typeof SiteToPanel>;

/**
 * Background (or a panel's tab/forward request) → the content script of one tab (tabs.sendMessage).
 * One flat object rather than a union per type: the content script bundles this schema, and the
 * flat form costs it far less code while checking the same fields.
 */
export const ToContent = z.object({
  to: z.literal('content'),
  type: z.enum(['panel/toggle', 'panel/set', 'panel/labels', 'site/resend', 'site/read-selection', 'capture/quick', 'talking/toggle']),
  /** The frame header's labels in the language the user just chose (every key, text only). */
  labels: z.optional(z.record(z.enum(FRAME_LABEL_KEYS), text(300))),
  collapsed: z.optional(z.boolean()),
  dock: z.optional(z.enum(['left', 'right'])),
  hidden: z.optional(z.boolean()),
  selectionText: z.optional(text(10_000)),
});
export type ToContent = z.infer<typeof ToContent>;

export const SelectionResult = z.object({ items: z.nullable(z.array(SelectionItem).check(z.maxLength(500))) });
