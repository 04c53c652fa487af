// Zoom web client (app.zoom.us/wc/…). The meeting UI lives in a same-origin iframe #webclient; when
// there is none (older builds, or a content script already inside the frame) the document itself is
// the client. Zoom's BEM classes are readable and fairly stable; some states exist only as English
// aria-label text, hence the phrase tables.
import type { ChatReading } from './chat';
import { all, nameKey, uniqueKeys } from './dom';
import { createMeetingAdapter, type MeetingReader, type Reading, type WatchTarget } from './meeting';
import { hasPhrase, isPhrase, phrasesFor } from './phrases';
import { cleanName, cleanText, textOf } from './text';
import type { CapabilityStatus, HandRaise, Participant, SiteAdapter } from './types';

interface ZoomPhrases {
  /** In a participant row's aria-label: "Bo Kim computer audio muted video off hand raised". */
  handRaised: string[];
  /** Words inside the name label "(Host, me)". Without them roles cannot be read. */
  host?: string[];
  self?: string[];
  /** Where the name ends in a row's aria-label when the name element is missing. */
  statusStart?: string[];
}

// en from the research doc (§4). de "Hand gehoben" is the doc's own example (§6), unverified, as
// is fi; roles in de are unknown, so German rows are read without roles ('degraded').
const PHRASES: Record<string, ZoomPhrases> = {
  en: {
    handRaised: ['hand raised'],
    host: ['Host', 'Co-host'],
    self: ['me'],
    statusStart: ['computer audio', 'no audio', 'telephone', 'audio'],
  },
  fi: { handRaised: ['käsi nostettu'], host: ['Isäntä', 'Apuisäntä'], self: ['minä'] },
  de: { handRaised: ['Hand gehoben'] },
};

const FRAME = 'iframe#webclient, iframe.pwa-webclient__iframe';
const IN_CALL = '#audioOptionMenu, .footer__leave-btn-container, #wc-container-right, #participants-ul';
const LIST = '#participants-ul, .participants-ul';
const ROW = '#participants-ul li[id^="participants-list-"], .participants-ul li[id^="participants-list-"]';
const CHAT_LIST = '.chat-container__chat-list, [aria-label="Chat Message List"], .chat-virtuoso-wrapper';
const CHAT_MESSAGE = '[id^="chat-message-content-"]';
const CHAT_TEXT = '.new-chat-message__text-box, .new-chat-message__text-content, .chat-rtf-box__display';
const ACTIVE_FRAME =
  '.speaker-bar-container__video-frame--active, .gallery-video-container__video-frame--active, .speaker-active-container__video-frame--active';
const ANY_FRAME = '[class*="__video-frame"]';
const FRAME_NAME = '.video-avatar__avatar-footer span[role="none"], .video-avatar__avatar-name';

interface Row {
  el: Element;
  key: string;
  name: string;
  fromAria: boolean;
}

/** Named rows keyed by name: row ids are positions in a virtualised list, not people. */
function rows(client: Document, phrases: ZoomPhrases | undefined): Row[] {
  const read = all(client, ROW).map((el) => {
    const named = cleanName(el.querySelector('.participants-item__display-name')?.textContent);
    const name = named || nameFromAria(el, phrases);
    return { el, key: nameKey(name), name, fromAria: !named };
  });
  return uniqueKeys(read.filter((r) => r.name));
}

/** "Ann Lee (Host, me) computer audio unmuted video on" → "Ann Lee", with the phrase table only. */
function nameFromAria(row: Element, phrases: ZoomPhrases | undefined): string {
  const label = cleanText(row.getAttribute('aria-label'));
  if (!phrases?.statusStart) return '';
  let end = label.indexOf(' (');
  for (const start of phrases.statusStart) {
    const at = label.toLowerCase().indexOf(` ${start}`);
    if (at > 0 && (end < 0 || at < end)) end = at;
  }
  return cleanName(end > 0 ? label.slice(0, end) : '');
}

/** "(Host, me)" → ["Host", "me"]. */
function roleWords(row: Element): string[] {
  const label = textOf(row.querySelector('.participants-item__name-label'));
  return label.replace(/[()]/g, '').split(',').map((w) => w.trim()).filter(Boolean);
}

function listCount(client: Document): number | null {
  const title = client.querySelector('.participants-header__title')?.textContent ?? '';
  const m = /\((\d+)\)/.exec(title);
  return m ? Number(m[1]) : null;
}

