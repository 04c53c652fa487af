import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import * as Y from 'yjs';
import { addCapture, createFromTemplate, updateCapture, voteCapture } from '../../../src/background/workshops';
import type { Capture } from '../../../src/capture/schema';
import { DEFAULT_TEMPLATE_ID } from '../../../src/script/templates';
import { captures, capturesOf } from '../../../src/store/captures';
import { applyRemote, localEntries } from '../../../src/sync/apply';
import { CONFLICT_TAG, resolveCaptures } from '../../../src/sync/captureVersions';
import { emptyEntries, SharedRoom, textHash } from '../../../src/sync/model';

// Two people edit one capture while apart (one offline, or both at the same moment). The later
// edit won and the other text was gone without a word; an edit made offline brought back a capture
// the other person had deleted, silently. Each browser here is the store plus what it pushes.

async function shared(): Promise<{ workshopId: string; original: Capture }> {
  const created = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'fi');
  if (!created.ok) throw new Error('no workshop');
  const workshopId = created.value.workshop.id;
  const original = await addCapture({ workshopId, text: 'Kotihoidon parityö', kind: 'idea', source: { type: 'manual' } }, 1_000);
  await localEntries(workshopId); // pushed to the room: the version both now have
  return { workshopId, original };
}

/** Through a doc, as the room carries it. */
function viaRoom(workshopId: string, entries: Awaited<ReturnType<typeof localEntries>>) {
  const room = new SharedRoom(new Y.Doc(), workshopId);
  room.pushLocal(entries!);
  return room.read().entries;
}

const live = async (workshopId: string) => (await capturesOf(workshopId)).filter((c) => !c.deletedAt);

describe('one capture edited in two places at once', () => {
  it('the later text wins and the other is kept as a capture of its own, tagged, the same in both browsers', async () => {
    const { workshopId, original } = await shared();
    // Ville, offline, edited the same version later: what his browser pushes.
    const villes = { ...original, text: 'Kotihoidon parityö kahdessa tiimissä', updatedAt: 3_000 };
    const villesFrom = { at: original.updatedAt, text: textHash(original.text) };
    // Aino edits here meanwhile.
    await updateCapture(original.id, { text: 'Parityö kotihoitoon' }, 2_000);
    const ainos = viaRoom(workshopId, await localEntries(workshopId));
    expect(ainos.editedFrom[original.id]).toEqual(villesFrom);

    await applyRemote(workshopId, viaRoom(workshopId, { ...emptyEntries(), captures: [villes], editedFrom: { [original.id]: villesFrom } }));
    const here = await live(workshopId);
    expect(here.map((c) => c.text).sort()).toEqual(['Kotihoidon parityö kahdessa tiimissä', 'Parityö kotihoitoon']);
    const kept = here.find((c) => c.text === 'Parityö kotihoitoon')!;
    expect(kept.id).not.toBe(original.id);
    expect(kept.tags).toEqual([CONFLICT_TAG.fi]);

    // Ville's browser, given Aino's version: the same two captures, the kept one under the same id.
    const inVilles = resolveCaptures(villes, ainos.captures.find((c) => c.id === original.id)!, villesFrom, ainos.editedFrom[original.id], CONFLICT_TAG.fi);
    expect(inVilles.result.text).toBe('Kotihoidon parityö kahdessa tiimissä');
    expect(inVilles.kept).toEqual(kept);

    // Applied again (the room resends): nothing new.
    await applyRemote(workshopId, viaRoom(workshopId, { ...emptyEntries(), captures: [villes], editedFrom: { [original.id]: villesFrom } }));
    expect(await live(workshopId)).toHaveLength(2);
  });

  it('an edit made after seeing the other one replaces it, and a vote meanwhile is not an edit of the text', async () => {
    const { workshopId, original } = await shared();
    await voteCapture(original.id, 1, 1_500); // a vote here changes the version, not the text
    const villes = { ...original, text: 'Kotihoidon parityö, tarkennettu', updatedAt: 3_000 };
    await applyRemote(workshopId, { ...emptyEntries(), captures: [villes], editedFrom: { [original.id]: { at: original.updatedAt, text: textHash(original.text) } } });
    expect((await live(workshopId)).map((c) => c.text)).toEqual(['Kotihoidon parityö, tarkennettu']);

    // Aino then edits Ville's text; Ville edits after seeing hers: his replaces hers, nothing kept.
    await updateCapture(original.id, { text: 'Aino: parityö' }, 4_000);
    const ainos = (await localEntries(workshopId))!;
    const seen = ainos.captures.find((c) => c.id === original.id)!;
    await applyRemote(workshopId, { ...emptyEntries(), captures: [{ ...seen, text: 'Ville: parityö', updatedAt: 5_000 }], editedFrom: { [original.id]: { at: seen.updatedAt, text: textHash(seen.text) } } });
    expect((await live(workshopId)).map((c) => c.text)).toEqual(['Ville: parityö']);
  });

  it('an offline edit of a capture the other person deleted brings it back tagged, in both browsers', async () => {
    const { workshopId, original } = await shared();
    await updateCapture(original.id, { deletedAt: 2_000 }, 2_000); // Aino deletes
    const villes = { ...original, text: 'Kotihoidon parityö (Ville)', updatedAt: 3_000 };
    const villesFrom = { at: original.updatedAt, text: textHash(original.text) };
    const ainos = (await localEntries(workshopId))!;
    await applyRemote(workshopId, { ...emptyEntries(), captures: [villes], editedFrom: { [original.id]: villesFrom } });
    const back = (await captures.get(original.id))!;
    expect(back.deletedAt).toBeUndefined();
    expect(back.tags).toEqual([CONFLICT_TAG.fi]);
    const inVilles = resolveCaptures(villes, ainos.captures.find((c) => c.id === original.id)!, villesFrom, ainos.editedFrom[original.id], CONFLICT_TAG.fi);
    expect(inVilles.result).toEqual({ ...back, votes: inVilles.result.votes });
  });
});
