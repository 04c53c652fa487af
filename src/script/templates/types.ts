// How a built-in template is written: every text in both languages, durations in minutes, and the seed
// passage each phase is drawn from. `instantiateTemplate` turns one into a Script in one language.
import type { PhaseKind, ScriptLang, SeedSource } from '../schema';

export type Localised = Record<ScriptLang, string>;

/** The prompt cards templates may point at; the prompt-card library defines cards with exactly these ids. */
export const TEMPLATE_PROMPT_CARD_IDS = [
  'trust-goal',
  'trust-introductions',
  'trust-tools',
  'trust-take-floor',
  'trust-invite-quiet',
  'trust-silence',
  'trust-positive-feedback',
  'trust-recognise-expertise',
  'boundary-cooperation',
  'boundary-communication',
  'ground-rules',
  'checkin-10min',
  'dialogue-principles',
  'close-what-who-when',
  'experiment-evaluate',
  'intermediate-task',
] as const;
export type TemplatePromptCardId = (typeof TEMPLATE_PROMPT_CARD_IDS)[number];

/** The seed documents in ../shared/seeds that templates cite. */
export const SEEDS = {
  virtualCoDevelopment: '000_ad6976b8e86b222a.txt',
  networkLeadership: '003_66538f131a491fa2.txt',
  communityPractices: '004_f3686ed71b793cad.txt',
} as const;

export interface PhaseTemplate {
  title: Localised;
  goal: Localised;
  durationMin: number;
  /** The floor for rescheduling; when absent the timing engine's default applies. */
  minDurationMin?: number;
  kind: PhaseKind;
  facilitatorNotes: Localised;
  participantInstructions: Localised;
  promptCardIds: TemplatePromptCardId[];
  source: Required<SeedSource>;
}

export interface WorkshopTemplate {
  title: Localised;
  goal: Localised;
  phases: PhaseTemplate[];
}

export interface ScriptTemplate<Id extends string = string> {
  id: Id;
  title: Localised;
  description: Localised;
  source: SeedSource;
  workshops: WorkshopTemplate[];
}
