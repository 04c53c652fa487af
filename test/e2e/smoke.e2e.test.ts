import { describe, expect, it } from 'vitest';
import { maybePanelFrame, openFixture, panelFrame, useExtension } from './harness/e2e';

describe('smoke', () => {
  const extension = useExtension();

  it('serves a fixture at its real host name over HTTPS', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const where = await page.evaluate(() => ({ hostname: location.hostname, protocol: location.protocol }));
    expect(where).toEqual({ hostname: 'app.zoom.us', protocol: 'https:' });
    await page.close();
  });

  it('shows the extension frame on a supported host', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const frame = await panelFrame(page);
    expect(await frame.evaluate(() => location.origin)).toBe(extension.ctx.extensionOrigin);
    await page.close();
  });

  it('shows no extension frame on an unlisted host', async () => {
    const page = await openFixture(extension.ctx, 'https://unlisted.example/');
    expect(await page.evaluate(() => location.hostname)).toBe('unlisted.example');
    expect(await maybePanelFrame(page, 2_000)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelector('vuoro-root'))).toBeNull();
    await page.close();
  });

  it('keeps the panel out of reach of page scripts', async () => {
    const page = await openFixture(extension.ctx, 'https://excalidraw.com/fixture');
    await panelFrame(page);
    const seen = await page.evaluate(() => {
      const root = document.querySelector('vuoro-root');
      const frames = [...document.querySelectorAll('iframe')].map((frame) => {
        try {
          return frame.contentDocument === null ? 'null' : 'readable';
        } catch {
          return 'threw';
        }
      });
      return { hasRoot: root !== null, shadowRoot: root?.shadowRoot ?? null, frames };
    });
    expect(seen.hasRoot).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.frames.every((f) => f !== 'readable')).toBe(true);
    await page.close();
  });
});
