import type { Lang } from './labels';

// Numbers, durations and times as the summary shows them. Built from numeric parts rather than
// locale strings so Node and every browser print the same thing.

export interface RenderOptions {
  /** IANA time zone for times of day; default the runtime's own. */
  timeZone?: string;
  /** Called with (captures rendered, all captures) every CHUNK captures and at the end. */
  onProgress?: (done: number, total: number) => void;
}

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

interface PartsCache {
  format: Intl.DateTimeFormat;
  /** Parts by minute since the epoch: formatToParts is slow and a workshop's captures share minutes. */
  byMinute: Map<number, DateParts>;
}

const MINUTE_CACHE_MAX = 50_000;
const partsCaches = new Map<string, PartsCache>();

function partsOf(ms: number, timeZone: string | undefined): DateParts {
  const key = timeZone ?? '';
  let cache = partsCaches.get(key);
  if (!cache) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    cache = { format, byMinute: new Map() };
    partsCaches.set(key, cache);
  }
  const minute = Math.floor(ms / 60_000);
  let parts = cache.byMinute.get(minute);
  if (!parts) {
    parts = { year: '', month: '', day: '', hour: '', minute: '' };
    for (const part of cache.format.formatToParts(minute * 60_000)) {
      if (part.type in parts) parts[part.type as keyof DateParts] = part.value;
    }
    if (cache.byMinute.size >= MINUTE_CACHE_MAX) cache.byMinute.clear();
    cache.byMinute.set(minute, parts);
  }
  return parts;
}

const unpad = (s: string) => String(Number(s));

/** "23.11.2025 klo 9.05" / "2025-11-23 09:05". */
export function formatDateTime(ms: number, lang: Lang, timeZone?: string): string {
  const p = partsOf(ms, timeZone);
  // English writes the date as the summary's own date line does ("26 November 2026, 13:53"); the
  // footer said "2026-11-26 13:53" under "Date: 26 November 2026".
  return lang === 'fi' ? `${unpad(p.day)}.${unpad(p.month)}.${p.year} klo ${clockOf(p, lang)}` : `${formatIsoDate(`${p.year}-${p.month}-${p.day}`, lang)}, ${clockOf(p, lang)}`;
}

/**
 * A time of day, the one way Vuoro writes it everywhere (the panel, the pop-out timer, the chat
 * announcement, the summary): "9.05" / "14.05" as Finnish writes it (klo 9.05), "09:05" / "14:05"
 * on the 24-hour clock in English.
 */
export function formatTime(ms: number, lang: Lang, timeZone?: string): string {
  return clockOf(partsOf(ms, timeZone), lang);
}

const clockOf = (p: DateParts, lang: Lang) => (lang === 'fi' ? `${unpad(p.hour)}.${p.minute}` : `${p.hour}:${p.minute}`);

/**
 * "2025-11-23 14:05" for spreadsheets: Excel reads this as a date and time under any regional
 * setting, fi-FI included, where "23.11.2025" would stay text under en-US and the other way round.
 */
export function spreadsheetDateTime(ms: number, timeZone?: string): string {
  const p = partsOf(ms, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A YYYY-MM-DD date as "23.11.2025" / "23 November 2025". */
export function formatIsoDate(iso: string, lang: Lang): string {
  const [year, month, day] = iso.split('-');
  if (lang === 'fi') return `${unpad(day ?? '')}.${unpad(month ?? '')}.${year}`;
  // "3 December 2026": a reader of an English summary should not have to parse ISO dates.
  const at = Date.UTC(Number(year), Number(month) - 1, Number(day));
  enDate ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return Number.isFinite(at) ? enDate.format(at) : iso;
}
// Made on first use: the panel frame loads this file for its clock, and a fresh frame's first
// Intl.DateTimeFormat loads the locale's data (~20 ms of its start in a trace; issue 12).
let enDate: Intl.DateTimeFormat | undefined;

/** "45 s", "15 min", "17 min 30 s", "1 h 5 min": the same abbreviations in Finnish and English. */
export function formatDuration(totalSec: number): string {
  const sec = Math.round(Math.abs(totalSec));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s || !parts.length) parts.push(`${s} s`);
  return parts.join(' ');
}

/** "+2 min 30 s", "−1 min", "±0 s". */
export function formatDelta(deltaSec: number): string {
  const rounded = Math.round(deltaSec);
  if (rounded === 0) return '±0 s';
  return `${rounded > 0 ? '+' : '\u2212'}${formatDuration(rounded)}`;
}

/** "42 %" / "42%". */
export function formatPercent(share: number, lang: Lang): string {
  const value = Math.round(share * 100);
  return lang === 'fi' ? `${value}\u00a0%` : `${value}%`;
}

/** A duration as a reader of a summary wants it: whole minutes from one minute up ("2 h 30 min", "7 min"), seconds below. */
export function formatMinutes(totalSec: number): string {
  const sec = Math.round(Math.abs(totalSec));
  return sec < 60 ? `${sec} s` : formatDuration(Math.round(sec / 60) * 60);
}

/** A short span (a wait, a timebox): to the nearest 10 s under ten minutes ("1 min 30 s"), whole minutes above. */
export function formatShortDuration(totalSec: number): string {
  const sec = Math.round(Math.abs(totalSec));
  return sec < 600 ? formatDuration(Math.round(sec / 10) * 10 || sec) : formatMinutes(sec);
}
