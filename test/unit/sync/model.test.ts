import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Capture } from '../../../src/capture/schema';
import { createRun } from '../../../src/script/timing';
import { DEFAULT_TEMPLATE_ID, instantiateTemplate } from '../../../src/script/templates';
import { emptyEntries, liveEventKey, SHARED_LIMITS, SharedRoom, type ChangedKeys, type SharedEntries, type SharedWorkshop } from '../../../src/sync/model';

// Two or three people's docs, exchanging updates directly (what y-webrtc carries between peers).

const WORKSHOP = 'ws-1';

function peer() {
  const doc = new Y.Doc();
  return { doc, room: new SharedRoom(doc, WORKSHOP) };
}

/** Sends each doc's missing updates to the others, as peers do when they (re)connect. */
function exchange(...docs: Y.Doc[]) {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Live: every update one doc makes reaches the others at once. Returns a function that cuts the link. */
function link(a: Y.Doc, b: Y.Doc): () => void {
  const ab = (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote');
  const ba = (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote');
  a.on('update', ab);
  b.on('update', ba);
  return () => {
    a.off('update', ab);
    b.off('update', ba);
  };
}

let n = 0;
function capture(text: string, over: Partial<Capture> = {}): Capture {
  n++;
  return {
    id: crypto.randomUUID(),
    workshopId: WORKSHOP,
    text,
    kind: 'idea',
    tags: [],
    source: { type: 'manual' },
    createdAt: 1000 + n,
    updatedAt: 1000 + n,
    votes: 0,
    ...over,
  };
}

const entries = (over: Partial<SharedEntries>): SharedEntries => ({ ...emptyEntries(), ...over });
const texts = (room: SharedRoom) => room.read().entries.captures.map((c) => c.text).sort();

describe('shared workshop doc', () => {
  it('concurrent appends from two people merge into the union', () => {
    const a = peer();
    const b = peer();
    a.room.pushLocal(entries({ captures: [capture('Aino: asiakkaan ääni')], runEvents: [{ type: 'start', at: 100 }] }));
    b.room.pushLocal(entries({ captures: [capture('Bo: kokeillaan parityötä')], runEvents: [{ type: 'next', at: 200 }] }));
    exchange(a.doc, b.doc);
    for (const p of [a, b]) {
      expect(texts(p.room)).toEqual(['Aino: asiakkaan ääni', 'Bo: kokeillaan parityötä']);
      expect(p.room.read().entries.runEvents).toEqual([
        { type: 'start', at: 100 },
        { type: 'next', at: 200 },
      ]);
    }
  });

  it('one person offline for a while, then back: nothing lost, nothing doubled', () => {
    const a = peer();
    const b = peer();
    const c = peer();
    const cut = link(a.doc, b.doc);
    link(a.doc, c.doc);
    const first = capture('ennen katkoa');
    a.room.pushLocal(entries({ captures: [first] }));
    expect(texts(b.room)).toEqual(['ennen katkoa']);
    cut();
    // b captures offline while a and c go on.
    for (let i = 0; i < 20; i++) b.room.pushLocal(entries({ captures: [capture(`b offline ${i}`)] }));
    c.room.pushLocal(entries({ captures: [capture('c meanwhile')], liveEvents: [{ type: 'hand/raise', at: 5, key: 'k1', name: 'Aino' }] }));
    // b re-sends everything it has (as the bridge does after a reconnect): no doubles.
    b.room.pushLocal(entries({ captures: [first] }));
    link(a.doc, b.doc);
    exchange(a.doc, b.doc, c.doc);
    const all = texts(a.room);
    expect(all).toHaveLength(22);
    expect(new Set(all).size).toBe(22);
    for (const p of [b, c]) expect(texts(p.room)).toEqual(all);
    expect(b.room.read().entries.liveEvents).toHaveLength(1);
  });

  it('the same entry written by two people is one entry', () => {
    const a = peer();
    const b = peer();
    const hand = { type: 'hand/raise' as const, at: 10, key: 'k', name: 'Aino' };
    const shared = capture('sama');
    a.room.pushLocal(entries({ liveEvents: [hand], runEvents: [{ type: 'start', at: 1 }], captures: [shared] }));
    b.room.pushLocal(entries({ liveEvents: [{ ...hand }], runEvents: [{ type: 'start', at: 1 }], captures: [{ ...shared }] }));
    exchange(a.doc, b.doc);
    const read = b.room.read().entries;
    expect(read.liveEvents).toHaveLength(1);
    expect(read.runEvents).toHaveLength(1);
    expect(read.captures).toHaveLength(1);
    expect(a.room.pushLocal(entries({ liveEvents: [hand], captures: [shared] }))).toBe(false);
  });

  it('an edit replaces the capture only when it was made later; concurrent votes both count', () => {
    const a = peer();
    const b = peer();
    const original = capture('luonnos', { updatedAt: 2000 });
    a.room.pushLocal(entries({ captures: [original] }));
    exchange(a.doc, b.doc);
    b.room.pushLocal(entries({ captures: [{ ...original, text: 'uudempi', updatedAt: 3000 }] }));
    a.room.pushLocal(entries({ captures: [{ ...original, text: 'vanhempi', updatedAt: 2500 }] }));
    exchange(a.doc, b.doc);
    // Both edits were written concurrently; the doc keeps one, and pushing the newer again wins.
    b.room.pushLocal(entries({ captures: [{ ...original, text: 'uudempi', updatedAt: 3000 }] }));
    a.room.pushLocal(entries({ captures: [{ ...original, text: 'vanhempi', updatedAt: 2500 }] }));
    exchange(a.doc, b.doc);
    expect(texts(a.room)).toEqual(['uudempi']);
    expect(texts(b.room)).toEqual(['uudempi']);
    a.room.pushLocal(entries({ votes: [{ id: crypto.randomUUID(), captureId: original.id, delta: 1, at: 1 }] }));
    b.room.pushLocal(entries({ votes: [{ id: crypto.randomUUID(), captureId: original.id, delta: 1, at: 1 }] }));
    exchange(a.doc, b.doc);
    expect(a.room.read().entries.votes).toHaveLength(2);
  });

  it('hostile entries are rejected: bad shape, wrong key, another workshop, a log redefined', () => {
    const a = peer();
    const evil = new Y.Doc();
    const caps = evil.getMap('captures');
    const id = crypto.randomUUID();
    caps.set(id, { ...capture('<img src=x onerror=alert(1)>'), id: crypto.randomUUID() }); // key ≠ id
    caps.set('not-a-uuid', { id: 'not-a-uuid', text: 'x' });
    const other = capture('toinen työpaja', { workshopId: 'ws-2' });
    caps.set(other.id, other);
    const big = capture('x'.repeat(20_000));
    caps.set(big.id, big);
    evil.getMap('runEvents').set('start@1', { type: 'start', at: 1, extra: 'no' });
    evil.getMap('runEvents').set('next@5', { type: 'start', at: 5 }); // key says another event
    evil.getMap('liveEvents').set('x', { type: 'hand/raise', at: 1, key: 'k', name: 'A' });
    evil.getMap('liveEvents').set('site', { type: 'hands/site', at: 1, hands: [] });
    evil.getMap('prompts').set('p', { id: 'p', workshopId: 'ws-2', cardId: 'c', action: 'used', at: 1 });
    evil.getMap('meta').set('workshop', { workshop: { id: 'ws-1' } });
    evil.getArray('votes').push([1, 2, 3]); // a log defined as another kind of type
    const good = capture('kelpo');
    caps.set(good.id, good);
    exchange(evil, a.doc);
    const { entries: read, report } = a.room.read();
    expect(read.captures.map((c) => c.text)).toEqual(['kelpo']);
    expect(read.runEvents).toEqual([]);
    expect(read.liveEvents).toEqual([]);
    expect(read.prompts).toEqual([]);
    expect(read.workshop).toBeUndefined();
    expect(report.rejected).toBeGreaterThanOrEqual(10);
    // A log another peer redefined cannot be written either, and does not throw.
    expect(() => a.room.pushLocal(entries({ votes: [{ id: crypto.randomUUID(), captureId: good.id, delta: 1, at: 1 }] }))).not.toThrow();
  });

  it('a peer cannot make a log grow past its bound', () => {
    const a = peer();
    const evil = new Y.Doc();
    const prompts = evil.getMap('prompts');
    evil.transact(() => {
      for (let i = 0; i < SHARED_LIMITS.prompts + 50; i++) {
        const id = `p${i}`;
        prompts.set(id, { id, workshopId: WORKSHOP, cardId: 'c', action: 'used', at: i });
      }
    });
    exchange(evil, a.doc);
    const { entries: read, report } = a.room.read();
    expect(read.prompts).toHaveLength(SHARED_LIMITS.prompts);
    expect(report.overLimit).toBe(50);
  });

  it('remote changes are reported by key; the local store’s own pushes are not echoed', () => {
    const a = peer();
    const b = peer();
    link(a.doc, b.doc);
    const seen: ChangedKeys[] = [];
    b.room.observeRemote((keys) => seen.push(keys));
    b.room.pushLocal(entries({ captures: [capture('oma')] }));
    expect(seen).toEqual([]);
    const hand = { type: 'hand/raise' as const, at: 7, key: 'k', name: 'Aino' };
    a.room.pushLocal(entries({ liveEvents: [hand] }));
    expect(seen).toHaveLength(1);
    expect([...(seen[0]!.liveEvents ?? [])]).toEqual([liveEventKey(hand)]);
    expect(b.room.read(seen[0]).entries.liveEvents).toEqual([hand]);
    expect(b.room.read(seen[0]).entries.captures).toEqual([]);
  });

  it('the workshop a joiner needs: script, run phases and record, written once', () => {
    const a = peer();
    const b = peer();
    const script = instantiateTemplate(DEFAULT_TEMPLATE_ID, 'fi');
    const { events: _events, ...run } = createRun(script, 0, WORKSHOP);
    const workshop: SharedWorkshop = {
      workshop: { id: WORKSHOP, title: 'Työpaja 1', goal: '', lang: 'fi', scriptId: script.id, workshopIndex: 0, createdAt: 1 },
      script,
      run,
    };
    a.room.pushLocal(entries({ workshop }));
    b.room.pushLocal(entries({ workshop: { ...workshop, workshop: { ...workshop.workshop, title: 'toinen' } } }));
    exchange(a.doc, b.doc);
    const titles = [a, b].map((p) => p.room.read().entries.workshop?.workshop.title);
    expect(titles[0]).toBe(titles[1]);
    expect(titles[0]).toMatch(/Työpaja 1|toinen/);
  });
});
