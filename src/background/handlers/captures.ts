import { fail, ok } from '../../messages/reply';
import { captures, capturesOf } from '../../store/captures';
import { addCapture, addCaptures, mergeCaptures, unmergeCaptures, updateCapture, voteCapture } from '../workshops';
import type { Payload } from '../../messages/protocol';
import { mergeEvaluation, mergePlan } from '../../series/patch';
import type { Handlers } from './types';
import { syncHooks } from '../syncHooks';

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
  'capture/update': ({ id, patch }) => updateCaptureMerged(id, patch),
  'capture/delete': ({ id }) => setDeleted(id, true),
  'capture/restore': ({ id }) => setDeleted(id, false),
  'capture/vote': async ({ id, delta }) => {
    const reply = await voteCapture(id, delta);
    // In a shared workshop the vote also travels to the room as an increment (src/background/sync.ts).
    if (reply.ok) await syncHooks.recordVote(reply.value, delta);
    return reply;
  },
  'capture/merge': ({ keepId, mergeIds }) => mergeCaptures(keepId, mergeIds),
  'capture/unmerge': ({ keepId, mergeIds, votes, tags }) => unmergeCaptures(keepId, mergeIds, { votes, tags }),
} satisfies Partial<Handlers>;

// Updates read, change and write a capture: one at a time, so changes a moment apart (a rating,
// then notes) are each merged into what the one before wrote.
let updating: Promise<unknown> = Promise.resolve();

function updateCaptureMerged(id: string, { mapField, experiment, evaluation, owner, due, theme, ...rest }: Payload<'capture/update'>['patch']) {
  const next = updating.then(async () => {
    const existing = experiment || evaluation ? await captures.get(id) : undefined;
    return updateCapture(id, {
      ...rest,
      // null clears the field (updateCapture drops what is undefined); a missing key keeps it.
      ...(owner !== undefined ? { owner: owner?.trim() || undefined } : {}),
      ...(due !== undefined ? { due: due ?? undefined } : {}),
      ...(theme !== undefined ? { theme: theme?.trim() || undefined } : {}),
      // null takes the capture off the map (a missing key leaves it where it is).
      ...(mapField !== undefined ? { mapField: mapField ?? undefined } : {}),
      ...(experiment ? { experiment: mergePlan(existing?.experiment, experiment) } : {}),
      ...(evaluation ? { evaluation: mergeEvaluation(existing?.evaluation, evaluation) } : {}),
    });
  });
  updating = next.catch(() => undefined);
  return next;
}

async function setDeleted(id: string, deleted: boolean) {
  const existing = await captures.get(id);
  if (!existing) return fail('capture-missing');
  const next = { ...existing, updatedAt: Date.now() };
  if (deleted) next.deletedAt = Date.now();
  else delete next.deletedAt;
  await captures.put(next);
  return ok(next);
}
