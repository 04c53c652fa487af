// Microsoft Teams web (v2, React/Fluent). Reads stable data-tid hooks and ids, never Fluent's
// hashed classes. The roster (and with it raised hands) exists only while the People panel is open.
import type { ChatReading } from './chat';
import { all, nameKey, uniqueKeys } from './dom';
import { createMeetingAdapter, type MeetingReader, type Reading, type WatchTarget } from './meeting';
import { phrasesFor, isPhrase } from './phrases';
import { cleanName, cleanText, textOf } from './text';
import type { HandRaise, Participant, SiteAdapter } from './types';

interface TeamsPhrases {
  /** The roster row aria-label part that marks a raised hand, e.g. "Bob Chen, Raised hand, 1, Unmuted". */
  raisedHand: string[];
  /** Prefix of the aria-label on your own avatar, "Profile picture of X". */
  selfAvatarPrefix?: string;
}

// en and pt-BR come from the research doc (§3); fi is an unverified translation, confirm live.
const PHRASES: Record<string, TeamsPhrases> = {
  en: { raisedHand: ['Raised hand', 'Hand raised'], selfAvatarPrefix: 'Profile picture of ' },
  fi: { raisedHand: ['Nostettu käsi', 'Käsi nostettu'], selfAvatarPrefix: 'Profiilikuva: ' },
  'pt-br': { raisedHand: ['levantada à mão', 'Mão levantada'] },
};

const IN_CALL =
  '#hangup-button, [data-tid="hangup-main-btn"], [data-tid="hangup-leave-button"], [data-tid="hangup-end-meeting-button"]';
const ROSTER = '[data-tid="calling-roster-attendees"], [role="tree"][data-tid*="roster"]';
const ROSTER_ROW_PREFIXES = ['participantsInCall-', 'attendeesInMeeting-', 'participantsFromThread-'];
const ROSTER_ROW = ROSTER_ROW_PREFIXES.map((p) => `[data-tid^="${p}"]`).join(', ');
const TILE = '[data-cid="calling-participant-stream"]';
const OUTLINE = '[data-tid="voice-level-stream-outline"]';
const NAMETAG = '[data-tid="participant-info-nametag"]';
const CHAT_LIST = '#chat-pane-list, [data-tid="message-pane-list-viewport"]';
const CHAT_MESSAGE = '[data-tid="chat-pane-message"]';

function rowName(row: Element): string {
  const tid = row.getAttribute('data-tid') ?? '';
  const prefix = ROSTER_ROW_PREFIXES.find((p) => tid.startsWith(p)) ?? '';
  return cleanName(tid.slice(prefix.length)) || cleanName(row.querySelector('[id^="roster-avatar-img-"]')?.textContent);
}

/** The aria-label split into its comma-separated parts: name, role, hand, position, mic state. */
function ariaParts(el: Element): string[] {
  return (el.getAttribute('aria-label') ?? '').split(',').map((p) => cleanText(p));
}

function selfName(client: Document, lang: string): string {
  const prefix = phrasesFor(PHRASES, lang)?.selfAvatarPrefix;
  const label = client.querySelector('[data-tid="me-control-avatar"]')?.getAttribute('aria-label') ?? '';
  return prefix && label.startsWith(prefix) ? cleanName(label.slice(prefix.length)) : '';
}

/** A stage tile's name: the nametag, else the aria-label before its first comma; never the data-tid (an e-mail). */
function tileName(tile: Element): string {
  return cleanName(tile.querySelector(NAMETAG)?.textContent) || cleanName(ariaParts(tile)[0]);
}

