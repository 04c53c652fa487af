// What the Start view lists, derived once: recent workshops (src/ui/shared/workshopRows.ts) and the
// scripts of one's own (built-in template copies are listed as templates, not again as scripts).
import type { Script } from '../../script/schema';
export { ownScripts } from '../../store/templateCopies';
import { workshopRows, type WorkshopLike, type WorkshopRow } from '../shared/workshopRows';

export type RecentRow = WorkshopRow;

export const recentRows = (workshops: readonly WorkshopLike[], scripts: readonly { script: Script }[], activeId: string | undefined, lang: 'fi' | 'en', limit = 5): RecentRow[] =>
  workshopRows(workshops.slice(0, limit), scripts, activeId, lang);
