import { z } from 'zod';
import { byCreation, Capture, ProcessEvaluation, type CaptureKind, IsoDate, isLive } from '../capture/schema';
import { anonymousFloor, FloorRecord } from './floor';
import { Lang } from '../lang';
import { PromptAction } from '../prompts/rules';
import { chosenFirst } from '../series/experiments';
import { withoutGroupList } from '../series/task';

// The versioned export document: what "Export JSON" writes, what a note-taker sends to the
// facilitator, and what every renderer reads. Bump EXPORT_SCHEMA_VERSION on any change that an
// older reader would misread, and teach parseWorkshopExport to upgrade the older version.

export const EXPORT_FORMAT = 'vuoro-workshop';
export const EXPORT_SCHEMA_VERSION = 1;

const timestamp = z.number().int().nonnegative();
const seconds = z.number().nonnegative();
const share = z.number().min(0).max(1);

export const AgendaPhase = z.object({
  phaseId: z.string().min(1).max(100),
  title: z.string().max(300),
  kind: z.string().max(50),
  plannedStartMs: timestamp.optional(),
  plannedSec: seconds,
  actualStartMs: timestamp.optional(),
  actualEndMs: timestamp.optional(),
  actualSec: seconds.optional(),
});
export type AgendaPhase = z.infer<typeof AgendaPhase>;

/** A change to the timetable during the run: one phase extended or shortened, the rest fitted to the end, or the end moved. */
export const RescheduleRecord = z.object({
  at: timestamp,
  type: z.enum(['extend', 'reschedule', 'move-end']),
  /** 'extend': the phase that got (or lost) the time. */
  phaseId: z.string().max(100).optional(),
  /** 'extend': seconds added, negative when taken. */
  changeSec: z.number().int().min(-86_400).max(86_400).optional(),
  /** 'reschedule': each phase whose time changed. */
  changes: z.array(z.object({ phaseId: z.string().max(100), fromSec: seconds, toSec: seconds })).max(200).optional(),
  /** 'move-end': the new end. */
  endMs: timestamp.optional(),
});
export type RescheduleRecord = z.infer<typeof RescheduleRecord>;

export const ExportParticipant = z.object({ key: z.string().min(1).max(300), name: z.string().max(200) });
export type ExportParticipant = z.infer<typeof ExportParticipant>;

export const PromptUse = z.object({
  cardId: z.string().min(1).max(100),
  title: z.string().max(300),
  phaseId: z.string().max(100).optional(),
  at: timestamp,
  action: PromptAction,
});
export type PromptUse = z.infer<typeof PromptUse>;

export const SpeakerStats = z.object({
  key: z.string().min(1).max(300),
  name: z.string().max(200),
  speakingSec: seconds,
  share,
  turns: z.number().int().nonnegative(),
});
export type SpeakerStats = z.infer<typeof SpeakerStats>;

export const SeriesPart = z.object({
  /** This workshop's number in the series (1…) and how many the series has. */
  position: z.object({ number: z.number().int().min(1).max(50), count: z.number().int().min(1).max(50) }).optional(),
  /** In a series summary: the series' workshops in order. */
  workshops: z.array(z.object({ title: z.string().max(300), date: IsoDate.optional(), held: z.boolean() })).max(50).optional(),
  processEvaluation: ProcessEvaluation.optional(),
});
export type SeriesPart = z.infer<typeof SeriesPart>;

