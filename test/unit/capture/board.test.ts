import { describe, expect, it } from 'vitest';
import { notCapturedYet } from '../../../src/capture/board';
import type { CaptureSource } from '../../../src/capture/schema';
import { capture } from '../summary/fixture';

// A board selection captured again leaves out the notes captured already: by the note's own id
// where the board gives one, so a second note with the same words is kept (two people wrote it).

const fromBoard = (text: string, source: Partial<CaptureSource> = {}, extra = {}) => capture({ text, source: { type: 'whiteboard', site: 'excalidraw', ...source }, ...extra });

describe('notCapturedYet', () => {
  it('leaves out a note whose id is on a live capture, and keeps a second note with the same words', () => {
    const captures = [fromBoard('Lisää taukoja', { note: 'a' })];
    const items = [
      { kind: 'note' as const, text: 'Lisää taukoja', id: 'a' },
      { kind: 'note' as const, text: 'Lisää taukoja', id: 'b' },
    ];
    expect(notCapturedYet(items, captures, 'excalidraw')).toEqual({ fresh: [items[1]], skipped: 1 });
  });

  it('matches by text a note without an id, and a capture made before ids were kept', () => {
    const captures = [fromBoard('Old capture'), fromBoard('Kept by id', { note: 'k' })];
    const items = [
      { kind: 'note' as const, text: 'Old capture', id: 'x' },
      { kind: 'text' as const, text: 'Kept by id' },
      { kind: 'text' as const, text: 'New words' },
    ];
    expect(notCapturedYet(items, captures, 'excalidraw')).toEqual({ fresh: [items[2]], skipped: 2 });
  });

  it('counts only live captures from this site’s board selections', () => {
    const captures = [
      fromBoard('Deleted', { note: 'd' }, { deletedAt: 5 }),
      fromBoard('Merged', { note: 'm' }, { mergedInto: 'other' }),
      fromBoard('On another board', { site: 'miro', note: 'o' }),
      capture({ text: 'Typed, not from the board', source: { type: 'hotkey', site: 'excalidraw' } }),
    ];
    const items = [
      { kind: 'note' as const, text: 'Deleted', id: 'd' },
      { kind: 'note' as const, text: 'Merged', id: 'm' },
      { kind: 'note' as const, text: 'On another board', id: 'o' },
      { kind: 'note' as const, text: 'Typed, not from the board' },
    ];
    expect(notCapturedYet(items, captures, 'excalidraw')).toEqual({ fresh: items, skipped: 0 });
  });
});
