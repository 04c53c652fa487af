import { Window } from 'happy-dom';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/summary/docx';
import { renderHtml } from '../../../src/summary/html';
import { renderMarkdown } from '../../../src/summary/markdown';
import { sampleDoc } from './fixture';
import { readDocx } from './readDocx';

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
