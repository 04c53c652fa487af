// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SITES } from '../../../src/sites/hosts';
import { parseFixture } from './fixture';

// "Announce in chat" fills the box a meeting row names (src/background/chatBox.ts): every meeting
// site names one, and its fixture's main page has exactly one box the selectors find (Zoom's in
// the #webclient frame page), so the e2e test fills the box a facilitator would see.

const MEETING_PAGES: Record<string, string> = {
  zoom: 'app.zoom.us/wc/123/inner.html',
  meet: 'meet.google.com/index.html',
  teams: 'teams.microsoft.com/index.html',
};

describe('chat boxes of the meeting sites', () => {
  it.each(SITES.filter((row) => row.kind === 'meeting'))('$site names its chat box, and its fixture has one', (row) => {
    expect(row.chatInput.length).toBeGreaterThan(0);
    const page = MEETING_PAGES[row.site];
    expect(page).toBeDefined();
    const { doc } = parseFixture(page!);
    const boxes = doc.querySelectorAll(row.chatInput.join(','));
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.tagName === 'TEXTAREA' || boxes[0]!.getAttribute('contenteditable') === 'true').toBe(true);
  });

  it('sites without a chat name none', () => {
    for (const row of SITES.filter((r) => r.kind !== 'meeting')) expect(row.chatInput).toEqual([]);
  });
});
