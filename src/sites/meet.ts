// Google Meet. Every class is obfuscated and rotates, so this reads data-participant-id,
// data-self-name, jsname values, ARIA structure and Material icon ligatures (front_hand), and uses
// classes only as a last rule. The People panel and the chat exist only while opened.
import type { ChatReading } from './chat';
import { all, nameKey, ownText, uniqueKeys } from './dom';
import { createMeetingAdapter, type MeetingReader, type Reading, type WatchTarget } from './meeting';
import { hasPhrase, phrasesFor } from './phrases';
import { cleanName, cleanText, textOf } from './text';
import type { CapabilityStatus, HandRaise, Participant, SiteAdapter } from './types';

interface MeetPhrases {
  /** Text in a People-panel row marking the host. */
  host: string[];
  /** Text in a People-panel row marking yourself. */
  self: string[];
}

// en comes from the research doc (§2, Engagium's DOM reference); fi is unverified, confirm live.
const PHRASES: Record<string, MeetPhrases> = {
  en: { host: ['Meeting host'], self: ['(You)'] },
  fi: { host: ['Kokouksen järjestäjä'], self: ['(Sinä)'] },
};

const TILE = '[data-participant-id], [data-requested-participant-id]';
const ICON = '.google-symbols, .material-icons, .material-symbols-outlined, i, button';
const CHAT = '[jsname="xySENc"]';
const CHAT_TEXT = '[jsname="dTKtvb"]';
const CHAT_GROUP = '[jsname="Ypafjf"]';
const CHAT_TIME = '[jsname="biJjHb"]';
const METER = '[jsname="QgSmzd"]';

function tileKey(tile: Element): string {
  return (
    tile.getAttribute('data-participant-id') ??
    tile.getAttribute('data-requested-participant-id') ??
    tile.getAttribute('data-ssrc') ??
    ''
  );
}

function tileName(tile: Element): string {
  return cleanName(tile.querySelector('.notranslate')?.textContent) || cleanName(tile.getAttribute('data-self-name'));
}

interface Tile {
  el: Element;
  key: string;
  name: string;
  self: boolean;
}

function tiles(client: Document): Tile[] {
  const seen = new Set<string>();
  const out: Tile[] = [];
  for (const el of all(client, TILE)) {
    const key = tileKey(el);
    // A presentation tile repeats its presenter's id; the first tile wins.
    if (!key || seen.has(key) || el.parentElement?.closest(TILE)) continue;
    seen.add(key);
    out.push({ el, key, name: tileName(el), self: el.hasAttribute('data-self-name') });
  }
  return out;
}

function hasIcon(el: Element, ligature: string): boolean {
  return all(el, ICON).some((i) => i.textContent?.trim() === ligature);
}

/** The side panel's lists: the raised-hands queue is the list whose rows carry a front_hand icon. */
function panelLists(client: Document): { hands: Element | null; people: Element | null } {
  let hands: Element | null = null;
  let people: Element | null = null;
  for (const list of all(client, 'aside [role="list"]')) {
    const rows = all(list, '[role="listitem"]');
    const inRegion = list.closest('[role="region"]') !== null;
    if (inRegion && rows.length > 0 && rows.every((r) => hasIcon(r, 'front_hand'))) hands ??= list;
    else if (!inRegion) people ??= list;
  }
  return { hands, people };
}

/** A People-panel row's name: its aria-label, else its text without icons, buttons and the self marker. */
function rowName(row: Element, phrases: MeetPhrases | undefined): string {
  const label = cleanName(row.getAttribute('aria-label'));
  if (label) return label;
  let text = cleanText(row.querySelector('span')?.textContent ?? ownText(row, ICON));
  for (const marker of phrases?.self ?? []) text = text.replace(marker, '');
  return cleanName(text);
}

