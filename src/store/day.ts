/** The local calendar day of a moment, as YYYY-MM-DD (not UTC: a workshop at 01:00 in Helsinki is held that day). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The day a workshop is held: its own date, or the day it was made for a record written before dates. */
export const workshopDate = (w: { date?: string | undefined; createdAt: number }): string => w.date ?? localDay(w.createdAt);

/**
 * The workshops a retention period of `retentionDays` has expired at `now`: untouched for longer
 * (none when it is 0, "keep"). The background's sweep erases these; the settings name them first.
 */
export function expiredWorkshops<W extends { updatedAt: number }>(list: readonly W[], retentionDays: number, now: number): W[] {
  if (retentionDays <= 0) return [];
  const cutoff = now - retentionDays * 24 * 3600 * 1000;
  return list.filter((w) => w.updatedAt < cutoff);
}
