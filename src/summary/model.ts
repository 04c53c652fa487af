import { z } from 'zod';
import { byCreation, Capture, CAPTURE_KINDS, type CaptureKind, IsoDate, isLive } from '../capture/schema';
import type { Lang } from './labels';

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

export const ExportParticipant = z.object({ key: z.string().min(1).max(300), name: z.string().max(200) });
export type ExportParticipant = z.infer<typeof ExportParticipant>;

export const PromptUse = z.object({
  cardId: z.string().min(1).max(100),
  title: z.string().max(300),
  phaseId: z.string().max(100).optional(),
  at: timestamp,
  action: z.enum(['shown', 'used', 'dismissed', 'snoozed']),
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

export const WorkshopExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  exportedAt: timestamp,
  exportedBy: z.string().max(80).optional(),
  lang: z.enum(['fi', 'en']),
  workshop: z.object({
    id: z.string().min(1).max(100),
    title: z.string().max(300),
    goal: z.string().max(4000),
    date: IsoDate.optional(),
    seriesTitle: z.string().max(300).optional(),
    intermediateTask: z.string().max(4000).optional(),
  }),
  agenda: z.array(AgendaPhase).max(200),
  /** Only when includeParticipants: names are personal data and the user chooses. */
  participants: z.array(ExportParticipant).max(1000).optional(),
  captures: z.array(Capture).max(200_000),
  promptsUsed: z.array(PromptUse).max(10_000),
  /** Only when includeStats. */
  participation: z.array(SpeakerStats).max(1000).optional(),
  facilitatorShare: share.optional(),
  /** 1 when everyone spoke equally, towards 0 when one voice dominated. */
  balance: share.optional(),
  includeParticipants: z.boolean(),
  includeStats: z.boolean(),
});
export type WorkshopExport = z.infer<typeof WorkshopExport>;

/**
 * The document as it may leave the device: participant names only if the user chose to include
 * them, speaking statistics only if the user chose to include those.
 */
export function withoutExcluded(doc: WorkshopExport): WorkshopExport {
  const out = { ...doc };
  if (!doc.includeParticipants) delete out.participants;
  if (!doc.includeStats) {
    delete out.participation;
    delete out.facilitatorShare;
    delete out.balance;
  }
  return out;
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
}

export interface KindGroup {
  kind: CaptureKind;
  captures: Capture[];
}

export interface PhaseGroup {
  /** Undefined for captures made outside any phase. */
  phaseId?: string;
  title?: string;
  kinds: KindGroup[];
}

export interface WorkshopSummary {
  lang: Lang;
  title: string;
  goal: string;
  date?: string;
  seriesTitle?: string;
  exportedAt: number;
  exportedBy?: string;
  participants?: ExportParticipant[];
  agenda: {
    rows: AgendaRow[];
    plannedSec: number;
    /** Sum over the phases that were run. */
    actualSec?: number;
    deltaSec?: number;
  };
  /** Live captures in agenda order, then phases the agenda does not know, then no phase. */
  phases: PhaseGroup[];
  captureCount: number;
  decisions: Capture[];
  experiments: Capture[];
  /** Earliest due date first; those without a due date last. */
  actions: Capture[];
  intermediateTask?: string;
  /** Captures with votes, most first (at most TOP_VOTED_MAX). */
  topVoted: Capture[];
  promptsUsed: PromptUse[];
  participation?: {
    speakers: SpeakerStats[];
    facilitatorShare?: number;
    balance?: number;
  };
  includeParticipants: boolean;
}

export const TOP_VOTED_MAX = 10;

export function actualSecOf(phase: AgendaPhase): number | undefined {
  if (phase.actualSec !== undefined) return phase.actualSec;
  if (phase.actualStartMs !== undefined && phase.actualEndMs !== undefined) {
    return Math.max(0, Math.round((phase.actualEndMs - phase.actualStartMs) / 1000));
  }
  return undefined;
}

/** The summary as data: every renderer formats this and decides nothing itself. */
export function buildSummary(doc: WorkshopExport): WorkshopSummary {
  const rows: AgendaRow[] = doc.agenda.map((phase) => {
    const actualSec = actualSecOf(phase);
    return {
      phaseId: phase.phaseId,
      title: phase.title,
      kind: phase.kind,
      plannedStartMs: phase.plannedStartMs,
      plannedSec: phase.plannedSec,
      actualStartMs: phase.actualStartMs,
      actualSec,
      deltaSec: actualSec === undefined ? undefined : actualSec - phase.plannedSec,
    };
  });
  const ran = rows.filter((r) => r.actualSec !== undefined);
  const plannedSec = sum(rows.map((r) => r.plannedSec));
  const actualSec = ran.length ? sum(ran.map((r) => r.actualSec!)) : undefined;

  const live = doc.captures.filter(isLive).sort(byCreation);

  const summary: WorkshopSummary = {
    lang: doc.lang,
    title: doc.workshop.title,
    goal: doc.workshop.goal,
    date: doc.workshop.date,
    seriesTitle: doc.workshop.seriesTitle,
    exportedAt: doc.exportedAt,
    exportedBy: doc.exportedBy,
    agenda: {
      rows,
      plannedSec,
      actualSec,
      // Compare only what ran, so a workshop stopped early does not look early.
      deltaSec: actualSec === undefined ? undefined : actualSec - sum(ran.map((r) => r.plannedSec)),
    },
    phases: groupByPhase(live, doc.agenda),
    captureCount: live.length,
    decisions: live.filter((c) => c.kind === 'decision'),
    experiments: live.filter((c) => c.kind === 'experiment'),
    actions: live.filter((c) => c.kind === 'action').sort(byDue),
    intermediateTask: doc.workshop.intermediateTask,
    topVoted: live
      .filter((c) => c.votes > 0)
      .sort((a, b) => b.votes - a.votes || byCreation(a, b))
      .slice(0, TOP_VOTED_MAX),
    promptsUsed: [...doc.promptsUsed].sort((a, b) => a.at - b.at),
    includeParticipants: doc.includeParticipants,
  };
  if (doc.includeParticipants && doc.participants) summary.participants = doc.participants;
  if (doc.includeStats && (doc.participation || doc.facilitatorShare !== undefined || doc.balance !== undefined)) {
    summary.participation = {
      speakers: [...(doc.participation ?? [])].sort((a, b) => b.speakingSec - a.speakingSec),
      facilitatorShare: doc.facilitatorShare,
      balance: doc.balance,
    };
  }
  return summary;
}

function groupByPhase(captures: Capture[], agenda: AgendaPhase[]): PhaseGroup[] {
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
  const result: PhaseGroup[] = [];
  for (const [phaseId, group] of groups) {
    if (group.captures.length) result.push({ phaseId, title: group.title, kinds: groupByKind(group.captures) });
  }
  if (unphased.length) result.push({ kinds: groupByKind(unphased) });
  return result;
}

/** Kinds in a fixed order; within a kind, captures of one theme together (unthemed last). */
function groupByKind(captures: Capture[]): KindGroup[] {
  return CAPTURE_KINDS.map((kind) => ({ kind, captures: captures.filter((c) => c.kind === kind).sort(byTheme) })).filter(
    (g) => g.captures.length > 0,
  );
}

function byTheme(a: Capture, b: Capture): number {
  if (a.theme === b.theme) return byCreation(a, b);
  if (a.theme === undefined) return 1;
  if (b.theme === undefined) return -1;
  return a.theme < b.theme ? -1 : 1;
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
