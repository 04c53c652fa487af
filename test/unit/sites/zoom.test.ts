// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { SPEAKER_SAMPLE_MS } from '../../../src/sites/meeting';
import { loadFixture, parseFixture, run, settle, type Run } from './fixture';

let current: Run | undefined;
afterEach(() => current?.stop());
const start = (lang = 'en'): Run => (current = run(adapterFor('zoom'), document, lang));

describe('zoom adapter', () => {
  it('reads inside the same-origin #webclient frame of the outer page', async () => {
    const outer = parseFixture('app.zoom.us/index.html').doc;
    outer.querySelector('iframe')?.removeAttribute('src'); // happy-dom loads no frames; the inner page is attached below
    document.documentElement.replaceChildren(...Array.from(outer.documentElement.children, (c) => document.importNode(c, true)));
    const inner = parseFixture('app.zoom.us/wc/123/inner.html').doc;
    const frame = document.querySelector<HTMLIFrameElement>('#webclient');
    Object.defineProperty(frame, 'contentDocument', { value: inner });
    const r = start();
    expect(r.last('participants')?.participants.map((p) => p.name)).toEqual(['Ann Lee', 'Bo Kim', 'Cy Diaz']);
    inner.querySelector('#participants-list-2')?.setAttribute('aria-label', 'Cy Diaz  computer audio muted video off hand raised');
    await settle();
    expect(r.last('hands')?.hands.map((h) => h.name)).toEqual(['Bo Kim', 'Cy Diaz']);
  });

  it('reads the page itself when there is no frame: roles, hands, chat, speaker', async () => {
    const fx = loadFixture('app.zoom.us/wc/123/inner.html');
    const r = start();
    expect(r.last('participants')?.participants).toEqual([
      { key: 'name:Ann Lee', name: 'Ann Lee', host: true, self: true },
      { key: 'name:Bo Kim', name: 'Bo Kim' },
      { key: 'name:Cy Diaz', name: 'Cy Diaz' },
    ]);
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'ok', source: 'participants-ul' },
      raisedHands: { state: 'ok', source: 'row-aria:en' },
      chat: { state: 'ok', source: 'chat-list' },
      activeSpeaker: { state: 'ok', source: 'active-frame' },
    });
    fx.speak!('name:Bo Kim' as never, true as never);
    await settle(SPEAKER_SAMPLE_MS + 30);
    expect(r.last('speaking')?.keys).toEqual(['name:Bo Kim']);
    // Zoom frames your own tile too when you speak: the facilitator's own speech is measured (issue 12.2).
    fx.speak!('name:Ann Lee' as never, true as never);
    await settle(SPEAKER_SAMPLE_MS + 30);
    expect(r.last('speaking')?.keys).toEqual(['name:Ann Lee', 'name:Bo Kim']);
    expect(r.last('capabilities')?.capabilities.ownSpeech).toEqual({ state: 'ok', source: 'active-frame' });
  });

  it('orders hands by when they went up, since Zoom gives no queue position', async () => {
    const fx = loadFixture('app.zoom.us/wc/123/inner.html');
    const r = start();
    r.clock.now += 1000;
    fx.raise!('Cy Diaz' as never);
    await settle();
    r.clock.now += 1000;
    fx.lower!('Bo Kim' as never);
    await settle();
    fx.raise!('Bo Kim' as never);
    await settle();
    expect(r.last('hands')?.hands.map((h) => h.name)).toEqual(['Cy Diaz', 'Bo Kim']);
  });

  it('carries the sender through a run and dedupes re-rendered chat by message id', async () => {
    const fx = loadFixture('app.zoom.us/wc/123/inner.html');
    const r = start();
    fx.chat!('Bo Kim' as never, 'second' as never);
    fx.chat!('Cy Diaz' as never, 'third' as never);
    await settle();
    fx.rerenderChat!();
    await settle();
    expect(r.of('chat').flatMap((e) => e.messages).map((m) => [m.key, m.author, m.text])).toEqual([
      ['id:chat-message-content-0', 'Bo Kim', 'hi all'],
      ['id:chat-message-content-1', 'Bo Kim', 'second'],
      ['id:chat-message-content-2', 'Cy Diaz', 'third'],
    ]);
  });
});

