import { describe, expect, it } from 'vitest';
import { csvCell, escapeHtml, escapeMarkdown } from '../../../src/summary/escape';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&amp;`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;');
  });
});

describe('escapeMarkdown', () => {
  it('makes links, images and autolinks inert', () => {
    const out = escapeMarkdown('[click](javascript:alert(1)) ![x](http://e/x.png) <javascript:alert(1)>');
    expect(out).toBe(
      '\\[click\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[x\\]\\(http\\://e/x\\.png\\) &lt;javascript\\:alert\\(1\\)&gt;',
    );
    expect(out).not.toMatch(/(^|[^\\])[[\]()]/);
  });

  it('turns HTML into entities', () => {
    expect(escapeMarkdown('<script>alert(1)</script> & co')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; co');
  });

  it('escapes emphasis, code, headings, lists, tables and backslashes', () => {
    expect(escapeMarkdown('# *a* _b_ `c` - d | e ~f~ 1. g \\')).toBe('\\# \\*a\\* \\_b\\_ \\`c\\` \\- d \\| e \\~f\\~ 1\\. g \\\\');
  });

  it('collapses line breaks so text cannot start a new block', () => {
    expect(escapeMarkdown('a\n# heading\r\n\n- item')).toBe('a \\# heading \\- item');
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
