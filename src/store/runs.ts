import { z } from 'zod';
import { RunSchema } from '../script/timing';
import { recordStore } from './records';

/** The timing log of one workshop meeting; its id is the workshop's id (one run per workshop). */
export const RunRecord = z.object({
  id: z.string().min(1).max(100),
  workshopId: z.string().min(1).max(100),
  updatedAt: z.number(),
  run: RunSchema,
});
export type RunRecord = z.infer<typeof RunRecord>;

export const runs = recordStore('runs', RunRecord);
