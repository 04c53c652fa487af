import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderHtml, SUMMARY_CSP } from '../../../src/summary/html';
import { capture, sampleDoc, T0 } from './fixture';

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
    expect(document.querySelector('title')?.textContent).toBe('Yhteiskehittäminen 2/4');
  });

  it('has a plan vs actual table with a plain total', () => {
    const document = parse(renderHtml(sampleDoc(), 'en', { timeZone: tz }));
    const table = document.querySelector('table.agenda')!;
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells(table.querySelector('thead tr')!)).toEqual(['Start', 'Phase', 'Planned', 'Actual', 'Difference']);
    expect([...table.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['12:00', 'Avaus', '10 min', '12 min', '+2 min'],
      ['', 'Ideointi', '30 min', '25 min', '\u22125 min'],
      ['', 'Lopetus', '10 min', 'not run', ''],
    ]);
    expect(cells(table.querySelector('tfoot tr')!)).toEqual(['', 'Total', '50 min', '37 min', '']);
    expect(document.body.textContent).toContain('Planned 50 min, took 37 min: the workshop ended early (2 of 3 phases held).');
  });

  it('gives the times phases started, never a planned time among them: a phase not held has no start', () => {
    // Avaus ran 12 min from 12:00; Lopetus was planned for 12:40 but not held. A planned 12:40 under
    // an actual 12:00 read as if it had started then (planned and actual times mixed in one column).
    const [open, ideas, close] = sampleDoc().agenda;
    const doc = sampleDoc({
      agenda: [open!, { ...ideas!, plannedStartMs: T0 + 600_000, actualStartMs: T0 + 720_000, actualEndMs: T0 + 2_220_000 }, { ...close!, plannedStartMs: T0 + 2_400_000 }],
    });
    const table = parse(renderHtml(doc, 'en', { timeZone: tz })).querySelector('table.agenda')!;
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells(table.querySelector('thead tr')!)[0]).toBe('Start');
    expect([...table.querySelectorAll('tbody tr')].map((r) => cells(r).slice(0, 2))).toEqual([
      ['12:00', 'Avaus'],
      ['12:12', 'Ideointi'],
      ['', 'Lopetus'],
    ]);
  });

  it('gives the planned starts, so headed, for a workshop not held yet', () => {
    const doc = sampleDoc({
      agenda: sampleDoc().agenda.map((p, i) => ({ phaseId: p.phaseId, title: p.title, kind: p.kind, plannedSec: p.plannedSec, plannedStartMs: T0 + i * 600_000 })),
    });
    const table = parse(renderHtml(doc, 'fi', { timeZone: tz })).querySelector('table.agenda')!;
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells(table.querySelector('thead tr')!)[0]).toBe('Suunniteltu alku');
    expect([...table.querySelectorAll('tbody tr')].map((r) => cells(r)[0])).toEqual(['12.00', '12.10', '12.20']);
  });

  it('groups the other captures by phase and theme after the decisions and actions', () => {
    const doc = sampleDoc({ captures: [...sampleDoc().captures, capture({ text: 'themed', theme: 'Kanavat', phaseId: 'p-ideas' })] });
    const document = parse(renderHtml(doc, 'en', { timeZone: tz }));
    const headings = [...document.querySelectorAll('h2, h3, h4')].map((h) => `${h.tagName}:${h.textContent}`);
    expect(headings).toEqual([
      'H2:Goal', 'H2:Decisions', 'H2:Actions', 'H2:Experiments', 'H2:Intermediate task', 'H2:Notes by phase',
      'H3:Ideointi', 'H4:Kanavat', 'H4:Other', 'H3:No phase', 'H2:Agenda: planned and actual', 'H2:Prompt cards used', 'H2:A note on facilitation',
    ]);
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
    expect(document.querySelector('title')?.textContent).toBe(payload);
    expect(document.querySelector('main li .text')?.textContent).toBe(payload);
  });
});
