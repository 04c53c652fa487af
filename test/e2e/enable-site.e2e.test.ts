import { describe, expect, it } from 'vitest';
import {
  browserKind,
  extensionPage,
  grantingLaunch,
  maybePanelFrame,
  openFixture,
  optionsPagePath,
  panelFrame,
  reloadDocument,
  useExtension,
} from './harness/e2e';
import { askBackground, grantAndEnableSite, openTab, waitForText } from './helpers/ui';

// "Enable on this site": an origin Vuoro does not know, granted at run time through optional host
// permissions, then the generic content script runs there in manual mode. Firefox grants optional
// permissions without its prompt (a pref meant for automation). Chromium's prompt cannot be
// answered by the driver, so there the build is installed with the origin already granted, the
// state the prompt's "Allow" leaves (grantingLaunch), and the refusal is checked on an origin that
// was never granted.

const ORIGIN = 'https://unlisted.example';
const NEVER_GRANTED = browserKind === 'firefox' ? ORIGIN : 'https://never-granted.example';

describe('enable on this site', () => {
  const extension = useExtension(grantingLaunch([ORIGIN]));

  it('is refused without the permission, then runs the panel in manual mode once granted, and stops when disabled', async () => {
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const frame = options.mainFrame();
    await waitForText(options, 'Workshops on this device');
    expect(await askBackground(frame, { to: 'background', type: 'site/enable', origin: NEVER_GRANTED })).toEqual({
      ok: false,
      error: { code: 'site-permission-denied' },
    });

    // The permission asked for in a click (a user gesture), as in the popup's button.
    await grantAndEnableSite(options, ORIGIN);
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
