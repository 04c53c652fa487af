import { afterEach, describe, expect, it } from 'vitest';
import { formatDay, formatDayTime } from '../../../src/ui/shared/workshopRows';

// The workshop rows keep one date formatter per language and style (making one per row cost the
// options page 0.1 s of a big import). A formatter keeps the time zone it was made in, so the cache
// must not keep a page writing times in the zone it was opened in.

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('cached date formats', () => {
  it('write a moment in the zone of now, after the computer moves to another zone', () => {
    const at = Date.UTC(2026, 10, 26, 9, 21);
    process.env.TZ = 'Europe/Helsinki';
    expect(formatDayTime(at, 'fi')).toBe('26.11.2026 klo 11.21');
    process.env.TZ = 'America/New_York';
    expect(formatDayTime(at, 'fi')).toBe('26.11.2026 klo 4.21');
    expect(formatDayTime(at, 'en')).toBe('26/11/2026, 04:21');
  });

  it('write a day as its calendar day in any zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'Europe/Helsinki', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      expect(formatDay('2026-12-03', 'fi')).toBe('3.12.2026');
      expect(formatDay('2026-12-03', 'en')).toBe('03/12/2026');
    }
  });
});
