import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { activeWorkshop } from '../../../src/background/workshops';
import { listWorkshops } from '../../../src/store/workshops';

vi.mock('webextension-polyfill', () => ({ default: { runtime: {} } }));

// A file of its own: it needs a database where nothing was made yet (see firstRunSeeding.test.ts).

describe('the first-run default workshop', () => {
  it('is made once when two panels ask at once, and both show it', async () => {
    const [a, b] = await Promise.all([activeWorkshop('en'), activeWorkshop('en')]);
    expect(a?.workshop.id).toBeTruthy();
    expect(b?.workshop.id).toBe(a?.workshop.id);
    expect(await listWorkshops()).toHaveLength(1);
  });

});
