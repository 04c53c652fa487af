import { describe, expect, it } from 'vitest';
import { applyLiveEvent, emptyLiveState, type LiveState } from '../../../src/turns/live';
import type { SpeakerSample } from '../../../src/turns/speaking';
import { LIVE_ACTIONS, turnsActions } from '../../../src/ui/panel/liveActions';

describe('setFacilitator', () => {
  it('appends a mark only when it changes the live state', () => {
    const marked: LiveState = { ...emptyLiveState(), facilitatorKeys: ['a'] };
    expect(LIVE_ACTIONS.setFacilitator(emptyLiveState(), { key: 'a', on: true }, 5)).toEqual({ type: 'facilitator/set', at: 5, key: 'a', facilitator: true });
    expect(LIVE_ACTIONS.setFacilitator(marked, { key: 'a', on: true }, 5)).toBeNull();
    expect(LIVE_ACTIONS.setFacilitator(marked, { key: 'a', on: false }, 6)).toEqual({ type: 'facilitator/set', at: 6, key: 'a', facilitator: false });
  });

  // Issue 12.2: with nobody marked you count as facilitator and your F shows pressed; pressing it
  // records "not facilitating" (a note-taker), once, and pressing it again makes you one again.
  it('unmarks you although you were never marked: "not facilitating" is recorded once, and F again undoes it', () => {
    const off = LIVE_ACTIONS.setFacilitator(emptyLiveState(), { key: 'a', on: false }, 6);
    expect(off).toEqual({ type: 'facilitator/set', at: 6, key: 'a', facilitator: false });
    const declined = applyLiveEvent(emptyLiveState(), off!);
    expect(declined).toMatchObject({ facilitatorKeys: [], notFacilitatorKeys: ['a'] });
    expect(LIVE_ACTIONS.setFacilitator(declined, { key: 'a', on: false }, 7)).toBeNull();
    const on = LIVE_ACTIONS.setFacilitator(declined, { key: 'a', on: true }, 8);
    expect(applyLiveEvent(declined, on!)).toMatchObject({ facilitatorKeys: ['a'], notFacilitatorKeys: [] });
  });
});

describe('turnsActions', () => {
  function setup(speaking: string[] = []) {
    const ran: unknown[][] = [];
    const fed: SpeakerSample[] = [];
    const asked: unknown[][] = [];
    const live = {
      run: (...args: unknown[]) => void ran.push(args),
      feed: (sample: SpeakerSample) => void fed.push(sample),
      speakingNow: () => speaking,
    };
    const ask = (async (...args: unknown[]) => (asked.push(args), { ok: true, value: { key: 'manual:x' } })) as never;
    return { act: turnsActions('w1', live as never, ask), ran, fed, asked };
  }

  it('a tap on a name starts that person’s turn, a second tap ends it', () => {
    const first = setup();
    first.act.markSpeaker('b');
    expect(first.ran).toEqual([['markSpeaker', { key: 'b', speaking: true }]]);
    expect(first.fed).toEqual([expect.objectContaining({ keys: ['b'], manual: true })]);
    const second = setup(['b']);
    second.act.markSpeaker('b');
    expect(second.ran).toEqual([['markSpeaker', { key: 'b', speaking: false }]]);
    expect(second.fed).toEqual([expect.objectContaining({ keys: [], manual: true })]);
  });

  it('F marks the person here and remembers the name for the series', () => {
    const { act, ran, asked } = setup();
    act.markFacilitator({ key: 'b', name: 'Bo' }, true);
    expect(ran).toEqual([['setFacilitator', { key: 'b', on: true }]]);
    expect(asked).toEqual([['series/update', { workshopId: 'w1', patch: { facilitator: { name: 'Bo', on: true } } }]]);
  });

  it('adds a person by a name that is not blank, and starts recording', async () => {
    const { act, asked } = setup();
    expect(await act.addPerson('   ')).toBe(false);
    expect(await act.addPerson('  Cai ')).toBe(true);
    act.recordFromNow();
    expect(asked).toEqual([
      ['participants/add', { workshopId: 'w1', name: 'Cai' }],
      ['workshop/update', { workshopId: 'w1', patch: { recordPeople: true } }],
    ]);
  });
});
