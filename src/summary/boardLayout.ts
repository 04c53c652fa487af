// Where each capture goes when it is pasted onto a whiteboard: one note per capture, in a grid, in
// the development map's four fields, or ranked by votes. Board-neutral boxes in board units; the
// writers in src/sites/clipboard.ts turn them into each board's own clipboard format.
import { type Capture, type CaptureKind, isLive, MAP_FIELDS } from '../capture/schema';
import { methodLabels } from '../series/labels';
import { rankCandidates, voteCandidates } from '../series/votes';
import type { FloorRecord, GoAroundRecord } from './floor';
import { stickyNoteText } from './sticky';
import type { Lang } from '../lang';

export const NOTE_SIZE = 200;
const GAP = 20;
const STEP = NOTE_SIZE + GAP;
const TITLE_HEIGHT = 60;

export interface BoardNote {
  text: string;
  kind: CaptureKind;
  x: number;
  y: number;
  /** Votes shown with the note in a vote result. */
  votes?: number;
}

/** A titled area drawn around notes: a map field. */
export interface BoardFrame {
  title: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BoardLayout {
  notes: BoardNote[];
  frames: BoardFrame[];
}

/** A development-map field: its title and which captures belong in it. */
export interface BoardField {
  title: string;
  holds(capture: Capture): boolean;
}

export type BoardArrangement = 'grid' | 'votes' | 'map' | 'goAround';

/** A capture's text on a note: its own line breaks kept (boards show them), everything else as on one sticky line. */
export function noteText(text: string): string {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/u)
    .map(stickyNoteText)
    .filter(Boolean)
    .join('\n');
}

function columnsFor(n: number, max = 6): number {
  return Math.max(1, Math.min(max, Math.ceil(Math.sqrt(n))));
}

function grid(captures: readonly Capture[], originX: number, originY: number, columns = columnsFor(captures.length)): BoardNote[] {
  return captures.map((c, i) => ({
    text: noteText(c.text),
    kind: c.kind,
    x: originX + (i % columns) * STEP,
    y: originY + Math.floor(i / columns) * STEP,
  }));
}

const live = (captures: readonly Capture[]) => captures.filter((c) => isLive(c) && stickyNoteText(c.text) !== '');

/**
 * The dot vote's result as the summary ranks it (src/series/votes.ts): the experiment candidates,
 * most dots first, each note with its count beside it. Without candidates, the captures voted up
 * in the panel.
 */
function votes(captures: readonly Capture[]): BoardLayout {
  const candidates = voteCandidates(captures);
  const ranked = candidates.length
    ? rankCandidates(candidates).map((r) => r.capture)
    : captures.filter((c) => c.votes > 0).sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt);
  return { notes: ranked.map((c, i) => ({ text: noteText(c.text), kind: c.kind, x: 0, y: i * STEP, votes: c.votes })), frames: [] };
}

/**
 * The map's fields in a 2 × 2 block (row by row, as given); notes that fit no field go in a grid
 * below, so nothing is lost.
 */
function map(captures: readonly Capture[], fields: readonly BoardField[]): BoardLayout {
  const byField = fields.map((f) => captures.filter((c) => f.holds(c)));
  const placed = new Set(byField.flat());
  const columns = Math.max(2, ...byField.map((list) => columnsFor(list.length, 4)));
  const rowsIn = (list: readonly Capture[]) => Math.max(1, Math.ceil(list.length / columns));
  const fieldW = columns * STEP + GAP;
  const rowHeights = [0, 1].map((row) => TITLE_HEIGHT + GAP + Math.max(...byField.filter((_, i) => Math.floor(i / 2) === row).map(rowsIn), 1) * STEP);
  const frames: BoardFrame[] = [];
  const notes: BoardNote[] = [];
  fields.forEach((field, i) => {
    const x = (i % 2) * (fieldW + GAP * 2);
    const y = Math.floor(i / 2) === 0 ? 0 : rowHeights[0]! + GAP * 2;
    frames.push({ title: field.title, x, y, w: fieldW, h: rowHeights[Math.floor(i / 2)]! });
    notes.push(...grid(byField[i]!, x + GAP, y + TITLE_HEIGHT, columns));
  });
  const rest = captures.filter((c) => !placed.has(c));
  const below = rowHeights[0]! + rowHeights[1]! + GAP * 4;
  notes.push(...grid(rest, 0, below));
  return { notes, frames };
}

