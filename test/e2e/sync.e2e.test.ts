import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserKind,
  chromeBuildWithGrantedOrigins,
  extensionPage,
  fixtureServer,
  launchWithExtension,
  openFixture,
  optionsPagePath,
  panelFrame,
  REPO_ROOT,
  unexpectedRequests,
  type ExtensionContext,
} from './harness/e2e';
import { eventually } from './helpers/live';
import { askBackground, clickButton, openTab, submitForm, textOf, typeInto, waitForText } from './helpers/ui';

// Live sharing (issue 15), between two real browsers: Chromium the facilitator, Firefox ESR the
// note-taker, through `vuoro signal` on 127.0.0.1 started here. WebRTC host candidates only (no
// STUN): Chromium shows its real host addresses instead of mDNS names, Firefox does not obfuscate
// them, so the two find each other on this machine without any outside server.
//
// This file launches both browsers itself, so it runs in the chromium project only.

const MEETING = 'meet.google.com/abc-defg-hij';
const SECRET_WORDS = ['Parityö', 'salaista', 'Kotihoito'];

interface Ok<T> {
  ok: true;
  value: T;
}
interface SyncStateView {
  session: { roomId: string; passphrase: string; workshopId?: string } | null;
  status: { state: string; signalling: boolean; peers: { name: string; role: string }[]; synced: boolean; ended?: string };
}
interface CaptureView {
  id: string;
  text: string;
  deletedAt?: number;
}

let signaller: ChildProcess | undefined;
let signalLog = '';