export const WorkshopExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  exportedAt: timestamp,
  exportedBy: z.string().max(80).optional(),
  lang: Lang,
  workshop: z.object({
    id: z.string().min(1).max(100),
    title: z.string().max(300),
    goal: z.string().max(4000),
    date: IsoDate.optional(),
    seriesTitle: z.string().max(300).optional(),
    intermediateTask: z.string().max(4000).optional(),
    /** The facilitator's introduction, written for the readers before export. */
    introduction: z.string().max(10_000).optional(),
    /** The Change Dialogue series: a workshop's place in it, or (in a series summary) its workshops and the process evaluation. */
    series: SeriesPart.optional(),
  }),
  agenda: z.array(AgendaPhase).max(200),
  reschedules: z.array(RescheduleRecord).max(5000).optional(),
  /**
   * The run's pauses, from the pause to the resume (absent while still paused): the phase times
   * leave them out, so without them the agenda's start times and durations did not add up.
   */
  pauses: z.array(z.object({ at: timestamp, untilAt: timestamp.optional() })).max(5000).optional(),
  /** Only when includeParticipants: names are personal data and the user chooses. */
  participants: z.array(ExportParticipant).max(1000).optional(),
  captures: z.array(Capture).max(200_000),
  /**
   * In the last workshop of a series: the series' experiments evaluated so far. They were captured in
   * an earlier workshop (they are not this workshop's captures, and an import leaves them out), but
   * their evaluation is what this workshop produced, and its summary reports it.
   */
  evaluatedExperiments: z.array(Capture).max(500).optional(),
  promptsUsed: z.array(PromptUse).max(10_000),
  /** Only when includeStats. */
  participation: z.array(SpeakerStats).max(1000).optional(),
  /**
   * Only when includeStats and not includeParticipants: the group figures of the speaker table
   * (how many turns, how many people spoke), which name no one.
   */
  turnTotals: z.object({ turns: z.number().int().min(0), speakers: z.number().int().min(0) }).optional(),
  facilitatorShare: share.optional(),
  /**
   * Facilitators were marked and others heard, but none of the facilitators' own speech was recorded
   * (Teams shows none of your own, and nobody pressed "I am talking"): no share is given, and the
   * note says why.
   */
  facilitatorShareUnrecorded: z.literal(true).optional(),
  /** 1 when everyone spoke equally, towards 0 when one voice dominated. */
  balance: share.optional(),
  /** Only when includeStats; names only when includeParticipants. */
  floor: z.array(FloorRecord).max(10_000).optional(),
  includeParticipants: z.boolean(),
  includeStats: z.boolean(),
  /**
   * The workshop was still running (or paused) when exported, in this phase: the phases not begun
   * are still to come, not skipped. Absent in a finished workshop's export and in older files
   * (read as before).
   */
  inProgress: z.object({ currentPhaseId: z.string().min(1).max(100) }).optional(),
  /** Page addresses keep their query and fragment (which can hold meeting passcodes) only when the user says so. */
  keepFullUrls: z.boolean().optional(),
});
export type WorkshopExport = z.infer<typeof WorkshopExport>;

/**
 * The document as it may leave the device, whatever the format: participant names, chat authors and
 * the intermediate task's list of pairs and groups only if the user chose to include them, speaking statistics and floor records only if the user
 * chose those, page addresses without query or fragment (Zoom's ?pwd= passcode) unless the user keeps
 * them, and deleted captures reduced to what a merge needs to delete them too (id, kind, times): never
 * their text. Captures merged into another keep their text (the merge can be undone after an import).
 */
export function withoutExcluded(doc: WorkshopExport): WorkshopExport {
  const out = { ...doc };
  if (!doc.includeParticipants) {
    delete out.participants;
    // The intermediate task stays; its list of pairs and groups is a list of names.
    if (doc.workshop.intermediateTask !== undefined) out.workshop = { ...doc.workshop, intermediateTask: withoutGroupList(doc.workshop.intermediateTask) };
    // A speaker table is a list of names; only the group figures stay. The turns and the number of
    // people who spoke are group figures too (the note read without them when names were left out).
    if (doc.participation) out.turnTotals = turnTotalsOf(doc.participation);
    delete out.participation;
    if (out.floor) out.floor = anonymousFloor(out.floor);
  }
  if (!doc.includeStats) {
    delete out.participation;
    delete out.turnTotals;
    delete out.facilitatorShare;
    delete out.facilitatorShareUnrecorded;
    delete out.balance;
    delete out.floor;
  }
  out.captures = doc.captures.map((c) => exportableCapture(c, doc.includeParticipants, doc.keepFullUrls === true));
  if (doc.evaluatedExperiments) out.evaluatedExperiments = doc.evaluatedExperiments.map((c) => exportableCapture(c, doc.includeParticipants, doc.keepFullUrls === true));
  return out;
}

