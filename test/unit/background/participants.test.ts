import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'test' } } }));

const { syncParticipants, syncParticipantsLatest, LAST_SEEN_RESOLUTION_MS } = await import('../../../src/background/workshops');
const { participantsOf, participants } = await import('../../../src/store/participants');
const { PARTICIPANTS_MAX } = await import('../../../src/store/limits');

const seen = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ key: `name:Guest ${from + i}`, name: `Guest ${from + i}` }));

describe('syncParticipants', () => {
  it('keeps at most PARTICIPANTS_MAX site people per workshop and counts the rest', async () => {
    const first = await syncParticipants('w-cap', seen(PARTICIPANTS_MAX - 10));
    expect(first).toMatchObject({ dropped: 0, changed: true });
    const flood = await syncParticipants('w-cap', seen(1000, 5000));
    expect(flood.dropped).toBe(990);
    expect(await participantsOf('w-cap')).toHaveLength(PARTICIPANTS_MAX);
    // People added by hand are not site people and are never refused.
    await participants.put({ workshopId: 'w-cap', key: 'manual:1', name: 'Aino', source: 'manual', firstSeenAt: 1, lastSeenAt: 1 });
    expect(await participantsOf('w-cap')).toHaveLength(PARTICIPANTS_MAX + 1);
  });

  it('merges by key: a new name updates the person, a steady roster writes nothing', async () => {
    const t0 = 1_000_000;
    await syncParticipants('w-merge', [{ key: 'id:7', name: 'iPhone' }], t0);
    const renamed = await syncParticipants('w-merge', [{ key: 'id:7', name: 'Aino' }], t0 + 1000);
    expect(renamed).toMatchObject({ written: 1, changed: true });
    const list = await participantsOf('w-merge');
    expect(list).toEqual([expect.objectContaining({ key: 'id:7', name: 'Aino', firstSeenAt: t0 })]);
    expect(await syncParticipants('w-merge', [{ key: 'id:7', name: 'Aino' }], t0 + 2000)).toEqual({ written: 0, dropped: 0, changed: false });
    expect(await syncParticipants('w-merge', [{ key: 'id:7', name: 'Aino' }], t0 + 2000 + LAST_SEEN_RESOLUTION_MS)).toEqual({ written: 1, dropped: 0, changed: false });
  });

  it('runs one sync per workshop at a time; syncs that arrive meanwhile collapse into the latest', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => syncParticipantsLatest('w-latest', seen(1, i))));
    // The first ran, 49 waited and only the last of them was written.
    const names = (await participantsOf('w-latest')).map((p) => p.name).sort();
    expect(names).toEqual(['Guest 0', 'Guest 49']);
    expect(replies.every((r) => r.dropped === 0)).toBe(true);
  });
});
