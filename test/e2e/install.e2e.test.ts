import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserKind, defaultDistDir, fixtureServer, launchWithExtension, maybePanelFrame, openFixture, panelFrame } from './harness/e2e';

// The manifest declares no content script; the background injects a site's script when a tab
// finishes loading, and on each start into loaded tabs that lack it. So a meeting tab that was
// already open when Vuoro was installed gets the panel without a reload.

describe('install', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('puts the panel into a meeting tab that was open before the install, without a reload', async () => {
    // The browser starts with a stand-in extension that does nothing (the harness installs one).
    const standIn = mkdtempSync(join(tmpdir(), 'vuoro-standin-'));
    dirs.push(standIn);
    writeFileSync(
      join(standIn, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'stand-in', version: '1.0', browser_specific_settings: { gecko: { id: 'stand-in@vuoro.test' } } }),
    );
    const ctx = await launchWithExtension(browserKind, { server: fixtureServer(), distDir: standIn });
    try {
      const page = await openFixture(ctx, 'https://app.zoom.us/wc/123/join');
      expect(await maybePanelFrame(page, 1_000)).toBeUndefined();
      const loadedAt = await page.evaluate(() => performance.timeOrigin);

      await ctx.browser.installExtension(defaultDistDir(browserKind));
      const frame = await panelFrame(page, 15_000);
      expect(await frame.evaluate(() => location.protocol)).toBe(browserKind === 'firefox' ? 'moz-extension:' : 'chrome-extension:');
      await frame.waitForSelector('[role="tablist"]');
      // The same document: no reload happened.
      expect(await page.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    } finally {
      await ctx.close();
    }
  });
});
