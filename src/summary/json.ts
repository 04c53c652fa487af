import type { z } from 'zod';
import { jsonErrorPlace } from '../jsonPlace';
import type { RenderOptions } from './format';
import { fill, labels, type Lang, type ParseErrorCode } from './labels';
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
  /** For the program, not the person: the parser's own words (English). Never shown. */
  detail?: string;
  /** What is wrong with an invalid field, for words in the user's language. */
  problem?: FieldProblem;
  /** The version a file of an unsupported version says it is. */
  version?: number;
}

/** An invalid field's problem, as describeParseError words it. */
export type FieldProblem =
  | { kind: 'type'; expected: string }
  | { kind: 'min' | 'max'; origin: string; limit: number }
  | { kind: 'one-of'; values: string[] }
  | { kind: 'unknown' | 'format' | 'invalid' };

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
  // Byte-order marks at the start (an editor may add one to a file that had one already).
  text = text.replace(/^\uFEFF+/, '');

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Where it went wrong ("line:column", or "empty"), not the engine's English message.
    const place = jsonErrorPlace(text, error);
    return { ok: false, errors: [{ code: 'not-json', path: '', ...(place ? { detail: place } : {}) }] };
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    // A script picked here by mistake is named as one, with where it goes.
    const script = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'vuoro-script';
    return { ok: false, errors: [{ code: script ? 'script-file' : 'wrong-format', path: 'format' }] };
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== EXPORT_SCHEMA_VERSION) {
    return { ok: false, errors: [{ code: 'unsupported-version', path: 'schemaVersion', ...(typeof version === 'number' && Number.isFinite(version) ? { version } : {}) }] };
  }

  const parsed = WorkshopExport.safeParse(value);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, MAX_REPORTED_ERRORS).map(issueToError) };
  }
  return { ok: true, doc: parsed.data };
}

/**
 * One line for the user in their language: "Invalid field captures[3].kind: one of idea, note, …".
 * The parser's own English ("Invalid input: expected number, received string", "Unexpected end of
 * JSON input") stood in brackets after the Finnish, and a file without a version read "(undefined)"
 * (found in a walk-through of the options page).
 */
export function describeParseError(error: ParseError, lang: Lang): string {
  const L = labels(lang);
  if (error.code === 'unsupported-version') return error.version !== undefined ? fill(L.parseVersion, String(error.version)) : L.parseErrors['unsupported-version'];
  if (error.code === 'not-json') {
    if (error.detail === 'empty') return L.parseEmpty;
    const [line, column] = (error.detail ?? '').split(':').map(Number);
    return line && column ? fill(L.parseNotJsonAt, String(line), String(column)) : L.parseErrors['not-json'];
  }
  if (error.code !== 'invalid-field') return L.parseErrors[error.code];
  const where = error.path ? ` ${error.path}` : '';
  return `${L.parseErrors['invalid-field']}${where}${error.problem ? `: ${fieldProblem(error.problem, lang)}` : ''}`;
}

function fieldProblem(problem: FieldProblem, lang: Lang): string {
  const P = labels(lang).fieldProblems;
  switch (problem.kind) {
    case 'type':
      return fill(P.type, P.types[problem.expected as keyof typeof P.types] ?? problem.expected);
    case 'min':
    case 'max':
      if (problem.origin === 'string') return problem.kind === 'min' && problem.limit <= 1 ? P.empty : fill(problem.kind === 'min' ? P.minChars : P.maxChars, String(problem.limit));
      return fill(problem.kind === 'min' ? P.min : P.max, String(problem.limit));
    case 'one-of':
      return fill(P.oneOf, problem.values.join(', '));
    case 'unknown':
      return P.unknown;
    case 'format':
      return P.format;
    case 'invalid':
      return P.invalid;
  }
}

function issueToError(issue: z.core.$ZodIssue): ParseError {
  return { code: 'invalid-field', path: formatPath(issue.path), detail: issue.message, problem: problemOf(issue) };
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'type', expected: issue.expected };
    case 'too_big':
    case 'too_small': {
      const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      return Number.isFinite(limit) ? { kind: issue.code === 'too_big' ? 'max' : 'min', origin: issue.origin, limit } : { kind: 'invalid' };
    }
    case 'invalid_value':
      return { kind: 'one-of', values: issue.values.map(String) };
    case 'unrecognized_keys':
      return { kind: 'unknown' };
    case 'invalid_format':
      return { kind: 'format' };
    default:
      return { kind: 'invalid' };
  }
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
