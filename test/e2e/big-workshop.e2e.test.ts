import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, optionsPagePath, panelFrame, REPO_ROOT, useExtension } from './harness/e2e';
import { pagesPerTest } from './helpers/live';
import { inputLag, p95 } from './helpers/lag';
import { askBackground, openTab, typeInto } from './helpers/ui';

// A big workshop stays usable (issue 14, point 6): the Capture tab with tens of thousands of
// captures opens, lists, searches and takes typing without the panel's main thread stalling.
// Grouping was quadratic (30k captures: 10.6 s per render) and every capture was mounted.

const ZOOM = 'https://app.zoom.us/wc/123/join';
const N = Number(process.env.VUORO_E2E_BIG ?? 20_000);

async function seed(frame: Frame, workshopId: string, n: number): Promise<void> {
  await frame.evaluate(
    async (workshopId: string, n: number) => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).browser;
      for (let i = 0; i < n; i += 500) {
        const items = Array.from({ length: Math.min(500, n - i) }, (_, j) => ({ text: `Seeded capture ${i + j} about idea ${(i + j) % 97}`, kind: 'idea' }));
        const reply = await api.runtime.sendMessage({ to: 'background', type: 'capture/add-many', workshopId, items, source: { type: 'paste' } });
        if (!reply.ok) throw new Error(JSON.stringify(reply));
      }
    },
    workshopId,
    n,
  );
}

describe('a workshop with many captures', () => {
  const extension = useExtension();
  const { visit } = pagesPerTest(extension);

  it(`lists, searches and takes typing with ${N} captures`, async () => {
    // A fresh workshop, made from an extension page; the meeting page opened after it shows it.
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const active = await askBackground<{ ok: boolean; value: { workshop: { id: string } } }>(options.mainFrame(), {
      to: 'background',
      type: 'workshop/from-template',
      templateId: 'open-process-close',
      lang: 'en',
      workshopIndex: 0,
    });
    const t0 = Date.now();
    await seed(options.mainFrame(), active.value.workshop.id, N);
    console.log(`[${browserKind}] seeded ${N} in ${Date.now() - t0} ms`);
    await options.close();
    const page = await visit(ZOOM);
    const frame = await panelFrame(page);
    const t1 = Date.now();
    await openTab(frame, 'Capture');
    await frame
      .waitForFunction((n: number) => document.querySelector('.capture-count')?.textContent?.replace(/\D/g, '') === String(n), { timeout: 45_000, polling: 100 }, N)
      .catch(async (error) => {
        console.log(await frame.evaluate(() => document.body.innerText.slice(0, 300)));
        throw error;
      });
    console.log(`[${browserKind}] capture tab ready in ${Date.now() - t1} ms`);
    const mounted = await frame.$$eval('[data-testid="capture-list"] .capture-item', (els) => els.length);
    expect(mounted).toBeGreaterThan(0);
    expect(mounted).toBeLessThan(200);

    const lags = await inputLag(frame, '[data-testid="capture-input"]', 'typing a new idea into a big one');
    console.log(`[${browserKind}] input lag p95 ${p95(lags).toFixed(1)} ms max ${Math.max(...lags).toFixed(1)} (${lags.length})`);
    expect(lags.length).toBeGreaterThan(10);
    // ≤ 100 ms is the bench's budget (100,000 captures, a machine of its own). On the shared 2-core
    // machine this suite runs on, 3× that; the quadratic grouping took 10.6 s per render at 30k.
    expect(p95(lags)).toBeLessThanOrEqual(300);

    await typeInto(frame, '[data-testid="capture-search"]', 'idea 42');
    await frame.waitForFunction(() => document.querySelector('[data-testid="capture-search-count"]')?.textContent?.match(/^[\d,\s]+ of /), { timeout: 30_000, polling: 100 });
    const texts = await frame.$$eval('[data-testid="capture-list"] .capture-text', (els) => els.map((e) => e.textContent ?? ''));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes('idea') && t.includes('42'))).toBe(true);
    // The Capture box's map choice reads "Not on the map" in full in this 340 px panel (Firefox's
    // select cut it to "Not on the ma"): its width holds the text in its own font plus the arrow.
    const room = await frame.$eval('[data-testid="capture-map-field"]', (select) => {
      const el = select as HTMLSelectElement;
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(el).font}`;
      probe.textContent = el.selectedOptions[0]?.textContent ?? '';
      document.body.append(probe);
      const text = probe.getBoundingClientRect().width;
      probe.remove();
      return { text, select: el.getBoundingClientRect().width, label: probe.textContent };
    });
    expect(room.label).toBe('Not on the map');
    expect(room.select, JSON.stringify(room)).toBeGreaterThanOrEqual(room.text + 28);
    mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, `test-results/big-workshop-${browserKind}.png`) });
  }, 150_000);
});
