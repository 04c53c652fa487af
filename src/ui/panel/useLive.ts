import { useEffect, useRef, useState } from 'preact/hooks';
import type { ParticipantRecord } from '../../store/participants';
import { applyLiveEvent, emptyLiveState, type LiveEvent, type LiveSnapshot, type LiveState } from '../../turns/live';
import { emptySpeakingState, feedSample, turnsSoFar, speakingNow, type SpeakerSample, type SpeakingState, type SpeakingTurn } from '../../turns/speaking';
import { pauseStatus } from '../../turns/pause';
import { syncSiteHands } from '../../turns/queue';
import { ask, useStoreQuery } from '../shared/backend';
import { LIVE_ACTIONS, type LiveActionInput, type LiveActionName } from './liveActions';
import type { SiteParticipant, SiteState } from './useSite';

// The live turn-taking data of the active workshop, shared by the Turns and Prompts views: the
// stored live state (queue, go-around, pause, cards), persisted speaking turns and participants,
// and the speech in progress that the site (or a tap) reports right now. Every change is an event
// appended by the background (src/turns/live.ts); until it is stored the panel shows it applied
// to the newest state it knows.

export interface LiveHandle {
  live: LiveState;
  /** Runs a named action (src/ui/panel/liveActions.ts) on what the panel shows now. */
  run<N extends LiveActionName>(name: N, ...input: LiveActionInput<N> extends void ? [] : [LiveActionInput<N>]): void;
  participants: ParticipantRecord[];
  /** Persisted turns plus speech in progress long enough to count, as of `now`. */
  turns(now: number): SpeakingTurn[];
  speakingNow(now: number): string[];
  feed(sample: SpeakerSample): void;
  /** "I am talking": your own speech starts (or ends) now, where the meeting does not show it. */
  toggleTalking(ownKey: string): void;
  /** The key "I am talking" holds open now, if any. */
  talking: string | undefined;
  syncSite(site: SiteState): void;
  /** Keeps a running go-around in step with who is present. */
  syncRound(people: { key: string; name: string }[]): void;
  /** People the store did not keep (the workshop holds its maximum of site-read people). */
  peopleNotKept: number;
  /** Names marked F earlier in this workshop's series (src/turns/stats.ts facilitatorKeysOf). */
  seriesFacilitators: string[];
}

const NONE: LiveSnapshot = { state: emptyLiveState(), count: -1 };

