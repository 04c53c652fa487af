import { z } from 'zod';
import { recordStore } from './records';

/** Someone seen in a workshop, from a site adapter or added by hand. Names are untrusted page text. */
export const ParticipantRecord = z.object({
  workshopId: z.string().min(1).max(100),
  key: z.string().min(1).max(300),
  name: z.string().max(200),
  source: z.enum(['site', 'manual']),
  self: z.boolean().optional(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
});
export type ParticipantRecord = z.infer<typeof ParticipantRecord>;

export const participants = recordStore('participants', ParticipantRecord);

export function participantsOf(workshopId: string): Promise<ParticipantRecord[]> {
  return participants.byIndex('byWorkshop', workshopId);
}
