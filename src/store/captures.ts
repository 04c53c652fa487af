import { Capture, byCreation } from '../capture/schema';
import { recordStore } from './records';

export const captures = recordStore('captures', Capture);

/** A workshop's captures in the order they were made (deleted ones included, for undo). */
export async function capturesOf(workshopId: string): Promise<Capture[]> {
  return (await captures.byIndex('byWorkshop', workshopId)).sort(byCreation);
}
