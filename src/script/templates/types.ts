// How a built-in template is written: every text in both languages, durations in minutes, and the seed
// passage each phase is drawn from. `instantiateTemplate` turns one into a Script in one language.
import type { PhaseKind, ScriptLang, SeedSource } from '../schema';

export type Localised = Record<ScriptLang, string>;

/** The prompt cards templates may point at: the ones the built-in card library guarantees. */
export { REQUIRED_CARD_IDS as TEMPLATE_PROMPT_CARD_IDS } from '../../prompts/cards';
import type { REQUIRED_CARD_IDS } from '../../prompts/cards';
export type TemplatePromptCardId = (typeof REQUIRED_CARD_IDS)[number];

/** The seed documents templates cite (the research texts, copied into test/fixtures/seeds for the citation tests). */
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
