// What a list of workshops shows, derived once for the panel's Recent workshops and the options
// library: each workshop's name, the day it is held, its place in a series and whether it is the one
// in the panel; workshops that would read the same are told apart by the time they were started.
import type { Script } from '../../script/schema';
import { workshopDate } from '../../store/day';
import { t } from '../i18n';

export interface WorkshopRow {
  id: string;
  title: string;
  /** The day it is held, YYYY-MM-DD (what a date input edits). */
  isoDate: string;
  /** The same day as the user's language writes it. */
  date: string;
  /** The series and the workshop's place in it; absent for a one-workshop script. */
  series?: { title: string; index: number; count: number };
  current: boolean;
  /** For a row that would otherwise read like another: when it was started ("klo 9.05", "(2)"). */
  tellApart?: string;
}

export interface WorkshopLike {
  id: string;
  title: string;
  scriptId: string;
  workshopIndex: number;
  createdAt: number;
  date?: string | undefined;
}

const locale = (lang: 'fi' | 'en') => (lang === 'fi' ? 'fi-FI' : 'en-GB');

// One formatter per language and style, made when first needed: making one costs far more than
// using it, and the Library made one for every row each time it drew the list, at each step of an
// import's progress and each key typed in its search (0.1 s of a 40,000-capture import in Chromium).
// A formatter keeps the time zone it was made in: one for the zone's offset now, so a computer
// moved to another zone with a page open writes its times in the new one.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: 'fi' | 'en', options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}${JSON.stringify(options)}${options.timeZone ? '' : new Date().getTimezoneOffset()}`;
  let format = formats.get(id);
  if (!format) formats.set(id, (format = new Intl.DateTimeFormat(locale(lang), options)));
  return format;
}

/** A YYYY-MM-DD day in the user's language ("26.11.2026", "26/11/2026"), read as that calendar day. */
export function formatDay(iso: string, lang: 'fi' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  // The calendar day itself, in no zone.
  return dateFormat(lang, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
}

/** A moment in the user's language, as the rest of the page writes days: "26.11.2026 klo 11.21", "26/11/2026, 11:21". */
export function formatDayTime(ms: number, lang: 'fi' | 'en'): string {
  return dateFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

function startedAt(ms: number, lang: 'fi' | 'en'): string {
  // "klo 9.05" as Finnish writes it; "09:05" as British English does.
  const time = dateFormat(lang, { hour: lang === 'fi' ? 'numeric' : '2-digit', minute: '2-digit' }).format(ms);
  return t('libraryStarted', { time: lang === 'fi' ? `klo ${time}` : time }, lang);
}

export function workshopRows(
  workshops: readonly WorkshopLike[],
  scripts: readonly { script: Script }[],
  activeId: string | undefined,
  lang: 'fi' | 'en',
): WorkshopRow[] {
  const byId = new Map(scripts.map((s) => [s.script.id, s.script]));
  const rows: WorkshopRow[] = workshops.map((w) => {
    const script = byId.get(w.scriptId);
    const count = script?.workshops.length ?? 1;
    const isoDate = workshopDate(w);
    return {
      id: w.id,
      title: w.title,
      isoDate,
      date: formatDay(isoDate, lang),
      ...(script && count > 1 ? { series: { title: script.title, index: w.workshopIndex + 1, count } } : {}),
      current: w.id === activeId,
    };
  });
  const looks = (r: WorkshopRow) => JSON.stringify([r.title, r.series?.title, r.series?.index, r.isoDate]);
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => groups.set(looks(r), [...(groups.get(looks(r)) ?? []), i]));
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const times = indexes.map((i) => startedAt(workshops[i]!.createdAt, lang));
    // Oldest first is (1): the numbers stay put as newer workshops are added.
    const byAge = [...indexes].sort((a, b) => workshops[a]!.createdAt - workshops[b]!.createdAt);
    indexes.forEach((i, k) => {
      const sameTime = times.filter((t) => t === times[k]).length > 1;
      rows[i]!.tellApart = sameTime ? `${times[k]} (${byAge.indexOf(i) + 1})` : times[k]!;
    });
  }
  return rows;
}
