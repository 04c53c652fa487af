import { z } from 'zod';
import { SharedEntries } from './entries';

// What the background tells the sync engine in Chrome's offscreen document (runtime messages;
// the offscreen document's own requests to the background are rows of src/messages/protocol.ts).

export const ToEngine = z.discriminatedUnion('type', [
  z.object({ to: z.literal('offscreen'), type: z.literal('engine/push'), entries: SharedEntries }),
  z.object({ to: z.literal('offscreen'), type: z.literal('engine/timer'), open: z.boolean() }),
  z.object({ to: z.literal('offscreen'), type: z.literal('engine/online'), online: z.boolean() }),
  z.object({ to: z.literal('offscreen'), type: z.literal('engine/stop') }),
]);
export type ToEngine = z.infer<typeof ToEngine>;

/** The offscreen page, as the background opens it and the router recognises its requests. */
export const OFFSCREEN_PAGE = 'src/sync/offscreen.html';
