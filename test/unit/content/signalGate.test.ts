import { describe, expect, it } from 'vitest';
import { CHAT_CHUNK, CHAT_PER_MINUTE, createSignalGate, SETTLE_MS, STATE_INTERVAL_MS, type GateOutput } from '../../../src/content/signalGate';
import type { Participant } from '../../../src/sites/types';

/** A gate on a fake clock: `advance` runs the timers that come due. */
function gate() {
  const out: GateOutput[] = [];
  let now = 100_000;
  let timers: { at: number; fn: () => void }[] = [];
  const g = createSignalGate((o) => out.push(o), {
    now: () => now,
    setTimeout: (fn, ms) => timers.push({ at: now + ms, fn }),
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = Math.max(now, due.at);
      due.fn();
    }
    now = end;
  };
  const of = <T extends GateOutput['type']>(type: T) => out.filter((o): o is Extract<GateOutput, { type: T }> => o.type === type);
  return { g, out, advance, of };
}

const people = (...names: string[]): Participant[] => names.map((n) => ({ key: `name:${n}`, name: n }));

describe('signal gate', () => {
  it('passes the first roster at once and the latest of a flood at most every interval', () => {
    const { g, advance, of } = gate();
    g.offer({ type: 'participants', participants: people('Ann', 'Bo') });
    expect(of('participants')).toHaveLength(1);
    // A thousand hand changes in one second: a handful cross, the last state among them.
    for (let i = 0; i < 1000; i++) {
      g.offer({ type: 'hands', hands: i % 2 ? [] : [{ key: 'name:Bo', name: 'Bo' }] });
      advance(1);
    }
    advance(STATE_INTERVAL_MS);
    const hands = of('hands');
    expect(hands.length).toBeLessThanOrEqual(1000 / STATE_INTERVAL_MS + 2);
    expect(hands.at(-1)!.hands).toEqual([]); // i = 999: lowered
    expect(of('limits').at(-1)!.limits.changesPerSecond).toBeGreaterThan(100);
  });

  it('does not take names that flap for people: a key must stay SETTLE_MS before it crosses', () => {
    const { g, advance, of } = gate();
    g.offer({ type: 'participants', participants: people('Ann') });
    for (let i = 0; i < 500; i++) {
      g.offer({ type: 'participants', participants: people('Ann', `Flap ${i}`) });
      advance(2);
    }
    advance(SETTLE_MS * 2);
    const seen = new Set(of('participants').flatMap((e) => e.participants.map((p) => p.name)));
    expect([...seen].filter((n) => n.startsWith('Flap ')).length).toBeLessThanOrEqual(1); // only the last one stayed
    expect(of('limits').at(-1)!.limits.transientNames).toBeGreaterThanOrEqual(499);
  });

  it('lets a newcomer in once they have stayed, without another change on the page', () => {
    const { g, advance, of } = gate();
    g.offer({ type: 'participants', participants: people('Ann') });
    g.offer({ type: 'participants', participants: people('Ann', 'Cy') });
    expect(of('participants').at(-1)!.participants.map((p) => p.name)).toEqual(['Ann']);
    advance(SETTLE_MS + STATE_INTERVAL_MS);
    expect(of('participants').at(-1)!.participants.map((p) => p.name)).toEqual(['Ann', 'Cy']);
  });

  it('keeps at most CHAT_PER_MINUTE chat lines a minute, sends them in chunks, and counts the rest', () => {
    const { g, advance, of } = gate();
    const lines = Array.from({ length: 700 }, (_, i) => ({ key: `k${i}`, author: 'Bo', text: `line ${i}` }));
    g.offer({ type: 'chat', messages: lines }); // over the site/chat schema's 500 in one batch
    advance(10_000);
    const sent = of('chat');
    expect(sent.every((c) => c.messages.length <= CHAT_CHUNK)).toBe(true);
    expect(sent.flatMap((c) => c.messages)).toHaveLength(CHAT_PER_MINUTE);
    expect(of('limits').at(-1)!.limits.chatDropped).toBe(700 - CHAT_PER_MINUTE);
    advance(60_000);
    g.offer({ type: 'chat', messages: [{ key: 'next', author: 'Bo', text: 'a new minute' }] });
    advance(1000);
    expect(of('chat').at(-1)!.messages.map((m) => m.text)).toEqual(['a new minute']);
  });

  it('takes a list that appears whole at once (the People panel opened)', () => {
    const { g, advance, of } = gate();
    g.offer({ type: 'participants', participants: [] });
    g.offer({ type: 'participants', participants: people('Ann', 'Bo', 'Cy') });
    advance(STATE_INTERVAL_MS);
    expect(of('participants').at(-1)!.participants).toHaveLength(3);
  });

  it('passes speaking samples through untouched', () => {
    const { g, of } = gate();
    for (let i = 0; i < 5; i++) g.offer({ type: 'speaking', at: i, keys: ['name:Ann'] });
    expect(of('speaking')).toHaveLength(5);
  });
});
