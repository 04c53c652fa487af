import { describe, expect, it } from 'vitest';
import { BUILT_IN_CARDS, type PromptCard } from '../../../src/prompts/cards';
import {
  DEFAULT_PROMPT_SETTINGS,
  PromptLogEntry,
  markCard,
  newlyShown,
  surfaceCards,
  type PhaseContext,
  type PromptContext,
  type PromptSignals,
  type SurfacedCard,
} from '../../../src/prompts/rules';

const MIN = 60_000;
const NOW = 1_000_000;

function phase(overrides: Partial<PhaseContext> = {}): PhaseContext {
  const plannedSec = overrides.plannedSec ?? 20 * 60;
  const elapsedMs = overrides.elapsedMs ?? 0;
  return {
    id: 'p2',
    kind: 'plenary',
    promptCardIds: [],
    startedAt: NOW - elapsedMs,
    plannedSec,
    elapsedMs,
    remainingMs: plannedSec * 1000 - elapsedMs,
    index: 1,
    isFirst: false,
    isLast: false,
    ...overrides,
  };
}

const quiet: PromptSignals = { notHeard: [], handsWaiting: [], speakingAvailable: true };

function context(overrides: Partial<Omit<PromptContext, 'signals'>> & { signals?: Partial<PromptSignals> } = {}): PromptContext {
  return {
    now: NOW,
    shown: {},
    settings: DEFAULT_PROMPT_SETTINGS,
    ...overrides,
    signals: { ...quiet, ...overrides.signals },
  };
}

const ids = (cards: SurfacedCard[]) => cards.map((c) => c.cardId);
const surface = (ctx: PromptContext, previous: SurfacedCard[] = [], library: readonly PromptCard[] = BUILT_IN_CARDS) =>
  surfaceCards(ctx, library, previous);

describe('phase triggers', () => {
  it('offers the swift-trust openers in the first phase, at most three, most basic first', () => {
    const first = phase({ id: 'p1', isFirst: true, index: 0 });
    const cards = surface(context({ phase: first }));
    expect(ids(cards)).toEqual(['trust-goal', 'trust-tools', 'trust-introductions']);
    expect(cards[0]?.reason).toEqual({ code: 'phase', params: { phaseId: 'p1', via: 'position' } });
  });

  it('brings the next opener in when one is dismissed, and keeps it away for the rest of the phase', () => {
    const first = phase({ id: 'p1', isFirst: true, index: 0, elapsedMs: 60_000 });
    const shown = markCard({}, 'trust-goal', 'dismissed', NOW - 1000);
    expect(ids(surface(context({ phase: first, shown })))).toEqual(['trust-tools', 'trust-introductions', 'trust-take-floor']);
  });

  it('shows a card dismissed in an earlier phase again', () => {
    const shown = markCard({}, 'close-what-who-when', 'dismissed', NOW - 30 * MIN);
    const last = phase({ id: 'p9', isLast: true, elapsedMs: 60_000 });
    expect(ids(surface(context({ phase: last, shown })))).toContain('close-what-who-when');
  });

  it('uses the cards a phase lists, in its order, instead of the defaults', () => {
    const first = phase({ isFirst: true, promptCardIds: ['dialogue-principles', 'trust-goal', 'no-such-card'] });
    const cards = surface(context({ phase: first }));
    expect(ids(cards)).toEqual(['dialogue-principles', 'trust-goal']);
    expect(cards[0]?.reason.params).toMatchObject({ via: 'listed' });
  });

  it('matches cards to the phase kind', () => {
    expect(ids(surface(context({ phase: phase({ kind: 'plenary' }) })))).toEqual(['trust-everyone-takes-part', 'dialogue-principles']);
    expect(ids(surface(context({ phase: phase({ kind: 'small-groups' }) })))).toEqual([
      'trust-signpost',
      'trust-everyone-takes-part',
      'dialogue-principles',
    ]);
    expect(ids(surface(context({ phase: phase({ kind: 'intermediate-task' }) })))).toEqual(['intermediate-task']);
    expect(ids(surface(context({ phase: phase({ kind: 'break' }) })))).toEqual([]);
  });

  it('offers boundary-crossing questions as a plenary discussion goes on', () => {
    const at = (minutes: number) => ids(surface(context({ phase: phase({ promptCardIds: ['trust-goal'], elapsedMs: minutes * MIN }) })));
    expect(at(4)).toEqual(['boundary-common-object', 'trust-goal']);
    expect(at(8.5)).toEqual(['trust-build-on', 'boundary-cooperation', 'trust-goal']);
    expect(at(15)).toEqual(['boundary-communication', 'trust-goal']);
    expect(ids(surface(context({ phase: phase({ kind: 'break', promptCardIds: ['trust-goal'], elapsedMs: 15 * MIN }) })))).toEqual(['trust-goal']);
  });

  it('mutes speech signals during a break, but not waiting hands', () => {
    const cards = surface(
      context({
        phase: phase({ kind: 'break', promptCardIds: ['trust-goal'] }),
        signals: { facilitatorShare: 0.9, handsWaiting: [{ key: 'a', name: 'Aino', waitingMs: 60_000 }] },
      }),
    );
    expect(ids(cards)).toEqual(['trust-take-floor', 'trust-goal']);
  });

  it('offers nothing from phases when there is no phase', () => {
    expect(surface(context())).toEqual([]);
  });
});

