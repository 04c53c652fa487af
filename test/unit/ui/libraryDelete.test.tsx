// @vitest-environment happy-dom
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

// The Library's Delete asks first; for a workshop shared live the question says the others' copies
// stay on their devices (as the Data view's erase questions do).

const workshop = (id: string, title: string, sharedAt?: number) => ({
  id,
  title,
  goal: '',
  lang: 'en',
  scriptId: `s-${id}`,
  workshopIndex: 0,
  createdAt: 0,
  updatedAt: 0,
  date: '2026-11-26',
  includeParticipants: false,
  includeStats: false,
  ...(sharedAt ? { sharedAt } : {}),
});
const list = [workshop('a', 'Shared one', 5), workshop('b', 'Local one')];
vi.mock('../../../src/ui/shared/backend', () => ({
  ask: (type: string) =>
    Promise.resolve(
      type === 'workshop/list' ? { ok: true, value: list } : type.endsWith('/list') ? { ok: true, value: [] } : { ok: false, error: { code: 'workshop-missing' } },
    ),
  useStoreQuery: <T,>(load: () => Promise<T>) => {
    const [value, setValue] = useState<T | undefined>(undefined);
    useEffect(() => void load().then(setValue), []);
    return { value, reload: () => {} };
  },
  useStoreProblem: () => undefined,
}));

const { LibraryView } = await import('../../../src/ui/options/LibraryView');
const flush = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));

describe('Library: Delete', () => {
  it('says for a workshop shared live that the others’ copies are not deleted', async () => {
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
