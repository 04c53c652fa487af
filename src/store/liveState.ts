import { z } from 'zod';
import { ShownCards } from '../prompts/rules';
import { GoAroundState } from '../turns/goaround';
import { PauseCue } from '../turns/pause';
import { HandQueue, emptyHandQueue } from '../turns/queue';
import { db } from './db';
import { committed } from './records';

// The live turn-taking state of one workshop: the hand queue, a go-around, the pause cue, which
// prompt cards were dealt with, and who the facilitators are. Stored as one record per workshop
// so a reload or a second tab continues exactly where the facilitator was.

export const LiveState = z.object({
  queue: HandQueue,
  goAround: GoAroundState.optional(),
  pause: PauseCue.optional(),
  shown: ShownCards,
  facilitatorKeys: z.array(z.string().max(300)).max(20),
});
export type LiveState = z.infer<typeof LiveState>;

export function emptyLiveState(): LiveState {
  return { queue: emptyHandQueue(), shown: {}, facilitatorKeys: [] };
}

const keyOf = (workshopId: string) => `live:${workshopId}`;

export async function getLiveState(workshopId: string): Promise<LiveState> {
  const row = await (await db()).get('settings', keyOf(workshopId));
  const parsed = LiveState.safeParse(row?.value);
  return parsed.success ? parsed.data : emptyLiveState();
}

export async function setLiveState(workshopId: string, state: LiveState): Promise<void> {
  const value = LiveState.parse(state);
  const tx = (await db()).transaction('settings', 'readwrite', { durability: 'strict' });
  await committed(tx, [tx.store.put({ key: keyOf(workshopId), value })]);
}
