// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { parseMiroClipboard, parseTldrawClipboard, parseExcalidrawClipboard, htmlToText, richTextToText } from '../../../src/sites/clipboard';
import type { SiteAdapter } from '../../../src/sites/types';
import LZString from 'lz-string';
import { decompressFromBase64 } from '../../../src/sites/lzBase64';
import { parseBoardPaste } from '../../../src/capture/board';
import { loadFixture, run, type Run } from './fixture';

let current: Run | undefined;
afterEach(() => {
  current?.stop();
  localStorage.clear();
});

/** Fires the page's copy handler the way a user's Ctrl+C would, and returns what it wrote. */
function copy(): { html?: string; text?: string } {
  const data = new DataTransfer();
  document.body.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  return { ...(html ? { html } : {}), ...(text ? { text } : {}) };
}

function startBoard(site: Parameters<typeof adapterFor>[0]): SiteAdapter {
  const adapter = adapterFor(site);
  current = run(adapter);
  return adapter;
}

describe('whiteboard capabilities', () => {
  it.each(['miro', 'mural', 'flinga', 'excalidraw', 'tldraw', 'mswhiteboard'] as const)('%s: meeting signals unsupported, emitted on start', (site) => {
    const adapter = adapterFor(site);
    const r = (current = run(adapter));
    expect(adapter.kind).toBe('whiteboard');
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'unsupported', reason: 'not-a-meeting-page' },
      chat: { state: 'unsupported', reason: 'not-a-meeting-page' },
    });
  });

  it.each([
    ['mural', 'app.mural.co/index.html'],
    ['flinga', 'flinga.fi/index.html'],
    ['mswhiteboard', 'whiteboard.microsoft.com/index.html'],
    ['miro', 'miro.com/index.html'],
  ] as const)('%s asks the user to copy the selection', (site, page) => {
    loadFixture(page);
    expect(startBoard(site).capabilities().selection).toEqual({ state: 'needs-user', hint: 'copy-selection' });
  });
});

