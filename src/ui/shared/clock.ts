import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../../summary/format';

// The one clock of the UI. Timers show values derived from stored timestamps and this clock; the
// interval only decides how often the screen refreshes, never what it shows.

export function now(): number {
  return Date.now();
}

export function useNow(intervalMs = 1000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), intervalMs);
    const onVisible = () => setValue(now());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
  return value;
}

/** A time of day as everything of Vuoro writes it (src/summary/format.ts formatTime). */
export function formatClock(ms: number, lang: string): string {
  return formatTime(ms, lang === 'fi' ? 'fi' : 'en');
}
