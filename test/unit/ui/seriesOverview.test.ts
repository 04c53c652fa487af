import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/ui/shared/backend', () => ({ ask: () => Promise.resolve({ ok: true, value: null }) }));
const { heldOrPlanned } = await import('../../../src/ui/shared/SeriesOverview');

// The series overview said "held 3 December" of a workshop dated ahead.
describe('series overview: a workshop’s day', () => {
  it('says held for a day passed or today, and to be held for a day ahead', () => {
    expect(heldOrPlanned('2026-11-20', '2026-11-26')).toMatch(/^held /);
    expect(heldOrPlanned('2026-11-26', '2026-11-26')).toMatch(/^held /);
    expect(heldOrPlanned('2026-12-03', '2026-11-26')).toMatch(/^to be held /);
  });
});
