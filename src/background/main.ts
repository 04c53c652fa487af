import browser, { type Runtime } from 'webextension-polyfill';
import { FRAME_LABEL_KEYS, type FrameLabels } from '../content/labels';
import { ToBackground, type StoreChanged, type ToBackground as Request } from '../messages/app';
import { broadcast, fail, listen, sendToTab, type Reply } from '../messages/bus';
import { capturesOf, captures } from '../store/captures';
import { listScripts, saveScript, scripts } from '../store/scripts';
import { resetConnection } from '../store/db';
import { getPlacement, getSetting, setPlacement, setSetting } from '../store/settings';
import { listWorkshops, workshops } from '../store/workshops';
import { getLiveState, setLiveState } from '../store/liveState';
import { participants, participantsOf } from '../store/participants';
import { promptLog } from '../store/promptLog';
import { speakingTurns, turnsOf } from '../store/speakingTurns';
import { siteForUrl } from '../sites/hosts';
import { detectLang, t, type Lang } from '../ui/i18n';
import { disableOrigin, enableOrigin, injectIntoOpenTabs, watchTabs } from './sites';
import { pushToPanels } from './panels';
import { SiteToPanel, ToContent } from '../messages/site';
import { applyRetention, importAsNewWorkshop, mergeIntoWorkshop } from './library';
import {
  activeWorkshop,
  addCapture,
  addCaptures,
  mergeCaptures,
  syncParticipants,
  appendRunEvent,
  createFromTemplate,
  createWorkshop,
  deleteWorkshop,
  loadWorkshop,
  setRunPlannedEnd,
  updateCapture,
  workshopContents,
} from './workshops';

// The background: commands, context menu and the store. Kept thin and stateless: a service worker
// can be stopped at any moment, so everything lives in IndexedDB and every handler re-reads it.

async function userLang(): Promise<Lang> {
  return (await getSetting('lang')) ?? detectLang(browser.i18n.getUILanguage());
}

function changed(stores: string[], workshopId?: string): void {
  const message: StoreChanged = { to: 'panel', type: 'store/changed', stores, ...(workshopId ? { workshopId } : {}) };
  broadcast(message); // options page and popup
  pushToPanels(message); // panels inside web pages
}

const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

