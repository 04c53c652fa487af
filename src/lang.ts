import * as z from 'zod/mini';

// The languages Vuoro speaks: one definition for the UI, the store, the protocol and the exports
// (which also run in Node, so this file holds no strings).
export const Lang = z.enum(['fi', 'en']);
export type Lang = z.infer<typeof Lang>;
export const LANGS: readonly Lang[] = Lang.options;
