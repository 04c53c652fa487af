import { shuffled } from '../random';
import type { PeopleView } from '../turns/people';

export { seededRandom } from '../random';

// Mixed groups for the intermediate task's peer discussion: pairs or small groups whose members
// come from as many different organisations as the people allow.

export interface GroupMember {
  name: string;
  /** Empty when not tagged: the untagged count as one organisation of their own. */
  organisation: string;
}

/**
 * Groups of `size` (a few one larger, so nobody is left alone) that mix organisations as much as
 * possible: each organisation's people are dealt to different groups in turn, largest
 * organisation first, so no group has more of one organisation than it must
 * (at most ⌈its people ÷ groups⌉). `random` reshuffles who meets whom.
 */
export function formGroups(people: readonly GroupMember[], size: number, random: () => number = Math.random): string[][] {
  if (people.length === 0) return [];
  const groupCount = Math.max(1, Math.floor(people.length / Math.max(2, size)));
  const byOrganisation = new Map<string, string[]>();
  for (const person of shuffled(people, random)) {
    const key = person.organisation.trim().toLocaleLowerCase('und');
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), person.name]);
  }
  const organisations = shuffled([...byOrganisation.values()], random).sort((a, b) => b.length - a.length);
  const groups: string[][] = Array.from({ length: groupCount }, () => []);
  // Deal in one pass, continuing where the last organisation stopped: consecutive people of one
  // organisation always land in different groups, and group sizes differ by at most one.
  let next = Math.floor(random() * groupCount);
  for (const names of organisations) {
    for (const name of names) {
      groups[next]!.push(name);
      next = (next + 1) % groupCount;
    }
  }
  return groups;
}

/** One name in the intermediate task's list of people and their organisations. */
export interface TaskPerson {
  name: string;
  /** The site showed them earlier and does not now: they left the call. */
  left: boolean;
  facilitator: boolean;
}

/**
 * The workshop's people by name, as the task's organisation list shows them: participants in the
 * call first, then the facilitators, then those who left (marked, not dropped: their organisation
 * stays tagged for the next workshop). A name seen under two keys is one person, present if either is.
 */
export function taskPeople(view: PeopleView): TaskPerson[] {
  const absent = new Set(view.absentKeys);
  const facilitators = new Set(view.facilitatorKeys);
  const byName = new Map<string, TaskPerson>();
  for (const person of view.people) {
    const name = person.name.trim();
    if (!name) continue;
    const seen = byName.get(name);
    const left = absent.has(person.key) && (seen?.left ?? true);
    const facilitator = facilitators.has(person.key) || (seen?.facilitator ?? false);
    byName.set(name, { name, left, facilitator });
  }
  const order = (p: TaskPerson) => (p.left ? 2 : p.facilitator ? 1 : 0);
  return [...byName.values()].sort((a, b) => order(a) - order(b));
}

/**
 * Who the mixed groups are made of: the participants in the call. The facilitators do not take part
 * in the peer discussion and someone who left cannot (both were grouped, found in a Finnish walk-through).
 */
export function groupMembers(people: readonly TaskPerson[], organisationOf: ReadonlyMap<string, string>): GroupMember[] {
  return people.filter((p) => !p.left && !p.facilitator).map((p) => ({ name: p.name, organisation: organisationOf.get(p.name) ?? '' }));
}

/**
 * The group list as plain text for the chat or a board: one line per group, a group of two named a
 * pair, as the method and the script say ("Pari 1"; a trio among pairs stays "Ryhmä 3"). The
 * numbers run on across both, one per breakout room.
 */
export function groupListText(groups: readonly string[][], labels: { group: (n: number) => string; pair: (n: number) => string }): string {
  return groups.map((names, i) => `${(names.length === 2 ? labels.pair : labels.group)(i + 1)}: ${names.join(', ')}`).join('\n');
}
