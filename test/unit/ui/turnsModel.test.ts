import { describe, expect, it } from 'vitest';
import { applyLiveEvent, emptyLiveState, replayLiveEvents, type LiveEvent } from '../../../src/turns/live';
import { peopleView } from '../../../src/turns/people';
import { LIVE_ACTIONS } from '../../../src/ui/panel/liveActions';
import { roundSetup, signalLines, turnsModel, TURN_CAPS, type TurnsInput } from '../../../src/ui/panel/turnsModel';

const T0 = 1_000_000;
const onSite = [
  { key: 'ann', name: 'Ann Lee', self: true },
  { key: 'bo', name: 'Bo Kim' },
  { key: 'cy', name: 'Cy Diaz' },
];
const people = peopleView({ recorded: [{ key: 'manual:1', name: 'Dana' }], onSite, marked: [] });
const live = (...events: LiveEvent[]) => replayLiveEvents(events);

function input(over: Partial<TurnsInput> = {}): TurnsInput {
  return {
    people,
    live: emptyLiveState(),
    turns: [],
    speakingKeys: [],
    capabilities: {},
    startedAt: T0,
    talking: undefined,
    now: T0 + 60_000,
    ...over,
  };
}

describe('turnsModel', () => {
  it('gives each person a row: speaking now, facilitator, not heard yet, raised hand, time and share', () => {
    const model = turnsModel(
      input({
        turns: [
          { participantKey: 'ann', startAt: T0, endAt: T0 + 10_000 },
          { participantKey: 'bo', startAt: T0 + 10_000, endAt: T0 + 40_500 },
        ],
        speakingKeys: ['bo'],
        live: live({ type: 'hand/raise', at: T0 + 5000, key: 'cy', name: 'Cy Diaz' }),
      }),
    );
    expect(model.people.map((p) => [p.key, p.speaking, p.facilitator, p.notHeard, p.handRaised, p.time, p.sharePct])).toEqual([
      ['manual:1', false, false, true, false, '0:00', 0],
      ['ann', false, true, false, false, '0:10', 25],
      ['bo', true, false, false, false, '0:30', 75],
      ['cy', false, false, true, true, '0:00', 0],
    ]);
    expect(model.people.find((p) => p.key === 'bo')?.barPct).toBe(100);
    expect(model.summary).toMatchObject({ notHeard: 2, notHeardNames: ['Dana', 'Cy Diaz'], facilitatorPct: 25, balance: 'one-voice', balanceKey: 'balance_one_voice' });
    expect(model.strip.speaking).toEqual(['Bo Kim']);
    expect(model.hands).toEqual([{ key: 'cy', name: 'Cy Diaz', waited: '0:55' }]);
  });

  it('says the facilitator share is unset only when nobody facilitates, and unknown before anyone spoke', () => {
    const nobody = peopleView({ recorded: [], onSite: onSite.map(({ key, name }) => ({ key, name })), marked: [] });
    expect(turnsModel(input({ people: nobody })).summary).toEqual({ notHeard: 3, notHeardNames: ['Ann Lee', 'Bo Kim', 'Cy Diaz'], balance: 'unknown', balanceKey: 'balance_unknown' });
    expect(turnsModel(input()).summary.facilitatorPct).toBe('none');
  });

  // Teams shows nothing of your own speech: where nobody pressed "I am talking" the share read 0 %
  // however much the facilitator spoke.
  it('says the facilitator share is not measured where your own speech is not seen and none was recorded', () => {
    const others = [{ participantKey: 'bo', startAt: T0, endAt: T0 + 30_000 }];
    const teams = { ownSpeech: { state: 'unsupported', reason: 'no-own-signal' } } as TurnsInput['capabilities'];
    expect(turnsModel(input({ turns: others, capabilities: teams })).summary.facilitatorPct).toBe('unrecorded');
    // Measured where the page shows your speech (Zoom's frame, Meet's level): 0 % is then true.
    expect(turnsModel(input({ turns: others, capabilities: { ownSpeech: { state: 'ok', source: 'tile' } } })).summary.facilitatorPct).toBe(0);
    // Once "I am talking" has recorded some, the share is a measure again.
    const talked = [...others, { participantKey: 'ann', startAt: T0 + 30_000, endAt: T0 + 40_000 }];
    expect(turnsModel(input({ turns: talked, capabilities: teams })).summary.facilitatorPct).toBe(25);
    // A note-taker (not facilitating) with someone else marked F: that facilitator's silence is not yours to explain.
    const noteTaker = peopleView({ recorded: [], onSite, marked: ['bo'], declined: ['ann'] });
    expect(turnsModel(input({ people: noteTaker, turns: [{ participantKey: 'cy', startAt: T0, endAt: T0 + 30_000 }], capabilities: teams })).summary.facilitatorPct).toBe(0);
  });

  it('with you marked "not facilitating", your talk is a participant’s: F unpressed, share unset, you count in not-heard and balance', () => {
    const state = live({ type: 'facilitator/set', at: T0, key: 'ann', facilitator: false });
    const view = peopleView({ recorded: [], onSite, marked: state.facilitatorKeys, declined: state.notFacilitatorKeys ?? [] });
    const turns = [
      { participantKey: 'ann', startAt: T0, endAt: T0 + 10_000 },
      { participantKey: 'bo', startAt: T0 + 10_000, endAt: T0 + 20_000 },
    ];
    const model = turnsModel(input({ people: view, live: state, turns }));
    expect(model.people.find((p) => p.key === 'ann')).toMatchObject({ facilitator: false, notFacilitating: true, notHeard: false });
    expect(model.summary).toEqual({ notHeard: 1, notHeardNames: ['Cy Diaz'], balance: 'uneven', balanceKey: 'balance_uneven' });
    const before = turnsModel(input({ turns }));
    expect(before.people.find((p) => p.key === 'ann')).toMatchObject({ facilitator: true, notFacilitating: false });
    expect(before.summary.facilitatorPct).toBe(50);
  });

  it('offers "I am talking" where the page cannot hear you, pressed while your speech is open', () => {
    expect(turnsModel(input()).talking).toEqual({ offered: true, ownKey: 'ann', pressed: false });
    expect(turnsModel(input({ talking: 'ann' })).talking.pressed).toBe(true);
    const heard = turnsModel(input({ capabilities: { ownSpeech: { state: 'ok', source: 'tile' } } }));
    expect(heard.talking.offered).toBe(false);
    const noSelf = peopleView({ recorded: [], onSite: [{ key: 'bo', name: 'Bo Kim' }], marked: [] });
    expect(turnsModel(input({ people: noSelf })).talking).toEqual({ offered: true, pressed: false });
  });

  it('shows the hints for manual mode and opens the signals when nothing is live', () => {
    const manual = turnsModel(input());
    expect([manual.tapHint, manual.handsManual, manual.signalsOpen]).toEqual([true, true, true]);
    const ok = { state: 'ok', source: 'dom' } as const;
    const livePage = turnsModel(input({ capabilities: { participants: ok, activeSpeaker: ok, raisedHands: ok } }));
    expect([livePage.tapHint, livePage.handsManual, livePage.signalsOpen]).toEqual([false, false, false]);
  });

  it('on a whiteboard, says what it reads of the board selection, live or by copying', () => {
    const notMeeting = { state: 'unsupported', reason: 'not-a-meeting-page' } as const;
    const board = (selection: TurnsInput['capabilities']['selection']) =>
      turnsModel(input({ capabilities: { participants: notMeeting, activeSpeaker: notMeeting, ownSpeech: notMeeting, raisedHands: notMeeting, chat: notMeeting, selection } })).signals;
    expect(board({ state: 'ok', source: 'local-storage' }).find((l) => l.cap === 'selection')).toEqual({ cap: 'selection', label: 'cap_selection', state: 'ok', live: true });
    expect(board({ state: 'needs-user', hint: 'copy-selection' }).find((l) => l.cap === 'selection')).toEqual({
      cap: 'selection',
      label: 'cap_selection',
      state: 'needs-user',
      live: false,
      why: 'hint_copy_selection',
    });
    // A meeting page has no board selection to speak of.
    const meeting = turnsModel(input({ capabilities: { selection: { state: 'unsupported', reason: 'not-a-whiteboard' } } }));
    expect(meeting.signals.map((l) => l.cap)).toEqual(TURN_CAPS);
  });

  it('shows a running go-around with the time left, and the setup again when it has finished', () => {
    const started = live({
      type: 'goaround/start',
      at: T0,
      participants: [
        { key: 'bo', name: 'Bo Kim' },
        { key: 'cy', name: 'Cy Diaz' },
      ],
      order: 'as-listed',
      perPersonSec: 30,
      seed: 1,
      speakingMsByKey: {},
      excludeKeys: [],
    });
    const running = turnsModel(input({ live: started, now: T0 + 40_000 }));
    expect(running.round).toEqual({ state: 'running', current: 'Bo Kim', timeLeft: '\u22120:10', overtime: true, next: { name: 'Cy Diaz', remaining: 1 } });
    expect(running.roundOpen).toBe(true);
    const finished = applyLiveEvent(started, { type: 'goaround/finish', at: T0 + 50_000 });
    expect(turnsModel(input({ live: finished })).round).toEqual({ state: 'setup', finished: true, canStart: true });
    expect(turnsModel(input()).roundOpen).toBe(false);
    const empty = peopleView({ recorded: [], onSite: [], marked: [] });
    expect(turnsModel(input({ people: empty })).round).toEqual({ state: 'setup', finished: false, canStart: false });
  });

  it('counts the pause cue down in whole seconds', () => {
    const model = turnsModel(input({ live: live({ type: 'pause/start', at: T0 + 55_500, waitSec: 8 }) }));
    expect(model.strip.pause).toEqual({ state: 'waiting', remainingSec: 4 });
  });
});

