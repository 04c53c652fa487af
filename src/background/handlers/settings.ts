import { ok } from '../../messages/reply';
import { getSetting, setSetting } from '../../store/settings';
import { retentionSweep, scheduleRetention } from '../erase';
import { createMenus } from '../menus';
import type { Handlers } from './types';

// Settings and the prompt-card library.

export const settingsHandlers = {
  'settings/get': async () =>
    ok({ lang: await getSetting('lang'), capturedBy: await getSetting('capturedBy'), retentionDays: await getSetting('retentionDays') }),
  'settings/set': async ({ lang, capturedBy, retentionDays }) => {
    if (lang !== undefined) {
      await setSetting('lang', lang);
      await createMenus();
    }
    if (capturedBy !== undefined) await setSetting('capturedBy', capturedBy);
    if (retentionDays !== undefined) {
      await setSetting('retentionDays', retentionDays);
      await retentionSweep();
      await scheduleRetention();
    }
    return ok(null);
  },
  'cards/get': async () =>
    ok({ userCards: await getSetting('userCards'), hiddenCards: await getSetting('hiddenCards'), promptSettings: await getSetting('promptSettings') }),
  'cards/set': async ({ userCards, hiddenCards, promptSettings }) => {
    await setSetting('userCards', userCards);
    await setSetting('hiddenCards', hiddenCards);
    await setSetting('promptSettings', promptSettings);
    return ok(null);
  },
} satisfies Partial<Handlers>;
