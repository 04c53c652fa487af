import { describe, expect, it } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer';
import { browserKind, extensionPage, openFixture, optionsPagePath, panelFrame, reloadDocument, useExtension } from './harness/e2e';
import { askBackground, clickButton, openTab, sleep, submitForm, typeInto, waitForText } from './helpers/ui';
import { eventually, fx } from './helpers/live';
import { LATE_CONTROL_LOOKS_MS } from '../../src/content/placement';
import { placementKey } from '../../src/store/settings';

/** Reads, deletes or puts back one row of Vuoro's settings store, straight from an extension page's IndexedDB. */
function settingsRow(target: Frame, key: string, action: 'get' | 'delete' | 'put', row?: unknown): Promise<unknown> {
  return target.evaluate(
    (key: string, action: 'get' | 'delete' | 'put', row: unknown) =>
      new Promise<unknown>((done, fail) => {
        const open = indexedDB.open('vuoro');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', action === 'get' ? 'readonly' : 'readwrite');
          const store = tx.objectStore('settings');
          const request = action === 'get' ? store.get(key) : action === 'delete' ? store.delete(key) : row === undefined ? store.delete(key) : store.put(row);
          tx.oncomplete = () => (open.result.close(), done(request.result));
          tx.onerror = () => fail(tx.error);
        };
      }),
    key,
    action,
    row,
  );
}

// The panel in a live workshop (issue 12): it keeps the size the user gave it, each tab keeps its
// scroll position, a language switch reaches it at once, the overrun box offers only what does
// something, and typed captures say they were typed.