function exportableCapture(capture: Capture, withAuthor: boolean, fullUrls: boolean): Capture {
  if (capture.deletedAt !== undefined) {
    const { id, workshopId, kind, createdAt, updatedAt, deletedAt, source } = capture;
    return { id, workshopId, kind, text: '', tags: [], source: { type: source.type }, createdAt, updatedAt, votes: 0, deletedAt };
  }
  const { author, url, ...source } = capture.source;
  const keptUrl = url === undefined ? undefined : fullUrls ? url : withoutQuery(url);
  if (author === (withAuthor ? author : undefined) && keptUrl === url) return capture;
  return {
    ...capture,
    source: { ...source, ...(withAuthor && author !== undefined ? { author } : {}), ...(keptUrl ? { url: keptUrl } : {}) },
  };
}

/** An address without its query string and fragment; text that is no URL is dropped, since it cannot be checked. */
export function withoutQuery(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

export interface AgendaRow {
  phaseId: string;
  title: string;
  kind: string;
  plannedStartMs?: number;
  plannedSec: number;
  actualStartMs?: number;
  /** Undefined when the phase was never run. */
  actualSec?: number;
  /** actual − planned, in seconds; positive means the phase ran over. */
  deltaSec?: number;
  /** The phase the workshop was in when exported, still running: its time is so far, and no delta. */
  current?: true;
}

/** How the run compares with the plan, in the words the summary uses. */
export type AgendaOutcome = 'not-run' | 'in-progress' | 'ended-early' | 'over' | 'under' | 'on-time';

/** Within a minute of the plan counts as on time: nobody reads seconds in a summary. */
export const ON_TIME_SEC = 60;

export interface ThemeGroup {
  /** Undefined for captures without a theme. */
  theme?: string;
  captures: Capture[];
}

export interface PhaseGroup {
  /** Undefined for captures made outside any phase. */
  phaseId?: string;
  title?: string;
  themes: ThemeGroup[];
}

export interface RescheduleRow {
  at: number;
  /** The last of several clicks condensed into this row ("+5 min" six times), when later than `at`. */
  untilAt?: number;
  /** 'pause': from the pause (`at`) to the resume (`untilAt`, absent while still paused). */
  type: RescheduleRecord['type'] | 'pause';
  phaseTitle?: string;
  changeSec?: number;
  changes?: { title: string; fromSec: number; toSec: number }[];
  endMs?: number;
}

export interface CardUse {
  cardId: string;
  title: string;
  /** Times the facilitator used the card. */
  count: number;
  firstAt: number;
  phaseTitles: string[];
}

export interface FloorSummary {
  /** Hands given the floor. */
  handsGranted: number;
  averageWaitSec?: number;
  longestWaitSec?: number;
  /** Who got the floor and how long they waited; only with participant names. */
  grants?: { name: string; at: number; waitedSec: number }[];
  goArounds: { at: number; turns: number; skipped: number; perPersonSec: number }[];
}

export interface FacilitationNote {
  /** Speaking turns of everyone together. */
  turnCount: number;
  speakerCount: number;
  facilitatorShare?: number;
  /** No share, because none of the facilitators' own speech was recorded. */
  facilitatorShareUnrecorded?: true;
  balance?: number;
  /** Per person, only when the user included participant names. */
  speakers?: SpeakerStats[];
  floor?: FloorSummary;
}

export interface WorkshopSummary {
  lang: Lang;
  title: string;
  goal: string;
  introduction?: string;
  date?: string;
  seriesTitle?: string;
  series?: SeriesPart;
  exportedAt: number;
  exportedBy?: string;
  participants?: ExportParticipant[];
  /** First in the document: what was decided and who does what by when. */
  decisions: Capture[];
  /** Earliest due date first; those without a due date last. */
  actions: Capture[];
  experiments: Capture[];
  intermediateTask?: string;
  /** The other live captures by phase (agenda order, then unknown phases, then none), then theme. */
  phases: PhaseGroup[];
  /** Every live capture, in phase order: for spreadsheets. */
  allCaptures: Capture[];
  /** The series' experiments evaluated so far, in its last workshop (see WorkshopExport). */
  evaluatedExperiments?: Capture[];
  captureCount: number;
  agenda: {
    rows: AgendaRow[];
    plannedSec: number;
    /** Sum over the phases that were run. */
    actualSec?: number;
    ranCount: number;
    outcome: AgendaOutcome;
    /** actual − planned over the whole workshop; for 'over' and 'under'. */
    deltaSec?: number;
    reschedules: RescheduleRow[];
  };
  /** The cards the facilitator acted on, most used first; not every card shown. */
  cardsUsed: CardUse[];
  /** Cards shown but never used: one number instead of a log. */
  cardsShownNotUsed: number;
  /** Only when the user included statistics. */
  facilitation?: FacilitationNote;
  includeParticipants: boolean;
}

/** The kinds listed up front; the phase sections list the rest. */
const HIGHLIGHTED_KINDS: readonly CaptureKind[] = ['decision', 'action', 'experiment'];

export function actualSecOf(phase: AgendaPhase): number | undefined {
  if (phase.actualSec !== undefined) return phase.actualSec;
  if (phase.actualStartMs !== undefined && phase.actualEndMs !== undefined) {
    return Math.max(0, Math.round((phase.actualEndMs - phase.actualStartMs) / 1000));
  }
  return undefined;
}

/** The summary as data: every renderer formats this and decides nothing itself. */
export function buildSummary(input: WorkshopExport): WorkshopSummary {
  const doc = withoutExcluded(input);
  const rows: AgendaRow[] = doc.agenda.map((phase) => {
    const actualSec = actualSecOf(phase);
    const current = doc.inProgress?.currentPhaseId === phase.phaseId;
    return {
      phaseId: phase.phaseId,
      title: phase.title,
      kind: phase.kind,
      plannedStartMs: phase.plannedStartMs,
      plannedSec: phase.plannedSec,
      actualStartMs: phase.actualStartMs,
      actualSec,
      deltaSec: actualSec === undefined || current ? undefined : actualSec - phase.plannedSec,
      ...(current ? { current: true as const } : {}),
    };
  });
  const ran = rows.filter((r) => r.actualSec !== undefined);
  const plannedSec = sum(rows.map((r) => r.plannedSec));
  const actualSec = ran.length ? sum(ran.map((r) => r.actualSec!)) : undefined;
  const deltaSec = actualSec === undefined ? undefined : actualSec - plannedSec;
  const outcome: AgendaOutcome =
    actualSec === undefined
      ? 'not-run'
      : doc.inProgress
        ? 'in-progress'
        : ran.length < rows.length
        ? 'ended-early'
        : Math.abs(deltaSec!) < ON_TIME_SEC
          ? 'on-time'
          : deltaSec! > 0
            ? 'over'
            : 'under';
  const phaseTitles = new Map(doc.agenda.map((p) => [p.phaseId, p.title]));

  const live = doc.captures.filter(isLive).sort(byCreation);
  const highlighted = new Set<CaptureKind>(HIGHLIGHTED_KINDS);
  const byPhase = groupByPhase(live, doc.agenda);
  // Those chosen to try first, each part in creation order (the order of the vote's numbers).
  const experiments = chosenFirst(live.filter((c) => c.kind === 'experiment'), (c) => c);

  const summary: WorkshopSummary = {
    lang: doc.lang,
    title: doc.workshop.title,
    goal: doc.workshop.goal,
    ...(doc.workshop.introduction?.trim() ? { introduction: doc.workshop.introduction } : {}),
    date: doc.workshop.date,
    seriesTitle: doc.workshop.seriesTitle,
    ...(doc.workshop.series ? { series: doc.workshop.series } : {}),
    exportedAt: doc.exportedAt,
    exportedBy: doc.exportedBy,
    decisions: live.filter((c) => c.kind === 'decision'),
    actions: live.filter((c) => c.kind === 'action').sort(byDue),
    experiments: [...experiments.chosen, ...experiments.others],
    intermediateTask: doc.workshop.intermediateTask,
    phases: byPhase
      .map((g) => ({ ...g, captures: g.captures.filter((c) => !highlighted.has(c.kind)) }))
      .filter((g) => g.captures.length)
      .map((g) => ({ phaseId: g.phaseId, title: g.title, themes: groupByTheme(g.captures) })),
    allCaptures: byPhase.flatMap((g) => g.captures),
    captureCount: live.length,
    agenda: {
      rows,
      plannedSec,
      actualSec,
      ranCount: ran.length,
      outcome,
      ...(outcome === 'over' || outcome === 'under' ? { deltaSec } : {}),
      // The pauses among the changes, in time order: a reader sees why a phase's start and length differ.
      reschedules: [
        ...condenseReschedules(doc.reschedules ?? []).map((r) => rescheduleRow(r, phaseTitles)),
        ...(doc.pauses ?? []).map((p): RescheduleRow => ({ at: p.at, type: 'pause', ...(p.untilAt !== undefined ? { untilAt: p.untilAt } : {}) })),
      ].sort((a, b) => a.at - b.at),
    },
    ...cardUses(doc.promptsUsed, phaseTitles),
    includeParticipants: doc.includeParticipants,
  };
  const evaluated = (doc.evaluatedExperiments ?? []).filter(isLive);
  if (evaluated.length) summary.evaluatedExperiments = evaluated;
  if (doc.includeParticipants && doc.participants) summary.participants = doc.participants;
  if (doc.includeStats) {
    const facilitation = facilitationNote(doc);
    if (facilitation) summary.facilitation = facilitation;
  }
  return summary;
}

type CondensedRecord = RescheduleRecord & { untilAt?: number };

/**
 * One line per change as the readers see it, not per click: back-to-back extensions of the same
 * phase are summed (six "+5 min" are "30 min more"; added and taken back to nothing, no line), and
 * back-to-back moves of the end keep the last end. The export keeps every record.
 */
export function condenseReschedules(records: readonly RescheduleRecord[]): CondensedRecord[] {
  const out: CondensedRecord[] = [];
  for (const r of [...records].sort((a, b) => a.at - b.at)) {
    const last = out[out.length - 1];
    if (last?.type === 'extend' && r.type === 'extend' && last.phaseId === r.phaseId) {
      out[out.length - 1] = { ...last, changeSec: (last.changeSec ?? 0) + (r.changeSec ?? 0), untilAt: r.at };
    } else if (last?.type === 'move-end' && r.type === 'move-end') {
      out[out.length - 1] = { ...last, ...(r.endMs !== undefined ? { endMs: r.endMs } : {}), untilAt: r.at };
    } else {
      out.push(r);
    }
  }
  return out.filter((r) => r.type !== 'extend' || (r.changeSec ?? 0) !== 0);
}

function rescheduleRow(r: CondensedRecord, titles: Map<string, string>): RescheduleRow {
  const title = (id: string) => titles.get(id) ?? id;
  return {
    at: r.at,
    ...(r.untilAt !== undefined && r.untilAt > r.at ? { untilAt: r.untilAt } : {}),
    type: r.type,
    ...(r.phaseId !== undefined ? { phaseTitle: title(r.phaseId) } : {}),
    ...(r.changeSec !== undefined ? { changeSec: r.changeSec } : {}),
    ...(r.changes ? { changes: r.changes.map((c) => ({ title: title(c.phaseId), fromSec: c.fromSec, toSec: c.toSec })) } : {}),
    ...(r.endMs !== undefined ? { endMs: r.endMs } : {}),
  };
}

function cardUses(uses: readonly PromptUse[], titles: Map<string, string>): { cardsUsed: CardUse[]; cardsShownNotUsed: number } {
  const used = new Map<string, CardUse>();
  const shown = new Set<string>();
  for (const use of [...uses].sort((a, b) => a.at - b.at)) {
    if (use.action !== 'used') {
      shown.add(use.cardId);
      continue;
    }
    let entry = used.get(use.cardId);
    if (!entry) used.set(use.cardId, (entry = { cardId: use.cardId, title: use.title, count: 0, firstAt: use.at, phaseTitles: [] }));
    entry.count++;
    const phase = use.phaseId === undefined ? undefined : titles.get(use.phaseId);
    if (phase !== undefined && !entry.phaseTitles.includes(phase)) entry.phaseTitles.push(phase);
  }
  return {
    cardsUsed: [...used.values()].sort((a, b) => b.count - a.count || a.firstAt - b.firstAt),
    cardsShownNotUsed: [...shown].filter((id) => !used.has(id)).length,
  };
}

/** The speaker table's group figures: how many turns, and how many people had one. */
function turnTotalsOf(stats: readonly SpeakerStats[]): { turns: number; speakers: number } {
  return { turns: sum(stats.map((s) => s.turns)), speakers: stats.filter((s) => s.turns > 0).length };
}

function facilitationNote(doc: WorkshopExport): FacilitationNote | undefined {
  const speakers = [...(doc.participation ?? [])].sort((a, b) => b.speakingSec - a.speakingSec);
  const floor = floorSummary(doc.floor ?? [], doc.includeParticipants);
  if (!speakers.length && !doc.turnTotals && doc.facilitatorShare === undefined && !doc.facilitatorShareUnrecorded && doc.balance === undefined && !floor) return undefined;
  const totals = speakers.length ? turnTotalsOf(speakers) : (doc.turnTotals ?? { turns: 0, speakers: 0 });
  return {
    turnCount: totals.turns,
    speakerCount: totals.speakers,
    ...(doc.facilitatorShare !== undefined ? { facilitatorShare: doc.facilitatorShare } : {}),
    ...(doc.facilitatorShareUnrecorded ? { facilitatorShareUnrecorded: true as const } : {}),
    ...(doc.balance !== undefined ? { balance: doc.balance } : {}),
    ...(doc.includeParticipants && speakers.length ? { speakers } : {}),
    ...(floor ? { floor } : {}),
  };
}

function floorSummary(records: readonly FloorRecord[], withNames: boolean): FloorSummary | undefined {
  if (!records.length) return undefined;
  const hands = records.filter((r) => r.type === 'hand').sort((a, b) => a.grantedAt - b.grantedAt);
  const waits = hands.map((h) => Math.round((h.grantedAt - h.raisedAt) / 1000));
  return {
    handsGranted: hands.length,
    ...(waits.length ? { averageWaitSec: Math.round(sum(waits) / waits.length), longestWaitSec: Math.max(...waits) } : {}),
    ...(withNames && hands.length ? { grants: hands.map((h, i) => ({ name: h.name, at: h.grantedAt, waitedSec: waits[i]! })) } : {}),
    goArounds: records
      .filter((r) => r.type === 'go-around')
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((r) => ({
        at: r.startedAt,
        turns: r.turns.filter((t) => t.outcome === 'done').length,
        skipped: r.turns.filter((t) => t.outcome !== 'done').length,
        perPersonSec: r.perPersonSec,
      })),
  };
}

function groupByPhase(captures: Capture[], agenda: AgendaPhase[]): { phaseId?: string; title?: string; captures: Capture[] }[] {
  const groups = new Map<string | undefined, { title?: string; captures: Capture[] }>();
  for (const phase of agenda) groups.set(phase.phaseId, { title: phase.title, captures: [] });
  const unphased: Capture[] = [];
  for (const capture of captures) {
    if (capture.phaseId === undefined) {
      unphased.push(capture);
      continue;
    }
    let group = groups.get(capture.phaseId);
    if (!group) {
      group = { title: capture.phaseTitle, captures: [] };
      groups.set(capture.phaseId, group);
    }
    group.captures.push(capture);
  }
  const result: { phaseId?: string; title?: string; captures: Capture[] }[] = [];
  for (const [phaseId, group] of groups) {
    if (group.captures.length) result.push({ phaseId, title: group.title, captures: group.captures });
  }
  if (unphased.length) result.push({ captures: unphased });
  return result;
}

/** Each theme in the order it first came up, then the unthemed ("Other"); within a group, the order they were made. */
function groupByTheme(captures: Capture[]): ThemeGroup[] {
  const groups = new Map<string | undefined, Capture[]>();
  for (const c of captures) {
    const list = groups.get(c.theme);
    if (list) list.push(c);
    else groups.set(c.theme, [c]);
  }
  const unthemed = groups.get(undefined);
  groups.delete(undefined);
  return [...[...groups].map(([theme, list]) => ({ theme: theme!, captures: list })), ...(unthemed ? [{ captures: unthemed }] : [])];
}

function byDue(a: Capture, b: Capture): number {
  if (a.due === b.due) return byCreation(a, b);
  if (a.due === undefined) return 1;
  if (b.due === undefined) return -1;
  return a.due < b.due ? -1 : 1;
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
