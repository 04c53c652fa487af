import { describe, expect, it } from 'vitest';
import { BUILT_IN_CARDS } from '../../../src/prompts/cards';
import { DEFAULT_PROMPT_SETTINGS, surfaceCards, type SurfacedCard } from '../../../src/prompts/rules';
import { appendEvent, computeRunState, createRun } from '../../../src/script/timing';
import { instantiateTemplate } from '../../../src/script/templates';
import { emptyLiveState, replayLiveEvents } from '../../../src/turns/live';
import { peopleView, type PeopleView } from '../../../src/turns/people';
import type { SpeakingTurn } from '../../../src/turns/speaking';
import { promptContext, reasonOf, runningPhaseId, surfacedCards, type PromptInput } from '../../../src/ui/panel/promptsModel';
import { turnsModel } from '../../../src/ui/panel/turnsModel';
import { t } from '../../../src/ui/i18n';

const T0 = Date.UTC(2026, 0, 12, 9, 0, 0);
const MIN = 60_000;
const script = instantiateTemplate('open-process-close', 'en');
const started = appendEvent(createRun(script, 0, 'run-1'), { type: 'start', at: T0 });

function input(people: PeopleView, turns: SpeakingTurn[], now: number, over: Partial<PromptInput> = {}): PromptInput {
  return {
    run: computeRunState(started, now),
    workshop: script.workshops[0],
    people,
    live: emptyLiveState(),
    turns,
    speakerLive: true,
    settings: DEFAULT_PROMPT_SETTINGS,
    now,
    ...over,
  };
}

// The user's own participant is on the page but not recorded yet (recording started a moment
// ago); Dana is on the page only; Bo and Cy are recorded too.
const recorded = [
  { key: 'bo', name: 'Bo Kim' },
  { key: 'cy', name: 'Cy Diaz' },
];
const onSite = [{ key: 'ann', name: 'Ann Lee', self: true }, ...recorded, { key: 'dana', name: 'Dana Nieminen' }];
const now = T0 + 15 * MIN;
const turns: SpeakingTurn[] = [
  { participantKey: 'ann', startAt: T0 + 10 * MIN, endAt: T0 + 11 * MIN },
  { participantKey: 'bo', startAt: T0 + 12 * MIN, endAt: T0 + 13 * MIN },
];

/** Who each tab counts as not heard yet, for the same people and speech. */
function notHeardInBothTabs(people: PeopleView) {
  const turnsTab = turnsModel({ people, live: emptyLiveState(), turns, speakingKeys: [], capabilities: {}, startedAt: T0, talking: undefined, now });
  const context = promptContext(input(people, turns, now));
  const card = surfaceCards(context, BUILT_IN_CARDS, []).find((c) => c.reason.code === 'not-heard');
  return {
    turns: turnsTab.people.filter((p) => p.notHeard).map((p) => p.key),
    prompts: context.signals.notHeard.filter((p) => p.silentMs >= now - T0).map((p) => p.key),
    promptCard: card ? [card.reason.params.key, Number(card.reason.params.othersCount) + 1] : undefined,
  };
}

describe('"not heard yet" in the Turns and Prompts tabs', () => {
  it('is the same people in both, the user’s own participant (the facilitator until someone is marked) in neither', () => {
    const heard = notHeardInBothTabs(peopleView({ recorded, onSite, marked: [] }));
    expect(heard.turns).toEqual(['cy', 'dana']);
    expect(heard.prompts).toEqual(heard.turns);
    // The card names the longest silent and counts the others: the same two people.
    expect(heard.promptCard).toEqual(['cy', 2]);
  });

  it('counts names marked F earlier in the series as facilitators in both', () => {
    const heard = notHeardInBothTabs(peopleView({ recorded, onSite, marked: [], seriesFacilitators: ['Cy Diaz'] }));
    expect(heard.turns).toEqual(['dana']);
    expect(heard.prompts).toEqual(heard.turns);
  });
});

// Someone who left the call (the site showed them earlier, not now) was still "not heard" in both
// tabs, and the invite-by-name card named them; likewise people seen in another meeting tab of the
// same workshop. Presence counts only while the site's participant list is read live; people added
// by hand are never absent.
describe('people no longer in the call', () => {
  const withLeavers = [
    ...recorded.map((p) => ({ ...p, source: 'site' as const })),
    { key: 'eve', name: 'Eve Left', source: 'site' as const },
    { key: 'manual:1', name: 'Phone Pia', source: 'manual' as const },
  ];
  const present = onSite.filter((p) => p.key !== 'cy');

  it('are neither "not heard" nor named by a card, and go to the end of the list', () => {
    const view = peopleView({ recorded: withLeavers, onSite: present, marked: [], onSiteLive: true });
    expect(view.absentKeys.sort()).toEqual(['cy', 'eve']);
    const heard = notHeardInBothTabs(view);
    expect(heard.turns).toEqual(['manual:1', 'dana']);
    expect(heard.prompts).toEqual(heard.turns);
    expect(heard.promptCard?.[0]).not.toBe('cy');
    expect(heard.promptCard?.[0]).not.toBe('eve');
    const rows = turnsModel({ people: view, live: emptyLiveState(), turns, speakingKeys: [], capabilities: {}, startedAt: T0, talking: undefined, now }).people;
    expect(rows.slice(-2).map((r) => [r.key, r.absent, r.notHeard])).toEqual([
      ['cy', true, false],
      ['eve', true, false],
    ]);
  });

  it('are not someone the site shows under another key for a while (Meet, a tile off the stage)', () => {
    const tileKey = [{ key: 'spaces/x/devices/7', name: 'Bo Kim', source: 'site' as const }];
    const view = peopleView({ recorded: tileKey, onSite: [{ key: 'name:Bo Kim', name: 'Bo Kim' }], marked: [], onSiteLive: true });
    expect(view.absentKeys).toEqual([]);
  });

  it('count as before while the site cannot list people', () => {
    const view = peopleView({ recorded: withLeavers, onSite: present, marked: [], onSiteLive: false });
    expect(view.absentKeys).toEqual([]);
    expect(notHeardInBothTabs(view).turns).toEqual(['cy', 'eve', 'manual:1', 'dana']);
  });
});

