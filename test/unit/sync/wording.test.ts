import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Live sharing's words, as a co-facilitator read them in the walk-through.

const messages = (lang: 'en' | 'fi'): Record<string, string> =>
  Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(join(__dirname, `../../../extension/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>).map(([key, value]) => [key, value.message]),
  );

describe('live sharing wording', () => {
  const en = messages('en');
  const fi = messages('fi');

  it('the invitation is not labelled for the meeting chat, which every participant reads', () => {
    expect(en.syncInvitationHint).toContain('send it only where your team reads it');
    expect(en.syncInvitation).not.toMatch(/meeting chat/i);
    expect(fi.syncInvitation).not.toMatch(/kokouksen chat/i);
  });

  it('the signalling server is "yhteyspalvelin" in Finnish throughout, never "välityspalvelin" (a proxy)', () => {
    const finnish = Object.entries(fi).filter(([key]) => key.toLowerCase().includes('sync'));
    expect(finnish.filter(([, text]) => /välityspalvel/i.test(text)).map(([key]) => key)).toEqual([]);
    expect(fi.syncSettingsUrl).toBe('Yhteyspalvelin');
  });

  // Found in review: the Finnish UI speaks of the sharing ("jako"), not of a room, yet three strings
  // still said "huone" (the breakout rooms, "pienryhmähuoneet", are another thing).
  it('Finnish speaks of the sharing, not of a room', () => {
    expect(Object.entries(fi).filter(([, text]) => /huone/i.test(text) && !/pienryhmähuone/i.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('the Library deletes and the Data view erases: each says its own verb about the copies elsewhere', () => {
    expect(en.librarySharedDeleteNote).toContain('this deletes it');
    expect(en.dataSharedEraseNote).toContain('this erases it');
  });

  it('working offline from the room does not read like the timer’s pause', () => {
    expect(en.sync_paused).not.toMatch(new RegExp(en.runPaused!, 'i'));
    expect(fi.sync_paused).not.toMatch(/tauol|keskeyt/i);
    expect(en.sync_paused).toMatch(/^Working offline/);
    expect(fi.sync_paused).toMatch(/^Ilman yhteyttä/);
  });
});
