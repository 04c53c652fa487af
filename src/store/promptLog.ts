import { z } from 'zod';
import { recordStore } from './records';
import { PromptAction } from '../prompts/rules';

/** What happened to a prompt card during a workshop, for the summary's "prompts used". */
export const PromptLogRecord = z.object({
  id: z.string().min(1).max(100),
  workshopId: z.string().min(1).max(100),
  cardId: z.string().min(1).max(100),
  phaseId: z.string().max(100).optional(),
  action: PromptAction,
  at: z.number(),
  reasonCode: z.string().max(40).optional(),
});
export type PromptLogRecord = z.infer<typeof PromptLogRecord>;

export const promptLog = recordStore('promptLog', PromptLogRecord);

export function promptLogOf(workshopId: string): Promise<PromptLogRecord[]> {
  return promptLog.byIndex('byWorkshop', workshopId);
}
