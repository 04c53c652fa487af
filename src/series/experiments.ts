import type { Capture } from '../capture/schema';

// Where an experiment stands, for the series view: planned (no dates yet or not started), running,
// ended (waiting for its evaluation) or evaluated (a decision was made).

export type ExperimentState = 'planned' | 'running' | 'ended' | 'evaluated';

export function experimentState(c: Capture, today: string): ExperimentState {
  if (c.evaluation?.decision) return 'evaluated';
  const { start, end } = c.experiment ?? {};
  if (end && end < today) return 'ended';
  if (start && start <= today) return 'running';
  return 'planned';
}

/** Chat text pasted by hand ("Name: #3" per line) as vote lines; a line without a name is its own voter. */
export function chatPasteLines(text: string): { key: string; author: string; text: string }[] {
  return text
    .split(/\r\n|\r|\n/u)
    // Chat copied from a meeting starts each line with its time ("10:01", "[10.01]", "10:01:15 AM"):
    // without it the name is found (it read the hour as the voter, found in an English walk-through).
    .map((line) => line.trim().replace(/^\[?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]?\s+/u, ''))
    .filter(Boolean)
    .map((line, i) => {
      const named = /^([^:#+\d][^:]{0,79}):\s*(.*)$/u.exec(line);
      return named ? { key: `paste-${i}`, author: named[1]!.trim(), text: named[2]! } : { key: `paste-${i}`, author: `\u0000line-${i}`, text: line };
    });
}
