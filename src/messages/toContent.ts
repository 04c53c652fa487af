import * as z from 'zod/mini';
import { FRAME_LABEL_KEYS, type FrameLabelKey } from '../content/labels';

// The one schema every site script carries at run time, in its own module: a site script must
// not bundle the schemas of what it sends (src/messages/site.ts), which only the panel and the
// background check.

const text = (max: number) => z.string().check(z.maxLength(max));

/**
 * Every label key, each a short text; other keys are dropped. An object of the keys rather than
 * z.record over an enum of them, and z.enum for `to` rather than z.literal: the same checks from
 * schema kinds the script bundles anyway, which keeps each site script ~0.7 KB (gzip) smaller.
 */
const labels = z.object(Object.fromEntries(FRAME_LABEL_KEYS.map((key) => [key, text(300)])) as Record<FrameLabelKey, ReturnType<typeof text>>);

/**
 * Background (or a panel's tab/forward request) → the content script of one tab (tabs.sendMessage).
 * One flat object rather than a union per type: the content script bundles this schema, and the
 * flat form costs it far less code while checking the same fields.
 */
export const ToContent = z.object({
  to: z.enum(['content']),
  type: z.enum(['panel/toggle', 'panel/set', 'panel/labels', 'panel/in-use', 'site/resend', 'site/read-selection', 'capture/quick', 'talking/toggle']),
  /** The frame header's labels in the language the user just chose (every key, text only). */
  labels: z.optional(labels),
  collapsed: z.optional(z.boolean()),
  dock: z.optional(z.enum(['left', 'right'])),
  hidden: z.optional(z.boolean()),
  selectionText: z.optional(text(10_000)),
});
export type ToContent = z.infer<typeof ToContent>;

