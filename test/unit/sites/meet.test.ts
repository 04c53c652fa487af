// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { SPEAKER_IDLE_SAMPLE_MS, SPEAKER_SAMPLE_MS } from '../../../src/sites/meeting';
import { loadFixture, run, settle, type Run } from './fixture';

let current: Run | undefined;
afterEach(() => current?.stop());
const start = (lang = 'en'): Run => (current = run(adapterFor('meet'), document, lang));
const BO = 'spaces/x/devices/2';
const CY = 'spaces/x/devices/3';

describe('meet adapter on the full call', () => {
  it('reads people with ids from the tiles, host and self, the hand queue and chat', () => {
    loadFixture('meet.google.com/index.html');
    const r = start();
    expect(r.last('participants')?.participants).toEqual([
      { key: 'spaces/x/devices/1', name: 'Ann Lee', self: true, host: true },
      { key: BO, name: 'Bo Kim' },
      { key: CY, name: 'Cy Diaz' },
    ]);
    expect(r.last('hands')?.hands).toEqual([{ key: BO, name: 'Bo Kim', order: 1 }]);
    expect(r.last('chat')?.messages).toEqual([{ key: 'id:1714476309237', author: 'Bo Kim', text: 'Hello', at: '17:00' }]);
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'ok', source: 'people-panel' },
      raisedHands: { state: 'ok', source: 'hands-list' },
      chat: { state: 'ok' },
      activeSpeaker: { state: 'ok', source: 'data-audio-level' },
    });
  });

  it('keeps the raise order as the queue shows it', async () => {
    const fx = loadFixture('meet.google.com/index.html');
    const r = start();
    fx.raise!('Cy Diaz' as never);
    fx.lower!('Bo Kim' as never);
    fx.raise!('Bo Kim' as never);
    await settle();
    expect(r.last('hands')?.hands.map((h) => h.name)).toEqual(['Cy Diaz', 'Bo Kim']);
  });

  it('groups: carries the sender, names own messages after self, dedupes across re-render', async () => {
    const fx = loadFixture('meet.google.com/index.html');
    const r = start();
    fx.chat!('Bo Kim' as never, 'same group' as never);
    fx.chat!('Ann Lee' as never, 'mine' as never);
    fx.chat!('Cy Diaz' as never, 'hi' as never);
    fx.chat!('Cy Diaz' as never, 'hi' as never); // a real repeat has its own id
    await settle();
    fx.rerenderChat!();
    await settle();
    const all = r.of('chat').flatMap((e) => e.messages);
    expect(all.map((m) => `${m.author}: ${m.text}`)).toEqual(['Bo Kim: Hello', 'Bo Kim: same group', 'Ann Lee: mine', 'Cy Diaz: hi', 'Cy Diaz: hi']);
  });

  it('samples less often while nobody speaks, and at full rate again once someone does', async () => {
    const fx = loadFixture('meet.google.com/index.html');
    const adapter = adapterFor('meet');
    const r = (current = run(adapter, document));
    r.clock.now += 5_000; // nobody heard for five seconds
    await settle(SPEAKER_SAMPLE_MS + 20); // the sample already scheduled at the fast rate
    const quietFrom = adapter.stats!().samples;
    await settle(SPEAKER_IDLE_SAMPLE_MS * 2 + 50);
    const quietSamples = adapter.stats!().samples - quietFrom;
    expect(quietSamples).toBeGreaterThanOrEqual(1);
    expect(quietSamples).toBeLessThanOrEqual(3); // 150 ms sampling would have made ~8
    fx.speak!('3' as never, true as never);
    await settle(SPEAKER_IDLE_SAMPLE_MS + 50);
    expect(r.last('speaking')?.keys).toEqual([CY]);
    const speakingFrom = adapter.stats!().samples;
    await settle(SPEAKER_SAMPLE_MS * 4 + 50);
    expect(adapter.stats!().samples - speakingFrom).toBeGreaterThanOrEqual(3);
  });

  it('samples speakers, yourself included by your own tile\'s audio level (issue 12.2)', async () => {
    const fx = loadFixture('meet.google.com/index.html');
    const r = start();
    fx.speak!('3' as never, true as never);
    await settle(SPEAKER_SAMPLE_MS + 30);
    expect(r.last('speaking')?.keys).toEqual([CY]);
    fx.speak!('1' as never, true as never);
    await settle(SPEAKER_SAMPLE_MS + 30);
    expect(r.last('speaking')?.keys).toEqual(['spaces/x/devices/1', CY]);
    expect(r.last('capabilities')?.capabilities.ownSpeech).toEqual({ state: 'ok', source: 'data-audio-level' });
  });
});

