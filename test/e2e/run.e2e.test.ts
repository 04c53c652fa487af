import { describe, expect, it } from 'vitest';
import type { Frame } from 'puppeteer';
import { extensionPage, openFixture, optionsPagePath, panelFrame, reloadDocument, stopServiceWorker, useExtension } from './harness/e2e';
import { eventually, freshWorkshop } from './helpers/live';
import { clickButton, sleep, textOf, typeInto, waitForText } from './helpers/ui';

// A workshop run as the facilitator lives it: started in the meeting tab, seen in the whiteboard
// tab, surviving reloads and a stopped background, with times derived from stored timestamps.

async function timeLeftSec(frame: Frame): Promise<number> {
  const text = await frame.$eval('[data-testid="time-left"] .run-time', (el) => el.textContent ?? '');
  const negative = text.startsWith('\u2212');
  const parts = text.replace('\u2212', '').split(':').map(Number);
  const sec = parts.reduce((total, part) => total * 60 + part, 0);
  return negative ? -sec : sec;
}

const phaseTitle = (frame: Frame) => frame.$eval('#run-phase', (el) => (el.textContent ?? '').trim());

describe('workshop run', () => {
  const extension = useExtension();

  it('starts, advances and keeps exact time across a reload, a second tab and a stopped background', async () => {
    const meeting = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(meeting);
    await waitForText(panel, 'Phase 1/');
    await clickButton(panel, 'Start the workshop');
    await waitForText(panel, 'left in this phase');
    // On time, the projected and the planned end name the same minute (a start at seconds past the
    // minute read "Projected end 15:31 · planned 15:30").
    const meta = await textOf(panel, '.run-meta');
    const projected = /Projected end (\d\d:\d\d)/.exec(meta)?.[1];
    expect(projected, meta).toBeDefined();
    expect(/planned (\d\d:\d\d)/.exec(meta)?.[1]).toBe(projected);
    await clickButton(panel, 'Next phase');
    await waitForText(panel, 'Phase 2/');
    const title = await phaseTitle(panel);
    const left = await timeLeftSec(panel);
    expect(left).toBeGreaterThan(60);

    // A second tab (the whiteboard) shows the same phase and the same clock.
    const board = await openFixture(extension.ctx, 'https://excalidraw.com/fixture');
    const boardPanel = await panelFrame(board);
    await waitForText(boardPanel, 'Phase 2/');
    expect(await phaseTitle(boardPanel)).toBe(title);
    expect(Math.abs((await timeLeftSec(boardPanel)) - (await timeLeftSec(panel)))).toBeLessThanOrEqual(1);

    // Acting in one tab moves the other.
    await clickButton(boardPanel, 'Pause');
    await waitForText(panel, 'paused');
    const pausedAt = await timeLeftSec(panel);
    await sleep(2200);
    expect(await timeLeftSec(panel)).toBe(pausedAt);
    await clickButton(panel, 'Resume');
    await waitForText(boardPanel, 'left in this phase');

    // Reload: derived from stored timestamps, not restarted.
    await sleep(1500);
    await reloadDocument(meeting);
    const reloaded = await panelFrame(meeting);
    await waitForText(reloaded, 'Phase 2/');
    const afterReload = await timeLeftSec(reloaded);
    expect(afterReload).toBeLessThan(pausedAt);
    expect(afterReload).toBeGreaterThan(pausedAt - 15);

    // A stopped background changes nothing.
    await stopServiceWorker(extension.ctx);
    await sleep(1200);
    const afterStop = await timeLeftSec(reloaded);
    expect(afterStop).toBeLessThanOrEqual(afterReload);
    expect(afterStop).toBeGreaterThan(afterReload - 10);
    await clickButton(reloaded, 'Next phase');
    await waitForText(boardPanel, 'Phase 3/', 15_000);

    // Extending adds a minute to the phase that is running now, in both tabs.
    await waitForText(reloaded, 'Phase 3/');
    const third = await timeLeftSec(reloaded);
    await clickButton(reloaded, '+1 min');
    let extended = third;
    for (let i = 0; i < 50 && extended <= third + 30; i++) {
      await sleep(200);
      extended = await timeLeftSec(boardPanel);
    }
    expect(extended).toBeGreaterThan(third + 30);
    await meeting.close();
    await board.close();
  });

  // Found in a Finnish walk-through: a double-click on Next phase skipped a phase (the agenda then
  // kept it with 0 s), and on the last but one phase the second click hit Finish.
  it('a double-click on Next phase moves one phase, and does not finish the workshop', async () => {
    const meeting = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await freshWorkshop(meeting);
    await clickButton(panel, 'Start the workshop');
    await waitForText(panel, 'left in this phase');
    const next = async () => {
      const button = await panel.waitForSelector('[data-control="forward"]');
      await button!.click({ count: 2, delay: 80 });
    };
    await next();
    await sleep(800);
    expect(await phaseTitle(panel)).toMatch(/^Phase 2\//u);
    // On to the last but one phase, one press at a time, then a double-click there.
    const count = Number(/^Phase \d+\/(\d+)/u.exec(await phaseTitle(panel))![1]);
    for (let n = 3; n < count; n++) {
      await clickButton(panel, 'Next phase');
      await waitForText(panel, `Phase ${n}/`);
      await sleep(550);
    }
    await next();
    await waitForText(panel, `Phase ${count}/`);
    await sleep(800);
    expect(await textOf(panel, '.run')).not.toContain('The workshop ended at');
    expect(await panel.$eval('[data-control="forward"]', (b) => b.textContent)).toBe('Finish the workshop');
    await meeting.close();
  });

  // Found in review: a step made in another panel came on screen only at this panel's next clock
  // tick (up to a second later), and a Next pressed on what the screen still showed counted as a
  // second step. The panel draws the run afresh when it changes. Its clock is stopped here, so only
  // the change itself can redraw it.
  it('a step made in another tab is on screen at once, not at the next tick of the clock', async () => {
    const meeting = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await freshWorkshop(meeting);
    await clickButton(panel, 'Start the workshop');
    await waitForText(panel, 'left in this phase');
    const board = await openFixture(extension.ctx, 'https://excalidraw.com/fixture');
    const boardPanel = await panelFrame(board);
    await waitForText(boardPanel, 'Phase 1/');
    await panel.evaluate(() => {
      for (let id = 0; id < 10_000; id++) clearInterval(id);
    });
    await clickButton(boardPanel, 'Next phase');
    await waitForText(boardPanel, 'Phase 2/');
    await panel.waitForFunction(() => document.getElementById('run-phase')?.textContent?.startsWith('Phase 2/'), { timeout: 5_000, polling: 100 });
    await board.close();
    await meeting.close();
  });

  it('warns on overrun and reschedules the rest to the planned end', async () => {
    const page = await openFixture(extension.ctx, 'https://meet.google.com/abc-defg-hij');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase');
    // A fresh short workshop from the 50-minute template, started 9 minutes ago (events are stored
    // with their own timestamps, so a start in the past is exactly what a long-running tab has).
    const started = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      const created = (await api.runtime.sendMessage({ to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'en', workshopIndex: 0 })) as {
        ok: boolean;
        value: { workshop: { id: string } };
      };
      const workshopId = created.value.workshop.id;
      const at = Date.now() - 14 * 60_000;
      const reply = await api.runtime.sendMessage({ to: 'background', type: 'run/event', workshopId, event: { type: 'start', at }, expectedCount: 0 });
      return (reply as { ok: boolean }).ok;
    });
    expect(started).toBe(true);
    await waitForText(panel, 'This phase has run over.');
    // The words beside the clock read the same second as the clock ("−4:01", "over by 4:01"; they
    // read a second apart, found in a Finnish walk-through).
    const clock = await panel.$eval('[data-testid="time-left"]', (el) => ({ time: el.querySelector('.run-time')!.textContent!, status: el.querySelector('.run-status')!.textContent! }));
    expect(clock.time).toMatch(/^\u2212\d+:\d\d$/);
    expect(clock.status).toBe(`over by ${clock.time.slice(1)}`);
    const notice = await textOf(panel, '[data-testid="overrun"]');
    expect(notice).toMatch(/Shorten the remaining phases|Move the end/);
    const before = await textOf(panel, '.run-meta');
    expect(before).toContain('Next: Agenda and goal (5 min)');
    await clickButton(panel, 'Shorten the remaining phases');
    // The remaining phases shrink in proportion: the next one gets shorter than planned.
    await panel.waitForFunction(() => !document.querySelector('.run-meta')?.textContent?.includes('(5 min)'), { timeout: 10_000, polling: 100 });
    expect(await textOf(panel, '.run-meta')).toMatch(/Next: Agenda and goal \([1-4] min\)/);
    // The agenda keeps the plan beside the new length.
    await clickButton(panel, 'Agenda');
    expect(await textOf(panel, '.agenda')).toMatch(/Agenda and goal 5 → [1-4] min/);
    // The live region announces milestones only when crossed, never every second.
    expect(await panel.$eval('[data-testid="announcer"]', (el) => el.getAttribute('aria-live'))).toBe('polite');

    // Finished: no countdown left beside "finished", but when it ended.
    const finished = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      const active = (await api.runtime.sendMessage({ to: 'background', type: 'workshop/active' })) as { value: { workshop: { id: string }; run: { events: unknown[] } } };
      const reply = await api.runtime.sendMessage({
        to: 'background',
        type: 'run/event',
        workshopId: active.value.workshop.id,
        event: { type: 'finish', at: Date.now() },
        expectedCount: active.value.run.events.length,
      });
      return (reply as { ok: boolean }).ok;
    });
    expect(finished).toBe(true);
    await waitForText(panel, 'The workshop ended at');
    expect(await panel.$('[data-testid="time-left"] .run-time')).toBeNull();
    expect(await textOf(panel, '[data-testid="time-left"]')).toMatch(/^The workshop ended at \d{1,2}:\d\d\.$/);
    // Nor a next phase, "the last phase", a projected end or "100% done" beneath it.
    expect(await panel.$('.run-meta')).toBeNull();
    await page.close();
  });

  it('edits a script: phases reorder by keyboard, the total follows, and a bad import is explained', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    // To the scripts by the page's own address, so the browser's Back leads to the library.
    await page.evaluate(() => (location.hash = 'scripts'));
    await waitForText(page, 'Your scripts');
    await clickButton(page, 'New script');
    await waitForText(page, 'Edit script');
    await clickButton(page, 'Add a phase');
    await clickButton(page, 'Add a phase');
    await waitForText(page, 'Total 30 min in 3 phases');
    await typeInto(page, '.phase-editor:nth-child(2) input[data-testid="phase-minutes"]', '25');
    await waitForText(page, 'Total 45 min in 3 phases');
    // Retyped with the keyboard: Backspace twice, then "15". The emptied field became "1" at once,
    // and the plan read 115 minutes.
    await page.click('.phase-editor:nth-child(2) input[data-testid="phase-minutes"]');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    expect(await page.$eval('.phase-editor:nth-child(2) input[data-testid="phase-minutes"]', (i) => (i as HTMLInputElement).value)).toBe('');
    await page.keyboard.type('15');
    await waitForText(page, 'Total 35 min in 3 phases');
    await page.keyboard.press('Tab');
    // A number outside 1–480 is not taken, and the field says which are.
    await page.click('.phase-editor:nth-child(2) input[data-testid="phase-minutes"]');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('999');
    await page.keyboard.press('Tab');
    await waitForText(page, 'Enter a whole number from 1 to 480. In use: 15.');
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/editor-minutes-invalid.png` });
    await waitForText(page, 'Total 35 min in 3 phases');
    await typeInto(page, '.phase-editor:nth-child(2) input[data-testid="phase-minutes"]', '25');
    await typeInto(page, '.phase-editor:nth-child(2) input:not([type])', 'Second');
    // Move "Second" up with the keyboard: focus its up button and press Enter.
    await page.evaluate(() => (document.querySelector('.phase-editor:nth-child(2) button[aria-label^="Move"]') as HTMLButtonElement).focus());
    await page.keyboard.press('Enter');
    // Until the list has moved (a fixed 300 ms was too short once on the loaded 2-core machine);
    // then focus must already be where the move put it.
    const order = await eventually(
      () => page.$$eval('.phase-editor input:not([type])', (inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
      (names) => names[0] === 'Second',
      'the phases after the move',
      5_000,
    );
    expect(order[0]).toBe('Second');
    // Focus followed the phase to the top: onto its other arrow (its own is disabled there), not <body>.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move “Second” down');
    // A workshop added by mistake can be removed again.
    await clickButton(page, 'Add a workshop');
    await waitForText(page, 'Remove workshop 2');
    page.once('dialog', (dialog) => void dialog.accept());
    await clickButton(page, 'Remove workshop 2');
    await page.waitForFunction(() => document.querySelectorAll('[role="tab"]').length === 1, { timeout: 5_000, polling: 100 });
    // Unsaved edits: the editor says so, and "Back to the list" asks first; cancelling stays.
    await waitForText(page, 'Unsaved changes');
    if (process.env.VUORO_SCREENSHOTS) await page.screenshot({ path: `${process.env.VUORO_SCREENSHOTS}/editor-unsaved.png` });
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await clickButton(page, 'Back to the list');
    await eventually(async () => asked.length, (n) => n >= 1, 'questions asked', 5_000);
    expect(asked).toEqual(['Leave the script without saving? Your changes will be lost.']);
    expect(await textOf(page, 'body')).toContain('Edit script');
    // The browser's Back asks too, and staying keeps the editor and its address.
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.evaluate(() => history.back());
    await eventually(async () => asked.length, (n) => n >= 2, 'questions asked', 5_000);
    expect(asked).toHaveLength(2);
    expect(await textOf(page, 'body')).toContain('Unsaved changes');
    expect(await page.evaluate(() => location.hash)).toBe('#scripts');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved.');
    expect(await textOf(page, '[data-testid="editor-status"]')).toBe('Saved.');
    // Saved: back to the list without a question.
    const onDialog = (dialog: { message(): string; accept(): Promise<void> }) => {
      asked.push(dialog.message());
      void dialog.accept();
    };
    page.on('dialog', onDialog);
    await clickButton(page, 'Back to the list');
    await waitForText(page, 'New script');
    expect(asked).toHaveLength(2);
    page.off('dialog', onDialog);
    expect(await textOf(page, '[data-testid="scripts"]')).toContain('3 phases');

    // A script a workshop uses cannot be deleted: the list says so at once, before any question
    // (it asked "Delete …?" and then refused).
    const listed = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      const scripts = (await api.runtime.sendMessage({ to: 'background', type: 'script/list' })) as { value: { script: { id: string; workshops: { phases: unknown[] }[] } }[] };
      const own = scripts.value.find((s) => s.script.workshops[0]?.phases.length === 3)!;
      const made = (await api.runtime.sendMessage({ to: 'background', type: 'workshop/from-script', scriptId: own.script.id, workshopIndex: 0 })) as { ok: boolean };
      return made.ok;
    });
    expect(listed).toBe(true);
    // Back to the list anew (as a user who made the workshop elsewhere comes back to it).
    await page.evaluate(() => (location.hash = 'library'));
    await page.waitForFunction(() => !document.querySelector('[data-testid="scripts"]'), { timeout: 5_000, polling: 100 });
    await page.evaluate(() => (location.hash = 'scripts'));
    await waitForText(page, '3 phases');
    const questions: string[] = [];
    const onQuestion = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onQuestion);
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="scripts"] button')].find((b) => b.textContent === 'Delete')!.click());
    await waitForText(page, 'A workshop on this device uses this script');
    expect(questions).toEqual([]);
    page.off('dialog', onQuestion);

    // A broken import: the error names the field and nothing is added.
    const input = await page.$('input[data-testid="script-import"]');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'vuoro-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'vuoro-script',
        schemaVersion: 1,
        id: 'x',
        title: 'Bad',
        description: '',
        lang: 'en',
        workshops: [{ id: 'w', title: 'W', goal: '', phases: [{ id: 'p', title: 'P', goal: '', durationSec: 'ten', facilitatorNotes: '', participantInstructions: '', promptCardIds: [], kind: 'plenary' }] }],
      }),
    );
    await input!.uploadFile(file);
    await waitForText(page, 'The script was not imported');
    expect(await textOf(page, '[data-testid="script-import-errors"]')).toContain('Workshop 1 › Phase 1 › Duration');
    await page.close();
  });
});
