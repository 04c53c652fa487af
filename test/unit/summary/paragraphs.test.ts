import { Window } from 'happy-dom';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/summary/docx';
import { renderHtml } from '../../../src/summary/html';
import { renderMarkdown } from '../../../src/summary/markdown';
import { sampleDoc } from './fixture';
import { readDocx } from './readDocx';
import { unzip } from './unzip';

// The introduction the facilitator writes before export is a letter: an empty line between its
// paragraphs must stay one in every format. Markdown dropped it ("Hyvä ohjausryhmä,\" then the next
// line) while HTML and Word kept it.

const introduction = 'Hyvä ohjausryhmä,\n\nohessa työpajan yhteenveto.\nKiitos kaikille!\n\n\n  Terveisin Hanna';
const expected = ['Hyvä ohjausryhmä,', 'ohessa työpajan yhteenveto.\nKiitos kaikille!', 'Terveisin Hanna'];

/** The paragraphs of the section after the heading `title`, as a browser reads the HTML. */
function sectionParagraphs(html: string, title: string): string[] {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const heading = [...doc.querySelectorAll('h2')].find((h) => h.textContent === title)!;
  const out: string[] = [];
  for (let el = heading.nextElementSibling; el && el.tagName === 'P'; el = el.nextElementSibling) {
    out.push((el.innerHTML as string).replace(/<br\s*\/?>\n?/g, '\n').replace(/<[^>]+>/g, ''));
  }
  window.close();
  return out;
}

describe('the introduction keeps its paragraphs', () => {
  const doc = sampleDoc({ workshop: { ...sampleDoc().workshop, introduction } });

  it('in Markdown, as a CommonMark reader sees it', () => {
    expect(sectionParagraphs(micromark(renderMarkdown(doc, 'fi', { timeZone: 'UTC' })), 'Johdanto')).toEqual(expected);
  });

  it('in HTML', () => {
    expect(sectionParagraphs(renderHtml(doc, 'fi', { timeZone: 'UTC' }), 'Johdanto')).toEqual(expected);
  });

  it('in Word', async () => {
    const word = readDocx(await renderDocx(doc, 'fi', { timeZone: 'UTC' }));
    const at = word.paragraphs.findIndex((p) => p.text === 'Johdanto');
    expect(word.paragraphs.slice(at + 1, at + 4).map((p) => p.text)).toEqual(expected);
  });
});

