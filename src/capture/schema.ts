import { z } from 'zod';

// A capture is one thing written down during a workshop: an idea, a decision, an action with an
// owner. Text, authors, URLs and board names come from web pages and other people, so every
// renderer treats them as untrusted (src/summary/escape.ts).

export const CAPTURE_TEXT_MAX = 10_000;

export const CAPTURE_KINDS = ['idea', 'question', 'decision', 'action', 'experiment', 'risk', 'note'] as const;
export const CaptureKind = z.enum(CAPTURE_KINDS);
export type CaptureKind = z.infer<typeof CaptureKind>;

export const CAPTURE_SOURCE_TYPES = ['hotkey', 'selection', 'chat', 'whiteboard', 'manual', 'import', 'paste'] as const;
export const CaptureSource = z.object({
  type: z.enum(CAPTURE_SOURCE_TYPES),
  /** Site adapter id, e.g. 'zoom' or 'miro'. */
  site: z.string().max(100).optional(),
  url: z.string().max(4096).optional(),
  /** The chat message's author as the page showed it. */
  author: z.string().max(200).optional(),
  /** Whiteboard or frame name. */
  board: z.string().max(300).optional(),
  /**
   * The board note's own id, for a note captured from a board's selection: a selection captured again
   * leaves out the notes captured already by this id, so a second note with the same words is kept.
   */
  note: z.string().max(300).optional(),
});
export type CaptureSource = z.infer<typeof CaptureSource>;

/** A calendar date, YYYY-MM-DD, that is a real day. */
export const IsoDate = z.iso.date();

/**
 * The Change Dialogue's development map (kehityskartta): the work seen along two dimensions, the
 * content and purpose of the work ('content') and the ways of working ('ways'), each now and in
 * the near future. A capture's `mapField` names the one field it sits in; the four fields in this
 * order read as the map's grid row by row (content now, content future, ways now, ways future).
 * Whiteboard layouts and every export read this field.
 */
export const MAP_FIELDS = ['content-now', 'content-future', 'ways-now', 'ways-future'] as const;
export const MapField = z.enum(MAP_FIELDS);
export type MapField = z.infer<typeof MapField>;
export const MAP_DIMENSIONS = ['content', 'ways'] as const;
export const MAP_TIMES = ['now', 'future'] as const;
export type MapDimension = (typeof MAP_DIMENSIONS)[number];
export type MapTime = (typeof MAP_TIMES)[number];
export const mapFieldOf = (dimension: MapDimension, time: MapTime): MapField => `${dimension}-${time}`;

/**
 * A development experiment's plan (workshop 2): whether the group chose it to try, what will be
 * tried, from when to when. `chosen` absent (every plan stored before it existed): read by
 * isChosen in src/series/experiments.ts.
 */
export const ExperimentPlan = z.object({
  chosen: z.boolean().optional(),
  tried: z.string().max(2000).optional(),
  start: IsoDate.optional(),
  end: IsoDate.optional(),
});
export type ExperimentPlan = z.infer<typeof ExperimentPlan>;

/** The three views of the "Kokeilut käytäntöön" evaluation frame (Saari et al. 2018). */
export const EVALUATION_VIEWS = ['employees', 'customers', 'fit'] as const;
export type EvaluationView = (typeof EVALUATION_VIEWS)[number];
export const EVALUATION_DECISIONS = ['continue', 'change', 'stop', 'spread'] as const;
export const EvaluationDecision = z.enum(EVALUATION_DECISIONS);
export type EvaluationDecision = z.infer<typeof EvaluationDecision>;
/** A short scale: 1 (little or nothing) to 5 (a great deal). */
export const EVALUATION_SCALE_MAX = 5;
export const ViewEvaluation = z.object({
  score: z.number().int().min(1).max(EVALUATION_SCALE_MAX).optional(),
  notes: z.string().max(4000).optional(),
});
export type ViewEvaluation = z.infer<typeof ViewEvaluation>;
/** An experiment's evaluation in workshop 3. */
export const ExperimentEvaluation = z.object({
  employees: ViewEvaluation.optional(),
  customers: ViewEvaluation.optional(),
  fit: ViewEvaluation.optional(),
  decision: EvaluationDecision.optional(),
});
export type ExperimentEvaluation = z.infer<typeof ExperimentEvaluation>;

/** The participants' evaluation of the virtual co-development process itself (workshop 3). */
export const ProcessEvaluation = z.object({
  score: z.number().int().min(1).max(EVALUATION_SCALE_MAX).optional(),
  worked: z.string().max(4000).optional(),
  improve: z.string().max(4000).optional(),
});
export type ProcessEvaluation = z.infer<typeof ProcessEvaluation>;

const timestamp = z.number().int().nonnegative();

export const Capture = z.object({
  id: z.uuid(),
  workshopId: z.string().min(1).max(100),
  text: z.string().max(CAPTURE_TEXT_MAX),
  kind: CaptureKind,
  owner: z.string().max(200).optional(),
  due: IsoDate.optional(),
  tags: z.array(z.string().min(1).max(60)).max(50),
  phaseId: z.string().max(100).optional(),
  phaseTitle: z.string().max(300).optional(),
  source: CaptureSource,
  capturedBy: z.string().max(80).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Soft delete, so the panel can undo. */
  deletedAt: timestamp.optional(),
  votes: z.number().int().nonnegative(),
  /** Group-by-theme label. */
  theme: z.string().max(120).optional(),
  /** The capture this duplicate was merged into. */
  mergedInto: z.uuid().optional(),
  /** Where the capture sits on the series' development map, if anywhere. */
  mapField: MapField.optional(),
  /** For an experiment: its plan (owner and due are the capture's own). */
  experiment: ExperimentPlan.optional(),
  /** For an experiment: its evaluation in workshop 3. */
  evaluation: ExperimentEvaluation.optional(),
});
export type Capture = z.infer<typeof Capture>;

