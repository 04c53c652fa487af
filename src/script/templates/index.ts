// The built-in templates, registered in one place. A template is written in both languages;
// `instantiateTemplate` produces a Script in one of them with fresh ids, ready to edit or run.
import { newId } from '../ids';
import { SCRIPT_FORMAT, SCRIPT_SCHEMA_VERSION, ScriptSchema, type Script, type ScriptLang } from '../schema';
import { changeDialogueSeries } from './change-dialogue';
import { openProcessClose } from './open-process-close';
import { partnersModel } from './partners-model';
import type { Localised, ScriptTemplate } from './types';
import { virtualMeeting50 } from './virtual-meeting';

export { TEMPLATE_PROMPT_CARD_IDS, type TemplatePromptCardId } from './types';

export const TEMPLATES = [changeDialogueSeries, partnersModel, virtualMeeting50, openProcessClose] as const satisfies readonly ScriptTemplate[];

export type TemplateId = (typeof TEMPLATES)[number]['id'];

/** The template the demo loads: the three-workshop Change Dialogue series. */
export const DEFAULT_TEMPLATE_ID = changeDialogueSeries.id;

export interface TemplateSummary {
  id: TemplateId;
  title: Localised;
  description: Localised;
}

export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ id, title, description }) => ({ id, title: { ...title }, description: { ...description } }));
}

export function isTemplateId(id: string): id is TemplateId {
  return TEMPLATES.some((template) => template.id === id);
}

export interface InstantiateOptions {
  /** ISO datetime; sets the first workshop's planned start, and its planned end from the phase durations. */
  plannedStart?: string;
}

/** A new script from a template, in one language, with fresh ids. Throws RangeError on an unknown id or a bad date. */
export function instantiateTemplate(id: TemplateId, lang: ScriptLang, opts: InstantiateOptions = {}): Script {
  const template: ScriptTemplate | undefined = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new RangeError(`unknown template: ${id}`);
  const start = opts.plannedStart === undefined ? undefined : Date.parse(opts.plannedStart);
  if (start !== undefined && Number.isNaN(start)) throw new RangeError(`plannedStart is not a date: ${opts.plannedStart}`);

  const script: Script = {
    format: SCRIPT_FORMAT,
    schemaVersion: SCRIPT_SCHEMA_VERSION,
    id: newId(),
    title: template.title[lang],
    description: template.description[lang],
    lang,
    templateId: template.id,
    source: { ...template.source },
    workshops: template.workshops.map((workshop) => ({
      id: newId(),
      title: workshop.title[lang],
      goal: workshop.goal[lang],
      phases: workshop.phases.map((phase) => ({
        id: newId(),
        title: phase.title[lang],
        goal: phase.goal[lang],
        durationSec: phase.durationMin * 60,
        ...(phase.minDurationMin === undefined ? {} : { minDurationSec: phase.minDurationMin * 60 }),
        facilitatorNotes: phase.facilitatorNotes[lang],
        participantInstructions: phase.participantInstructions[lang],
        promptCardIds: [...phase.promptCardIds],
        kind: phase.kind,
        source: { ...phase.source },
      })),
    })),
  };
  const first = script.workshops[0];
  if (start !== undefined && first) {
    const totalMs = first.phases.reduce((sum, phase) => sum + phase.durationSec * 1000, 0);
    first.plannedStart = new Date(start).toISOString();
    first.plannedEnd = new Date(start + totalMs).toISOString();
  }
  // The templates are data written by hand; a typo in one should fail loudly here, not in a user's import.
  return ScriptSchema.parse(script);
}
