import { byCreation, isLive, MAP_DIMENSIONS, MAP_FIELDS, mapFieldOf, type Capture, type MapDimension, type MapField } from '../capture/schema';

// The development map as the panel and every export show it: the live captures of a series placed
// in each of the four fields, oldest first.

export type DevelopmentMap = Record<MapField, Capture[]>;

/**
 * Whether a capture is a note on the map. An experiment's map field names the field it targets, an
 * attribute of the experiment: on the map it read as something that exists today (found in a
 * Finnish walk-through: "Asiakasraati kerran kuukaudessa" under "Työn sisältö ja tarkoitus | Nyt").
 */
export const onMap = (capture: Capture): boolean => capture.mapField !== undefined && capture.kind !== 'experiment' && isLive(capture);

export function developmentMap(captures: readonly Capture[]): DevelopmentMap {
  const map = Object.fromEntries(MAP_FIELDS.map((field) => [field, [] as Capture[]])) as DevelopmentMap;
  for (const capture of captures) if (onMap(capture)) map[capture.mapField!].push(capture);
  for (const field of MAP_FIELDS) map[field].sort(byCreation);
  return map;
}

/** How many notes each row of the map holds now and in the near future, for the series overview. */
export function mapCounts(map: DevelopmentMap): { dimension: MapDimension; now: number; future: number }[] {
  return MAP_DIMENSIONS.map((dimension) => ({ dimension, now: map[mapFieldOf(dimension, 'now')].length, future: map[mapFieldOf(dimension, 'future')].length }));
}

export const mapIsEmpty = (map: DevelopmentMap): boolean => MAP_FIELDS.every((field) => map[field].length === 0);

/**
 * The map field a key places a capture in: 1–4 in the map's reading order (content now, content
 * future, ways now, ways future), 0 takes it off the map. Undefined: not a map key.
 */
export function mapFieldForKey(key: string): MapField | null | undefined {
  if (key === '0') return null;
  const index = Number(key) - 1;
  return /^[1-4]$/.test(key) ? MAP_FIELDS[index] : undefined;
}
