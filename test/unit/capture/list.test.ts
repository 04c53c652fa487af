import { describe, expect, it } from 'vitest';
import { captureList } from '../../../src/capture/list';
import type { Capture } from '../../../src/capture/schema';
import { capture } from '../summary/fixture';

const labels = { noPhase: 'No phase', noTheme: 'No theme yet' };

function many(n: number): Capture[] {
  return Array.from({ length: n }, (_, i) =>
    capture({ text: `Capture ${i} about idea ${i % 97}`, phaseTitle: `Phase ${i % 8}`, ...(i % 3 ? { theme: `Theme ${i % 50}` } : {}), createdAt: i }),
  );
}

function fastest(fn: () => unknown, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

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

  it('is linear: four times the captures take well under sixteen times as long (quadratic grouping took 10.6 s at 30k)', () => {
    const small = many(10_000);
    const large = many(40_000);
    const options = { groupBy: 'phase' as const, query: 'idea', ...labels };
    captureList(small, options); // warm-up
    const tSmall = fastest(() => captureList(small, options));
    const tLarge = fastest(() => captureList(large, options));
    // Linear is ~4×, quadratic ~16×; the floor keeps timer noise on tiny numbers out of it.
    expect(tLarge).toBeLessThan(Math.max(10 * tSmall, 100));
    expect(tLarge).toBeLessThan(1000);
  }, 30_000);
});