function startSignaller(port = 0): Promise<number> {
  signaller = spawn(process.execPath, [join(REPO_ROOT, 'bin/vuoro.mjs'), 'signal', '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const from = signalLog.length;
  return new Promise((resolve, reject) => {
    const take = (chunk: Buffer) => {
      signalLog += chunk.toString();
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(signalLog.slice(from));
      if (match) resolve(Number(match[1]));
    };
    signaller!.stdout!.on('data', take);
    signaller!.stderr!.on('data', take);
    signaller!.once('exit', (code) => reject(new Error(`vuoro signal exited (${code}): ${signalLog}`)));
  });
}

/**
 * Live sharing turned on in the options page, as a user does: a wrong address is refused, the
 * right one saved with the browser's permission for that host. Chromium's prompt cannot be
 * answered by the driver, so its build is installed with the host already granted (the state
 * "Allow" leaves); Firefox grants without its prompt by an automation pref.
 */
async function configure(ctx: ExtensionContext, port: number): Promise<Page> {
  const options = await extensionPage(ctx, `${optionsPagePath(ctx)}#settings`);
  await waitForText(options, 'Turn on live sharing');
  await options.click('[data-testid="live-sharing-settings"] input[type="checkbox"]');
  await options.waitForSelector('[data-testid="live-sharing-settings"] input[type="url"]');
  await typeInto(options, '[data-testid="live-sharing-settings"] input[type="url"]', 'https://signal.example.org');
  await options.click('[data-testid="live-sharing-settings"] button[type="submit"]');
  await waitForText(options, 'Enter the signalling server as a ws:// or wss:// address.');
  await typeInto(options, '[data-testid="live-sharing-settings"] input[type="url"]', `ws://127.0.0.1:${port}`);
  await options.click('[data-testid="live-sharing-settings"] button[type="submit"]');
  await waitForText(options, 'Saved.');
  const state = await askBackground<Ok<{ config: { signalUrl: string; iceServers: unknown[] } }>>(options.mainFrame(), { to: 'background', type: 'sync/state' });
  expect(state.value.config).toEqual({ signalUrl: `ws://127.0.0.1:${port}`, iceServers: [] });
  return options;
}

const state = async (frame: Frame) => (await askBackground<Ok<SyncStateView>>(frame, { to: 'background', type: 'sync/state' })).value;
const captureTexts = async (frame: Frame, workshopId: string) =>
  (await askBackground<Ok<CaptureView[]>>(frame, { to: 'background', type: 'capture/list', workshopId })).value
    .filter((c) => !c.deletedAt)
    .map((c) => c.text)
    .sort();
const capture = (frame: Frame, workshopId: string, text: string) =>
  askBackground<{ ok: boolean }>(frame, { to: 'background', type: 'capture/add', id: crypto.randomUUID(), workshopId, text, kind: 'idea', source: { type: 'manual' } });

describe.skipIf(browserKind === 'firefox')('live sharing between Chromium and Firefox', () => {
  const server = fixtureServer();
  let chromium: ExtensionContext;
  let firefox: ExtensionContext;
  let startedAt = 0;

  beforeAll(async () => {
    startedAt = Date.now();
    [chromium, firefox] = await Promise.all([
      launchWithExtension('chromium', { server, distDir: chromeBuildWithGrantedOrigins(['ws://127.0.0.1']), chromiumArgs: ['--disable-features=WebRtcHideLocalIpsWithMdns'] }),
      launchWithExtension('firefox', { server, firefoxPrefs: { 'media.peerconnection.ice.obfuscate_host_addresses': false, 'extensions.webextOptionalPermissionPrompts': false } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([chromium?.close(), firefox?.close()]);
    signaller?.kill();
  });

  it('shares phase, captures and offline work both ways, keeps a wrong passphrase out, and talks only to the signaller and the peer', async () => {
    const port = await startSignaller();
    const [chromeOptions, firefoxOptions] = await Promise.all([configure(chromium, port), configure(firefox, port)]);
    await chromeOptions.screenshot({ path: join(REPO_ROOT, 'test-results/sync-options.png') });
    await Promise.all([chromeOptions.close(), firefoxOptions.close()]);

    // The facilitator shares the workshop; the invitation goes to the team (not the meeting chat, which every participant reads).
    const [facilitatorTab, noteTakerTab] = await Promise.all([openFixture(chromium, MEETING), openFixture(firefox, MEETING)]);
    const facilitator = await panelFrame(facilitatorTab);
    const noteTaker = await panelFrame(noteTakerTab);
    await waitForText(facilitator, 'Share live');
    await clickButton(facilitator, 'Share live');
    await facilitator.waitForSelector('[data-testid="sync-invitation"]');
    const invitation = await facilitator.$eval('[data-testid="sync-invitation"]', (el) => (el as HTMLTextAreaElement).value);
    expect(invitation).toMatch(/vuoro:[a-z2-9]{12}\.[a-z2-9]{24}/);
    const shared = await state(facilitator);
    const workshopId = shared.session!.workshopId!;

    await clickButton(noteTaker, 'Join');
    await typeInto(noteTaker, '[data-testid="sync-invitation-input"]', `Aino: ${invitation}`);
    await submitForm(noteTaker, '[data-testid="sync-invitation-input"]');
    // The note-taker gets the facilitator's workshop, and sees Captures first.
    await eventually(() => state(noteTaker), (s) => s.session?.workshopId === workshopId && s.status.synced, 'note-taker in sync', 20_000);
    await eventually(() => state(facilitator), (s) => s.status.peers.length === 1 && s.status.synced, 'facilitator sees the note-taker', 10_000);
    await waitForText(noteTaker, 'In sync with 1 person');
    await waitForText(facilitator, 'In sync with 1 person');
    await facilitator.evaluate(() => ((document.querySelector('[data-testid="share-box"]') as HTMLDetailsElement).open = true));
    // The box's heading says the status; the box does not say it again under it.
    const shareBox = await textOf(facilitator, '[data-testid="share-box"]');
    expect(shareBox.split('In sync with 1 person').length - 1).toBe(1);
    expect(shareBox).toContain('Invitation for your co-facilitators and note-takers');
    expect(shareBox).not.toContain('meeting chat');
    await facilitatorTab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-facilitator.png') });
    await noteTakerTab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-note-taker.png') });

    // A phase change on one shows on the other within a second.
    await openTab(noteTaker, 'Script');
    await waitForText(noteTaker, 'The facilitator runs the timer.');
    await clickButton(facilitator, 'Start the workshop');
    await waitForText(noteTaker, 'Phase 1/', 5_000);
    await noteTakerTab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-note-taker-timer.png') });
    // Timed inside the browsers (one machine, one clock): from the run event's own time in
    // Chromium to the moment Firefox's panel shows the next phase, without the driver's round trips.
    await noteTaker.evaluate(() => {
      const watch = setInterval(() => {
        if (!document.body.innerText.includes('Phase 2/')) return;
        (window as unknown as { __shownAt: number }).__shownAt = Date.now();
        clearInterval(watch);
      }, 10);
    });
    await clickButton(facilitator, 'Next phase');
    await noteTaker.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, { polling: 100, timeout: 10_000 });
    const shownAt = await noteTaker.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
    const run = (await askBackground<Ok<{ run: { events: { type: string; at: number }[] } }>>(facilitator, { to: 'background', type: 'workshop/active' })).value.run;
    const nextAt = run.events.find((e) => e.type === 'next')!.at;
    console.info(`live sharing: phase change shown on the other browser after ${shownAt - nextAt} ms`);
    expect(shownAt - nextAt).toBeLessThan(1_000);

    // Both capture at once: both see all.
    const mine = ['Parityö kotihoitoon A1', 'Parityö kotihoitoon A2', 'Parityö kotihoitoon A3'];
    const theirs = ['Kotihoito salaista B1', 'Kotihoito salaista B2', 'Kotihoito salaista B3'];
    await Promise.all([...mine.map((t) => capture(facilitator, workshopId, t)), ...theirs.map((t) => capture(noteTaker, workshopId, t))]);
    const all = [...mine, ...theirs].sort();
    await eventually(() => captureTexts(facilitator, workshopId), (t) => t.join() === all.join(), 'facilitator has all captures');
    await eventually(() => captureTexts(noteTaker, workshopId), (t) => t.join() === all.join(), 'note-taker has all captures');
    await openTab(noteTaker, 'Capture');
    await waitForText(noteTaker, 'Parityö kotihoitoon A3');

    // The note-taker goes offline, captures; the facilitator captures too; back: nothing lost or doubled.
    await askBackground(noteTaker, { to: 'background', type: 'sync/online', online: false });
    await eventually(() => state(facilitator), (s) => s.status.peers.length === 0, 'facilitator sees the note-taker leave', 15_000);
    // Not "waiting for others to join", as if no one had been there.
    await waitForText(facilitator, 'No one else is connected any more');
    // Drawn hollow, as a dropped link is: nothing is exchanged (it had the filled dot of a live link).
    await waitForText(noteTaker, '○ Working offline: nothing is shared until you resume sharing');
    const offline = ['Offline C1', 'Offline C2'];
    for (const text of offline) await capture(noteTaker, workshopId, text);
    // Leaving now would keep her offline captures out of the room for good (the facilitator's summary
    // would lack them): the first press says so and leaves nothing; she resumes instead.
    await openTab(noteTaker, 'Script');
    await noteTaker.evaluate(() => ((document.querySelector('[data-testid="share-box"]') as HTMLDetailsElement).open = true));
    await clickButton(noteTaker, 'Leave the shared workshop');
    await waitForText(noteTaker, 'You are not connected to the others now: what you captured or changed since is not shared yet.');
    await noteTakerTab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-leave-offline.png') });
    expect((await state(noteTaker)).session?.workshopId).toBe(workshopId);
    expect(await textOf(noteTaker, '[data-testid="share-box"]')).toContain('Leave anyway');
    await openTab(noteTaker, 'Capture');
    await capture(facilitator, workshopId, 'Meanwhile D1');
    await askBackground(noteTaker, { to: 'background', type: 'sync/online', online: true });
    const merged = [...all, ...offline, 'Meanwhile D1'].sort();
    await eventually(() => captureTexts(facilitator, workshopId), (t) => t.join() === merged.join(), 'facilitator after the merge', 20_000);
    await eventually(() => captureTexts(noteTaker, workshopId), (t) => t.join() === merged.join(), 'note-taker after the merge', 10_000);
    // Back from "Work offline", each lists the other and is in sync again: the note-taker was left
    // out of the facilitator's list ("waiting for others") and itself read "Exchanging…" for good.
    await eventually(() => state(facilitator), (s) => s.status.peers.length === 1 && s.status.synced, 'facilitator lists the note-taker again', 15_000);
    await eventually(() => state(noteTaker), (s) => s.status.peers.length === 1 && s.status.synced, 'note-taker in sync again', 15_000);
    await waitForText(noteTaker, 'In sync with 1 person');
    await waitForText(facilitator, 'In sync with 1 person');

    // The signaller stops, the peer link stays: both still list each other (they read "Link
    // dropped" with nobody listed), captures still flow, and they are told no one new can join.
    const stopped = signaller!;
    await new Promise((done) => {
      stopped.once('exit', done);
      stopped.kill();
    });
    await facilitator.evaluate(() => ((document.querySelector('[data-testid="share-box"]') as HTMLDetailsElement).open = true));
    for (const [frame, other] of [[facilitator, 'Firefox'], [noteTaker, 'Chromium']] as const) {
      await eventually(() => state(frame), (s) => s.status.state === 'online' && s.status.peers.length === 1, `${other}'s peer still listed without the signaller`, 15_000);
      await waitForText(frame, 'Still connected with 1 person, directly. The signalling server cannot be reached, so no one new can join until it is back.');
    }
    expect(await textOf(facilitator, 'body')).not.toContain('Link dropped');
    await capture(noteTaker, workshopId, 'Without the signaller E1');
    await eventually(() => captureTexts(facilitator, workshopId), (t) => t.includes('Without the signaller E1'), 'a capture without the signaller', 5_000);
    await facilitator.evaluate(() => document.querySelector('[data-testid="share-box"]')!.scrollIntoView());
    await facilitatorTab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-peers-only.png') });
    await startSignaller(port);
    await eventually(() => state(facilitator), (s) => s.status.signalling, 'the signaller back', 15_000);

    // The facilitator stops sharing: the note-taker is told (it read "Online, waiting for others" on).
    await clickButton(facilitator, 'Stop sharing');
    await eventually(() => state(noteTaker), (s) => s.status.ended === 'closed', 'note-taker told sharing ended', 10_000);
    await waitForText(noteTaker, 'Sharing has ended: the facilitator stopped sharing this workshop.');
    await noteTakerTab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-closed.png') });

    // A wrong passphrase joins nothing: the note-taker rejoins the same room id with another key.
    await askBackground(noteTaker, { to: 'background', type: 'sync/leave' });
    const wrong = invitation.replace(/\.([a-z2-9]{24})/, (_, key: string) => `.${key.startsWith('a') ? 'b' : 'a'}${key.slice(1)}`);
    const joined = await askBackground<Ok<SyncStateView>>(noteTaker, { to: 'background', type: 'sync/join', invitation: wrong });
    expect(joined.ok).toBe(true);
    await eventually(() => state(noteTaker), (s) => s.status.state === 'online', 'wrong key: connected to the signaller', 10_000);
    await new Promise((done) => setTimeout(done, 2_000));
    expect((await state(noteTaker)).status.peers).toEqual([]);
    expect((await state(noteTaker)).session?.workshopId).toBeUndefined();
    // What the note-taker reads: not "waiting for others to join" (she is the one who joined, and it
    // never ends), but that no one has answered, what to check, and where her captures go meanwhile.
    await openTab(noteTaker, 'Capture');
    await waitForText(noteTaker, 'Joined, but no one in this shared workshop has answered yet. If this lasts, check with the facilitator');
    expect(await textOf(noteTaker, 'body')).not.toContain('waiting for others to join');
    await noteTakerTab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-no-answer.png') });
    expect((await state(facilitator)).status.peers).toEqual([]);
    await askBackground(noteTaker, { to: 'background', type: 'sync/leave' });

    // The signaller saw the two browsers connect and nothing of the workshop.
    expect(signalLog).toMatch(/connect \(2 open\)/);
    for (const word of [...SECRET_WORDS, ...offline, 'Meanwhile', shared.session!.passphrase, workshopId]) expect(signalLog).not.toContain(word);
    // Nothing went anywhere else: no public signaller, no STUN server, only the fixture pages through the proxy.
    const requests = (await server.requests()).filter((r) => r.at >= startedAt);
    expect(unexpectedRequests(requests)).toEqual([]);
  }, 90_000);

  // A signalling server that never answers (a wrong address, a server not running) read "Link
  // dropped: … your changes merge when it returns", as if a link had been made.
  it('says when the signalling server cannot be reached at all', async () => {
    const { createServer } = await import('node:net');
    const dead = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    // The facilitator stops sharing and saves the new address in the options page.
    const options = await extensionPage(chromium, `${optionsPagePath(chromium)}#settings`);
    await askBackground(options.mainFrame(), { to: 'background', type: 'sync/leave' });
    const configured = await askBackground<{ ok: boolean }>(options.mainFrame(), { to: 'background', type: 'sync/configure', config: { signalUrl: `ws://127.0.0.1:${dead}`, iceServers: [] } });
    expect(configured.ok).toBe(true);
    await options.close();
    const tab = await openFixture(chromium, MEETING);
    const panel = await panelFrame(tab);
    await waitForText(panel, 'Share live');
    // The box is folded while the workshop is not shared: the facilitator opens it.
    await panel.click('[data-testid="share-box"] > summary');
    await clickButton(panel, 'Share live');
    await waitForText(panel, 'Cannot reach the signalling server', 15_000);
    expect(await textOf(panel, 'body')).not.toContain('Link dropped');
    await tab.screenshot({ path: join(REPO_ROOT, 'test-results/sync-unreachable.png') });
    await tab.close();
  }, 40_000);
});
