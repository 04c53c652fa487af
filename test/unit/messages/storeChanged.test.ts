import { describe, expect, it } from 'vitest';
import { StoreChanged } from '../../../src/messages/storeChanged';

// The push every extension page parses before it reloads what it shows; zod/mini since it moved
// out of the protocol table for the panel's first load (issue 12). It keeps the table's bounds.
describe('StoreChanged', () => {
  it('accepts what the router sends', () => {
    expect(StoreChanged.safeParse({ to: 'panel', type: 'store/changed', stores: ['workshops'], workshopId: 'w1' }).success).toBe(true);
    expect(StoreChanged.safeParse({ to: 'panel', type: 'store/changed', stores: [] }).success).toBe(true);
  });

  it('refuses anything else', () => {
    const ok = { to: 'panel', type: 'store/changed', stores: ['workshops'] };
    for (const bad of [
      { ...ok, to: 'content' },
      { ...ok, type: 'store/change' },
      { ...ok, stores: 'workshops' },
      { ...ok, stores: ['x'.repeat(41)] },
      { ...ok, stores: Array.from({ length: 21 }, () => 'runs') },
      { ...ok, workshopId: '' },
      { ...ok, workshopId: 'x'.repeat(101) },
      null,
    ])
      expect(StoreChanged.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
