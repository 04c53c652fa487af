import { useEffect, useRef, useState } from 'preact/hooks';
import type { ParticipantRecord } from '../../store/participants';
import type { SpeakingTurnRecord } from '../../store/speakingTurns';
import { emptyLiveState, type LiveState } from '../../store/liveState';
import { emptySpeakingState, feedSample, turnsSoFar, speakingNow, type SpeakerSample, type SpeakingState, type SpeakingTurn } from '../../turns/speaking';
import { endPause, pauseStatus } from '../../turns/pause';
import { syncSiteHands } from '../../turns/queue';
import { ask, useStoreQuery } from '../shared/backend';
import type { SiteParticipant, SiteState } from './useSite';

// The live turn-taking data of the active workshop, shared by the Turns and Prompts views: stored
// state (queue, go-around, pause, cards), persisted speaking turns and participants, and the speech
// in progress that the site (or a tap) reports right now.

export interface LiveHandle {
  live: LiveState;
  update(change: (live: LiveState) => LiveState): void;
  participants: ParticipantRecord[];
  /** Persisted turns plus speech in progress long enough to count, as of `now`. */
  turns(now: number): SpeakingTurn[];
  speakingNow(now: number): string[];
  feed(sample: SpeakerSample): void;
  syncSite(site: SiteState): void;
}

export function useLive(workshopId: string): LiveHandle {
  const { value: stored } = useStoreQuery(
    async () => {
      const reply = await ask('live/get', { workshopId });
      return reply.ok ? reply.value : emptyLiveState();
    },
    ['live'],
    [workshopId],
  );
  const { value: persistedTurns = [] } = useStoreQuery(
    async () => {
      const reply = await ask('turns/list', { workshopId });
      return reply.ok ? reply.value : [];
    },
    ['turns'],
    [workshopId],
  );
  const { value: participants = [] } = useStoreQuery(
    async () => {
      const reply = await ask('participants/list', { workshopId });
      return reply.ok ? reply.value : [];
    },
    ['participants'],
    [workshopId],
  );
  const [local, setLocal] = useState<LiveState | undefined>(undefined);
  const live = local ?? stored ?? emptyLiveState();
  const liveRef = useRef(live);
  liveRef.current = live;
  const speaking = useRef<SpeakingState>(emptySpeakingState());
  const manualSpeaking = useRef(false);
  const [, setSpeakingVersion] = useState(0);
  const lastSiteParticipants = useRef('');

  // What the store says replaces the on-screen state only when none of our own writes is still on
  // its way: an older save coming back must not undo an action pressed meanwhile.
  const pendingWrites = useRef(0);
  useEffect(() => {
    if (pendingWrites.current === 0) setLocal(undefined);
  }, [stored]);
  // Turns just saved stay counted until the reloaded list has them (no flash of 0:00).
  const savedTurns = useRef<SpeakingTurn[]>([]);
  useEffect(() => {
    speaking.current = emptySpeakingState();
  }, [workshopId]);

  function update(change: (live: LiveState) => LiveState) {
    const next = change(liveRef.current);
    liveRef.current = next;
    setLocal(next);
    pendingWrites.current++;
    void ask('live/set', { workshopId, live: next }).finally(() => pendingWrites.current--);
  }

  function feed(sample: SpeakerSample) {
    const before = speaking.current;
    const after = feedSample(before, sample);
    const finished = after.turns;
    speaking.current = { ...after, turns: [] };
    if (finished.length) {
      savedTurns.current = [...savedTurns.current, ...finished];
      void ask('turns/add', {
        workshopId,
        turns: finished.map((turn) => ({ ...turn, source: sample.manual || manualSpeaking.current ? 'manual' : 'site' })),
      });
    }
    manualSpeaking.current = sample.manual === true ? sample.keys.length > 0 : manualSpeaking.current;
    // Someone answering ends the pause cue.
    const pause = liveRef.current.pause;
    if (pause && sample.keys.length > 0 && pauseStatus(pause, sample.at).state === 'waiting') {
      update((l) => ({ ...l, pause: endPause(pause, sample.at, 'speech') }));
    }
    setSpeakingVersion((n) => n + 1);
  }

  function syncSite(site: SiteState) {
    const signature = JSON.stringify(site.participants.map((p: SiteParticipant) => [p.key, p.name]));
    if (signature !== lastSiteParticipants.current && site.participants.length > 0) {
      lastSiteParticipants.current = signature;
      void ask('participants/sync', { workshopId, participants: site.participants.map((p) => ({ key: p.key, name: p.name, ...(p.self ? { self: true } : {}) })) });
    }
    if (site.capabilities.raisedHands?.state === 'ok') {
      const synced = syncSiteHands(liveRef.current.queue, site.hands, Date.now());
      if (JSON.stringify(synced) !== JSON.stringify(liveRef.current.queue)) update((l) => ({ ...l, queue: synced }));
    }
  }

  return {
    live,
    update,
    participants,
    turns: (now) => {
      const known = new Set(persistedTurns.map((t) => `${t.participantKey}@${t.startAt}`));
      savedTurns.current = savedTurns.current.filter((t) => !known.has(`${t.participantKey}@${t.startAt}`));
      return [...persistedTurns, ...savedTurns.current, ...turnsSoFar(speaking.current, now)];
    },
    speakingNow: (now) => speakingNow(speaking.current, now),
    feed,
    syncSite,
  };
}
