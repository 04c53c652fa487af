import { shuffled } from '../random';

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

/** The group list as plain text for the chat or a board: one line per group. */
export function groupListText(groups: readonly string[][], groupLabel: (n: number) => string): string {
  return groups.map((names, i) => `${groupLabel(i + 1)}: ${names.join(', ')}`).join('\n');
}
