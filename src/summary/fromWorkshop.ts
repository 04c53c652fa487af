import type { Capture, ProcessEvaluation } from '../capture/schema';
import type { Lang } from '../lang';
import type { PromptAction } from '../prompts/rules';
import type { Script } from '../script/schema';
import { computeRunState, extensionSec, orderedEvents, type Run } from '../script/timing';
import type { LiveEvent } from '../turns/live';
import { peopleView } from '../turns/people';
import { facilitatorSpeechUnrecorded, speakingStats } from '../turns/stats';
import type { FloorRecord } from './floor';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, type RescheduleRecord, type WorkshopExport } from './model';

// From what the store holds about one workshop to the export document every renderer reads.
// Pure, so the panel, the options page and tests build exactly the same document.

export interface WorkshopContents {
  workshop: {
    id: string;
    title: string;
    goal: string;
    lang: Lang;
    workshopIndex: number;
    /** The day it is held (YYYY-MM-DD); absent in a record from before schema v5. */
    date?: string | undefined;
    createdAt: number;
    includeParticipants: boolean;
    includeStats: boolean;
  };
  script: Script;
  run: Run;
  captures: Capture[];
  /** `self` marks the user's own participant (who counts as a facilitator unless unmarked on purpose). */
  participants: { key: string; name: string; self?: boolean }[];
  turns: { participantKey: string; startAt: number; endAt: number }[];
  prompts: { cardId: string; phaseId?: string; at: number; action: PromptAction }[];
  facilitatorKeys?: string[];
  /** Names marked F earlier in the series: the facilitators here too (as in the panel). */
  seriesFacilitators?: string[];
  /** Keys unmarked F on purpose (you as a note-taker, say): participants in the summary too. */
  notFacilitatorKeys?: string[];
  /** Who got the floor: hands given the floor and go-around rounds (src/summary/floor.ts). */
  floor?: FloorRecord[];
  /** The live turn-taking log (hands, floor, go-arounds, pause cues): read with liveFacts(). */
  liveEvents?: LiveEvent[];
  /** The intermediate task as composed for the series (the Series tab), if it has been. */
  seriesIntermediateTask?: string;
  /** In the series' last workshop: the series' experiments evaluated so far (captured earlier). */
  seriesEvaluated?: Capture[];
  /** In the series' last workshop: the participants' evaluation of the process. */
  seriesProcessEvaluation?: ProcessEvaluation;
}

