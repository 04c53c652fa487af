import { fail, ok, type Reply } from '../../messages/reply';
import { erasedTest, withoutErased, type ErasedTest } from '../../privacy/forget';
import { applyLiveEvent, type LiveEvent, type LiveSnapshot } from '../../turns/live';
import { appendLiveEvent, getLive } from '../../store/liveState';
import { participants, participantsOf } from '../../store/participants';
import { promptLog } from '../../store/promptLog';
import { speakingTurns, turnsOf } from '../../store/speakingTurns';
import { syncParticipantsLatest } from '../workshops';
import { recordsPeople } from '../../privacy/consent';
import { runs } from '../../store/runs';
import { workshops } from '../../store/workshops';
import type { Handlers } from './types';

// The live side of a workshop: turn-taking state, speaking turns, participants, the prompt log.
// Nothing about people is stored before the facilitator starts the workshop or says it may be
// (src/privacy/consent.ts): until then their syncs, turns and the hands the site reports are
// answered and dropped (the panel shows those from memory). Someone erased from the workshop is
// left out of what is stored from then on.

async function recording(workshopId: string): Promise<boolean> {
  const [workshop, run] = await Promise.all([workshops.get(workshopId), runs.get(workshopId)]);
  return workshop !== undefined && run !== undefined && recordsPeople(workshop, run.run);
}

/** Who was erased from the workshop, not to be recorded in it again (src/privacy/forget.ts). */
async function erasedIn(workshopId: string): Promise<ErasedTest> {
  return erasedTest((await workshops.get(workshopId))?.erased, workshopId);
}

/**
 * An event with the erased people taken out; one about them alone, or left changing nothing, is not
 * stored. Nor is one for a workshop that is gone: a panel still open on an erased workshop would
 * otherwise start its live state again, under an id no list shows.
 */
async function appendKept(workshopId: string, event: LiveEvent, expectedCount: number | undefined): Promise<Reply<LiveSnapshot>> {
  const workshop = await workshops.get(workshopId);
  if (!workshop) return fail('workshop-missing');
  const kept = withoutErased(event, erasedTest(workshop.erased, workshopId));
  if (kept === event) return appendLiveEvent(workshopId, event, expectedCount);
  const live = await getLive(workshopId);
  if (!kept || JSON.stringify(applyLiveEvent(live.state, kept)) === JSON.stringify(live.state)) return ok(live);
  return appendLiveEvent(workshopId, kept, expectedCount);
}

export const liveHandlers = {
  'live/get': async ({ workshopId }) => ok(await getLive(workshopId)),
  'live/event': async ({ workshopId, event, expectedCount }) =>
    event.type === 'hands/site' && !(await recording(workshopId)) ? ok(await getLive(workshopId)) : appendKept(workshopId, event, expectedCount),
  'turns/list': async ({ workshopId }) => ok(await turnsOf(workshopId)),
  'turns/add': async ({ workshopId, turns }) => {
    if (!(await recording(workshopId))) return ok(null);
    const erased = await erasedIn(workshopId);
    // Once someone is erased here, a turn counts only for a person the workshop has recorded: the
    // roster sync refuses an erased person by name too, but a rejoin gives them a new key, which the
    // turns alone could not tell (found in review: their talk was counted again).
    const known = erased.any ? new Set((await participantsOf(workshopId)).map((p) => p.key)) : undefined;
    const kept = turns.filter((turn) => !erased.key(turn.participantKey) && (known === undefined || known.has(turn.participantKey)));
    if (kept.length) await speakingTurns.putMany(kept.map((turn) => ({ ...turn, id: crypto.randomUUID(), workshopId })));
    return ok(null);
  },
  'participants/list': async ({ workshopId }) => ok(await participantsOf(workshopId)),
  // Nothing about people before the workshop records them; then one sync per workshop at a time,
  // later ones collapsed into the latest (src/background/workshops.ts).
  'participants/sync': async ({ workshopId, participants: seen }) => {
    if (!(await recording(workshopId))) return ok({ written: 0, dropped: 0, changed: false });
    const erased = await erasedIn(workshopId);
    return ok(await syncParticipantsLatest(workshopId, seen.filter((p) => !erased.person(p))));
  },
  'participants/add': async ({ workshopId, name }) => {
    const key = `manual:${crypto.randomUUID()}`;
    const at = Date.now();
    await participants.put({ workshopId, key, name, source: 'manual', firstSeenAt: at, lastSeenAt: at });
    return ok({ key });
  },
  'participants/remove': async ({ workshopId, key }) => {
    await participants.remove([workshopId, key]);
    return ok(null);
  },
  'prompt/log': async ({ workshopId, entries }) => {
    if (!(await workshops.get(workshopId))) return fail('workshop-missing');
    await promptLog.putMany(entries.map((entry) => ({ ...entry, id: crypto.randomUUID(), workshopId })));
    return ok(null);
  },
} satisfies Partial<Handlers>;
