import type { Capture } from '../capture/schema';

// Which experiments the group chose to try after the vote, and where each stands. The vote ranks
// the candidates; the facilitator ticks the ones the group will try (not always the top ones).
// Every candidate read as planned, so workshop 3 listed all of them to evaluate (found in a
// Finnish walk-through: "Työpajojen välissä 5 kokeilua" after two were chosen).

/** Whether anything of a plan was written down: an owner, what is tried or a date. */
export function hasPlan(c: Capture): boolean {
  const plan = c.experiment;
  return Boolean(c.owner?.trim() || plan?.tried?.trim() || plan?.start || plan?.end);
}

/**
 * Chosen to try: ticked, or not ticked either way and planned (a plan stored before the tick
 * existed was made for an experiment chosen to try). Unticked: not chosen, plan or no plan.
 */
export function isChosen(c: Capture): boolean {
  return c.experiment?.chosen ?? hasPlan(c);
}

/** The experiments chosen to try, then the others, each in the order given. */
export function chosenFirst<T>(experiments: readonly T[], captureOf: (item: T) => Capture): { chosen: T[]; others: T[] } {
  const chosen = experiments.filter((e) => isChosen(captureOf(e)));
  return { chosen, others: experiments.filter((e) => !isChosen(captureOf(e))) };
}

/**
 * Where an experiment stands, for the series view: a proposal (no choice made and no plan), not
 * chosen (unticked), planned (chosen, no dates yet or not started), running, ended (waiting for its
 * evaluation) or evaluated (a decision was made, chosen or not).
 */
export type ExperimentState = 'proposed' | 'notChosen' | 'planned' | 'running' | 'ended' | 'evaluated';

export function experimentState(c: Capture, today: string): ExperimentState {
  if (c.evaluation?.decision) return 'evaluated';
  if (!isChosen(c)) return c.experiment?.chosen === false ? 'notChosen' : 'proposed';
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
