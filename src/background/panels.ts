import browser, { type Runtime } from 'webextension-polyfill';
import { isOwnSender, PANEL_PORT } from '../messages/bus';
import { admitPanel } from './panelTrust';
import { activeGeneration, lastActive } from '../messages/lastActive';

// The panels' live channel. A panel is an extension page inside a web page: Firefox gives such a
// frame only a few APIs and does not deliver runtime broadcasts to it, so each panel keeps a port
// open to the background, which pushes store changes and its own tab's page signals down it.

const ports = new Map<Runtime.Port, number | undefined>();

browser.runtime.onConnect.addListener((port) => {
  const sender = port.sender;
  if (!port.name.startsWith(`${PANEL_PORT}:`) || !sender || !isOwnSender(sender)) return port.disconnect();
  // The port's name carries the token the site script gave the frame (src/background/panelTrust.ts):
  // a panel that is not the one Vuoro made in this tab is told so and cut off.
  const token = port.name.slice(PANEL_PORT.length + 1);
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
    ports.delete(port);
  });
  // An admitted panel gets the last known workshop with the admission, for its first paint. It is
  // read while the admission is decided (the two wait on storage.session one after the other
  // otherwise) and goes nowhere unless the panel is admitted, nor when an erase came meanwhile.
  const seen = activeGeneration();
  const known = lastActive();
  void admitPanel(sender, token).then(async (admitted) => {
    let last = admitted ? await known : undefined;
    if (!open) return;
    if (activeGeneration() !== seen) last = undefined;
    try {
      port.postMessage(admitted ? { to: 'panel', type: 'panel/admitted', ...(last ? { last } : {}) } : { to: 'panel', type: 'panel/refused' });
      if (admitted) ports.set(port, sender.tab?.id);
      else port.disconnect();
    } catch {
      ports.delete(port);
    }
  });
  // Panels only listen on the port; anything they send is ignored (requests go through runtime messages).
});

/** Pushes a message to every panel, or only to the panels in one tab. */
export function pushToPanels(message: object, tabId?: number): void {
  for (const [port, portTab] of ports) {
    if (tabId !== undefined && portTab !== tabId) continue;
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  }
}
