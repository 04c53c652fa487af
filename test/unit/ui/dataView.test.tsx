// @vitest-environment happy-dom
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { WorkshopData } from '../../../src/messages/protocol';

// The options page's Data view: what is stored per workshop, named as the Library names it.

const at = (hh: number, mm: number) => new Date(2026, 10, 26, hh, mm).getTime();
const workshop = (id: string, createdAt: number): WorkshopData => ({
  id,
  title: 'Workshop 1: A shared picture of change',
  scriptId: 's',
  workshopIndex: 0,
  createdAt,
  date: '2026-11-26',
  updatedAt: createdAt,
  captures: 0,
  keptCaptures: 0,
  participants: 0,
  turns: 0,
  prompts: 0,
  runEvents: 0,
  people: [],
  erasedPeople: 0,
  shared: false,
});
let overview: WorkshopData[] = [];
vi.mock('../../../src/ui/shared/backend', () => ({
  ask: (type: string) => Promise.resolve({ ok: true, value: type === 'data/overview' ? overview : [] }),
  useStoreQuery: <T,>(load: () => Promise<T>) => {
    const [value, setValue] = useState<T | undefined>(undefined);
    useEffect(() => void load().then(setValue), []);
    return { value, reload: () => {} };
  },
}));

const { DataView } = await import('../../../src/ui/options/DataView');
const flush = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));

async function shown(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  render(<DataView />, root);
  for (let i = 0; i < 20 && !root.querySelector('[data-testid="data-workshop"]'); i++) await flush();
  return root;
}

describe('Data view', () => {
  it('tells apart workshops of the same title as the Library does (the time made, then (1) and (2))', async () => {
    overview = [workshop('a', at(9, 5)), workshop('b', at(9, 5) + 1000), workshop('c', at(13, 30))];
    const root = await shown();
    const names = [...root.querySelectorAll('[data-testid="data-workshop"]')].map((a) => a.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(3);
    expect(names).toEqual([
      'Workshop 1: A shared picture of change · made 09:05 (1)',
      'Workshop 1: A shared picture of change · made 09:05 (2)',
      'Workshop 1: A shared picture of change · made 13:30',
    ]);
    expect(root.querySelector('[data-workshop="b"] h3')!.textContent).toContain('(2)');
  });

  it('marks a workshop shared live, and says in each erase question that the others’ copies are theirs to erase', async () => {
    overview = [
      { ...workshop('a', at(9, 5)), shared: true, people: [{ key: 'k', name: 'Bo Kim', turns: 0, chatLines: 0 }] },
      { ...workshop('b', at(13, 30)), people: [{ key: 'k', name: 'Bo Kim', turns: 0, chatLines: 0 }] },
    ];
    const root = await shown();
    expect(root.querySelector('[data-workshop="a"] [data-testid="data-shared"]')?.textContent).toContain('Shared live');
    expect(root.querySelector('[data-workshop="b"] [data-testid="data-shared"]')).toBeNull();
    const questions: string[] = [];
    vi.stubGlobal('confirm', (question: string) => {
      questions.push(question);
      return false;
    });
    const press = (selector: string, text: string) => [...root.querySelectorAll<HTMLButtonElement>(`${selector} button`)].find((b) => b.textContent === text)!.click();
    await act(() => press('[data-workshop="a"]', 'Erase Bo Kim'));
    await act(() => press('[data-workshop="b"]', 'Erase Bo Kim'));
    await act(() => press('[data-workshop="a"]', 'Erase this workshop'));
    await act(() => press('', 'Erase everything'));
    const note = "The co-facilitators' and note-takers' copies stay on their devices";
    expect(questions.map((q) => q.includes(note))).toEqual([true, false, true, true]);
    vi.unstubAllGlobals();
  });
});
