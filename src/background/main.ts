import browser from 'webextension-polyfill';
import { sendToTab } from '../messages/bus';
import { injectIntoOpenTabs, watchTabs } from './sites';
import { listenToRetentionAlarm, retentionSweep, scheduleRetention } from './erase';
import { createMenus, listenToMenus } from './menus';
import { startRouter } from './router';
import './panels';
import { forgetClosedTabs } from './panelTrust';
import { resumeSync } from './sync';
import { userLang } from './lang';
import { prepareActive } from './workshops';

// The background: the request router (src/background/router.ts, over the protocol table in
// src/messages/protocol.ts), commands, context menu and site scripts. Kept thin and stateless: a
// service worker can be stopped at any moment, so everything lives in IndexedDB and every handler
// re-reads it.

startRouter();

browser.commands.onCommand.addListener((command, tab) => {
  if (!tab?.id) return;
  if (command === 'toggle-panel') void sendToTab(tab.id, { to: 'content', type: 'panel/toggle' });
  if (command === 'quick-capture') void sendToTab(tab.id, { to: 'content', type: 'capture/quick' });
  if (command === 'i-am-talking') void sendToTab(tab.id, { to: 'content', type: 'talking/toggle' });
});

listenToMenus();
void resumeSync().catch((error: unknown) => console.error('vuoro sync', error));
watchTabs();
forgetClosedTabs();
void injectIntoOpenTabs();
browser.runtime.onInstalled.addListener(({ reason }) => {
  void createMenus();
  // A fresh profile's default workshop is made now, not while the first panel loads (issue 12).
  if (reason === 'install') void userLang().then(prepareActive).catch((error: unknown) => console.error('vuoro first run', error));
});
// Retention: on every start of the background (a browser restart included) and hourly while the browser is open.
listenToRetentionAlarm();
void retentionSweep()
  .then(() => scheduleRetention())
  .catch((error: unknown) => console.error('vuoro retention', error));