describe('roundSetup', () => {
  it('takes everyone in the people list, with what each said so far for quiet-first', () => {
    const model = turnsModel(input({ turns: [{ participantKey: 'bo', startAt: T0, endAt: T0 + 5000 }] }));
    expect(roundSetup(people, model.people, { order: 'quiet-first', perPersonSec: 60, seed: 7 })).toEqual({
      participants: [
        { key: 'manual:1', name: 'Dana' },
        { key: 'ann', name: 'Ann Lee' },
        { key: 'bo', name: 'Bo Kim' },
        { key: 'cy', name: 'Cy Diaz' },
      ],
      order: 'quiet-first',
      perPersonSec: 60,
      seed: 7,
      speakingMsByKey: { 'manual:1': 0, ann: 0, bo: 5000, cy: 0 },
      facilitatorKeys: ['ann'],
    });
  });

  it('leaves out who facilitates as the tab counts it: you, and a name from the series', () => {
    const model = turnsModel(input());
    const start = (view: typeof people) => LIVE_ACTIONS.startRound(emptyLiveState(), roundSetup(view, model.people, { order: 'as-listed', perPersonSec: 60, seed: 1 }), T0)!;
    const round = (view: typeof people) => applyLiveEvent(emptyLiveState(), start(view)).goAround!;
    expect(round(people).current?.key).toBe('manual:1');
    expect(round(people).upcoming).toEqual(['bo', 'cy']);
    const series = peopleView({ recorded: [], onSite, marked: [], seriesFacilitators: ['Bo Kim'] });
    expect([round(series).current?.key, ...round(series).upcoming]).toEqual(['cy']);
  });
});

describe('signalLines', () => {
  it('says live or manual and why, for every capability of the tab', () => {
    const lines = signalLines(
      {
        participants: { state: 'ok', source: 'dom' },
        activeSpeaker: { state: 'needs-user', hint: 'open-people-panel' },
        ownSpeech: { state: 'unsupported', reason: 'no-own-signal' },
      },
      TURN_CAPS,
    );
    expect(lines).toEqual([
      { cap: 'participants', label: 'cap_participants', state: 'ok', live: true },
      { cap: 'activeSpeaker', label: 'cap_activeSpeaker', state: 'needs-user', live: false, why: 'hint_open_people_panel' },
      { cap: 'ownSpeech', label: 'cap_ownSpeech', state: 'unsupported', live: false, why: 'reason_no_own_signal' },
      { cap: 'raisedHands', label: 'cap_raisedHands', state: 'none', live: false, why: 'signal_none' },
    ]);
  });
});
