import { byCreation, type Capture, isLive, normaliseForDuplicate } from '../capture/schema';
import type { PromptUse, WorkshopExport } from './model';

// Merging a note-taker's export into the facilitator's workshop. The result is a pure function of
// the two documents, and merging the same incoming export again changes nothing.

export type MergeConflictReason = 'same-updated-at' | 'agenda-differs';

export interface MergeConflict {
  reason: MergeConflictReason;
  /** The capture concerned; absent for the agenda. */
  captureId?: string;
  /** What the merged document kept. */
  kept: 'base';
}

export interface MergeReport {
  /** Captures new to the base workshop. */
  added: number;
  /** Base captures replaced by a newer version, or given the votes or tags of a duplicate. */
  updated: number;
  /** Incoming captures saying what a base capture in the same phase already says. */
  skippedDuplicates: number;
  conflicts: MergeConflict[];
}

export interface MergeResult {
  doc: WorkshopExport;
  report: MergeReport;
}

export function mergeWorkshopExports(base: WorkshopExport, incoming: WorkshopExport): MergeResult {
  const report: MergeReport = { added: 0, updated: 0, skippedDuplicates: 0, conflicts: [] };
  const agenda = base.agenda.length ? base.agenda : incoming.agenda;
  if (base.agenda.length && incoming.agenda.length && !sameAgenda(base.agenda, incoming.agenda)) {
    report.conflicts.push({ reason: 'agenda-differs', kept: 'base' });
  }

  // The note-taker's phases are the facilitator's if the ids match, or else if the titles do.
  const phaseIds = new Set(agenda.map((p) => p.phaseId));
  const phaseByTitle = new Map(agenda.map((p) => [normaliseForDuplicate(p.title), p]));
  const adoptPhase = (c: Capture): Capture => {
    if (c.phaseId === undefined || phaseIds.has(c.phaseId)) return c;
    const phase = c.phaseTitle === undefined ? undefined : phaseByTitle.get(normaliseForDuplicate(c.phaseTitle));
    return phase ? { ...c, phaseId: phase.phaseId, phaseTitle: phase.title } : c;
  };

  const captures = new Map<string, Capture>(base.captures.map((c) => [c.id, c]));
  const liveByText = new Map<string, string>();
  const textKey = (c: Capture) => `${c.phaseId ?? ''}\u0000${normaliseForDuplicate(c.text)}`;
  // The index may point at a capture since replaced by a deleted or reworded version.
  const liveDuplicateOf = (c: Capture): Capture | undefined => {
    const id = liveByText.get(textKey(c));
    const kept = id === undefined ? undefined : captures.get(id);
    return kept && isLive(kept) && textKey(kept) === textKey(c) ? kept : undefined;
  };
  const indexText = (c: Capture) => {
    if (isLive(c) && normaliseForDuplicate(c.text) && !liveDuplicateOf(c)) liveByText.set(textKey(c), c.id);
  };
  for (const c of [...base.captures].sort(byCreation)) indexText(c);

  for (const original of [...incoming.captures].sort(byCreation)) {
    const candidate = adoptPhase({ ...original, workshopId: base.workshop.id });
    const existing = captures.get(candidate.id);

    if (existing) {
      if (candidate.updatedAt > existing.updatedAt) {
        // Votes only ever grow during a workshop, and both copies may have counted some.
        const merged = { ...candidate, votes: Math.max(existing.votes, candidate.votes) };
        captures.set(merged.id, merged);
        indexText(merged);
        report.updated++;
      } else if (candidate.updatedAt === existing.updatedAt && !sameCapture(candidate, existing)) {
        report.conflicts.push({ reason: 'same-updated-at', captureId: candidate.id, kept: 'base' });
      } else if (candidate.votes > existing.votes) {
        captures.set(existing.id, { ...existing, votes: candidate.votes });
        report.updated++;
      }
      continue;
    }

    // Deleted or merged-away captures the base never had: nothing to undo in the merged workshop.
    if (!isLive(candidate)) continue;

    const kept = liveDuplicateOf(candidate);
    if (kept) {
      report.skippedDuplicates++;
      const absorbed = absorbDuplicate(kept, candidate);
      if (absorbed !== kept) {
        captures.set(kept.id, absorbed);
        report.updated++;
      }
      continue;
    }

    captures.set(candidate.id, candidate);
    indexText(candidate);
    report.added++;
  }

  const doc: WorkshopExport = {
    ...base,
    workshop: {
      ...base.workshop,
      goal: base.workshop.goal || incoming.workshop.goal,
      ...(base.workshop.intermediateTask === undefined && incoming.workshop.intermediateTask !== undefined
        ? { intermediateTask: incoming.workshop.intermediateTask }
        : {}),
    },
    agenda,
    captures: [...captures.values()].sort(byCreation),
    promptsUsed: mergePromptUses(base.promptsUsed, incoming.promptsUsed),
  };
  if (base.includeParticipants && (base.participants || incoming.participants)) {
    const participants = new Map((base.participants ?? []).map((p) => [p.key, p]));
    for (const p of incoming.participants ?? []) if (!participants.has(p.key)) participants.set(p.key, p);
    doc.participants = [...participants.values()];
  }
  return { doc, report };
}

/**
 * The kept capture after meeting a duplicate: the larger vote count (not the sum, so merging the
 * same file twice cannot count votes twice), the union of tags, and an owner or due date if the
 * kept one had none. Returns the same object when nothing changes.
 */
function absorbDuplicate(kept: Capture, duplicate: Capture): Capture {
  const tags = [...new Set([...kept.tags, ...duplicate.tags])];
  const next: Capture = {
    ...kept,
    votes: Math.max(kept.votes, duplicate.votes),
    tags,
    ...(kept.owner === undefined && duplicate.owner !== undefined ? { owner: duplicate.owner } : {}),
    ...(kept.due === undefined && duplicate.due !== undefined ? { due: duplicate.due } : {}),
  };
  if (next.votes === kept.votes && tags.length === kept.tags.length && next.owner === kept.owner && next.due === kept.due) {
    return kept;
  }
  next.updatedAt = Math.max(kept.updatedAt, duplicate.updatedAt);
  return next;
}

function mergePromptUses(base: PromptUse[], incoming: PromptUse[]): PromptUse[] {
  const key = (p: PromptUse) => `${p.cardId}\u0000${p.at}\u0000${p.action}`;
  const seen = new Set(base.map(key));
  const merged = [...base];
  for (const p of incoming) {
    if (seen.has(key(p))) continue;
    seen.add(key(p));
    merged.push(p);
  }
  return merged.sort((a, b) => a.at - b.at);
}

function sameAgenda(a: WorkshopExport['agenda'], b: WorkshopExport['agenda']): boolean {
  return a.length === b.length && a.every((p, i) => p.phaseId === b[i]!.phaseId);
}

/** Equal apart from votes, which merge by maximum. */
function sameCapture(a: Capture, b: Capture): boolean {
  return stableJson({ ...a, votes: 0 }) === stableJson({ ...b, votes: 0 });
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
