import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { panelFrame, useExtension } from './harness/e2e';
import { capabilityRows, captureTexts, chatLines, eventually, freshWorkshop, fx, handNames, injectedElements, peopleNames, pwned , pagesPerTest } from './helpers/live';
import { clickButton, openTab, typeInto, waitForText } from './helpers/ui';

// Site adapters seen from the panel: what each meeting client and whiteboard lets Vuoro read, said
// as live or manual with the reason, and the names, hands, chat lines and board notes that reach
// the panel as plain text.

const ZOOM = 'https://app.zoom.us/wc/123/join';
const TEAMS = 'https://teams.microsoft.com/v2/';
const MEET = 'https://meet.google.com/abc-defg-hij';

interface MeetingCase {
  site: string;
  url: string;
  names: string[];
  /** Has a hand up in the fixture's markup. */
  raisedAtLoad: string;
  /** Raised by the test, in this order. */
  raise: [string, string];
  chatAuthor: string;
  /** A chat line already on the page when it loads, as the panel lists it. */
  chatAtLoad: string;
}

const MEETINGS: MeetingCase[] = [
  { site: 'Zoom', url: ZOOM, names: ['Ann Lee', 'Bo Kim', 'Cy Diaz'], raisedAtLoad: 'Bo Kim', raise: ['Cy Diaz', 'Ann Lee'], chatAuthor: 'Cy Diaz', chatAtLoad: 'Bo Kim: hi all' },
  { site: 'Teams', url: TEAMS, names: ['Alice Ng', 'Bob Chen', 'Cara Diaz'], raisedAtLoad: 'Bob Chen', raise: ['Cara Diaz', 'Alice Ng'], chatAuthor: 'Cara Diaz', chatAtLoad: 'Bob Chen: Question?' },
  { site: 'Meet', url: MEET, names: ['Ann Lee', 'Bo Kim', 'Cy Diaz'], raisedAtLoad: 'Bo Kim', raise: ['Cy Diaz', 'Ann Lee'], chatAuthor: 'Cy Diaz', chatAtLoad: 'Bo Kim: Hello' },
];

/** The panel on a new workshop (so only this page's people are listed), showing its Turns tab. */
async function turnsOf(page: Page): Promise<Frame> {
  const frame = await freshWorkshop(page);
  await openTab(frame, 'Turns');
  await frame.waitForSelector('.status-list li[data-cap]');
  return frame;
}

const badges = async (frame: Frame) => {
  const rows = await capabilityRows(frame);
  return Object.fromEntries(Object.entries(rows).map(([cap, row]) => [cap, row.badge]));
};

