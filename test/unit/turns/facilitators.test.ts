import { describe, expect, it } from 'vitest';
import { facilitatorKeysOf, ownKeyOf } from '../../../src/turns/stats';

const people = [
  { key: 'k1', name: 'Ann Lee', self: true },
  { key: 'k2', name: 'Bo Kim' },
  { key: 'k3', name: 'Cy Diaz' },
];

describe('facilitatorKeysOf', () => {
  it('is the user when nobody is marked, so the host never counts as unheard (issue 12.2)', () => {
    expect(facilitatorKeysOf([], people)).toEqual(['k1']);
  });
  it('is whoever is marked here, plus names marked earlier in the series (issue 12.16)', () => {
    expect(facilitatorKeysOf(['k3'], people.slice(1))).toEqual(['k3']);
    expect(facilitatorKeysOf([], people.slice(1), ['Bo Kim'])).toEqual(['k2']);
    expect(facilitatorKeysOf(['k3'], people.slice(1), ['Bo Kim', 'Someone absent'])).toEqual(['k3', 'k2']);
  });
  it('keeps you when a co-facilitator is marked F: marking Bo Kim does not unmark Ann Lee', () => {
    expect(facilitatorKeysOf(['k2'], people)).toEqual(['k2', 'k1']);
    expect(facilitatorKeysOf([], people, ['Cy Diaz'])).toEqual(['k3', 'k1']);
    expect(facilitatorKeysOf(['k2'], people, [], ['k1'])).toEqual(['k2']);
  });
  it('leaves out whoever was unmarked on purpose here: you as a note-taker, a remembered name who participates this time', () => {
    expect(facilitatorKeysOf([], people, [], ['k1'])).toEqual([]);
    expect(facilitatorKeysOf([], people, ['Bo Kim'], ['k2'])).toEqual(['k1']);
    expect(facilitatorKeysOf(['k3'], people, ['Bo Kim'], ['k1', 'k2'])).toEqual(['k3']);
  });
});

describe('ownKeyOf', () => {
  it('is the site’s self, else the one facilitator marked, else unknown', () => {
    expect(ownKeyOf(people, [])).toBe('k1');
    expect(ownKeyOf(people.slice(1), ['k2'])).toBe('k2');
    expect(ownKeyOf(people.slice(1), ['k2', 'k3'])).toBeUndefined();
  });
});