describe('excalidraw', () => {
  it('reads the selected sticky (container + bound text) from localStorage', async () => {
    const fx = loadFixture('excalidraw.com/fixture.html');
    const adapter = startBoard('excalidraw');
    expect(adapter.capabilities().selection).toEqual({ state: 'ok', source: 'local-storage' });
    expect(await adapter.readSelection!()).toEqual([{ kind: 'note', text: 'Idea A', id: 'r1' }]);
    fx.select!(['t2', 'r2', 'gone'] as never);
    expect(await adapter.readSelection!()).toEqual([
      { kind: 'text', text: 'Loose note', id: 't2' },
      { kind: 'note', text: '<img src=x onerror="window.__pwned=true">', id: 'r2' },
    ]);
  });

  it('looks again when the board saves after the adapter started (a first visit), and says so', async () => {
    vi.useFakeTimers();
    try {
      document.body.innerHTML = '<div class="excalidraw"><canvas></canvas></div>';
      const adapter = adapterFor('excalidraw');
      const r = (current = run(adapter));
      expect(r.last('capabilities')?.capabilities.selection).toEqual({ state: 'needs-user', hint: 'copy-selection' });
      localStorage.setItem('excalidraw', '[]'); // excalidraw.com's debounced save lands
      await vi.advanceTimersByTimeAsync(300);
      expect(r.last('capabilities')?.capabilities.selection).toEqual({ state: 'ok', source: 'local-storage' });
      const emitted = r.of('capabilities').length;
      await vi.advanceTimersByTimeAsync(20_000); // nothing changed: nothing more is said
      expect(r.of('capabilities').length).toBe(emitted);
      localStorage.clear();
      document.body.dispatchEvent(new Event('pointerup', { bubbles: true })); // input brings the next look closer
      await vi.advanceTimersByTimeAsync(700);
      expect(r.last('capabilities')?.capabilities.selection).toEqual({ state: 'needs-user', hint: 'copy-selection' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a selected frame stands for the notes in it (a click on its name selects the frame alone)', async () => {
    // The development map's fields are frames: a note-taker selected "Ways of working now" to capture
    // its notes and was told nothing was selected.
    document.body.innerHTML = '<div class="excalidraw"><canvas></canvas></div>';
    localStorage.setItem(
      'excalidraw',
      JSON.stringify([
        { id: 'frame1', type: 'frame', name: 'Ways of working now' },
        { id: 'r1', type: 'rectangle', frameId: 'frame1', boundElements: [{ type: 'text', id: 't1' }] },
        { id: 't1', type: 'text', originalText: 'Weekly huddle', containerId: 'r1', frameId: 'frame1' },
        { id: 't2', type: 'text', originalText: 'Loose text in the frame', containerId: null, frameId: 'frame1' },
        { id: 'r2', type: 'rectangle', frameId: null, boundElements: [{ type: 'text', id: 't3' }] },
        { id: 't3', type: 'text', originalText: 'Outside the frame', containerId: 'r2' },
      ]),
    );
    localStorage.setItem('excalidraw-state', JSON.stringify({ selectedElementIds: { frame1: true } }));
    const adapter = startBoard('excalidraw');
    expect(await adapter.readSelection!()).toEqual([
      { kind: 'note', text: 'Weekly huddle', id: 'r1' },
      { kind: 'text', text: 'Loose text in the frame', id: 't2' },
    ]);
    // The frame and one of its notes selected: that note once.
    localStorage.setItem('excalidraw-state', JSON.stringify({ selectedElementIds: { frame1: true, r1: true } }));
    expect((await adapter.readSelection!())?.map((i) => i.id)).toEqual(['r1', 't2']);
  });

  it('prefers the text being edited', async () => {
    const fx = loadFixture('excalidraw.com/fixture.html');
    const adapter = startBoard('excalidraw');
    fx.edit!('Typing  this\nnow' as never);
    expect(adapter.capabilities().selection).toEqual({ state: 'ok', source: 'wysiwyg' });
    // Spaces collapse; the line break the user typed stays (it was flattened, found in an English walk-through).
    expect(await adapter.readSelection!()).toEqual([{ kind: 'text', text: 'Typing this\nnow' }]);
  });

  it('takes the text of an editor that just closed: a click on the panel ends the editing before it asks', async () => {
    const fx = loadFixture('excalidraw.com/fixture.html');
    const adapter = startBoard('excalidraw');
    fx.edit!('Just typed\non the sticky' as never);
    const editor = document.querySelector('textarea.excalidraw-wysiwyg')!;
    // The panel's button takes the focus; Excalidraw's blur handler takes the editor away.
    editor.addEventListener('blur', () => fx.stopEditing!());
    editor.dispatchEvent(new FocusEvent('blur'));
    // The app has not saved yet: storage still holds the selection from before (r1).
    expect(await adapter.readSelection!()).toEqual([{ kind: 'text', text: 'Just typed\non the sticky' }]);
    // A moment later it is the board's saved selection again.
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 2000);
    try {
      expect(await adapter.readSelection!()).toEqual([{ kind: 'note', text: 'Idea A', id: 'r1' }]);
    } finally {
      clock.mockRestore();
    }
  });

  it('parses its clipboard JSON, and falls back to lines for plain text', () => {
    const fx = loadFixture('excalidraw.com/fixture.html');
    fx.select!(['r1', 't2'] as never);
    const adapter = startBoard('excalidraw');
    expect(adapter.parseClipboard!(copy())).toEqual([
      { kind: 'note', text: 'Idea A', id: 'r1' },
      { kind: 'text', text: 'Loose note', id: 't2' },
    ]);
    expect(adapter.parseClipboard!({ text: 'one\n\n two ' })).toEqual([{ kind: 'text', text: 'one' }, { kind: 'text', text: 'two' }]);
    expect(parseExcalidrawClipboard('{"type":"other"}')).toBeNull();
  });
});

describe('tldraw', () => {
  it('reads the shapes inside the DOM selection outline', async () => {
    const fx = loadFixture('www.tldraw.com/fixture.html');
    const adapter = startBoard('tldraw');
    expect(adapter.capabilities().selection).toEqual({ state: 'ok', source: 'dom-selection' });
    expect(await adapter.readSelection!()).toEqual([{ kind: 'note', text: 'Sticky one', id: 'shape:n1' }]);
    fx.select!(['shape:n2', 'shape:g1'] as never); // the outline is their common box; the geo shape has no text
    expect(await adapter.readSelection!()).toEqual([{ kind: 'note', text: 'Sticky two second line', id: 'shape:n2' }]);
    fx.select!(['shape:n1', 'shape:n2'] as never);
    expect((await adapter.readSelection!())?.map((i) => i.id)).toEqual(['shape:n1', 'shape:n2']);
  });

  it('without an outline (nothing selected, or v5 canvas overlays) asks for a copy', async () => {
    const fx = loadFixture('www.tldraw.com/fixture.html');
    const adapter = startBoard('tldraw');
    fx.select!([] as never);
    expect(adapter.capabilities().selection).toEqual({ state: 'needs-user', hint: 'copy-selection' });
    expect(await adapter.readSelection!()).toBeNull();
  });

  it('parses uncompressed tldraw clipboard HTML (text and rich text), else text/plain', () => {
    const payload = {
      type: 'application/tldraw',
      kind: 'content',
      version: 2,
      data: {
        shapes: [
          { id: 'shape:a', type: 'note', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rich' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'note' }] }] } } },
          { id: 'shape:b', type: 'text', props: { text: '<b>bold</b> & plain' } },
          { id: 'shape:c', type: 'geo', props: {} },
        ],
      },
    };
    expect(parseTldrawClipboard(`<div data-tldraw>${JSON.stringify(payload)}</div>`)).toEqual([
      // Two paragraphs on the note stay two lines.
      { kind: 'note', text: 'Rich\nnote', id: 'shape:a' },
      { kind: 'text', text: '<b>bold</b> & plain', id: 'shape:b' },
    ]);
    const compressed = '<div data-tldraw>{"type":"application/tldraw","kind":"content","version":3,"data":{"assets":[],"otherCompressed":"N4Ig"}}</div>';
    expect(parseTldrawClipboard(compressed)).toBeNull();
    expect(adapterFor('tldraw').parseClipboard!({ html: compressed, text: 'Sticky one Loose text' })).toEqual([{ kind: 'text', text: 'Sticky one Loose text' }]);
  });
});

describe('tldraw copy (version 3)', () => {
  // What tldraw's own copy writes: the shapes lz-string compressed in text/html, and every note's
  // text on one line of text/plain. The fallback to that line made one capture of all the notes.
  const html = '<div data-tldraw>{"type":"application/tldraw","kind":"content","version":3,"data":{"assets":[],"otherCompressed":"N4IgzgFghgDgpmEAuA2qAlgE2ea8lQgA0IALgJ7w4B2A9qXMSDAE60yJKgvoDGEAFTgAPUslAUqSEJlq8mvWtQbLkaMpUbSYUFlADmemBAVKVY1BM04GoprYsgA0lAgA3dAAIAVlE8wAVwAbIL9AVDIQAF8AXRjI+KIMbGlIWDgkACN7a2k6BiZWdk5uPkERCyspGTlTZThVSw0qnT1DWBMSRTqG9UktMnL7QekBAHdaTyD0agRpOMSm/paDIw6QLvM1Sv6HIbsUuC7MSenGONiEpJxU/AAzbKrbvQBbRhJCjnEQaihXnAB1KDkMCeWi3TzjFgAa2m+k8dFGUUiCyw1zw6XkJD6OH0cFoBTYny4IB4/CE+22OFkmPWZnqFl6OWYuhW7Vqm0a2OkuyxwxAAB50M84WAWLwALzCUEzFhsFjiqBBOAsUgACgAjABKAB8UViFxiJDY9AAyuiAJKYTgoXBpAhMG7pLIkR1Ie7REgZaaYWHW2JAA=="}}</div>';

  it('reads the notes from the compressed shapes, one each, lines kept', () => {
    const items = [
      { kind: 'note', text: 'Kahvi ja pulla ☕', id: 'shape:a' },
      { kind: 'note', text: 'Two lines:\nsecond line', id: 'shape:b' },
      { kind: 'shape', text: '<img src=x onerror=alert(1)>', id: 'shape:c' },
    ];
    expect(parseTldrawClipboard(html)).toEqual(items);
    expect(adapterFor('tldraw').parseClipboard!({ html, text: 'Kahvi ja pulla ☕ Two lines: second line <img src=x onerror=alert(1)>' })).toEqual(items);
    expect(parseBoardPaste({ html, text: 'Kahvi ja pulla ☕ Two lines: second line' })).toEqual(items);
  });

  // The decompressor is written out (the content script takes no dependency); lz-string itself, a
  // dev dependency for this test only, says whether it reads what lz-string writes.
  it('reads what lz-string’s compressToBase64 writes, for texts of every kind', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', 'b', 'ä', 'ö', ' ', '\n', '{', '"', '☕', '\u202e', '😀', 'x'.repeat(40)];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(random() * 400) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(decompressFromBase64(LZString.compressToBase64(text)), text).toBe(text);
    }
  });

  it('a damaged payload falls back to the plain text', () => {
    const damaged = html.replace('N4Ig', 'N4I!');
    expect(parseTldrawClipboard(damaged)).toBeNull();
    expect(decompressFromBase64('N4Ig')).toBeNull();
    // Bounded: a paste cannot make it build a text of any size.
    const compressed = /"otherCompressed":"([^"]+)"/.exec(html)![1]!;
    expect(decompressFromBase64(compressed)?.length).toBeGreaterThan(100);
    expect(decompressFromBase64(compressed, 100)).toBeNull();
  });
});