describe('meet variants', () => {
  it('panel closed: tiles give people and unordered hands (needs-user), chat needs opening, speaker ok', async () => {
    const fx = loadFixture('meet.google.com/panel-closed.html');
    const r = start();
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'needs-user', hint: 'open-people-panel' },
      raisedHands: { state: 'needs-user', hint: 'open-people-panel' },
      chat: { state: 'needs-user', hint: 'open-chat' },
      activeSpeaker: { state: 'ok' },
    });
    expect(r.last('participants')?.participants.map((p) => p.name)).toEqual(['Ann Lee', 'Bo Kim', 'Cy Diaz']);
    expect(r.last('hands')?.hands).toEqual([{ key: BO, name: 'Bo Kim' }]);
    fx.openChat!();
    fx.openPanel!();
    await settle(300);
    expect(r.last('capabilities')?.capabilities).toMatchObject({ participants: { state: 'ok' }, chat: { state: 'ok' } });
  });

  it('German UI: names and hands are language-neutral, host needs a phrase table (degraded)', () => {
    loadFixture('meet.google.com/de.html');
    const r = start();
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'degraded', reason: 'no-phrase-table' },
      raisedHands: { state: 'ok' },
      chat: { state: 'ok' },
      activeSpeaker: { state: 'ok' },
    });
    expect(r.last('participants')?.participants.map((p) => p.name)).toEqual(['Ann Lee', 'Bo Kim', 'Cy Diaz']);
    expect(r.last('hands')?.hands.map((h) => h.name)).toEqual(['Bo Kim']);
  });

  it('rotated classes: speaker degraded (anchor missing); people, hands and chat unaffected', async () => {
    const fx = loadFixture('meet.google.com/rotated.html');
    const r = start();
    fx.speak!('2' as never, true as never);
    await settle(SPEAKER_SAMPLE_MS + 30);
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      activeSpeaker: { state: 'degraded', reason: 'anchor-missing' },
      participants: { state: 'ok' },
      raisedHands: { state: 'ok' },
      chat: { state: 'ok' },
    });
    expect(r.last('chat')?.messages[0]).toMatchObject({ author: 'Bo Kim', text: 'Hello' });
  });

  it('many: 301 people with churn, 16 tiles, cheap batches', async () => {
    const fx = loadFixture('meet.google.com/many.html');
    const adapter = adapterFor('meet');
    const r = (current = run(adapter));
    expect(r.last('participants')?.participants).toHaveLength(301);
    for (let i = 0; i < 5; i++) {
      fx.churn!(10 as never);
      await settle();
    }
    expect(r.last('participants')?.participants).toHaveLength(301);
    expect(r.last('hands')?.hands.length).toBeLessThanOrEqual(1);
    const stats = adapter.stats!();
    expect(stats.batches).toBeGreaterThan(0);
    expect(stats.batchMs / stats.batches).toBeLessThan(50);
  });
});

describe('meet hostile page', () => {
  it('payloads are plain text, e-mails and ligatures never names, nothing executes', async () => {
    loadFixture('meet.google.com/hostile.html');
    const r = start();
    await settle(SPEAKER_SAMPLE_MS + 30);
    const payload = '<img src=x onerror="window.__pwned=true">';
    expect(r.last('participants')?.participants.map((p) => p.name)).toEqual(['Ann Lee', payload, 'eve']);
    expect(r.last('hands')?.hands.map((h) => h.name)).toEqual([payload]);
    expect(r.last('chat')?.messages[0]).toMatchObject({ author: '<svg onload="window.__pwned=true">', text: '<script>window.__pwned=true</script>' });
    expect(r.last('speaking')?.keys).toEqual([BO]);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});
