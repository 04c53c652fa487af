import type { Capture } from '../capture/schema';
import { formatDateTime, formatIsoDate, formatMinutes, formatPercent, formatShortDuration, formatTime, type RenderOptions } from './format';
import { fill, labels, type Lang } from './labels';
import { buildSummary, type RescheduleRow, type WorkshopExport, type WorkshopSummary } from './model';
import { ProgressTracker, type Progress } from './progress';
import { experimentMeta, methodBlocks, seriesFact } from './method';
import { withoutBidiControls } from './escape';

// The summary as a document outline: headings, paragraphs, lists and tables of plain (unescaped)
// text, in the order a steering group reads it. Markdown, HTML and Word each render this outline
// and escape as they write, so every format carries the same content.

/** A piece of text; `meta` is the grey detail after a capture (owner, due date, phase). */
export interface Run {
  text: string;
  strong?: boolean;
  meta?: boolean;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** Line breaks in a paragraph's text are kept as line breaks. */
  | { type: 'paragraph'; runs: Run[] }
  /** `start`: a numbered list (the facilitator's own "1." / "1)" lines), counting from it. */
  | { type: 'list'; items: Run[][]; start?: number }
  | { type: 'facts'; items: { label: string; value: string }[] }
  /** `numeric` marks right-aligned columns; `foot` is a total row. */
  | { type: 'table'; role: 'agenda' | 'speakers' | 'map' | 'vote'; head: string[]; rows: string[][]; numeric: boolean[]; foot?: string[] };

export interface Outline {
  lang: Lang;
  title: string;
  blocks: Block[];
  footer: string;
}

export function* outlineSteps(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): Generator<Progress, Outline, void> {
  const summary = buildSummary(doc);
  const L = labels(lang);
  const tz = opts.timeZone;
  const progress = new ProgressTracker(summary.captureCount);
  const blocks: Block[] = [];
  const heading = (level: 1 | 2 | 3 | 4, text: string) => blocks.push({ type: 'heading', level, text });
  const paragraph = (text: string) => blocks.push({ type: 'paragraph', runs: [{ text }] });
  // What the facilitator typed (or Vuoro composed, as the intermediate task): an empty line starts
  // a new paragraph, in every format (Markdown would otherwise drop it, as an empty line inside a
  // paragraph would end the paragraph); lines that start with "- " are a bulleted list and lines
  // that start with "1." or "1)" a numbered one, counting from the first line's number, not text
  // lines with escaped markers (two numbered lines in a row at least: one alone is a sentence). A
  // first paragraph that only repeats the section's heading (the composed task's own title) is left
  // out.
  const paragraphs = (text: string, heading?: string) => {
    const parts = text.trim().split(/\n[ \t]*\n\s*/);
    if (heading && parts.length > 1 && parts[0]!.trim().toLocaleLowerCase() === heading.toLocaleLowerCase()) parts.shift();
    for (const part of parts) {
      let lines: string[] = [];
      let items: string[] = [];
      let start: number | undefined;
      const flushLines = () => {
        if (lines.length) paragraph(lines.join('\n'));
        lines = [];
      };
      const flushItems = () => {
        if (items.length) blocks.push({ type: 'list', items: items.map((item) => [{ text: item }]), ...(start !== undefined ? { start } : {}) });
        items = [];
        start = undefined;
      };
      const partLines = part.split('\n');
      // A numbered line alone is a sentence ("15. toukokuuta pidetään…"), not a list of one.
      const marks = partLines.map(listItem).map((item, i, all) =>
        item?.number !== undefined && all[i - 1]?.number === undefined && all[i + 1]?.number === undefined ? undefined : item,
      );
      for (const [i, line] of partLines.entries()) {
        const item = marks[i];
        if (item && (items.length === 0 || (item.number === undefined) === (start === undefined))) {
          flushLines();
          if (items.length === 0) start = item.number;
          items.push(item.text);
        } else if (item) {
          // A bullet after numbered lines (or the other way round) starts a list of its own.
          flushItems();
          start = item.number;
          items.push(item.text);
        } else {
          flushItems();
          lines.push(line);
        }
      }
      flushLines();
      flushItems();
    }
  };

  const captureRuns = (c: Capture, withPhase: boolean, withKind: boolean): Run[] => {
    const runs: Run[] = [];
    if (withKind && c.kind !== 'idea' && c.kind !== 'note') runs.push({ text: `${L.kinds[c.kind].one}: `, strong: true });
    runs.push({ text: c.text.trim() });
    const meta: string[] = [];
    if (c.kind === 'action') meta.push(`${L.owner}: ${c.owner ?? L.noOwner}`);
    else if (c.owner) meta.push(`${L.owner}: ${c.owner}`);
    if (c.due) meta.push(`${L.due}: ${formatIsoDate(c.due, lang)}`);
    // Tags as the panel shows them ("#perehdytys"); only the CSV and JSON had them.
    if (c.tags.length) meta.push(c.tags.map((tag) => `#${tag}`).join(' '));
    meta.push(...experimentMeta(c, lang));
    if (withPhase && c.phaseTitle) meta.push(c.phaseTitle);
    if (c.votes > 0) meta.push(`${L.votes}: ${c.votes}`);
    if (summary.includeParticipants && c.source.author) meta.push(c.source.author);
    if (meta.length) runs.push({ text: ` (${meta.join(', ')})`, meta: true });
    return runs;
  };

  heading(1, summary.title);
  const facts: { label: string; value: string }[] = [];
  if (summary.date) facts.push({ label: L.date, value: formatIsoDate(summary.date, lang) });
  // A workshop's summary names its series and its place in it ("workshop 2 of 3").
  if (summary.seriesTitle) facts.push({ label: L.series, value: seriesFact(summary.seriesTitle, summary.series, lang) });
  if (summary.participants?.length) facts.push({ label: L.participants, value: summary.participants.map((p) => p.name).join(', ') });
  if (facts.length) blocks.push({ type: 'facts', items: facts });

  if (summary.introduction) {
    heading(2, L.introduction);
    paragraphs(summary.introduction);
  }
  if (summary.goal.trim()) {
    heading(2, L.goal);
    paragraphs(summary.goal);
  }

  const highlighted: [string, Capture[]][] = [
    [L.decisions, summary.decisions],
    [L.actions, summary.actions],
    [L.experiments, summary.experiments],
  ];
  for (const [title, captures] of highlighted) {
    if (!captures.length) continue;
    heading(2, title);
    blocks.push({ type: 'list', items: yield* progress.mapItems(captures, (c) => captureRuns(c, true, false)) });
  }
  blocks.push(...methodBlocks(summary, lang));
  if (summary.intermediateTask?.trim()) {
    heading(2, L.intermediateTask);
    paragraphs(summary.intermediateTask, L.intermediateTask);
  }

  // "No notes." stands under the notes' own heading, not under the intermediate task's text.
  if (summary.phases.length || !summary.captureCount) heading(2, L.captures);
  for (const phase of summary.phases) {
    heading(3, phase.phaseId === undefined ? L.noPhase : (phase.title ?? phase.phaseId));
    const themed = phase.themes.some((t) => t.theme !== undefined);
    for (const group of phase.themes) {
      if (themed) heading(4, group.theme ?? L.unthemed);
      blocks.push({ type: 'list', items: yield* progress.mapItems(group.captures, (c) => captureRuns(c, false, true)) });
    }
  }
  if (!summary.captureCount) paragraph(L.noCaptures);

  if (summary.agenda.rows.length) agenda(summary, lang, tz, blocks);

  if (summary.cardsUsed.length || summary.cardsShownNotUsed) {
    heading(2, L.cardsUsed);
    if (summary.cardsUsed.length) {
      blocks.push({
        type: 'list',
        items: summary.cardsUsed.map((card) => [
          { text: card.title },
          { text: ` (${[card.count === 1 ? L.cardUsedOnce : fill(L.cardUsedTimes, card.count), ...card.phaseTitles].join(', ')})`, meta: true },
        ]),
      });
    }
    if (summary.cardsShownNotUsed) paragraph(fill(summary.cardsUsed.length ? L.cardsShownNotUsed : L.cardsShownNoneUsed, summary.cardsShownNotUsed));
  }

  const note = summary.facilitation;
  if (note) {
    heading(2, L.facilitation);
    const sentences: string[] = [];
    if (note.turnCount) sentences.push(fill(L.turnsSentence, note.turnCount, note.speakerCount));
    if (note.facilitatorShare !== undefined) sentences.push(fill(L.facilitatorShareSentence, formatPercent(note.facilitatorShare, lang)));
    if (note.facilitatorShareUnrecorded) sentences.push(L.facilitatorShareUnrecordedSentence);
    if (note.balance !== undefined) sentences.push(fill(L.balanceSentence, formatPercent(note.balance, lang)));
    if (note.floor?.handsGranted) {
      sentences.push(fill(L.handsSentence, note.floor.handsGranted));
      if (note.floor.averageWaitSec !== undefined) {
        sentences.push(fill(L.handsWaitSentence, formatShortDuration(note.floor.averageWaitSec), formatShortDuration(note.floor.longestWaitSec ?? 0)));
      }
    }
    for (const round of note.floor?.goArounds ?? []) {
      sentences.push(fill(L.goAroundSentence, formatTime(round.at, lang, tz), round.turns, formatShortDuration(round.perPersonSec)));
      if (round.skipped) sentences.push(fill(L.goAroundSkipped, round.skipped));
    }
    if (sentences.length) paragraph(sentences.join(' '));
    if (note.speakers?.length) {
      blocks.push({
        type: 'table',
        role: 'speakers',
        head: [L.participants, L.speakingTime, L.share, L.turns],
        numeric: [false, true, true, true],
        rows: note.speakers.map((s) => [s.name, formatMinutes(s.speakingSec), formatPercent(s.share, lang), String(s.turns)]),
      });
    }
    if (note.floor?.grants?.length) {
      heading(3, L.floorGrants);
      blocks.push({
        type: 'list',
        items: note.floor.grants.map((g) => [{ text: fill(L.floorGrantLine, formatTime(g.at, lang, tz), g.name, formatShortDuration(g.waitedSec)) }]),
      });
    }
  }

  yield* progress.finish();
  const by = summary.exportedBy ? `, ${summary.exportedBy}` : '';
  // Every format writes this outline: one pass here keeps a capture's bidi override from
  // reordering its line in Markdown, HTML and Word alike.
  const clean = withoutBidiControls;
  const runs = (rs: Run[]) => rs.map((r) => ({ ...r, text: clean(r.text) }));
  const cleaned = blocks.map((b): Block => {
    switch (b.type) {
      case 'heading':
        return { ...b, text: clean(b.text) };
      case 'paragraph':
        return { ...b, runs: runs(b.runs) };
      case 'list':
        return { ...b, items: b.items.map(runs) };
      case 'facts':
        return { ...b, items: b.items.map((i) => ({ label: clean(i.label), value: clean(i.value) })) };
      case 'table':
        return { ...b, head: b.head.map(clean), rows: b.rows.map((r) => r.map(clean)), ...(b.foot ? { foot: b.foot.map(clean) } : {}) };
    }
  });
  return { lang, title: clean(summary.title), blocks: cleaned, footer: clean(`${L.generatedBy} · ${formatDateTime(summary.exportedAt, lang, tz)}${by}`) };
}

function agenda(summary: WorkshopSummary, lang: Lang, tz: string | undefined, blocks: Block[]): void {
  const L = labels(lang);
  const { rows, plannedSec, actualSec, outcome, deltaSec, ranCount, reschedules } = summary.agenda;
  // Not every phase was held (yet): the sentence counts phases, and the total has no over/under.
  const partial = outcome === 'ended-early' || outcome === 'in-progress';
  blocks.push({ type: 'heading', level: 2, text: L.agenda });
  blocks.push({
    type: 'paragraph',
    runs: [{ text: fill(L.planSentence[outcome], formatMinutes(plannedSec), formatMinutes(actualSec ?? 0), partial ? ranCount : formatMinutes(deltaSec ?? 0), rows.length) }],
  });
  const deltaText = (delta: number | undefined) =>
    delta === undefined || Math.abs(delta) < 60 ? '' : `${delta > 0 ? '+' : '\u2212'}${formatMinutes(delta)}`;
  // When phases started; a phase not held has no start. Before anything ran, the planned starts,
  // under a heading that says so: planned and actual times never share the column.
  const held = rows.some((row) => row.actualStartMs !== undefined);
  blocks.push({
    type: 'table',
    role: 'agenda',
    head: [held ? L.start : L.plannedStart, L.phase, L.planned, L.actual, L.delta],
    numeric: [true, false, true, true, true],
    rows: rows.map((row) => {
      const start = held ? row.actualStartMs : row.plannedStartMs;
      return [
        start === undefined ? '' : formatTime(start, lang, tz),
        row.title,
        formatMinutes(row.plannedSec),
        row.actualSec === undefined
          ? outcome === 'in-progress' ? L.notYet : L.notRun
          : row.current ? fill(L.soFar, formatMinutes(row.actualSec)) : formatMinutes(row.actualSec),
        deltaText(row.deltaSec),
      ];
    }),
    foot: ['', L.total, formatMinutes(plannedSec), actualSec === undefined ? L.notRun : formatMinutes(actualSec), partial ? '' : deltaText(deltaSec)],
  });
  if (reschedules.length) {
    blocks.push({ type: 'heading', level: 3, text: L.reschedules });
    blocks.push({ type: 'list', items: reschedules.map((r) => [{ text: rescheduleLine(r, lang, tz) }]) });
  }
}

function rescheduleLine(r: RescheduleRow, lang: Lang, tz: string | undefined): string {
  const L = labels(lang);
  // Clicks over a few minutes read as a span ("klo 10.45–10.47"); within one minute, as one time.
  const from = formatTime(r.at, lang, tz);
  const until = r.untilAt === undefined ? from : formatTime(r.untilAt, lang, tz);
  const at = until === from ? from : `${from}\u2013${until}`;
  switch (r.type) {
    case 'extend':
      return fill((r.changeSec ?? 0) >= 0 ? L.rescheduleExtend : L.rescheduleShorten, at, r.phaseTitle ?? '', formatMinutes(r.changeSec ?? 0));
    case 'reschedule':
      return fill(L.rescheduleFit, at, (r.changes ?? []).map((c) => `${c.title} ${formatMinutes(c.fromSec)} \u2192 ${formatMinutes(c.toSec)}`).join(', '));
    case 'move-end':
      return fill(L.rescheduleEnd, at, r.endMs === undefined ? '' : formatTime(r.endMs, lang, tz));
    case 'pause':
      return r.untilAt === undefined ? fill(L.reschedulePaused, from) : fill(L.reschedulePause, at, formatShortDuration(Math.round((r.untilAt - r.at) / 1000)));
  }
}

/**
 * A line of a typed list: "- text" or "• text" (a bullet), "3. text" or "3) text" (numbered, up to
 * three digits, so "2026. vuonna" stays a sentence).
 */
export function listItem(line: string): { text: string; number?: number } | undefined {
  const bullet = /^\s*[-•]\s+(\S.*)$/u.exec(line);
  if (bullet) return { text: bullet[1]!.trim() };
  const numbered = /^\s*(\d{1,3})[.)]\s+(\S.*)$/u.exec(line);
  if (numbered) return { text: numbered[2]!.trim(), number: Number(numbered[1]) };
  return undefined;
}