// Numbered steps the facilitator typed ("1) …" or "1. …" at a line's start) are a numbered list in
// every format, counting from the first line's number. Markdown wrote them as text ("1\) …"), so
// the steering group read backslashes.
describe('typed numbered steps are a numbered list', () => {
  const steps = 'Ennen seuraavaa työpajaa:\n1) Haastattele kolmea asiakasta\n2) Kirjaa havainnot\n\n3. Tuo ne työpajaan 2\n4. Kerro mitä opit\n\n2026. vuonna kokeilu jatkuu.\n15. toukokuuta pidetään arviointi.';
  const doc = sampleDoc({ workshop: { ...sampleDoc().workshop, introduction: steps } });
  /** The lists and paragraphs of the introduction, as a browser reads the HTML. */
  const introBlocks = (html: string) => {
    const window = new Window();
    const dom = new window.DOMParser().parseFromString(html, 'text/html');
    const heading = [...dom.querySelectorAll('h2')].find((h) => h.textContent === 'Johdanto')!;
    const out: string[] = [];
    for (let el = heading.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
      const items = [...el.querySelectorAll('li')].map((li) => li.textContent!.trim());
      out.push(el.tagName === 'P' ? `p:${el.textContent!.trim()}` : `${el.tagName.toLowerCase()}${el.getAttribute('start') ? `@${el.getAttribute('start')}` : ''}:${items.join('|')}`);
    }
    window.close();
    return out;
  };
  // A numbered line alone ("15. toukokuuta …") stays a sentence.
  const expected = ['p:Ennen seuraavaa työpajaa:', 'ol:Haastattele kolmea asiakasta|Kirjaa havainnot', 'ol@3:Tuo ne työpajaan 2|Kerro mitä opit', 'p:2026. vuonna kokeilu jatkuu.\n15. toukokuuta pidetään arviointi.'];

  it('in Markdown, with no backslash before the marker', () => {
    const markdown = renderMarkdown(doc, 'fi', { timeZone: 'UTC' });
    expect(markdown).toContain('1. Haastattele kolmea asiakasta\n2. Kirjaa havainnot');
    expect(markdown).not.toMatch(/^[1-3]\\[.)]/m);
    // A year at a line's start is text, and stays escaped (CommonMark would count from 2026).
    expect(markdown).toContain('2026\\. vuonna');
    expect(introBlocks(micromark(markdown))).toEqual(expected);
  });

  it('in HTML', () => {
    expect(introBlocks(renderHtml(doc, 'fi', { timeZone: 'UTC' }))).toEqual(expected);
  });

  it('in Word: numbered paragraphs, each list counting from its own first number', async () => {
    const bytes = await renderDocx(doc, 'fi', { timeZone: 'UTC' });
    const files = unzip(bytes);
    const xml = files.get('word/document.xml')!.toString('utf8');
    const numIdOf = (text: string) => {
      const p = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((para) => para.includes(`>${text}<`))!;
      return /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1];
    };
    const [first, second, third] = ['Haastattele kolmea asiakasta', 'Kirjaa havainnot', 'Tuo ne työpajaan 2'].map(numIdOf);
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(third).toBeDefined();
    expect(third).not.toBe(first);
    expect(numIdOf('2026. vuonna kokeilu jatkuu.')).toBeUndefined();
    // The numbering part: decimal lists starting at 1 and at 3.
    const numbering = files.get('word/numbering.xml')!.toString('utf8');
    expect(numbering).toContain('w:val="decimal"');
    const startOf = (numId: string) => {
      const num = new RegExp(`<w:num w:numId="${numId}">[\\s\\S]*?</w:num>`).exec(numbering)![0];
      return /<w:startOverride w:val="(\d+)"\/>/.exec(num)?.[1];
    };
    expect([startOf(first!), startOf(third!)]).toEqual(['1', '3']);
    const word = readDocx(bytes);
    const at = word.paragraphs.findIndex((p) => p.text === 'Johdanto');
    expect(word.paragraphs.slice(at + 1, at + 7).map((p) => p.text)).toEqual([
      'Ennen seuraavaa työpajaa:',
      'Haastattele kolmea asiakasta',
      'Kirjaa havainnot',
      'Tuo ne työpajaan 2',
      'Kerro mitä opit',
      '2026. vuonna kokeilu jatkuu.\n15. toukokuuta pidetään arviointi.',
    ]);
  });
});

// Two bulleted lists a paragraph apart stay two lists in Markdown too (CommonMark joins two lists
// with the same marker into one).
describe('two typed lists a paragraph apart', () => {
  it('are two lists in Markdown, as in HTML', () => {
    const doc = sampleDoc({ workshop: { ...sampleDoc().workshop, introduction: 'Hyvää:\n- aikataulu\n- kortit\n\n- kirjaus' } });
    const lists = (html: string) => {
      const window = new Window();
      const dom = new window.DOMParser().parseFromString(html, 'text/html');
      const out = [...dom.querySelectorAll('ul')].map((ul) => [...ul.querySelectorAll('li')].map((li) => li.textContent!.trim()).join('|'));
      window.close();
      return out.filter((l) => l.includes('kortit') || l === 'kirjaus');
    };
    expect(lists(micromark(renderMarkdown(doc, 'fi', { timeZone: 'UTC' })))).toEqual(['aikataulu|kortit', 'kirjaus']);
    expect(lists(renderHtml(doc, 'fi', { timeZone: 'UTC' }))).toEqual(['aikataulu|kortit', 'kirjaus']);
  });
});

// From a walk-through of the exports: tags vanished from Markdown, HTML and Word (only the CSV and
// JSON had them), "No notes." stood under the intermediate task's text with no heading of its own,
// and the English footer said "2026-11-26 13:53" under "Date: 26 November 2026".
describe('what the readable summary says of captures', () => {
  it('shows tags, puts "No notes." under its heading, and dates the footer as the date line', () => {
    const doc = sampleDoc();
    const tagged = { ...doc, captures: doc.captures.map((c, i) => (i === 0 ? { ...c, tags: ['perehdytys', 'kokeilu'] } : c)) };
    const md = renderMarkdown(tagged, 'fi', { timeZone: 'UTC' });
    expect(md).toContain('#perehdytys #kokeilu');
    const empty = renderMarkdown({ ...doc, captures: [] }, 'en', { timeZone: 'UTC' });
    expect(empty).toMatch(/## Notes by phase\n\nNo notes\./);
    expect(empty).toMatch(/Made with Vuoro · \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d/);
  });
});

