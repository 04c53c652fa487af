import type { Run } from '../script/timing';
import type { HandQueue } from '../turns/queue';

// Participant names, speaking times, hands and chat authors are personal data. Vuoro records none
// of it until the facilitator starts the workshop, or says earlier that it may ("Record now" in
// the Turns tab). Before that the panel shows what the page shows and stores nothing about people.

export function recordsPeople(workshop: { recordPeople?: boolean | undefined }, run: Pick<Run, 'events'>): boolean {
  return workshop.recordPeople === true || run.events.some((event) => event.type === 'start');
}

/** The hand queue without what the site reported: what may be stored before recording starts. */
export function withoutSiteHands(queue: HandQueue): HandQueue {
  return { ...queue, hands: queue.hands.filter((hand) => hand.manual), ignoredSiteKeys: [] };
}
