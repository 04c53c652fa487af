import { z } from 'zod';
import { Capture } from '../capture/schema';
import type { Topic } from '../messages/protocol';
import { loadWorkshop, mergeRunEvents, voteCapture } from '../background/workshops';
import { captures, capturesOf } from '../store/captures';
import { db } from '../store/db';
import { appendLiveEvent, liveEventsOf } from '../store/liveState';
import { promptLog, promptLogOf } from '../store/promptLog';
import { committed } from '../store/records';
import { runs } from '../store/runs';
import { saveScript, scripts } from '../store/scripts';
import { workshops } from '../store/workshops';
import { CONFLICT_TAG, editedFromOf, noteLocalVersions, resolveCaptures, withVersions } from './captureVersions';
import { isSharedLiveEvent, liveEventKey, SHARED_LIMITS, SharedEntries, textHash, type VoteEvent } from './entries';
import { appliedVotesKey } from './rows';
import { isErasedEvent } from '../privacy/forget';

// The store side of live sharing, in the background: what the local store has to share, and how
// what came from the room is written — through the same validated store paths the router's
// handlers use (captures by their zod schema, run events appended as the timing engine appends
// them, live events through the one live-log append). Every remote batch is parsed again here,
// whoever relayed it, and each kind is bounded so a peer cannot grow the store without end.

/** What the local store holds of a shared workshop (plus vote increments not yet sent). */
export async function localEntries(workshopId: string, votes: readonly VoteEvent[] = []): Promise<SharedEntries | null> {
  const loaded = await loadWorkshop(workshopId);
  if (!loaded) return null;
  const [caps, live, prompts] = await Promise.all([capturesOf(workshopId), liveEventsOf(workshopId), promptLogOf(workshopId)]);
  const shared = caps.slice(-SHARED_LIMITS.captures);
  const editedFrom = await noteLocalVersions(workshopId, shared);
  const { workshop, script, run } = loaded;
  const { events, ...runPhases } = run;
  // The store's own records, validated when they were written: not parsed again on every push
  // (the engine's side checks what it takes, and every receiver parses what arrives).
  return {
    workshop: {
      workshop: { id: workshop.id, title: workshop.title, goal: workshop.goal, lang: workshop.lang, scriptId: workshop.scriptId, workshopIndex: workshop.workshopIndex, createdAt: workshop.createdAt },
      script,
      run: runPhases,
    },
    runEvents: events.slice(-SHARED_LIMITS.runEvents),
    // Not the events an erase rewrote: sent to the room they read as new ones (a hand with no name).
    liveEvents: live.filter((event) => isSharedLiveEvent(event) && !isErasedEvent(event)).slice(-SHARED_LIMITS.liveEvents),
    captures: shared,
    editedFrom,
    votes: votes.slice(-SHARED_LIMITS.votes),
    prompts: prompts.slice(-SHARED_LIMITS.prompts),
  };
}

const AppliedVotes = z.array(z.string().max(40)).max(SHARED_LIMITS.votes);

async function appliedVotes(workshopId: string): Promise<Set<string>> {
  const row = await (await db()).get('settings', appliedVotesKey(workshopId));
  const parsed = AppliedVotes.safeParse(row?.value);
  return new Set(parsed.success ? parsed.data : []);
}

async function saveAppliedVotes(workshopId: string, ids: Set<string>): Promise<void> {
  const value = AppliedVotes.parse([...ids].slice(-SHARED_LIMITS.votes));
  const tx = (await db()).transaction('settings', 'readwrite', { durability: 'strict' });
  await committed(tx, [tx.store.put({ key: appliedVotesKey(workshopId), value })]);
}

/** Marks a vote this browser made as counted, so it is not counted again when it comes back from the room. */
export async function noteOwnVote(workshopId: string, vote: VoteEvent): Promise<void> {
  const ids = await appliedVotes(workshopId);
  ids.add(vote.id);
  await saveAppliedVotes(workshopId, ids);
}

export interface Applied {
  topics: Topic[];
  /** Entries the room sent that were not written: invalid, of another workshop, or past a bound. */
  rejected: number;
  /** The workshop was not in this browser yet and was made from the room's copy. */
  created: boolean;
}