describe('time-in-phase triggers', () => {
  it('suggests positive feedback from half-way, for a while', () => {
    const at = (elapsedMs: number) => surface(context({ phase: phase({ kind: 'breakout', promptCardIds: ['trust-tools'], elapsedMs }) }));
    expect(ids(at(9 * MIN))).toEqual(['trust-tools']);
    expect(at(10 * MIN)[0]).toEqual({
      cardId: 'trust-positive-feedback',
      reason: { code: 'phase-time', params: { phaseId: 'p2', atPercent: 50 } },
      priority: 50,
    });
    expect(ids(at(13 * MIN + 1))).toEqual(['trust-tools']);
  });

  it('puts the closing card first when two minutes are left in the last phase, and while running over', () => {
    const last = (remainingMs: number) =>
      phase({ isLast: true, promptCardIds: ['experiment-evaluate'], elapsedMs: 20 * MIN - remainingMs });
    expect(ids(surface(context({ phase: last(3 * MIN) })))).toEqual(['experiment-evaluate']);
    const closing = surface(context({ phase: last(2 * MIN) }));
    expect(closing[0]).toMatchObject({ cardId: 'close-what-who-when', reason: { code: 'phase-time', params: { remainingSec: 120 } } });
    expect(ids(surface(context({ phase: last(-MIN) })))[0]).toBe('close-what-who-when');
    // Not in a phase that is not last.
    expect(ids(surface(context({ phase: phase({ elapsedMs: 19 * MIN }) })))).not.toContain('close-what-who-when');
  });
});

describe('live signal triggers', () => {
  it('asks the facilitator to step back when their share is high, with hysteresis', () => {
    const at = (share: number, previous: SurfacedCard[] = []) =>
      surface(context({ signals: { facilitatorShare: share } }), previous);
    expect(at(0.6)).toEqual([]);
    const on = at(0.65);
    expect(ids(on)).toEqual(['trust-invite-quiet', 'trust-silence']);
    expect(on[0]?.reason).toEqual({ code: 'facilitator-share', params: { sharePercent: 65, thresholdPercent: 60 } });
    // Falls just below the threshold: stays, no flapping.
    const stillOn = at(0.55, on);
    expect(ids(stillOn)).toEqual(ids(on));
    expect(stillOn[0]?.reason).toEqual({ code: 'facilitator-share', params: { sharePercent: 55, thresholdPercent: 60 } });
    expect(at(0.51, stillOn)).toHaveLength(2);
    expect(at(0.49, stillOn)).toEqual([]);
    // Without having been on, 0.55 does not switch it on.
    expect(at(0.55)).toEqual([]);
  });

  it('names the participant not heard for longest once over the limit', () => {
    const cards = surface(
      context({
        signals: {
          notHeard: [
            { key: 'a', name: 'Aino', silentMs: 11 * MIN },
            { key: 'b', name: 'Bertta', silentMs: 14 * MIN },
            { key: 'c', name: 'Cecilia', silentMs: 3 * MIN },
          ],
        },
      }),
    );
    expect(cards).toEqual([
      {
        cardId: 'trust-invite-quiet',
        reason: { code: 'not-heard', params: { key: 'b', name: 'Bertta', silentMin: 14, othersCount: 1 } },
        priority: 70,
      },
    ]);
    expect(surface(context({ signals: { notHeard: [{ key: 'c', name: 'Cecilia', silentMs: 9 * MIN }] } }))).toEqual([]);
  });

  it('says "keep waiting" when a question meets silence', () => {
    const after = (sinceQuestionMs: number, silenceMs: number) =>
      surface(context({ signals: { lastQuestionAt: NOW - sinceQuestionMs, silenceMs } }));
    expect(after(9000, 9500)).toEqual([
      { cardId: 'trust-silence', reason: { code: 'silence-after-question', params: { silenceSec: 9 } }, priority: 80 },
    ]);
    expect(after(9000, 8000)).toHaveLength(1); // silence starts as the question itself ends
    expect(after(5000, 5000)).toEqual([]); // not yet
    expect(after(9000, 3000)).toEqual([]); // someone answered
    expect(after(5 * MIN, 5 * MIN)).toEqual([]); // long past the moment
  });

  it('prompts to give the floor when a hand has waited, before anything else', () => {
    const cards = surface(
      context({
        phase: phase({ isFirst: true }),
        signals: {
          facilitatorShare: 0.9,
          handsWaiting: [
            { key: 'a', name: 'Aino', waitingMs: 10_000 },
            { key: 'b', name: 'Bertta', waitingMs: 45_000 },
          ],
        },
      }),
    );
    expect(cards[0]).toEqual({
      cardId: 'trust-take-floor',
      reason: { code: 'hand-waiting', params: { key: 'b', name: 'Bertta', waitingSec: 45, waitingCount: 1 } },
      priority: 90,
    });
    expect(ids(cards)).toEqual(['trust-take-floor', 'trust-invite-quiet', 'trust-silence']);
  });

  it('ignores speech signals when the site gives no speaker information, but not hands', () => {
    const cards = surface(
      context({
        signals: {
          speakingAvailable: false,
          facilitatorShare: 0.9,
          notHeard: [{ key: 'a', name: 'Aino', silentMs: 30 * MIN }],
          lastQuestionAt: NOW - 10_000,
          silenceMs: 10_000,
          handsWaiting: [{ key: 'b', name: 'Bertta', waitingMs: 60_000 }],
        },
      }),
    );
    expect(ids(cards)).toEqual(['trust-take-floor']);
  });

  it('respects the facilitator’s settings', () => {
    const settings = { ...DEFAULT_PROMPT_SETTINGS, handWaitingSec: 5, notHeardMinutes: 2 };
    const cards = surface(
      context({
        settings,
        signals: { handsWaiting: [{ key: 'a', name: 'Aino', waitingMs: 6000 }], notHeard: [{ key: 'b', name: 'Bertta', silentMs: 3 * MIN }] },
      }),
    );
    expect(ids(cards)).toEqual(['trust-take-floor', 'trust-invite-quiet']);
  });
});

