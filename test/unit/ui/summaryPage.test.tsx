// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { sampleDoc } from '../summary/fixture';

// The summary page reads the store again on every change (useStoreQuery). A read that failed (the
// background busy restarting, say) left its banner over the summary a later read had filled in.

type Loaded = { ok: true; doc: ReturnType<typeof sampleDoc> } | { ok: false; error: string };
let setLoaded: (value: Loaded) => void = () => {};
vi.mock('../../../src/ui/shared/backend', () => ({
  ask: () => Promise.resolve({ ok: true, value: null }),
  useLangFollow: () => 'en',
  useStoreQuery: () => {
    const [value, setValue] = useState<Loaded | undefined>({ ok: false, error: 'no-receiver' });
    setLoaded = setValue;
    return { value, reload: () => {} };
  },
}));

const { SummaryPage } = await import('../../../src/ui/summary/SummaryPage');

describe('Summary page', () => {
  it('takes a failed read’s banner away once a later read succeeds', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<SummaryPage workshopId="ws-1" />, root));
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="summary"]')).toBeNull();

    await act(() => setLoaded({ ok: true, doc: sampleDoc() }));
    expect(root.querySelector('[data-testid="summary"]')).not.toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();

    // And a read failing again says so again.
    await act(() => setLoaded({ ok: false, error: 'no-receiver' }));
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    render(null, root);
  });
});
