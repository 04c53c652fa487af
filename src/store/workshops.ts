import { z } from 'zod';
import { recordStore } from './records';
import { Lang } from '../lang';
import { IsoDate } from '../capture/schema';

export { localDay, workshopDate } from './day';

/** One workshop meeting: an instance of one workshop of a script, with its own run and captures. */
export const WorkshopRecord = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(300),
  goal: z.string().max(4000),
  lang: Lang,
  scriptId: z.string().min(1).max(100),
  workshopIndex: z.number().int().min(0).max(50),
  /**
   * The day the workshop is held (YYYY-MM-DD, the facilitator's calendar day). Set to the day it was
   * started and editable; schema v5 gave every earlier workshop the day it was created.
   */
  date: IsoDate.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Participant key of the facilitator, for the facilitator's share of talk. */
  facilitatorKey: z.string().max(300).optional(),
  includeParticipants: z.boolean().default(false),
  includeStats: z.boolean().default(false),
  /** The facilitator let Vuoro record people before the workshop starts (src/privacy/consent.ts). */
  recordPeople: z.boolean().optional(),
  /**
   * Whom "Erase" took out of this workshop, as hashes (src/privacy/forget.ts), so they are not
   * recorded again. Optional: a workshop from before has erased no one it would know of.
   */
  erased: z.object({ keys: z.array(z.string().max(20)).max(1000), names: z.array(z.string().max(20)).max(1000) }).optional(),
  /**
   * When this workshop was first shared live (a room opened for it, or its copy came from one): the
   * others in the room may keep a copy that an erase here does not reach. Absent in records from
   * before; the Data view also counts the room open now (src/background/erase.ts).
   */
  sharedAt: z.number().optional(),
});
export type WorkshopRecord = z.infer<typeof WorkshopRecord>;

export const workshops = recordStore('workshops', WorkshopRecord);

export async function listWorkshops(): Promise<WorkshopRecord[]> {
  return (await workshops.all()).sort((a, b) => b.updatedAt - a.updatedAt);
}