/**
 * The last go-around as a ring: one frame per turn, in speaking order around a circle, titled with
 * the turn's number and the person's name (the export has already dropped names the user left out),
 * holding the captures written during that turn; the rest in a grid below the ring.
 */
function goAround(captures: readonly Capture[], round: GoAroundRecord): BoardLayout {
  const turns = round.turns;
  const during = turns.map((t) => captures.filter((c) => c.createdAt >= t.startedAt && c.createdAt <= t.endedAt));
  const placed = new Set(during.flat());
  const w = STEP + GAP;
  const h = TITLE_HEIGHT + Math.max(1, ...during.map((list) => list.length)) * STEP;
  const radius = Math.max(w, (turns.length * (w + GAP)) / (2 * Math.PI));
  const frames: BoardFrame[] = [];
  const notes: BoardNote[] = [];
  turns.forEach((turn, i) => {
    const angle = (i / turns.length) * 2 * Math.PI - Math.PI / 2;
    const x = Math.round(radius + radius * Math.cos(angle));
    const y = Math.round(radius + radius * Math.sin(angle) * (h / w));
    frames.push({ title: `${i + 1}. ${turn.name}`, x, y, w, h });
    notes.push(...grid(during[i]!, x + GAP / 2, y + TITLE_HEIGHT, 1));
  });
  const bottom = Math.max(0, ...frames.map((f) => f.y + f.h)) + GAP * 4;
  notes.push(...grid(captures.filter((c) => !placed.has(c)), 0, bottom));
  return { notes, frames };
}

export function layoutCaptures(
  captures: readonly Capture[],
  arrangement: BoardArrangement = 'grid',
  fields: readonly BoardField[] = [],
  floor: readonly FloorRecord[] = [],
): BoardLayout {
  const notes = live(captures);
  if (arrangement === 'votes') return votes(notes);
  if (arrangement === 'map' && fields.length) return map(notes, fields);
  const round = floor.filter((r): r is GoAroundRecord => r.type === 'go-around' && r.turns.length > 0).at(-1);
  if (arrangement === 'goAround' && round) return goAround(notes, round);
  return { notes: grid(notes, 0, 0), frames: [] };
}


const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('und').replace(/[\s–—-]+/g, ' ').trim();

/**
 * The development map's four fields in the given language, titled as the summary titles them. A
 * capture belongs to a field by its `mapField`; one without it, by a theme that is the field's
 * title in either language (a facilitator grouping notes by theme).
 */
export function developmentMapFields(lang: Lang): BoardField[] {
  return MAP_FIELDS.map((field) => {
    const names = new Set([fold(methodLabels('fi').fields[field]), fold(methodLabels('en').fields[field])]);
    return {
      title: methodLabels(lang).fields[field],
      // An experiment's map field is the field it targets, not a note on the map (src/series/map.ts).
      holds: (c: Capture) => c.kind !== 'experiment' && (c.mapField === field || (c.mapField === undefined && c.theme !== undefined && names.has(fold(c.theme)))),
    };
  });
}

/**
 * What "Copy to the whiteboard" lays out for a workshop of a series. The map and the vote span the
 * series (workshop 1's map, workshop 2's experiments), so those two take the series' map notes or
 * vote candidates (`series`: every held workshop's captures), and the map also the workshop's own
 * other notes, below it as before; the other arrangements take the workshop's own captures. From
 * workshop 3 the vote copied nothing and the map four empty frames.
 */
export function boardCaptures(own: readonly Capture[], series: readonly Capture[] | undefined, arrangement: BoardArrangement, lang: Lang): readonly Capture[] {
  if (!series) return own;
  if (arrangement === 'votes') {
    const candidates = voteCandidates(live(series));
    return candidates.length ? candidates : own;
  }
  if (arrangement !== 'map') return own;
  const fields = developmentMapFields(lang);
  const onMap = live(series).filter((c) => fields.some((f) => f.holds(c)));
  const ids = new Set(onMap.map((c) => c.id));
  return [...onMap, ...own.filter((c) => !ids.has(c.id) && !fields.some((f) => f.holds(c)))];
}

