// The only escaping functions. Everything a renderer writes that came from a capture, a workshop
// field, a participant or a prompt goes through one of these.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), as src/sites/text.ts drops
// from what a page shows. A typed or pasted capture keeps them in the store, but in a summary an
// override reorders what follows it on the line: "ääni ei kuulu \u202Egnp.exe" reads "exe.png",
// and an action's text ending in one turned its own owner and due date round.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text for a summary's reader: without the bidi controls that would reorder it or the text after it. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

/** Where escaped Markdown text goes: it decides which characters CommonMark would misread there. */
export type MarkdownContext =
  /** At the start of a line or a list item: block syntax (headings, lists, quotes, fences) can start here. */
  | 'start'
  /** After other text on the same line: only inline syntax matters. */
  | 'inline'
  /** In a table cell: inline syntax and the cell separator. */
  | 'cell'
  /** The text of an ATX heading after "# ": inline syntax and a closing run of "#". */
  | 'heading';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ALNUM = /[\p{L}\p{N}]/u;
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/y;

/**
 * Text for one line of Markdown, rendered literally by any CommonMark (and GFM) renderer: no link,
 * image, emphasis, code, heading, list, quote, table, HTML or entity can start inside it. Only the
 * characters CommonMark would read as syntax where they stand get a backslash, so "Työpaja 1: home-care
 * 2.5" stays as written. Line breaks collapse to a space: the caller decides where lines go.
 * The unit tests render the result with micromark and compare the text with the input.
 */
export function escapeMarkdown(text: string, context: MarkdownContext = 'start'): string {
  // No-break spaces stay: "25 %" must not break.
  const line = text.replace(/[^\S\u00a0\u202f]+/g, ' ');
  // Looked up once, so a line of many brackets or tildes stays linear.
  const lastLinkClose = Math.max(line.lastIndexOf(']('), line.lastIndexOf(']['));
  const tildes = line.split('~').length - 1;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const prev = line[i - 1];
    const next = line[i + 1];
    let escape = false;
    switch (ch) {
      case '\\':
        // A backslash is literal unless it escapes punctuation or ends the line (a hard break).
        escape = next === undefined || ASCII_PUNCTUATION.test(next);
        break;
      case '`':
      case '*':
        escape = true;
        break;
      case '_':
        // Intraword underscores never open or close emphasis: snake_case stays.
        escape = !(prev !== undefined && next !== undefined && ALNUM.test(prev) && ALNUM.test(next));
        break;
      case '~':
        // Strikethrough (GFM) needs a pair.
        escape = tildes > 1;
        break;
      case '[':
        // A link needs "](" or "][" after it; a line starting with "[" could be a link definition.
        escape = (i === 0 && context === 'start') || i < lastLinkClose;
        break;
      case '<':
        // Raw HTML, comments, processing instructions and autolinks all start "<" + one of these.
        escape = next !== undefined && /[A-Za-z/!?]/.test(next);
        break;
      case '&':
        // Only a complete entity or numeric reference would be decoded.
        ENTITY.lastIndex = i;
        escape = ENTITY.test(line);
        break;
      case '|':
        escape = context === 'cell';
        break;
      case '#':
        // A closing sequence of an ATX heading: " #" runs at the end of the line.
        escape = context === 'heading' && (prev === undefined || prev === ' ') && /^#+ *$/.test(line.slice(i));
        break;
    }
    out += escape ? `\\${ch}` : ch;
  }
  return context === 'start' ? escapeLineStart(out) : out;
}

/** Block syntax that only counts at the start of a line: headings, quotes, lists, breaks, fences, setext underlines. */
function escapeLineStart(line: string): string {
  const lead = line.match(/^ */)![0];
  const rest = line.slice(lead.length);
  if (/^(?:#{1,6}(?: |$)|>|[-+*](?: |$)|=+ *$|-+ *$|[-_*](?: *[-_*]){2,} *$)/.test(rest)) return `${lead}\\${rest}`;
  const ordered = rest.match(/^(\d{1,9})([.)])(?= |$)/);
  if (ordered) return `${lead}${ordered[1]}\\${ordered[2]}${rest.slice(ordered[0].length)}`;
  return line;
}

/** Characters that make a spreadsheet read a cell as a formula (with their full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell for a semicolon-separated file: a leading apostrophe on anything a spreadsheet would
 * run as a formula (CSV injection), and quotes when the cell holds a separator, a quote, a line
 * break or edge whitespace.
 */
export function csvCell(value: string | number | undefined, separator = ';'): string {
  if (value === undefined) return '';
  let text = withoutBidiControls(String(value));
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
