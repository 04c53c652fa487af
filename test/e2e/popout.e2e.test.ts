import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer';
import { extensionPage, openFixture, panelFrame, useExtension, type ExtensionContext } from './harness/e2e';
import { askBackground, clickButton, sleep, textOf, waitForText } from './helpers/ui';

// Participants see the time: the pop-out timer window (Document Picture-in-Picture on top of it
// where the browser has it) follows the run, and "announce in chat" fills the meeting's chat box
// without sending it.

const POPOUT = 'src/ui/popout/popout.html';

/** A page showing `url`: Firefox's driver does not report extension pages' addresses, so each page is asked. */
async function findPage(ctx: ExtensionContext, url: string, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await ctx.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(url)) return page;
    }
    if (Date.now() > deadline) throw new Error(`no page at ${url}`);
    await sleep(200);
  }
}

const phaseTitle = (frame: Frame) => frame.$eval('#run-phase', (el) => (el.lastChild?.textContent ?? '').trim());
const fxCall = <T>(page: Page, hook: 'sent' | 'draft') => page.evaluate((h) => (window as unknown as { __fx: Record<string, () => unknown> }).__fx[h]!(), hook) as Promise<T>;

describe('participants see the time', () => {
  const extension = useExtension();

  it('pops out a timer that follows the run, and announces the phase in the chat box without sending it', async () => {
    const { ctx } = extension;
    const meeting = await openFixture(ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(meeting);
    await waitForText(panel, 'Phase 1/');
    await clickButton(panel, 'Start the workshop');
    await waitForText(panel, 'left in this phase');

    // The pop-out: an extension window of its own with the phase and the time left.
    await clickButton(panel, 'Pop out the timer');
    const popout = await findPage(ctx, `${ctx.extensionOrigin}/${POPOUT}`);
    // A second "pop out" brings that window forward rather than opening another.
    await clickButton(panel, 'Pop out the timer');
    await sleep(700);
    const hrefs = await Promise.all((await ctx.browser.pages()).map((page) => page.evaluate(() => location.href).catch(() => '')));
    expect(hrefs.filter((href) => href.startsWith(`${ctx.extensionOrigin}/${POPOUT}`))).toHaveLength(1);
    await popout.waitForSelector('[data-testid="timer-time"]');
    const first = await phaseTitle(panel);
    await waitForText(popout, first);
    expect(await textOf(popout, '[data-testid="timer"]')).toContain('Phase 1 of');
    expect(await textOf(popout, '[data-testid="timer-time"]')).toMatch(/^\d{1,2}:\d{2}$/);
    // What comes next, as the popup says it.
    expect(await textOf(popout, '[data-testid="timer-next"]')).toMatch(/^Next: .+/);

    // It follows a phase change made in the panel, and says so politely once.
    await clickButton(panel, 'Next phase');
    await waitForText(panel, 'Phase 2/');
    const second = await phaseTitle(panel);
    await popout.waitForFunction((t: string) => document.querySelector('#timer-phase')?.textContent?.trim() === t, { timeout: 10_000, polling: 100 }, second);
    await popout.waitForFunction(() => document.querySelector('[data-testid="timer-announcer"]')?.textContent?.startsWith('Now: Phase 2 of'), { timeout: 5_000, polling: 100 });
    const instructions = await textOf(popout, '[data-testid="timer-instructions"]');
    expect(instructions.length).toBeGreaterThan(0);
    expect(await popout.evaluate(() => document.body.innerText)).not.toContain('Ann Lee');

    // Where the browser has Document Picture-in-Picture (Chromium; Firefox from 15x ESR), "Keep on
    // top" moves the timer into a window above the others, whose document is the extension's;
    // without it, the window above is the pop-out.
    const hasPip = await popout.evaluate(() => 'documentPictureInPicture' in window);
    if (hasPip) {
      await popout.locator('button').filter((b) => (b.textContent ?? '').includes('Keep on top')).click();
      const pip = await popout
        .waitForFunction(
          () => {
            const w = (globalThis as unknown as { documentPictureInPicture: { window: Window | null } }).documentPictureInPicture.window;
            const phase = w?.document.querySelector('#timer-phase')?.textContent;
            return phase ? { phase: phase.trim(), origin: w!.origin, time: w!.document.querySelector('[data-testid="timer-time"]')?.textContent } : false;
          },
          { timeout: 5_000, polling: 100 },
        )
        .then((handle) => handle.jsonValue() as Promise<{ phase: string; origin: string; time: string }>);
      expect(pip.phase).toBe(second);
      expect(pip.time).toMatch(/^\d{1,2}:\d{2}$/);
      expect(pip.origin).toBe(ctx.extensionOrigin);
      await waitForText(popout, 'kept on top');
      // Closing the window on top brings the timer back into the pop-out window.
      await popout.evaluate(() => (globalThis as unknown as { documentPictureInPicture: { window: Window } }).documentPictureInPicture.window.close());
      await popout.waitForSelector('[data-testid="timer-time"]', { timeout: 5_000 });
    }

    // The window's own words follow the user's language as it changes.
    await askBackground(panel, { to: 'background', type: 'settings/set', lang: 'fi' });
    await popout.waitForFunction(() => document.title === 'Vuoron ajastin' && document.documentElement.lang === 'fi', { timeout: 5_000, polling: 100 });
    await askBackground(panel, { to: 'background', type: 'settings/set', lang: 'en' });
    await popout.waitForFunction(() => document.title === 'Vuoro timer', { timeout: 5_000, polling: 100 });
    await waitForText(panel, 'Next phase');

    // A browser without Document Picture-in-Picture gets the same timer in the pop-out window, and
    // no "Keep on top" it could not keep. (Chromium only: the Firefox driver's preload scripts do not
    // reach extension pages, and the page's code is the same in both.)
    if (ctx.kind === 'chromium') {
      const plain = await ctx.browser.newPage();
      await plain.evaluateOnNewDocument(() => delete (window as { documentPictureInPicture?: unknown }).documentPictureInPicture);
      await extensionPage(ctx, POPOUT, plain);
      await plain.waitForSelector('[data-testid="timer-time"]');
      expect(await plain.evaluate(() => 'documentPictureInPicture' in window)).toBe(false);
      expect(await textOf(plain, '#timer-phase')).toBe(second);
      expect(await plain.$$eval('button', (buttons) => buttons.length)).toBe(0);
      await plain.close();
    }

    // Announce: the Zoom chat box (in the client's frame) gets the phase, its end and the instructions; nothing is sent.
    await clickButton(panel, 'Announce in chat');
    await waitForText(panel, 'Check it, then press Enter');
    const draft = await fxCall<string>(meeting, 'draft');
    expect(draft).toMatch(new RegExp(`^Phase 2 of \\d+: ${second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(ends at \\d{2}:\\d{2}\\)\\n`));
    expect(draft.split('\n').slice(1).join('\n').replace(/\s+/g, ' ')).toBe(instructions.replace(/\s+/g, ' '));
    await sleep(300);
    expect(await fxCall<string[]>(meeting, 'sent')).toEqual([]);
    // The user sends it: the fixture records exactly that post.
    await meeting.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('#webclient')!;
      const box = frame.contentDocument!.querySelector<HTMLElement>('[contenteditable="true"]')!;
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(await fxCall<string[]>(meeting, 'sent')).toEqual([draft]);

    // Meet's textarea takes it too.
    const meet = await openFixture(ctx, 'https://meet.google.com/abc-defg-hij');
    const meetPanel = await panelFrame(meet);
    await waitForText(meetPanel, 'Phase 2/');
    await clickButton(meetPanel, 'Announce in chat');
    await waitForText(meetPanel, 'Check it, then press Enter');
    expect(await fxCall<string>(meet, 'draft')).toMatch(/^Phase 2 of \d+: .+ \(ends at /);
    expect(await fxCall<string[]>(meet, 'sent')).toEqual([]);

    // And Teams' CKEditor box.
    const teams = await openFixture(ctx, 'https://teams.microsoft.com/v2/');
    const teamsPanel = await panelFrame(teams);
    await waitForText(teamsPanel, 'Phase 2/');
    await clickButton(teamsPanel, 'Announce in chat');
    await waitForText(teamsPanel, 'Check it, then press Enter');
    expect(await fxCall<string>(teams, 'draft')).toMatch(/^Phase 2 of \d+: .+ \(ends at /);
    expect(await fxCall<string[]>(teams, 'sent')).toEqual([]);
    // The next phase: the status about phase 2's announcement goes (it stayed, and read as if phase 3
    // had been announced).
    await clickButton(teamsPanel, 'Next phase');
    await waitForText(teamsPanel, 'Phase 3/');
    expect(await textOf(teamsPanel, '[data-testid="announce-status"]')).toBe('');

    // A page without a chat box: the text goes to the clipboard (or is shown to copy), and the panel says so.
    const board = await openFixture(ctx, 'https://excalidraw.com/fixture');
    const boardPanel = await panelFrame(board);
    await waitForText(boardPanel, 'Phase 3/');
    await clickButton(boardPanel, 'Announce in chat');
    await waitForText(boardPanel, 'did not find the chat box');

    // The workshop ends: the pop-out says so, with no large "0:00" (it read as "time's up" on a shared screen).
    const active = await askBackground<{ value: { workshop: { id: string }; run: { events: unknown[] } } }>(boardPanel, { to: 'background', type: 'workshop/active' });
    const finished = await askBackground<{ ok: boolean }>(boardPanel, {
      to: 'background',
      type: 'run/event',
      workshopId: active.value.workshop.id,
      event: { type: 'finish', at: Date.now() },
      expectedCount: active.value.run.events.length,
    });
    expect(finished.ok).toBe(true);
    await waitForText(popout, 'The workshop has ended');
    expect(await popout.$('[data-testid="timer-time"]')).toBeNull();
    expect(await popout.$('.timer-progress')).toBeNull();
    await Promise.all([meeting.close(), meet.close(), teams.close(), board.close(), popout.close()]);
  });

  it('keeps a long Finnish phase title inside a small or zoomed pop-out window', async () => {
    // A Finnish facilitator's walk-through at 200 % zoom: "Kokeilusuunnitelmat" ran past the
    // window's edge (cut off, the window scrolling sideways) where participants read the timer.
    const { ctx } = extension;
    const options = await extensionPage(ctx, POPOUT);
    const frame = options.mainFrame();
    await askBackground(frame, { to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'fi', workshopIndex: 0 });
    const active = await askBackground<{ value: { script: { id: string; title: string; workshops: { phases: { title: string }[] }[] } } }>(frame, {
      to: 'background',
      type: 'workshop/active',
    });
    const script = structuredClone(active.value.script) as Record<string, unknown> & { workshops: { phases: { title: string }[] }[] };
    delete script.templateId;
    script.id = crypto.randomUUID();
    script.title = 'Kokeilujen suunnittelu';
    script.workshops[0]!.phases[0]!.title = 'Kokeilusuunnitelmat pienryhmissä';
    const saved = await askBackground<{ ok: boolean }>(frame, { to: 'background', type: 'script/save', script });
    expect(saved.ok).toBe(true);
    const made = await askBackground<{ ok: boolean }>(frame, { to: 'background', type: 'workshop/from-script', scriptId: script.id, workshopIndex: 0 });
    expect(made.ok).toBe(true);

    const popout = await extensionPage(ctx, POPOUT);
    // 420 px at 200 % zoom is 210 CSS px.
    await popout.setViewport({ width: 210, height: 200 });
    await popout.waitForFunction(() => document.querySelector('#timer-phase')?.textContent?.includes('Kokeilusuunnitelmat'), { timeout: 10_000, polling: 100 });
    const fit = await popout.evaluate(() => {
      const phase = document.querySelector('#timer-phase') as HTMLElement;
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, phase: phase.scrollWidth - phase.clientWidth };
    });
    expect(fit).toEqual({ page: 0, phase: 0 });
    await popout.close();
    await options.close();
  });
});
