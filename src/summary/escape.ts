// The only escaping functions. Everything a renderer writes that came from a capture, a workshop
// field, a participant or a prompt goes through one of these.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

/**
 * Text for one line of Markdown, rendered literally: no links, images, emphasis, code, headings,
 * lists, tables, math or raw HTML can start inside it. Characters that start Markdown syntax get a
 * backslash; `<`, `>` and `&` become entities, which CommonMark and GFM decode as plain text and
 * renderers that allow raw HTML cannot mistake for tags. Line breaks collapse to a space: the
 * caller decides where lines go.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[&<>]/g, (ch) => HTML_ENTITIES[ch]!)
    .replace(/[\\`*_{}[\]()#+\-.!|~$=^:]/g, '\\$&');
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
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
