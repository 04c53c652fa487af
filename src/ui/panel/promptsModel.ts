// What the prompt rules are told about this moment, derived once from the run, the one people list
// (src/turns/people.ts) and the live state: the same "not heard yet" the Turns tab shows. Pure, so
// the Prompts tab and its test read the same context; the rules (src/prompts/rules.ts) pick cards.
import type { PromptCard } from '../../prompts/cards';
import type { PromptContext, PromptSettings, SurfacedCard, SurfaceReasonCode } from '../../prompts/rules';
import type { Workshop } from '../../script/schema';
import type { RunState } from '../../script/timing';
import type { LiveState } from '../../turns/live';
import { heardSoFar, type PeopleView } from '../../turns/people';
import { waitingTimes } from '../../turns/queue';
import type { SpeakingTurn } from '../../turns/speaking';
import { silentFor, speakingStats } from '../../turns/stats';
import type { MessageKey } from '../i18n';

/** The facilitator's share and the silence are about the last few minutes, not the whole workshop. */
export const SIGNAL_WINDOW_MS = 10 * 60_000;
/**
 * Talk in the window before the facilitators' share means anything: after 2 s of a participant and
 * 4 s of the host the card said "64 % of the time" (found in a Finnish walk-through on Teams).
 */
export const SHARE_MIN_TALK_MS = 2 * 60_000;

export interface PromptInput {
  run: RunState;
  /** The workshop of the script that runs (its phases and their cards). */
  workshop: Workshop | undefined;
  people: PeopleView;
  live: LiveState;
  turns: readonly SpeakingTurn[];
  /** Whether the page reports who speaks. */
  speakerLive: boolean;
  settings: PromptSettings;
  now: number;
}

/** The running phase, if the workshop runs (or is paused). */
export function runningPhaseId(run: RunState): string | undefined {
  return run.status === 'running' || run.status === 'paused' ? run.phase.id : undefined;
}

export function promptContext(input: PromptInput): PromptContext {
  const { run, people, live, turns, now } = input;
  const phaseId = runningPhaseId(run);
  const phase = phaseId === undefined ? undefined : input.workshop?.phases.find((p) => p.id === phaseId);
  const since = run.startedAtMs ?? now;
  const recent = speakingStats({
    turns,
    participants: people.people,
    facilitatorKeys: people.facilitatorKeys,
    window: { from: Math.max(since, now - SIGNAL_WINDOW_MS), to: now },
  });
  return {
    now,
    ...(phase
      ? {
          phase: {
            id: phase.id,
            kind: phase.kind,
            promptCardIds: phase.promptCardIds,
            startedAt: run.phase.actualStartMs ?? since,
            plannedSec: run.phase.effectiveSec,
            elapsedMs: run.elapsedMs,
            remainingMs: run.remainingMs,
            index: run.phaseIndex,
            isFirst: run.phaseIndex === 0,
            isLast: run.phaseIndex === run.phases.length - 1,
          },
        }
      : {}),
    signals: {
      ...(recent.facilitatorShare !== undefined && recent.totalSpeakingMs >= SHARE_MIN_TALK_MS && people.facilitatorKeys.length ? { facilitatorShare: recent.facilitatorShare } : {}),
      notHeard: silentFor(heardSoFar(people, turns, run.startedAtMs ?? now, now), now, since),
      ...(recent.silenceSinceLastTurnMs !== undefined ? { silenceMs: recent.silenceSinceLastTurnMs } : {}),
      ...(live.pause ? { lastQuestionAt: live.pause.askedAt } : {}),
      handsWaiting: waitingTimes(live.queue, now),
      speakingAvailable: input.speakerLive || turns.length > 0,
    },
    shown: live.shown,
    settings: input.settings,
  };
}

/** The cards to show now with their reasons, in the rules' order (a card no longer in the library is left out). */
export function surfacedCards(library: readonly PromptCard[], surfaced: readonly SurfacedCard[]): { card: PromptCard; surfaced: SurfacedCard }[] {
  const byId = new Map(library.map((card) => [card.id, card]));
  return surfaced.flatMap((s) => {
    const card = byId.get(s.cardId);
    return card ? [{ card, surfaced: s }] : [];
  });
}

const REASON_KEYS: Record<SurfaceReasonCode, MessageKey> = {
  phase: 'promptReason_phase',
  'phase-time': 'promptReason_phase_time',
  'facilitator-share': 'promptReason_facilitator_share',
  'not-heard': 'promptReason_not_heard',
  'silence-after-question': 'promptReason_silence_after_question',
  'hand-waiting': 'promptReason_hand_waiting',
};

/** Why a card shows now, as a message key and its values ("Aino has not been heard for 12 min"). */
export function reasonOf(card: SurfacedCard): { key: MessageKey; params: Record<string, string | number> } {
  return { key: REASON_KEYS[card.reason.code], params: card.reason.params };
}
