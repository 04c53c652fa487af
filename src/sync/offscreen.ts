import type { Runtime } from 'webextension-polyfill';
import { ask, listen } from '../messages/bus';
import { startEngine } from './engine';
import { ToEngine } from './toEngine';

// Chrome's offscreen document (reason WEB_RTC): a service worker has no RTCPeerConnection, so the
// sync engine lives here while a room is open, and talks to the background only through the
// protocol table's offscreen rows (sync/engine-config, sync/remote, sync/status). The background
// closes this document when the user leaves the room.

/** Only the background (no tab, not a page) may drive the engine. */
const fromBackground = (sender: Runtime.MessageSender) => sender.tab === undefined && !(sender.url ?? '').includes('.html');

async function main() {
  const reply = await ask('sync/engine-config', {});
  if (!reply.ok || !reply.value) return;
  const engine = startEngine(reply.value, {
    remote: (workshopId, entries) => void ask('sync/remote', { workshopId, entries }),
    status: (status) => void ask('sync/status', { status }),
  });
  listen('offscreen', ToEngine, async (message) => {
    if (message.type === 'engine/stop') await engine.stop();
    if (message.type === 'engine/push') engine.push(message.entries);
    if (message.type === 'engine/timer') engine.setTimerOpen(message.open);
    if (message.type === 'engine/online') engine.setOnline(message.online);
    return { ok: true, value: null };
  }, fromBackground);
}

void main();
