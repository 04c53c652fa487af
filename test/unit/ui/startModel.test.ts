import { describe, expect, it } from 'vitest';
import { instantiateTemplate } from '../../../src/script/templates';
import { ownScripts, recentRows } from '../../../src/ui/panel/startModel';

describe('recentRows', () => {
  it('tells same-named workshops apart by series place and date, and marks the one in the panel', () => {
    const series = { ...instantiateTemplate('change-dialogue-series', 'fi'), id: 'tpl-change-dialogue-series-fi' };
    const single = instantiateTemplate('virtual-meeting-50', 'en');
    const at = Date.UTC(2026, 10, 25, 12);
    const rows = recentRows(
      [
        { id: 'b', title: 'Työpaja', scriptId: series.id, workshopIndex: 1, createdAt: at },
        { id: 'a', title: 'Työpaja', scriptId: series.id, workshopIndex: 0, createdAt: at - 7 * 864e5 },
        { id: 'c', title: 'Meeting', scriptId: single.id, workshopIndex: 0, createdAt: at },
      ],
      [{ script: series }, { script: single }],
      'b',
      'fi',
    );
    expect(rows.map((r) => [r.id, r.current, r.series?.index, r.series?.count, r.date])).toEqual([
      ['b', true, 2, 3, '25.11.2026'],
      ['a', false, 1, 3, '18.11.2026'],
      ['c', false, undefined, undefined, '25.11.2026'],
    ]);
    expect(rows[0]!.series?.title).toBe(series.title);
  });

  it('lists only the scripts of one\'s own, not the stored copies of built-in templates', () => {
    const own = instantiateTemplate('open-process-close', 'en');
    const builtIn = { ...instantiateTemplate('open-process-close', 'en'), id: 'tpl-open-process-close-en' };
    expect(ownScripts([{ script: own }, { script: builtIn }]).map((s) => s.script.id)).toEqual([own.id]);
  });
});