describe('zoom variants', () => {
  it('panel closed: participants and hands need the panel; chat and speaker stay ok', async () => {
    const fx = loadFixture('app.zoom.us/wc/123/panel-closed.html');
    const r = start();
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'needs-user', hint: 'open-people-panel' },
      raisedHands: { state: 'needs-user', hint: 'open-people-panel' },
      chat: { state: 'ok' },
      activeSpeaker: { state: 'ok' },
    });
    fx.openPanel!();
    await settle(300);
    expect(r.last('capabilities')?.capabilities.raisedHands).toMatchObject({ state: 'ok' });
  });

  it('German UI: hands read with the de phrases, roles unknown → participants degraded', () => {
    loadFixture('app.zoom.us/wc/123/de.html');
    const r = start();
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'degraded', reason: 'no-phrase-table' },
      raisedHands: { state: 'ok', source: 'row-aria:de' },
      chat: { state: 'ok' },
    });
    expect(r.last('hands')?.hands.map((h) => h.name)).toEqual(['Bo Kim']);
  });

  it('a language with no table at all: hands degraded, never guessed', () => {
    loadFixture('app.zoom.us/wc/123/inner.html');
    document.documentElement.setAttribute('lang', 'sv');
    const r = start('sv');
    expect(r.last('capabilities')?.capabilities.raisedHands).toEqual({ state: 'degraded', reason: 'no-phrase-table' });
    expect(r.last('hands')?.hands).toEqual([]);
  });

  it('rotated classes: names fall back to aria-labels (degraded), speaker anchor missing, hands still ok', () => {
    loadFixture('app.zoom.us/wc/123/rotated.html');
    const r = start();
    expect(r.last('capabilities')?.capabilities).toMatchObject({
      participants: { state: 'degraded', reason: 'anchor-missing' },
      activeSpeaker: { state: 'degraded', reason: 'anchor-missing' },
      raisedHands: { state: 'ok' },
      chat: { state: 'degraded', reason: 'anchor-missing' },
    });
    expect(r.last('participants')?.participants.map((p) => p.name)).toEqual(['Ann Lee', 'Bo Kim', 'Cy Diaz']);
    expect(r.last('chat')?.messages[0]?.text).toBe('hi all');
  });

  it('many: a virtualised list of 301 reports a partial list and stays cheap under churn', async () => {
    const fx = loadFixture('app.zoom.us/wc/123/many.html');
    const adapter = adapterFor('zoom');
    const r = (current = run(adapter));
    expect(r.last('capabilities')?.capabilities.participants).toEqual({ state: 'degraded', reason: 'partial-list' });
    expect(r.last('participants')?.participants).toHaveLength(30);
    for (let i = 0; i < 5; i++) {
      fx.churn!(10 as never);
      await settle();
    }
    const stats = adapter.stats!();
    expect(stats.batches).toBeGreaterThan(0);
    expect(stats.batchMs / stats.batches).toBeLessThan(50);
  });
});

describe('zoom hostile page', () => {
  it('payloads stay text; control, bidi and ligature characters are stripped; e-mails are not names', async () => {
    loadFixture('app.zoom.us/wc/123/hostile.html');
    const r = start();
    await settle(SPEAKER_SAMPLE_MS + 30);
    const payload = '<img src=x onerror="window.__pwned=true">';
    expect(r.last('participants')?.participants.map((p) => p.name)).toEqual([payload, 'Zed']);
    expect(r.last('hands')?.hands.map((h) => h.name)).toEqual([payload]);
    expect(r.last('chat')?.messages[0]).toMatchObject({ author: 'zed', text: '<iframe srcdoc="<script>parent.__pwned=true</script>">' });
    expect(r.last('speaking')?.keys).toEqual([`name:${payload}`]);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});
