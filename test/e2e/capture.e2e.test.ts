import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, openFixture, optionsPagePath, panelFrame, REPO_ROOT, reloadDocument, useExtension } from './harness/e2e';
import { eventually } from './helpers/live';
import { askBackground, clickButton, openTab, pasteIntoPanel, sleep, submitForm, textOf, typeInto, waitForText } from './helpers/ui';
import { unzip } from '../unit/summary/unzip';

// Quick capture into the local store, confirmed only once durable, then the summary export and a
// note-taker's file merged back in.

const HOSTILE = 'Try pair work <img src=x onerror="window.__pwned=1"> =HYPERLINK("http://evil")';

describe('capture and export', () => {
  const extension = useExtension();

  /** A page at `url` with its panel showing the workshop, and on the Captures tab if asked. */
  async function panelAt(url: string, captures: boolean) {
    const page = await openFixture(extension.ctx, url);
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    if (captures) await openTab(panel, 'Capture');
    return { page, panel };
  }

  it('captures, edits, deletes with undo, and keeps captures across a reload', async () => {
    const { page, panel } = await panelAt('https://meet.google.com/abc-defg-hij', true);
    await typeInto(panel, '[data-testid="capture-input"]', HOSTILE);
    await submitForm(panel, '[data-testid="capture-input"]');
    await waitForText(panel, 'Saved (1).');
    await typeInto(panel, '[data-testid="capture-input"]', 'Ask the customer panel');
    await panel.select('select[aria-label="Kind"]', 'action');
    await typeInto(panel, 'input[aria-label="Owner"]', 'Aino');
    await submitForm(panel, '[data-testid="capture-input"]');
    await panel.waitForFunction(() => document.querySelector('[data-testid="capture-list"]')?.textContent?.includes('Ask the customer panel'), { polling: 100 });
    const list = await textOf(panel, '.capture');
    expect(list).toContain('Try pair work <img src=x onerror="window.__pwned=1">');
    expect(list).toContain('Aino');
    // The hostile text stayed text: no element was made from it, in the panel or the page.
    expect(await panel.evaluate(() => document.querySelectorAll('.capture img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Delete with undo.
    await clickButton(panel, 'Delete');
    await waitForText(panel, 'Capture deleted.');
    await clickButton(panel, 'Undo');
    await panel.waitForFunction(() => !document.body.innerText.includes('Capture deleted.'), { polling: 100 });
    await waitForText(panel, 'Captures (2)');
    // Two deletes in a row: one Undo brings both back (only the last could be undone).
    await clickButton(panel, 'Delete');
    await waitForText(panel, 'Capture deleted.');
    await clickButton(panel, 'Delete');
    await waitForText(panel, '2 captures deleted.');
    await clickButton(panel, 'Undo');
    await waitForText(panel, 'Captures (2)');

    // An edit to blanks is refused, and Cancel drops an edit.
    await clickButton(panel, 'Edit');
    await typeInto(panel, '.capture-item textarea', '   ');
    await submitForm(panel, '.capture-item textarea');
    await waitForText(panel, 'Write something first: a capture cannot be empty.');
    await clickButton(panel, 'Cancel');
    await panel.waitForFunction(() => !document.querySelector('.capture-item textarea'), { polling: 100, timeout: 5_000 });
    expect(await textOf(panel, '.capture')).toContain('Ask the customer panel');

    // Vote.
    await clickButton(panel, 'Vote (now 0)');
    await waitForText(panel, '▲ 1');

    // Theme and tags, then group the list by theme.
    await clickButton(panel, 'Edit');
    await typeInto(panel, '.capture-item input[aria-label="Theme"]', 'Ways of working');
    await typeInto(panel, '.capture-item input[aria-label="Tags, separated by commas"]', 'pairs, trial');
    await submitForm(panel, '.capture-item input[aria-label="Theme"]');
    await waitForText(panel, '#trial');
    await panel.select('.capture label.inline select', 'theme');
    await panel.waitForFunction(() => [...document.querySelectorAll('.capture-phase')].map((h) => h.textContent).join('|').includes('Ways of working'), { polling: 100 });
    expect(await panel.$$eval('.capture-phase', (hs) => hs.map((h) => h.textContent))).toEqual(expect.arrayContaining(['Ways of working', 'No theme yet']));

    await reloadDocument(page);
    const again = await panelFrame(page);
    await openTab(again, 'Capture');
    await waitForText(again, 'Captures (2)');
    expect(await textOf(again, '.capture')).toContain('Ask the customer panel');
    await page.close();
  });

  // Found in a Finnish walk-through: an action saved without its owner (or with a typo in it) could
  // never get one, the due date showed as 2026-12-10, and the kind label stretched over the card.
  it('adds, changes and clears an action’s owner and due date after saving; the date reads as a date', async () => {
    const { page, panel } = await panelAt('https://meet.google.com/abc-defg-hij', true);
    await typeInto(panel, '[data-testid="capture-input"]', 'Book the room for the next workshop');
    await panel.select('select[aria-label="Kind"]', 'action');
    await submitForm(panel, '[data-testid="capture-input"]');
    await panel.waitForFunction(() => document.querySelector('[data-testid="capture-list"]')?.textContent?.includes('Book the room'), { polling: 100 });
    const stored = async () => {
      const active = await askBackground<{ value: { workshop: { id: string } } }>(panel, { to: 'background', type: 'workshop/active' });
      const list = await askBackground<{ value: { text: string; owner?: string; due?: string }[] }>(panel, { to: 'background', type: 'capture/list', workshopId: active.value.workshop.id });
      const c = list.value.find((x) => x.text.startsWith('Book the room'))!;
      return { owner: c.owner, due: c.due };
    };
    expect(await stored()).toEqual({ owner: undefined, due: undefined });
    // The earlier tests' captures are in this workshop too: edit this one.
    const edit = () =>
      panel.evaluate(() => {
        const item = [...document.querySelectorAll('.capture-item')].find((el) => el.textContent?.includes('Book the room'))!;
        (item.querySelector('button[aria-label="Edit"]') as HTMLButtonElement).click();
      });

    await edit();
    await typeInto(panel, '.capture-item input[aria-label="Owner"]', 'Aino Virtanen');
    await typeInto(panel, '.capture-item input[aria-label="Due date"]', '2026-12-10');
    await submitForm(panel, '.capture-item input[aria-label="Owner"]');
    await waitForText(panel, '10 December 2026');
    expect(await textOf(panel, '[data-testid="capture-list"]')).toContain('Book the room for the next workshop · Aino Virtanen · 10 December 2026');
    expect(await stored()).toEqual({ owner: 'Aino Virtanen', due: '2026-12-10' });
    // The kind label is a chip at the start of the text, not a row across the card.
    const widths = await panel.evaluate(() => {
      const item = [...document.querySelectorAll('.capture-item')].find((el) => el.textContent?.includes('Book the room'))!;
      return { item: item.getBoundingClientRect().width, kind: item.querySelector('.kind')!.getBoundingClientRect().width };
    });
    expect(widths.kind).toBeLessThan(widths.item / 3);
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/capture-owner-due-${browserKind}.png` });

    // A wrong owner can be taken away again.
    await edit();
    await panel.waitForSelector('.capture-item input[aria-label="Owner"]');
    expect(await panel.$eval('.capture-item input[aria-label="Owner"]', (i) => (i as HTMLInputElement).value)).toBe('Aino Virtanen');
    await typeInto(panel, '.capture-item input[aria-label="Owner"]', '');
    await submitForm(panel, '.capture-item input[aria-label="Owner"]');
    await panel.waitForFunction(() => !document.querySelector('[data-testid="capture-list"]')?.textContent?.includes('Aino Virtanen'), { polling: 100 });
    expect(await stored()).toEqual({ owner: undefined, due: '2026-12-10' });
    await page.close();
  });

  // Found in walk-throughs: the map field could be set only by keys on the row, a kind picked in the
  // edit form was saved at once (Cancel did not take it back), and the form opened on the capture as
  // it was when the row was drawn, so Done undid a map key pressed since.
  it('the edit form sets the kind and the map field with Done, Cancel drops them, and it opens on the capture as it is now', async () => {
    const { page, panel } = await panelAt('https://meet.google.com/abc-defg-hij', true);
    await typeInto(panel, '[data-testid="capture-input"]', 'Shared calendar for the team');
    await submitForm(panel, '[data-testid="capture-input"]');
    await panel.waitForFunction(() => document.querySelector('[data-testid="capture-list"]')?.textContent?.includes('Shared calendar'), { polling: 100 });
    const stored = async () => {
      const active = await askBackground<{ value: { workshop: { id: string } } }>(panel, { to: 'background', type: 'workshop/active' });
      const list = await askBackground<{ value: { text: string; kind: string; mapField?: string }[] }>(panel, { to: 'background', type: 'capture/list', workshopId: active.value.workshop.id });
      const c = list.value.find((x) => x.text.startsWith('Shared calendar'))!;
      return { kind: c.kind, mapField: c.mapField };
    };
    const edit = () =>
      panel.evaluate(() => {
        const row = [...document.querySelectorAll('.capture-item')].find((el) => el.textContent?.includes('Shared calendar'))!;
        (row.querySelector('button[aria-label="Edit"]') as HTMLButtonElement).click();
      });
    // Key 3 on the row puts it on the map; the form then opens on that field.
    await panel.evaluate(() => ([...document.querySelectorAll<HTMLElement>('.capture-item')].find((el) => el.textContent?.includes('Shared calendar'))!).focus());
    await page.keyboard.press('3');
    await eventually(stored, (s) => s.mapField === 'ways-now', 'map key');
    await edit();
    await panel.waitForSelector('[data-testid="capture-edit-map-field"]');
    expect(await panel.$eval('[data-testid="capture-edit-map-field"]', (s) => (s as HTMLSelectElement).value)).toBe('ways-now');
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/capture-edit-form-${browserKind}.png` });
    // Cancel drops a kind and a field picked in the form.
    await panel.select('.capture-item form select[aria-label="Kind"]', 'question');
    await panel.select('[data-testid="capture-edit-map-field"]', 'content-future');
    await clickButton(panel, 'Cancel');
    await panel.waitForFunction(() => !document.querySelector('.capture-item form'), { polling: 100, timeout: 5_000 });
    expect(await stored()).toEqual({ kind: 'idea', mapField: 'ways-now' });
    // Done saves them; "no field" takes it off the map.
    await edit();
    await panel.select('.capture-item form select[aria-label="Kind"]', 'question');
    await panel.select('[data-testid="capture-edit-map-field"]', 'content-future');
    await submitForm(panel, '.capture-item form textarea');
    await eventually(stored, (s) => s.kind === 'question' && s.mapField === 'content-future', 'saved kind and field');
    await edit();
    await panel.select('[data-testid="capture-edit-map-field"]', '');
    await submitForm(panel, '.capture-item form textarea');
    await eventually(stored, (s) => s.mapField === undefined, 'taken off the map');

    // By keyboard (found in a keyboard walk-through: focus fell to the body after Edit, Done, Cancel,
    // Delete and Undo, and Escape did not close the form).
    const focused = () =>
      panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { tag: el?.tagName, label: el?.getAttribute('aria-label') ?? el?.textContent ?? '', row: el?.classList.contains('capture-item') ?? false };
      });
    await edit();
    await eventually(focused, (f) => f.tag === 'TEXTAREA', 'focus in the text');
    await page.keyboard.press('Escape');
    await panel.waitForFunction(() => !document.querySelector('.capture-item form'), { polling: 100, timeout: 5_000 });
    // Focus moves in an effect after the form has gone: waited for, not read at once.
    expect(await eventually(focused, (f) => f.row, 'focus back on the row')).toMatchObject({ row: true, label: 'Question: Shared calendar for the team' });
    await page.keyboard.press('Tab'); // the row → Vote
    await page.keyboard.press('Tab'); // → Edit
    await page.keyboard.press('Enter');
    await eventually(focused, (f) => f.tag === 'TEXTAREA', 'focus in the text again');
    await page.keyboard.press('Escape');
    await eventually(focused, (f) => f.row, 'back on the row');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // → Delete
    expect((await focused()).label).toBe('Delete');
    await page.keyboard.press('Enter');
    await eventually(focused, (f) => f.label === 'Undo', 'focus on Undo');
    await page.keyboard.press('Enter');
    await eventually(focused, (f) => f.row && f.label.endsWith('Shared calendar for the team'), 'focus on the capture brought back');

    // A change made elsewhere while the form is open stays: Done sends only what the form changed
    // (it sent every field, so a co-facilitator's map placement was undone; found in review).
    await edit();
    await panel.waitForSelector('.capture-item form textarea');
    const active = await askBackground<{ value: { workshop: { id: string } } }>(panel, { to: 'background', type: 'workshop/active' });
    const list = await askBackground<{ value: { id: string; text: string }[] }>(panel, { to: 'background', type: 'capture/list', workshopId: active.value.workshop.id });
    const id = list.value.find((c) => c.text.startsWith('Shared calendar'))!.id;
    expect(await askBackground(panel, { to: 'background', type: 'capture/update', id, patch: { mapField: 'ways-now' } })).toMatchObject({ ok: true });
    await typeInto(panel, '.capture-item form textarea', 'Shared calendar for the whole team');
    await submitForm(panel, '.capture-item form textarea');
    await waitForText(panel, 'Shared calendar for the whole team');
    expect(await stored()).toEqual({ kind: 'question', mapField: 'ways-now' });
    await page.close();
  });

  // The duplicates notice showed only the first text of a group (two different notes read as one
  // text twice) and printed a long note whole, which filled the panel.
  it('names every different text of a possible duplicate, each in one short line', async () => {
    const { page, panel } = await panelAt('https://meet.google.com/abc-defg-hij', false);
    const active = await askBackground<{ value: { workshop: { id: string } } }>(panel, { to: 'background', type: 'workshop/active' });
    const long = `Quarterly review of the home care pilot ${'with many details '.repeat(20)}`.trim();
    for (const text of ['Shorter team meetings', 'Shorter team meetings on Mondays', long, long]) {
      await askBackground(panel, { to: 'background', type: 'capture/add', workshopId: active.value.workshop.id, text, kind: 'idea', source: { type: 'manual' } });
    }
    await openTab(panel, 'Capture');
    await waitForText(panel, 'possible duplicates');
    const lines = await panel.$$eval('.capture-duplicates li', (items) => items.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(lines).toContainEqual('“Shorter team meetings” / “Shorter team meetings on Mondays” ×2 Merge');
    const longLine = lines.find((line) => line.startsWith('“Quarterly review'))!;
    expect(longLine).toMatch(/…” ×2 Merge$/);
    expect(longLine.length).toBeLessThan(100);
    // A merge can be taken back (two notes that only looked alike were one for good).
    await panel.evaluate(() => {
      const item = [...document.querySelectorAll('.capture-duplicates li')].find((li) => li.textContent?.includes('on Mondays'))!;
      item.querySelector('button')!.click();
    });
    await waitForText(panel, '2 captures merged into one.');
    await panel.waitForFunction(() => ![...document.querySelectorAll('.capture-duplicates li')].some((li) => li.textContent?.includes('on Mondays')), { timeout: 5_000, polling: 100 });
    await clickButton(panel, 'Undo');
    await panel.waitForFunction(() => [...document.querySelectorAll('.capture-duplicates li')].some((li) => li.textContent?.includes('on Mondays')), { timeout: 5_000, polling: 100 });
    const live = await askBackground<{ value: { text: string; mergedInto?: string }[] }>(panel, { to: 'background', type: 'capture/list', workshopId: active.value.workshop.id });
    expect(live.value.filter((c) => c.text.startsWith('Shorter team meetings')).map((c) => c.mergedInto)).toEqual([undefined, undefined]);
    await page.close();
  });

  // Pasted lines: the list showed 20 of 25 with no word of the rest, and the box kept the lines after
  // the save, so they looked unsaved and one more keystroke offered to save them again.
  it('pastes many lines: counts those not listed, and empties the box once they are saved', async () => {
    const { page, panel } = await panelAt('https://app.mural.co/t/team/m/team/1/abc', true);
    await panel.evaluate(() => ((document.querySelector('details.capture-paste') as HTMLDetailsElement).open = true));
    const lines = Array.from({ length: 25 }, (_, i) => `Pasted line ${i + 1}`).join('\n');
    await typeInto(panel, 'details.capture-paste textarea', lines);
    await waitForText(panel, '… and 5 more');
    await clickButton(panel, 'Save 25 notes');
    await waitForText(panel, 'Saved (25).');
    expect(await panel.$eval('details.capture-paste textarea', (box) => (box as HTMLTextAreaElement).value)).toBe('');
    await page.close();
  });

  // A long sticky copied from Miro filled the panel in the list of notes found (Save was screens
  // below), a long word ran off the panel's edge, and a two-line sticky showed as one line though
  // it is saved with its line break.
  it('lists pasted board notes as they will be saved, in a box that keeps Save in reach', async () => {
    const { page, panel } = await panelAt('https://miro.com/app/board/demo=/', true);
    const long = `${'x'.repeat(120)} ${'pitkä '.repeat(1500)}`;
    await page.evaluate((texts: string[]) => (window as unknown as { __fx: { select(t: string[]): void } }).__fx.select(texts), ['Two lines:\nsecond line', long, 'Kahvi ja pulla']);
    const copied = await page.evaluate(() => {
      const transfer = new DataTransfer();
      const event = new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true });
      if (!event.clipboardData) Object.defineProperty(event, 'clipboardData', { value: transfer });
      document.body.dispatchEvent(event);
      return Object.fromEntries(event.clipboardData!.types.map((type) => [type, event.clipboardData!.getData(type)]));
    });
    await pasteIntoPanel(panel, copied);
    await waitForText(panel, '3 notes found:');
    const shown = await panel.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('[data-testid="capture-paste-list"] > li')];
      const found = [...document.querySelectorAll('p')].find((p) => p.textContent === '3 notes found:')!.getBoundingClientRect();
      const save = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save 3 notes')!.getBoundingClientRect();
      return {
        texts: items.map((li) => li.innerText),
        overflowing: items.filter((li) => li.scrollWidth > li.clientWidth + 1).length,
        saveBelowFound: save.bottom - found.top,
        viewport: window.innerHeight,
      };
    });
    expect(shown.texts[0]).toBe('Two lines:\nsecond line');
    expect(shown.overflowing).toBe(0);
    expect(shown.saveBelowFound).toBeLessThan(shown.viewport * 0.6);
    await clickButton(panel, 'Save 3 notes');
    await waitForText(panel, 'Saved (3).');
    await page.close();
  });

  it('quick capture (what the keyboard command triggers) opens the entry prefilled with the page selection', async () => {
    const { page, panel } = await panelAt('https://www.tldraw.com/fixture', false);
    // Select some page text, then deliver the command's message to this tab's content script as the
    // background does on Alt+Shift+C (the shortcut itself is the browser's and cannot be pressed by the driver).
    // Two paragraphs: their line break became nothing in the one-line entry ("Selected wordsfrom the
    // board") while the line break itself was stored; what is shown is now what is stored.
    await page.evaluate(() => {
      const p = document.createElement('div');
      p.innerHTML = '<p>Selected words</p><p>from the board</p>';
      document.body.append(p);
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const reply = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      return api.runtime.sendMessage({ to: 'background', type: 'tab/forward', message: { to: 'content', type: 'capture/quick' } });
    });
    expect(reply).toMatchObject({ ok: true });
    await panel.waitForFunction(
      () => (document.querySelector('[data-testid="capture-input"]') as HTMLInputElement | null)?.value === 'Selected words from the board',
      { timeout: 10_000, polling: 100 },
    );
    await submitForm(panel, '[data-testid="capture-input"]');
    await waitForText(panel, 'Saved (1).');
    const saved = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      const active = (await api.runtime.sendMessage({ to: 'background', type: 'workshop/active' })) as { value: { workshop: { id: string } } };
      const list = (await api.runtime.sendMessage({ to: 'background', type: 'capture/list', workshopId: active.value.workshop.id })) as {
        value: { text: string; source: { type: string; site?: string } }[];
      };
      return list.value.find((c) => c.text === 'Selected words from the board');
    });
    expect(saved?.source).toMatchObject({ type: 'selection', site: 'tldraw' });
    await page.close();
  });

  it('exports a printable summary with the captures escaped', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    await clickButton(page, 'Export…');
    await waitForText(page, 'Edit and preview before sending');
    const before = new Set(await extension.ctx.browser.pages());
    await clickButton(page, 'Edit and preview before sending');
    let summary: Page | undefined;
    for (let i = 0; i < 75 && !summary; i++) {
      await sleep(200);
      for (const candidate of await extension.ctx.browser.pages()) {
        if (before.has(candidate)) continue;
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href.includes('summary.html')) summary = candidate;
      }
    }
    expect(summary, 'the summary page opened').toBeDefined();
    await summary!.waitForFunction(
      () => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText.includes('Try pair work'),
      { timeout: 15_000, polling: 200 },
    );
    const check = await summary!.evaluate(() => {
      const doc = (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement).contentDocument!;
      return {
        text: doc.body.innerText,
        images: doc.querySelectorAll('img').length,
        scripts: doc.querySelectorAll('script').length,
        csp: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        sandbox: document.querySelector('iframe[data-testid="summary"]')!.getAttribute('sandbox'),
      };
    });
    expect(check.text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(check.text).toContain('Ask the customer panel');
    expect(check.images).toBe(0);
    expect(check.scripts).toBe(0);
    expect(check.csp).toContain("default-src 'none'");
    expect(check.sandbox).not.toContain('allow-scripts');

    // Before sending: a new title, an introduction, one capture left out; the preview and the Word
    // file follow, the stored capture stays.
    await summary!.evaluate(() => {
      const w = window as unknown as { __files: { name: string; blob: Blob }[] };
      w.__files = [];
      // The download goes through an <a download> click: keep the file instead of saving it (the
      // blob where it is made: fetching the blob: URL would need connect-src).
      let last: Blob | undefined;
      const createObjectURL = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        last = blob;
        return createObjectURL(blob);
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.__files.push({ name: this.download, blob: last! });
      };
    });
    const title = await summary!.$('[data-testid="summary-title"]');
    await title!.evaluate((el) => (el as HTMLInputElement).select());
    await title!.type('Työpaja 1: tulokset');
    await (await summary!.$('[data-testid="summary-intro"]'))!.type('Hei kaikki, tässä yhteenveto.');
    await summary!.evaluate(() => (document.querySelector('.summary-editor details') as HTMLDetailsElement).open = true);
    const omitted = await summary!.evaluate(() => {
      const box = [...document.querySelectorAll<HTMLInputElement>('.summary-items input')].find((b) => b.parentElement!.textContent!.includes('Ask the customer panel'))!;
      box.click();
      return box.dataset.captureId!;
    });
    await summary!.waitForFunction(
      () => {
        const text = (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement).contentDocument?.body?.innerText ?? '';
        return text.includes('Työpaja 1: tulokset') && text.includes('Hei kaikki') && !text.includes('Ask the customer panel');
      },
      { timeout: 10_000, polling: 200 },
    );
    mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
    await summary!.screenshot({ path: join(REPO_ROOT, 'test-results', `summary-page-${browserKind}.png`) });
    await summary!.evaluate(() => (document.querySelector('button[data-format="docx"]') as HTMLButtonElement).click());
    await summary!.waitForFunction(() => (window as unknown as { __files: unknown[] }).__files.length > 0, { timeout: 20_000, polling: 200 });
    const file = await summary!.evaluate(async () => {
      const { name, blob } = (window as unknown as { __files: { name: string; blob: Blob }[] }).__files[0]!;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return { name, type: blob.type, base64: btoa(binary) };
    });
    expect(file.name).toBe('Työpaja 1 tulokset.docx');
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = unzip(Buffer.from(file.base64, 'base64')).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Työpaja 1: tulokset</w:t>');
    expect(xml).toContain('Hei kaikki, tässä yhteenveto.');
    expect(xml).toContain('&lt;img src=x onerror=');
    expect(xml).not.toContain('Ask the customer panel');
    expect(xml).toContain('<w:tbl>');
    expect(omitted).toMatch(/^[0-9a-f-]{36}$/);
    await summary!.close();
    await page.close();
  });

  it('merges a note-taker’s export without duplicates, and refuses a broken file with a clear error', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    const workshop = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      const reply = (await api.runtime.sendMessage({ to: 'background', type: 'workshop/active' })) as { value: { workshop: { id: string; title: string } } };
      return reply.value.workshop;
    });
    const now = Date.now();
    const capture = (id: string, text: string) => ({
      id,
      workshopId: 'note-taker',
      text,
      kind: 'idea',
      tags: [],
      source: { type: 'hotkey' },
      createdAt: now,
      updatedAt: now,
      votes: 0,
    });
    const doc = {
      format: 'vuoro-workshop',
      schemaVersion: 1,
      exportedAt: now,
      lang: 'en',
      workshop: { id: 'note-taker', title: workshop.title, goal: '' },
      agenda: [],
      captures: [capture('0b9c6f7e-1d2a-4b3c-8d4e-5f6a7b8c9d0e', 'Try pair work <img src=x onerror="window.__pwned=1"> =HYPERLINK("http://evil")'), capture('1c9c6f7e-1d2a-4b3c-8d4e-5f6a7b8c9d0e', 'Shadow a colleague for a day')],
      promptsUsed: [],
      includeParticipants: false,
      includeStats: false,
    };
    const dir = mkdtempSync(join(tmpdir(), 'vuoro-import-'));
    writeFileSync(join(dir, 'notes.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...doc, captures: [{ ...doc.captures[0], kind: 'gossip' }] }));
    await page.select('select', workshop.id);
    const input = await page.$('input[data-testid="import-file"]');
    await input!.uploadFile(join(dir, 'notes.json'));
    await waitForText(page, 'Merged:');
    // The phase-less duplicate counts as a duplicate only within the same phase; the capture in the base has a phase
    // or none, so check the outcome by the list itself: exactly one new capture arrived.
    expect(await textOf(page, '[data-testid="import-result"]')).toMatch(/Merged: [12] added/);
    const count = async () =>
      page.evaluate(async (id: string) => {
        const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
        const reply = (await api.runtime.sendMessage({ to: 'background', type: 'capture/list', workshopId: id })) as { value: { text: string }[] };
        return reply.value.map((c) => c.text);
      }, workshop.id);
    const afterFirst = await count();
    expect(afterFirst).toContain('Shadow a colleague for a day');
    // Importing the same file again adds nothing.
    await input!.uploadFile(join(dir, 'notes.json'));
    await sleep(300);
    await waitForText(page, 'Merged: 0 added');
    expect((await count()).length).toBe(afterFirst.length);
    // A broken file: a clear error naming the field, nothing changed.
    await input!.uploadFile(join(dir, 'broken.json'));
    await waitForText(page, 'The file was not imported');
    expect(await textOf(page, '[data-testid="import-errors"]')).toContain('captures[0].kind');
    expect((await count()).length).toBe(afterFirst.length);
    await page.close();
  });

  // The undo offer is for the deletes just made: one Undo brought back everything deleted since the
  // tab opened (found in a review).
  it('offers to undo only the deletes since the last save', async () => {
    const { page, panel } = await panelAt('https://meet.google.com/abc-defg-hij', true);
    await clickButton(panel, 'Delete');
    await waitForText(panel, 'Capture deleted.');
    await typeInto(panel, '[data-testid="capture-input"]', 'A note after the delete');
    await submitForm(panel, '[data-testid="capture-input"]');
    await waitForText(panel, 'Saved (1).');
    expect(await textOf(panel, 'body')).not.toContain('Capture deleted.');
    await clickButton(panel, 'Delete');
    await waitForText(panel, 'Capture deleted.');
    expect(await textOf(panel, 'body')).not.toContain('2 captures deleted.');
    await page.close();
  });
});
