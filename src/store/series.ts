import { z } from 'zod';
import { ProcessEvaluation } from '../capture/schema';
import { recordStore } from './records';

// A Change Dialogue series: what belongs to the three workshops together rather than to one of
// them. The map and the experiments are captures (their `mapField`, `experiment`, `evaluation`);
// this record holds the rest. A series is identified by the script its workshops were made from
// (seriesIdOf), so every workshop of one script belongs to one series.

export const DOT_BUDGET_DEFAULT = 3;

export { ProcessEvaluation };

/** A participant (by the name shown) tagged with their organisation. */
export const OrganisationTag = z.object({ name: z.string().min(1).max(200), organisation: z.string().max(200) });
export type OrganisationTag = z.infer<typeof OrganisationTag>;

export const SeriesRecord = z.object({
  id: z.string().min(1).max(100),
  updatedAt: z.number().int().nonnegative(),
  /** Dots each participant may give in the experiment vote. */
  dotBudget: z.number().int().min(1).max(20).default(DOT_BUDGET_DEFAULT),
  /** The intermediate task as composed for this series (both parts, ready to share). */
  intermediateTask: z.string().max(8000).optional(),
  /** Who is from which organisation, for mixed groups. Names are untrusted page text. */
  organisations: z.array(OrganisationTag).max(2000).default([]),
  /** The groups last proposed, each a list of names. */
  groups: z.array(z.array(z.string().max(200)).max(50)).max(500).optional(),
  /** Names marked F (facilitator) in any workshop of the series, so the mark carries to the next one. */
  facilitators: z.array(z.string().min(1).max(200)).max(50).default([]),
  /** The participants' evaluation of the virtual co-development process (workshop 3). */
  processEvaluation: ProcessEvaluation.optional(),
});
export type SeriesRecord = z.infer<typeof SeriesRecord>;

export const series = recordStore('series', SeriesRecord);

export const seriesIdOf = (workshop: { scriptId: string }): string => workshop.scriptId;

export async function getSeries(id: string): Promise<SeriesRecord> {
  return (await series.get(id)) ?? SeriesRecord.parse({ id, updatedAt: 0 });
}
