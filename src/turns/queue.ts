// The raised-hand queue. Hands come from two places: what the meeting site reports (raised-hand
// icons, sometimes with the site's own order) and the facilitator's manual toggles (for hands seen on
// camera, in the chat, or on sites without a hand feature). Both merge into one queue.
import * as z from 'zod/mini';

export const RaisedHand = z.object({
  key: z.string(),
  name: z.string(),
  /** When Vuoro first saw the hand; hands seen in the same sync are ordered by siteOrder. */
  raisedAt: z.number(),
  /** The site currently reports this hand. */
  site: z.boolean(),
  /** The facilitator raised it by hand; it stays until they lower it or give the floor. */
  manual: z.boolean(),
  siteOrder: z.optional(z.number()),
});
export type RaisedHand = z.infer<typeof RaisedHand>;

export const FloorGrant = z.object({
  key: z.string(),
  name: z.string(),
  raisedAt: z.number(),
  grantedAt: z.number(),
});
export type FloorGrant = z.infer<typeof FloorGrant>;

export const HandQueue = z.object({
  hands: z.array(RaisedHand),
  /** Who got the floor from the queue, oldest first: for the summary. */
  granted: z.array(FloorGrant),
  /**
   * Site hands the facilitator has dealt with (lowered or given the floor) that the site still shows,
   * typically because the person forgot to lower it. Ignored until the site stops reporting them.
   */
  ignoredSiteKeys: z.array(z.string()),
});
export type HandQueue = z.infer<typeof HandQueue>;

export interface ReportedHand {
  key: string;
  name: string;
  /** Position in the site's own raised-hand list, when the site shows one (0 = first). */
  order?: number;
}

export function emptyHandQueue(): HandQueue {
  return { hands: [], granted: [], ignoredSiteKeys: [] };
}

/** Hands in the order they get the floor. */
export function orderedHands(queue: HandQueue): RaisedHand[] {
  return [...queue.hands].sort(
    (a, b) =>
      a.raisedAt - b.raisedAt ||
      (a.siteOrder ?? Infinity) - (b.siteOrder ?? Infinity) ||
      a.key.localeCompare(b.key),
  );
}

/**
 * Applies what the site reports now: new hands join the queue, site hands no longer reported are
 * lowered (unless the facilitator also raised them by hand), and the site's order is kept.
 */
export function syncSiteHands(queue: HandQueue, reported: readonly ReportedHand[], now: number): HandQueue {
  const reportedByKey = new Map(reported.map((hand) => [hand.key, hand]));
  const ignoredSiteKeys = queue.ignoredSiteKeys.filter((key) => reportedByKey.has(key));
  const ignored = new Set(ignoredSiteKeys);
  const hands: RaisedHand[] = [];
  for (const hand of queue.hands) {
    const report = reportedByKey.get(hand.key);
    if (report && !ignored.has(hand.key)) {
      hands.push({ ...hand, name: report.name, site: true, ...orderOf(report) });
    } else if (hand.manual) {
      const { siteOrder: _dropped, ...rest } = hand;
      hands.push({ ...rest, site: false });
    }
  }
  const known = new Set(hands.map((hand) => hand.key));
  for (const report of reported) {
    if (known.has(report.key) || ignored.has(report.key)) continue;
    hands.push({ key: report.key, name: report.name, raisedAt: now, site: true, manual: false, ...orderOf(report) });
  }
  return { ...queue, hands, ignoredSiteKeys };
}

/** The facilitator raises a hand for someone. Already in the queue: nothing changes, they keep their place. */
export function raiseHand(queue: HandQueue, participant: { key: string; name: string }, now: number): HandQueue {
  const existing = queue.hands.find((hand) => hand.key === participant.key);
  if (existing) {
    return { ...queue, hands: queue.hands.map((hand) => (hand === existing ? { ...hand, manual: true } : hand)) };
  }
  return { ...queue, hands: [...queue.hands, { ...participant, raisedAt: now, site: false, manual: true }] };
}

/** The facilitator lowers a hand, whichever source it came from. */
export function lowerHand(queue: HandQueue, key: string): HandQueue {
  const hand = queue.hands.find((h) => h.key === key);
  if (!hand) return queue;
  return {
    ...queue,
    hands: queue.hands.filter((h) => h !== hand),
    ignoredSiteKeys: hand.site ? [...queue.ignoredSiteKeys, key] : queue.ignoredSiteKeys,
  };
}

/** Manual toggle: raise if not in the queue, lower if it is. */
export function toggleHand(queue: HandQueue, participant: { key: string; name: string }, now: number): HandQueue {
  return queue.hands.some((hand) => hand.key === participant.key)
    ? lowerHand(queue, participant.key)
    : raiseHand(queue, participant, now);
}

/** Gives the floor to the first hand: removes it and records the grant. */
export function next(queue: HandQueue, now: number): { queue: HandQueue; granted?: FloorGrant } {
  const first = orderedHands(queue)[0];
  return first ? giveFloor(queue, first.key, now) : { queue };
}

/** Gives the floor to one raised hand: removes it and records the grant. No such hand: no change. */
export function giveFloor(queue: HandQueue, key: string, now: number): { queue: HandQueue; granted?: FloorGrant } {
  const hand = queue.hands.find((h) => h.key === key);
  if (!hand) return { queue };
  const granted: FloorGrant = { key: hand.key, name: hand.name, raisedAt: hand.raisedAt, grantedAt: now };
  const lowered = lowerHand(queue, hand.key);
  return { queue: { ...lowered, granted: [...lowered.granted, granted] }, granted };
}

/** Hands in queue order with how long each has waited: the prompt rules' handsWaiting. */
export function waitingTimes(queue: HandQueue, now: number): { key: string; name: string; waitingMs: number }[] {
  return orderedHands(queue).map((hand) => ({ key: hand.key, name: hand.name, waitingMs: Math.max(0, now - hand.raisedAt) }));
}

function orderOf(report: ReportedHand): { siteOrder?: number } {
  return report.order === undefined ? {} : { siteOrder: report.order };
}
