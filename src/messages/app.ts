import { z } from 'zod';
import { Placement } from './site';

// Messages to the background from the panel, options page, popup and content scripts. The
// background owns the store; every request is validated here before a handler runs.

const id = z.string().min(1).max(100);
const siteKey = z.string().min(1).max(300);

const req = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ to: z.literal('background'), type: z.literal(type), ...shape });

export const ToBackground = z.discriminatedUnion('type', [
  req('content/hello', { siteKey }),
  req('panel/hello', {}),
  req('placement/set', { siteKey, placement: Placement }),
  req('settings/get', {}),
  req('settings/set', { lang: z.enum(['fi', 'en']).nullable().optional(), capturedBy: z.string().max(80).optional(), retentionDays: z.number().int().min(0).max(3650).optional() }),
  req('site/enable', { origin: z.string().url().max(300), tabId: z.number().int().optional() }),
  req('site/disable', { origin: z.string().url().max(300) }),
  req('site/enabled-list', {}),
  req('workshop/active', {}),
]);
export type ToBackground = z.infer<typeof ToBackground>;
export type RequestType = ToBackground['type'];

/** Background → all extension pages: something in the store changed; re-read what you show. */
export const StoreChanged = z.object({
  to: z.literal('panel'),
  type: z.literal('store/changed'),
  stores: z.array(z.string().max(40)).max(20),
  workshopId: id.optional(),
});
export type StoreChanged = z.infer<typeof StoreChanged>;
