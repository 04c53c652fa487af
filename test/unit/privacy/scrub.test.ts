import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { scrubDeleted } from '../../../src/background/scrub';
import { db } from '../../../src/store/db';

describe('scrubbing after an erase', () => {
  it('writes its filler and leaves none of it behind, nor touches other settings', async () => {
    await (await db()).put('settings', { key: 'lang', value: 'fi' });
    await scrubDeleted();
    const keys = (await (await db()).getAllKeys('settings')).map(String);
    expect(keys).toEqual(['lang']);
  }, 60_000);
});
