import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendLiveEvent, getLive, liveEventsOf } from '../../../src/store/liveState';
import { captures } from '../../../src/store/captures';
import { voteCapture } from '../../../src/background/workshops';
import { orderedHands } from '../../../src/turns/queue';

// Two panels acting at once: their requests reach the background interleaved. Each append and
// each vote is one transaction, so none overwrites another.

describe('appends from two panels', () => {
  it('keep every raised hand, in one log', async () => {
    const workshopId = 'w-hands';
    const raises = Array.from({ length: 20 }, (_, i) => appendLiveEvent(workshopId, { type: 'hand/raise', at: 1000 + i, key: `p${i}`, name: `Person ${i}` }));
    const replies = await Promise.all(raises);
    expect(replies.every((r) => r.ok)).toBe(true);
    const { state, count } = await getLive(workshopId);
    expect(count).toBe(20);
    expect(orderedHands(state.queue).map((h) => h.key)).toEqual(Array.from({ length: 20 }, (_, i) => `p${i}`));
    expect((await liveEventsOf(workshopId)).map((e) => e.type)).toEqual(Array(20).fill('hand/raise'));
  });

  it('refuse an append that names an older event count', async () => {
    const workshopId = 'w-count';
    expect((await appendLiveEvent(workshopId, { type: 'pause/start', at: 1, waitSec: 8 }, 0)).ok).toBe(true);
    expect(await appendLiveEvent(workshopId, { type: 'pause/end', at: 2, reason: 'cancelled' }, 0)).toEqual({ ok: false, error: { code: 'live-changed' } });
    expect((await getLive(workshopId)).count).toBe(1);
  });

  it('store all 22 votes clicked at once', async () => {
    const id = '0b9e1c9e-1f7a-4b1e-9c7f-2d3e4f5a6b7c';
    await captures.put({ id, workshopId: 'w-votes', text: 'Vote on me', kind: 'idea', tags: [], source: { type: 'manual' }, createdAt: 1, updatedAt: 1, votes: 0 });
    const replies = await Promise.all(Array.from({ length: 22 }, () => voteCapture(id, 1)));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect((await captures.get(id))?.votes).toBe(22);
    await voteCapture(id, -1);
    expect((await captures.get(id))?.votes).toBe(21);
  });
});
