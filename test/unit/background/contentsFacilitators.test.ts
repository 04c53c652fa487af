import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { updateSeries } from '../../../src/background/series';
import { createFromTemplate, workshopContents } from '../../../src/background/workshops';

// The summary reads who facilitates from workshop/contents: the names marked F earlier in the
// series come with it, as the panel gets them from series/facilitators (issue 12.16).
describe('workshop/contents', () => {
  it('carries the names marked F in the series', async () => {
    const created = await createFromTemplate('change-dialogue-series', 'en');
    if (!created.ok) throw new Error('template');
    await updateSeries(created.value.workshop.id, { facilitator: { name: 'Hanna Host', on: true } });
    expect((await workshopContents(created.value.workshop.id))!.seriesFacilitators).toEqual(['Hanna Host']);
  });
});
