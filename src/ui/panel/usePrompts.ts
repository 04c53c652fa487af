import { useEffect, useRef } from 'preact/hooks';
import { peopleOf } from '../../turns/people';
import type { ActiveWorkshop } from '../../messages/protocol';
import { BUILT_IN_CARDS, mergeCardLibrary, type PromptCard, type UserCardEdit } from '../../prompts/cards';
import { DEFAULT_PROMPT_SETTINGS, newlyShown, surfaceCards, type PromptAction, type PromptSettings, type SurfacedCard } from '../../prompts/rules';
import { computeRunState } from '../../script/timing';
import { facilitatorKeysOf, speakingStats, silentFor } from '../../turns/stats';
import { waitingTimes } from '../../turns/queue';
import { ask, useStoreQuery } from '../shared/backend';
import type { LiveHandle } from './useLive';
import type { SiteHandle } from './useSite';

// Which prompt cards to offer now, from the running phase and the live signals. Computed on every
// tick of the panel's clock; cards newly offered are logged for the summary's "prompts used".

const SIGNAL_WINDOW_MS = 10 * 60_000;

export interface PromptsHandle {
  library: PromptCard[];
  surfaced: SurfacedCard[];
  act(cardId: string, action: Exclude<PromptAction, 'shown'>): void;
}

export function usePrompts(active: ActiveWorkshop | null, live: LiveHandle, site: SiteHandle, now: number): PromptsHandle {
  const { value: config } = useStoreQuery(
    async () => {
      const reply = await ask('cards/get', {});
      return reply.ok ? reply.value : undefined;
    },
    ['cards'],
  );
  const library = mergeCardLibrary(BUILT_IN_CARDS, config?.userCards ?? [], config?.hiddenCards ?? []).cards;
  const previous = useRef<SurfacedCard[]>([]);
  let surfaced: SurfacedCard[] = [];
  let phaseId: string | undefined;

  if (active) {
    const state = computeRunState(active.run, now);
    const running = state.status === 'running' || state.status === 'paused';
    const phase = active.script.workshops[active.workshop.workshopIndex]?.phases.find((p) => p.id === state.phase.id);
    phaseId = running ? state.phase.id : undefined;
    const turns = live.turns(now);
    const people = peopleOf(live.participants, site.state.participants);
    const facilitatorKeys = facilitatorKeysOf(live.live.facilitatorKeys, live.participants);
    const since = state.startedAtMs ?? now;
    const stats = speakingStats({
      turns,
      participants: people,
      facilitatorKeys,
      window: { from: Math.max(since, now - SIGNAL_WINDOW_MS), to: now },
    });
    const speakingAvailable = site.state.capabilities.activeSpeaker?.state === 'ok' || turns.length > 0;
    surfaced = surfaceCards(
      {
        now,
        ...(running && phase
          ? {
              phase: {
                id: phase.id,
                kind: phase.kind,
                promptCardIds: phase.promptCardIds,
                startedAt: state.phase.actualStartMs ?? since,
                plannedSec: state.phase.effectiveSec,
                elapsedMs: state.elapsedMs,
                remainingMs: state.remainingMs,
                index: state.phaseIndex,
                isFirst: state.phaseIndex === 0,
                isLast: state.phaseIndex === state.phases.length - 1,
              },
            }
          : {}),
        signals: {
          ...(stats.facilitatorShare !== undefined && facilitatorKeys.length ? { facilitatorShare: stats.facilitatorShare } : {}),
          notHeard: silentFor(speakingStats({ turns, participants: people, facilitatorKeys, window: { from: since, to: now } }), now, since),
          ...(stats.silenceSinceLastTurnMs !== undefined ? { silenceMs: stats.silenceSinceLastTurnMs } : {}),
          ...(live.live.pause ? { lastQuestionAt: live.live.pause.askedAt } : {}),
          handsWaiting: waitingTimes(live.live.queue, now),
          speakingAvailable,
        },
        shown: live.live.shown,
        settings: config?.promptSettings ?? DEFAULT_PROMPT_SETTINGS,
      },
      library,
      previous.current,
    );
  }

  useEffect(() => {
    const fresh = newlyShown(previous.current, surfaced, now, phaseId);
    previous.current = surfaced;
    if (fresh.length && active) void ask('prompt/log', { workshopId: active.workshop.id, entries: fresh });
  }, [surfaced.map((c) => c.cardId).join(',')]);

  return {
    library,
    surfaced,
    act(cardId, action) {
      const at = Date.now();
      live.run('markCard', { cardId, action });
      if (active) void ask('prompt/log', { workshopId: active.workshop.id, entries: [{ cardId, at, action, ...(phaseId ? { phaseId } : {}) }] });
    },
  };
}
