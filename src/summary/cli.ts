import { readFile, stat, writeFile } from 'node:fs/promises';
import { fill, labels, type Lang } from './labels';
import { describeParseError, MAX_IMPORT_BYTES, parseWorkshopExport, renderJson, type ParseError } from './json';
import { mergeWorkshopExports } from './merge';
import type { WorkshopExport } from './model';
import { isSummaryFormat, render, renderFile } from './render';

// `vuoro summary` and `vuoro merge`, bundled to dist/cli/vuoro.mjs by scripts/build-cli.mjs and run
// by bin/vuoro.mjs. Every failure is a message in the chosen language and exit code 1.

export interface CliIo {
  /** Text, or the bytes of a binary format (docx). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

class CliError extends Error {}

interface Args {
  command?: string;
  files: string[];
  format?: string;
  lang?: string;
  out?: string;
  help: boolean;
}

function parseArgs(argv: string[], lang: Lang): Args {
  const L = labels(lang).cli;
  const args: Args = { files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliError(fill(L.missingValue, flag));
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--format' || flag === '-f') args.format = value();
    else if (flag === '--lang') args.lang = value();
    else if (flag === '--out' || flag === '-o') args.out = value();
    else if (flag.startsWith('-') && flag !== '-') throw new CliError(fill(L.unknownOption, flag));
    else if (args.command === undefined) args.command = arg;
    else args.files.push(arg);
  }
  return args;
}

/** The language before any file is read: --lang if valid, else the environment's. */
function preferredLang(argv: string[], env: CliIo['env']): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'fi' || value === 'en') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

function checkLang(value: string | undefined, lang: Lang): Lang | undefined {
  if (value === undefined) return undefined;
  if (value === 'fi' || value === 'en') return value;
  throw new CliError(fill(labels(lang).cli.unknownLang, value));
}

async function readExport(path: string, lang: Lang): Promise<WorkshopExport> {
  const L = labels(lang);
  let bytes: Uint8Array;
  try {
    // Refuse oversized files before reading them into memory.
    if ((await stat(path)).size > MAX_IMPORT_BYTES) throw new CliError(describeErrors(path, [{ code: 'too-large', path: '' }], lang));
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(fill(L.cli.cannotRead, path, systemMessage(error, lang)));
  }
  const result = parseWorkshopExport(bytes);
  if (!result.ok) throw new CliError(describeErrors(path, result.errors, lang));
  return result.doc;
}

function describeErrors(file: string, errors: ParseError[], lang: Lang): string {
  return [fill(labels(lang).cli.invalidFile, file), ...errors.map((e) => `  ${describeParseError(e, lang)}`)].join('\n');
}

/** Why a file could not be read or written, in words ("no such file"), not the system's code ("ENOENT"). */
function systemMessage(error: unknown, lang: Lang): string {
  const code = (error as { code?: unknown }).code;
  const words = labels(lang).cli.systemErrors;
  if (typeof code === 'string') return words[code as keyof typeof words] ?? code;
  return error instanceof Error ? error.message : String(error);
}

async function output(text: string | Uint8Array, out: string | undefined, io: CliIo, lang: Lang): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    await (typeof text === 'string' ? writeFile(out, text, 'utf8') : writeFile(out, text));
  } catch (error) {
    throw new CliError(fill(labels(lang).cli.cannotWrite, out, systemMessage(error, lang)));
  }
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  let lang = preferredLang(argv, io.env);
  try {
    const args = parseArgs(argv, lang);
    lang = checkLang(args.lang, lang) ?? lang;
    const L = labels(lang).cli;
    // "vuoro help" is the usage too (it was an unknown command).
    if (args.help || args.command === undefined || args.command === 'help') {
      if (args.command === 'help') args.help = true;
      (args.help ? io.stdout : io.stderr)(`${L.usage}\n`);
      return args.help ? 0 : 1;
    }

    if (args.command === 'summary') {
      const format = args.format ?? 'md';
      if (!isSummaryFormat(format)) throw new CliError(fill(L.unknownFormat, format));
      const [file, ...extra] = args.files;
      if (file === undefined) throw new CliError(`${L.missingFile}\n${L.usage}`);
      if (extra.length) throw new CliError(fill(L.unknownOption, extra[0]!));
      const doc = await readExport(file, lang);
      const renderLang = checkLang(args.lang, lang) ?? doc.lang;
      const rendered = format === 'docx' ? await renderFile(format, doc, renderLang) : render(format, doc, renderLang);
      await output(rendered, args.out, io, lang);
      return 0;
    }

    if (args.command === 'merge') {
      const [baseFile, incomingFile, ...extra] = args.files;
      if (baseFile === undefined || incomingFile === undefined) throw new CliError(L.missingFile);
      if (extra.length) throw new CliError(fill(L.unknownOption, extra[0]!));
      const base = await readExport(baseFile, lang);
      const incoming = await readExport(incomingFile, lang);
      const { doc, report } = mergeWorkshopExports(base, incoming);
      await output(renderJson(doc), args.out, io, lang);
      const lines = [fill(L.merged, report.added, report.updated, report.skippedDuplicates, report.conflicts.length)];
      for (const c of report.conflicts) lines.push(fill(L.conflict, c.captureId ?? 'agenda', c.reason));
      io.stderr(`${lines.join('\n')}\n`);
      return 0;
    }

    throw new CliError(`${fill(L.unknownCommand, args.command)}\n${L.usage}`);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`vuoro: ${error.message}\n`);
    return 1;
  }
}
