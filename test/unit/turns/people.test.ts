import { describe, expect, it } from 'vitest';
import { peopleOf } from '../../../src/turns/people';

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