describe('site adapters in the panel', () => {
  const extension = useExtension();
  const { visit } = pagesPerTest(extension);

  // Real clients send a Content-Security-Policy. The page's policy binds the page, not the site
  // script's world nor the extension's frame: under one that allows only the page's own scripts,
  // frames and connections, the panel still comes and reads the page.
  it("runs the panel and reads the page under the page's strict Content-Security-Policy", async () => {
    const page = await visit('https://app.zoom.us/wc/123/csp');
    // The policy is in force: the page may not connect to another origin.
    const probe = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          document.addEventListener('securitypolicyviolation', () => done('refused by the policy'), { once: true });
          fetch('https://meet.google.com/csp-probe').then(() => done('allowed'), () => undefined);
          setTimeout(() => done('no answer'), 3_000);
        }),
    );
    expect(probe).toBe('refused by the policy');
    const frame = await turnsOf(page);
    const names = await eventually(() => peopleNames(frame), (n) => MEETINGS[0]!.names.every((x) => n.includes(x)), 'participants');
    expect([...names].sort()).toEqual([...MEETINGS[0]!.names].sort());
  });

  describe.each(MEETINGS)('$site', (meeting) => {
    it('lists the participants, reads every signal live, and keeps the hand queue in order', async () => {
      const page = await visit(meeting.url);
      const frame = await turnsOf(page);
      const names = await eventually(() => peopleNames(frame), (n) => meeting.names.every((x) => n.includes(x)), 'participants');
      expect([...names].sort()).toEqual([...meeting.names].sort());
      // Your own speech: Teams shows nothing for your own tile, so it is manual there ("I am talking").
      const own = meeting.site === 'Teams' ? 'manual' : 'live';
      expect(await eventually(() => badges(frame), (b) => b.participants === 'live' && b.activeSpeaker === 'live' && b.raisedHands === 'live' && b.ownSpeech === own, 'badges')).toEqual({
        participants: 'live',
        activeSpeaker: 'live',
        ownSpeech: own,
        raisedHands: 'live',
      });
      expect(await eventually(() => handNames(frame), (h) => h.length === 1, 'hands at load')).toEqual([meeting.raisedAtLoad]);

      await fx(page, 'raise', meeting.raise[0]);
      await eventually(() => handNames(frame), (h) => h.length === 2, 'second hand');
      await fx(page, 'raise', meeting.raise[1]);
      expect(await eventually(() => handNames(frame), (h) => h.length === 3, 'third hand')).toEqual([meeting.raisedAtLoad, ...meeting.raise]);
      // The tab tells how many hands wait.
      expect(await frame.$eval('#tab-turns .tab-count', (el) => el.textContent)).toBe('3');

      // A hand lowered in the meeting leaves the queue; the others keep their order.
      await fx(page, 'lower', meeting.raise[0]);
      expect(await eventually(() => handNames(frame), (h) => h.length === 2, 'lowered hand')).toEqual([meeting.raisedAtLoad, meeting.raise[1]]);
    });

    it('shows new chat lines once each, even after the client re-renders its chat', async () => {
      const page = await visit(meeting.url);
      const frame = await panelFrame(page);
      await waitForText(frame, 'Phase 1/');
      await openTab(frame, 'Capture');
      await frame.waitForSelector('.capture-chat');
      await frame.$eval('.capture-chat', (d) => ((d as HTMLDetailsElement).open = true));
      // Lines sent before the panel was there are listed too (issue 12.15).
      await eventually(() => chatLines(frame), (l) => l.includes(meeting.chatAtLoad), 'chat already on the page');
      const stamp = Date.now().toString(36);
      await fx(page, 'chat', meeting.chatAuthor, `first ${stamp}`);
      await fx(page, 'chat', meeting.chatAuthor, `second ${stamp}`);
      await eventually(() => chatLines(frame), (l) => l.some((x) => x.includes(`second ${stamp}`)), 'chat lines');
      await fx(page, 'rerenderChat');
      await fx(page, 'chat', meeting.chatAuthor, `third ${stamp}`);
      const lines = await eventually(() => chatLines(frame), (l) => l.some((x) => x.includes(`third ${stamp}`)), 'chat after re-render');
      const mine = lines.filter((l) => l.includes(stamp));
      // Newest first; the author carried over to follow-up messages that show no sender.
      expect(mine).toEqual([`${meeting.chatAuthor}: third ${stamp}`, `${meeting.chatAuthor}: second ${stamp}`, `${meeting.chatAuthor}: first ${stamp}`]);
      expect(new Set(lines).size).toBe(lines.length);
      expect(await frame.$eval('.capture-chat summary', (s) => s.textContent)).toBe(`Chat (${lines.length})`);

      // A chat line becomes a capture with one tap.
      await clickButton(frame, `Capture the message from ${meeting.chatAuthor}`);
      expect(await eventually(() => captureTexts(frame), (c) => c.includes(`third ${stamp}`), 'chat capture')).toContain(`third ${stamp}`);
    });
  });

  it.each([
    ['Zoom', 'https://app.zoom.us/wc/123/panel-closed'],
    ['Teams', 'https://teams.microsoft.com/panel-closed'],
    ['Meet', 'https://meet.google.com/panel-closed'],
  ])('%s with the People panel closed asks for it, and reads hands once it is open', async (site, url) => {
    const page = await visit(url);
    const frame = await turnsOf(page);
    const rows = await eventually(() => capabilityRows(frame), (r) => r.raisedHands?.state === 'needs-user', 'needs the People panel');
    expect(rows.raisedHands).toMatchObject({ badge: 'manual', why: "Open the meeting's People/Participants panel." });
    expect(rows.participants).toMatchObject({ badge: 'manual', why: "Open the meeting's People/Participants panel." });
    await waitForText(frame, 'Manual mode: use the hand button next to a name');
    if (site !== 'Zoom') {
      // Teams and Meet still show who is on the stage.
      expect((await peopleNames(frame)).length).toBeGreaterThan(0);
    }
    await fx(page, 'openPanel');
    const opened = await eventually(() => capabilityRows(frame), (r) => r.raisedHands?.badge === 'live' && r.participants?.badge === 'live', 'panel opened');
    expect(opened.raisedHands!.why).toBe('');
    expect((await peopleNames(frame)).length).toBe(3);
  });

  it.each([
    // Zoom has German hand phrases but no German role words: the roster is read without roles.
    ['Zoom', 'https://app.zoom.us/wc/123/de', 'participants', "The page's language is not one Vuoro reads yet: use manual mode."],
    ['Teams', 'https://teams.microsoft.com/de', 'raisedHands', "The page's language is not one Vuoro reads yet: use manual mode."],
    ['Meet', 'https://meet.google.com/de', 'participants', "The page's language is not one Vuoro reads yet: use manual mode."],
  ])('%s in German falls back to manual mode and says why', async (_site, url, cap, why) => {
    const page = await visit(url);
    const frame = await turnsOf(page);
    const rows = await eventually(() => capabilityRows(frame), (r) => r[cap]?.state === 'degraded', `${cap} degraded`);
    expect(rows[cap]).toEqual({ badge: 'manual', why, state: 'degraded' });
    // Names are still read: they are not language-dependent.
    expect(await eventually(() => peopleNames(frame), (n) => n.length === 3, 'names')).toHaveLength(3);
  });

  it('Meet after a client rebuild shows the speaker signal as manual with the reason', async () => {
    const page = await visit('https://meet.google.com/rotated');
    const frame = await turnsOf(page);
    await fx(page, 'speak', 'Bo Kim', true);
    const rows = await eventually(() => capabilityRows(frame), (r) => r.activeSpeaker?.state === 'degraded', 'speaker degraded');
    expect(rows.activeSpeaker).toEqual({ badge: 'manual', why: 'The page has changed and Vuoro cannot find this on it: use manual mode.', state: 'degraded' });
    expect(rows.participants!.badge).toBe('live');
    await waitForText(frame, 'Manual mode: tap a name when that person starts speaking');
  });

  it('Zoom after a rebuild with hashed classes still reads names and hands by ids and aria-labels', async () => {
    const page = await visit('https://app.zoom.us/wc/123/rotated');
    const frame = await turnsOf(page);
    expect((await eventually(() => peopleNames(frame), (n) => n.length === 3, 'names')).sort()).toEqual(['Ann Lee', 'Bo Kim', 'Cy Diaz']);
    const rows = await capabilityRows(frame);
    // The names came from aria-labels: the panel says so rather than claiming a full read.
    expect(rows.participants).toMatchObject({ badge: 'manual', state: 'degraded' });
    expect(rows.raisedHands!.badge).toBe('live');
    expect(await eventually(() => handNames(frame), (h) => h.length === 1, 'hand')).toEqual(['Bo Kim']);
  });

  it.each([
    ['Zoom', 'https://app.zoom.us/wc/123/hostile', '<img src=x onerror="window.__pwned=true">'],
    ['Teams', 'https://teams.microsoft.com/hostile', '<img src=x onerror="window.__pwned=true">'],
    ['Meet', 'https://meet.google.com/hostile', '<img src=x onerror="window.__pwned=true">'],
  ])('%s with hostile names and messages shows them as text and runs nothing', async (_site, url, name) => {
    const page = await visit(url);
    const frame = await turnsOf(page);
    await eventually(() => peopleNames(frame), (n) => n.includes(name), 'hostile name listed');
    expect(await eventually(() => handNames(frame), (h) => h.includes(name), 'hostile hand')).toContain(name);
    // Control and bidi characters are gone from every name.
    for (const n of await peopleNames(frame)) expect(n).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
    await fx(page, 'chat', 'Mallory <b onmouseover=alert(1)>', '<img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script>');
    await openTab(frame, 'Capture');
    await frame.$eval('.capture-chat', (d) => ((d as HTMLDetailsElement).open = true));
    const lines = await eventually(() => chatLines(frame), (l) => l.some((x) => x.startsWith('Mallory')), 'hostile chat');
    expect(lines).toContain('Mallory <b onmouseover=alert(1)>: <img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script>');
    await clickButton(frame, 'Capture the message from Mallory');
    await eventually(() => captureTexts(frame), (c) => c.some((x) => x.includes('<script>')), 'hostile capture');
    expect(await injectedElements(frame)).toEqual([]);
    expect(await pwned(page)).toEqual([]);
  });

  describe('whiteboards', () => {
    it('Excalidraw: captures the selected notes from the board', async () => {
      const page = await visit('https://excalidraw.com/fixture');
      const frame = await freshWorkshop(page);
      await openTab(frame, 'Capture');
      await fx(page, 'select', ['t2', 'r2']);
      await clickButton(frame, 'Capture the selected notes');
      await waitForText(frame, 'Saved (2).');
      const after = await eventually(() => captureTexts(frame), (c) => c.length === 2, 'captured notes');
      // Only the selection: not the other note on the board, nor the deleted element.
      expect([...after].sort()).toEqual(['<img src=x onerror="window.__pwned=true">', 'Loose note']);
      expect(await injectedElements(frame)).toEqual([]);
      expect(await pwned(page)).toEqual([]);
      // "What Vuoro can read on this page" names the board selection, read live (it listed only
      // "This is not a meeting page", four times).
      await openTab(frame, 'Turns');
      expect((await capabilityRows(frame)).selection).toEqual({ badge: 'live', why: '', state: 'ok' });
    });

    it('tldraw: captures the notes inside the selection outline', async () => {
      const page = await visit('https://www.tldraw.com/fixture');
      const frame = await freshWorkshop(page);
      await openTab(frame, 'Capture');
      await fx(page, 'select', ['shape:n1', 'shape:n2']);
      await clickButton(frame, 'Capture the selected notes');
      await waitForText(frame, 'Saved (2).');
      const after = await eventually(() => captureTexts(frame), (c) => c.length === 2, 'captured notes');
      // The loose text lies outside the selection outline.
      expect([...after].sort()).toEqual(['Sticky one', 'Sticky two second line']);
    });

    it.each([
      ['Mural', 'https://app.mural.co/t/team/m/team/1/abc'],
      ['Flinga', 'https://flinga.fi/s/ABC123'],
      ['Microsoft Whiteboard', 'https://whiteboard.microsoft.com/me/whiteboards/1'],
    ])('%s offers the paste path and saves one note per line', async (site, url) => {
      const page = await visit(url);
      const frame = await freshWorkshop(page);
      await openTab(frame, 'Capture');
      await waitForText(frame, "Vuoro cannot read this board's selection directly.");
      expect(await frame.$('.capture-board button')).toBeNull();
      expect(await frame.$eval('.capture-paste', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      await typeInto(frame, 'textarea[aria-label="Paste here: one note per line"]', `${site} one\n\n${site} two <b>bold</b>\n`);
      await waitForText(frame, '2 notes found:');
      await clickButton(frame, 'Save 2 notes');
      await waitForText(frame, 'Saved (2).');
      const after = await eventually(() => captureTexts(frame), (c) => c.length === 2, 'pasted notes');
      expect([...after].sort()).toEqual([`${site} one`, `${site} two <b>bold</b>`]);
      expect(await injectedElements(frame)).toEqual([]);
      // The board selection falls back to copying, and the list of what Vuoro reads says so.
      await openTab(frame, 'Turns');
      expect((await capabilityRows(frame)).selection).toEqual({ badge: 'manual', why: 'Copy the notes on the board, then paste them in the Captures tab.', state: 'needs-user' });
    });
  });
});
