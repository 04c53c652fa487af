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

  // A tab's first page gets its site script without the probe; after that the probe decides
  // (src/background/sites.ts): a reload gets a new script, a page that loads a frame keeps its one.
  it('shows one panel after a reload, and still one after the page loads a frame', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    await panelFrame(page);
    await page.reload({ waitUntil: 'load' });
    const frame = await panelFrame(page);
    expect(await frame.evaluate(() => location.origin)).toBe(extension.ctx.extensionOrigin);
    // A frame loading later sets the tab loading and complete again.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const late = document.createElement('iframe');
          late.src = '/wc/123/inner.html?late';
          late.onload = () => done();
          document.body.append(late);
        }),
    );
    await new Promise((done) => setTimeout(done, 1_500));
    expect(await page.evaluate(() => document.querySelectorAll('vuoro-root').length)).toBe(1);
    expect(page.frames().filter((f) => f.url().startsWith(extension.ctx.extensionOrigin))).toHaveLength(1);
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