export const meetReader: MeetingReader = {
  id: 'meet',

  inCall: (client) => client.querySelector(TILE) !== null,

  targets(client) {
    const targets: WatchTarget[] = [];
    const panel = client.querySelector('aside');
    const stage = client.querySelector(TILE)?.parentElement;
    if (stage) targets.push({ el: stage, parts: ['participants', 'hands'], attributes: ['data-participant-id', 'data-self-name'] });
    if (panel) targets.push({ el: panel, parts: ['participants', 'hands', 'chat'], attributes: ['aria-label'] });
    else {
      const chat = client.querySelector(CHAT);
      if (chat) targets.push({ el: chat, parts: ['chat'], attributes: [] });
    }
    return targets;
  },

  participants(client, lang): Reading<Participant[]> {
    const onStage = tiles(client);
    const byName = new Map(onStage.map((t) => [t.name, t]));
    const { people } = panelLists(client);
    if (!people) {
      const value = onStage.filter((t) => t.name).map((t): Participant => (t.self ? { key: t.key, name: t.name, self: true } : { key: t.key, name: t.name }));
      return { status: { state: 'needs-user', hint: 'open-people-panel' }, value };
    }
    const phrases = phrasesFor(PHRASES, lang);
    const value = all(people, '[role="listitem"]')
      .map((row): Participant => {
        const name = rowName(row, phrases);
        const tile = byName.get(name);
        const text = row.textContent ?? '';
        const p: Participant = { key: tile?.key ?? nameKey(name), name };
        if (tile?.self || (phrases && hasPhrase(text, phrases.self))) p.self = true;
        if (phrases && hasPhrase(text, phrases.host)) p.host = true;
        return p;
      })
      .filter((p) => p.name);
    // Names come from aria-labels in any language; who is host is only known from text.
    const status = phrases ? { state: 'ok' as const, source: 'people-panel' } : { state: 'degraded' as const, reason: 'no-phrase-table' as const };
    return { status, value: uniqueKeys(value) };
  },

  hands(client, lang): Reading<HandRaise[]> {
    const onStage = tiles(client);
    const byName = new Map(onStage.map((t) => [t.name, t]));
    const { hands, people } = panelLists(client);
    if (hands) {
      const phrases = phrasesFor(PHRASES, lang);
      const value = all(hands, '[role="listitem"]')
        .map((row, i): HandRaise => {
          const name = rowName(row, phrases);
          return { key: byName.get(name)?.key ?? nameKey(name), name, order: i + 1 };
        })
        .filter((h) => h.name);
      return { status: { state: 'ok', source: 'hands-list' }, value };
    }
    // No queue shown: either nobody has a hand up (People panel open) or the panel is closed and
    // only the tiles' front_hand icons tell, without the queue order.
    const value = onStage.filter((t) => t.name && hasIcon(t.el, 'front_hand')).map((t): HandRaise => ({ key: t.key, name: t.name }));
    return people
      ? { status: { state: 'ok', source: 'hands-list' }, value }
      : { status: { state: 'needs-user', hint: 'open-people-panel' }, value };
  },

  chat(client): Reading<ChatReading[]> {
    const container = client.querySelector(CHAT) ?? client.querySelector(CHAT_TEXT)?.closest('[aria-live="polite"]');
    if (!container) return { status: { state: 'needs-user', hint: 'open-chat' }, value: [] };
    const me = tiles(client).find((t) => t.self)?.name ?? '';
    let author = '';
    const value = all(container, CHAT_TEXT).map((body): ChatReading => {
      const group = body.closest(CHAT_GROUP);
      const time = group?.querySelector(CHAT_TIME);
      if (time) {
        // The header is the time's parent; the sender is its other child. Own messages have none.
        const sender = Array.from(time.parentElement?.children ?? []).find((c) => c !== time);
        author = cleanName(sender?.textContent) || me;
      }
      const id = body.parentElement?.querySelector('[data-message-id]')?.getAttribute('data-message-id') ?? undefined;
      const at = cleanText(time?.textContent, 40);
      return { author, text: textOf(body, 1000), ...(id ? { id } : {}), ...(at ? { at } : {}) };
    });
    return { status: { state: 'ok', source: 'chat-region' }, value };
  },

  speaking(client): Reading<string[]> & { own?: CapabilityStatus } {
    const all = tiles(client);
    const others = all.filter((t) => !t.self);
    // Your own tile's audio level and meter move when you speak; only the ring never comes to it.
    const ownBy = (source: string, hooked: boolean): CapabilityStatus | undefined => (hooked ? { state: 'ok', source } : undefined);
    if (!others.length) return { status: { state: 'ok', source: 'tiles' }, value: [] };
    // Rules in order of trust; the first whose hooks exist answers.
    if (others.some((t) => t.el.hasAttribute('data-audio-level'))) {
      const value = all.filter((t) => (t.el.getAttribute('data-audio-level') ?? '0') !== '0').map((t) => t.key);
      const own = ownBy('data-audio-level', all.some((t) => t.self && t.el.hasAttribute('data-audio-level')));
      return { status: { state: 'ok', source: 'data-audio-level' }, value, ...(own ? { own } : {}) };
    }
    if (others.some((t) => t.el.querySelector(`${METER}.IisKdb`))) {
      const value = all.filter((t) => t.el.querySelector(`${METER}.IisKdb:not(.gjg47c)`)).map((t) => t.key);
      const own = ownBy('meter-class', all.some((t) => t.self && t.el.querySelector(`${METER}.IisKdb`)));
      return { status: { state: 'ok', source: 'meter-class' }, value, ...(own ? { own } : {}) };
    }
    const ringed = others.filter((t) => t.el.querySelector('.kssMZb') || t.el.matches('.kssMZb'));
    if (ringed.length) return { status: { state: 'ok', source: 'ring-class' }, value: ringed.map((t) => t.key) };
    return { status: { state: 'degraded', reason: 'anchor-missing' }, value: [] };
  },
};

export function createMeetAdapter(): SiteAdapter {
  return createMeetingAdapter(meetReader);
}

/** The factory every adapter exports under one name (src/sites/hosts.ts has the row). */
export { createMeetAdapter as createAdapter };
