import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/ui/shared/backend', () => ({ ask: () => Promise.resolve({ ok: true, value: null }) }));
const { heldOrPlanned, standingWorkshop } = await import('../../../src/ui/shared/SeriesOverview');

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

describe('series overview: which workshop stands for a place', () => {
  const w = (id: string, workshopIndex: number) => ({ id, workshopIndex, title: id });
  const workshops = [w('default-1', 0), w('renamed-1', 0), w('second', 1)];
  it('is the one open here, else the latest started, else the latest made', () => {
    expect(standingWorkshop({ workshops, startedIds: [] }, 0, 'default-1')?.id).toBe('default-1');
    expect(standingWorkshop({ workshops, startedIds: ['default-1'] }, 0, 'second')?.id).toBe('default-1');
    expect(standingWorkshop({ workshops, startedIds: [] }, 0, 'second')?.id).toBe('renamed-1');
    expect(standingWorkshop({ workshops, startedIds: [] }, 2, 'second')).toBeUndefined();
  });
});