describe('miro', () => {
  it('decodes miro-data-v1 from what the board puts on the clipboard', () => {
    const fx = loadFixture('miro.com/index.html');
    fx.select!(['fan', 'Ääkköset & <script>window.__pwned=true</script>'] as never);
    const adapter = startBoard('miro');
    expect(adapter.parseClipboard!(copy())).toEqual([
      { kind: 'note', text: 'fan', id: '0' },
      { kind: 'note', text: 'Ääkköset & <script>window.__pwned=true</script>', id: '1' },
    ]);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('rejects junk and falls back to plain text', () => {
    expect(parseMiroClipboard('<span data-meta="&lt;--(miro-data-v1)!!!(/miro-data-v1)--&gt;"></span>')).toBeNull();
    expect(parseMiroClipboard('<p>no payload</p>')).toBeNull();
    expect(adapterFor('miro').parseClipboard!({ html: '<p>a</p><p>b</p>' })).toEqual([{ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' }]);
  });
});

describe('line-based boards', () => {
  it.each([
    ['mural', 'app.mural.co/index.html'],
    ['flinga', 'flinga.fi/index.html'],
    ['mswhiteboard', 'whiteboard.microsoft.com/index.html'],
  ] as const)('%s: one item per non-empty copied line', (site, page) => {
    const fx = loadFixture(page);
    fx.select!(['Idea one', '', '  Idea\u202E two  '] as never);
    expect(startBoard(site).parseClipboard!(copy())).toEqual([{ kind: 'text', text: 'Idea one' }, { kind: 'text', text: 'Idea two' }]);
  });

  it('htmlToText never builds DOM and keeps markup-looking text inert', () => {
    expect(htmlToText('<p>a &lt;img src=x onerror=1&gt;</p><script>x()</script><br>b&#33;')).toBe('a <img src=x onerror=1>\n\nb!');
  });
});

// From a note-taker's walk-through: a Miro sticky's two lines became one, a tldraw note's bulleted
// list ran together ("first itemsecond item"), and notes were cut at 1,000 characters without a word.
describe('board notes as they were written', () => {
  const miroPayload = (objects: unknown[]) => {
    const bytes = new TextEncoder().encode(JSON.stringify({ data: { objects } })).map((b) => (b + 59) % 256);
    return `<span data-meta="&lt;--(miro-data-v1)${btoa(String.fromCharCode(...bytes))}(/miro-data-v1)--&gt;"></span>`;
  };

  it('keeps the lines of a Miro sticky note', () => {
    const html = miroPayload([{ id: 7, widgetData: { type: 'sticker', json: { content: '<p>Kaksi riviä</p><p>toinen rivi</p>' } } }]);
    expect(parseMiroClipboard(html)).toEqual([{ kind: 'note', text: 'Kaksi riviä\ntoinen rivi', id: '7' }]);
  });

  it('keeps the items of a tldraw list on lines of their own', () => {
    const item = (text: string) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ideas:' }] }, { type: 'bulletList', content: [item('first item'), item('second item')] }] };
    expect(richTextToText(doc)).toBe('Ideas:\nfirst item\nsecond item');
  });

  it('keeps a long note whole, as long as a typed capture may be', () => {
    const long = 'Pitkä lappu. '.repeat(120).trim();
    expect(long.length).toBeGreaterThan(1500);
    const html = `<div data-tldraw>${JSON.stringify({ type: 'application/tldraw', kind: 'content', version: 2, data: { shapes: [{ id: 'shape:l', type: 'note', props: { text: long } }] } })}</div>`;
    expect(parseTldrawClipboard(html)?.[0]?.text).toBe(long);
    expect(parseMiroClipboard(miroPayload([{ id: 1, widgetData: { type: 'sticker', json: { content: `<p>${long}</p>` } } }]))?.[0]?.text).toBe(long);
  });
});

