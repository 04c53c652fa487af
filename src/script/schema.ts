// The workshop-script file format: what the editor saves, what the library imports and exports,
// and what the built-in templates produce. Every string and list is bounded so that an oversized or
// hostile import is rejected with a clear error instead of filling storage.
import { z } from 'zod';
import { jsonErrorPlace } from '../jsonPlace';
import { PHASE_KINDS, SCRIPT_LANGS, SCRIPT_LIMITS } from './limits';

export { jsonErrorPlace };

export const SCRIPT_FORMAT = 'vuoro-script';
export const SCRIPT_SCHEMA_VERSION = 1;

export { PHASE_KINDS, SCRIPT_LANGS, SCRIPT_LIMITS } from './limits';

const Id = z
  .string()
  .min(1)
  .max(SCRIPT_LIMITS.idChars)
  .regex(/^[A-Za-z0-9_-]+$/);
const Title = z.string().min(1).max(SCRIPT_LIMITS.titleChars);
const Goal = z.string().max(SCRIPT_LIMITS.goalChars);
const Notes = z.string().max(SCRIPT_LIMITS.notesChars);
const PhaseSeconds = z.int().min(SCRIPT_LIMITS.minPhaseSec).max(SCRIPT_LIMITS.maxPhaseSec);
const IsoDateTime = z.iso.datetime({ offset: true });

/** Where a phase (or a whole script) comes from: a seed document (see src/sources for what a reader sees), optionally with lines. */
export const SeedSourceSchema = z.strictObject({
  seed: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_.-]+$/),
  lines: z
    .string()
    .max(200)
    .regex(/^\d+(-\d+)?(, ?\d+(-\d+)?)*$/)
    .optional(),
});
export type SeedSource = z.infer<typeof SeedSourceSchema>;

export const PhaseSchema = z
  .strictObject({
    id: Id,
    title: Title,
    goal: Goal,
    durationSec: PhaseSeconds,
    /** The shortest this phase may become when the rest of the workshop is rescheduled. */
    minDurationSec: PhaseSeconds.optional(),
    facilitatorNotes: Notes,
    participantInstructions: Notes,
    promptCardIds: z.array(Id).max(SCRIPT_LIMITS.promptCardsPerPhase),
    kind: z.enum(PHASE_KINDS),
    source: SeedSourceSchema.optional(),
  })
  .superRefine((phase, ctx) => {
    if (phase.minDurationSec !== undefined && phase.minDurationSec > phase.durationSec) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: phase.durationSec,
        inclusive: true,
        path: ['minDurationSec'],
        message: 'minDurationSec must not exceed durationSec',
      });
    }
  });
export type Phase = z.infer<typeof PhaseSchema>;
export type PhaseKind = Phase['kind'];

export const WorkshopSchema = z
  .strictObject({
    id: Id,
    title: Title,
    goal: Goal,
    plannedStart: IsoDateTime.optional(),
    plannedEnd: IsoDateTime.optional(),
    phases: z.array(PhaseSchema).min(1).max(SCRIPT_LIMITS.phasesPerWorkshop),
  })
  .superRefine((workshop, ctx) => {
    if (workshop.plannedStart && workshop.plannedEnd && Date.parse(workshop.plannedEnd) <= Date.parse(workshop.plannedStart)) {
      ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'plannedEnd must be after plannedStart', params: { expected: 'after-planned-start' } });
    }
    // Runs and reschedules address phases by id, so two phases of one workshop must not share one.
    reportDuplicateIds(workshop.phases, 'phases', ctx);
  });
export type Workshop = z.infer<typeof WorkshopSchema>;

export const ScriptSchema = z
  .strictObject({
    format: z.literal(SCRIPT_FORMAT),
    schemaVersion: z.literal(SCRIPT_SCHEMA_VERSION),
    id: Id,
    title: Title,
    description: z.string().max(SCRIPT_LIMITS.descriptionChars),
    lang: z.enum(SCRIPT_LANGS),
    workshops: z.array(WorkshopSchema).min(1).max(SCRIPT_LIMITS.workshops),
    /** The built-in template this script was made from, if any. */
    templateId: Id.optional(),
    source: SeedSourceSchema.optional(),
  })
  .superRefine((script, ctx) => reportDuplicateIds(script.workshops, 'workshops', ctx));
