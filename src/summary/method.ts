import { EVALUATION_VIEWS, MAP_DIMENSIONS, MAP_TIMES, mapFieldOf, type Capture } from '../capture/schema';
import { methodLabels } from '../series/labels';
import { developmentMap, mapIsEmpty } from '../series/map';
import { rankCandidates, voteCandidates } from '../series/votes';
import { formatIsoDate } from './format';
import type { Lang } from './labels';
import type { Block } from './outline';

// The Change Dialogue's artifacts in a summary: the development map as a grid, the vote's result,
// and each experiment's evaluation. Every format renders these blocks (Markdown as tables, HTML
// and Word as real tables); CSV and JSON carry the same as fields of each capture.

/** An experiment's plan in a capture's grey detail: from–to, what is tried, the map field. */
export function experimentMeta(c: Capture, lang: Lang): string[] {
  const M = methodLabels(lang);
  const meta: string[] = [];
  const plan = c.experiment;
  if (plan?.start || plan?.end) meta.push(`${plan.start ? formatIsoDate(plan.start, lang) : ''}–${plan.end ? formatIsoDate(plan.end, lang) : ''}`);
  if (plan?.tried?.trim()) meta.push(`${M.experiment.tried}: ${plan.tried.trim()}`);
  if (c.kind === 'experiment' && c.mapField) meta.push(`${M.experiment.addresses}: ${M.fields[c.mapField]}`);
  return meta;
}

/** The map grid of `captures` (nothing when no capture is on the map). */
export function mapBlocks(captures: readonly Capture[], lang: Lang, level: 2 | 3 = 2): Block[] {
  const M = methodLabels(lang);
  const map = developmentMap(captures);
  if (mapIsEmpty(map)) return [];
  return [
    { type: 'heading', level, text: M.map },
    {
      type: 'table',
      role: 'map',
      head: ['', M.times.now, M.times.future],
      // One note per line in a field; renderers keep the lines apart.
      rows: MAP_DIMENSIONS.map((dimension) => [
        M.dimensions[dimension],
        ...MAP_TIMES.map((time) => map[mapFieldOf(dimension, time)].map((c) => c.text.trim().replace(/\s+/gu, ' ')).join('\n') || M.emptyField),
      ]),
      numeric: [false, false, false],
    },
  ];
}

/** The dot vote's result, most votes first (nothing before anyone has voted). */
export function voteBlocks(captures: readonly Capture[], lang: Lang, level: 2 | 3 = 2): Block[] {
  const M = methodLabels(lang);
  const ranked = rankCandidates(voteCandidates(captures));
  if (!ranked.some((r) => r.votes > 0)) return [];
  return [
    { type: 'heading', level, text: M.vote },
    {
      type: 'table',
      role: 'vote',
      head: [M.experiment.rank, M.experiment.candidate, M.experiment.votes],
      rows: ranked.map((r) => [String(r.rank), `#${r.number} ${r.capture.text.trim()}`, String(r.votes)]),
      numeric: [true, false, true],
    },
  ];
}

/** Each evaluated experiment: the three views with their rating and notes, and the decision. */
export function evaluationBlocks(captures: readonly Capture[], lang: Lang, level: 2 | 3 = 2): Block[] {
  const M = methodLabels(lang);
  const evaluated = voteCandidates(captures).filter((c) => c.evaluation);
  if (!evaluated.length) return [];
  const blocks: Block[] = [{ type: 'heading', level, text: M.evaluation }];
  for (const c of evaluated) {
    const e = c.evaluation!;
    blocks.push({ type: 'heading', level: (level + 1) as 3 | 4, text: c.text.trim() });
    const items = EVALUATION_VIEWS.flatMap((view) => {
      const v = e[view];
      if (!v?.score && !v?.notes?.trim()) return [];
      const value = [v.score ? `${v.score}/5` : '', v.notes?.trim() ?? ''].filter(Boolean).join(' – ');
      return [{ label: M.views[view], value }];
    });
    if (e.decision) items.push({ label: M.experiment.decision, value: M.decisions[e.decision] });
    if (items.length) blocks.push({ type: 'facts', items });
  }
  return blocks;
}

/** What a workshop's summary adds for the method: its map, vote and evaluations. */
export function methodBlocks(summary: { allCaptures: Capture[]; lang: Lang }, lang: Lang): Block[] {
  return [...mapBlocks(summary.allCaptures, lang), ...voteBlocks(summary.allCaptures, lang), ...evaluationBlocks(summary.allCaptures, lang)];
}
