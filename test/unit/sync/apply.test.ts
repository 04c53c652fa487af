import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import * as Y from 'yjs';
import { addCapture, appendRunEvent, createFromTemplate, deleteWorkshop, loadWorkshop, voteCapture } from '../../../src/background/workshops';
import { DEFAULT_TEMPLATE_ID } from '../../../src/script/templates';
import { capturesOf } from '../../../src/store/captures';
import { runs } from '../../../src/store/runs';
import { saveScript, scripts } from '../../../src/store/scripts';
import { workshops } from '../../../src/store/workshops';
import { appendLiveEvent, liveEventsOf } from '../../../src/store/liveState';
import { applyRemote, localEntries, noteOwnVote } from '../../../src/sync/apply';
import { emptyEntries, SharedRoom } from '../../../src/sync/model';

// The store side: what a browser shares, and the room's entries written through the store's own
// paths. A joiner is simulated by deleting the workshop here and applying the room's copy.

async function facilitatorWorkshop() {
  const created = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'fi');
  if (!created.ok) throw new Error('no workshop');
  return created.value;
}

describe('live sharing, store side', () => {
  it('a joiner gets the workshop, its run events, live events and captures; a second apply writes nothing', async () => {
    const active = await facilitatorWorkshop();
    const id = active.workshop.id;
    await appendRunEvent(id, { type: 'start', at: 1000 }, 0);
    await appendLiveEvent(id, { type: 'hand/raise', at: 1100, key: 'k1', name: 'Aino' });
    await appendLiveEvent(id, { type: 'hands/site', at: 1150, hands: [] });
    await addCapture({ workshopId: id, text: 'Asiakkaan ääni kuuluviin', kind: 'idea', source: { type: 'manual' } }, 1200);
    const shared = await localEntries(id);
    expect(shared?.liveEvents.map((e) => e.type)).toEqual(['hand/raise']);

    // Pass it through a doc, as the room does, then erase the workshop here and apply: the joiner's view.
    const room = new SharedRoom(new Y.Doc(), id);
    room.pushLocal(shared!);
    const { entries } = room.read();
    await deleteWorkshop(id);
    const first = await applyRemote(id, entries);
    expect(first.created).toBe(true);
    expect(first.topics).toEqual(expect.arrayContaining(['workshops', 'runs', 'captures', 'live']));
    expect((await runs.get(id))?.run.events).toEqual([{ type: 'start', at: 1000 }]);
    expect((await capturesOf(id)).map((c) => c.text)).toEqual(['Asiakkaan ääni kuuluviin']);
    const again = await applyRemote(id, entries);
    expect(again.topics).toEqual([]);
    expect((await liveEventsOf(id)).filter((e) => e.type === 'hand/raise')).toHaveLength(1);
  });

  // Found by the erase's owner: after "Erase Bo Kim" the events that named him, rewritten to name no
  // one, were pushed to the room as new ones, and a co-facilitator's panel showed a hand with no name.
  it('does not send the events an erase rewrote', async () => {
    const { erasePerson } = await import('../../../src/background/erase');
    const active = await facilitatorWorkshop();
    const id = active.workshop.id;
    await appendRunEvent(id, { type: 'start', at: 1000 }, 0);
    await appendLiveEvent(id, { type: 'hand/raise', at: 1100, key: 'k1', name: 'Bo Kim' });
    await appendLiveEvent(id, { type: 'hand/raise', at: 1200, key: 'k2', name: 'Aino' });
    // A go-around after Bo Kim left: he is named only as a key of the speaking times.
    await appendLiveEvent(id, {
      type: 'goaround/start',
      at: 1300,
      participants: [{ key: 'k2', name: 'Aino' }],
      order: 'as-listed',
      perPersonSec: 60,
      seed: 1,
      speakingMsByKey: { k1: 42_000, k2: 1000 },
      excludeKeys: [],
    });
    expect((await localEntries(id))!.liveEvents).toHaveLength(3);
    await erasePerson(id, { key: 'k1', name: 'Bo Kim' });
    expect((await liveEventsOf(id)).length).toBeGreaterThanOrEqual(3); // the log keeps its length
    expect((await localEntries(id))!.liveEvents).toEqual([{ type: 'hand/raise', at: 1200, key: 'k2', name: 'Aino' }]);
  });

  it('a joiner whose own copy of the template has other phase ids keeps it, and runs the room’s script beside it', async () => {
    const active = await facilitatorWorkshop();
    const id = active.workshop.id;
    const shared = (await localEntries(id))!;
    await deleteWorkshop(id);
    // This browser's copy of the same built-in template was instantiated with phase ids of its own.
    const ownScript = { ...shared.workshop!.script, workshops: shared.workshop!.script.workshops.map((w) => ({ ...w, phases: w.phases.map((p) => ({ ...p, id: `own-${p.id}` })) })) };
    await saveScript(ownScript);
    const applied = await applyRemote(id, shared);
    expect(applied.created).toBe(true);
    const loaded = await loadWorkshop(id);
    expect(loaded?.script.id).toBe(`shared-${id}`);
    expect(loaded?.script.workshops[0]!.phases.map((p) => p.id)).toEqual(shared.workshop!.run.phases.map((p) => p.id));
    expect((await scripts.get(ownScript.id))?.script.workshops[0]!.phases[0]!.id).toMatch(/^own-/);
  });

  it('a later edit wins, an earlier one is ignored; votes are increments counted once', async () => {
    const active = await facilitatorWorkshop();
    const id = active.workshop.id;
    const capture = await addCapture({ workshopId: id, text: 'luonnos', kind: 'idea', source: { type: 'manual' } }, 2000);
    await applyRemote(id, { ...emptyEntries(), captures: [{ ...capture, text: 'vanha', updatedAt: 1999 }] });
    expect((await capturesOf(id))[0]!.text).toBe('luonnos');
    await applyRemote(id, { ...emptyEntries(), captures: [{ ...capture, text: 'uusi', votes: 99, updatedAt: 3000 }] });
    const [edited] = await capturesOf(id);
    expect(edited!.text).toBe('uusi');
    expect(edited!.votes).toBe(0);

    // My vote (noted as mine) and another person's: the room returns both, mine is not counted twice.
    await voteCapture(capture.id, 1);
    const mine = { id: crypto.randomUUID(), captureId: capture.id, delta: 1 as const, at: 1 };
    await noteOwnVote(id, mine);
    const theirs = { id: crypto.randomUUID(), captureId: capture.id, delta: 1 as const, at: 2 };
    await applyRemote(id, { ...emptyEntries(), votes: [mine, theirs] });
    await applyRemote(id, { ...emptyEntries(), votes: [mine, theirs] });
    expect((await capturesOf(id))[0]!.votes).toBe(2);
  });

  it('hostile batches are refused: invalid shape, a capture of another workshop, a workshop for another id', async () => {
    const a = await facilitatorWorkshop();
    const b = await facilitatorWorkshop();
    const other = await addCapture({ workshopId: b.workshop.id, text: 'B:n oma', kind: 'idea', source: { type: 'manual' } });
    expect((await applyRemote(a.workshop.id, { captures: 'x' })).rejected).toBe(1);
    const moved = await applyRemote(a.workshop.id, { ...emptyEntries(), captures: [{ ...other, workshopId: a.workshop.id, text: 'kaapattu', updatedAt: other.updatedAt + 1 }] });
    expect(moved.rejected).toBe(1);
    expect((await capturesOf(b.workshop.id))[0]!.text).toBe('B:n oma');
    expect(await capturesOf(a.workshop.id)).toEqual([]);
    const ghost = crypto.randomUUID();
    const entries = (await localEntries(a.workshop.id))!;
    const result = await applyRemote(ghost, { ...entries, captures: [] });
    expect(result.created).toBe(false);
    expect(await workshops.get(ghost)).toBeUndefined();
  });
});
