// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_READ_MS, createMeetingAdapter, type MeetingReader } from '../../../src/sites/meeting';
import { run, settle, type Run } from './fixture';

// A page that floods its chat (or its roster) costs a bounded amount of reading: the chat list is
// walked at most every CHAT_READ_MS, however often it changes (20,000 lines read on every mutation
// made the page three times slower), and nothing read is dropped.

let current: Run | undefined;
afterEach(() => current?.stop());

function page() {
  document.body.innerHTML = '<div id="call"><ul id="people"><li>Ann</li></ul><div id="chat"></div></div>';
  const reads = { chat: 0, participants: 0 };
  const reader: MeetingReader = {
    id: 'zoom',
    inCall: (doc) => doc.querySelector('#call') !== null,
    targets: (doc) => [
      { el: doc.querySelector('#people')!, parts: ['participants', 'hands'], attributes: [] },
      { el: doc.querySelector('#chat')!, parts: ['chat'], attributes: [] },
    ],
    participants: (doc) => {
      reads.participants++;
      return { status: { state: 'ok', source: 'test' }, value: [...doc.querySelectorAll('#people li')].map((li) => ({ key: li.textContent!, name: li.textContent! })) };
    },
    hands: () => ({ status: { state: 'ok', source: 'test' }, value: [] }),
    chat: (doc) => {
      reads.chat++;
      return { status: { state: 'ok', source: 'test' }, value: [...doc.querySelectorAll('#chat p')].map((p) => ({ id: p.id, author: 'Bo', text: p.textContent! })) };
    },
    speaking: () => ({ status: { state: 'ok', source: 'test' }, value: [] }),
  };
  return { reads, adapter: createMeetingAdapter(reader) };
}

describe('meeting adapter under a flood', () => {
  it('reads a flooding chat at most every CHAT_READ_MS and still emits every line once', async () => {
    const { reads, adapter } = page();
    const r = (current = run(adapter));
    const before = reads.chat;
    const chat = document.querySelector('#chat')!;
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) {
      const p = document.createElement('p');
      p.id = `m${i}`;
      p.textContent = `line ${i}`;
      chat.append(p);
      await settle(); // one mutation batch each
    }
    const elapsed = performance.now() - t0;
    await settle(CHAT_READ_MS * 2);
    // Bounded by time, not by batches: about one read per CHAT_READ_MS (plus a burst of 3). The
    // slack keeps a loaded machine's late timers from failing it; without the throttle it is 200.
    const byTime = 3 + Math.ceil((elapsed + CHAT_READ_MS * 2) / CHAT_READ_MS) + 1;
    expect(reads.chat - before).toBeLessThanOrEqual(Math.max(byTime, 50));
    const lines = r.of('chat').flatMap((e) => e.messages.map((m) => m.text));
    expect(lines).toHaveLength(200);
    expect(new Set(lines).size).toBe(200);
  });
});
