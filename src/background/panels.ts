import browser, { type Runtime } from 'webextension-polyfill';
import { isOwnSender, PANEL_PORT } from '../messages/bus';

// The panels' live channel. A panel is an extension page inside a web page: Firefox gives such a
// frame only a few APIs and does not deliver runtime broadcasts to it, so each panel keeps a port
// open to the background, which pushes store changes and its own tab's page signals down it.

const ports = new Map<Runtime.Port, number | undefined>();

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== PANEL_PORT || !port.sender || !isOwnSender(port.sender)) return port.disconnect();
  ports.set(port, port.sender.tab?.id);
  port.onDisconnect.addListener(() => ports.delete(port));
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
