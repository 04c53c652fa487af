import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderHtml, SUMMARY_CSP } from '../../../src/summary/html';
import { capture, sampleDoc } from './fixture';

const tz = 'Europe/Helsinki';

function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe('renderHtml', () => {
  it('is a standalone document with a strict CSP, print CSS and no scripts', () => {
    const html = renderHtml(sampleDoc(), 'fi', { timeZone: tz });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fi">')).toBe(true);
    expect(SUMMARY_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const document = parse(html);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(SUMMARY_CSP);
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(document.querySelectorAll('script, link, img, iframe, object')).toHaveLength(0);
    expect(document.querySelector('style')?.textContent).toContain('@media print');
    expect(document.querySelector('title')?.textContent).toBe('Yhteenveto: Yhteiskehittäminen 2/4');
  });

  it('has a plan vs actual table with deltas and a total', () => {
    const document = parse(renderHtml(sampleDoc(), 'en', { timeZone: tz }));
    const table = document.querySelector('table.agenda')!;
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells(table.querySelector('thead tr')!)).toEqual(['Start', 'Phase', 'Planned', 'Actual', 'Difference']);
    expect([...table.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['12:00', 'Avaus', '10 min', '12 min', '+2 min'],
      ['', 'Ideointi', '30 min', '25 min', '\u22125 min'],
      ['', 'Lopetus', '10 min', 'not run', ''],
    ]);
    expect(cells(table.querySelector('tfoot tr')!)).toEqual(['', 'Total', '50 min', '37 min', '\u22123 min']);
    expect(table.querySelector('tbody tr td.over')?.textContent).toBe('+2 min');
  });

  it('groups captures by phase then kind', () => {
    const document = parse(renderHtml(sampleDoc(), 'en', { timeZone: tz }));
    const headings = [...document.querySelectorAll('h3, h4')].map((h) => `${h.tagName}:${h.textContent}`);
    expect(headings).toEqual(['H3:Ideointi', 'H4:Ideas', 'H4:Questions', 'H4:Decisions', 'H4:Experiments', 'H3:Lopetus', 'H4:Actions', 'H3:No phase', 'H4:Notes']);
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toContain('Decisions');
  });

  it('shows hostile text as text, everywhere', () => {
    const payload = `<script>alert(1)</script><img src=x onerror="alert(2)">"'`;
    const doc = sampleDoc({
      workshop: { ...sampleDoc().workshop, title: payload, goal: payload, seriesTitle: payload, intermediateTask: payload },
      agenda: [{ phaseId: 'p', title: payload, kind: payload, plannedSec: 60 }],
      participants: [{ key: 'x', name: payload }],
      participation: [{ key: 'x', name: payload, speakingSec: 1, share: 1, turns: 1 }],
      promptsUsed: [{ cardId: 'c', title: payload, phaseId: 'p', at: 0, action: 'used' }],
      captures: [capture({ text: payload, phaseId: 'p', phaseTitle: payload, theme: payload, owner: payload, kind: 'action', source: { type: 'chat', author: payload } })],
    });
    const html = renderHtml(doc, 'en', { timeZone: tz });
    const document = parse(html);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect(html).not.toMatch(/<script|<img|onerror="/);
    expect(document.querySelector('title')?.textContent).toBe(`Summary: ${payload}`);
    expect(document.querySelector('main li .text')?.textContent).toBe(payload);
  });
});
