// The one sanitiser for text read from a page. Names and messages are untrusted: they reach the
// panel, summaries and exports, so they leave here as short, single-line, inert plain text.

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates (used to disguise names), plus invisible separators.
const BIDI_AND_INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/**
 * Material icon ligatures that leak into textContent next to names (icons are text rendered in an
 * icon font). Only multi-word ligatures are listed: they never occur in real names or messages,
 * whereas single words like "chat" or "person" might.
 */
export const ICON_LIGATURES: ReadonlySet<string> = new Set([
  'front_hand', 'back_hand', 'pan_tool', 'more_vert', 'more_horiz', 'mic_off', 'mic_none', 'videocam_off',
  'call_end', 'closed_caption', 'closed_caption_off', 'keep_off', 'push_pin', 'visibility_off', 'present_to_all',
  'frame_person', 'screen_share', 'stop_screen_share', 'account_circle', 'emoji_people', 'keyboard_arrow_down',
  'keyboard_arrow_up', 'expand_more', 'expand_less', 'volume_up', 'volume_off', 'chat_bubble', 'more_time',
  'raise_hand', 'hand_raised', 'record_voice_over', 'voice_over_off', 'person_remove', 'remove_circle',
]);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trims, collapses whitespace, drops control, bidi and icon-ligature characters, caps the length in code points. */
export function cleanText(s: string | null | undefined, max = 200): string {
  if (!s) return '';
  const words = s
    .replace(CONTROL, ' ')
    .replace(BIDI_AND_INVISIBLE, '')
    .split(/\s+/)
    .filter((w) => w && !ICON_LIGATURES.has(w));
  return capped(words.join(' '), max);
}

/** At most `max` code points (never half a surrogate pair), trailing space trimmed when cut. */
function capped(text: string, max: number): string {
  const points = Array.from(text);
  return points.length > max ? points.slice(0, max).join('').trimEnd() : text;
}

/**
 * At most `max` UTF-16 units, as the messages' schemas count (never half a surrogate pair). A board
 * note of 10,000 code points with emoji passed the code-point cap and then failed the message's
 * bound, and the whole selection with it.
 */
function cappedUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, cut).trimEnd();
}

/**
 * The longest note taken from a board, as long as a typed capture may be: notes were cut at 1,000
 * characters without a word (found in a note-taker's walk-through).
 */
export const NOTE_MAX = 10_000;

/**
 * A note's text from a board, its line breaks kept: each line cleaned as cleanText does, empty
 * lines at the ends dropped and runs of them kept as one, the whole capped at `max` UTF-16 units.
 * ("Two lines:" / "second paragraph" on a sticky note was captured as one line.)
 */
export function cleanNoteText(s: string | null | undefined, max = NOTE_MAX): string {
  if (!s) return '';
  const lines = s.split(/\r\n|\r|\n|\u2028|\u2029/u).map((line) => cleanText(line, max));
  const kept: string[] = [];
  for (const line of lines) if (line || (kept.length && kept[kept.length - 1])) kept.push(line);
  while (kept.length && !kept[kept.length - 1]) kept.pop();
  // Capping the UTF-16 units also caps the code points (each takes one or two units).
  return cappedUnits(kept.join('\n'), max);
}

/** A display name: cleaned, shorter, and never an e-mail address (only its local part is kept). */
export function cleanName(s: string | null | undefined): string {
  const name = cleanText(s, 80);
  return EMAIL.test(name) ? name.slice(0, name.indexOf('@')) : name;
}

/** The cleaned text of an element; textContent only, never markup. */
export function textOf(el: Element | null | undefined, max = 200): string {
  return cleanText(el?.textContent, max);
}