export const teamsReader: MeetingReader = {
  id: 'teams',

  inCall: (client) => client.querySelector(IN_CALL) !== null,

  targets(client) {
    const roster = client.querySelector(ROSTER);
    const chat = client.querySelector(CHAT_LIST);
    const stage = client.querySelector(TILE)?.parentElement;
    const targets: WatchTarget[] = [];
    if (roster) targets.push({ el: roster, parts: ['participants', 'hands'], attributes: ['aria-label', 'data-tid'] });
    else if (stage) targets.push({ el: stage, parts: ['participants'], attributes: [] });
    if (chat) targets.push({ el: chat, parts: ['chat'], attributes: ['data-mid'] });
    return targets;
  },

  participants(client, lang): Reading<Participant[]> {
    const me = selfName(client, lang);
    const rows = all(client, ROSTER_ROW);
    if (rows.length || client.querySelector(ROSTER)) {
      const value = rows
        .map((row): Participant => {
          const name = rowName(row);
          const p: Participant = { key: nameKey(name), name };
          if (row.querySelector('[data-tid="ts-roster-organizer-status"]')) p.host = true;
          if (me && name === me) p.self = true;
          return p;
        })
        .filter((p) => p.name);
      return { status: { state: 'ok', source: 'roster' }, value: uniqueKeys(value) };
    }
    // People panel closed: the stage shows only some people, and no roles.
    const names = [...new Set(all(client, TILE).map(tileName).filter(Boolean))];
    const value = names.map((name): Participant => (name === me ? { key: nameKey(name), name, self: true } : { key: nameKey(name), name }));
    return { status: { state: 'needs-user', hint: 'open-people-panel' }, value };
  },

  hands(client, lang): Reading<HandRaise[]> {
    const rows = all(client, ROSTER_ROW);
    if (!rows.length && !client.querySelector(ROSTER)) return { status: { state: 'needs-user', hint: 'open-people-panel' }, value: [] };
    const phrases = phrasesFor(PHRASES, lang);
    if (!phrases) return { status: { state: 'degraded', reason: 'no-phrase-table' }, value: [] };
    const value: HandRaise[] = [];
    for (const row of rows) {
      const parts = ariaParts(row);
      const at = parts.findIndex((p) => isPhrase(p, phrases.raisedHand));
      if (at < 0) continue;
      const name = rowName(row);
      const position = Number(parts[at + 1]);
      value.push(Number.isInteger(position) && position > 0 ? { key: nameKey(name), name, order: position } : { key: nameKey(name), name });
    }
    return { status: { state: 'ok', source: `roster-aria:${lang}` }, value };
  },

  chat(client): Reading<ChatReading[]> {
    const list = client.querySelector(CHAT_LIST);
    if (!list) return { status: { state: 'needs-user', hint: 'open-chat' }, value: [] };
    let author = '';
    const value = all(list, CHAT_MESSAGE).map((m): ChatReading => {
      // Consecutive messages share one header: carry the author forward.
      const named = cleanName(m.querySelector('[data-tid="message-author-name"], [id^="author-"]')?.textContent);
      if (named) author = named;
      const id = m.getAttribute('data-mid') ?? undefined;
      const at = m.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
      const text = textOf(m.querySelector('[id^="content-"]'), 1000);
      return { author, text, ...(id ? { id } : {}), ...(at ? { at: cleanText(at, 40) } : {}) };
    });
    return { status: { state: 'ok', source: 'chat-pane' }, value };
  },

  speaking(client): Reading<string[]> {
    const outlines = all(client, `${TILE} ${OUTLINE}, [role="menuitem"] ${OUTLINE}`);
    if (!outlines.length) return { status: { state: 'degraded', reason: 'anchor-missing' }, value: [] };
    const byAttribute = outlines.some((o) => o.hasAttribute('data-is-speaking'));
    const keys = new Set<string>();
    for (const outline of outlines) {
      const tile = outline.closest(`${TILE}, [role="menuitem"]`);
      if (!tile || tile.getAttribute('aria-hidden') === 'true') continue; // recycled tiles
      const ring = outline.closest('.vdi-frame-occlusion');
      const speaking = byAttribute ? outline.getAttribute('data-is-speaking') === 'true' : ring !== null && tile.contains(ring);
      const name = tileName(tile);
      if (speaking && name) keys.add(nameKey(name));
    }
    return { status: { state: 'ok', source: byAttribute ? 'data-is-speaking' : 'vdi-frame-occlusion' }, value: [...keys] };
  },
};

export function createTeamsAdapter(): SiteAdapter {
  return createMeetingAdapter(teamsReader);
}

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export { createTeamsAdapter as createAdapter };
