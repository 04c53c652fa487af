// The script format's bounds and fixed lists, apart from its zod schemas (./schema.ts, which
// re-exports them): the panel frame's logic reads them without loading the schemas (issue 12).

export const SCRIPT_LIMITS = {
  importBytes: 2 * 1024 * 1024,
  idChars: 100,
  titleChars: 200,
  goalChars: 2_000,
  descriptionChars: 4_000,
  notesChars: 10_000,
  workshops: 20,
  phasesPerWorkshop: 60,
  promptCardsPerPhase: 30,
  minPhaseSec: 60,
  maxPhaseSec: 8 * 60 * 60,
  /** Errors reported for one import; the rest are summarised by their count. */
  reportedErrors: 50,
} as const;

export const PHASE_KINDS = ['plenary', 'small-groups', 'breakout', 'intermediate-task', 'break'] as const;
export const SCRIPT_LANGS = ['fi', 'en'] as const;