async function handle(message: Request, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  switch (message.type) {
    case 'content/hello': {
      const lang = await userLang();
      const labels = Object.fromEntries(FRAME_LABEL_KEYS.map((k) => [k, t(k, undefined, lang)])) as FrameLabels;
      return ok({ lang, labels, placement: (await getPlacement(message.siteKey)) ?? null });
    }
    case 'site/signal': {
      const parsed = SiteToPanel.safeParse(message.signal);
      if (!parsed.success || sender.tab?.id === undefined || sender.frameId !== 0) return fail('invalid-message');
      pushToPanels(parsed.data, sender.tab.id);
      return ok(null);
    }
    case 'tab/forward': {
      const parsed = ToContent.safeParse(message.message);
      if (!parsed.success || sender.tab?.id === undefined) return fail('invalid-message');
      return sendToTab(sender.tab.id, parsed.data);
    }
    case 'summary/open':
      await browser.tabs.create({ url: browser.runtime.getURL(`src/ui/summary/summary.html#${encodeURIComponent(message.workshopId)}`) });
      return ok(null);
    case 'options/open':
      await browser.tabs.create({ url: browser.runtime.getURL(`src/ui/options/options.html#${message.view}`) });
      return ok(null);
    case 'placement/set':
      await setPlacement(message.siteKey, message.placement);
      return ok(null);
    case 'settings/get':
      return ok({ lang: await getSetting('lang'), capturedBy: await getSetting('capturedBy'), retentionDays: await getSetting('retentionDays') });
    case 'settings/set': {
      if (message.retentionDays !== undefined) await applyRetention(message.retentionDays);
      if (message.lang !== undefined) {
        await setSetting('lang', message.lang);
        await createMenus();
      }
      if (message.capturedBy !== undefined) await setSetting('capturedBy', message.capturedBy);
      if (message.retentionDays !== undefined) await setSetting('retentionDays', message.retentionDays);
      changed(['settings']);
      return ok(null);
    }
    case 'site/enable':
      return enableOrigin(message.origin, message.tabId);
    case 'site/disable':
      return disableOrigin(message.origin);
    case 'site/enabled-list':
      return ok(await getSetting('enabledOrigins'));
    case 'workshop/active':
      return ok(await activeWorkshop(await userLang()));
    case 'workshop/list':
      return ok(await listWorkshops());
    case 'workshop/open': {
      const loaded = await loadWorkshop(message.workshopId);
      if (!loaded) return fail('workshop-missing');
      await setSetting('activeWorkshopId', message.workshopId);
      changed(['workshops', 'settings']);
      return ok(loaded);
    }
    case 'workshop/delete':
      await deleteWorkshop(message.workshopId);
      changed(['workshops', 'runs', 'captures', 'settings'], message.workshopId);
      return ok(null);
    case 'workshop/from-template': {
      const created = await createFromTemplate(message.templateId, message.lang, message.workshopIndex);
      if (created.ok) changed(['workshops', 'scripts', 'runs', 'settings'], created.value.workshop.id);
      return created;
    }
    case 'workshop/from-script': {
      const record = await scripts.get(message.scriptId);
      if (!record) return fail('script-missing');
      if (!record.script.workshops[message.workshopIndex]) return fail('workshop-missing');
      const created = await createWorkshop(record.script, message.workshopIndex);
      changed(['workshops', 'runs', 'settings'], created.workshop.id);
      return ok(created);
    }
    case 'workshop/contents': {
      const contents = await workshopContents(message.workshopId);
      return contents ? ok(contents) : fail('workshop-missing');
    }
    case 'workshop/import': {
      const reply = message.intoWorkshopId
        ? await mergeIntoWorkshop(message.intoWorkshopId, message.doc)
        : await importAsNewWorkshop(message.doc);
      if (reply.ok) changed(['workshops', 'scripts', 'runs', 'captures']);
      return reply;
    }
    case 'run/event': {
      const reply = await appendRunEvent(message.workshopId, message.event, message.expectedCount);
      changed(['runs'], message.workshopId);
      return reply;
    }
    case 'run/planned-end':
      await setRunPlannedEnd(message.workshopId, message.plannedEnd);
      changed(['runs'], message.workshopId);
      return ok(null);
    case 'script/list':
      return ok(await listScripts());
    case 'script/save': {
      const saved = await saveScript(message.script);
      changed(['scripts']);
      return ok(saved);
    }
    case 'script/delete':
      await scripts.remove(message.scriptId);
      changed(['scripts']);
      return ok(null);
    case 'capture/add': {
      const capture = await addCapture({
        workshopId: message.workshopId,
        text: message.text,
        kind: message.kind,
        source: message.source,
        ...(message.tags ? { tags: message.tags } : {}),
        ...(message.owner ? { owner: message.owner } : {}),
        ...(message.due ? { due: message.due } : {}),
      });
      changed(['captures'], message.workshopId);
      return ok(capture);
    }
    case 'capture/add-many': {
      const added = await addCaptures(message.workshopId, message.items, message.source);
      changed(['captures'], message.workshopId);
      return ok(added);
    }
    case 'capture/merge': {
      const reply = await mergeCaptures(message.keepId, message.mergeIds);
      if (reply.ok) changed(['captures'], reply.value.workshopId);
      return reply;
    }
    case 'cards/get':
      return ok({ userCards: await getSetting('userCards'), hiddenCards: await getSetting('hiddenCards'), promptSettings: await getSetting('promptSettings') });
    case 'cards/set':
      await setSetting('userCards', message.userCards);
      await setSetting('hiddenCards', message.hiddenCards);
      await setSetting('promptSettings', message.promptSettings);
      changed(['cards']);
      return ok(null);
    case 'turns/list':
      return ok(await turnsOf(message.workshopId));
    case 'participants/list':
      return ok(await participantsOf(message.workshopId));
    case 'live/get':
      return ok(await getLiveState(message.workshopId));
    case 'live/set':
      await setLiveState(message.workshopId, message.live);
      changed(['live'], message.workshopId);
      return ok(null);
    case 'turns/add': {
      await speakingTurns.putMany(message.turns.map((turn) => ({ ...turn, id: crypto.randomUUID(), workshopId: message.workshopId })));
      changed(['turns'], message.workshopId);
      return ok(null);
    }
    case 'participants/sync':
      await syncParticipants(message.workshopId, message.participants);
      changed(['participants'], message.workshopId);
      return ok(null);
    case 'participants/add': {
      const key = `manual:${crypto.randomUUID()}`;
      const at = Date.now();
      await participants.put({ workshopId: message.workshopId, key, name: message.name, source: 'manual', firstSeenAt: at, lastSeenAt: at });
      changed(['participants'], message.workshopId);
      return ok({ key });
    }
    case 'participants/remove':
      await participants.remove([message.workshopId, message.key]);
      changed(['participants'], message.workshopId);
      return ok(null);
    case 'prompt/log':
      await promptLog.putMany(message.entries.map((entry) => ({ ...entry, id: crypto.randomUUID(), workshopId: message.workshopId })));
      return ok(null);
    case 'workshop/update': {
      const workshop = await workshops.get(message.workshopId);
      if (!workshop) return fail('workshop-missing');
      await workshops.put({ ...workshop, ...message.patch, updatedAt: Date.now() });
      changed(['workshops'], message.workshopId);
      return ok(null);
    }
    case 'capture/list':
      return ok(await capturesOf(message.workshopId));
    case 'capture/update': {
      const reply = await updateCapture(message.id, message.patch);
      if (reply.ok) changed(['captures'], reply.value.workshopId);
      return reply;
    }
    case 'capture/delete':
    case 'capture/restore': {
      const existing = await captures.get(message.id);
      if (!existing) return fail('capture-missing');
      const next = { ...existing, updatedAt: Date.now() };
      if (message.type === 'capture/delete') next.deletedAt = Date.now();
      else delete next.deletedAt;
      await captures.put(next);
      changed(['captures'], existing.workshopId);
      return ok(next);
    }
  }
}