export interface ExportOptions {
  now: number;
  exportedBy?: string;
  /** The card's title in the export's language (cards live in the prompt library, not the store). */
  cardTitle: (cardId: string) => string;
  includeParticipants?: boolean;
  includeStats?: boolean;
  /** Keep page addresses whole, query and fragment included (default: stripped). */
  keepFullUrls?: boolean;
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
  const reschedules = reschedulesOf(run, opts.now);
  const pauses = pausesOf(run, opts.now);
  // The workshop that gives the intermediate task carries it as the participants got it: the
  // series' composed task once there is one (as the series summary does), else the phase's own
  // instructions from the script.
  const taskPhases = source?.phases.filter((p) => p.kind === 'intermediate-task') ?? [];
  const intermediateTask = taskPhases.length
    ? contents.seriesIntermediateTask?.trim() || taskPhases.map((p) => [p.title, p.participantInstructions].filter(Boolean).join(': ')).join('\n')
    : undefined;
  const includeParticipants = opts.includeParticipants ?? workshop.includeParticipants;
  const includeStats = opts.includeStats ?? workshop.includeStats;
  const names = new Map(contents.participants.map((p) => [p.key, p.name]));
  const firstTurn = contents.turns.reduce((min, t) => Math.min(min, t.startAt), Infinity);
  const lastTurn = contents.turns.reduce((max, t) => Math.max(max, t.endAt), 0);
  // Who facilitates is the panel's derivation (src/turns/people.ts), not a copy of it: the summary's
  // facilitator share and balance are the numbers the Turns tab showed.
  const people = peopleView({ recorded: contents.participants, onSite: [], marked: contents.facilitatorKeys ?? [], seriesFacilitators: contents.seriesFacilitators ?? [], declined: contents.notFacilitatorKeys ?? [] });
  const stats =
    includeStats && contents.turns.length
      ? speakingStats({
          turns: contents.turns,
          participants: people.people,
          facilitatorKeys: people.facilitatorKeys,
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
      date: workshop.date ?? isoDate(state.startedAtMs ?? workshop.createdAt),
      // Only a script of several workshops is a series: a one-off meeting's summary read "Series:
      // 50-minute virtual meeting" (found in a walk-through of the exports).
      ...(script.workshops.length > 1
        ? {
            seriesTitle: script.title,
            series: {
              position: { number: workshop.workshopIndex + 1, count: script.workshops.length },
              ...(contents.seriesProcessEvaluation ? { processEvaluation: contents.seriesProcessEvaluation } : {}),
            },
          }
        : {}),
      ...(intermediateTask ? { intermediateTask } : {}),
    },
    agenda,
    ...(reschedules.length ? { reschedules } : {}),
    ...(pauses.length ? { pauses } : {}),
    ...(includeParticipants ? { participants: contents.participants.map((p) => ({ key: p.key, name: p.name })) } : {}),
    captures: contents.captures,
    ...(contents.seriesEvaluated?.length ? { evaluatedExperiments: contents.seriesEvaluated } : {}),
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
          // With nobody facilitating the panel says "mark the facilitators", not 0 %: so does the summary.
          // Nor "0 %" where none of the facilitators' own speech was recorded (Teams, no "I am talking").
          ...(stats.facilitatorShare !== undefined && people.facilitatorKeys.length
            ? facilitatorSpeechUnrecorded(stats)
              ? { facilitatorShareUnrecorded: true as const }
              : { facilitatorShare: stats.facilitatorShare }
            : {}),
          ...(stats.balance !== undefined ? { balance: stats.balance } : {}),
        }
      : {}),
    ...(includeStats && contents.floor?.length ? { floor: contents.floor } : {}),
    includeParticipants,
    includeStats,
    ...(state.status === 'running' || state.status === 'paused' ? { inProgress: { currentPhaseId: state.phase.id } } : {}),
    ...(opts.keepFullUrls ? { keepFullUrls: true } : {}),
  };
  return doc;
}

/** The run's pauses, each to its resume (or the finish); one still open has no end. */
export function pausesOf(run: Run, now: number): { at: number; untilAt?: number }[] {
  const pauses: { at: number; untilAt?: number }[] = [];
  let open: number | undefined;
  for (const event of orderedEvents(run.events).filter((e) => e.at <= now)) {
    if (event.type === 'pause' && open === undefined) open = event.at;
    else if ((event.type === 'resume' || event.type === 'finish') && open !== undefined) {
      pauses.push({ at: open, untilAt: event.at });
      open = undefined;
    }
  }
  if (open !== undefined) pauses.push({ at: open });
  return pauses;
}

/** Every change to the timetable during the run, with what it changed. */
export function reschedulesOf(run: Run, now: number): RescheduleRecord[] {
  const events = orderedEvents(run.events).filter((e) => e.at <= now);
  const durations = new Map(run.phases.map((p) => [p.id, p.plannedSec]));
  const records: RescheduleRecord[] = [];
  events.forEach((event, i) => {
    if (event.type === 'extend') {
      // The phase current at that moment, from the log up to the event.
      const state = computeRunState({ ...run, events: events.slice(0, i) }, event.at);
      const added = state.status === 'running' || state.status === 'paused' ? extensionSec(event, state.phaseIndex, state.phase.effectiveSec) : 0;
      if (added !== 0) {
        records.push({ at: event.at, type: 'extend', phaseId: state.phase.id, changeSec: added });
        durations.set(state.phase.id, (durations.get(state.phase.id) ?? 0) + added);
      }
    } else if (event.type === 'reschedule') {
      const changes = Object.entries(event.durations)
        .filter(([id, sec]) => durations.has(id) && durations.get(id) !== sec)
        .map(([id, sec]) => ({ phaseId: id, fromSec: durations.get(id)!, toSec: sec }));
      for (const c of changes) durations.set(c.phaseId, c.toSec);
      if (changes.length) records.push({ at: event.at, type: 'reschedule', changes });
    } else if (event.type === 'moveEnd') {
      records.push({ at: event.at, type: 'move-end', endMs: event.plannedEnd });
    }
  });
  return records;
}
