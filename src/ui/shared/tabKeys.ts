/**
 * The tab a key moves to in a tab list of `count` tabs, from tab `at` (the ARIA tabs pattern):
 * the arrows go round, Home and End go to the first and the last; undefined for any other key.
 * The panel's sections and the script editor's workshops both follow it (the editor's tabs took
 * only the arrows).
 */
export function tabKeyTarget(key: string, at: number, count: number): number | undefined {
  if (count < 1) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (at + 1) % count;
    case 'ArrowLeft':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
