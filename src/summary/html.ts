import type { Capture } from '../capture/schema';
import { escapeHtml } from './escape';
import {
  formatDateTime,
  formatDelta,
  formatDuration,
  formatIsoDate,
  formatPercent,
  formatTime,
  type RenderOptions,
} from './format';
import { labels, type Lang } from './labels';
import { buildSummary, type WorkshopExport, type WorkshopSummary } from './model';
import { ProgressTracker, runSteps, type RenderSteps } from './progress';

// A standalone printable document: opened from a file or a blob URL and printed to PDF. No scripts
// and no outside resources, and the CSP says so, in case untrusted text ever slipped past escapeHtml.

export const SUMMARY_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; color: #444; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul { padding-left: 1.3rem; }
li { margin: .15rem 0; }
.meta { color: #555; font-size: .9em; }
.theme { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 600; }
.over { color: #9a3412; }
.under { color: #166534; }
footer { margin-top: 2rem; color: #666; font-size: .85em; }
@page { margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3, h4 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .over, .under { color: inherit; }
}
`;

export function renderHtml(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): string {
  return runSteps(htmlSteps(doc, lang, opts), opts.onProgress);
}

const text = (value: string) => `<span class="text">${escapeHtml(value)}</span>`;

export function* htmlSteps(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): RenderSteps {
  const summary = buildSummary(doc);
  const L = labels(lang);
  const tz = opts.timeZone;
  const progress = new ProgressTracker(summary.captureCount);
  const out: string[] = [];
  const title = `${L.summaryOf}: ${summary.title}`;

  const captureItem = (c: Capture, withPhase = false): string => {
    const meta: string[] = [];
    if (c.kind === 'action') meta.push(`${L.owner}: ${c.owner ? escapeHtml(c.owner) : L.noOwner}`);
    else if (c.owner) meta.push(`${L.owner}: ${escapeHtml(c.owner)}`);
    if (c.due) meta.push(`${L.due}: <time datetime="${escapeHtml(c.due)}">${formatIsoDate(c.due, lang)}</time>`);
    if (withPhase && c.phaseTitle) meta.push(escapeHtml(c.phaseTitle));
    if (c.votes > 0) meta.push(`${L.votes}: ${c.votes}`);
    if (summary.includeParticipants && c.source.author) meta.push(escapeHtml(c.source.author));
    const theme = c.theme ? `<span class="theme">${escapeHtml(c.theme)}:</span> ` : '';
    return `<li>${theme}${text(c.text)}${meta.length ? ` <span class="meta">(${meta.join(', ')})</span>` : ''}</li>`;
  };
  const section = (heading: string, captures: Capture[]) => {
    if (!captures.length) return;
    out.push(`<section><h2>${heading}</h2><ul>`, ...captures.map((c) => captureItem(c, true)), '</ul></section>');
  };

  out.push(
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SUMMARY_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    '<dl class="facts">',
  );
  if (summary.date) out.push(`<dt>${L.date}</dt><dd><time datetime="${escapeHtml(summary.date)}">${formatIsoDate(summary.date, lang)}</time></dd>`);
  if (summary.seriesTitle) out.push(`<dt>${L.series}</dt><dd>${escapeHtml(summary.seriesTitle)}</dd>`);
  out.push(`<dt>${L.exported}</dt><dd>${formatDateTime(summary.exportedAt, lang, tz)}</dd>`, '</dl>', '</header>', '<main>');

  if (summary.goal.trim()) out.push(`<section><h2>${L.goal}</h2><p>${text(summary.goal)}</p></section>`);
  if (summary.participants?.length) {
    out.push(
      `<section><h2>${L.participants}</h2><ul>`,
      ...summary.participants.map((p) => `<li>${escapeHtml(p.name)}</li>`),
      '</ul></section>',
    );
  }
  if (summary.agenda.rows.length) out.push(agendaTable(summary, lang, tz));

  section(L.decisions, summary.decisions);
  section(L.actions, summary.actions);
  section(L.experiments, summary.experiments);
  if (summary.intermediateTask?.trim()) {
    out.push(`<section><h2>${L.intermediateTask}</h2><p>${text(summary.intermediateTask)}</p></section>`);
  }
  section(L.topVoted, summary.topVoted);

  out.push(`<section><h2>${L.captures}</h2>`);
  if (!summary.phases.length) out.push(`<p>${L.noCaptures}</p>`);
  for (const phase of summary.phases) {
    out.push(`<h3>${phase.phaseId === undefined ? L.noPhase : escapeHtml(phase.title ?? phase.phaseId)}</h3>`);
    for (const group of phase.kinds) {
      out.push(`<h4>${L.kinds[group.kind].many}</h4><ul>`);
      out.push(...(yield* progress.map(group.captures, (c) => captureItem(c))));
      out.push('</ul>');
    }
  }
  out.push('</section>');

  if (summary.promptsUsed.length) {
    const phaseTitles = new Map(summary.agenda.rows.map((r) => [r.phaseId, r.title]));
    out.push(`<section><h2>${L.promptsUsed}</h2><ul>`);
    for (const use of summary.promptsUsed) {
      const phase = use.phaseId ? phaseTitles.get(use.phaseId) : undefined;
      out.push(
        `<li>${formatTime(use.at, lang, tz)} ${escapeHtml(use.title)} <span class="meta">(${L.promptActions[use.action]}${phase ? `, ${escapeHtml(phase)}` : ''})</span></li>`,
      );
    }
    out.push('</ul></section>');
  }

  if (summary.participation) {
    const { speakers, facilitatorShare, balance } = summary.participation;
    out.push(`<section><h2>${L.participation}</h2>`);
    if (speakers.length) {
      out.push(
        `<table><thead><tr><th scope="col">${L.participants}</th><th scope="col" class="num">${L.speakingTime}</th><th scope="col" class="num">${L.share}</th><th scope="col" class="num">${L.turns}</th></tr></thead><tbody>`,
        ...speakers.map(
          (s) =>
            `<tr><th scope="row">${escapeHtml(s.name)}</th><td class="num">${formatDuration(s.speakingSec)}</td><td class="num">${formatPercent(s.share, lang)}</td><td class="num">${s.turns}</td></tr>`,
        ),
        '</tbody></table>',
      );
    }
    if (facilitatorShare !== undefined || balance !== undefined) {
      out.push('<dl class="facts">');
      if (facilitatorShare !== undefined) out.push(`<dt>${L.facilitatorShare}</dt><dd>${formatPercent(facilitatorShare, lang)}</dd>`);
      if (balance !== undefined) out.push(`<dt>${L.balance}</dt><dd>${formatPercent(balance, lang)}</dd>`);
      out.push('</dl>');
    }
    out.push('</section>');
  }

  out.push('</main>', `<footer>${L.generatedBy}</footer>`, '</body>', '</html>', '');
  yield* progress.finish();
  return out.join('\n');
}

function agendaTable(summary: WorkshopSummary, lang: Lang, tz: string | undefined): string {
  const L = labels(lang);
  const { rows, plannedSec, actualSec, deltaSec } = summary.agenda;
  const deltaCell = (delta: number | undefined) =>
    delta === undefined
      ? '<td class="num"></td>'
      : `<td class="num${delta > 0 ? ' over' : delta < 0 ? ' under' : ''}">${formatDelta(delta)}</td>`;
  const body = rows.map((row) => {
    const start = row.actualStartMs ?? row.plannedStartMs;
    return [
      '<tr>',
      `<td class="num">${start === undefined ? '' : formatTime(start, lang, tz)}</td>`,
      `<th scope="row">${escapeHtml(row.title)}</th>`,
      `<td class="num">${formatDuration(row.plannedSec)}</td>`,
      `<td class="num">${row.actualSec === undefined ? L.notRun : formatDuration(row.actualSec)}</td>`,
      deltaCell(row.deltaSec),
      '</tr>',
    ].join('');
  });
  return [
    `<section><h2>${L.agenda}</h2>`,
    '<table class="agenda">',
    `<thead><tr><th scope="col" class="num">${L.start}</th><th scope="col">${L.phase}</th><th scope="col" class="num">${L.planned}</th><th scope="col" class="num">${L.actual}</th><th scope="col" class="num">${L.delta}</th></tr></thead>`,
    '<tbody>',
    ...body,
    '</tbody>',
    `<tfoot><tr><td></td><th scope="row">${L.total}</th><td class="num">${formatDuration(plannedSec)}</td><td class="num">${actualSec === undefined ? L.notRun : formatDuration(actualSec)}</td>${deltaCell(deltaSec)}</tr></tfoot>`,
    '</table>',
    '</section>',
  ].join('\n');
}