export const zoomReader: MeetingReader = {
  id: 'zoom',

  frame: (doc) => doc.querySelector<HTMLIFrameElement>(FRAME),

  inCall: (client) => client.querySelector(IN_CALL) !== null,

  targets(client) {
    const targets: WatchTarget[] = [];
    const list = client.querySelector(LIST);
    const chat = client.querySelector(CHAT_LIST);
    if (list) targets.push({ el: list, parts: ['participants', 'hands'], attributes: ['aria-label'] });
    if (chat) targets.push({ el: chat, parts: ['chat'], attributes: [] });
    return targets;
  },

  participants(client, lang): Reading<Participant[]> {
    if (!client.querySelector(LIST)) return { status: { state: 'needs-user', hint: 'open-people-panel' }, value: [] };
    const phrases = phrasesFor(PHRASES, lang);
    const found = rows(client, phrases);
    let rolesUnknown = false;
    const value = found.map((r): Participant => {
      const p: Participant = { key: r.key, name: r.name };
      const words = roleWords(r.el);
      if (words.length && !(phrases?.host && phrases.self)) rolesUnknown = true;
      if (phrases?.host && words.some((w) => isPhrase(w, phrases.host ?? []))) p.host = true;
      if (phrases?.self && words.some((w) => isPhrase(w, phrases.self ?? []))) p.self = true;
      return p;
    });
    const total = listCount(client);
    if (found.some((r) => r.fromAria) || (found.length === 0 && client.querySelector(ROW))) {
      return { status: { state: 'degraded', reason: 'anchor-missing' }, value };
    }
    if (total !== null && total > found.length) return { status: { state: 'degraded', reason: 'partial-list' }, value };
    if (rolesUnknown) return { status: { state: 'degraded', reason: 'no-phrase-table' }, value };
    return { status: { state: 'ok', source: 'participants-ul' }, value };
  },

  hands(client, lang): Reading<HandRaise[]> {
    if (!client.querySelector(LIST)) return { status: { state: 'needs-user', hint: 'open-people-panel' }, value: [] };
    const phrases = phrasesFor(PHRASES, lang);
    if (!phrases) return { status: { state: 'degraded', reason: 'no-phrase-table' }, value: [] };
    const value = rows(client, phrases)
      .filter((r) => hasPhrase(r.el.getAttribute('aria-label') ?? '', phrases.handRaised))
      .map((r): HandRaise => ({ key: r.key, name: r.name }));
    return { status: { state: 'ok', source: `row-aria:${lang}` }, value };
  },

  chat(client): Reading<ChatReading[]> {
    const list = client.querySelector(CHAT_LIST) ?? client.querySelector(CHAT_MESSAGE)?.closest('[data-index]')?.parentElement;
    if (!list) return { status: { state: 'needs-user', hint: 'open-chat' }, value: [] };
    let author = '';
    let senderSeen = false;
    const value = all(list, CHAT_MESSAGE).map((m): ChatReading => {
      // The sender is shown only on the first message of a run: carry it forward.
      const sender = m.closest('[id^="chat-item-container-"]')?.querySelector('.chat-item__sender');
      if (sender) {
        author = cleanName(sender.textContent);
        senderSeen = true;
      }
      const text = textOf(m.querySelector(CHAT_TEXT) ?? m, 1000);
      return { id: m.id, author, text };
    });
    const status = value.length && !senderSeen ? { state: 'degraded' as const, reason: 'anchor-missing' as const } : { state: 'ok' as const, source: 'chat-list' };
    return { status, value };
  },

  speaking(client): Reading<string[]> & { own?: CapabilityStatus } {
    if (!client.querySelector(ANY_FRAME)) return { status: { state: 'degraded', reason: 'anchor-missing' }, value: [] };
    const names = all(client, ACTIVE_FRAME)
      .map((f) => cleanName(f.querySelector(FRAME_NAME)?.textContent) || cleanName(f.querySelector('img.video-avatar__avatar-img')?.getAttribute('alt')))
      .filter(Boolean);
    // Zoom frames your own tile too when you speak, so the same reading covers you.
    return { status: { state: 'ok', source: 'active-frame' }, value: [...new Set(names)].map(nameKey), own: { state: 'ok', source: 'active-frame' } };
  },
};

export function createZoomAdapter(): SiteAdapter {
  return createMeetingAdapter(zoomReader);
}

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export { createZoomAdapter as createAdapter };
