import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { parseScriptJson } from '../../../src/script/schema';
import { instantiateTemplate } from '../../../src/script/templates';
import {
  LANGS,
  parseWorkshopExport,
  render,
  renderStickyNotesHtml,
  SUMMARY_FORMATS,
  type WorkshopExport,
} from '../../../src/summary';
import { capture, sampleDoc, uuid } from '../summary/fixture';

// The XSS corpus (test/fixtures/hostile/xss-strings.json) in every field a renderer writes:
// participant names, chat authors, capture text, whiteboard board names, phase titles from an
// imported script, prompt titles. Nothing executable may survive in any output.

const XSS: string[] = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/hostile/xss-strings.json'), 'utf8'));
const cut = (s: string, n: number) => s.slice(0, n);

/** A script whose every text field is hostile, as imported; its phases become the export's agenda. */
function hostileScriptAgenda(): WorkshopExport['agenda'] {
  const script = instantiateTemplate('open-process-close', 'en');
  const workshop = script.workshops[0]!;
  const hostile = {
    ...script,
    title: XSS[0]!,
    description: XSS[1]!,
    workshops: [{ ...workshop, title: XSS[2]!, goal: XSS[3]!, phases: workshop.phases.map((p, i) => ({ ...p, title: cut(XSS[i % XSS.length]!, 120), goal: XSS[(i + 1) % XSS.length]!, facilitatorNotes: XSS.join('\n') })) }],
  };
  const parsed = parseScriptJson(JSON.stringify(hostile));
  if (!parsed.ok) throw new Error(`hostile script refused: ${JSON.stringify(parsed.errors)}`);
  return parsed.script.workshops[0]!.phases.map((p, i) => ({ phaseId: p.id, title: p.title, kind: cut(XSS[(i + 5) % XSS.length]!, 50), plannedSec: p.durationSec }));
}

function hostileDoc(lang: 'fi' | 'en'): WorkshopExport {
  const agenda = hostileScriptAgenda();
  const doc = sampleDoc({
    lang,
    exportedBy: cut(XSS[5]!, 80),
    workshop: { id: 'ws-1', title: XSS[0]!, goal: XSS[1]!, seriesTitle: XSS[2]!, intermediateTask: XSS[6]! },
    agenda,
    participants: XSS.map((name, i) => ({ key: `p${i}`, name: cut(name, 200) })),
    participation: XSS.map((name, i) => ({ key: `p${i}`, name: cut(name, 200), speakingSec: i, share: 1 / XSS.length, turns: 1 })),
    promptsUsed: XSS.map((title, i) => ({ cardId: `c${i}`, title, phaseId: agenda[i % agenda.length]!.phaseId, at: i, action: 'used' as const })),
    captures: XSS.flatMap((s, i) => [
      capture({
        id: uuid(1000 + i),
        text: s,
        kind: (['idea', 'action', 'decision', 'question', 'risk', 'note', 'experiment'] as const)[i % 7],
        owner: cut(s, 200),
        due: '2025-12-01',
        theme: cut(s, 120),
        tags: [cut(s, 60) || 'x'],
        phaseId: agenda[i % agenda.length]!.phaseId,
        phaseTitle: cut(s, 300),
        votes: i,
        source: { type: 'chat', author: cut(s, 200), url: s, board: cut(s, 300), site: cut(s, 100) },
      }),
      capture({ id: uuid(2000 + i), text: s, source: { type: 'whiteboard', board: cut(s, 300) }, createdAt: 5 + i }),
    ]),
    includeParticipants: true,
    includeStats: true,
  });
  const reparsed = parseWorkshopExport(JSON.stringify(doc));
  if (!reparsed.ok) throw new Error(`hostile doc is not a valid export: ${JSON.stringify(reparsed.errors.slice(0, 3))}`);
  return reparsed.doc;
}

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping'];
const DANGEROUS_ELEMENTS = 'script, iframe, frame, object, embed, applet, base, form, link, img, svg, math, video, audio, source, input, button, textarea, details, template, noscript';