export type Script = z.infer<typeof ScriptSchema>;
export type ScriptLang = Script['lang'];

function reportDuplicateIds(items: readonly { id: string }[], listKey: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: [listKey, index, 'id'], message: 'duplicate id', params: { expected: 'unique-id' } });
    }
    seen.add(item.id);
  });
}

/** An import problem the UI can show in the user's language: `code` picks the message, `path` the field. */
export interface ScriptImportError {
  code: 'not-json' | 'too-large' | 'wrong-format' | 'invalid-field';
  path: (string | number)[];
  /** For invalid fields, the kind of problem (zod's issue code, e.g. `invalid_type`, `too_big`); otherwise a short hint. */
  detail?: string;
  /** What the field should have been, when that can be said briefly: a type, a bound, or the allowed values. */
  expected?: string;
  /** For a bound (too_small, too_big): what was measured (`string`: characters, `array`: items, `number`). */
  origin?: string;
  /** The bound itself, as a number. */
  limit?: number;
}

export type ScriptParseResult = { ok: true; script: Script } | { ok: false; errors: ScriptImportError[] };

/** Parses and validates an imported script file. Never throws. */
export function parseScriptJson(text: string): ScriptParseResult {
  // Measured before JSON.parse so that a huge file is never materialised as objects.
  const bytes = text.length > SCRIPT_LIMITS.importBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > SCRIPT_LIMITS.importBytes) {
    return fail({ code: 'too-large', path: [], detail: String(bytes), expected: `<= ${SCRIPT_LIMITS.importBytes}` });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail({ code: 'not-json', path: [], detail: jsonErrorPlace(text, error) });
  }
  return validateScript(value);
}

/** Validates an already-parsed value as a script. Never throws. */
export function validateScript(value: unknown): ScriptParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== SCRIPT_FORMAT) {
    // A workshop export picked here by mistake is named as one.
    const workshop = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'vuoro-workshop';
    return fail({ code: 'wrong-format', path: ['format'], expected: SCRIPT_FORMAT, ...(workshop ? { detail: 'workshop-file' } : {}) });
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SCRIPT_SCHEMA_VERSION) {
    return fail({ code: 'wrong-format', path: ['schemaVersion'], detail: 'unsupported-version', expected: String(SCRIPT_SCHEMA_VERSION) });
  }
  const result = ScriptSchema.safeParse(value);
  if (result.success) return { ok: true, script: result.data };
  const all = result.error.issues.flatMap(issueToErrors);
  const errors = all.slice(0, SCRIPT_LIMITS.reportedErrors);
  const unreported = all.length - errors.length;
  if (unreported > 0) errors.push({ code: 'invalid-field', path: [], detail: 'more-errors', expected: String(unreported) });
  return { ok: false, errors };
}

export function serializeScript(script: Script): string {
  return `${JSON.stringify(script, null, 2)}\n`;
}

function fail(error: ScriptImportError): ScriptParseResult {
  return { ok: false, errors: [error] };
}

function issueToErrors(issue: z.core.$ZodIssue): ScriptImportError[] {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  // An unknown key is reported at the key itself, so the editor can point at it.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ code: 'invalid-field', path: [...path, key], detail: issue.code }));
  }
  const error: ScriptImportError = { code: 'invalid-field', path, detail: issue.code };
  const expected = expectedOf(issue);
  if (expected !== undefined) error.expected = expected;
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    error.origin = issue.origin;
    const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    if (Number.isFinite(limit)) error.limit = limit;
  }
  return [error];
}

function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'too_big':
      return `${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`;
    case 'too_small':
      return `${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`;
    case 'invalid_value':
      return issue.values.map(String).join('|');
    case 'invalid_format':
      return issue.format;
    case 'custom':
      return typeof issue.params?.expected === 'string' ? issue.params.expected : undefined;
    default:
      return undefined;
  }
}