/** The panel's frame header, reached through the iframe's element (page JS cannot: the root is closed). */
async function header(frame: Frame) {
  const iframe = (await frame.frameElement()) as ElementHandle<HTMLIFrameElement>;
  return {
    iframe,
    read: () =>
      iframe.evaluate((el) => {
        const root = el.getRootNode() as ShadowRoot;
        const box = (root.querySelector('.frame') as HTMLElement).getBoundingClientRect();
        return {
          title: el.title,
          buttons: [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? ''),
          grip: root.querySelector('.grip')?.getAttribute('aria-label') ?? '',
          box: { left: box.left, top: box.top, width: box.width, height: box.height },
        };
      }),
    gripCenter: () =>
      iframe.evaluate((el) => {
        const r = ((el.getRootNode() as ShadowRoot).querySelector('.grip') as HTMLElement).getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    focusGrip: () => iframe.evaluate((el) => ((el.getRootNode() as ShadowRoot).querySelector('.grip') as HTMLElement).focus()),
  };
}

async function activeWorkshopId(frame: Frame): Promise<string> {
  const reply = await askBackground<{ value: { workshop: { id: string } } }>(frame, { to: 'background', type: 'workshop/active' });
  return reply.value.workshop.id;
}

async function setLang(frame: Frame, lang: 'fi' | 'en' | null) {
  await askBackground(frame, { to: 'background', type: 'settings/set', lang });
}

describe('panel in a live workshop', () => {
  const extension = useExtension();

  it('records text typed in the Capture box as typed, not as a hotkey capture', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Capture');
    await typeInto(panel, '[data-testid="capture-input"]', 'Typed by the facilitator');
    await submitForm(panel, '[data-testid="capture-input"]');
    await waitForText(panel, 'Saved (1).');
    const workshopId = await activeWorkshopId(panel);
    const list = await askBackground<{ value: { text: string; source: { type: string } }[] }>(panel, { to: 'background', type: 'capture/list', workshopId });
    expect(list.value.find((c) => c.text === 'Typed by the facilitator')?.source.type).toBe('manual');
    await page.close();
  });

  it('keeps each tab’s scroll position when switching tabs', async () => {
    const page = await openFixture(extension.ctx, 'https://meet.google.com/abc-defg-hij');
    await page.setViewport({ width: 1100, height: 560 });
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    const workshopId = await activeWorkshopId(panel);
    await askBackground(panel, {
      to: 'background',
      type: 'capture/add-many',
      workshopId,
      items: Array.from({ length: 40 }, (_, i) => ({ text: `Scroll capture ${i + 1}`, kind: 'idea' })),
      source: { type: 'paste' },
    });
    await openTab(panel, 'Capture');
    await waitForText(panel, 'Scroll capture');
    // The list is virtual (only rows in view are mounted): wait until it is taller than the tab.
    await panel.waitForFunction(() => {
      const main = document.getElementById('panel-main')!;
      return main.scrollHeight - main.clientHeight > 700;
    }, { timeout: 10_000, polling: 100 });
    const scrollTop = () => panel.evaluate(() => document.getElementById('panel-main')!.scrollTop);
    await panel.evaluate(() => {
      document.getElementById('panel-main')!.scrollTop = 600;
    });
    const captureAt = await scrollTop();
    expect(captureAt).toBeGreaterThan(300);
    // The Script tab starts at its own top, not at the Capture tab's offset.
    await openTab(panel, 'Script');
    await waitForText(panel, 'Phase 1/');
    expect(await scrollTop()).toBe(0);
    await openTab(panel, 'Capture');
    await eventually(scrollTop, (top) => Math.abs(top - captureAt) <= 1, 'Capture tab scroll position', 4000);
    await page.close();
  });

  it('offers nothing that does nothing after the end is moved', async () => {
    const page = await openFixture(extension.ctx, 'https://meet.google.com/abc-defg-hij');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase');
    const started = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      const created = (await api.runtime.sendMessage({ to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'en', workshopIndex: 0 })) as {
        value: { workshop: { id: string } };
      };
      const at = Date.now() - 14 * 60_000;
      const reply = await api.runtime.sendMessage({ to: 'background', type: 'run/event', workshopId: created.value.workshop.id, event: { type: 'start', at }, expectedCount: 0 });
      return (reply as { ok: boolean }).ok;
    });
    expect(started).toBe(true);
    await waitForText(panel, 'This phase has run over.');
    await clickButton(panel, 'Move the end');
    await panel.waitForFunction(() => !document.querySelector('[data-testid="overrun"]'), { timeout: 5000, polling: 100 });
    // It stays gone: the moved end holds for now (the box comes back only once the workshop is late again).
    await sleep(2500);
    expect(await panel.$('[data-testid="overrun"]')).toBeNull();
    await page.close();
  });

  it('switches language at once, frame header included, without a reload', async () => {
    const page = await openFixture(extension.ctx, 'https://excalidraw.com/');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    const frame = await header(panel);
    expect((await frame.read()).title).toBe('Vuoro workshop panel');
    try {
      await setLang(panel, 'fi');
      await waitForText(panel, 'Vaihe 1/', 5000);
      const fi = await eventually(frame.read, (h) => h.title === 'Vuoro-työpajapaneeli', 'frame title in Finnish', 5000);
      expect(fi.buttons.join(' ')).toMatch(/Kiinnitä vasempaan reunaan.*Pienennä paneeli.*Piilota paneeli/);
      expect(fi.grip).toContain('Muuta paneelin kokoa');
    } finally {
      await setLang(panel, 'en');
    }
    await waitForText(panel, 'Phase 1/', 5000);
    await eventually(frame.read, (h) => h.title === 'Vuoro workshop panel', 'frame title back in English', 5000);
    await page.close();
  });

  // Found in a Finnish walk-through: with counts on Vuorot and Vihjeet, the Finnish tab bar was wider
  // than the panel at its default width and "Sarja" was cut off at the edge.
  it('fits every tab, counts included, in the default width in both languages', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    const fits = () =>
      panel.evaluate(() => {
        const nav = document.querySelector('nav[role="tablist"]')!;
        // Two-digit counts on the two tabs that carry them, as in a busy workshop.
        for (const id of ['turns', 'prompts']) {
          const tab = document.getElementById(`tab-${id}`)!;
          if (!tab.querySelector('.tab-count')) tab.insertAdjacentHTML('beforeend', '<span class="tab-count">12</span>');
          else tab.querySelector('.tab-count')!.textContent = '12';
        }
        const right = nav.getBoundingClientRect().right;
        return { overflow: nav.scrollWidth - nav.clientWidth, clipped: [...nav.querySelectorAll('[role="tab"]')].filter((t) => t.getBoundingClientRect().right > right + 0.5).map((t) => t.textContent) };
      });
    try {
      await setLang(panel, 'fi');
      await waitForText(panel, 'Vaihe 1/', 5000);
      expect(await fits()).toEqual({ overflow: 0, clipped: [] });
      if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/tabs-fi-${browserKind}.png` });
    } finally {
      await setLang(panel, 'en');
    }
    await waitForText(panel, 'Phase 1/', 5000);
    expect(await fits()).toEqual({ overflow: 0, clipped: [] });
    await page.close();
  });

  // Found in a Finnish walk-through: the capture form's kind read "Toimenpi" and the map field
  // "2 Sisältö ja tarko", hiding the very choice (now or near future) being made.
  it('shows the capture form’s chosen kind and map field in full in Finnish', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Capture');
    try {
      await setLang(panel, 'fi');
      await waitForText(panel, 'Kirjaukset', 5000);
      await panel.waitForSelector('[data-testid="capture-map-field"]');
      await panel.select('.capture-entry select:not([data-testid])', 'action');
      await panel.select('[data-testid="capture-map-field"]', 'content-future');
      const shown = await panel.evaluate(() =>
        [...document.querySelectorAll('.capture-entry select')].map((el) => {
          const select = el as HTMLSelectElement;
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const label = select.selectedOptions[0]!.textContent!;
          // The room for the label: the box less its padding and the drop-down arrow (~20 px).
          const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
          return { label, fits: context.measureText(label).width <= room };
        }),
      );
      if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/capture-form-fi-${browserKind}.png` });
      expect(shown).toEqual([
        { label: 'Toimenpide', fits: true },
        { label: '2 Sisältö ja tarkoitus · Lähitulevaisuus', fits: true },
      ]);
    } finally {
      await setLang(panel, 'en');
    }
    await page.close();
  });

  it('resizes by pointer and keyboard, remembers the size per site, and survives a brief small window', async () => {
    const page: Page = await openFixture(extension.ctx, 'https://www.tldraw.com/f/demo');
    await page.setViewport({ width: 1200, height: 760 });
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    const frame = await header(panel);
    // The panel is placed again for the new window size: the drag starts where the grip is then
    // (once in Firefox ESR the drag moved nothing, perhaps started where the grip had been).
    let last = '';
    const before = (
      await eventually(
        frame.read,
        (h) => {
          const same = JSON.stringify(h.box) === last;
          last = JSON.stringify(h.box);
          return same && h.box.left + h.box.width <= 1200;
        },
        'the panel placed in the 1200 × 760 window',
      )
    ).box;
    // The grip is in the bottom corner facing the page (bottom-left when docked right): dragging it
    // outwards makes the panel wider, dragging it up makes it shorter.
    const grip = await frame.gripCenter();
    const out = grip.x < before.left + before.width / 2 ? -1 : 1;
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.down();
    await page.mouse.move(grip.x + out * 40, grip.y - 20, { steps: 4 });
    await page.mouse.move(grip.x + out * 80, grip.y - 40, { steps: 4 });
    await page.mouse.up();
    const dragged = await eventually(frame.read, (h) => h.box.width >= before.width + 70, 'panel wider after the drag', 3000);
    expect(dragged.box.height).toBeLessThan(before.height - 30);
    // Keyboard: the grip takes arrow keys.
    await frame.focusGrip();
    await page.keyboard.press('ArrowRight');
    const keyed = await eventually(frame.read, (h) => h.box.width === dragged.box.width + 16, 'wider by one key step', 3000);
    // A brief small window shrinks it; the size and place come back when the window grows again.
    await page.setViewport({ width: 1200, height: 360 });
    await eventually(frame.read, (h) => h.box.height < keyed.box.height, 'shorter in the small window', 3000);
    await page.setViewport({ width: 1200, height: 760 });
    const restored = await eventually(frame.read, (h) => h.box.height === keyed.box.height, 'height restored', 3000);
    expect(restored.box).toEqual(keyed.box);
    // Remembered across a reload of this site: once the background has stored it (the page saves a
    // placement 250 ms after the last change; a fixed 600 ms wait retried once in Firefox ESR in a
    // clean-clone run).
    const storedSize = async () => {
      const row = (await settingsRow(panel, placementKey('tldraw'), 'get')) as { value: { width: number; height: number } } | undefined;
      return row ? `${row.value.width}×${row.value.height}` : 'none';
    };
    await eventually(storedSize, (size) => size === `${keyed.box.width}×${keyed.box.height}`, 'the stored size', 5000);
    await reloadDocument(page);
    const again = await panelFrame(page);
    await waitForText(again, 'Phase 1/');
    const reloaded = await header(again);
    await eventually(reloaded.read, (h) => h.box.width === keyed.box.width && h.box.height === keyed.box.height, 'size after reload', 5000);
    await page.close();
  });

  it('a panel only collapsed is placed for the window again on the next visit, clear of the meeting’s controls', async () => {
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    // The place earlier tests left for Zoom, put back at the end for the tests after this one.
    const earlier = await settingsRow(options.mainFrame(), placementKey('zoom'), 'get');
    const page = await extension.ctx.browser.newPage();
    // Zoom's footer (Leave, Mute) along the bottom of the window, as the real client draws it, and
    // its side panel closed (in this fixture it spans the top of the window).
    await page.evaluateOnNewDocument(() => {
      addEventListener('DOMContentLoaded', () => {
        const right = document.getElementById('wc-container-right');
        if (right) right.style.display = 'none';
        if (window.top !== window) return;
        const footer = document.createElement('div');
        footer.id = 'wc-footer';
        footer.textContent = 'Mute · Stop video · Participants · Chat · Leave';
        footer.style.cssText = 'position:fixed;left:0;right:0;bottom:0;height:60px;background:#111;color:#ddd;';
        document.body.append(footer);
      });
    });
    /** The panel's box once it stays put (Vuoro looks for late controls a few times after it shows). */
    const settled = async (frame: Awaited<ReturnType<typeof header>>, what: string) => {
      let last = '';
      return (
        await eventually(
          frame.read,
          (h) => {
            const same = JSON.stringify(h.box) === last;
            last = JSON.stringify(h.box);
            return same;
          },
          what,
          10_000,
        )
      ).box;
    };
    const visit = async (width: number, height: number) => {
      await page.setViewport({ width, height });
      await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join', page);
      const panel = await panelFrame(page);
      await panel.waitForSelector('[role="tab"]');
      return header(panel);
    };
    const toggleCollapse = (frame: Awaited<ReturnType<typeof header>>) =>
      frame.iframe.evaluate((el) => {
        const root = el.getRootNode() as ShadowRoot;
        const collapse = [...root.querySelectorAll('button')].find((b) => /collapse|expand/i.test(b.getAttribute('aria-label') ?? ''));
        collapse!.click();
      });
    const stored = async () => ((await settingsRow(options.mainFrame(), placementKey('zoom'), 'get')) as { value: { collapsed: boolean; chosen?: boolean } } | undefined)?.value;
    try {
      // Vuoro's default in a short window, on a first visit: clear of the footer.
      await settingsRow(options.mainFrame(), placementKey('zoom'), 'delete');
      const shortDefault = await settled(await visit(1200, 560), 'the default in the short window');
      expect(shortDefault.top + shortDefault.height).toBeLessThanOrEqual(560 - 60);

      // Another first visit, in a tall window. A click on the header moves nothing and saves
      // nothing; then the user collapses the panel, and that is saved, as Vuoro's place.
      await settingsRow(options.mainFrame(), placementKey('zoom'), 'delete');
      const tall = await visit(1200, 900);
      const tallBox = await settled(tall, 'the default in the tall window');
      await page.mouse.click(tallBox.left + 60, tallBox.top + 12);
      await sleep(600);
      expect(await stored()).toBeUndefined();
      await toggleCollapse(tall);
      await eventually(stored, (p) => p?.collapsed === true, 'the collapsed panel saved', 5000);
      expect((await stored())?.chosen).toBe(false);

      // Next time the window is short: expanded, the panel is where Vuoro puts it in that window. It
      // kept the tall window's height and covered the footer's Leave button.
      const again = await visit(1200, 560);
      await eventually(again.read, (h) => h.box.height <= 40, 'still collapsed', 5000);
      await toggleCollapse(again);
      expect(await settled(again, 'the panel expanded')).toEqual(shortDefault);
    } finally {
      await page.close();
      await settingsRow(options.mainFrame(), placementKey('zoom'), 'put', earlier);
      await options.close();
    }
  });

  it('opens the Turns tab on a compact live strip, with the details on demand', async () => {
    // The panel of the issue: docked right, 416 px of content under its 32 px header, placed so by
    // the facilitator (Vuoro's own default under this fixture's chat column is shorter).
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    const row = { key: placementKey('zoom'), value: { dock: 'right', collapsed: false, hidden: false, x: 12, y: 12, width: 340, height: 448, chosen: true } };
    await settingsRow(options.mainFrame(), placementKey('zoom'), 'put', row);
    await options.close();
    const page = await extension.ctx.browser.newPage();
    await page.setViewport({ width: 1000, height: 600 });
    await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join', page);
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Turns');
    await waitForText(panel, 'Next hand: Bo Kim');
    // Before the workshop records people, the notice that it does not comes first (turns.e2e); from
    // then on the strip leads the tab.
    if (await panel.$('[data-testid="not-recording"]')) {
      await clickButton(panel, 'Record from now on');
      await panel.waitForFunction(() => !document.querySelector('[data-testid="not-recording"]'), { polling: 100, timeout: 10_000 });
    }
    const strip = await panel.$eval('[data-testid="turns-strip"]', (el) => ({
      text: (el as HTMLElement).innerText,
      first: el === document.querySelector('.turns')?.querySelector(':scope > :not(h2)'),
      bottom: el.getBoundingClientRect().bottom,
    }));
    expect(strip.first).toBe(true);
    expect(strip.text).toMatch(/Nobody is speaking|Speaking:/);
    expect(strip.text).toContain('Give the floor to Bo Kim');
    expect(strip.text).toMatch(/Not yet heard: \d/);
    expect(strip.text).toContain('I asked a question: wait');
    expect(strip.text).toMatch(/Talk among participants: /);
    // The whole strip is in view without scrolling.
    const inner = await panel.evaluate(() => innerHeight);
    expect(inner).toBeLessThanOrEqual(416);
    expect(strip.bottom).toBeLessThan(inner);
    // Details fold away and stay folded across a tab switch.
    await panel.$eval('details[data-section="people"] > summary', (el) => (el as HTMLElement).click());
    await panel.waitForFunction(() => !(document.querySelector('details[data-section="people"]') as HTMLDetailsElement).open, { timeout: 3000 });
    await openTab(panel, 'Script');
    await openTab(panel, 'Turns');
    await panel.waitForSelector('details[data-section="people"]');
    expect(await panel.$eval('details[data-section="people"]', (el) => (el as HTMLDetailsElement).open)).toBe(false);
    await page.close();
  });

  it('popup: the workshop’s phase, time left and next step, and the panel one click away', async () => {
    const meeting = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(meeting);
    await waitForText(panel, 'Phase');
    // A running workshop (started now, or by an earlier test of this file).
    if (await panel.evaluate(() => document.body.innerText.includes('Start the workshop'))) await clickButton(panel, 'Start the workshop');
    // The facilitator hid the panel earlier.
    await askBackground(panel, { to: 'background', type: 'tab/forward', message: { to: 'content', type: 'panel/set', hidden: true } });
    const popup = await extensionPage(extension.ctx, 'src/ui/popup/popup.html');
    await waitForText(popup, 'Next:');
    const shown = await popup.$eval('[data-testid="popup-workshop"]', (el) => (el as HTMLElement).innerText);
    expect(shown).toMatch(/Phase \d+\/\d+:/);
    expect(shown).toMatch(/left in this phase|over by/);
    expect(shown).toMatch(/\d+:\d\d/);
    expect(shown).toMatch(/Next: .+ \(\d+ min\)/);
    await clickButton(popup, 'Show the panel in the Zoom tab');
    // Shown again where it was: the panel is what the page shows at the middle of its box.
    const frame = await header(panel);
    await eventually(
      async () => {
        const { box } = await frame.read();
        const at = await meeting.evaluate((x: number, y: number) => document.elementFromPoint(x, y)?.tagName, box.left + box.width / 2, box.top + box.height / 2);
        return box.width > 0 && at === 'VUORO-ROOT';
      },
      (v) => v,
      'panel shown again in the meeting tab',
      5000,
    );
    await popup.close().catch(() => {});

    // Ended: when it ended, and no phase under way nor a timer to pop out (they stood above "ended").
    const active = await askBackground<{ value: { workshop: { id: string }; run: { events: unknown[] } } }>(panel, { to: 'background', type: 'workshop/active' });
    await askBackground(panel, { to: 'background', type: 'run/event', workshopId: active.value.workshop.id, event: { type: 'finish', at: Date.now() }, expectedCount: active.value.run.events.length });
    const ended = await extensionPage(extension.ctx, 'src/ui/popup/popup.html');
    await waitForText(ended, 'The workshop ended at');
    const endedText = await ended.$eval('[data-testid="popup-workshop"]', (el) => (el as HTMLElement).innerText);
    expect(endedText).not.toMatch(/Phase \d+\/\d+/);
    expect(endedText).not.toContain('Pop out');
    await ended.close().catch(() => {});

    // No workshop at all: where one is chosen.
    const all = await askBackground<{ value: { id: string }[] }>(panel, { to: 'background', type: 'workshop/list' });
    for (const w of all.value) await askBackground(panel, { to: 'background', type: 'workshop/delete', workshopId: w.id });
    const none = await extensionPage(extension.ctx, 'src/ui/popup/popup.html');
    await waitForText(none, 'No workshop yet: open the panel on a meeting or board page');
    await none.close().catch(() => {});
    // A workshop again, for the tests after this one.
    await askBackground(panel, { to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'en', workshopIndex: 0 });
    await meeting.close();
  });

  it('popup: follows a language chosen in Settings while it is open', async () => {
    // It stayed in the language it opened in (a Finnish facilitator's walk-through of 2026-11-26).
    const popup = await extensionPage(extension.ctx, 'src/ui/popup/popup.html');
    await waitForText(popup, 'Scripts, library and settings');
    const options = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#settings`);
    try {
      await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', lang: 'fi' });
      await waitForText(popup, 'Käsikirjoitukset, kirjasto ja asetukset', 5_000);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fi');
      await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en' });
      await waitForText(popup, 'Scripts, library and settings', 5_000);
    } finally {
      await askBackground(options.mainFrame(), { to: 'background', type: 'settings/set', lang: 'en' });
      await options.close().catch(() => {});
      await popup.close().catch(() => {});
    }
  });

  // For a few seconds after it shows, Vuoro places its panel clear of the meeting's controls again
  // as they are drawn (tldraw draws its style panel late; src/content/main.ts). It did so under the
  // user too: the panel moved and shrank between a click being aimed and landing, and the click went
  // to the page (an experiment's tick in the series test, lost in two of fourteen Chromium runs
  // while the Zoom page's chat column grew). Once the user has been at the panel, it stays.
  it.each([
    ['not yet used', 'moves clear'],
    ['with the pointer on it', 'stays'],
    ['clicked in, then left for the meeting,', 'stays'],
  ] as const)('late meeting controls: a panel %s %s', async (use, expected) => {
    // A first visit: no place saved for the site (earlier tests here set the panel's place on Zoom,
    // and a place the user set is theirs: Vuoro does not move it).
    const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
    await settingsRow(options.mainFrame(), placementKey('zoom'), 'delete');
    await options.close();
    const page = await extension.ctx.browser.newPage();
    await page.evaluateOnNewDocument(() => {
      if (window.top !== window) return;
      const shown = new MutationObserver(() => {
        if (!document.querySelector('vuoro-root')) return;
        shown.disconnect();
        (window as unknown as { __panelAt: number }).__panelAt = performance.now();
      });
      shown.observe(document, { childList: true, subtree: true });
    });
    await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join', page);
    const panel = await panelFrame(page);
    await panel.waitForSelector('[role="tab"]');
    const frame = await header(panel);
    const first = (await frame.read()).box;
    const meeting = page.frames().find((f) => f.url().includes('/wc/123/inner.html'))!;
    const chatBox = '[contenteditable][aria-label^="Type message"]';
    await page.mouse.move(5, 5);
    if (use === 'with the pointer on it') await page.mouse.move(first.left + first.width / 2, first.top + first.height / 2, { steps: 3 });
    if (use === 'clicked in, then left for the meeting,') {
      // Focus goes from the meeting's own frame into the panel and back, which the page itself
      // does not see (its window had lost focus to the meeting's frame already).
      await meeting.click(chatBox);
      await panel.click('#tab-capture');
      await meeting.click(chatBox);
      await page.mouse.move(5, 5);
    }
    // The meeting's right column (participants, then chat) grows down into the panel's band, and
    // one of Vuoro's looks for late controls comes and goes.
    for (let i = 1; i <= 6; i++) await fx(page, 'chat', 'Bo Kim', `Line ${i}`);
    const since = await page.evaluate(() => performance.now() - (window as unknown as { __panelAt: number }).__panelAt);
    const next = LATE_CONTROL_LOOKS_MS.find((ms) => ms > since + 50);
    if (next === undefined) throw new Error(`the column grew ${Math.round(since)} ms after the panel showed, after Vuoro's last look`);
    if (expected === 'moves clear') {
      await eventually(async () => (await frame.read()).box, (box) => box.height < first.height, 'the panel clear of the longer column', next - since + 5000);
    } else {
      await sleep(next + 300 - since);
      expect((await frame.read()).box).toEqual(first);
    }
    // VUORO_SCREENSHOTS=<dir> keeps pictures of the page to look at.
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/late-controls-${use.split(' ')[0]}-${browserKind}.png` });
    await page.close();
  });

  it('demo meeting page: speakers change, a hand goes up and chat arrives while you watch, and the panel reads it', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/demo/join');
    const panel = await panelFrame(page);
    await panel.waitForSelector('#run-phase, .start', { timeout: 10_000 });
    await openTab(panel, 'Turns');
    // demo.js: Ann Lee (the user) speaks first, Bo Kim from 4 s, Dana's hand goes up at 5 s.
    await waitForText(panel, 'Speaking: Bo Kim', 12_000);
    await waitForText(panel, 'Next hand: Dana Nieminen', 6_000);
    await openTab(panel, 'Capture');
    // The chat list is a folded section: its lines are there to capture, not necessarily on screen.
    await panel.waitForFunction(() => document.body.textContent?.includes('Could we look at the home-care example too?'), { timeout: 8_000, polling: 100 });
    await page.close();
  });
});
