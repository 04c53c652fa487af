import { applyLiveEvent, emptyLiveState, LiveState, type LiveEvent, type LiveSnapshot } from '../turns/live';
import { fail, type Reply } from '../messages/reply';
import { db } from './db';
import { committed } from './records';

// The live turn-taking state of one workshop (hand queue, go-around, pause cue, cards dealt
// with, facilitators): a snapshot plus the log of events that made it (src/turns/live.ts). An
// append reads the snapshot, applies the event and writes both in ONE transaction, so appends
// from two panels are applied one after the other and neither is lost.

export async function getLive(workshopId: string): Promise<LiveSnapshot> {
  const row = await (await db()).get('liveStates', workshopId);
  const parsed = LiveState.safeParse(row?.state);
  return { state: parsed.success ? parsed.data : emptyLiveState(), count: row?.count ?? 0 };
}

/**
 * Appends one event. With `expectedCount`, the event is refused ('live-changed') when another
 * panel appended meanwhile; without, it applies to whatever the state is now (events say what
 * they need: src/turns/live.ts).
 */
export async function appendLiveEvent(workshopId: string, event: LiveEvent, expectedCount?: number): Promise<Reply<LiveSnapshot>> {
  const tx = (await db()).transaction(['liveStates', 'liveEvents'], 'readwrite', { durability: 'strict' });
  const states = tx.objectStore('liveStates');
  const row = await states.get(workshopId);
  const count = row?.count ?? 0;
  if (expectedCount !== undefined && expectedCount !== count) {
    await tx.done;
    return fail('live-changed');
  }
  const parsed = LiveState.safeParse(row?.state);
  const state = LiveState.parse(applyLiveEvent(parsed.success ? parsed.data : emptyLiveState(), event));
  await committed(tx, [
    states.put({ workshopId, state, count: count + 1, updatedAt: event.at }),
    tx.objectStore('liveEvents').put({ workshopId, seq: count, event }),
  ]);
  return { ok: true, value: { state, count: count + 1 } };
}

/** The workshop's live events in the order they were applied. */
export async function liveEventsOf(workshopId: string): Promise<LiveEvent[]> {
  const rows = await (await db()).getAll('liveEvents', IDBKeyRange.bound([workshopId, 0], [workshopId, Infinity]));
  return rows.map((row) => row.event as LiveEvent);
}
