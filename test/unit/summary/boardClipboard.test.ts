import { describe, expect, it } from 'vitest';
import { excalidrawItems, parseExcalidrawClipboard } from '../../../src/sites/clipboard';
import { excalidrawClipboard, layoutLines, tldrawClipboardHtml, whiteboardClipboard, whiteboardCopy } from '../../../src/summary/boardClipboard';
import { boardCaptures, developmentMapFields, layoutCaptures, NOTE_SIZE } from '../../../src/summary/boardLayout';
import { capture } from './fixture';

const HOSTILE = '<img src=x onerror=alert(1)> </div> & "q"';

describe('board layout', () => {
  it('puts each live capture in a grid cell of its own', () => {
    const layout = layoutCaptures([capture({ text: 'a' }), capture({ text: 'b' }), capture({ text: 'gone', deletedAt: 1 }), capture({ text: ' ' }), capture({ text: 'c' }), capture({ text: 'd' })]);
    expect(layout.notes.map((n) => n.text)).toEqual(['a', 'b', 'c', 'd']);
    const cells = new Set(layout.notes.map((n) => `${n.x},${n.y}`));
    expect(cells.size).toBe(4);
    expect(layout.notes.map((n) => [n.x, n.y])).toEqual([[0, 0], [NOTE_SIZE + 20, 0], [0, NOTE_SIZE + 20], [NOTE_SIZE + 20, NOTE_SIZE + 20]]);
  });

  it('ranks the dot vote as the summary does: experiment candidates, most dots first', () => {
    const layout = layoutCaptures(
      [capture({ text: 'idea', votes: 9 }), capture({ text: 'pairs', kind: 'experiment', votes: 1 }), capture({ text: 'shadowing', kind: 'experiment', votes: 4 })],
      'votes',
    );
    expect(layout.notes.map((n) => [n.text, n.votes])).toEqual([['shadowing', 4], ['pairs', 1]]);
  });

  it('without candidates, ranks the captures voted up, leaving out notes without votes', () => {
    const layout = layoutCaptures([capture({ text: 'one', votes: 1 }), capture({ text: 'none', votes: 0 }), capture({ text: 'three', votes: 3 })], 'votes');
    expect(layout.notes.map((n) => [n.text, n.votes])).toEqual([['three', 3], ['one', 1]]);
    expect(layoutLines(layout, 'Other notes')).toEqual(['three (● 3)', 'one (● 1)']);
  });

  it('places map captures inside their field (by map field, or by a theme that is the title of a field in either language), the rest below', () => {
    const fields = developmentMapFields('fi');
    const layout = layoutCaptures(
      [
        capture({ text: 'huddle', theme: 'Ways of working now' }),
        capture({ text: 'care plans', mapField: 'content-future' }),
        capture({ text: 'loose' }),
        capture({ text: 'panel', kind: 'experiment', mapField: 'content-now' }),
      ],
      'map',
      fields,
    );
    expect(layout.frames.map((f) => f.title)).toEqual(['Työn sisältö ja tarkoitus nyt', 'Työn sisältö ja tarkoitus lähitulevaisuudessa', 'Toimintatavat nyt', 'Toimintatavat lähitulevaisuudessa']);
    const within = (text: string) => {
      const n = layout.notes.find((note) => note.text === text)!;
      return layout.frames.find((f) => n.x >= f.x && n.y >= f.y && n.x + NOTE_SIZE <= f.x + f.w && n.y + NOTE_SIZE <= f.y + f.h)?.title;
    };
    expect(within('huddle')).toBe('Toimintatavat nyt');
    expect(within('care plans')).toBe('Työn sisältö ja tarkoitus lähitulevaisuudessa');
    expect(within('loose')).toBeUndefined();
    // An experiment's map field is the field it targets, not a note on the map.
    expect(within('panel')).toBeUndefined();
    // Frames do not overlap.
    for (const a of layout.frames)
      for (const b of layout.frames) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
  });
});

describe('go-around ring', () => {
  it('gives each turn a frame in speaking order, holding what was written during it; without a round, a grid', () => {
    const round = {
      type: 'go-around' as const,
      startedAt: 1000,
      order: 'as-listed' as const,
      perPersonSec: 60,
      turns: [
        { key: 'a', name: 'Aino', startedAt: 1000, endedAt: 2000, outcome: 'done' as const },
        { key: 'b', name: 'Bo', startedAt: 2000, endedAt: 3000, outcome: 'done' as const },
        { key: 'c', name: 'Cy', startedAt: 3000, endedAt: 4000, outcome: 'skipped' as const },
      ],
    };
    const captures = [capture({ text: 'from Aino', createdAt: 1500 }), capture({ text: 'from Bo', createdAt: 2500 }), capture({ text: 'later', createdAt: 9000 })];
    const layout = layoutCaptures(captures, 'goAround', [], [round]);
    expect(layout.frames.map((f) => f.title)).toEqual(['1. Aino', '2. Bo', '3. Cy']);
    const frameOf = (text: string) => {
      const n = layout.notes.find((note) => note.text === text)!;
      return layout.frames.find((f) => n.x >= f.x && n.y >= f.y && n.x + NOTE_SIZE <= f.x + f.w && n.y + NOTE_SIZE <= f.y + f.h)?.title;
    };
    expect(frameOf('from Aino')).toBe('1. Aino');
    expect(frameOf('from Bo')).toBe('2. Bo');
    expect(frameOf('later')).toBeUndefined();
    for (const a of layout.frames)
      for (const b of layout.frames) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    expect(layoutCaptures(captures, 'goAround').frames).toEqual([]);
  });
});