describe('dismiss, snooze and limits', () => {
  const busy = () =>
    context({
      phase: phase({ isFirst: true, elapsedMs: 2 * MIN }),
      signals: { facilitatorShare: 0.8, handsWaiting: [{ key: 'a', name: 'Aino', waitingMs: 60_000 }] },
    });

  it('never shows more than three and is stable between identical ticks', () => {
    const first = surface(busy());
    expect(first).toHaveLength(3);
    expect(surface(busy(), first)).toEqual(first);
  });

  it('hides a snoozed card until the snooze ends', () => {
    const shown = markCard({}, 'trust-take-floor', 'snoozed', NOW - 1000, 60);
    expect(ids(surface({ ...busy(), shown }))).not.toContain('trust-take-floor');
    expect(ids(surface({ ...busy(), shown, now: NOW + 60_000 }))).toContain('trust-take-floor');
  });

  it('hides a used card for the rest of the phase, whatever triggers it', () => {
    const shown = markCard({}, 'trust-invite-quiet', 'used', NOW - 1000);
    expect(ids(surface({ ...busy(), shown }))).toEqual(['trust-take-floor', 'trust-silence', 'trust-goal']);
  });

  it('logs newly shown cards for the summary', () => {
    const before = surface(context({ phase: phase({ isFirst: true }) }));
    const after = surface(busy());
    const log = newlyShown(before, after, NOW, 'p2');
    expect(log).toEqual([
      { cardId: 'trust-take-floor', at: NOW, action: 'shown', reasonCode: 'hand-waiting', phaseId: 'p2' },
      { cardId: 'trust-invite-quiet', at: NOW, action: 'shown', reasonCode: 'facilitator-share', phaseId: 'p2' },
      { cardId: 'trust-silence', at: NOW, action: 'shown', reasonCode: 'facilitator-share', phaseId: 'p2' },
    ]);
    for (const entry of log) expect(PromptLogEntry.parse(entry)).toEqual(entry);
    expect(PromptLogEntry.safeParse({ cardId: 'x', at: 1, action: 'clicked' }).success).toBe(false);
  });

  it('lets the facilitator’s own cards take signal triggers', () => {
    const own: PromptCard = {
      id: 'my-hand-card',
      title: { fi: 'Käsi ylhäällä', en: 'Hand up' },
      body: { fi: 'Anna vuoro.', en: 'Give the floor.' },
      category: 'floor',
      triggers: [{ kind: 'signal', signal: 'hand-waiting' }],
      builtIn: false,
    };
    const cards = surface(context({ signals: { handsWaiting: [{ key: 'a', name: 'Aino', waitingMs: 31_000 }] } }), [], [own]);
    expect(ids(cards)).toEqual(['my-hand-card']);
  });
});
