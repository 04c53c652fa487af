// @vitest-environment happy-dom
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

// The Library view with the background answered here: each test sets the workshops it lists.

const workshop = (id: string, over: { title?: string; createdAt?: number; sharedAt?: number } = {}) => ({
  id,
  title: over.title ?? 'Workshop 1: A shared picture of change',
  goal: '',
  lang: 'en',
  scriptId: over.createdAt === undefined ? `s-${id}` : 'tpl-change-dialogue-series-en',
  workshopIndex: 0,
  createdAt: over.createdAt ?? 0,
  updatedAt: over.createdAt ?? 0,
  date: '2026-11-26',
  includeParticipants: false,
  includeStats: false,
  ...(over.sharedAt ? { sharedAt: over.sharedAt } : {}),
});
let list: ReturnType<typeof workshop>[] = [];
let scriptList: unknown[] = [];
const asked: string[] = [];
vi.mock('../../../src/ui/shared/backend', () => ({
  ask: (type: string) => {
    asked.push(type);
    return Promise.resolve(
      type === 'workshop/list'
        ? { ok: true, value: list }
        : type === 'script/list'
          ? { ok: true, value: scriptList }
          : type.endsWith('/list')
            ? { ok: true, value: [] }
            : type === 'series/contents'
              ? { ok: true, value: { series: {}, captures: [], workshops: [], startedIds: [] } }
              : { ok: false, error: { code: 'workshop-missing' } },
    );
  },
  useStoreQuery: <T,>(load: () => Promise<T>) => {
    const [value, setValue] = useState<T | undefined>(undefined);
    useEffect(() => void load().then(setValue), []);
    return { value, reload: () => {} };
  },
  useStoreProblem: () => undefined,
}));

const { LibraryView } = await import('../../../src/ui/options/LibraryView');
const flush = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));

// Delete asks first; for a workshop shared live the question says the others' copies stay on
// their devices (as the Data view's erase questions do).
describe('Library: Delete', () => {
  it('says for a workshop shared live that the others’ copies are not deleted', async () => {
    list = [workshop('a', { title: 'Shared one', sharedAt: 5 }), workshop('b', { title: 'Local one' })];
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryView />, root);
    for (let i = 0; i < 20 && !root.querySelector('[data-workshop="b"]'); i++) await flush();
    const questions: string[] = [];
    vi.stubGlobal('confirm', (question: string) => {
      questions.push(question);
      return false;
    });
    const press = (id: string) => [...root.querySelectorAll<HTMLButtonElement>(`[data-workshop="${id}"] button`)].find((b) => b.textContent === 'Delete')!.click();
    await act(() => press('a'));
    await act(() => press('b'));
    const note = "The co-facilitators' and note-takers' copies stay on their devices";
    expect(questions.map((q) => q.includes(note))).toEqual([true, false]);
    vi.unstubAllGlobals();
  });
});

// The "Import … into" choice: two workshops made from one template read the same there ("into
// “Workshop 1: A shared picture of change”" twice, found in a walk-through) while the list above
// tells them apart by when they were made.
describe('Library: import into a workshop', () => {
  it('tells apart two workshops of the same title in the import choice, as the list does', async () => {
    list = [workshop('a', { createdAt: Date.UTC(2026, 10, 26, 9, 5) }), workshop('b', { createdAt: Date.UTC(2026, 10, 26, 13, 40) })];
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryView />, root);
    for (let i = 0; i < 20 && !root.querySelector('[data-workshop="b"]'); i++) await flush();
    const options = [...root.querySelectorAll('select option')].filter((o) => (o as HTMLOptionElement).value).map((o) => o.textContent ?? '');
    expect(options).toHaveLength(2);
    for (const text of options) expect(text).toContain('into “Workshop 1: A shared picture of change”');
    expect(new Set(options).size).toBe(2);
    // The same words as the list's rows.
    const listed = [...root.querySelectorAll('[data-workshop] .library-row .muted')].map((s) => (s.textContent ?? '').replace(/^ · /, ''));
    const made = listed.filter((l) => l.startsWith('made'));
    expect(made).toHaveLength(2);
    for (const [i, text] of options.entries()) expect(text).toContain(made[i]);
  });
});

// The series list under the Library read every listed script's workshop in full (all its
// captures) to learn whether its script is a series, and again after every change: with a
// 40,000-capture import listed, making a workshop kept Firefox ESR's background busy for 7 s.
describe('Library: the series list', () => {
  const script = (id: string, workshops: number) => ({
    id,
    createdAt: 0,
    updatedAt: 0,
    script: {
      id,
      title: `Script ${id}`,
      lang: 'en',
      workshops: Array.from({ length: workshops }, (_, i) => ({ id: `${id}-w${i}`, title: `Workshop ${i + 1}`, phases: [] })),
    },
  });

  it('reads nothing of a workshop whose script has one workshop, and only the series of a series', async () => {
    list = [workshop('imported'), workshop('one-off'), { ...workshop('series-2'), title: 'Workshop 2', scriptId: 's-series' }];
    scriptList = [script('s-imported', 1), script('s-one-off', 1), script('s-series', 3)];
    asked.length = 0;
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryView />, root);
    for (let i = 0; i < 20 && !root.querySelector('.series-entry'); i++) await flush();
    expect(asked).not.toContain('workshop/contents');
    expect(asked.filter((type) => type === 'series/contents')).toHaveLength(1);
    expect(root.querySelector('[data-testid="series-list"]')!.textContent).toContain('Script s-series');
    render(null, root);
  });
});
