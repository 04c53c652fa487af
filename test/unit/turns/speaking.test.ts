import { describe, expect, it } from 'vitest';
import {
  SpeakingState,
  closeAt,
  emptySpeakingState,
  feedSample,
  smoothSamples,
  speakingNow,
  turnsSoFar,
  type SpeakerSample,
} from '../../../src/turns/speaking';

/** Adapter samples every 150 ms from `from` to `to` inclusive, with `keys` speaking. */
function samples(from: number, to: number, keys: string[], step = 150): SpeakerSample[] {
  const out: SpeakerSample[] = [];
  for (let at = from; at <= to; at += step) out.push({ at, keys });
  return out;
}

/** Merges several per-key streams into one sample per timestamp. */
function merge(...streams: SpeakerSample[][]): SpeakerSample[] {
  const byAt = new Map<number, Set<string>>();
  for (const s of streams.flat()) {
    const keys = byAt.get(s.at) ?? new Set<string>();
    s.keys.forEach((k) => keys.add(k));
    byAt.set(s.at, keys);
  }
  return [...byAt.entries()].sort((a, b) => a[0] - b[0]).map(([at, keys]) => ({ at, keys: [...keys] }));
}

describe('smoothing speaker samples into turns', () => {
  it('turns steady speech into one turn from first to last sample', () => {
    const turns = smoothSamples([...samples(0, 3000, ['a']), ...samples(3150, 6000, [])], 6000);
    expect(turns).toEqual([{ participantKey: 'a', startAt: 0, endAt: 3000 }]);
  });

  it('drops a 300 ms blip', () => {
    const turns = smoothSamples([...samples(0, 300, ['a']), ...samples(450, 3000, [])], 3000);
    expect(turns).toEqual([]);
  });

  it('keeps a turn of just over 400 ms', () => {
    const turns = smoothSamples([...samples(0, 450, ['a']), ...samples(600, 3000, [])], 3000);
    expect(turns).toEqual([{ participantKey: 'a', startAt: 0, endAt: 450 }]);
  });

  it('bridges flicker shorter than the hold into one turn', () => {
    // The indicator drops out for one, two and three samples (gaps up to 600 ms, within the 700 ms hold).
    const dropped = new Set([3, 4, 10, 17, 18, 19]);
    const flickering = samples(0, 3900, ['a']).map((s, i) => (dropped.has(i) ? { ...s, keys: [] } : s));
    const turns = smoothSamples([...flickering, ...samples(4050, 6000, [])], 6000);
    expect(turns).toEqual([{ participantKey: 'a', startAt: 0, endAt: 3900 }]);
  });

  it('splits turns at a pause longer than the hold', () => {
    const turns = smoothSamples(
      [...samples(0, 1500, ['a']), ...samples(1650, 2550, []), ...samples(2700, 3900, ['a']), ...samples(4050, 6000, [])],
      6000,
    );
    expect(turns).toEqual([
      { participantKey: 'a', startAt: 0, endAt: 1500 },
      { participantKey: 'a', startAt: 2700, endAt: 3900 },
    ]);
  });

  it('splits turns across a gap with no samples at all (a throttled tab)', () => {
    const turns = smoothSamples([...samples(0, 1500, ['a']), ...samples(3000, 4200, ['a'])], 4200);
    expect(turns).toEqual([
      { participantKey: 'a', startAt: 0, endAt: 1500 },
      { participantKey: 'a', startAt: 3000, endAt: 4200 },
    ]);
  });

  it('keeps overlapping speakers as separate, overlapping turns', () => {
    const stream = merge(samples(0, 6000, []), samples(0, 3000, ['a']), samples(1500, 4500, ['b']));
    expect(smoothSamples(stream, 6000)).toEqual([
      { participantKey: 'a', startAt: 0, endAt: 3000 },
      { participantKey: 'b', startAt: 1500, endAt: 4500 },
    ]);
  });

  it('counts someone as speaking now only after the enter delay and until the hold runs out', () => {
    let state = emptySpeakingState();
    state = feedSample(state, { at: 0, keys: ['a'] });
    state = feedSample(state, { at: 150, keys: ['a'] });
    expect(speakingNow(state, 150)).toEqual([]);
    state = feedSample(state, { at: 300, keys: ['a'] });
    expect(speakingNow(state, 300)).toEqual(['a']);
    expect(speakingNow(state, 900)).toEqual(['a']);
    expect(speakingNow(state, 1100)).toEqual([]);
  });

  it('gives the same turns fed live, persisted half-way, or in one batch', () => {
    const stream = merge(samples(0, 10_000, []), samples(0, 2000, ['a']), samples(5000, 8000, ['b']));
    const half = stream.slice(0, 40).reduce((s, x) => feedSample(s, x), emptySpeakingState());
    const restored = SpeakingState.parse(JSON.parse(JSON.stringify(half)));
    const live = stream.slice(40).reduce((s, x) => feedSample(s, x), restored);
    expect(closeAt(live, 10_000).turns).toEqual(smoothSamples(stream, 10_000));
  });

  it('ignores samples older than the last one', () => {
    let state = feedSample(emptySpeakingState(), { at: 1000, keys: [] });
    const before = state;
    state = feedSample(state, { at: 500, keys: ['a'] });
    expect(state).toBe(before);
  });

  it('closes speech in progress at the last time it was seen, dropping what is too short', () => {
    let state = samples(0, 1200, ['a']).reduce((s, x) => feedSample(s, x), emptySpeakingState());
    state = feedSample(state, { at: 1200, keys: ['a', 'b'] });
    expect(closeAt(state, 1300).turns).toEqual([{ participantKey: 'a', startAt: 0, endAt: 1200 }]);
  });

  it('shows qualifying speech in progress without changing the state', () => {
    const state = samples(0, 900, ['a']).reduce((s, x) => feedSample(s, x), emptySpeakingState());
    expect(turnsSoFar(state, 1000)).toEqual([{ participantKey: 'a', startAt: 0, endAt: 900 }]);
    expect(state.turns).toEqual([]);
    expect(Object.keys(state.open)).toEqual(['a']);
  });

  describe('manual "mark speaker" taps', () => {
    it('hold until the next tap, with no hold timeout', () => {
      const turns = smoothSamples(
        [
          { at: 0, keys: ['a'], manual: true },
          { at: 5000, keys: ['b'], manual: true },
          { at: 8000, keys: [], manual: true },
        ],
        9000,
      );
      expect(turns).toEqual([
        { participantKey: 'a', startAt: 0, endAt: 5000 },
        { participantKey: 'b', startAt: 5000, endAt: 8000 },
      ]);
    });

    it('drop a quickly corrected mis-tap', () => {
      const turns = smoothSamples(
        [
          { at: 0, keys: ['a'], manual: true },
          { at: 250, keys: ['b'], manual: true },
        ],
        3000,
      );
      expect(turns).toEqual([{ participantKey: 'b', startAt: 250, endAt: 3000 }]);
    });

    it('are not ended by adapter samples that leave the person out', () => {
      const turns = smoothSamples([{ at: 0, keys: ['a'], manual: true }, ...samples(150, 3000, [])], 3000);
      expect(turns).toEqual([{ participantKey: 'a', startAt: 0, endAt: 3000 }]);
    });
  });
});
