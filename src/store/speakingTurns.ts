import { z } from 'zod';
import { recordStore } from './records';

/** A smoothed speaking turn, from the site's speaker signal or a manual "mark speaker" tap. */
export const SpeakingTurnRecord = z.object({
  id: z.string().min(1).max(100),
  workshopId: z.string().min(1).max(100),
  participantKey: z.string().min(1).max(300),
  startAt: z.number(),
  endAt: z.number(),
  source: z.enum(['site', 'manual']),
});
export type SpeakingTurnRecord = z.infer<typeof SpeakingTurnRecord>;

export const speakingTurns = recordStore('speakingTurns', SpeakingTurnRecord);

export function turnsOf(workshopId: string): Promise<SpeakingTurnRecord[]> {
  return speakingTurns.byIndex('byWorkshop', workshopId);
}
