import type { Capture } from '../capture/schema';
import type { Script } from '../script/schema';
import { computeRunState, type Run } from '../script/timing';
import { speakingStats } from '../turns/stats';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, type WorkshopExport } from './model';

// From what the store holds about one workshop to the export document every renderer reads.
// Pure, so the panel, the options page and tests build exactly the same document.

export interface WorkshopContents {
  workshop: {
    id: string;
    title: string;
    goal: string;
    lang: 'fi' | 'en';
    workshopIndex: number;
    createdAt: number;
    includeParticipants: boolean;
    includeStats: boolean;
  };
  script: Script;
  run: Run;
  captures: Capture[];
  participants: { key: string; name: string }[];
  turns: { participantKey: string; startAt: number; endAt: number }[];
  prompts: { cardId: string; phaseId?: string; at: number; action: 'shown' | 'used' | 'dismissed' | 'snoozed' }[];
  facilitatorKeys?: string[];
}

export interface ExportOptions {
  now: number;
  exportedBy?: string;
  /** The card's title in the export's language (cards live in the prompt library, not the store). */
  cardTitle: (cardId: string) => string;
  includeParticipants?: boolean;
  includeStats?: boolean;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function exportFromWorkshop(contents: WorkshopContents, opts: ExportOptions): WorkshopExport {
  const { workshop, script, run } = contents;
  const source = script.workshops[workshop.workshopIndex];
  const state = computeRunState(run, opts.now);
  const plannedStart = source?.plannedStart ? Date.parse(source.plannedStart) : state.startedAtMs;
  let cursor = plannedStart;
  const agenda = state.phases.map((phase) => {
    const scripted = source?.phases.find((p) => p.id === phase.id);
    const row = {
      phaseId: phase.id,
      title: phase.title,
      kind: scripted?.kind ?? 'plenary',
      ...(cursor !== undefined ? { plannedStartMs: cursor } : {}),
      plannedSec: phase.plannedSec,
      ...(phase.actualStartMs !== undefined ? { actualStartMs: phase.actualStartMs } : {}),
      ...(phase.actualEndMs !== undefined ? { actualEndMs: phase.actualEndMs } : {}),
      ...(phase.actualSec !== undefined ? { actualSec: phase.actualSec } : {}),
    };
    if (cursor !== undefined) cursor += phase.plannedSec * 1000;
    return row;
  });
  const intermediateTask = source?.phases
    .filter((p) => p.kind === 'intermediate-task')
    .map((p) => [p.title, p.participantInstructions].filter(Boolean).join(': '))
    .join('\n');
  const includeParticipants = opts.includeParticipants ?? workshop.includeParticipants;
  const includeStats = opts.includeStats ?? workshop.includeStats;
  const names = new Map(contents.participants.map((p) => [p.key, p.name]));
  const firstTurn = contents.turns.reduce((min, t) => Math.min(min, t.startAt), Infinity);
  const lastTurn = contents.turns.reduce((max, t) => Math.max(max, t.endAt), 0);
  const stats =
    includeStats && contents.turns.length
      ? speakingStats({
          turns: contents.turns,
          participants: contents.participants,
          facilitatorKeys: contents.facilitatorKeys ?? [],
          window: { from: state.startedAtMs ?? firstTurn, to: state.finishedAtMs ?? Math.max(lastTurn, opts.now) },
        })
      : undefined;
  const doc: WorkshopExport = {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: opts.now,
    ...(opts.exportedBy ? { exportedBy: opts.exportedBy } : {}),
    lang: workshop.lang,
    workshop: {
      id: workshop.id,
      title: workshop.title,
      goal: workshop.goal,
      date: isoDate(state.startedAtMs ?? workshop.createdAt),
      seriesTitle: script.title,
      ...(intermediateTask ? { intermediateTask } : {}),
    },
    agenda,
    ...(includeParticipants ? { participants: contents.participants.map((p) => ({ key: p.key, name: p.name })) } : {}),
    captures: contents.captures,
    promptsUsed: contents.prompts
      .filter((p) => p.action !== 'snoozed')
      .map((p) => ({ cardId: p.cardId, title: opts.cardTitle(p.cardId), at: p.at, action: p.action, ...(p.phaseId ? { phaseId: p.phaseId } : {}) })),
    ...(stats
      ? {
          participation: stats.people.map((p) => ({
            key: p.key,
            name: names.get(p.key) ?? p.name,
            speakingSec: Math.round(p.speakingMs / 1000),
            share: p.share,
            turns: p.turnCount,
          })),
          ...(stats.facilitatorShare !== undefined ? { facilitatorShare: stats.facilitatorShare } : {}),
          ...(stats.balance !== undefined ? { balance: stats.balance } : {}),
        }
      : {}),
    includeParticipants,
    includeStats,
  };
  return doc;
}
