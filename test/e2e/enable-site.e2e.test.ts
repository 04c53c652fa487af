import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, maybePanelFrame, openFixture, optionsPagePath, panelFrame, reloadDocument, useExtension } from './harness/e2e';
import { askBackground, openTab, waitForText } from './helpers/ui';

// "Enable on this site": an origin Vuoro does not know, granted at run time through optional host
// permissions, then the generic content script runs there in manual mode. Firefox only: it can
// grant optional permissions without its prompt (a pref meant for automation); Chromium's prompt
// cannot be answered by the driver.

const ORIGIN = 'https://unlisted.example';
const firefoxOnly = browserKind === 'firefox' ? describe : describe.skip;

firefoxOnly('enable on this site', () => {
  const extension = useExtension({ firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });

  it('is refused without the permission, then runs the panel in manual mode once granted, and stops when disabled', async () => {
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const frame = options.mainFrame();
    await waitForText(options, 'Workshops on this device');
    expect(await askBackground(frame, { to: 'background', type: 'site/enable', origin: ORIGIN })).toEqual({
      ok: false,
      error: { code: 'site-permission-denied' },
    });

    // The permission request must come from a user gesture, as in the popup's button.
    await options.evaluate((origin: string) => {
      const button = document.createElement('button');
      button.id = 'grant';
      button.textContent = 'grant';
      button.addEventListener('click', () => {
        const api = (globalThis as unknown as { browser: { permissions: { request(p: unknown): Promise<boolean> } } }).browser;
        void api.permissions.request({ origins: [`${origin}/*`] }).then((granted) => ((window as unknown as { __granted: boolean }).__granted = granted));
      });
      document.body.append(button);
    }, ORIGIN);
    await options.click('#grant');
    await options.waitForFunction(() => (window as unknown as { __granted?: boolean }).__granted === true, { timeout: 10_000, polling: 100 });
    expect(await askBackground(frame, { to: 'background', type: 'site/enable', origin: ORIGIN })).toEqual({ ok: true, value: null });
    expect(await askBackground(frame, { to: 'background', type: 'site/enabled-list' })).toEqual({ ok: true, value: [ORIGIN] });

    const page = await openFixture(extension.ctx, `${ORIGIN}/`);
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Turns');
    await waitForText(panel, 'Vuoro does not read this site: use manual mode.');

    expect(await askBackground(frame, { to: 'background', type: 'site/disable', origin: ORIGIN })).toEqual({ ok: true, value: null });
    await reloadDocument(page);
    expect(await maybePanelFrame(page, 2_000)).toBeUndefined();
    await page.close();
    await options.close();
  });
});
