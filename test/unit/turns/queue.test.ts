import { describe, expect, it } from 'vitest';
import {
  HandQueue,
  emptyHandQueue,
  lowerHand,
  next,
  orderedHands,
  raiseHand,
  syncSiteHands,
  toggleHand,
  waitingTimes,
} from '../../../src/turns/queue';

const keys = (q: HandQueue) => orderedHands(q).map((h) => h.key);

describe('hand queue', () => {
  it("keeps the site's order for hands first seen together, then order of arrival", () => {
    let q = syncSiteHands(emptyHandQueue(), [
      { key: 'b', name: 'Bertta', order: 1 },
      { key: 'a', name: 'Aino', order: 0 },
    ], 0);
    q = raiseHand(q, { key: 'd', name: 'Daniel' }, 5000);
    q = syncSiteHands(q, [
      { key: 'a', name: 'Aino', order: 0 },
      { key: 'b', name: 'Bertta', order: 1 },
      { key: 'c', name: 'Cecilia', order: 2 },
    ], 10_000);
    expect(keys(q)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('removes site hands the site no longer reports, but keeps manual ones', () => {
    let q = syncSiteHands(emptyHandQueue(), [{ key: 'a', name: 'Aino' }, { key: 'b', name: 'Bertta' }], 0);
    q = raiseHand(q, { key: 'm', name: 'Minna' }, 1000);
    q = raiseHand(q, { key: 'b', name: 'Bertta' }, 2000);
    q = syncSiteHands(q, [], 3000);
    expect(keys(q)).toEqual(['b', 'm']);
    expect(orderedHands(q)[0]).toMatchObject({ key: 'b', raisedAt: 0, site: false, manual: true });
  });

  it('gives the floor to the first hand and records it', () => {
    let q = syncSiteHands(emptyHandQueue(), [{ key: 'a', name: 'Aino', order: 0 }, { key: 'b', name: 'Bertta', order: 1 }], 0);
    const result = next(q, 45_000);
    expect(result.granted).toEqual({ key: 'a', name: 'Aino', raisedAt: 0, grantedAt: 45_000 });
    q = result.queue;
    expect(keys(q)).toEqual(['b']);
    expect(q.granted).toEqual([result.granted]);
    expect(next(emptyHandQueue(), 1).granted).toBeUndefined();
  });

  it('does not bring back a hand the site still shows after the person got the floor', () => {
    let q = syncSiteHands(emptyHandQueue(), [{ key: 'a', name: 'Aino' }], 0);
    q = next(q, 1000).queue;
    q = syncSiteHands(q, [{ key: 'a', name: 'Aino' }], 2000);
    expect(keys(q)).toEqual([]);
    // Once the site lowers it, a new raise queues again, at the back.
    q = syncSiteHands(q, [], 3000);
    q = raiseHand(q, { key: 'b', name: 'Bertta' }, 3500);
    q = syncSiteHands(q, [{ key: 'a', name: 'Aino' }], 4000);
    expect(keys(q)).toEqual(['b', 'a']);
    expect(orderedHands(q)[1]?.raisedAt).toBe(4000);
  });

  it('lowers by toggle, whichever source the hand came from', () => {
    let q = syncSiteHands(emptyHandQueue(), [{ key: 'a', name: 'Aino' }], 0);
    q = toggleHand(q, { key: 'a', name: 'Aino' }, 100);
    expect(keys(q)).toEqual([]);
    q = toggleHand(q, { key: 'c', name: 'Cecilia' }, 200);
    expect(keys(q)).toEqual(['c']);
    q = toggleHand(q, { key: 'c', name: 'Cecilia' }, 300);
    expect(keys(q)).toEqual([]);
    expect(lowerHand(q, 'nobody')).toBe(q);
  });

  it('keeps a hand in place when it is raised again', () => {
    let q = raiseHand(emptyHandQueue(), { key: 'a', name: 'Aino' }, 0);
    q = raiseHand(q, { key: 'b', name: 'Bertta' }, 10);
    q = raiseHand(q, { key: 'a', name: 'Aino' }, 20);
    expect(keys(q)).toEqual(['a', 'b']);
    expect(orderedHands(q)[0]?.raisedAt).toBe(0);
  });

  it('reports waiting time per hand in queue order', () => {
    let q = raiseHand(emptyHandQueue(), { key: 'a', name: 'Aino' }, 1000);
    q = syncSiteHands(q, [{ key: 'b', name: 'Bertta' }], 21_000);
    expect(waitingTimes(q, 41_000)).toEqual([
      { key: 'a', name: 'Aino', waitingMs: 40_000 },
      { key: 'b', name: 'Bertta', waitingMs: 20_000 },
    ]);
    expect(HandQueue.parse(JSON.parse(JSON.stringify(q)))).toEqual(q);
  });
});
