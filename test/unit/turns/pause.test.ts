import { describe, expect, it } from 'vitest';
import { PauseCue, endPause, pauseStatus, startPause } from '../../../src/turns/pause';

describe('pause cue', () => {
  it('counts down from the question using timestamps only', () => {
    const cue = startPause(10_000, 8);
    expect(pauseStatus(cue, 10_000)).toEqual({ state: 'waiting', elapsedMs: 0, remainingMs: 8000, progress: 0 });
    expect(pauseStatus(cue, 16_000)).toEqual({ state: 'waiting', elapsedMs: 6000, remainingMs: 2000, progress: 0.75 });
    expect(pauseStatus(cue, 18_000)).toEqual({ state: 'done', elapsedMs: 8000, overMs: 0 });
    expect(pauseStatus(PauseCue.parse(JSON.parse(JSON.stringify(cue))), 12_000)).toMatchObject({ remainingMs: 6000 });
  });

  it('ends early when someone speaks or the facilitator cancels', () => {
    const answered = endPause(startPause(0, 8), 3000, 'speech');
    expect(pauseStatus(answered, 20_000)).toEqual({ state: 'ended', reason: 'speech', afterMs: 3000 });
    expect(endPause(answered, 4000, 'cancelled')).toBe(answered);
  });

  it('does not rewrite a wait that already ran out', () => {
    const cue = startPause(0, 8);
    expect(endPause(cue, 9000, 'speech')).toBe(cue);
  });
});
