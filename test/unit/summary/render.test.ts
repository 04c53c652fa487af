import { describe, expect, it } from 'vitest';
import { render, renderAsync, SUMMARY_FORMATS, type TextSummaryFormat } from '../../../src/summary/render';
import { capture, sampleDoc, uuid } from './fixture';

const big = sampleDoc({
  captures: Array.from({ length: 2500 }, (_, i) =>
    capture({ id: uuid(20_000 + i), text: `note ${i}`, kind: i % 2 ? 'idea' : 'action', phaseId: i % 3 ? 'p-ideas' : undefined, createdAt: i }),
  ),
});

const TEXT_FORMATS = SUMMARY_FORMATS.filter((f): f is TextSummaryFormat => f !== 'docx');

describe('render and renderAsync', () => {
  it.each(TEXT_FORMATS)('%s reports progress every 1000 captures and at the end', (format) => {
    const reports: [number, number][] = [];
    render(format, big, 'en', { timeZone: 'UTC', onProgress: (done, total) => reports.push([done, total]) });
    expect(reports).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });

  it.each(TEXT_FORMATS)('%s renders the same asynchronously, yielding to the event loop between chunks', async (format) => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const reports: number[] = [];
    const text = await renderAsync(format, big, 'fi', { timeZone: 'UTC', onProgress: (done) => reports.push(done) });
    clearInterval(timer);
    expect(text).toBe(render(format, big, 'fi', { timeZone: 'UTC' }));
    expect(reports).toEqual([1000, 2000, 2500]);
    expect(ticks).toBeGreaterThan(0);
  });
});
