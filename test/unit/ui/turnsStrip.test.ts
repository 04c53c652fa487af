import { describe, expect, it } from 'vitest';
import { speakingStats } from '../../../src/turns/stats';
import { balanceWords, turnsStrip } from '../../../src/ui/panel/turnsStrip';

const people = [
  { key: 'a', name: 'Aino' },
  { key: 'b', name: 'Bo' },
  { key: 'c', name: 'Cecilia' },
];

describe('turnsStrip', () => {
  it('names the speaker, the next hand, who is not heard yet and the pause cue', () => {
    const stats = speakingStats({
      turns: [{ participantKey: 'a', startAt: 0, endAt: 30_000 }],
      participants: people,
      window: { from: 0, to: 60_000 },
    });
    const strip = turnsStrip({
      stats,
      speakingKeys: ['a'],
      hands: [{ key: 'c', name: 'Cecilia', waitingMs: 12_000 }],
      pause: { state: 'waiting', elapsedMs: 2500, remainingMs: 4500, progress: 0.3 },
    });
    expect(strip.speaking).toEqual(['Aino']);
    expect(strip.nextHand).toEqual({ key: 'c', name: 'Cecilia', waitingMs: 12_000 });
    expect(strip.notHeard).toEqual(['Bo', 'Cecilia']);
    expect(strip.pause).toEqual({ state: 'waiting', remainingSec: 5 });
    // One person has done all the talking so far.
    expect(strip.balance).toBe('one-voice');
  });

  it('says the balance in words', () => {
    expect(balanceWords(undefined)).toBeUndefined();
    expect(balanceWords(0)).toBe('one-voice');
    expect(balanceWords(0.5)).toBe('uneven');
    expect(balanceWords(0.8)).toBe('fairly-even');
    expect(balanceWords(1)).toBe('even');
  });

  // "The wait is over; if nobody spoke, invite someone by name" stood in the strip for good, while
  // people talked (found in a Finnish walk-through).
  it('says the wait is over only for a while after it, and not once someone has spoken', () => {
    // Asked at 50 s, waited 8 s; now 60 s.
    const quiet = speakingStats({ turns: [{ participantKey: 'a', startAt: 0, endAt: 30_000 }], participants: people, window: { from: 0, to: 60_000 } });
    const done = (overMs: number) => ({ state: 'done' as const, elapsedMs: 8000 + overMs, overMs });
    expect(turnsStrip({ stats: quiet, speakingKeys: [], hands: [], pause: done(2000) }).pause).toEqual({ state: 'done' });
    // Nobody has spoken at all: only the 30 s decide.
    const silent = speakingStats({ turns: [], participants: people, window: { from: 0, to: 60_000 } });
    expect(turnsStrip({ stats: silent, speakingKeys: [], hands: [], pause: done(29_000) }).pause).toEqual({ state: 'done' });
    expect(turnsStrip({ stats: silent, speakingKeys: [], hands: [], pause: done(31_000) }).pause).toEqual({ state: 'idle' });
    expect(turnsStrip({ stats: quiet, speakingKeys: ['b'], hands: [], pause: done(2000) }).pause).toEqual({ state: 'idle' });
    const answered = speakingStats({ turns: [{ participantKey: 'b', startAt: 58_500, endAt: 59_500 }], participants: people, window: { from: 0, to: 60_000 } });
    expect(turnsStrip({ stats: answered, speakingKeys: [], hands: [], pause: done(2000) }).pause).toEqual({ state: 'idle' });
  });
});
