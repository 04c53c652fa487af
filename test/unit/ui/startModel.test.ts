import { describe, expect, it } from 'vitest';
import { instantiateTemplate } from '../../../src/script/templates';
import { ownScripts, recentRows } from '../../../src/ui/panel/startModel';
import { formatDay, formatDayTime, workshopRows } from '../../../src/ui/shared/workshopRows';

describe('recentRows', () => {
  it('tells same-named workshops apart by series place and date, and marks the one in the panel', () => {
    const series = { ...instantiateTemplate('change-dialogue-series', 'fi'), id: 'tpl-change-dialogue-series-fi' };
    const single = instantiateTemplate('virtual-meeting-50', 'en');
    const at = Date.UTC(2026, 10, 25, 12);
    const rows = recentRows(
      [
        { id: 'b', title: 'Työpaja', scriptId: series.id, workshopIndex: 1, createdAt: at, date: '2026-11-25' },
        { id: 'a', title: 'Työpaja', scriptId: series.id, workshopIndex: 0, createdAt: at - 7 * 864e5, date: '2026-11-18' },
        { id: 'c', title: 'Meeting', scriptId: single.id, workshopIndex: 0, createdAt: at, date: '2026-11-25' },
      ],
      [{ script: series }, { script: single }],
      'b',
      'fi',
    );
    expect(rows.map((r) => [r.id, r.current, r.series?.index, r.series?.count, r.date, r.tellApart])).toEqual([
      ['b', true, 2, 3, '25.11.2026', undefined],
      ['a', false, 1, 3, '18.11.2026', undefined],
      ['c', false, undefined, undefined, '25.11.2026', undefined],
    ]);
    expect(rows[0]!.series?.title).toBe(series.title);
  });

  it('lists only the scripts of one\'s own, not the stored copies of built-in templates', () => {
    const own = instantiateTemplate('open-process-close', 'en');
    const builtIn = { ...instantiateTemplate('open-process-close', 'en'), id: 'tpl-open-process-close-en' };
    expect(ownScripts([{ script: own }, { script: builtIn }]).map((s) => s.script.id)).toEqual([own.id]);
  });
});

describe('workshopRows', () => {
  const script = { ...instantiateTemplate('virtual-meeting-50', 'fi'), id: 's' };
  const at = (h: number, m: number) => new Date(2026, 10, 26, h, m).getTime();
  const w = (id: string, createdAt: number, date?: string) => ({ id, title: 'Kevään työpaja', scriptId: 's', workshopIndex: 0, createdAt, ...(date ? { date } : {}) });

  it('shows the date set for the workshop, else the day it was made, in the user\'s language', () => {
    const rows = workshopRows([w('x', at(9, 5), '2026-12-03'), w('y', at(9, 5))], [{ script }], undefined, 'en');
    expect(rows.map((r) => [r.isoDate, r.date])).toEqual([
      ['2026-12-03', '03/12/2026'],
      ['2026-11-26', '26/11/2026'],
    ]);
    expect(formatDay('2026-12-03', 'fi')).toBe('3.12.2026');
  });

  // The Data view wrote "11/26/2026, 11:21:16 AM" beside the library's "26/11/2026" (found in an
  // English walk-through): it used the browser's default locale.
  it('writes a moment as the page writes its days', () => {
    const at = new Date(2026, 10, 26, 11, 21, 16).getTime();
    expect(formatDayTime(at, 'en')).toBe('26/11/2026, 11:21');
    expect(formatDayTime(at, 'fi')).toBe('26.11.2026 klo 11.21');
  });

  it('tells identical rows apart by the time they were made (not "started": most were never run), and by number when that is the same too', () => {
    const rows = workshopRows([w('late', at(14, 30)), w('early', at(9, 5)), w('other-day', at(9, 5), '2026-12-01')], [{ script }], 'late', 'fi');
    expect(rows.map((r) => r.tellApart)).toEqual(['luotu klo 14.30', 'luotu klo 9.05', undefined]);
    const twins = workshopRows([w('second', at(9, 5) + 20_000), w('first', at(9, 5))], [{ script }], undefined, 'en');
    expect(twins.map((r) => r.tellApart)).toEqual(['made 09:05 (2)', 'made 09:05 (1)']);
  });
});
