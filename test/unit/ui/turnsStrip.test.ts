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
});
