// Which prompt cards to offer right now. Pure: the panel calls surfaceCards on every tick with the
// previous result, so eligibility can use hysteresis and the order stays put between ticks.
import * as z from 'zod/mini';
import type { PhaseKind } from '../script/schema';
import type { LiveSignal, PromptCard, Trigger } from './cards';

export const PromptSettings = z.object({
  /** Facilitator's share of speaking time above which the "let them talk" cards show. */
  facilitatorShareThreshold: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.6),
  notHeardMinutes: z._default(z.number().check(z.positive()), 10),
  silenceAfterQuestionSec: z._default(z.number().check(z.positive()), 8),
  handWaitingSec: z._default(z.number().check(z.positive()), 30),
});
export type PromptSettings = z.infer<typeof PromptSettings>;
export const DEFAULT_PROMPT_SETTINGS: PromptSettings = PromptSettings.parse({});

/** A share-triggered card stays until the share falls this far below the threshold. */
export const FACILITATOR_SHARE_HYSTERESIS = 0.1;
/** The "keep waiting" cue is about the moment after a question; after this long the group has moved on. */
export const SILENCE_CUE_WINDOW_MS = 60_000;
/** Speech detection registers the end of the question itself a little after the facilitator marks it. */
const QUESTION_END_TOLERANCE_MS = 2_000;
export const MAX_SURFACED = 3;

export const CardDisplay = z.object({
  shownAt: z.number(),
  dismissedAt: z.optional(z.number()),
  snoozedUntil: z.optional(z.number()),
  usedAt: z.optional(z.number()),
});
export type CardDisplay = z.infer<typeof CardDisplay>;
export const ShownCards = z.record(z.string(), CardDisplay);
export type ShownCards = z.infer<typeof ShownCards>;

export interface PhaseContext {
  id: string;
  kind: PhaseKind;
  promptCardIds: readonly string[];
  startedAt: number;
  plannedSec: number;
  elapsedMs: number;
  remainingMs: number;
  index: number;
  isFirst: boolean;
  isLast: boolean;
}

export interface PromptSignals {
  /** 0..1 over the last few minutes; undefined when there is too little speech to say. */
  facilitatorShare?: number;
  notHeard: readonly { key: string; name: string; silentMs: number }[];
  /** Time since anyone last spoke. */
  silenceMs?: number;
  lastQuestionAt?: number;
  handsWaiting: readonly { key: string; name: string; waitingMs: number }[];
  /** False when the site gives no speaker information: speech-based signals are then unknown, not absent. */
  speakingAvailable: boolean;
}

export interface PromptContext {
  now: number;
  phase?: PhaseContext;
  signals: PromptSignals;
  shown: ShownCards;
  settings: PromptSettings;
}

export const SurfaceReasonCode = z.enum([
  'phase',
  'phase-time',
  'facilitator-share',
  'not-heard',
  'silence-after-question',
  'hand-waiting',
]);
export type SurfaceReasonCode = z.infer<typeof SurfaceReasonCode>;