/** Writes what came from the room into the local store. Idempotent: the same batch twice writes nothing new. */
export async function applyRemote(workshopId: string, raw: unknown, now = Date.now()): Promise<Applied> {
  const parsed = SharedEntries.safeParse(raw);
  if (!parsed.success) return { topics: [], rejected: 1, created: false };
  const entries = parsed.data;
  const topics = new Set<Topic>();
  let rejected = 0;
  let created = false;

  if (entries.workshop && entries.workshop.workshop.id === workshopId && !(await workshops.get(workshopId)) && entries.workshop.script.id === entries.workshop.workshop.scriptId) {
    const { workshop, script, run } = entries.workshop;
    // A script this browser already has under the same id (a built-in template, instantiated here
    // with phase ids of its own) is kept as it is; when its phases are not the run's, the room's
    // script is kept beside it under an id of the shared workshop's.
    const local = (await scripts.get(script.id))?.script;
    const fits = (candidate: typeof script) => run.phases.every((phase) => candidate.workshops[workshop.workshopIndex]?.phases.some((p) => p.id === phase.id));
    const scriptId = !local || fits(local) ? script.id : `shared-${workshopId.replace(/[^A-Za-z0-9_-]/g, '')}`.slice(0, 100);
    if (!local || scriptId !== script.id) await saveScript({ ...script, id: scriptId }, now);
    if (await scripts.get(scriptId)) {
      await workshops.put({ ...workshop, scriptId, updatedAt: now, includeParticipants: false, includeStats: false });
      await runs.put({ id: workshopId, workshopId, updatedAt: now, run: { ...run, id: workshopId, scriptId, events: [] } });
      created = true;
      topics.add('workshops').add('runs').add('scripts');
    } else rejected++;
  }
  if (!(await workshops.get(workshopId))) return { topics: [...topics], rejected: rejected + countOf(entries), created };

  if (entries.runEvents.length && (await mergeRunEvents(workshopId, entries.runEvents, SHARED_LIMITS.runEvents)) > 0) topics.add('runs');

  if (entries.liveEvents.length) {
    const known = await liveEventsOf(workshopId);
    const keys = new Set(known.map(liveEventKey));
    let room = SHARED_LIMITS.liveEvents - known.length;
    for (const event of entries.liveEvents) {
      if (!isSharedLiveEvent(event) || keys.has(liveEventKey(event))) continue;
      if (room-- <= 0) {
        rejected++;
        continue;
      }
      const reply = await appendLiveEvent(workshopId, event);
      if (reply.ok) {
        keys.add(liveEventKey(event));
        topics.add('live');
      }
    }
  }

  if (entries.captures.length) {
    let room = SHARED_LIMITS.captures - (await capturesOf(workshopId)).length;
    const tag = CONFLICT_TAG[(await workshops.get(workshopId))?.lang ?? 'en'];
    const writes = await withVersions(workshopId, async (versions) => {
      const writes: Capture[] = [];
      for (const capture of entries.captures) {
        const local = await captures.get(capture.id);
        const remoteFrom = entries.editedFrom[capture.id];
        if (local && local.workshopId !== workshopId) rejected++;
        else if (!local && room-- <= 0) rejected++;
        else if (!local) writes.push({ ...capture, workshopId });
        else {
          // Last edit wins, keeping what an edit made at once would lose; the local vote count stays (votes travel as increments).
          const { result, kept } = resolveCaptures(local, capture, editedFromOf(local, versions[local.id]), remoteFrom, tag);
          if (result !== local) writes.push({ ...result, workshopId, votes: local.votes });
          if (kept && !(await captures.get(kept.id)) && room-- > 0) writes.push(kept);
        }
        const written = writes.find((w) => w.id === capture.id);
        if (written && written.updatedAt === capture.updatedAt) versions[capture.id] = { at: capture.updatedAt, text: textHash(capture.text), ...(remoteFrom ? { from: remoteFrom } : {}) };
      }
      // Written before the noted versions are, so a push never pairs a note with the store's older version.
      if (writes.length) await captures.putMany(writes);
      return writes;
    });
    if (writes.length) topics.add('captures');
  }

  if (entries.votes.length) {
    const applied = await appliedVotes(workshopId);
    let changedVotes = false;
    for (const vote of entries.votes) {
      if (applied.has(vote.id)) continue;
      const target = await captures.get(vote.captureId);
      if (!target || target.workshopId !== workshopId) continue; // may arrive before its capture: counted on a later read
      const reply = await voteCapture(vote.captureId, vote.delta, now);
      if (reply.ok) {
        applied.add(vote.id);
        changedVotes = true;
      }
    }
    if (changedVotes) {
      await saveAppliedVotes(workshopId, applied);
      topics.add('captures');
    }
  }

  if (entries.prompts.length) {
    const known = await promptLogOf(workshopId);
    const ids = new Set(known.map((p) => p.id));
    const fresh = entries.prompts.filter((p) => p.workshopId === workshopId && !ids.has(p.id)).slice(0, Math.max(0, SHARED_LIMITS.prompts - known.length));
    rejected += entries.prompts.filter((p) => !ids.has(p.id)).length - fresh.length;
    if (fresh.length) {
      await promptLog.putMany(fresh);
      topics.add('prompts');
    }
  }
  return { topics: [...topics], rejected, created };
}

const countOf = (entries: SharedEntries) =>
  entries.runEvents.length + entries.liveEvents.length + entries.captures.length + entries.votes.length + entries.prompts.length;
