import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { updateSeries } from '../../../src/background/series';
import { addCapture, createFromTemplate, createWorkshop, updateCapture, workshopContents } from '../../../src/background/workshops';

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

// Found in a Finnish walk-through: workshop 3's summary had none of its results, since the
// evaluations are stored on workshop 2's experiments. The series' last workshop carries them.
describe('workshop/contents of the series’ last workshop', () => {
  it('carries the experiments evaluated earlier in the series and the process evaluation; other workshops do not', async () => {
    const w1 = await createFromTemplate('change-dialogue-series', 'fi', 0);
    if (!w1.ok) throw new Error('template');
    const script = w1.value.script;
    const w2 = await createWorkshop(script, 1);
    const w3 = await createWorkshop(script, 2);
    const evaluated = await addCapture({ workshopId: w2.workshop.id, text: 'Yhteinen kalenteri', kind: 'experiment', source: { type: 'manual' } });
    await addCapture({ workshopId: w2.workshop.id, text: 'Ei arvioitu', kind: 'experiment', source: { type: 'manual' } });
    await updateCapture(evaluated.id, { evaluation: { employees: { score: 4 }, decision: 'spread' } });
    await updateSeries(w3.workshop.id, { processEvaluation: { score: 5, worked: 'Sekaparit' } });

    const last = (await workshopContents(w3.workshop.id))!;
    expect(last.seriesEvaluated?.map((c) => c.text)).toEqual(['Yhteinen kalenteri']);
    expect(last.seriesProcessEvaluation).toMatchObject({ score: 5, worked: 'Sekaparit' });
    expect(last.captures).toEqual([]);
    const second = (await workshopContents(w2.workshop.id))!;
    expect(second.seriesEvaluated).toBeUndefined();
    expect(second.seriesProcessEvaluation).toBeUndefined();
  });
});
