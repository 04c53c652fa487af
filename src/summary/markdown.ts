import type { Capture } from '../capture/schema';
import { escapeMarkdown } from './escape';
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

export function renderMarkdown(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): string {
  return runSteps(markdownSteps(doc, lang, opts), opts.onProgress);
}

/** Multi-line text: each line escaped, joined by hard breaks, continuation lines indented. */
function block(text: string, indent = '  '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line).trim())
    .filter(Boolean)
    .join(`\\\n${indent}`);
}

export function* markdownSteps(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): RenderSteps {
  const summary = buildSummary(doc);
  const L = labels(lang);
  const tz = opts.timeZone;
  const progress = new ProgressTracker(summary.captureCount);
  const out: string[] = [];
  const heading = (level: number, text: string) => out.push(`${'#'.repeat(level)} ${text}`, '');

  const captureLine = (c: Capture, withPhase = false): string => {
    let line = `- ${c.theme ? `**${escapeMarkdown(c.theme)}:** ` : ''}${block(c.text)}`;
    const meta: string[] = [];
    if (c.kind === 'action') meta.push(`${L.owner}: ${c.owner ? escapeMarkdown(c.owner) : L.noOwner}`);
    else if (c.owner) meta.push(`${L.owner}: ${escapeMarkdown(c.owner)}`);
    if (c.due) meta.push(`${L.due}: ${formatIsoDate(c.due, lang)}`);
    if (withPhase && c.phaseTitle) meta.push(escapeMarkdown(c.phaseTitle));
    if (c.votes > 0) meta.push(`${L.votes}: ${c.votes}`);
    if (summary.includeParticipants && c.source.author) meta.push(escapeMarkdown(c.source.author));
    if (meta.length) line += ` _(${meta.join(', ')})_`;
    return line;
  };

  heading(1, `${L.summaryOf}: ${escapeMarkdown(summary.title)}`);
  const facts: string[] = [];
  if (summary.date) facts.push(`- **${L.date}:** ${formatIsoDate(summary.date, lang)}`);
  if (summary.seriesTitle) facts.push(`- **${L.series}:** ${escapeMarkdown(summary.seriesTitle)}`);
  facts.push(`- **${L.exported}:** ${formatDateTime(summary.exportedAt, lang, tz)}`);
  out.push(...facts, '');

  if (summary.goal.trim()) {
    heading(2, L.goal);
    out.push(block(summary.goal, ''), '');
  }

  if (summary.participants?.length) {
    heading(2, L.participants);
    out.push(...summary.participants.map((p) => `- ${escapeMarkdown(p.name)}`), '');
  }

  if (summary.agenda.rows.length) out.push(...agendaTable(summary, lang, tz), '');

  const section = (title: string, captures: Capture[], withPhase: boolean) => {
    if (!captures.length) return;
    heading(2, title);
    out.push(...captures.map((c) => captureLine(c, withPhase)), '');
  };
  section(L.decisions, summary.decisions, true);
  section(L.actions, summary.actions, true);
  section(L.experiments, summary.experiments, true);

  if (summary.intermediateTask?.trim()) {
    heading(2, L.intermediateTask);
    out.push(block(summary.intermediateTask, ''), '');
  }

  section(L.topVoted, summary.topVoted, true);

  heading(2, L.captures);
  if (!summary.phases.length) out.push(L.noCaptures, '');
  for (const phase of summary.phases) {
    heading(3, phase.phaseId === undefined ? L.noPhase : escapeMarkdown(phase.title ?? phase.phaseId));
    for (const group of phase.kinds) {
      heading(4, L.kinds[group.kind].many);
      out.push(...(yield* progress.map(group.captures, (c) => captureLine(c))), '');
    }
  }

  if (summary.promptsUsed.length) {
    heading(2, L.promptsUsed);
    const phaseTitles = new Map(summary.agenda.rows.map((r) => [r.phaseId, r.title]));
    for (const use of summary.promptsUsed) {
      const phase = use.phaseId ? phaseTitles.get(use.phaseId) : undefined;
      out.push(
        `- ${formatTime(use.at, lang, tz)} ${escapeMarkdown(use.title)} _(${L.promptActions[use.action]}${phase ? `, ${escapeMarkdown(phase)}` : ''})_`,
      );
    }
    out.push('');
  }

  if (summary.participation) {
    const { speakers, facilitatorShare, balance } = summary.participation;
    heading(2, L.participation);
    if (speakers.length) {
      out.push(`| ${L.participants} | ${L.speakingTime} | ${L.share} | ${L.turns} |`, '| --- | ---: | ---: | ---: |');
      for (const s of speakers) {
        out.push(
          `| ${escapeMarkdown(s.name)} | ${formatDuration(s.speakingSec)} | ${formatPercent(s.share, lang)} | ${s.turns} |`,
        );
      }
      out.push('');
    }
    if (facilitatorShare !== undefined) out.push(`- **${L.facilitatorShare}:** ${formatPercent(facilitatorShare, lang)}`);
    if (balance !== undefined) out.push(`- **${L.balance}:** ${formatPercent(balance, lang)}`);
    if (facilitatorShare !== undefined || balance !== undefined) out.push('');
  }

  out.push('---', '', `_${L.generatedBy}_`, '');
  yield* progress.finish();
  return out.join('\n');
}

function agendaTable(summary: WorkshopSummary, lang: Lang, tz: string | undefined): string[] {
  const L = labels(lang);
  const { rows, plannedSec, actualSec, deltaSec } = summary.agenda;
  const lines = [
    `## ${L.agenda}`,
    '',
    `| ${L.phase} | ${L.planned} | ${L.actual} | ${L.delta} |`,
    '| --- | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const start = row.actualStartMs ?? row.plannedStartMs;
    const title = `${start !== undefined ? `${formatTime(start, lang, tz)} ` : ''}${escapeMarkdown(row.title)}`;
    lines.push(
      `| ${title} | ${formatDuration(row.plannedSec)} | ${row.actualSec === undefined ? L.notRun : formatDuration(row.actualSec)} | ${row.deltaSec === undefined ? '' : formatDelta(row.deltaSec)} |`,
    );
  }
  lines.push(
    `| **${L.total}** | **${formatDuration(plannedSec)}** | **${actualSec === undefined ? L.notRun : formatDuration(actualSec)}** | **${deltaSec === undefined ? '' : formatDelta(deltaSec)}** |`,
  );
  return lines;
}
