import { describe, expect, it } from 'vitest';
import { heardSoFar, peopleOf, peopleView } from '../../../src/turns/people';

describe('peopleOf', () => {
  it('lists everyone recorded and everyone on the site once, the site’s name winning', () => {
    const recorded = [
      { key: 'a', name: 'Aino (old)' },
      { key: 'manual:1', name: 'Seen on camera' },
    ];
    const onSite = [
      { key: 'a', name: 'Aino', self: true },
      { key: 'b', name: 'Bo' },
    ];
    expect(peopleOf(recorded, onSite)).toEqual([
      { key: 'a', name: 'Aino', self: true },
      { key: 'manual:1', name: 'Seen on camera' },
      { key: 'b', name: 'Bo' },
    ]);
  });

  it('keeps someone the site shows before they are recorded, so both tabs count them', () => {
    expect(peopleOf([], [{ key: 'c', name: 'Cai' }]).map((p) => p.key)).toEqual(['c']);
  });
});

describe('peopleView', () => {
  const onSite = [
    { key: 'a', name: 'Aino', self: true },
    { key: 'b', name: 'Bo' },
  ];

  it('makes the user, on the page only, a facilitator (also when a co-facilitator is marked), and knows which one is you', () => {
    expect(peopleView({ recorded: [], onSite, marked: [] })).toEqual({ people: onSite, facilitatorKeys: ['a'], notFacilitatingKeys: [], ownKey: 'a', absentKeys: [] });
    expect(peopleView({ recorded: [], onSite, marked: ['b'] })).toMatchObject({ facilitatorKeys: ['b', 'a'], ownKey: 'a' });
  });

  it('counts names marked earlier in the series, and with no self on the page the one marked is you', () => {
    const noSelf = [{ key: 'b', name: 'Bo' }, { key: 'c', name: 'Cai' }];
    expect(peopleView({ recorded: noSelf, onSite: [], marked: [], seriesFacilitators: ['Cai'] })).toEqual({ people: noSelf, facilitatorKeys: ['c'], notFacilitatingKeys: [], absentKeys: [] });
    expect(peopleView({ recorded: noSelf, onSite: [], marked: ['c'] })).toMatchObject({ ownKey: 'c' });
  });
});

describe('heardSoFar', () => {
  const view = peopleView({ recorded: [], onSite: [{ key: 'a', name: 'Aino' }, { key: 'b', name: 'Bo' }], marked: [] });
  const turns = [{ participantKey: 'a', startAt: 5000, endAt: 8000 }];

  it('counts from the start of the workshop, or before it from the first turn', () => {
    expect(heardSoFar(view, turns, 6000, 10_000)).toMatchObject({ window: { from: 6000, to: 10_000 }, notSpokenYet: ['b'] });
    expect(heardSoFar(view, turns, undefined, 10_000).window).toEqual({ from: 5000, to: 10_000 });
    expect(heardSoFar(view, [], undefined, 10_000).window).toEqual({ from: 10_000, to: 10_000 });
    expect(heardSoFar(view, turns, 6000, 10_000).people.find((p) => p.key === 'a')?.speakingMs).toBe(2000);
  });
});
