import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInvitation } from '../../../src/sync/config';
import { invitationCode } from '../../../src/sync/session';

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
  // Found in the co-facilitation walk-through: a wrong paste was told to "paste the whole line that
  // starts with vuoro:", but the invitation as copied starts "Join the workshop in Vuoro…".
  it.each(['en', 'fi'] as const)('a wrong invitation is told what the invitation as sent holds (%s)', (lang) => {
    const text = messages(lang);
    const sent = text.syncInvitationText!.replace('{code}', invitationCode({ roomId: 'abcdefghjkmn', passphrase: 'abcdefghjkmnpqrstuvwxyz2' }));
    expect(parseInvitation(sent)).not.toBeNull();
    const error = text.error_sync_invitation_invalid!;
    expect(error).toContain('vuoro:');
    // Whatever the error says the invitation starts with, it does.
    const start = /(?:starts with|alkaa) (\S+)/.exec(error)?.[1];
    if (start) expect(sent.startsWith(start)).toBe(true);
    expect(error).not.toMatch(/line|rivi/);
  });
});
