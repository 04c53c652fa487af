import { EVALUATION_VIEWS, MAP_DIMENSIONS, MAP_TIMES, mapFieldOf, type Capture } from '../capture/schema';
import { isChosen } from '../series/experiments';
import { methodLabels } from '../series/labels';
import { developmentMap, mapIsEmpty } from '../series/map';
import { rankCandidates, voteCandidates } from '../series/votes';
import { formatIsoDate } from './format';
import type { Lang } from './labels';
import type { SeriesPart } from './model';
import type { Block } from './outline';

// The Change Dialogue's artifacts in a summary: the development map as a grid, the vote's result,
// and each experiment's evaluation. Every format renders these blocks (Markdown as tables, HTML
// and Word as real tables); CSV and JSON carry the same as fields of each capture.

/** An experiment's plan in a capture's grey detail: chosen to try or not, from–to, what is tried, the map field. */
export function experimentMeta(c: Capture, lang: Lang): string[] {
  const M = methodLabels(lang);
  const meta: string[] = [];
  const plan = c.experiment;
  // Every experiment of the vote was listed alike, chosen or not (found in a Finnish walk-through).
  if (c.kind === 'experiment') meta.push(isChosen(c) ? M.experiment.chosen : M.experiment.notChosen);
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

/** The series fact of a workshop's summary: the series' title and the workshop's place in it. */
export function seriesFact(title: string, series: SeriesPart | undefined, lang: Lang): string {
  const p = series?.position;
  return p ? `${title} (${methodLabels(lang).position(p.number, p.count)})` : title;
}

/** A series summary's workshops in order, held or not yet. */
export function seriesWorkshopBlocks(series: SeriesPart | undefined, lang: Lang): Block[] {
  const M = methodLabels(lang);
  if (!series?.workshops?.length) return [];
  return [
    { type: 'heading', level: 2, text: M.workshops },
    {
      type: 'list',
      items: series.workshops.map((w) => [{ text: w.title }, { text: ` (${w.held ? (w.date ? formatIsoDate(w.date, lang) : M.held) : M.notYet})`, meta: true }]),
    },
  ];
}

/** The participants' evaluation of the virtual co-development process. */
export function processBlocks(series: SeriesPart | undefined, lang: Lang): Block[] {
  const M = methodLabels(lang);
  const p = series?.processEvaluation;
  if (!p || !(p.score || p.worked?.trim() || p.improve?.trim())) return [];
  const items: { label: string; value: string }[] = [];
  if (p.score) items.push({ label: M.process.score, value: `${p.score}/5` });
  if (p.worked?.trim()) items.push({ label: M.process.worked, value: p.worked.trim() });
  if (p.improve?.trim()) items.push({ label: M.process.improve, value: p.improve.trim() });
  return [{ type: 'heading', level: 2, text: M.process.title }, { type: 'facts', items }];
}

/** What a summary adds for the method: the series' workshops, the map, vote, evaluations and the process evaluation. */
export function methodBlocks(summary: { allCaptures: Capture[]; evaluatedExperiments?: Capture[]; series?: SeriesPart }, lang: Lang): Block[] {
  return [
    ...seriesWorkshopBlocks(summary.series, lang),
    ...mapBlocks(summary.allCaptures, lang),
    ...voteBlocks(summary.allCaptures, lang),
    ...evaluationBlocks([...summary.allCaptures, ...(summary.evaluatedExperiments ?? [])], lang),
    ...processBlocks(summary.series, lang),
  ];
}
