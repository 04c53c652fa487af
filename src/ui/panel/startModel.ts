// What the Start view lists, derived once: recent workshops (src/ui/shared/workshopRows.ts) and the
// scripts of one's own (built-in template copies are listed as templates, not again as scripts).
import type { Script } from '../../script/schema';
import { isBuiltInScriptId } from '../../store/templateCopies';
import { workshopRows, type WorkshopLike, type WorkshopRow } from '../shared/workshopRows';

export type RecentRow = WorkshopRow;

export const recentRows = (workshops: readonly WorkshopLike[], scripts: readonly { script: Script }[], activeId: string | undefined, lang: 'fi' | 'en', limit = 5): RecentRow[] =>
  workshopRows(workshops.slice(0, limit), scripts, activeId, lang);

/** Scripts the user made or edited: the stored copies of built-in templates are offered as templates. */
export const ownScripts = <T extends { script: Script }>(scripts: readonly T[]): T[] => scripts.filter((s) => !isBuiltInScriptId(s.script.id));
