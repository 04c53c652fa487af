// The one people list both the Turns and the Prompts tabs read: everyone recorded in the workshop
// (manual additions too) and whoever the site shows now, the site's name winning. Before, the
// Prompts tab derived "not heard yet" from the recorded list alone, so someone the site had just
// shown was silent in one tab and absent in the other.

export interface Person {
  key: string;
  name: string;
  self?: boolean;
}

export function peopleOf(recorded: readonly Person[], onSite: readonly Person[]): Person[] {
  const people = new Map<string, Person>();
  for (const p of recorded) people.set(p.key, { key: p.key, name: p.name, ...(p.self ? { self: true } : {}) });
  for (const p of onSite) people.set(p.key, { key: p.key, name: p.name, ...(p.self ? { self: true } : {}) });
  return [...people.values()];
}
