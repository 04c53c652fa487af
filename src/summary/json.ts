import type { z } from 'zod';
import type { RenderOptions } from './format';
import { labels, type Lang, type ParseErrorCode } from './labels';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, WorkshopExport, withoutExcluded } from './model';
import { CHUNK, ProgressTracker, runSteps, type RenderSteps } from './progress';

/**
 * Larger files are refused before parsing. The options page parses in a worker and sends the
 * captures in parts, so the bound is memory, not a frozen page: 64 MB holds 100,000 captures of
 * some 500 characters each (the bench's big import is 32.5 MB; 20 MB, the bound before the
 * worker, refused it).
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Captures per message when an import crosses to the background in parts. */
export const IMPORT_CHUNK = 500;
/** Enough to fix a file by hand; a broken file would otherwise list thousands. */
const MAX_REPORTED_ERRORS = 50;

export interface ParseError {
  code: ParseErrorCode;
  /** Where in the document, e.g. "captures[3].kind"; "" for the whole file. */
  path: string;
  detail?: string;
}

export type ParseResult = { ok: true; doc: WorkshopExport } | { ok: false; errors: ParseError[] };

export function renderJson(doc: WorkshopExport, opts: RenderOptions = {}): string {
  return runSteps(jsonSteps(doc), opts.onProgress);
}

// Placeholder for the captures array, so the document around it keeps JSON.stringify's own layout
// while the captures are stringified in chunks. It is found with the raw line break and indent
// before the top-level key, which no string value can contain (JSON escapes line breaks).
const CAPTURES_SLOT = 'captures';
const SLOT_IN_FRAME = `\n  "captures": ${JSON.stringify(CAPTURES_SLOT)}`;

/** Exactly JSON.stringify(withoutExcluded(doc), null, 2) + "\n", built in chunks. */
export function* jsonSteps(doc: WorkshopExport): RenderSteps {
  const exported = withoutExcluded(doc);
  const { captures } = exported;
  const progress = new ProgressTracker(captures.length);
  const frame = JSON.stringify({ ...exported, captures: CAPTURES_SLOT }, null, 2);
  const chunks: string[] = [];
  for (let start = 0; start < captures.length; start += CHUNK) {
    const chunk = captures.slice(start, start + CHUNK);
    // "[\n  {…},\n  {…}\n]" → the items without brackets, indented one level deeper.
    const items = JSON.stringify(chunk, null, 2).slice(2, -2);
    chunks.push(`  ${items.replace(/\n/g, '\n  ')}`);
    yield* progress.advance(chunk.length);
  }
  const array = chunks.length ? `[\n${chunks.join(',\n')}\n  ]` : '[]';
  yield* progress.finish();
  return `${frame.replace(SLOT_IN_FRAME, () => `\n  "captures": ${array}`)}\n`;
}

/**
 * Reads an export from text or file bytes. Never throws: every problem comes back as an error
 * value with a code the UI can translate and the path of the field at fault.
 */
export function parseWorkshopExport(input: string | Uint8Array): ParseResult {
  const tooLarge: ParseResult = { ok: false, errors: [{ code: 'too-large', path: '', detail: `> ${MAX_IMPORT_BYTES} bytes` }] };
  let text: string;
  if (typeof input === 'string') {
    // A string's UTF-8 size is between its length and three times its length.
    if (input.length > MAX_IMPORT_BYTES) return tooLarge;
    if (input.length * 3 > MAX_IMPORT_BYTES && new TextEncoder().encode(input).length > MAX_IMPORT_BYTES) return tooLarge;
    text = input;
  } else {
    if (input.byteLength > MAX_IMPORT_BYTES) return tooLarge;
    text = new TextDecoder('utf-8').decode(input);
  }
  text = text.replace(/^\uFEFF/, '');

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ code: 'not-json', path: '', detail: error instanceof Error ? error.message : String(error) }] };
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, errors: [{ code: 'wrong-format', path: 'format' }] };
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== EXPORT_SCHEMA_VERSION) {
    return { ok: false, errors: [{ code: 'unsupported-version', path: 'schemaVersion', detail: JSON.stringify(version) ?? 'undefined' }] };
  }

  const parsed = WorkshopExport.safeParse(value);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, MAX_REPORTED_ERRORS).map(issueToError) };
  }
  return { ok: true, doc: parsed.data };
}

/** One line for the user: "Invalid field captures[3].kind (detail)" in their language. */
export function describeParseError(error: ParseError, lang: Lang): string {
  const message = labels(lang).parseErrors[error.code];
  const where = error.code === 'invalid-field' && error.path ? ` ${error.path}` : '';
  return `${message}${where}${error.detail ? ` (${error.detail})` : ''}`;
}

function issueToError(issue: z.core.$ZodIssue): ParseError {
  return { code: 'invalid-field', path: formatPath(issue.path), detail: issue.message };
}

/** ["captures", 3, "kind"] → "captures[3].kind". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
