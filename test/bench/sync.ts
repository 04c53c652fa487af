// Live sharing's rows (issue 15): what the sync engine adds to the bundles, and how long a capture
// made in one browser takes to reach the other. Run alone with VUORO_BENCH_ONLY=sync.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Frame } from 'puppeteer';
import { defaultDistDir, extensionPage, launchWithExtension, optionsPagePath, type ExtensionContext } from '../e2e/harness/browsers';
import { REPO_ROOT, type FixtureServerInfo } from '../e2e/harness/server';
import type { Row } from './bench';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The engine's own chunk, and whether any bundle other than the sharing path imports it statically. */
export function syncSizes(): Row[] {
  const rows: Row[] = [];
  for (const kind of ['chromium', 'firefox'] as const) {
    const assets = join(defaultDistDir(kind), 'assets');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const engine = files.find((f) => f.startsWith('engine-'));
    if (!engine) {
      rows.push({ measure: `sync engine chunk (${kind})`, value: 'missing', budget: 'present', pass: false });
      continue;
    }
    rows.push({ measure: `sync engine chunk: Yjs, y-webrtc, y-indexeddb (${kind}, gzip, loaded only once a room is open)`, value: kb(gz(join(assets, engine))), budget: '—' });
    // A static `from"./engine-…"` in an entry means that page or the background carries the engine at start.
    const statically = files.filter((f) => f !== engine && readFileSync(join(assets, f), 'utf8').includes(`from"./${engine}"`));
    const allowed = kind === 'chromium' ? ['offscreen-'] : [];
    const offenders = statically.filter((f) => !allowed.some((prefix) => f.startsWith(prefix)));
    rows.push({
      measure: `bundles importing the engine at start (${kind}; the offscreen document only)`,
      value: statically.length ? statically.map((f) => f.replace(/-[\w-]+\.js$/, '')).join(', ') : 'none',
      budget: 'offscreen only',
      pass: offenders.length === 0,
    });
  }
  const content = join(defaultDistDir('chromium'), 'content');
  const carrying = readdirSync(content).filter((f) => /WebrtcProvider|y-indexeddb|simple-peer/.test(readFileSync(join(content, f), 'utf8')));
  rows.push({ measure: 'content scripts carrying any of the sync engine', value: carrying.length ? carrying.join(', ') : 'none', budget: 'none', pass: carrying.length === 0 });
  return rows;
}

function startSignaller(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/vuoro.mjs'), 'signal', '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`vuoro signal exited (${code})`)));
  });
}

const ask = <T>(frame: Frame, message: Record<string, unknown>) =>
  frame.evaluate(async (m: Record<string, unknown>) => {
    const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    return (await api.runtime.sendMessage({ to: 'background', ...m })) as unknown;
  }, message) as Promise<{ ok: boolean; value: T }>;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`bench sync: ${what} did not happen in ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/**
 * Chromium makes 200 captures, one every 100 ms; Firefox's options page notes when each one is in
 * its store (it re-reads on every store-changed broadcast). Both browsers run on this machine, so
 * their clocks are the same clock.
 */
export async function syncLatency(server: FixtureServerInfo, log: (s: string) => void, n = 200): Promise<Row[]> {
  log('live sharing: capture on Chromium → in Firefox…');
  const { child, port } = await startSignaller();
  let chromium: ExtensionContext | undefined;
  let firefox: ExtensionContext | undefined;
  try {
    [chromium, firefox] = await Promise.all([
      launchWithExtension('chromium', { server, chromiumArgs: ['--disable-features=WebRtcHideLocalIpsWithMdns'] }),
      launchWithExtension('firefox', { server, firefoxPrefs: { 'media.peerconnection.ice.obfuscate_host_addresses': false } }),
    ]);
    const [a, b] = await Promise.all([extensionPage(chromium, optionsPagePath(chromium)), extensionPage(firefox, optionsPagePath(firefox))]);
    const [fa, fb] = [a.mainFrame(), b.mainFrame()];
    const config = { signalUrl: `ws://127.0.0.1:${port}`, iceServers: [] };
    await ask(fa, { type: 'sync/configure', config });
    await ask(fb, { type: 'sync/configure', config });
    const active = await ask<{ workshop: { id: string } }>(fa, { type: 'workshop/active' });
    const workshopId = active.value.workshop.id;
    const shared = await ask<{ session: { roomId: string; passphrase: string } }>(fa, { type: 'sync/share', workshopId });
    await ask(fb, { type: 'sync/join', invitation: `vuoro:${shared.value.session.roomId}.${shared.value.session.passphrase}` });
    await until(async () => (await ask<{ status: { synced: boolean; peers: unknown[] } }>(fb, { type: 'sync/state' })).value.status.synced, 'Firefox in sync');
    await until(async () => (await ask<{ session: { workshopId?: string } }>(fb, { type: 'sync/state' })).value.session.workshopId === workshopId, 'workshop arrived');

    // Firefox: note the arrival of each capture id, on every store change the background reports.
    await fb.evaluate((id: string) => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown>; onMessage: { addListener(f: (m: unknown) => void): void } } } }).browser;
      const seen: Record<string, number> = {};
      (window as unknown as { __arrived: Record<string, number> }).__arrived = seen;
      let reading = false;
      let again = false;
      const read = async () => {
        if (reading) return void (again = true);
        reading = true;
        const reply = (await api.runtime.sendMessage({ to: 'background', type: 'capture/list', workshopId: id })) as { ok: boolean; value: { id: string }[] };
        const now = Date.now();
        if (reply.ok) for (const c of reply.value) seen[c.id] ??= now;
        reading = false;
        if (again) {
          again = false;
          void read();
        }
      };
      api.runtime.onMessage.addListener((m) => {
        const message = m as { type?: string; stores?: string[] };
        if (message.type === 'store/changed' && message.stores?.includes('captures')) void read();
      });
      void read();
    }, workshopId);

    const sent: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      sent[id] = Date.now();
      await ask(fa, { type: 'capture/add', id, workshopId, text: `Bench capture ${i}`, kind: 'idea', source: { type: 'manual' } });
      await new Promise((done) => setTimeout(done, 100));
    }
    const arrivals = () => fb.evaluate(() => (window as unknown as { __arrived: Record<string, number> }).__arrived);
    await until(async () => {
      const seen = await arrivals();
      return Object.keys(sent).every((id) => id in seen);
    }, 'every capture in Firefox', 60_000);
    const arrived = await arrivals();
    const latencies = Object.entries(sent)
      .map(([id, at]) => arrived[id]! - at)
      .sort((x, y) => x - y);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
    return [
      { measure: `live sharing: capture on Chromium → in Firefox's store, p50 (${n} captures, one every 100 ms, local signaller, host candidates)`, value: `${q(0.5)} ms`, budget: '—' },
      { measure: 'live sharing: capture on Chromium → in Firefox\'s store, p95', value: `${q(0.95)} ms`, budget: '≤ 500 ms', pass: q(0.95) <= 500 },
    ];
  } finally {
    await Promise.all([chromium?.close(), firefox?.close()]);
    child.kill();
  }
}
