import { describe, expect, it } from 'vitest';
import { captureList, withSaved } from '../../../src/capture/list';
import { capture } from '../summary/fixture';

const labels = { noPhase: 'No phase', noTheme: 'No theme yet' };

describe('captureList', () => {
  it('groups live captures by phase in first-seen order, headings before their captures', () => {
    const a = capture({ text: 'a', phaseTitle: 'Opening' });
    const b = capture({ text: 'b', phaseTitle: 'Closing' });
    const c = capture({ text: 'c', phaseTitle: 'Opening' });
    const gone = capture({ text: 'gone', phaseTitle: 'Opening', deletedAt: 5 });
    const d = capture({ text: 'd' });
    const list = captureList([a, b, gone, c, d], { groupBy: 'phase', ...labels });
    expect(list.rows.map((r) => (r.kind === 'group' ? `# ${r.label} (${r.count})` : r.capture.text))).toEqual([
      '# Opening (2)',
      'a',
      'c',
      '# Closing (1)',
      'b',
      '# No phase (1)',
      'd',
    ]);
    expect(list.live).toBe(4);
    expect(list.shown).toBe(4);
  });

  it('groups by theme, with a group for captures that have none', () => {
    const list = captureList([capture({ text: 'x', theme: 'Ways of working' }), capture({ text: 'y' })], { groupBy: 'theme', ...labels });
    expect(list.rows.filter((r) => r.kind === 'group').map((r) => r.kind === 'group' && r.label)).toEqual(['Ways of working', 'No theme yet']);
  });

  it('searches every word in text, theme, tags, owner and phase, case- and width-insensitively', () => {
    const hit = capture({ text: 'Lisää TAUKOJA', tags: ['energia'], phaseTitle: 'Avaus' });
    const miss = capture({ text: 'Lisää kahvia', phaseTitle: 'Avaus' });
    const list = captureList([hit, miss], { groupBy: 'phase', query: '  taukoja  ENERGIA ', ...labels });
    expect(list.rows.flatMap((r) => (r.kind === 'capture' ? [r.capture.text] : []))).toEqual(['Lisää TAUKOJA']);
    expect(list.shown).toBe(1);
    expect(list.live).toBe(2);
  });

  it('is linear: each capture is read a fixed number of times however many groups there are (quadratic grouping took 10.6 s at 30k)', () => {
    // Counted, not timed: a timing ratio failed under load. Every field read of every capture is
    // counted through a proxy; with 2,000 distinct phases a per-group scan would read each capture
    // thousands of times, a single pass a handful.
    const readsPer = (n: number, groups: number) => {
      let reads = 0;
      const captures = Array.from({ length: n }, (_, i) =>
        new Proxy(capture({ text: `Capture ${i} about idea ${i % 97}`, phaseTitle: `Phase ${i % groups}`, createdAt: i }), {
          get(target, key, receiver) {
            reads++;
            return Reflect.get(target, key, receiver);
          },
        }),
      );
      const list = captureList(captures, { groupBy: 'phase', query: 'idea', ...labels });
      expect(list.shown).toBe(n);
      expect(list.rows.filter((r) => r.kind === 'group')).toHaveLength(Math.min(n, groups));
      return reads / n;
    };
    const few = readsPer(4_000, 8);
    const lots = readsPer(4_000, 2_000);
    expect(lots).toBeLessThan(20);
    expect(lots).toBeLessThanOrEqual(few + 1);
    expect(readsPer(40_000, 2_000)).toBeLessThanOrEqual(lots + 1);
  }, 30_000);
});

describe('withSaved', () => {
  it('lists a confirmed save before the reload that contains it, and only once after', () => {
    const a = capture({ text: 'a' });
    const mine = capture({ text: 'saved just now' });
    const before = withSaved([a], [mine]);
    expect(before.captures.map((c) => c.text)).toEqual(['a', 'saved just now']);
    expect(before.pending).toEqual([mine]);
    // A reload that began before the save arrives late: the save stays listed.
    expect(withSaved([a], [mine]).captures).toHaveLength(2);
    // The reload with it: listed once, nothing pending, the loaded array itself (no copy of 100,000).
    const loaded = [a, { ...mine, votes: 2 }];
    const after = withSaved(loaded, [mine]);
    expect(after.captures).toBe(loaded);
    expect(after.pending).toEqual([]);
  });

  it('keeps a save deleted before the reload as the reload has it (deleted), not as saved', () => {
    const mine = capture({ text: 'x' });
    const loaded = [{ ...mine, deletedAt: 9 }];
    expect(withSaved(loaded, [mine]).captures).toEqual(loaded);
  });
});
