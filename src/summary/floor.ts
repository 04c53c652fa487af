import { z } from 'zod';

// Who got the floor during a workshop, as plain records: a hand given the floor (with how long it
// waited) and each go-around round. The export carries these, the summary's facilitation note reads
// them. Today they are read from the stored live turn state (floorFromLiveState); a turn-event log
// can feed the same records.

const timestamp = z.number().int().nonnegative();

export const FloorGrantRecord = z.object({
  type: z.literal('hand'),
  key: z.string().min(1).max(300),
  name: z.string().max(200),
  raisedAt: timestamp,
  grantedAt: timestamp,
});
export type FloorGrantRecord = z.infer<typeof FloorGrantRecord>;

export const GoAroundRecord = z.object({
  type: z.literal('go-around'),
  startedAt: timestamp,
  finishedAt: timestamp.optional(),
  order: z.enum(['as-listed', 'random', 'quiet-first']),
  perPersonSec: z.number().positive().max(24 * 3600),
  turns: z
    .array(
      z.object({
        key: z.string().min(1).max(300),
        name: z.string().max(200),
        startedAt: timestamp,
        endedAt: timestamp,
        outcome: z.enum(['done', 'skipped', 'left']),
      }),
    )
    .max(1000),
});
export type GoAroundRecord = z.infer<typeof GoAroundRecord>;

export const FloorRecord = z.discriminatedUnion('type', [FloorGrantRecord, GoAroundRecord]);
export type FloorRecord = z.infer<typeof FloorRecord>;

/** The parts of the live turn state that say who had the floor (src/store/liveState.ts). */
export interface LiveFloorState {
  queue: { granted: readonly { key: string; name: string; raisedAt: number; grantedAt: number }[] };
  goAround?: {
    order: GoAroundRecord['order'];
    perPersonSec: number;
    startedAt: number;
    finishedAt?: number;
    names: Readonly<Record<string, string>>;
    past: readonly { key: string; startedAt: number; endedAt: number; outcome: 'done' | 'skipped' | 'left' }[];
  };
}

const ms = (value: number) => Math.max(0, Math.round(value));

export function floorFromLiveState(live: LiveFloorState): FloorRecord[] {
  const records: FloorRecord[] = live.queue.granted.map((g) => ({
    type: 'hand',
    key: g.key,
    name: g.name,
    raisedAt: ms(g.raisedAt),
    grantedAt: ms(Math.max(g.grantedAt, g.raisedAt)),
  }));
  const round = live.goAround;
  if (round) {
    records.push({
      type: 'go-around',
      startedAt: ms(round.startedAt),
      ...(round.finishedAt !== undefined ? { finishedAt: ms(round.finishedAt) } : {}),
      order: round.order,
      perPersonSec: round.perPersonSec,
      turns: round.past.map((t) => ({ key: t.key, name: round.names[t.key] ?? t.key, startedAt: ms(t.startedAt), endedAt: ms(t.endedAt), outcome: t.outcome })),
    });
  }
  return records.sort((a, b) => atOf(a) - atOf(b));
}

export function atOf(record: FloorRecord): number {
  return record.type === 'hand' ? record.grantedAt : record.startedAt;
}

/** Floor records without names or keys of people, for an export that leaves people out. */
export function anonymousFloor(records: readonly FloorRecord[]): FloorRecord[] {
  const label = new Map<string, string>();
  const anon = (key: string) => {
    let id = label.get(key);
    if (!id) label.set(key, (id = `p${label.size + 1}`));
    return id;
  };
  return records.map((r) =>
    r.type === 'hand'
      ? { ...r, key: anon(r.key), name: '' }
      : { ...r, turns: r.turns.map((t) => ({ ...t, key: anon(t.key), name: '' })) },
  );
}
