import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { csvCell, escapeHtml, escapeMarkdown } from '../../../src/summary/escape';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&amp;`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;');
  });
});

/** What a CommonMark renderer shows for one list item, and which elements it made. */
function rendered(markdown: string): { text: string; tags: string[] } {
  const html = micromark(markdown, { allowDangerousHtml: true });
  const window = new Window();
  const body = new window.DOMParser().parseFromString(html, 'text/html').body;
  const tags = [...body.querySelectorAll('*')].map((el) => el.tagName.toLowerCase());
  const text = body.textContent ?? '';
  window.close();
  return { text: text.trim(), tags };
}

const XSS: string[] = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/hostile/xss-strings.json'), 'utf8'));
const TRICKY = [
  ...XSS,
  '# heading', '## two', '#hashtag', '> quote', '- item', '+ item', '* item', '1. first', '2) second', '---', '***', '___', '===', '- - -',
  '```js', '~~~', '~~strike~~', '~5 min', '*em*', '**strong**', '_em_', '__strong__', 'snake_case_name', '2 * 3 * 4', 'a_b_', '`code`',
  '[link](http://x)', '[ref][1]', '[collapsed][]', '[def]: /url', '![img](x.png)', '[1] footnote', '<http://x>', '<b>bold</b>', '<!-- c -->',
  '&amp; &copy; &#65; &#x41;', 'AT&T & co', 'back\\slash', 'ends with \\', '\\*not em\\*', 'a | b', 'Workshop 1: home-care 2.5 (draft)!',
  'Heading #', 'Title ##', 'x <y> z', '3 < 5 > 2', 'price $5 ^2 =x', 'www.example.com', '    indented code', 'Työpaja 1: Kick-off – ääkköset',
];

describe('escapeMarkdown', () => {
  it('leaves ordinary punctuation alone', () => {
    for (const text of ['Workshop 1: home-care 2.5 (draft)!', 'Työpaja 1: Nykytila', 'snake_case', '3 < 5 > 2', 'AT&T', '~5 min', 'a | b', 'C# and F#', 'price: $5, 50 %', 'Q&A {x} = y^2.', 'e-mail: x@y.fi']) {
      expect(escapeMarkdown(text)).toBe(text);
      expect(escapeMarkdown(text, 'inline')).toBe(text);
    }
    expect(escapeMarkdown('Workshop 1: it', 'heading')).toBe('Workshop 1: it');
  });

  it('escapes only what would be read as syntax where it stands', () => {
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('# title', 'inline')).toBe('# title');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click](javascript:alert(1))');
    expect(escapeMarkdown('<script>x</script>')).toBe('\\<script>x\\</script>');
    expect(escapeMarkdown('*a* _b_ `c`')).toBe('\\*a\\* \\_b\\_ \\`c\\`');
    expect(escapeMarkdown('a | b', 'cell')).toBe('a \\| b');
    expect(escapeMarkdown('Plan #', 'heading')).toBe('Plan \\#');
    expect(escapeMarkdown('&amp;')).toBe('\\&amp;');
  });

  it.each(['start', 'inline'] as const)('renders as the text itself with a CommonMark parser (%s), hostile corpus included', (context) => {
    for (const text of TRICKY) {
      const expected = text.replace(/\s+/g, ' ').trim().replace(/\u0000/g, '\uFFFD');
      const markdown = context === 'start' ? `- ${escapeMarkdown(text)}` : `- x ${escapeMarkdown(text, 'inline')}`;
      const out = rendered(markdown);
      expect(out.text.replace(/\s+/g, ' '), JSON.stringify(text)).toBe(context === 'start' ? expected : `x ${expected}`.trim());
      expect(out.tags, JSON.stringify(text)).toEqual(['ul', 'li']);
    }
  });

  it('renders as the text itself in a heading', () => {
    for (const text of TRICKY) {
      const out = rendered(`## ${escapeMarkdown(text, 'heading')}`);
      expect(out.text, JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim().replace(/\u0000/g, '\uFFFD'));
      expect(out.tags, JSON.stringify(text)).toEqual(['h2']);
    }
  });

  it('collapses line breaks so text cannot start a new block', () => {
    expect(escapeMarkdown('a\n# heading\r\n\n- item')).toBe('a # heading - item');
  });

  it('stays linear on long hostile lines', () => {
    const line = '[a]('.repeat(2500) + '~'.repeat(2500) + '&amp;'.repeat(1000);
    const t0 = performance.now();
    escapeMarkdown(line);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('csvCell', () => {
  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1'])('guards %j against formula injection', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes separators, quotes, line breaks and edge spaces', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('=HYPERLINK("http://evil";"x")')).toBe(`"'=HYPERLINK(""http://evil"";""x"")"`);
  });

  it('leaves plain text, numbers and empty values alone', () => {
    expect(csvCell('Lisää taukoja')).toBe('Lisää taukoja');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a,b')).toBe('a,b');
  });
});