/** `recording`: whether people may be recorded yet (src/privacy/consent.ts); before that nothing about them is sent to be stored. */
export function useLive(workshopId: string, recording: boolean): LiveHandle {
  const { value: stored } = useStoreQuery(
    async () => {
      const reply = await ask('live/get', { workshopId });
      return reply.ok ? reply.value : undefined;
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
  const { value: seriesFacilitators = [] } = useStoreQuery(
    async () => {
      const reply = await ask('series/facilitators', { workshopId });
      return reply.ok ? reply.value : [];
    },
    ['series'],
    [workshopId],
  );
  // The newest stored state this panel knows (a reload, or the reply to its own event), and its
  // own events still on their way. An older reload must not hide an event pressed meanwhile.
  const newest = useRef<LiveSnapshot>(NONE);
  const pending = useRef<LiveEvent[]>([]);
  const [, setVersion] = useState(0);
  if (stored && stored.count > newest.current.count) newest.current = stored;
  // Before recording starts, the hands the site reports are shown from memory, not stored: the
  // site's hand events since this panel opened, replayed on what is stored (so the order holds).
  const unstoredHands = useRef<LiveEvent[]>([]);
  const known = pending.current.reduce(applyLiveEvent, newest.current.state);
  const live = recording ? known : unstoredHands.current.reduce(applyLiveEvent, known);
  const liveRef = useRef(live);
  liveRef.current = live;
  const speaking = useRef<SpeakingState>(emptySpeakingState());
  const manualSpeaking = useRef(false);
  const talking = useRef<string | undefined>(undefined);
  const lastSiteParticipants = useRef('');
  const [peopleNotKept, setPeopleNotKept] = useState(0);

  // Turns just saved stay counted until the reloaded list has them (no flash of 0:00).
  const savedTurns = useRef<SpeakingTurn[]>([]);
  useEffect(() => {
    speaking.current = emptySpeakingState();
    newest.current = NONE;
    pending.current = [];
  }, [workshopId]);

  function append(event: LiveEvent) {
    pending.current = [...pending.current, event];
    liveRef.current = applyLiveEvent(liveRef.current, event);
    setVersion((n) => n + 1);
    void ask('live/event', { workshopId, event }).then((reply) => {
      pending.current = pending.current.filter((e) => e !== event);
      if (reply.ok && reply.value.count > newest.current.count) newest.current = reply.value;
      setVersion((n) => n + 1);
    });
  }

  function run<N extends LiveActionName>(name: N, ...input: LiveActionInput<N> extends void ? [] : [LiveActionInput<N>]) {
    const perform = LIVE_ACTIONS[name] as (state: LiveState, input: unknown, at: number) => LiveEvent | null;
    const event = perform(liveRef.current, input[0], Date.now());
    if (event) append(event);
  }

  function feed(sample: SpeakerSample) {
    const before = speaking.current;
    const after = feedSample(before, sample);
    const finished = after.turns;
    speaking.current = { ...after, turns: [] };
    if (finished.length && recording) {
      savedTurns.current = [...savedTurns.current, ...finished];
      void ask('turns/add', {
        workshopId,
        turns: finished.map((turn) => ({ ...turn, source: sample.manual || manualSpeaking.current ? 'manual' : 'site' })),
      });
    }
    manualSpeaking.current = sample.manual === true ? sample.keys.length > 0 : manualSpeaking.current;
    if (sample.manual && talking.current !== undefined && !sample.keys.includes(talking.current)) talking.current = undefined;
    // Someone answering ends the pause cue.
    const pause = liveRef.current.pause;
    if (pause && sample.keys.length > 0 && pauseStatus(pause, sample.at).state === 'waiting') {
      append({ type: 'pause/end', at: sample.at, reason: 'speech' });
    }
    setVersion((n) => n + 1);
  }

  // Speech still open when the panel goes (the meeting page reloads, the panel is hidden, the tab
  // closes) is stored as it stands: "I am talking" pressed and the page reloaded lost all of that
  // talk, since a turn was stored only once it ended. The message goes out before the page does.
  const recordingRef = useRef(recording);
  recordingRef.current = recording;
  useEffect(() => {
    const flush = () => {
      const open = speaking.current.open;
      if (!recordingRef.current || Object.keys(open).length === 0) return;
      const at = Date.now();
      const turns = turnsSoFar({ ...speaking.current, turns: [] }, at);
      speaking.current = emptySpeakingState();
      talking.current = undefined;
      if (turns.length) void ask('turns/add', { workshopId, turns: turns.map((turn) => ({ ...turn, source: open[turn.participantKey]?.manual ? 'manual' : 'site' })) });
    };
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [workshopId]);

  function toggleTalking(ownKey: string) {
    // A manual segment stays open across the site's samples until a manual sample leaves it out.
    const on = talking.current !== ownKey;
    talking.current = on ? ownKey : undefined;
    feed({ at: Date.now(), keys: on ? [ownKey] : [], manual: true });
  }

  function syncSite(site: SiteState) {
    if (!recording) {
      if (site.capabilities.raisedHands?.state !== 'ok') return;
      const at = Date.now();
      const synced = syncSiteHands(liveRef.current.queue, site.hands, at);
      if (JSON.stringify(synced) === JSON.stringify(liveRef.current.queue)) return;
      const event: LiveEvent = { type: 'hands/site', at, hands: site.hands };
      unstoredHands.current = [...unstoredHands.current, event].slice(-500);
      liveRef.current = applyLiveEvent(liveRef.current, event);
      setVersion((n) => n + 1);
      return;
    }
    unstoredHands.current = [];
    const signature = JSON.stringify(site.participants.map((p: SiteParticipant) => [p.key, p.name]));
    if (signature !== lastSiteParticipants.current && site.participants.length > 0) {
      lastSiteParticipants.current = signature;
      void ask('participants/sync', {
        workshopId,
        participants: site.participants.map((p) => ({ key: p.key, name: p.name, ...(p.self ? { self: true } : {}) })),
      }).then((reply) => reply.ok && setPeopleNotKept(reply.value.dropped));
    }
    if (site.capabilities.raisedHands?.state === 'ok') {
      const at = Date.now();
      const synced = syncSiteHands(liveRef.current.queue, site.hands, at);
      if (JSON.stringify(synced) !== JSON.stringify(liveRef.current.queue)) append({ type: 'hands/site', at, hands: site.hands });
    }
  }

  function syncRound(people: { key: string; name: string }[]) {
    const round = liveRef.current.goAround;
    if (!round || round.finishedAt !== undefined || people.length === 0) return;
    const at = Date.now();
    const synced = applyLiveEvent(liveRef.current, { type: 'goaround/sync', at, participants: people });
    if (JSON.stringify(synced.goAround) !== JSON.stringify(round)) append({ type: 'goaround/sync', at, participants: people });
  }

  return {
    live,
    run,
    participants,
    turns: (now) => {
      const known = new Set(persistedTurns.map((t) => `${t.participantKey}@${t.startAt}`));
      savedTurns.current = savedTurns.current.filter((t) => !known.has(`${t.participantKey}@${t.startAt}`));
      return [...persistedTurns, ...savedTurns.current, ...turnsSoFar(speaking.current, now)];
    },
    speakingNow: (now) => speakingNow(speaking.current, now),
    feed,
    toggleTalking,
    talking: talking.current,
    syncSite,
    syncRound,
    peopleNotKept,
    seriesFacilitators,
  };
}
