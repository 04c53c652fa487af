import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/ui/shared/backend', () => ({ ask: () => Promise.resolve({ ok: true, value: null }) }));
const { heldOrPlanned } = await import('../../../src/ui/shared/SeriesOverview');

// The series overview said "held 3 December" of a workshop dated ahead, and "held" of the default
// workshop made at install that nobody had started (found in a Finnish walk-through).
describe('series overview: a workshop’s day', () => {
  it('says held once the timer was started, whatever the date', () => {
    expect(heldOrPlanned('2026-11-20', '2026-11-26', true)).toMatch(/^held /);
    expect(heldOrPlanned('2026-11-26', '2026-11-26', true)).toMatch(/^held /);
  });

  it('without a start: to be held ahead, today for today, not held for a day passed', () => {
    expect(heldOrPlanned('2026-12-03', '2026-11-26', false)).toMatch(/^to be held /);
    expect(heldOrPlanned('2026-11-26', '2026-11-26', false)).toMatch(/^today, /);
    expect(heldOrPlanned('2026-11-20', '2026-11-26', false)).toMatch(/^not held, dated /);
  });
});
