import { describe, expect, it } from 'vitest';
import { erasedTest, forgetPerson, withErased, withoutErased } from '../../../src/privacy/forget';
import { recordsPeople, withoutSiteHands } from '../../../src/privacy/consent';
import { emptyLiveState } from '../../../src/turns/live';

describe('forgetPerson', () => {
  it('removes one key from hands, floor grants, go-around and facilitators', () => {
    const live = {
      ...emptyLiveState(),
      queue: {
        hands: [
          { key: 'a', name: 'Aino', raisedAt: 1, site: true, manual: false },
          { key: 'b', name: 'Bo', raisedAt: 2, site: false, manual: true },
        ],
        granted: [{ key: 'a', name: 'Aino', raisedAt: 1, grantedAt: 3 }],
        ignoredSiteKeys: ['a'],
      },
      facilitatorKeys: ['a', 'b'],
      goAround: {
        order: 'as-listed' as const,
        seed: 0,
        perPersonSec: 60,
        startedAt: 0,
        names: { a: 'Aino', b: 'Bo' },
        excludedKeys: ['a'],
        current: { key: 'a', startedAt: 5 },
        upcoming: ['b', 'a'],
        past: [{ key: 'a', startedAt: 1, endedAt: 2, outcome: 'done' as const }],
      },
    };
    const next = forgetPerson(live, 'a');
    expect(JSON.stringify(next)).not.toMatch(/"a"|Aino/);
    expect(next.queue.hands.map((h) => h.key)).toEqual(['b']);
    expect(next.goAround?.upcoming).toEqual(['b']);
    expect(next.facilitatorKeys).toEqual(['b']);
  });
});

describe('consent to record people', () => {
  it('records once the run has started, or when the facilitator said so', () => {
    expect(recordsPeople({}, { events: [] })).toBe(false);
    expect(recordsPeople({ recordPeople: true }, { events: [] })).toBe(true);
    expect(recordsPeople({}, { events: [{ type: 'start', at: 1 }] as never })).toBe(true);
  });

  it('keeps only the hands the facilitator raised before recording starts', () => {
    const queue = { hands: [{ key: 'a', name: 'A', raisedAt: 1, site: true, manual: false }, { key: 'b', name: 'B', raisedAt: 1, site: false, manual: true }], granted: [], ignoredSiteKeys: ['a'] };
    expect(withoutSiteHands(queue)).toEqual({ hands: [queue.hands[1]], granted: [], ignoredSiteKeys: [] });
  });
});

describe('withoutErased', () => {
  const erased = erasedTest(withErased(undefined, 'w1', { key: 'k-bo', name: 'Bo Kim' }), 'w1');

  it('matches what the site reports by key or name, an action by key, and only in its own workshop', () => {
    expect(erased.person({ key: 'other', name: ' bo kim' })).toBe(true);
    expect(erased.key('k-bo')).toBe(true);
    expect(erased.key('other')).toBe(false);
    expect(erasedTest(withErased(undefined, 'w1', { key: 'k-bo', name: 'Bo Kim' }), 'w2').key('k-bo')).toBe(false);
    expect(JSON.stringify(withErased(undefined, 'w1', { key: 'k-bo', name: 'Bo Kim' }))).not.toMatch(/bo/i);
  });

  it('drops an event about them alone and takes them out of lists', () => {
    expect(withoutErased({ type: 'hand/raise', at: 1, key: 'k-bo', name: 'Bo Kim' }, erased)).toBeNull();
    expect(withoutErased({ type: 'goaround/skip', at: 1, from: 'k-bo' }, erased)).toBeNull();
    const start = { type: 'goaround/start' as const, at: 1, participants: [{ key: 'k-bo', name: 'Bo Kim' }, { key: 'k-cy', name: 'Cy' }], order: 'as-listed' as const, perPersonSec: 60, seed: 1, speakingMsByKey: { 'k-bo': 5, 'k-cy': 0 }, excludeKeys: ['k-bo'] };
    expect(withoutErased(start, erased)).toEqual({ ...start, participants: [{ key: 'k-cy', name: 'Cy' }], speakingMsByKey: { 'k-cy': 0 }, excludeKeys: [] });
    const cards = { type: 'card/mark' as const, at: 1, cardId: 'silence', action: 'shown' as const };
    expect(withoutErased(cards, erased)).toBe(cards);
  });
});
