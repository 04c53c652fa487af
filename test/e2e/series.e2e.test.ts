import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { browserKind, openFixture, panelFrame, useExtension } from './harness/e2e';
import { askBackground, openTab, submitForm, typeInto, waitForText } from './helpers/ui';

// The Change Dialogue series as a facilitator runs it: workshop 1 fills the development map from
// captures (keys and the field menu), and the map moves notes between fields.

const SHOTS = 'test-results';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/series-${name}-${browserKind}.png` });
}

async function setLang(frame: Frame, lang: 'fi' | 'en') {
  await askBackground(frame, { to: 'background', type: 'settings/set', lang });
}

const cellText = (frame: Frame, field: string) =>
  frame.evaluate((f: string) => (document.querySelector(`[data-testid="map-grid"] [data-field="${f}"]`) as HTMLElement | null)?.innerText ?? '', field);

async function waitInCell(frame: Frame, field: string, text: string) {
  await frame.waitForFunction(
    (f: string, t: string) => (document.querySelector(`[data-testid="map-grid"] [data-field="${f}"]`) as HTMLElement | null)?.innerText.includes(t),
    { timeout: 10_000, polling: 100 },
    field,
    text,
  );
}

/** Focuses the map note or capture showing `text` and presses `key`, as a facilitator would. */
async function pressOnNote(frame: Frame, page: Page, text: string, key: string) {
  await frame.evaluate((t: string) => {
    const item = [...document.querySelectorAll<HTMLElement>('[data-map-item]')].find((el) => el.innerText.includes(t));
    item!.focus();
  }, text);
  await page.keyboard.press(key as never);
}

async function capture(frame: Frame, text: string) {
  await typeInto(frame, '[data-testid="capture-input"]', text);
  await submitForm(frame, '[data-testid="capture-input"]');
  await frame.waitForFunction((t: string) => document.querySelector('[data-testid="capture-list"]')?.textContent?.includes(t), { polling: 100 }, text);
}

describe('the Change Dialogue series', () => {
  const extension = useExtension();

  it('workshop 1: the development map is filled from captures in a keystroke or two and shown compactly, in en and fi', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await setLang(panel, 'en');
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Capture');

    // Alt+2 while typing puts the note in "content and purpose, near future".
    await typeInto(panel, '[data-testid="capture-input"]', 'Customers book online');
    await page.keyboard.down('Alt');
    await page.keyboard.press('Digit2');
    await page.keyboard.up('Alt');
    expect(await panel.$eval('[data-testid="capture-map-field"]', (s) => (s as HTMLSelectElement).value)).toBe('content-future');
    await submitForm(panel, '[data-testid="capture-input"]');
    await panel.waitForFunction(() => document.querySelector('[data-testid="capture-list"]')?.textContent?.includes('Customers book online'), { polling: 100 });
    // The field menu does the same by pointer, and the choice stays for the next note.
    await panel.select('[data-testid="capture-map-field"]', 'content-now');
    await capture(panel, 'Paper forms <b>and</b> phone calls');
    await panel.select('[data-testid="capture-map-field"]', '');
    await capture(panel, 'Weekly huddle across teams');

    await openTab(panel, 'Series');
    await waitInCell(panel, 'content-future', 'Customers book online');
    await waitInCell(panel, 'content-now', 'Paper forms <b>and</b> phone calls');
    expect(await panel.evaluate(() => document.querySelectorAll('[data-testid="map-grid"] b').length)).toBe(0);
    // One keystroke places a note not yet on the map, and one moves a note to another field.
    await pressOnNote(panel, page, 'Weekly huddle across teams', '3');
    await waitInCell(panel, 'ways-now', 'Weekly huddle across teams');
    await pressOnNote(panel, page, 'Paper forms', '4');
    await waitInCell(panel, 'ways-future', 'Paper forms');
    expect(await cellText(panel, 'content-now')).not.toContain('Paper forms');
    await shot(page, 'map-en');

    await setLang(panel, 'fi');
    await waitForText(panel, 'Kehityskartta');
    await waitForText(panel, 'Lähitulevaisuus');
    await shot(page, 'map-fi');
    await setLang(panel, 'en');
    await page.close();
  });
});
