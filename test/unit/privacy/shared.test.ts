import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => {
  const listener = { addListener: () => undefined, removeListener: () => undefined };
  return {
    default: { runtime: { onConnect: listener, onMessage: listener, getURL: (p: string) => p, sendMessage: async () => undefined }, tabs: { onRemoved: listener, onUpdated: listener }, storage: { session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined } } },
  };
});
import * as Y from 'yjs';
import { dataOverview } from '../../../src/background/erase';
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
});
