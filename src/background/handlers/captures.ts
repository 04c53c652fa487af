import { fail, ok } from '../../messages/reply';
import { captures, capturesOf } from '../../store/captures';
import { addCapture, addCaptures, mergeCaptures, updateCapture, voteCapture } from '../workshops';
import type { Handlers } from './types';

// Captures: made, listed, edited, deleted (and restored), merged.

export const captureHandlers = {
  'capture/add': async ({ id, workshopId, text, kind, source, tags, owner, due, mapField }) =>
    ok(
      await addCapture({
        ...(id ? { id } : {}),
        workshopId,
        text,
        kind,
        source,
        ...(tags ? { tags } : {}),
        ...(owner ? { owner } : {}),
        ...(due ? { due } : {}),
        ...(mapField ? { mapField } : {}),
      }),
    ),
  'capture/add-many': async ({ workshopId, items, source }) => ok(await addCaptures(workshopId, items, source)),
  'capture/list': async ({ workshopId }) => ok(await capturesOf(workshopId)),
  'capture/update': ({ id, patch: { mapField, ...rest } }) =>
    // null takes the capture off the map (a missing key leaves it where it is).
    updateCapture(id, { ...rest, ...(mapField !== undefined ? { mapField: mapField ?? undefined } : {}) }),
  'capture/delete': ({ id }) => setDeleted(id, true),
  'capture/restore': ({ id }) => setDeleted(id, false),
  'capture/vote': ({ id, delta }) => voteCapture(id, delta),
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
