import { fail, ok } from '../../messages/reply';
import { captures, capturesOf } from '../../store/captures';
import { addCapture, addCaptures, mergeCaptures, updateCapture } from '../workshops';
import type { Handlers } from './types';

// Captures: made, listed, edited, deleted (and restored), merged.

export const captureHandlers = {
  'capture/add': async ({ id, workshopId, text, kind, source, tags, owner, due }) =>
    ok(await addCapture({ ...(id ? { id } : {}), workshopId, text, kind, source, ...(tags ? { tags } : {}), ...(owner ? { owner } : {}), ...(due ? { due } : {}) })),
  'capture/add-many': async ({ workshopId, items, source }) => ok(await addCaptures(workshopId, items, source)),
  'capture/list': async ({ workshopId }) => ok(await capturesOf(workshopId)),
  'capture/update': ({ id, patch }) => updateCapture(id, patch),
  'capture/delete': ({ id }) => setDeleted(id, true),
  'capture/restore': ({ id }) => setDeleted(id, false),
  'capture/merge': ({ keepId, mergeIds }) => mergeCaptures(keepId, mergeIds),
} satisfies Partial<Handlers>;

async function setDeleted(id: string, deleted: boolean) {
  const existing = await captures.get(id);
  if (!existing) return fail('capture-missing');
  const next = { ...existing, updatedAt: Date.now() };
  if (deleted) next.deletedAt = Date.now();
  else delete next.deletedAt;
  await captures.put(next);
  return ok(next);
}
