import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The router runs in the background with the browser's API; here a stand-in gives it an
// extension origin and records what it broadcasts.
const ORIGIN = 'chrome-extension://vuoro-test/';
const sent: unknown[] = [];
const session = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
        set: async (items: Record<string, unknown>) => Object.entries(items).forEach(([k, v]) => session.set(k, v)),
        remove: async (key: string) => void session.delete(key),
      },
    },
    runtime: {
      id: 'vuoro-test',
      getURL: (path: string) => `${ORIGIN}${path}`,
      sendMessage: async (message: unknown) => void sent.push(message),
      onConnect: { addListener() {} },
      onMessage: { addListener() {}, removeListener() {} },
      getUILanguage: () => 'en',
    },
    i18n: { getUILanguage: () => 'en' },
    tabs: { create: async () => ({}), sendMessage: async () => ({ ok: true, value: null }) },
    contextMenus: { removeAll: async () => {}, create() {}, onClicked: { addListener() {} } },
  },
}));

const { PROTOCOL, callerOf, mayCall, isRequestType } = await import('../../../src/messages/protocol');
const { HANDLERS } = await import('../../../src/background/handlers');
const { route } = await import('../../../src/background/router');
const { admitPanel } = await import('../../../src/background/panelTrust');

type Sender = Parameters<typeof route>[1];
const TYPES = Object.keys(PROTOCOL) as (keyof typeof PROTOCOL)[];
const TOPICS = ['workshops', 'runs', 'captures', 'scripts', 'settings', 'cards', 'live', 'turns', 'participants', 'series', 'prompts', 'sync'];

const siteScript: Sender = { id: 'vuoro-test', url: 'https://meet.google.com/abc-defg-hij', tab: { id: 7 } as never, frameId: 0 };
const panel: Sender = { id: 'vuoro-test', url: `${ORIGIN}src/ui/panel/panel.html#site=meet`, tab: { id: 7 } as never, frameId: 3 };
const optionsPage: Sender = { id: 'vuoro-test', url: `${ORIGIN}src/ui/options/options.html#library`, tab: { id: 9 } as never, frameId: 0 };

/** What a site script may ask: its own tab's frame labels, placement and page signals. Nothing else. */
const SITE_SCRIPT_ROWS = ['content/hello', 'placement/set', 'site/signal'];

describe('the protocol table', () => {
  it('gives every request a payload schema, a reply type, a handler, caller rules and the stores it changes', () => {
    expect(TYPES.length).toBeGreaterThan(40);
    for (const type of TYPES) {
      const row = PROTOCOL[type];
      expect(typeof row.payload.safeParse, type).toBe('function');
      expect(row.reply.name, type).toMatch(/\S/);
      expect(row.callers.length, type).toBeGreaterThan(0);
      for (const caller of row.callers) expect(['page', 'panel', 'content', 'offscreen'], type).toContain(caller);
      for (const topic of row.changes) expect(TOPICS, type).toContain(topic);
      expect(typeof HANDLERS[type], type).toBe('function');
    }
    expect(Object.keys(HANDLERS).sort()).toEqual([...TYPES].sort());
  });

  it('lets a site script send only its own tab signals, never a request that reads or changes workshop data', () => {
    const forContent = TYPES.filter((type) => (PROTOCOL[type].callers as readonly string[]).includes('content'));
    expect(forContent.sort()).toEqual(SITE_SCRIPT_ROWS);
    for (const type of forContent) expect(PROTOCOL[type].changes, type).toEqual([]);
    for (const type of TYPES.filter((type) => !SITE_SCRIPT_ROWS.includes(type))) {
      expect(mayCall(type, callerOf(siteScript as never, ORIGIN)), type).toBe(false);
    }
  });

  it('lets the live-sharing engine only hand over what came from the room, and nothing else reach its rows', () => {
    const offscreen = callerOf({ url: `${ORIGIN}src/sync/offscreen.html` }, ORIGIN);
    const forEngine = TYPES.filter((type) => mayCall(type, offscreen));
    expect(forEngine.sort()).toEqual(['sync/engine-config', 'sync/remote', 'sync/status']);
    for (const type of forEngine) {
      expect(PROTOCOL[type].callers, type).toEqual(['offscreen']);
      for (const sender of [siteScript, panel, optionsPage]) expect(mayCall(type, callerOf(sender as never, ORIGIN)), type).toBe(false);
    }
  });

  it('tells callers apart by what the browser says about the sender', () => {
    expect(callerOf(siteScript as never, ORIGIN)).toEqual({ caller: 'content', tabId: 7 });
    expect(callerOf(panel as never, ORIGIN)).toEqual({ caller: 'panel', tabId: 7 });
    expect(callerOf(optionsPage as never, ORIGIN)).toEqual({ caller: 'page' });
    expect(callerOf({ url: `${ORIGIN}src/ui/popup/popup.html` }, ORIGIN)).toEqual({ caller: 'page' });
    // A page's subframe runs no site script; another extension's origin is not ours.
    expect(callerOf({ ...siteScript, frameId: 2 } as never, ORIGIN)).toBeNull();
    expect(callerOf({ url: 'chrome-extension://vuoro-test-evil/src/ui/panel/panel.html', tab: { id: 7 }, frameId: 3 }, ORIGIN)).toBeNull();
    // The offscreen document of live sharing is told apart by its page; a tab cannot pose as it.
    expect(callerOf({ url: `${ORIGIN}src/sync/offscreen.html` }, ORIGIN)).toEqual({ caller: 'offscreen' });
    expect(callerOf({ url: `${ORIGIN}src/sync/offscreen.html`, tab: { id: 7 }, frameId: 0 }, ORIGIN)).toEqual({ caller: 'page' });
    expect(isRequestType('no/such-thing')).toBe(false);
    expect(isRequestType('toString')).toBe(false);
  });
});