// After 2 s of a participant and 4 s of the host the card said facilitators had talked "64 % of the
// time"; a person with a hand up was invited by name as well as in the hand card, and the others
// not heard were not mentioned.
describe('cards from little talk, and the not-heard card', () => {
  const people = peopleView({ recorded, onSite, marked: [] });
  const talk = (ms: number): SpeakingTurn[] => [
    { participantKey: 'ann', startAt: now - 3 * ms, endAt: now - 1 * ms },
    { participantKey: 'bo', startAt: now - 1 * ms, endAt: now },
  ];

  it('gives the facilitators\u2019 share only after two minutes of talk', () => {
    expect(promptContext(input(people, talk(3000), now)).signals.facilitatorShare).toBeUndefined();
    const share = promptContext(input(people, talk(60_000), now)).signals.facilitatorShare;
    expect(share).toBeCloseTo(2 / 3);
    const card = surfaceCards(promptContext(input(people, talk(60_000), now)), BUILT_IN_CARDS, []).find((c) => c.reason.code === 'facilitator-share');
    expect(t(reasonOf(card!).key, reasonOf(card!).params, 'fi')).toBe('Fasilitaattorit ovat puhuneet 67\u00a0% puheajasta viimeisten 10 minuutin aikana (raja 60\u00a0%).');
  });

  it('leaves out whoever has a hand up, and counts the others not heard', () => {
    const silent = promptContext(input(people, [], now));
    const card = (context: typeof silent) => surfaceCards(context, BUILT_IN_CARDS, []).find((c) => c.reason.code === 'not-heard')!;
    const all = reasonOf(card(silent));
    expect(t(all.key, all.params, 'en')).toBe('Not heard for 15 min: Bo Kim and 2 others.');
    expect(t(all.key, all.params, 'fi')).toBe('Ei kuultu 15 minuuttiin: Bo Kim ja 2 muuta.');
    const live = replayLiveEvents([{ type: 'hand/raise', at: now - 40_000, key: 'bo', name: 'Bo Kim' }]);
    const withHand = reasonOf(card(promptContext(input(people, [], now, { live }))));
    expect(t(withHand.key, withHand.params, 'fi')).toBe('Ei kuultu 15 minuuttiin: Cy Diaz ja 1 muu.');
  });
});

describe('promptContext', () => {
  const people = peopleView({ recorded, onSite, marked: [] });

  it('describes the running phase and the live signals', () => {
    const live = replayLiveEvents([
      { type: 'hand/raise', at: now - 40_000, key: 'dana', name: 'Dana Nieminen' },
      { type: 'pause/start', at: now - 5000, waitSec: 8 },
    ]);
    const context = promptContext(input(people, turns, now, { live }));
    const phase = script.workshops[0]!.phases[0]!;
    expect(context.phase).toMatchObject({ id: phase.id, kind: phase.kind, index: 0, isFirst: true, startedAt: T0, elapsedMs: 15 * MIN });
    expect(context.signals).toMatchObject({
      // The last ten minutes: Ann (you, the facilitator) one minute of two.
      facilitatorShare: 0.5,
      silenceMs: 2 * MIN,
      lastQuestionAt: now - 5000,
      handsWaiting: [{ key: 'dana', name: 'Dana Nieminen', waitingMs: 40_000 }],
      speakingAvailable: true,
    });
    expect(context.shown).toBe(live.shown);
  });

  it('has no phase before the start, and speech signals only when the page or a tap gives some', () => {
    const before = promptContext(input(people, [], T0, { run: computeRunState(createRun(script, 0, 'run-2'), T0), speakerLive: false }));
    expect(before.phase).toBeUndefined();
    expect(before.signals.speakingAvailable).toBe(false);
    expect(before.signals.notHeard.every((p) => p.silentMs === 0)).toBe(true);
    expect(runningPhaseId(computeRunState(createRun(script, 0, 'run-3'), T0))).toBeUndefined();
    expect(promptContext(input(people, turns, now, { speakerLive: false })).signals.speakingAvailable).toBe(true);
  });
});

describe('surfacedCards and reasonOf', () => {
  it('pairs each surfaced card with its library card, leaving out one no longer there, and names the reason', () => {
    const card = BUILT_IN_CARDS[0]!;
    const surfaced: SurfacedCard[] = [
      { cardId: 'gone', reason: { code: 'phase', params: {} }, priority: 1 },
      { cardId: card.id, reason: { code: 'not-heard', params: { name: 'Cy Diaz', silentMin: 12 } }, priority: 2 },
    ];
    expect(surfacedCards(BUILT_IN_CARDS, surfaced)).toEqual([{ card, surfaced: surfaced[1] }]);
    expect(reasonOf(surfaced[1]!)).toEqual({ key: 'promptReason_not_heard', params: { name: 'Cy Diaz', silentMin: 12 } });
    expect(reasonOf({ ...surfaced[0]!, reason: { code: 'silence-after-question', params: {} } }).key).toBe('promptReason_silence_after_question');
  });
});
