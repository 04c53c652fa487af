import { describe, expect, it } from 'vitest';
import { normalisedEntropy, silentFor, speakingStats } from '../../../src/turns/stats';

const participants = [
  { key: 'f', name: 'Fasilitaattori' },
  { key: 'a', name: 'Aino' },
  { key: 'b', name: 'Bertta' },
  { key: 'c', name: 'Cecilia' },
];
const turn = (participantKey: string, startAt: number, endAt: number) => ({ participantKey, startAt, endAt });

describe('speakingStats', () => {
  const stats = speakingStats({
    turns: [turn('f', 0, 6000), turn('a', 6000, 8000), turn('b', 10_000, 12_000)],
    participants,
    facilitatorKeys: ['f'],
    window: { from: 0, to: 20_000 },
  });

  it('sums speaking time and shares per person', () => {
    expect(stats.totalSpeakingMs).toBe(10_000);
    expect(stats.people.map((p) => [p.key, p.speakingMs, p.share])).toEqual([
      ['f', 6000, 0.6],
      ['a', 2000, 0.2],
      ['b', 2000, 0.2],
      ['c', 0, 0],
    ]);
    expect(stats.facilitatorShare).toBeCloseTo(0.6);
  });

  it('lists participants who have not spoken, never the facilitator', () => {
    expect(stats.notSpokenYet).toEqual(['c']);
  });

  it('measures balance as normalised entropy over participants, silent ones included', () => {
    // Aino and Bertta 2 s each, Cecilia 0: ln 2 / ln 3.
    expect(stats.balance).toBeCloseTo(Math.log(2) / Math.log(3), 10);
  });

  it('finds the longest silence, including up to the end of the window', () => {
    expect(stats.longestSilenceMs).toBe(8000);
    expect(stats.silenceSinceLastTurnMs).toBe(8000);
  });

  it('clips turns to the window and counts a leading silence', () => {
    const clipped = speakingStats({
      turns: [turn('a', 0, 10_000), turn('b', 14_000, 15_000)],
      participants,
      window: { from: 5000, to: 15_000 },
    });
    expect(clipped.people.find((p) => p.key === 'a')?.speakingMs).toBe(5000);
    expect(clipped.longestSilenceMs).toBe(4000);
    expect(clipped.silenceSinceLastTurnMs).toBe(0);

    const late = speakingStats({ turns: [turn('a', 8000, 9000)], participants, window: { from: 0, to: 10_000 } });
    expect(late.longestSilenceMs).toBe(8000);
  });

  it('treats overlapping speech as speech when measuring silence', () => {
    const overlapping = speakingStats({
      turns: [turn('a', 0, 5000), turn('b', 1000, 3000), turn('c', 4000, 7000)],
      participants,
      window: { from: 0, to: 8000 },
    });
    expect(overlapping.longestSilenceMs).toBe(1000);
    expect(overlapping.totalSpeakingMs).toBe(5000 + 2000 + 3000);
  });

  it('gives balance 1 for equal talk, 0 for one speaker, undefined when nobody spoke', () => {
    expect(normalisedEntropy([3, 3, 3])).toBeCloseTo(1, 10);
    expect(normalisedEntropy([5, 0, 0])).toBe(0);
    expect(normalisedEntropy([0, 0])).toBeUndefined();
    expect(normalisedEntropy([4])).toBeUndefined();
    const none = speakingStats({ turns: [], participants, facilitatorKeys: ['f'], window: { from: 0, to: 1000 } });
    expect(none.balance).toBeUndefined();
    expect(none.facilitatorShare).toBeUndefined();
    expect(none.silenceSinceLastTurnMs).toBeUndefined();
    expect(none.longestSilenceMs).toBe(1000);
  });

  it('counts several facilitators together', () => {
    const co = speakingStats({
      turns: [turn('f', 0, 3000), turn('a', 3000, 4000), turn('b', 4000, 8000)],
      participants,
      facilitatorKeys: ['f', 'b'],
      window: { from: 0, to: 8000 },
    });
    expect(co.facilitatorShare).toBeCloseTo(7 / 8);
    expect(co.notSpokenYet).toEqual(['c']);
  });

  it('includes speakers the participant list does not know', () => {
    const s = speakingStats({ turns: [turn('x', 0, 1000)], participants, window: { from: 0, to: 2000 } });
    expect(s.people.at(-1)).toMatchObject({ key: 'x', name: 'x', speakingMs: 1000, share: 1 });
  });

  it('tells the prompt rules how long each participant has been silent', () => {
    const s = speakingStats({
      turns: [turn('a', 0, 60_000), turn('f', 60_000, 700_000)],
      participants,
      facilitatorKeys: ['f'],
      window: { from: 100_000, to: 700_000 },
    });
    expect(silentFor(s, 700_000, 0)).toEqual([
      { key: 'a', name: 'Aino', silentMs: 640_000 },
      { key: 'b', name: 'Bertta', silentMs: 700_000 },
      { key: 'c', name: 'Cecilia', silentMs: 700_000 },
    ]);
  });
});
