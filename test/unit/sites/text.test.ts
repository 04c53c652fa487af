// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor, generic } from '../../../src/sites';
import { ChatLog } from '../../../src/sites/chat';
import { cleanName, cleanNoteText, cleanText } from '../../../src/sites/text';
import { loadFixture, run, type Run } from './fixture';

describe('cleanNoteText', () => {
  it('keeps a note\'s line breaks, one blank line at most, and cleans each line', () => {
    expect(cleanNoteText('\n  Two   lines:\r\nsecond\u202E paragraph\n\n\n\nthird\n\n')).toBe('Two lines:\nsecond paragraph\n\nthird');
    expect(cleanNoteText('a\u0007b\u2028c')).toBe('a b\nc');
    expect(cleanNoteText('x'.repeat(50) + '\n' + 'y'.repeat(50), 60)).toBe('x'.repeat(50) + '\n' + 'y'.repeat(9));
    expect(cleanNoteText(undefined)).toBe('');
  });
});

describe('cleanText', () => {
  it('trims, collapses whitespace and strips control and bidi characters', () => {
    expect(cleanText('  Ann\n\t Lee\u0007 ')).toBe('Ann Lee');
    expect(cleanText('Eve\u202Egnp.exe\u202C')).toBe('Evegnp.exe');
    expect(cleanText('a\u2066b\u2069\u200Bc\uFEFF')).toBe('abc');
  });
  it('drops icon ligature words but keeps ordinary words', () => {
    expect(cleanText('Bo Kim front_hand more_vert mic_off')).toBe('Bo Kim');
    expect(cleanText('chat about the person')).toBe('chat about the person');
  });
  it('caps length by code points without splitting emoji', () => {
    expect(cleanText('x'.repeat(500))).toHaveLength(200);
    expect(Array.from(cleanText('😀'.repeat(10), 3))).toEqual(['😀', '😀', '😀']);
  });
  it('leaves markup as inert text', () => {
    expect(cleanText('<img src=x onerror="window.__pwned=true">')).toBe('<img src=x onerror="window.__pwned=true">');
  });
  it('cleanName never returns an e-mail address', () => {
    expect(cleanName('bob.chen@corp.example')).toBe('bob.chen');
    expect(cleanName('Bob (bob@corp.example)')).toBe('Bob (bob@corp.example)'.slice(0, 80));
  });
});

describe('ChatLog', () => {
  it('dedupes by id, else by author|text|minute with repeats counted', () => {
    const log = new ChatLog();
    const a = { author: 'Ann', text: 'ok', at: '2026-01-01T10:00:05Z' };
    expect(log.take([{ id: '1', author: 'Bo', text: 'hi' }, a, a])).toHaveLength(3);
    expect(log.take([{ id: '1', author: 'Bo', text: 'hi' }, a, a])).toHaveLength(0);
    expect(log.take([a, a, a])).toHaveLength(1);
    expect(log.take([{ ...a, at: '2026-01-01T10:00:55Z' }])).toHaveLength(0); // same minute
  });
});

let current: Run | undefined;
afterEach(() => current?.stop());

describe('adapterFor and generic', () => {
  it('returns an adapter for every site id, fresh each time', () => {
    for (const site of ['zoom', 'teams', 'meet', 'miro', 'mural', 'flinga', 'excalidraw', 'tldraw', 'mswhiteboard'] as const) {
      expect(adapterFor(site).id).toBe(site);
    }
    expect(adapterFor('zoom')).not.toBe(adapterFor('zoom'));
    expect(adapterFor('generic')).toBe(generic);
  });

  it('generic: every capability unsupported (manual mode), paste still works', () => {
    loadFixture('unlisted.example/index.html');
    const r = (current = run(generic));
    const caps = r.last('capabilities')?.capabilities;
    expect(caps).toBeDefined();
    expect(Object.values(caps!).every((c) => c.state === 'unsupported')).toBe(true);
    expect(generic.parseClipboard!({ text: 'a\nb' })).toHaveLength(2);
  });

  it('a meeting adapter on a page that is not a call asks to join and reads nothing', () => {
    loadFixture('unlisted.example/index.html');
    for (const site of ['zoom', 'teams', 'meet'] as const) {
      const adapter = adapterFor(site);
      const r = run(adapter);
      expect(r.last('capabilities')?.capabilities).toMatchObject({
        participants: { state: 'needs-user', hint: 'join-meeting' },
        activeSpeaker: { state: 'needs-user', hint: 'join-meeting' },
        chat: { state: 'needs-user', hint: 'join-meeting' },
      });
      expect(r.of('participants')).toHaveLength(0);
      r.stop();
      expect(adapter.stats!().observers).toBe(0);
    }
  });
});

describe('source hygiene', () => {
  it('no adapter ever writes markup into a document', () => {
    const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/sites');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
    }
  });
});

// A note of 10,000 characters with emoji passed a code-point cap and then failed the message's
// bound (UTF-16 units), and the whole selection with it (found in a review).
describe('cleanNoteText and the messages’ bound', () => {
  it('keeps a note within 10,000 UTF-16 units, never half an emoji', () => {
    const note = cleanNoteText('😀'.repeat(6000));
    expect(note.length).toBeLessThanOrEqual(10_000);
    expect(note).toBe('😀'.repeat(5000));
    expect(cleanNoteText(`a${'😀'.repeat(6000)}`).length).toBe(9999);
  });
});