describe('board clipboards', () => {
  const captures = [capture({ text: HOSTILE, kind: 'risk' }), capture({ text: 'Two\nlines', kind: 'decision' })];

  it('Excalidraw: a rectangle with bound text per capture, which Excalidraw\'s own format reads back exactly', () => {
    const json = excalidrawClipboard(layoutCaptures(captures));
    const parsed = JSON.parse(json) as { type: string; elements: { type: string; id: string; backgroundColor: string; containerId?: string; boundElements?: { id: string }[] }[] };
    expect(parsed.type).toBe('excalidraw/clipboard');
    const rects = parsed.elements.filter((e) => e.type === 'rectangle');
    expect(rects.map((r) => r.backgroundColor)).toEqual(['#ffd8a8', '#b2f2bb']);
    for (const r of rects) expect(parsed.elements.find((e) => e.id === r.boundElements![0]!.id)!.containerId).toBe(r.id);
    // Exactly: the line break too (it came back as one line before the boards kept a note's breaks).
    expect(parseExcalidrawClipboard(json)?.map((i) => i.text)).toEqual([HOSTILE, 'Two\nlines']);
    expect(excalidrawItems(parsed.elements as never).every((i) => i.kind === 'note')).toBe(true);
  });

  it('tldraw: one note shape per capture in an inert payload', () => {
    const html = tldrawClipboardHtml(layoutCaptures(captures));
    const body = /^<div data-tldraw>(.*)<\/div>$/.exec(html)![1]!;
    expect(body).not.toMatch(/[<>&]/);
    const parsed = JSON.parse(body) as { type: string; version: number; data: { shapes: { type: string; parentId: string; index: string; props: { color: string; richText: { content: { content: { text: string }[] }[] } } }[]; rootShapeIds: string[] } };
    expect(parsed).toMatchObject({ type: 'application/tldraw', version: 2 });
    // The capture's own line break is kept: one paragraph per line.
    expect(parsed.data.shapes.map((s) => [s.type, s.props.color, s.props.richText.content.map((p) => p.content[0]!.text).join('\n')])).toEqual([
      ['note', 'orange', HOSTILE],
      ['note', 'light-green', 'Two\nlines'],
    ]);
    expect(parsed.data.rootShapeIds).toHaveLength(2);
    // tldraw's own paste regex must find the payload (its `.` does not cross line breaks).
    expect(/<div data-tldraw[^>]*>(.*)<\/div>/.exec(html)![1]).toBe(body);
  });

  it('map frames in tldraw hold their notes, positioned relative to the frame', () => {
    const layout = layoutCaptures([capture({ text: 'huddle', mapField: 'ways-now' })], 'map', developmentMapFields('en'));
    const parsed = JSON.parse(/<div data-tldraw>(.*)<\/div>/.exec(tldrawClipboardHtml(layout))![1]!) as { data: { shapes: { id: string; type: string; parentId: string; x: number; y: number; props: { name?: string } }[]; rootShapeIds: string[] } };
    const frame = parsed.data.shapes.find((s) => s.props.name === 'Ways of working now')!;
    const note = parsed.data.shapes.find((s) => s.type === 'note')!;
    expect(note.parentId).toBe(frame.id);
    expect(note.x).toBeGreaterThanOrEqual(0);
    expect(parsed.data.rootShapeIds).not.toContain(note.id);
  });

  it('as lines, the notes in no field or turn come under a title of their own, not under the last one', () => {
    // Pasted into Miro or read as text, "loose" followed "Ways of working in the near future" and read
    // as one of its notes; in the go-around, what was written after the round read as the last
    // person's (a skipped one's) turn.
    const onMap = [capture({ text: 'huddle', mapField: 'ways-now' }), capture({ text: 'loose' })];
    expect(whiteboardClipboard({ captures: onMap }, 'text', 'map', 'fi')['text/plain']).toBe(
      'Työn sisältö ja tarkoitus nyt\nTyön sisältö ja tarkoitus lähitulevaisuudessa\nToimintatavat nyt\nhuddle\nToimintatavat lähitulevaisuudessa\nMuut laput\nloose\n',
    );
    const round = {
      type: 'go-around' as const,
      startedAt: 1000,
      order: 'as-listed' as const,
      perPersonSec: 60,
      turns: [
        { key: 'a', name: 'Aino', startedAt: 1000, endedAt: 2000, outcome: 'done' as const },
        { key: 'c', name: 'Cy', startedAt: 2000, endedAt: 3000, outcome: 'skipped' as const },
      ],
    };
    const said = [capture({ text: 'from Aino', createdAt: 1500 }), capture({ text: 'later', createdAt: 9000 })];
    expect(whiteboardClipboard({ captures: said, floor: [round] }, 'text', 'goAround', 'en')['text/plain']).toBe('1. Aino\nfrom Aino\n2. Cy\nOther notes\nlater\n');
    // Without frames there is nothing to tell apart: no title.
    expect(whiteboardClipboard({ captures: onMap }, 'text', 'grid', 'en')['text/plain']).toBe('huddle\nloose\n');
  });

  it('always carries text/plain; text boards get one escaped paragraph per line', () => {
    for (const target of ['excalidraw', 'tldraw', 'text'] as const) expect(whiteboardClipboard({ captures }, target, 'grid', 'en')['text/plain']).not.toBe('');
    const text = whiteboardClipboard({ captures }, 'text', 'grid', 'en');
    expect(text['text/plain']).toBe(`${HOSTILE}\nTwo lines\n`);
    expect(text['text/html']).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &lt;/div&gt; &amp; &quot;q&quot;</p><p>Two lines</p>');
  });
});