export const SurfacedCard = z.object({
  cardId: z.string(),
  reason: z.object({
    code: SurfaceReasonCode,
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  priority: z.number(),
});
export type SurfacedCard = z.infer<typeof SurfacedCard>;

export const PromptAction = z.enum(['shown', 'used', 'dismissed', 'snoozed']);
export type PromptAction = z.infer<typeof PromptAction>;

export const PromptLogEntry = z.object({
  cardId: z.string(),
  /** Absent when a card was acted on outside any phase (before start, after the end). */
  phaseId: z.optional(z.string()),
  at: z.number(),
  action: PromptAction,
  reasonCode: z.optional(SurfaceReasonCode),
});
export type PromptLogEntry = z.infer<typeof PromptLogEntry>;

/**
 * Priorities, highest first. A waiting hand and the closing cue near the end of the last phase cannot wait;
 * live signals beat time cues, which beat the cards a phase simply lists.
 */
export const REASON_PRIORITY: Record<SurfaceReasonCode | 'phase-remaining' | 'phase-kind', number> = {
  'hand-waiting': 90,
  'phase-remaining': 85,
  'silence-after-question': 80,
  'not-heard': 70,
  'facilitator-share': 60,
  'phase-time': 50,
  phase: 40,
  /** A default for the phase's kind yields to what the phase lists and to the first/last-phase openers and closers. */
  'phase-kind': 35,
};

type Reason = SurfacedCard['reason'];
interface Candidate {
  cardId: string;
  reason: Reason;
  priority: number;
  /** Tie-break: position in the phase's list, else in the library. */
  rank: number;
}

/** The cards to offer now, most urgent first, at most MAX_SURFACED. */
export function surfaceCards(
  context: PromptContext,
  library: readonly PromptCard[],
  previous: readonly SurfacedCard[] = [],
): SurfacedCard[] {
  const signals = activeSignals(context, previous);
  const { phase } = context;
  const listed = phase?.promptCardIds ?? [];
  const candidates: Candidate[] = [];

  library.forEach((card, libraryIndex) => {
    const listedIndex = listed.indexOf(card.id);
    const reasons: { reason: Reason; priority: number }[] = [];
    if (phase && listedIndex >= 0) {
      reasons.push({ reason: { code: 'phase', params: { phaseId: phase.id, via: 'listed' } }, priority: REASON_PRIORITY.phase });
    }
    for (const trigger of card.triggers) {
      const match = matchTrigger(trigger, context, signals);
      if (match) reasons.push(match);
    }
    if (reasons.length === 0) return;
    const best = reasons.reduce((a, b) => (b.priority > a.priority ? b : a));
    if (isHidden(card.id, context)) return;
    candidates.push({
      cardId: card.id,
      reason: best.reason,
      priority: best.priority,
      rank: listedIndex >= 0 ? listedIndex : listed.length + libraryIndex,
    });
  });

  return candidates
    .sort((a, b) => b.priority - a.priority || a.rank - b.rank)
    .slice(0, MAX_SURFACED)
    .map(({ cardId, reason, priority }) => ({ cardId, reason, priority }));
}

type ActiveSignals = Partial<Record<LiveSignal, Reason>>;

function activeSignals(context: PromptContext, previous: readonly SurfacedCard[]): ActiveSignals {
  const { settings, now } = context;
  const active: ActiveSignals = {};
  // Nobody is expected to talk during a break, so speech-based signals would only be noise.
  const onBreak = context.phase?.kind === 'break';
  const signals = onBreak ? { ...context.signals, speakingAvailable: false } : context.signals;

  if (signals.speakingAvailable && signals.facilitatorShare !== undefined) {
    const wasOn = previous.some((card) => card.reason.code === 'facilitator-share');
    const threshold = settings.facilitatorShareThreshold;
    const on = wasOn
      ? signals.facilitatorShare >= threshold - FACILITATOR_SHARE_HYSTERESIS
      : signals.facilitatorShare > threshold;
    if (on) {
      active['facilitator-share'] = {
        code: 'facilitator-share',
        params: { sharePercent: Math.round(signals.facilitatorShare * 100), thresholdPercent: Math.round(threshold * 100) },
      };
    }
  }

  if (signals.speakingAvailable) {
    const limitMs = settings.notHeardMinutes * 60_000;
    // Someone with a hand up is waiting for the floor already: the hand card is theirs, not this one.
    const handUp = new Set(signals.handsWaiting.map((hand) => hand.key));
    const quiet = signals.notHeard
      .filter((person) => person.silentMs >= limitMs && !handUp.has(person.key))
      .sort((a, b) => b.silentMs - a.silentMs || a.name.localeCompare(b.name));
    const first = quiet[0];
    if (first) {
      active['not-heard'] = {
        code: 'not-heard',
        params: { key: first.key, name: first.name, silentMin: Math.floor(first.silentMs / 60_000), othersCount: quiet.length - 1 },
      };
    }
  }

  if (signals.speakingAvailable && signals.lastQuestionAt !== undefined && signals.silenceMs !== undefined) {
    const sinceQuestion = now - signals.lastQuestionAt;
    const silenceStartedAt = now - signals.silenceMs;
    const thresholdMs = settings.silenceAfterQuestionSec * 1000;
    if (
      sinceQuestion >= thresholdMs &&
      sinceQuestion < thresholdMs + SILENCE_CUE_WINDOW_MS &&
      silenceStartedAt <= signals.lastQuestionAt + QUESTION_END_TOLERANCE_MS
    ) {
      active['silence-after-question'] = {
        code: 'silence-after-question',
        params: { silenceSec: Math.floor(sinceQuestion / 1000) },
      };
    }
  }

  const limitMs = settings.handWaitingSec * 1000;
  const waiting = signals.handsWaiting
    .filter((hand) => hand.waitingMs >= limitMs)
    .sort((a, b) => b.waitingMs - a.waitingMs || a.name.localeCompare(b.name));
  const longest = waiting[0];
  if (longest) {
    active['hand-waiting'] = {
      code: 'hand-waiting',
      params: { key: longest.key, name: longest.name, waitingSec: Math.floor(longest.waitingMs / 1000), waitingCount: waiting.length },
    };
  }
  return active;
}

function matchTrigger(
  trigger: Trigger,
  context: PromptContext,
  signals: ActiveSignals,
): { reason: Reason; priority: number } | undefined {
  if (trigger.kind === 'signal') {
    const reason = signals[trigger.signal];
    return reason && { reason, priority: REASON_PRIORITY[reason.code] };
  }
  const { phase } = context;
  if (!phase || !phaseMatches(trigger, phase)) return undefined;
  const plannedMs = phase.plannedSec * 1000;
  switch (trigger.kind) {
    case 'phase':
      // A phase that lists its own cards has chosen them; defaults fill in only for phases that list none.
      if (phase.promptCardIds.length > 0) return undefined;
      return {
        reason: { code: 'phase', params: { phaseId: phase.id, via: trigger.phaseKinds ? 'kind' : 'position' } },
        priority: trigger.phaseKinds ? REASON_PRIORITY['phase-kind'] : REASON_PRIORITY.phase,
      };
    case 'phase-progress': {
      if (plannedMs <= 0) return undefined;
      const fromMs = trigger.atFraction * plannedMs;
      const untilMs = trigger.forSec === undefined ? Infinity : fromMs + trigger.forSec * 1000;
      if (phase.elapsedMs < fromMs || phase.elapsedMs >= untilMs) return undefined;
      return {
        reason: { code: 'phase-time', params: { phaseId: phase.id, atPercent: Math.round(trigger.atFraction * 100) } },
        priority: REASON_PRIORITY['phase-time'],
      };
    }
    case 'phase-remaining':
      if (phase.remainingMs > trigger.remainingSec * 1000) return undefined;
      return {
        reason: { code: 'phase-time', params: { phaseId: phase.id, remainingSec: trigger.remainingSec } },
        priority: REASON_PRIORITY['phase-remaining'],
      };
  }
}

function phaseMatches(trigger: Exclude<Trigger, { kind: 'signal' }>, phase: PhaseContext): boolean {
  if (trigger.position === 'first' && !phase.isFirst) return false;
  if (trigger.position === 'last' && !phase.isLast) return false;
  return !trigger.phaseKinds || trigger.phaseKinds.includes(phase.kind);
}

/** Dismissed or used cards stay away for the rest of the phase; snoozed ones until the snooze ends. */
function isHidden(cardId: string, context: PromptContext): boolean {
  const display = context.shown[cardId];
  if (!display) return false;
  if (display.snoozedUntil !== undefined && display.snoozedUntil > context.now) return true;
  const since = context.phase?.startedAt ?? -Infinity;
  return [display.dismissedAt, display.usedAt].some((at) => at !== undefined && at >= since);
}

export const DEFAULT_SNOOZE_SEC = 300;

/** Records what the facilitator did with a card; returns a new map. */
export function markCard(
  shown: ShownCards,
  cardId: string,
  action: PromptAction,
  at: number,
  snoozeSec: number = DEFAULT_SNOOZE_SEC,
): ShownCards {
  const current: CardDisplay = shown[cardId] ?? { shownAt: at };
  const next: CardDisplay = { ...current };
  switch (action) {
    case 'shown':
      next.shownAt = at;
      break;
    case 'used':
      next.usedAt = at;
      break;
    case 'dismissed':
      next.dismissedAt = at;
      break;
    case 'snoozed':
      next.snoozedUntil = at + snoozeSec * 1000;
      break;
  }
  return { ...shown, [cardId]: next };
}

/** Log entries for cards that appear in `next` but were not in `previous`. */
export function newlyShown(
  previous: readonly SurfacedCard[],
  next: readonly SurfacedCard[],
  at: number,
  phaseId?: string,
): PromptLogEntry[] {
  const before = new Set(previous.map((card) => card.cardId));
  return next
    .filter((card) => !before.has(card.cardId))
    .map((card) => ({ cardId: card.cardId, at, action: 'shown' as const, reasonCode: card.reason.code, ...(phaseId ? { phaseId } : {}) }));
}
