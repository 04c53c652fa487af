import * as z from 'zod/mini';

/**
 * Background → all extension pages: something in the store changed; re-read what you show.
 * In a file of its own, in zod/mini, so the panel frame's first load does not bring the whole
 * protocol table and what it imports (issue 12; scripts/panel-start-size.mjs).
 */
export const StoreChanged = z.object({
  to: z.literal('panel'),
  type: z.literal('store/changed'),
  stores: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
  workshopId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type StoreChanged = z.infer<typeof StoreChanged>;
