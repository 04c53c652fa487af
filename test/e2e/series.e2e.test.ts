import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { browserKind, extensionPage, openFixture, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { eventually, freshWorkshop, fx, panelShowsWorkshop } from './helpers/live';
import { askBackground, clickButton, openTab, sleep, submitForm, textOf, typeInto, waitForText } from './helpers/ui';
import { unzip } from '../unit/summary/unzip';

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

  /** The extension page opened after `before` whose address contains `part`. */
  async function newPage(before: Set<Page>, part: string): Promise<Page> {
    for (let i = 0; i < 75; i++) {
      for (const candidate of await extension.ctx.browser.pages()) {
        if (before.has(candidate)) continue;
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href.includes(part)) return candidate;
      }
      await sleep(200);
    }
    throw new Error(`no page ${part} opened`);
  }

  /** Clicks each format's download button and returns the files' bytes (the download itself is kept in the page). */
  async function downloads(page: Page, formats: string[]): Promise<Record<string, Buffer>> {
    await page.evaluate(() => {
      const w = window as unknown as { __files: { name: string; blob: Blob }[] };
      w.__files = [];
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
    const out: Record<string, Buffer> = {};
    for (const [i, format] of formats.entries()) {
      await page.evaluate((f: string) => (document.querySelector(`button[data-format="${f}"]`) as HTMLButtonElement).click(), format);
      await page.waitForFunction((n: number) => (window as unknown as { __files: unknown[] }).__files.length > n, { timeout: 20_000, polling: 100 }, i);
      const base64 = await page.evaluate(async (n: number) => {
        const bytes = new Uint8Array(await (window as unknown as { __files: { blob: Blob }[] }).__files[n]!.blob.arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return btoa(binary);
      }, i);
      out[format] = Buffer.from(base64, 'base64');
    }
    return out;
  }

  it('runs the series: the map from captures, the intermediate task with mixed groups, votes from chat and taps, experiments, evaluations, the series summary in every format', async ({ task }) => {
    // The first try runs on the workshop the install made, as a new user's does. A retry (CI) starts
    // from an empty store: a new workshop alone would not do, as it joins the template's series,
    // whose map still counts the first try's captures (a retry failed on "near future 2" for 1, twice).
    if (task.result?.retryCount) {
      // The first try's meeting tab goes too: its chat would reach the new workshop's votes.
      for (const open of await extension.ctx.browser.pages()) if (open.url().includes('app.zoom.us')) await open.close();
      const options = await extensionPage(extension.ctx, optionsPagePath(extension.ctx));
      expect((await askBackground<{ ok: boolean }>(options.mainFrame(), { to: 'background', type: 'data/erase-all' })).ok).toBe(true);
      await options.close();
    }
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    // (An erased store makes no default workshop: the retry starts the same template itself.)
    const panel = task.result?.retryCount ? await freshWorkshop(page) : await panelFrame(page);
    await setLang(panel, 'en');
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Capture');

    // Alt+2 while typing puts the note in "content and purpose, near future".
    await typeInto(panel, '[data-testid="capture-input"]', 'Customers book online');
    await page.keyboard.down('Alt');
    await page.keyboard.press('Digit2');
    await page.keyboard.up('Alt');
    expect(await panel.$eval('[data-testid="capture-map-field"]', (s) => (s as HTMLSelectElement).value)).toBe('content-future');
    // …and says so in the status a screen reader reads (it changed silently).
    expect(await textOf(panel, '[data-testid="capture-status"]')).toBe('Development map field: Content and purpose · Near future');
    await submitForm(panel, '[data-testid="capture-input"]');
    await panel.waitForFunction(() => document.querySelector('[data-testid="capture-list"]')?.textContent?.includes('Customers book online'), { polling: 100 });
    // The field menu does the same by pointer, and the choice stays for the next note.
    await panel.select('[data-testid="capture-map-field"]', 'content-now');
    await capture(panel, 'Paper forms <b>and</b> phone calls');
    await panel.select('[data-testid="capture-map-field"]', '');
    await capture(panel, 'Weekly huddle across teams');

    await openTab(panel, 'Series');
    // Dated today and not started: "today", not "held" (found in a Finnish walk-through).
    await part(panel, 'overview');
    await panel.waitForSelector('[data-testid="series-steps"] li');
    expect(await panel.$eval('[data-testid="series-steps"] li', (li) => li.textContent)).toMatch(/^Workshop 1: .* today, \S/);
    // Workshops and the steps between them carry no list numbers (workshop 2 read "3.").
    expect(await panel.$eval('[data-testid="series-steps"]', (el) => getComputedStyle(el).listStyleType)).toBe('none');
    // The map's counts read as sentences (labels and counts were all joined with "·", found in a Finnish walk-through).
    await eventually(
      () => panel.$eval('[data-testid="series-map-counts"]', (p) => (p as HTMLElement).innerText),
      (text) => text === 'Development map. Content and purpose: now 1, near future 1. Ways of working: now 0, near future 0.',
      'the map counts',
    );
    await part(panel, 'map');
    await waitInCell(panel, 'content-future', 'Customers book online');
    await waitInCell(panel, 'content-now', 'Paper forms <b>and</b> phone calls');
    expect(await panel.evaluate(() => document.querySelectorAll('[data-testid="map-grid"] b').length)).toBe(0);
    // One keystroke places a note not yet on the map, and one moves a note to another field.
    await pressOnNote(panel, page, 'Weekly huddle across teams', '3');
    await waitInCell(panel, 'ways-now', 'Weekly huddle across teams');
    await pressOnNote(panel, page, 'Paper forms', '4');
    await waitInCell(panel, 'ways-future', 'Paper forms');
    expect(await cellText(panel, 'content-now')).not.toContain('Paper forms');
    // Focus follows the note to its new field, so the next key moves it again (it fell to the body,
    // found in a keyboard walk-through); a screen reader names it by its text.
    const focusedNote = () =>
      panel.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { name: el.getAttribute('aria-label'), field: (el.closest('[data-field]') as HTMLElement | null)?.dataset.field };
      });
    await eventually(focusedNote, (f) => f.field === 'ways-future', 'focus on the moved note');
    expect((await focusedNote()).name).toBe('Paper forms <b>and</b> phone calls');
    await page.keyboard.press('2');
    await waitInCell(panel, 'content-future', 'Paper forms');
    await eventually(focusedNote, (f) => f.field === 'content-future', 'focus on the note moved again');
    await page.keyboard.press('4');
    await waitInCell(panel, 'ways-future', 'Paper forms');
    // The grid's header row starts with the corner cell, so each column header stands over its column.
    expect(await panel.$$eval('[data-testid="map-grid"] [role="row"]', (rows) => rows.map((r) => r.children.length))).toEqual([3, 3, 3]);
    await shot(page, 'map-en');

    await setLang(panel, 'fi');
    await waitForText(panel, 'Kehityskartta');
    await waitForText(panel, 'Lähitulevaisuus');
    await shot(page, 'map-fi');
    await setLang(panel, 'en');

    // Intermediate task: composed from the map; organisations tagged; mixed pairs of the participants
    // in the call: not you (the host, a facilitator) and not Cy, who left (both were grouped, found
    // in a Finnish walk-through).
    for (const name of ['Dee Ek', 'Eve Fox', 'Fay Gil']) await fx(page, 'join', name);
    await part(panel, 'task');
    // Polled with what it last read, so a failure says what the task said instead.
    await eventually(
      () => panel.evaluate(() => ({ lang: document.documentElement.lang, task: (document.querySelector('[data-testid="task-text"]') as HTMLTextAreaElement | null)?.value ?? null })),
      (seen) => seen.task?.includes('Content and purpose of the work in the near future: Customers book online') === true,
      'the task composed from the map',
      30_000,
    );
    await waitForText(panel, 'Fay Gil');
    await fx(page, 'leave', 'Cy Diaz');
    const orgs: Record<string, string> = { 'Bo Kim': 'City', 'Dee Ek': 'Firm', 'Eve Fox': 'City', 'Fay Gil': 'Firm' };
    for (const [name, org] of Object.entries(orgs)) await setField(panel, `input[aria-label="Organisation of ${name}"]`, org);
    await panel.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>('[data-testid="org-list"] input')].filter((i) => i.value).length === 4, { polling: 100 });
    const orgRow = (name: string) => panel.$$eval('[data-testid="org-list"] li', (lis, n) => lis.map((li) => (li as HTMLElement).innerText).find((text) => text.startsWith(n as string)) ?? '', name);
    expect(await orgRow('Ann Lee')).toContain('facilitator');
    await eventually(() => orgRow('Cy Diaz'), (row) => row === '' || row.includes('left the call'), 'Cy marked as having left');
    await clickButton(panel, 'Form mixed groups');
    await panel.waitForSelector('[data-testid="group-list"]');
    const groupLines = (await panel.$eval('[data-testid="group-list"]', (t) => (t as HTMLTextAreaElement).value)).split('\n');
    expect(groupLines).toHaveLength(2);
    expect(groupLines.join()).not.toMatch(/Ann Lee|Cy Diaz/u);
    for (const line of groupLines) {
      // Pairs are named pairs, as the method and the script say (they read "Group 1", found in a Finnish walk-through).
      expect(line).toMatch(/^Pair \d: /u);
      const names = line.replace(/^Pair \d: /u, '').split(', ');
      expect(names.map((n) => orgs[n]).sort(), line).toEqual(['City', 'Firm']);
    }
    await clickButton(panel, 'Copy the task');
    await panel.waitForFunction(() => (document.querySelector('[data-testid="task-text"]') as HTMLTextAreaElement).value.includes('Pair 2: '), { polling: 100 });
    await shot(page, 'task-en');
    // Workshop 1's own summary gives the task as composed here, as the series summary does.
    const first = await askBackground<{ value: { workshop: { id: string } } }>(panel, { to: 'background', type: 'workshop/active' });
    await eventually(
      () => askBackground<{ value: { seriesIntermediateTask?: string } }>(panel, { to: 'background', type: 'workshop/contents', workshopId: first.value.workshop.id }),
      (reply) => reply.value.seriesIntermediateTask?.includes('Pair 2: ') === true,
      'the composed task in workshop 1’s contents',
      5000,
    );

    // Workshop 2: experiments voted on by taps and from the chat, then given owners and dates.
    await nextWorkshop(panel, 1);
    await openTab(panel, 'Capture');
    await panel.select('select[aria-label="Kind"]', 'experiment');
    for (const text of ['Shared booking calendar', 'Pair visits across organisations', 'Monthly customer panel']) await capture(panel, text);
    await openTab(panel, 'Series');
    await panel.waitForSelector('[data-testid="vote-list"] li');
    await setField(panel, '[data-testid="vote-budget"]', '2');
    await clickButton(panel, 'One more vote for number 1');
    await clickButton(panel, 'Open the chat vote');
    await panel.waitForFunction(() => document.body.innerText.includes('2 dots each'), { polling: 100 });
    await fx(page, 'chat', 'Ann Lee', '#2');
    await fx(page, 'chat', 'Bo Kim', '2, 3, 3');
    await fx(page, 'chat', 'Cy Diaz', 'I like 3 best');
    await panel.waitForFunction(() => document.querySelector('[data-testid="vote-tally"]')?.textContent?.includes('2 vote lines from 2 voters; 1 dot not counted'), { timeout: 10_000, polling: 100 });
    // A line that looks like a vote but is not understood is named, to be asked again (it was dropped
    // without a word, found in a Finnish walk-through).
    expect(await panel.$eval('[data-testid="vote-unclear"]', (p) => p.textContent)).toBe('1 line not understood: Cy Diaz. Ask for the numbers again, as “2, 5”.');
    await clickButton(panel, 'Add to the votes');
    await panel.waitForFunction(
      () => (document.querySelector('[data-testid="vote-result"]') as HTMLElement | null)?.innerText.replace(/\s+/gu, ' ').includes('1. #2 Pair visits across organisations — 2 votes 2. #1 Shared booking calendar — 1 vote 2. #3 Monthly customer panel — 1 vote'),
      { timeout: 10_000, polling: 100 },
    );
    // The ranks are the text's own: the list draws no second number in front of them (it read
    // "1. 1. #2 …" and "2. 1. #3 …", found in an English walk-through).
    expect(await panel.$eval('[data-testid="vote-result"]', (el) => getComputedStyle(el).listStyleType)).toBe('none');
    await shot(page, 'vote-en');
    await part(panel, 'experiments');
    // Only the experiments chosen to try carry on (all of them read "planned" and went on to the
    // evaluation, found in a Finnish walk-through). Not yet chosen: proposals, unticked.
    const chosenBoxes = () => panel.$$eval('[data-testid="experiment-chosen"]', (boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
    const badgeOf = (n: number) => panel.$eval(`[data-testid="experiment"]:nth-child(${n}) .badge`, (b) => b.textContent);
    await panel.waitForSelector('[data-testid="experiment-chosen"]');
    expect(await chosenBoxes()).toEqual([false, false, false]);
    expect(await badgeOf(2)).toBe('proposal');
    // The tick has its name, and a keyboard user ticks it with Space.
    expect(await panel.$eval('[data-testid="experiment"]:nth-child(1) [data-testid="experiment-chosen"]', (b) => (b.closest('label') as HTMLElement).innerText.trim())).toBe('Chosen to try');
    await panel.focus('[data-testid="experiment"]:nth-child(1) [data-testid="experiment-chosen"]');
    await page.keyboard.press(' ');
    // Each tick is seen drawn before the next, as a facilitator sees it (the second tick, clicked
    // at once, was not drawn within 10 s once in three Firefox ESR runs beside a Chromium e2e run;
    // these waits say what the list showed instead).
    const ticks = () =>
      panel.$$eval('[data-testid="experiment"]', (items) => items.map((li) => `${(li.querySelector('[data-testid="experiment-chosen"]') as HTMLInputElement).checked ? 'ticked' : 'unticked'} ${li.querySelector('.badge')?.textContent}`));
    await eventually(ticks, (shown) => shown[0] === 'ticked planned', 'the first experiment ticked by Space');
    await panel.click('[data-testid="experiment"]:nth-child(3) [data-testid="experiment-chosen"]');
    await eventually(ticks, (shown) => shown[2] === 'ticked planned', 'the third experiment ticked by a click');
    await panel.click('[data-testid="experiment"]:nth-child(3) [data-testid="experiment-chosen"]');
    await eventually(ticks, (shown) => shown[2] === 'unticked not chosen', 'the third experiment unticked by a click');
    expect(await chosenBoxes()).toEqual([true, false, false]);
    // A plan makes an experiment chosen until it is unticked.
    await setField(panel, '[data-testid="experiment"]:nth-child(2) label:nth-child(1) input', 'Aino');
    // An end before the start is said at once (it was taken silently, found in an English walk-through).
    await setField(panel, '[data-testid="experiment"]:nth-child(2) input[type="date"]', '2026-01-12');
    await setField(panel, '[data-testid="experiment"]:nth-child(2) label:nth-child(3) input[type="date"]', '2026-01-05');
    await waitForText(panel, 'The experiment ends before it starts: check the dates.');
    await setField(panel, '[data-testid="experiment"]:nth-child(2) label:nth-child(3) input[type="date"]', '');
    await panel.waitForFunction(() => !document.querySelector('[data-testid="experiment-dates"]'), { timeout: 10_000, polling: 100 });
    await setField(panel, '[data-testid="experiment"]:nth-child(2) textarea', 'Two teams visit customers in pairs');
    await panel.waitForFunction(() => document.querySelector('[data-testid="experiment"]:nth-child(2)')?.textContent?.includes('running'), { timeout: 10_000, polling: 100 });
    expect(await chosenBoxes()).toEqual([true, true, false]);
    await setLang(panel, 'fi');
    await waitForText(panel, 'Valittu kokeiltavaksi');
    await shot(page, 'experiments-fi');
    await setLang(panel, 'en');
    await waitForText(panel, 'Chosen to try');

    // Workshop 3: the evaluation frame for the chosen experiment and of the process.
    await nextWorkshop(panel, 2);
    await openTab(panel, 'Series');
    await panel.waitForSelector('[data-testid="eval-entry"]');
    // The chosen to evaluate, most votes first; the one not chosen folded away, still there to evaluate.
    const evaluationList = () =>
      panel.$$eval('[data-testid="eval-entry"]', (entries) => entries.map((e) => `${e.closest('[data-testid="eval-not-chosen"]') ? 'folded ' : ''}${e.querySelector('summary')!.textContent}`));
    expect(await evaluationList()).toEqual(['#2 Pair visits across organisations', '#1 Shared booking calendar', 'folded #3 Monthly customer panel']);
    expect(await panel.$eval('[data-testid="eval-not-chosen"]', (d) => [(d as HTMLDetailsElement).open, d.querySelector('summary')!.textContent])).toEqual([false, 'Not chosen (1)']);
    await clickButton(panel, 'Employees’ view: 4/5');
    await setField(panel, 'textarea[aria-label="Employees’ view: Notes"]', 'Less phoning around');
    await clickButton(panel, 'Customers’ view: 3/5');
    await clickButton(panel, 'Spread');
    await panel.waitForFunction(() => document.querySelector('[data-testid="eval-entry"] summary')?.textContent?.includes('Spread'), { timeout: 10_000, polling: 100 });
    // The space before the badge is the title's, not inside the badge (it touched the title's last word).
    expect(await panel.$eval('[data-testid="eval-entry"] summary .badge', (b) => b.textContent)).toBe('Spread');
    await panel.$eval('[data-testid="eval-process"]', (d) => ((d as HTMLDetailsElement).open = true));
    await clickButton(panel, 'Rating (1–5): 5/5');
    await setField(panel, '[data-testid="eval-process"] textarea', 'Mixed pairs across organisations');
    await shot(page, 'evaluation-en');
    await setLang(panel, 'fi');
    await waitForText(panel, 'Työntekijöiden näkökulma');
    await panel.$eval('[data-testid="eval-not-chosen"]', (d) => ((d as HTMLDetailsElement).open = true));
    await waitForText(panel, 'Ei valittu (1)');
    await shot(page, 'evaluation-fi');
    await part(panel, 'overview');
    await waitForText(panel, 'Työpajojen välissä 2 valittua kokeilua, 1 muu ehdotus');
    await part(panel, 'vote');
    await waitForText(panel, 'Pisteitä osallistujaa kohden');
    await shot(page, 'vote-fi');
    await setLang(panel, 'en');

    // The series summary in every format.
    await part(panel, 'overview');
    await waitForText(panel, 'Pair visits across organisations');
    await waitForText(panel, '2 experiments chosen, 1 other proposal between the workshops');
    const before = new Set(await extension.ctx.browser.pages());
    await clickButton(panel, 'Series summary');
    const summary = await newPage(before, 'summary.html#series=');
    await summary.waitForFunction(() => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText.includes('Development map'), { timeout: 15_000, polling: 200 });
    const files = await downloads(summary, ['md', 'html', 'docx', 'csv', 'json']);
    const md = files.md!.toString('utf8');
    expect(md).toContain('## Workshops of the series');
    expect(md).toMatch(/\| Ways of working \| Weekly huddle across teams \| Paper forms .*and.* phone calls \|/u);
    expect(md).toContain('| 1 | #2 Pair visits across organisations | 2 |');
    expect(md).toContain('**Employees’ view:** 4/5 – Less phoning around');
    expect(md).toContain('## Intermediate task');
    expect(md).toContain('First, on your own');
    // The pairs and groups are names: only with "Participants' names" ticked (found in a Finnish walk-through).
    expect(md).not.toMatch(/Pair 1: |Pairs and groups:|Bo Kim/u);
    expect(md).toContain('**Rating (1–5):** 5/5');
    const html = files.html!.toString('utf8');
    expect(html).toMatch(/<table class="map">[\s\S]*Paper forms &lt;b&gt;and&lt;\/b&gt; phone calls[\s\S]*<\/table>/u);
    expect(html).toContain('<table class="vote">');
    const word = unzip(new Uint8Array(files.docx!)).get('word/document.xml')!.toString('utf8');
    expect(word).toContain('Customers book online');
    expect(word).toContain('Less phoning around');
    expect(word.match(/<w:tbl>/gu)?.length).toBeGreaterThanOrEqual(2);
    const csv = files.csv!.toString('utf8');
    expect(csv).toContain(';Map field;Starts;Ends;What will be tried;');
    expect(csv).toMatch(/Pair visits across organisations;.*;Aino;.*;2026-01-12;;Two teams visit customers in pairs;4\/5 – Less phoning around;3\/5;;Spread/u);
    const json = JSON.parse(files.json!.toString('utf8')) as { workshop: { series: { processEvaluation: { score: number } } }; captures: { text: string; mapField?: string }[] };
    expect(json.workshop.series.processEvaluation.score).toBe(5);
    expect(json.captures.find((c) => c.text === 'Customers book online')?.mapField).toBe('content-future');
    await summary.click('[data-testid="summary-names"]');
    await summary.waitForFunction(() => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText.includes('Bo Kim'), { timeout: 10_000, polling: 200 });
    expect((await downloads(summary, ['md'])).md!.toString('utf8')).toMatch(/Pair [12]: .*Bo Kim/u);
    await summary.close();

    // A workshop's summary links to its series' summary.
    const own = await askBackground<{ value: { workshop: { id: string } } }>(panel, { to: 'background', type: 'workshop/active' });
    const workshopSummary = await extensionPage(extension.ctx, `src/ui/summary/summary.html#${own.value.workshop.id}`);
    await workshopSummary.waitForSelector('[data-testid="series-link"]', { timeout: 10_000 });
    expect(await workshopSummary.$eval('[data-testid="series-link"]', (a) => [(a as HTMLAnchorElement).textContent, (a as HTMLAnchorElement).getAttribute('href')])).toEqual([
      'Workshop 3 of 3: open the summary of the whole series',
      `summary.html#series=${own.value.workshop.id}`,
    ]);
    await workshopSummary.close();

    // The options page shows the series as the panel does.
    const options = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await options.waitForFunction(() => (document.querySelector('[data-testid="series-list"]') as HTMLElement | null)?.innerText.includes('Pair visits across organisations'), { timeout: 10_000, polling: 100 });
    const seriesText = await options.$eval('[data-testid="series-list"]', (el) => (el as HTMLElement).innerText);
    expect(seriesText).toContain('Workshop 3: Evaluating the experiments and next steps');
    expect(seriesText).toContain('evaluated');
    expect(seriesText).toContain('Intermediate task: composed');
    await options.close();
    await page.close();
  });

  // Found in an English walk-through: notes typed at a person's pace into the evaluation were
  // stored as their last word ("Employees liked it" → "it"): the view drew again on the first
  // field's save and put the stored value back into the field being typed in.
  it('keeps everything typed into the evaluation, field after field', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await panelFrame(page);
    await setLang(panel, 'en');
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Series');
    await part(panel, 'evaluation');
    await panel.waitForSelector('[data-testid="eval-process"]');
    await panel.$eval('[data-testid="eval-process"]', (d) => ((d as HTMLDetailsElement).open = true));
    const [worked, improve] = await panel.$$('[data-testid="eval-process"] textarea');
    // The series test before this one left notes here: each field is emptied first, as a user would.
    const retype = async (field: typeof worked, text: string) => {
      await field!.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text, { delay: 40 });
    };
    await retype(worked, 'Mixed pairs across the city and the firm');
    await retype(improve, 'More time for the intermediate task'); // leaving the first field saves it while the second is typed in
    await part(panel, 'overview'); // leaving the second saves it
    const active = await askBackground<{ value: { workshop: { id: string } } }>(panel, { to: 'background', type: 'workshop/active' });
    const stored = await eventually(
      () => askBackground<{ value: { series: { processEvaluation?: { worked?: string; improve?: string } } } }>(panel, { to: 'background', type: 'series/contents', workshopId: active.value.workshop.id }),
      (reply) => reply.value.series.processEvaluation?.improve !== undefined,
      'both notes stored',
      5000,
    );
    expect(stored.value.series.processEvaluation).toMatchObject({ worked: 'Mixed pairs across the city and the firm', improve: 'More time for the intermediate task' });
    await part(panel, 'evaluation');
    await panel.waitForSelector('[data-testid="eval-process"] textarea');
    expect(await panel.$$eval('[data-testid="eval-process"] textarea', (ts) => ts.map((t) => (t as HTMLTextAreaElement).value))).toEqual([
      'Mixed pairs across the city and the firm',
      'More time for the intermediate task',
    ]);
    await page.close();
  });

  // Found in review: the place buttons of a note not yet on the map dropped focus to the body (only
  // the keys 1–4 kept it); now focus goes to the next note to place, as with the keys.
  it('a place button of a note not yet on the map moves focus to the next note to place', async () => {
    const page = await openFixture(extension.ctx, 'https://app.zoom.us/wc/123/join');
    const panel = await freshWorkshop(page);
    await openTab(panel, 'Capture');
    await capture(panel, 'First unplaced note');
    await capture(panel, 'Second unplaced note');
    await openTab(panel, 'Series');
    await part(panel, 'map');
    await panel.waitForSelector('[data-testid="map-unplaced-item"] button');
    await panel.evaluate(() => {
      const item = [...document.querySelectorAll<HTMLElement>('[data-testid="map-unplaced-item"]')].find((el) => el.innerText.includes('First unplaced note'))!;
      item.querySelector('button')!.focus();
    });
    await page.keyboard.press('Enter');
    await waitInCell(panel, 'content-now', 'First unplaced note');
    await eventually(
      () => panel.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName),
      (name) => name === 'Second unplaced note',
      'focus on the next note to place',
    );
    await page.close();
  });
});

async function part(frame: Frame, id: string) {
  await frame.click(`[data-testid="series-part-${id}"]`);
}

/** Sets a field as a user does: the value, then input and change events. */
async function setField(frame: Frame, selector: string, value: string) {
  await frame.waitForSelector(selector);
  await frame.evaluate(
    (s: string, v: string) => {
      const el = document.querySelector(s) as HTMLInputElement;
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    value,
  );
}

/** The next workshop of the same series made active, as the Start view does; the panel follows it. */
async function nextWorkshop(frame: Frame, workshopIndex: number) {
  const active = await askBackground<{ value: { script: { id: string } } }>(frame, { to: 'background', type: 'workshop/active' });
  const reply = await askBackground<{ ok: boolean; value: { workshop: { id: string } } }>(frame, { to: 'background', type: 'workshop/from-script', scriptId: active.value.script.id, workshopIndex });
  expect(reply.ok).toBe(true);
  // The open panel follows, as when the next workshop is started from its Start view.
  await panelShowsWorkshop(frame, reply.value.workshop.id);
}