/** What in an HTML document could run or load anything. */
function executableIn(html: string): string[] {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const el of document.querySelectorAll(DANGEROUS_ELEMENTS)) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const meta of document.querySelectorAll('meta[http-equiv]')) {
    if (meta.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy') found.push(`<meta http-equiv=${meta.getAttribute('http-equiv')}>`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName.toLowerCase()}[${name}]`);
      const value = (attr.value ?? '').replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRS.includes(name) && /^(javascript|data|vbscript):/.test(value)) found.push(`${el.tagName.toLowerCase()}[${name}=${value}]`);
      if (name === 'style' && /url\(|expression\(|javascript:/i.test(attr.value ?? '')) found.push(`${el.tagName.toLowerCase()}[style]`);
    }
  }
  const styles = [...document.querySelectorAll('style')];
  if (styles.length > 1) found.push(`${styles.length} <style> elements`);
  if (styles.some((s) => /@import|url\(|javascript:/i.test(s.textContent ?? ''))) found.push('<style> loads something');
  window.close();
  return found;
}

/** A semicolon-separated file, RFC 4180 quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ';') row.push(cell), (cell = '');
    else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe.each(LANGS)('XSS corpus through every renderer (%s)', (lang) => {
  const doc = hostileDoc(lang);

  it('covers every summary format', () => {
    expect([...SUMMARY_FORMATS].sort()).toEqual(['csv', 'docx', 'html', 'json', 'md', 'sticky']);
  });

  it('html: nothing executable, and the hostile text is there as text', () => {
    const html = render('html', doc, lang);
    expect(executableIn(html)).toEqual([]);
    const window = new Window();
    const text = new window.DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    window.close();
  });

  it('html sticky notes (clipboard flavour): nothing executable', () => {
    expect(executableIn(`<!doctype html><html><body>${renderStickyNotesHtml(doc.captures)}</body></html>`)).toEqual([]);
  });

  it('markdown: rendered by a CommonMark parser that passes raw HTML through, nothing is executable and every capture reads as written', () => {
    const md = render('md', doc, lang);
    const html = micromark(md, { allowDangerousHtml: true, allowDangerousProtocol: true });
    expect(executableIn(`<!doctype html><html><body>${html}</body></html>`)).toEqual([]);
    const window = new Window();
    const body = new window.DOMParser().parseFromString(html, 'text/html').body;
    expect(body.querySelectorAll('a, img, code, em > em, h1 ~ h1')).toHaveLength(0);
    const items = [...body.querySelectorAll('li')].map((li) => li.textContent ?? '');
    for (const c of doc.captures) {
      // Bidi overrides and isolates are left out of every summary a person reads (bidi.test.ts).
      const expected = c.text.replace(/\u0000/g, '\uFFFD').replace(/[\u202A-\u202E\u2066-\u2069]/g, '').split(/\r\n|\r|\n/).map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean).join('\n');
      if (!expected) continue;
      expect(items.some((text) => text.includes(expected)), JSON.stringify(c.text)).toBe(true);
    }
    window.close();
  });

  it('csv: no cell starts like a formula; the file keeps its shape', () => {
    const csv = render('csv', doc, lang);
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    const width = rows[0]!.length;
    const formula = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
    const bad = rows.flat().filter((cell) => formula.test(cell));
    expect(bad).toEqual([]);
    for (const row of rows.filter((r) => r.length > 1)) expect(row.length).toBe(width);
    const texts = rows.slice(1).map((r) => r[2]);
    expect(texts).toContain("'=HYPERLINK(\"https://evil.example\",\"x\")");
  });

  it('json: the document reads back exactly, text untouched', () => {
    const json = render('json', doc, lang);
    const back = parseWorkshopExport(json);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.doc.captures.map((c) => c.text)).toEqual(doc.captures.map((c) => c.text));
  });

  it('sticky text: one line per note, no control characters', () => {
    const sticky = render('sticky', doc, lang);
    expect(sticky).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(sticky.trimEnd().split('\n').length).toBeLessThanOrEqual(doc.captures.length);
  });
});

describe('the detectors themselves', () => {
  it('catch what an unescaped renderer would let through', () => {
    expect(executableIn('<p><img src=x onerror=alert(1)><a href=" javascript:alert(1)">x</a></p>')).toEqual(['<img>', 'img[onerror]', 'a[href=javascript:alert(1)]']);
    expect(executableIn('<div onclick="x()">a</div><style>@import "x"</style>')).toEqual(['div[onclick]', '<style> loads something']);
    expect(parseCsv('a;"=1+1"\n"x\ny";b\n')).toEqual([['a', '=1+1'], ['x\ny', 'b']]);
  });
});