function storeError(error: unknown): Reply<never> {
  console.error('vuoro background', error);
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return name === 'QuotaExceededError' ? fail('store-full') : fail('store-failed', { detail: name || 'unknown' });
}

const errorName = (error: unknown) => (typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '');

listen<Request>('background', ToBackground, (message, sender) =>
  handle(message, sender).catch((error: unknown) => {
    // A connection the browser closed (Firefox closes it after a full disk) fails every later
    // transaction with InvalidStateError: reopen and try the request once more. Nothing of the
    // failed attempt was committed, so the retry cannot double a write.
    if (errorName(error) !== 'InvalidStateError') return storeError(error);
    resetConnection();
    return handle(message, sender).catch(storeError);
  }),
);

browser.commands.onCommand.addListener((command, tab) => {
  if (!tab?.id) return;
  if (command === 'toggle-panel') void sendToTab(tab.id, { to: 'content', type: 'panel/toggle' });
  if (command === 'quick-capture') void sendToTab(tab.id, { to: 'content', type: 'capture/quick' });
});

const MENU_CAPTURE = 'vuoro-capture-selection';

async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_CAPTURE, title: t('menuCaptureSelection', undefined, await userLang()), contexts: ['selection'] });
}

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_CAPTURE || !info.selectionText?.trim()) return;
  void (async () => {
    const active = await activeWorkshop(await userLang());
    if (!active) return;
    const url = info.pageUrl ?? tab?.url;
    const site = url ? siteForUrl(new URL(url))?.site : undefined;
    await addCapture({
      workshopId: active.workshop.id,
      text: info.selectionText!.trim().slice(0, 10_000),
      kind: 'idea',
      source: { type: 'selection', ...(site ? { site } : {}), ...(url ? { url: url.slice(0, 4096) } : {}) },
    });
    changed(['captures'], active.workshop.id);
  })().catch((error: unknown) => console.error('vuoro capture selection', error));
});

watchTabs();
void injectIntoOpenTabs();
browser.runtime.onInstalled.addListener(() => {
  void createMenus();
});
browser.runtime.onStartup.addListener(() => {
  void getSetting('retentionDays').then((days) => applyRetention(days));
});
