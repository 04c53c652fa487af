import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => {
  const listener = { addListener: () => undefined, removeListener: () => undefined };
  return {
  default: { runtime: { onConnect: listener, onMessage: listener, getURL: (p: string) => p, sendMessage: async () => undefined }, tabs: { onRemoved: listener, onUpdated: listener }, storage: { session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined } } },
  };
});
import * as Y from 'yjs';
import { receiveRemote } from '../../../src/background/sync';
import { choosingActive, createFromTemplate, deleteWorkshop } from '../../../src/background/workshops';
import { DEFAULT_TEMPLATE_ID } from '../../../src/script/templates';
import { getSetting, setSetting } from '../../../src/store/settings';
import { localEntries } from '../../../src/sync/apply';
import { SharedRoom } from '../../../src/sync/model';

// A note-taker joins on a fresh profile: the room's workshop arrives while the first-run default
// workshop is still being made. The joined workshop must stay the active one (it used to be set
// outside the queue of choices, so the default, done later, replaced it).

describe('joining a room on a first start', () => {
  it('keeps the room’s workshop active over the first-run default made meanwhile', async () => {
    const made = await createFromTemplate(DEFAULT_TEMPLATE_ID, 'fi');
    if (!made.ok) throw new Error('no workshop');
    const id = made.value.workshop.id;
    const room = new SharedRoom(new Y.Doc(), id);
    room.pushLocal((await localEntries(id))!);
    const { entries } = room.read();
    // This browser has nothing yet: no workshop, in a room whose workshop is unknown.
    await deleteWorkshop(id);
    await setSetting('seeded', false);
    await setSetting('activeWorkshopId', null);
    await setSetting('liveSession', { roomId: 'abcdefghjkmn', passphrase: 'abcdefghjkmnpqrstuvwxyz2', role: 'note-taker', startedAt: 1 });

    // The first-run default under way: a choice of the active workshop that finishes later.
    let finishDefault = () => undefined as void;
    const defaultDone = new Promise<void>((resolve) => (finishDefault = resolve));
    const seeding = choosingActive(async () => {
      await defaultDone;
      await setSetting('activeWorkshopId', 'the-first-run-default');
    });
    const joined = receiveRemote(id, entries);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the room's workshop is written meanwhile
    finishDefault();
    await seeding;
    expect((await joined).ok).toBe(true);
    expect(await getSetting('activeWorkshopId')).toBe(id);
  });
});