describe('the router', () => {
  // The panel frame of tab 7 is the one its site script made: it connected with the hello's token.
  beforeAll(async () => {
    const hello = (await route({ to: 'background', type: 'content/hello', siteKey: 'meet' }, siteScript)) as { ok: true; value: { panelToken: string } };
    expect(await admitPanel(panel, hello.value.panelToken)).toBe(true);
  });

  it('hears only the panel frame the site script made: another panel frame in the tab, or a spent token, is refused', async () => {
    const other: Sender = { ...panel, frameId: 4 };
    expect(await route({ to: 'background', type: 'workshop/list' }, other)).toEqual({ ok: false, error: { code: 'panel-not-trusted' } });
    const token = (session.get('panelGrant:7') as { token: string }).token;
    expect(await admitPanel(other, token)).toBe(false);
    expect(await admitPanel(panel, 'not-the-token')).toBe(false);
    expect(await admitPanel(panel, token)).toBe(true); // the same frame reconnecting (a stopped background)
    expect(((await route({ to: 'background', type: 'workshop/list' }, panel)) as { ok: boolean }).ok).toBe(true);
  });

  it('refuses a site script every privileged request before any handler runs', async () => {
    const created = await route({ to: 'background', type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en', workshopIndex: 0 }, optionsPage);
    const made = created as { ok: true; value: { workshop: { id: string } } };
    expect(made.ok).toBe(true);
    const workshopId = made.value.workshop.id;
    for (const message of [
      { type: 'workshop/contents', workshopId },
      { type: 'workshop/list' },
      { type: 'capture/list', workshopId },
      { type: 'summary/open', workshopId },
      { type: 'workshop/delete', workshopId },
      { type: 'capture/add', workshopId, text: 'from the page', kind: 'idea', source: { type: 'manual' } },
      { type: 'settings/set', lang: 'fi' },
      { type: 'tab/forward', message: { to: 'content', type: 'panel/toggle' } },
    ]) {
      expect(await route({ to: 'background', ...message }, siteScript), message.type).toEqual({ ok: false, error: { code: 'forbidden' } });
    }
    // Nothing was deleted: the panel still reads the workshop.
    const contents = (await route({ to: 'background', type: 'workshop/contents', workshopId }, panel)) as { ok: boolean };
    expect(contents.ok).toBe(true);
    expect(await route({ to: 'background', type: 'capture/list', workshopId }, panel)).toEqual({ ok: true, value: [] });
  });

  it('passes a site script its own tab signals', async () => {
    const signal = { to: 'panel', type: 'site/hands', hands: [{ key: 'p1', name: 'Aino' }] };
    expect(await route({ to: 'background', type: 'site/signal', signal }, siteScript)).toEqual({ ok: true, value: null });
    expect(await route({ to: 'background', type: 'site/signal', signal: { ...signal, type: 'store/changed' } }, siteScript)).toEqual({
      ok: false,
      error: { code: 'invalid-message' },
    });
  });

  it('answers an unknown or malformed request with a validation error, and ignores messages to others', async () => {
    expect(await route({ to: 'background', type: 'no/such-thing' }, panel)).toEqual({ ok: false, error: { code: 'invalid-message' } });
    expect(await route({ to: 'background', type: 'capture/add', workshopId: 42, text: '' }, panel)).toEqual({ ok: false, error: { code: 'invalid-message' } });
    expect(route({ to: 'panel', type: 'store/changed', stores: [] }, panel)).toBeUndefined();
    expect(route({ to: 'background', type: 'settings/get' }, { ...panel, id: 'another-extension' })).toBeUndefined();
  });

  it('tells open views which stores a request changed, from its row', async () => {
    sent.length = 0;
    const reply = (await route({ to: 'background', type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en' }, panel)) as {
      ok: true;
      value: { workshop: { id: string } };
    };
    expect(sent).toEqual([
      { to: 'panel', type: 'store/changed', stores: ['workshops', 'scripts', 'runs', 'settings'], workshopId: reply.value.workshop.id },
    ]);
    sent.length = 0;
    await route({ to: 'background', type: 'capture/list', workshopId: reply.value.workshop.id }, panel);
    expect(sent).toEqual([]);
  });

  it('tells no view about a roster sync that changed nothing, so panels do not reload their people list', async () => {
    const made = (await route({ to: 'background', type: 'workshop/from-template', templateId: 'open-process-close', lang: 'en' }, panel)) as {
      ok: true;
      value: { workshop: { id: string } };
    };
    const workshopId = made.value.workshop.id;
    await route({ to: 'background', type: 'workshop/update', workshopId, patch: { recordPeople: true } }, panel);
    const roster = [{ key: 'id:1', name: 'Aino', self: true }, { key: 'id:2', name: 'Bo' }];
    const sync = (participants: typeof roster) => route({ to: 'background', type: 'participants/sync', workshopId, participants }, panel);
    sent.length = 0;
    expect(await sync(roster)).toMatchObject({ ok: true, value: { changed: true } });
    expect(sent).toEqual([{ to: 'panel', type: 'store/changed', stores: ['participants'], workshopId }]);
    sent.length = 0;
    expect(await sync(roster)).toMatchObject({ ok: true, value: { changed: false } });
    expect(sent).toEqual([]);
    // A new name, or the user's own tile found, is a change.
    expect(await sync([roster[0]!, { key: 'id:2', name: 'Bo Kim' }])).toMatchObject({ ok: true, value: { changed: true } });
    expect(await sync([{ key: 'id:1', name: 'Aino' }, { key: 'id:2', name: 'Bo Kim' }])).toMatchObject({ ok: true, value: { changed: true } });
    expect(sent).toHaveLength(2);
  });
});
