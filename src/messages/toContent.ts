import * as z from 'zod/mini';
import { FRAME_LABEL_KEYS } from '../content/labels';

// The one schema every site script carries at run time, in its own module: a site script must
// not bundle the schemas of what it sends (src/messages/site.ts), which only the panel and the
// background check.

const text = (max: number) => z.string().check(z.maxLength(max));

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

