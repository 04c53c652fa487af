import { describe, expect, it } from 'vitest';
import { renderStickyNotes, renderStickyNotesHtml } from '../../../src/summary/sticky';
import { capture } from './fixture';

describe('renderStickyNotes', () => {
  it('writes one line per live capture, with line breaks and tabs collapsed', () => {
    const captures = [
      capture({ text: 'First idea' }),
      capture({ text: 'Two\nlines\r\nand\ta tab' }),
      capture({ text: '   ' }),
      capture({ text: 'deleted', deletedAt: 1 }),
      capture({ text: 'line\u2028separator' }),
    ];
    expect(renderStickyNotes(captures)).toBe('First idea\nTwo lines and a tab\nline separator\n');
  });

  it('writes nothing for no notes', () => {
    expect(renderStickyNotes([])).toBe('');
  });

  it('has an escaped HTML variant, one paragraph a note', () => {
    expect(renderStickyNotesHtml([capture({ text: '<b>bold</b>\nidea' }), capture({ text: 'x & y' })])).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; idea</p><p>x &amp; y</p>',
    );
  });
});
