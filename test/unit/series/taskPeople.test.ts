import { describe, expect, it } from 'vitest';
import { formGroups, groupMembers, seededRandom, taskPeople } from '../../../src/series/groups';
import { peopleView, type Person } from '../../../src/turns/people';

// Found in a Finnish walk-through: "Muodosta sekaryhmät" grouped the host (marked F) and two people
// who had left the call ("Ryhmä 3: Ann Lee, Sanna Virtanen, Mikko Ylönen").

const site = (key: string, name: string, self = false): Person => ({ key, name, source: 'site', ...(self ? { self: true } : {}) });
const ann = site('ann', 'Ann Lee', true);
const bo = site('bo', 'Bo Kim');
const cy = site('cy', 'Cy Diaz');
const four = [site('p', 'Päivi Äijälä'), site('j', 'Jussi Östman'), site('s', 'Sanna Virtanen'), site('m', 'Mikko Ylönen')];
const organisations = new Map([
  ['Päivi Äijälä', 'Kaupunki'],
  ['Jussi Östman', 'Kaupunki'],
  ['Sanna Virtanen', 'Yritys'],
  ['Mikko Ylönen', 'Yritys'],
  ['Bo Kim', 'Yritys'],
]);

describe('who the intermediate task groups', () => {
  // Bo and Cy were seen earlier and are no longer in the call; Ann is you, marked F.
  const view = peopleView({ recorded: [ann, bo, cy, ...four], onSite: [ann, ...four], marked: ['ann'], onSiteLive: true });

  it('groups only the participants in the call: not the facilitator, not those who left', () => {
    const people = taskPeople(view);
    const members = groupMembers(people, organisations);
    expect(members.map((m) => m.name).sort()).toEqual(['Jussi Östman', 'Mikko Ylönen', 'Päivi Äijälä', 'Sanna Virtanen']);
    for (let seed = 1; seed <= 10; seed++) {
      const groups = formGroups(members, 2, seededRandom(seed));
      expect(groups.flat()).not.toContain('Ann Lee');
      expect(groups.flat()).not.toContain('Bo Kim');
      expect(groups).toHaveLength(2);
      // Mixed: one of the city and one of the firm in each pair.
      for (const pair of groups) expect(pair.map((n) => organisations.get(n)).sort()).toEqual(['Kaupunki', 'Yritys']);
    }
  });

  it('lists everyone for tagging, those who left marked and last, the facilitator marked', () => {
    const people = taskPeople(view);
    expect(people.map((p) => p.name)).toEqual(['Päivi Äijälä', 'Jussi Östman', 'Sanna Virtanen', 'Mikko Ylönen', 'Ann Lee', 'Bo Kim', 'Cy Diaz']);
    expect(people.filter((p) => p.left).map((p) => p.name)).toEqual(['Bo Kim', 'Cy Diaz']);
    expect(people.filter((p) => p.facilitator).map((p) => p.name)).toEqual(['Ann Lee']);
  });

  it('counts you as the facilitator unmarked, one name under two keys as present, and nobody as left while the roster is not read live', () => {
    const again = site('bo-2', 'Bo Kim');
    const people = taskPeople(peopleView({ recorded: [ann, bo, ...four], onSite: [ann, again, ...four], marked: [], onSiteLive: true }));
    expect(people.find((p) => p.name === 'Bo Kim')).toEqual({ name: 'Bo Kim', left: false, facilitator: false });
    expect(people.find((p) => p.name === 'Ann Lee')?.facilitator).toBe(true);
    const notLive = taskPeople(peopleView({ recorded: [ann, bo, cy, ...four], onSite: [ann, ...four], marked: ['ann'], onSiteLive: false }));
    expect(notLive.filter((p) => p.left)).toEqual([]);
  });
});
