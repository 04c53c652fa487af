import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { workshopHandlers } from '../../../src/background/handlers/workshops';
import { activeWorkshop } from '../../../src/background/workshops';
import { getSetting } from '../../../src/store/settings';

vi.mock('webextension-polyfill', () => ({ default: { runtime: {} } }));

// On a first start the first panel or options page to ask for the active workshop makes the
// default one. A workshop the user makes while that is under way must stay the active one: the
// default used to become active when it was done, over it (the panel then showed the default, and
// captures made there went into it; seen in the bench's flood row).

describe('the first-run default workshop', () => {
  it('does not replace a workshop the user made while it was being made', async () => {
    const seeding = activeWorkshop('en');
    const created = await workshopHandlers['workshop/from-template']({ templateId: 'open-process-close', lang: 'en', workshopIndex: 0 } as never);
    await seeding;
    if (!created.ok) throw new Error('from-template');
    expect(await getSetting('activeWorkshopId')).toBe(created.value.workshop.id);
    expect((await activeWorkshop('en'))?.workshop.id).toBe(created.value.workshop.id);
  });
});
