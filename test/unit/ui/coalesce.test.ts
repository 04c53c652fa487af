import { describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../../src/ui/shared/coalesce';

/** A load the test finishes by hand, counting how many ran. */
function manualLoads() {
  const pending: ((value: number) => void)[] = [];
  let started = 0;
  const load = () => {
    started++;
    return new Promise<number>((done) => pending.push(done));
  };
  const finish = async (value: number) => {
    pending.shift()!(value);
    await new Promise((done) => setTimeout(done, 5));
  };
  return { load, finish, started: () => started, pending: () => pending.length };
}

describe('coalesced loads', () => {
  it('runs one load for a burst of requests, and exactly one more after it', async () => {
    const loads = manualLoads();
    const seen: number[] = [];
    const loader = coalesced(loads.load, (v) => seen.push(v));
    loader.request();
    for (let i = 0; i < 500; i++) loader.request(); // a paste of 500 lines: 500 store changes
    expect(loads.started()).toBe(1);
    await loads.finish(1);
    expect(seen).toEqual([1]);
    // The changes meanwhile: one more load, not 500. It starts after a gap as long as the first
    // load took, which on a busy machine is more than the 5 ms `finish` waits (it failed so once).
    await vi.waitFor(() => expect(loads.started()).toBe(2), { timeout: 2_000, interval: 5 });
    await loads.finish(2);
    expect(seen).toEqual([1, 2]);
    expect(loads.pending()).toBe(0);
    expect(loads.started()).toBe(2);
  });

  it('loads again on a later request, and delivers nothing after stop', async () => {
    const loads = manualLoads();
    const seen: number[] = [];
    const loader = coalesced(loads.load, (v) => seen.push(v));
    loader.request();
    await loads.finish(1);
    loader.request();
    expect(loads.started()).toBe(2);
    loader.stop();
    await loads.finish(2);
    loader.request();
    expect(seen).toEqual([1]);
    expect(loads.started()).toBe(2);
  });

  it('keeps going after a failed load', async () => {
    let calls = 0;
    const seen: number[] = [];
    const loader = coalesced(() => (++calls === 1 ? Promise.reject(new Error('no receiver')) : Promise.resolve(calls)), (v) => seen.push(v));
    loader.request();
    loader.request();
    // The second load starts after a gap as long as the first took: on a busy machine more than
    // the 5 ms this waited (it failed so once), as the first test found for its own second load.
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 2_000, interval: 5 });
    await new Promise((done) => setTimeout(done, 5));
    expect(seen).toEqual([2]);
  });
});

describe('coalesced loads: the gap after a slow load', () => {
  it('waits as long as the last load took before the next, so writes get their turn', async () => {
    const starts: number[] = [];
    const loader = coalesced(
      () => {
        starts.push(performance.now());
        return new Promise<number>((done) => setTimeout(() => done(starts.length), 60));
      },
      () => {},
    );
    loader.request();
    loader.request();
    await new Promise((done) => setTimeout(done, 250));
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(110); // 60 ms of load, then ~60 ms of gap
  });

  it('starts no load after stop, also when the stop comes during the gap', async () => {
    let started = 0;
    const loader = coalesced(
      () => {
        started++;
        return new Promise<number>((done) => setTimeout(() => done(started), 60));
      },
      () => {},
    );
    loader.request();
    loader.request(); // one more after the first, ~60 ms after it ends
    await new Promise((done) => setTimeout(done, 80)); // the first has ended; the gap runs
    loader.stop();
    await new Promise((done) => setTimeout(done, 150));
    expect(started).toBe(1);
  });
});
