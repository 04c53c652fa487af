import { EVALUATION_VIEWS, type Capture } from '../capture/schema';
import { isChosen } from '../series/experiments';
import { methodLabels } from '../series/labels';
import { csvCell } from './escape';
import { spreadsheetDateTime, type RenderOptions } from './format';
import { labels, type Lang } from './labels';
import { buildSummary, type WorkshopExport } from './model';
import { ProgressTracker, runSteps, type RenderSteps } from './progress';

// Captures as a spreadsheet that opens right in Excel with Finnish settings: a UTF-8 byte order
// mark (or Excel guesses a legacy code page and breaks ä and ö), semicolons (the list separator
// where the decimal separator is a comma), CRLF line ends, and dates Excel reads as dates.

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const CRLF = '\r\n';

export function renderCsv(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): string {
  return runSteps(csvSteps(doc, lang, opts), opts.onProgress);
}

export function* csvSteps(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): RenderSteps {
  const summary = buildSummary(doc);
  const L = labels(lang);
  const withAuthor = summary.includeParticipants;
  const progress = new ProgressTracker(summary.captureCount);
  const row = (cells: (string | number | undefined)[]) => cells.map((cell) => csvCell(cell, CSV_SEPARATOR)).join(CSV_SEPARATOR);

  const M = methodLabels(lang);
  const header = [L.phase, L.kind, L.text, L.theme, L.owner, L.due, L.votes, L.tags, L.source];
  if (withAuthor) header.push(L.author);
  header.push(L.capturedBy, L.created, L.id);
  // The Change Dialogue's fields of a capture, last so the columns before keep their places: where
  // it is on the map, an experiment's plan and its evaluation, for sorting and filtering; whether
  // it was chosen to try came later, after them.
  header.push(M.experiment.addresses, M.experiment.start, M.experiment.end, M.experiment.tried, ...EVALUATION_VIEWS.map((v) => M.views[v]), M.experiment.decision, M.experiment.chosen);

  const captureRow = (c: Capture, phaseTitle: string) => {
    const cells: (string | number | undefined)[] = [
      phaseTitle,
      L.kinds[c.kind].one,
      c.text,
      c.theme,
      c.owner,
      c.due,
      c.votes,
      c.tags.join(', '),
      L.sources[c.source.type],
    ];
    if (withAuthor) cells.push(c.source.author);
    cells.push(c.capturedBy, spreadsheetDateTime(c.createdAt, opts.timeZone), c.id);
    cells.push(
      c.mapField ? M.fields[c.mapField] : undefined,
      c.experiment?.start,
      c.experiment?.end,
      c.experiment?.tried,
      ...EVALUATION_VIEWS.map((v) => {
        const view = c.evaluation?.[v];
        return view && (view.score || view.notes) ? [view.score ? `${view.score}/5` : '', view.notes ?? ''].filter(Boolean).join(' – ') : undefined;
      }),
      c.evaluation?.decision ? M.decisions[c.evaluation.decision] : undefined,
      c.kind === 'experiment' ? (isChosen(c) ? M.experiment.chosen : M.experiment.notChosen) : undefined,
    );
    return row(cells);
  };

  const phaseTitles = new Map(doc.agenda.map((p) => [p.phaseId, p.title]));
  const phaseTitle = (c: Capture) => (c.phaseId === undefined ? '' : (phaseTitles.get(c.phaseId) ?? c.phaseTitle ?? c.phaseId));
  const lines = [row(header), ...(yield* progress.map(summary.allCaptures, (c) => captureRow(c, phaseTitle(c))))];
  yield* progress.finish();
  return BOM + lines.join(CRLF) + CRLF;
}
