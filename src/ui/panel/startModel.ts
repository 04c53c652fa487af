// What the Start view lists, derived once: recent workshops with their date, their place in a series
// and which one is in the panel now; the scripts of one's own (built-in template copies are listed
// as templates, not again as scripts).
import type { Script } from '../../script/schema';
import { isBuiltInScriptId } from '../../store/templateCopies';

export interface RecentRow {
  id: string;
  title: string;
  /** "Muutosvuoropuhelu 2/3": the series and the workshop's place in it; absent for a one-workshop script. */
  series?: { title: string; index: number; count: number };
  /** The day it was made, as the user's language writes dates. */
  date: string;
  current: boolean;
}

export function recentRows(
  workshops: readonly { id: string; title: string; scriptId: string; workshopIndex: number; createdAt: number }[],
  scripts: readonly { script: Script }[],
  activeId: string | undefined,
  lang: 'fi' | 'en',
  limit = 5,
): RecentRow[] {
  const byId = new Map(scripts.map((s) => [s.script.id, s.script]));
  const dates = new Intl.DateTimeFormat(lang === 'fi' ? 'fi-FI' : 'en-GB', { day: 'numeric', month: 'numeric', year: 'numeric' });
  return workshops.slice(0, limit).map((w) => {
    const script = byId.get(w.scriptId);
    const count = script?.workshops.length ?? 1;
    return {
      id: w.id,
      title: w.title,
      ...(script && count > 1 ? { series: { title: script.title, index: w.workshopIndex + 1, count } } : {}),
      date: dates.format(w.createdAt),
      current: w.id === activeId,
    };
  });
}

/** Scripts the user made or edited: the stored copies of built-in templates are offered as templates. */
export const ownScripts = <T extends { script: Script }>(scripts: readonly T[]): T[] => scripts.filter((s) => !isBuiltInScriptId(s.script.id));
