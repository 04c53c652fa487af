import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => {
  const listener = { addListener: () => undefined, removeListener: () => undefined };
  return {
    default: { runtime: { onConnect: listener, onMessage: listener, getURL: (p: string) => p, sendMessage: async () => undefined }, tabs: { onRemoved: listener, onUpdated: listener }, storage: { session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined } } },
  };
});
import * as Y from 'yjs';
import { dataOverview, erasePerson } from '../../../src/background/erase';
import { HANDLERS } from '../../../src/background/handlers';
import { db } from '../../../src/store/db';
import { receiveRemote } from '../../../src/background/sync';
import { createFromTemplate, deleteWorkshop } from '../../../src/background/workshops';
import { DEFAULT_TEMPLATE_ID } from '../../../src/script/templates';
import { setSetting } from '../../../src/store/settings';
import { localEntries } from '../../../src/sync/apply';
import { SharedRoom } from '../../../src/sync/model';

// A workshop shared live has copies on the other browsers in its room, which an erase here does
// not reach: the Data view says so (src/ui/options/DataView.tsx) for every workshop shared, now or before.

const session = (workshopId?: string) => ({ roomId: 'abcdefghjkmn', passphrase: 'abcdefghjkmnpqrstuvwxyz2', role: 'note-taker' as const, startedAt: 1, ...(workshopId ? { workshopId } : {}) });

describe('a workshop shared live', () => {
  it('is marked when its copy arrives from a room, and stays marked after the room is left', async () => {
    const made = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
    if (!made.ok) throw new Error('no workshop');
    const id = made.value.workshop.id;
    const room = new SharedRoom(new Y.Doc(), id);
    room.pushLocal((await localEntries(id))!);
    await deleteWorkshop(id);
    await setSetting('liveSession', session());
    expect((await receiveRemote(id, room.read().entries)).ok).toBe(true);
    await setSetting('liveSession', null);
    expect((await dataOverview()).find((w) => w.id === id)).toMatchObject({ shared: true });
  });

  it('counts the workshop of the room open now, also one shared before the mark existed', async () => {
    const made = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
    if (!made.ok) throw new Error('no workshop');
    const id = made.value.workshop.id;
    expect((await dataOverview()).find((w) => w.id === id)).toMatchObject({ shared: false });
    await setSetting('liveSession', { ...session(id), role: 'facilitator' });
    expect((await dataOverview()).find((w) => w.id === id)).toMatchObject({ shared: true });
    await setSetting('liveSession', null);
  });

  it('does not take back from the room someone erased here: the co-facilitator’s copy still names them', async () => {
    const made = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'en');
    if (!made.ok) throw new Error('no workshop');
    const id = made.value.workshop.id;
    const panel = { caller: { caller: 'panel' as const, tabId: 1 } };
    await HANDLERS['workshop/update']({ workshopId: id, patch: { recordPeople: true } }, panel);
    await HANDLERS['live/event']({ workshopId: id, event: { type: 'hand/raise', at: 1, key: 'name:bo', name: 'Bo Kim' } }, panel);
    await HANDLERS['live/event']({ workshopId: id, event: { type: 'facilitator/set', at: 2, key: 'name:bo', facilitator: true } }, panel);
    await HANDLERS['live/event']({ workshopId: id, event: { type: 'hand/raise', at: 3, key: 'name:cy', name: 'Cy Diaz' } }, panel);
    await HANDLERS['capture/add']({ workshopId: id, text: 'Bo in chat QXBOCHAT', kind: 'idea', source: { type: 'chat', author: 'Bo Kim' } }, panel);
    // The co-facilitator's copy: the same workshop, as the room holds it.
    const room = new SharedRoom(new Y.Doc(), id);
    room.pushLocal((await localEntries(id))!);
    await erasePerson(id, { key: 'name:bo', name: 'Bo Kim' });
    await setSetting('liveSession', { ...session(id), role: 'facilitator' });
    expect((await receiveRemote(id, room.read().entries)).ok).toBe(true);
    await setSetting('liveSession', null);
    const database = await db();
    const stored = JSON.stringify(await Promise.all([...database.objectStoreNames].map((name) => database.getAll(name))));
    expect(stored).not.toContain('Bo Kim');
    expect(stored).not.toContain('name:bo');
    expect(stored).not.toContain('QXBOCHAT');
    expect(stored).toContain('Cy Diaz');
  });
});
