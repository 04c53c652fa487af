import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// How a loaded tab gets its site script (src/background/sites.ts). The probe that asks whether the
// page has one already is a task of its own on the page's main thread, at its busiest (issue 12):
// a tab whose site script never said hello is given the script straight away; a tab that had one
// (a reload, or a frame of the page loading again) is probed first.

const calls: { func?: unknown; files?: string[] }[] = [];
let pageHasScript = false;
const session = new Map<string, unknown>();
let onUpdated: ((tabId: number, change: { status?: string }, tab: { url?: string }) => void) | undefined;

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: (p: string) => `chrome-extension://vuoro/${p}` },
    tabs: {
      onUpdated: { addListener: (fn: typeof onUpdated) => (onUpdated = fn) },
      onRemoved: { addListener: () => undefined },
    },
    scripting: {
      executeScript: async (details: { func?: unknown; files?: string[] }) => {
        calls.push(details);
        return [{ result: details.func ? pageHasScript : undefined }];
      },
    },
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, v)),
        remove: async (key: string) => void session.delete(key),
      },
    },
  },
}));

const { watchTabs } = await import('../../../src/background/sites');
const { issuePanelToken } = await import('../../../src/background/panelTrust');
watchTabs();

const ZOOM = 'https://app.zoom.us/wc/123/join';
const loaded = async (tabId: number, url = ZOOM) => {
  onUpdated!(tabId, { status: 'complete' }, { url });
  await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
  await new Promise((done) => setTimeout(done, 20)); // a probe's answer, then the injection
};
const kinds = () => calls.map((c) => (c.func ? 'probe' : c.files!.join()));

describe('giving a loaded tab its site script', () => {
  beforeEach(() => {
    calls.length = 0;
    pageHasScript = false;
    session.clear();
  });

  it("injects a tab's first site script without a probe", async () => {
    await loaded(1);
    expect(kinds()).toEqual(['content/zoom.js']);
  });

  it('probes a tab that had a site script: none there after a reload, one injected', async () => {
    await issuePanelToken(2); // the earlier page's hello
    await loaded(2);
    expect(kinds()).toEqual(['probe', 'content/zoom.js']);
  });

  it('probes a tab that had a site script: still there (a frame loaded), nothing injected', async () => {
    await issuePanelToken(3);
    pageHasScript = true;
    await loaded(3);
    expect(kinds()).toEqual(['probe']);
  });

  it('gives nothing to a page on no supported or enabled site', async () => {
    onUpdated!(4, { status: 'complete' }, { url: 'https://example.org/' });
    await new Promise((done) => setTimeout(done, 50));
    expect(calls).toEqual([]);
  });
});
