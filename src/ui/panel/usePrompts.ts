import { useEffect, useRef } from 'preact/hooks';
import type { ActiveWorkshop } from '../../messages/protocol';
import { BUILT_IN_CARDS, mergeCardLibrary, type PromptCard } from '../../prompts/cards';
import { DEFAULT_PROMPT_SETTINGS, newlyShown, surfaceCards, type PromptAction, type SurfacedCard } from '../../prompts/rules';
import { computeRunState } from '../../script/timing';
import type { PeopleView } from '../../turns/people';
import { ask, useStoreQuery } from '../shared/backend';
import { promptContext, runningPhaseId } from './promptsModel';
import type { LiveHandle } from './useLive';
import type { SiteHandle } from './useSite';

// Which prompt cards to offer now, from the running phase and the live signals (promptsModel.ts).
// Computed on every tick of the panel's clock; cards newly offered are logged for the summary's
// "prompts used".

export interface PromptsHandle {
  library: PromptCard[];
  surfaced: SurfacedCard[];
  act(cardId: string, action: Exclude<PromptAction, 'shown'>): void;
}

export function usePrompts(active: ActiveWorkshop | null, live: LiveHandle, site: SiteHandle, people: PeopleView, now: number): PromptsHandle {
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
    const run = computeRunState(active.run, now);
    phaseId = runningPhaseId(run);
    const context = promptContext({
      run,
      workshop: active.script.workshops[active.workshop.workshopIndex],
      people,
      live: live.live,
      turns: live.turns(now),
      speakerLive: site.state.capabilities.activeSpeaker?.state === 'ok',
      settings: config?.promptSettings ?? DEFAULT_PROMPT_SETTINGS,
      now,
    });
    surfaced = surfaceCards(context, library, previous.current);
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