/** Still part of the workshop: not deleted and not merged into another capture. */
export function isLive(capture: Capture): boolean {
  return capture.deletedAt === undefined && capture.mergedInto === undefined;
}

/**
 * The text as compared for duplicates: Unicode-normalised, case-folded, punctuation and symbols
 * dropped, whitespace collapsed. Letters keep their diacritics: in Finnish "ä" and "a" make
 * different words.
 */
export function normaliseForDuplicate(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Containment only counts between short notes: in long text a short phrase is a topic, not a copy. */
const SHORT_NOTE_MAX_CHARS = 80;
/** …and the contained note must say something: two words and eight characters at least. */
const CONTAINED_MIN_CHARS = 8;
const CONTAINED_MIN_WORDS = 2;

export interface DuplicateGroup {
  /** The earliest capture of the group: the one to keep. */
  original: Capture;
  /** The later ones, oldest first. */
  duplicates: Capture[];
}

export interface FindDuplicatesOptions {
  /** Only captures in the same phase count as duplicates (default false). */
  samePhase?: boolean;
}

/** A text's normalised form and, for a short note, the phrases looked up for containment. */
interface TextKey {
  normalised: string;
  phrases: readonly string[];
  /** Whether it says no: a note that adds a "no" to another says the opposite, not the same. */
  negated: boolean;
}

/** Words that turn a statement round, Finnish and English ("Ei kokouksia perjantaisin"). */
const NEGATIONS = new Set([
  ...['ei', 'en', 'et', 'emme', 'ette', 'eivät', 'eikä', 'älä', 'älkää', 'ilman', 'ettei'],
  ...['not', 'no', 'never', 'without', 'nor', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'shouldnt'],
]);

// Kept per text between runs: the Capture tab finds duplicates again on every change of a workshop
// that may hold 100,000 captures, and normalising them all took ~1 s each time; now only new texts
// are normalised. Bounded: a full cache is dropped and refilled.
const textKeys = new Map<string, TextKey>();
const TEXT_KEYS_MAX = 250_000;

function textKey(text: string): TextKey {
  const known = textKeys.get(text);
  if (known) return known;
  const normalised = normaliseForDuplicate(text);
  const phrases: string[] = [];
  if (normalised && normalised.length <= SHORT_NOTE_MAX_CHARS) {
    const words = normalised.split(' ');
    for (let start = 0; start < words.length; start++) {
      for (let end = start + CONTAINED_MIN_WORDS; end <= words.length; end++) {
        if (end - start === words.length) continue;
        const phrase = words.slice(start, end).join(' ');
        if (phrase.length >= CONTAINED_MIN_CHARS) phrases.push(phrase);
      }
    }
  }
  // Apostrophes dropped first, so "don't" is the word "dont".
  const negated = normaliseForDuplicate(text.replace(/['’]/gu, '')).split(' ').some((word) => NEGATIONS.has(word));
  const key = { normalised, phrases, negated };
  if (textKeys.size >= TEXT_KEYS_MAX) textKeys.clear();
  textKeys.set(text, key);
  return key;
}

/**
 * Groups live captures of the same workshop that say the same thing: equal normalised text, or
 * (for short notes) one note's whole words contained in the other's. Empty captures never match.
 */
export function findDuplicates(captures: readonly Capture[], options: FindDuplicatesOptions = {}): DuplicateGroup[] {
  const live = captures.filter(isLive);
  const scopeOf = (c: Capture) => `${c.workshopId}\u0000${options.samePhase ? (c.phaseId ?? '') : ''}`;
  const keys = live.map((c) => textKey(c.text));
  // Per scope (workshop, and phase if asked), the captures by normalised text.
  const scopes = new Map<string, Map<string, number[]>>();
  const inScope = live.map((c) => {
    const scope = scopeOf(c);
    let texts = scopes.get(scope);
    if (!texts) scopes.set(scope, (texts = new Map()));
    return texts;
  });
  keys.forEach(({ normalised }, i) => {
    if (!normalised) return;
    const texts = inScope[i]!;
    const list = texts.get(normalised);
    if (list) list.push(i);
    else texts.set(normalised, [i]);
  });

  const parent = live.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };

  for (const texts of scopes.values()) for (const list of texts.values()) for (const i of list.slice(1)) union(list[0]!, i);

  // Containment: every contiguous run of words of a short note looked up among the normalised
  // texts. A short note has few words, so this stays linear in the number of captures.
  keys.forEach(({ phrases, negated }, i) => {
    const texts = inScope[i]!;
    for (const phrase of phrases) for (const j of texts.get(phrase) ?? []) if (keys[j]!.negated === negated) union(i, j);
  });

  const groups = new Map<number, Capture[]>();
  live.forEach((c, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(c);
    else groups.set(root, [c]);
  });

  const result: DuplicateGroup[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort(byCreation);
    const [original, ...duplicates] = group;
    result.push({ original: original!, duplicates });
  }
  return result.sort((a, b) => byCreation(a.original, b.original));
}

/** Creation order, with the id breaking ties so the order never depends on input order. */
export function byCreation(a: Capture, b: Capture): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