describe('facilitation kit', () => {
  it('is an Excalidraw library with the four pieces in Finnish and English, every bound text inside its container', async () => {
    const { facilitationKit } = await import('../../../src/summary/facilitationKit');
    const kit = JSON.parse(facilitationKit()) as { type: string; version: number; libraryItems: { id: string; name: string; elements: { id: string; type: string; containerId?: string | null; boundElements?: { id: string }[] | null }[] }[] };
    expect(kit).toMatchObject({ type: 'excalidrawlib', version: 2 });
    expect(kit.libraryItems.map((i) => i.name)).toEqual([
      'Kehityskartta (fi)', 'Kokeilujen arviointi (fi)', 'Pisteäänestys (fi)', 'Kierros (fi)',
      'Development map (en)', 'Evaluating the experiments (en)', 'Dot vote (en)', 'Go-around (en)',
    ]);
    for (const item of kit.libraryItems) {
      const ids = new Set(item.elements.map((e) => e.id));
      expect(ids.size).toBe(item.elements.length);
      for (const e of item.elements) {
        for (const b of e.boundElements ?? []) expect(item.elements.find((x) => x.id === b.id)?.containerId).toBe(e.id);
        if (e.containerId) expect(ids.has(e.containerId)).toBe(true);
      }
    }
  });
});

// Found in a Finnish walk-through: from workshop 3, "Copy to the whiteboard" with the vote copied
// nothing and the map four empty frames (each took that workshop's captures only), and both said
// "1 note copied".
describe('a series workshop on the board', () => {
  const w1 = [capture({ text: 'Paperilomakkeet', mapField: 'content-now', workshopId: 'w1' }), capture({ text: 'Viikkopalaveri', mapField: 'ways-now', workshopId: 'w1' })];
  const w2 = [
    capture({ text: 'Yhteinen kalenteri', kind: 'experiment', votes: 5, workshopId: 'w2', mapField: 'ways-future' }),
    capture({ text: 'Asiakasraati', kind: 'experiment', votes: 2, workshopId: 'w2' }),
  ];
  const own = [capture({ text: 'Levitetään kalenteri', kind: 'decision', workshopId: 'w3' })];
  const series = [...w1, ...w2, ...own];

  it('the map takes the series’ map notes and the workshop’s own others; the vote the series’ experiments', () => {
    expect(boardCaptures(own, series, 'map', 'fi').map((c) => c.text)).toEqual(['Paperilomakkeet', 'Viikkopalaveri', 'Levitetään kalenteri']);
    const vote = whiteboardCopy({ captures: [...boardCaptures(own, series, 'votes', 'fi')] }, 'text', 'votes', 'fi');
    expect(vote.clipboard['text/plain']).toBe('Yhteinen kalenteri (● 5)\nAsiakasraati (● 2)\n');
    expect(vote.notes).toBe(2);
    // The others, and a workshop outside a series, take the workshop's own captures.
    expect(boardCaptures(own, series, 'grid', 'fi')).toBe(own);
    expect(boardCaptures(own, undefined, 'map', 'fi')).toBe(own);
  });

  it('counts the notes the clipboard holds, not the workshop’s captures', () => {
    expect(whiteboardCopy({ captures: own }, 'excalidraw', 'votes', 'fi').notes).toBe(0);
    expect(whiteboardCopy({ captures: [...boardCaptures(own, series, 'map', 'fi')] }, 'excalidraw', 'map', 'fi').notes).toBe(3);
  });
});
