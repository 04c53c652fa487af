import { useMemo, useState } from 'preact/hooks';
import { byCreation, MAP_DIMENSIONS, MAP_FIELDS, MAP_TIMES, mapFieldOf, type Capture, type MapField } from '../../../capture/schema';
import { developmentMap, mapFieldForKey } from '../../../series/map';
import { t } from '../../i18n';
import { ErrorText } from '../../shared/ErrorText';
import { mapFieldShort } from '../../shared/mapLabel';
import { patchCapture } from './useSeries';


/**
 * Keys 1–4 place the focused capture on the map, 0 takes it off: one keystroke once a capture has
 * focus (Tab or arrow keys move between them).
 */
export function onMapKey(capture: Capture, setError: (code: string | undefined) => void) {
  return (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const field = mapFieldForKey(e.key);
    if (field === undefined) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const items = [...document.querySelectorAll<HTMLElement>('[data-map-item]')];
        const at = items.indexOf(e.currentTarget as HTMLElement);
        items[at + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
      }
      return;
    }
    e.preventDefault();
    place(capture, field, e.currentTarget as HTMLElement, setError);
  };
}

/**
 * Puts the capture in the field (null: off the map), by a key on its item or a button in it. The note
 * moves to another field (another element), and focus fell to the body: on the map it follows the
 * note; from the notes not yet placed it goes to the next of them, the one to place next.
 */
function place(capture: Capture, field: MapField | null, item: HTMLElement, setError: (code: string | undefined) => void): void {
  const next = item.dataset.testid === 'map-unplaced-item' ? ((item.nextElementSibling ?? item.previousElementSibling) as HTMLElement | null)?.dataset.captureId : undefined;
  void patchCapture(capture.id, { mapField: field }).then((code) => {
    setError(code);
    refocus(next ?? capture.id, capture.id, 20);
  });
}

/** What every note of the map view is: focusable, named by its text, placed by keys (onMapKey). */
function noteItem(c: Capture, setError: (code: string | undefined) => void) {
  return {
    tabIndex: 0,
    'data-map-item': true,
    'data-capture-id': c.id,
    onKeyDown: onMapKey(c, setError),
    class: 'map-note',
    'aria-label': c.text,
    'aria-describedby': 'map-move-hint',
  };
}

/** Once the element focused for `from` has gone, focuses the item of `target` (trying a while). */
function refocus(target: string, from: string, tries: number): void {
  const active = document.activeElement as HTMLElement | null;
  const lost = !active || active === document.body;
  if (!lost && (active.closest('[data-capture-id]') as HTMLElement | null)?.dataset.captureId !== from) return; // the user has moved on
  const item = lost ? document.querySelector<HTMLElement>(`[data-map-item][data-capture-id="${target}"]`) : null;
  if (item) item.focus();
  else if (tries > 0) setTimeout(() => refocus(target, from, tries - 1), 50);
}

/** The development map compactly: four fields in a 2×2 grid, and the workshop's notes not yet on it. */
export function MapView({ captures, workshopId }: { captures: Capture[]; workshopId: string }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const map = useMemo(() => developmentMap(captures), [captures]);
  const unplaced = useMemo(() => captures.filter((c) => c.workshopId === workshopId && !c.mapField && c.kind !== 'experiment').sort(byCreation), [captures, workshopId]);

  return (
    <section class="series-map" aria-labelledby="map-h">
      <h3 id="map-h" class="series-h">
        {t('mapTitle')}
      </h3>
      <div class="map-grid" role="table" aria-label={t('mapTitle')} data-testid="map-grid">
        <div role="row" class="map-row">
          {/* The corner above the row headers: without it each column header named the column after it. */}
          <span role="cell" class="sr-only" />
          {MAP_TIMES.map((time) => (
            <span role="columnheader" class="map-head" key={time}>
              {t(`mapTime_${time}`)}
            </span>
          ))}
        </div>
        {MAP_DIMENSIONS.map((dimension) => (
          <div role="row" class="map-row" key={dimension}>
            <span role="rowheader" class="map-head">
              {t(`mapDim_${dimension}`)}
            </span>
            {MAP_TIMES.map((time) => {
              const field = mapFieldOf(dimension, time);
              return (
                <div role="cell" class="map-cell" data-field={field} key={field} aria-label={mapFieldShort(field)}>
                  <span class="map-key">{MAP_KEYS[field]}</span>
                  <ul class="plain">
                    {map[field].map((c) => (
                      <li key={c.id} {...noteItem(c, setError)} title={t('mapMoveHint')} aria-keyshortcuts="1 2 3 4 0">
                        {c.text}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <span id="map-move-hint" class="sr-only">
        {t('mapMoveHint')}
      </span>
      <ErrorText code={error} />
      <details class="map-unplaced" open={unplaced.length > 0}>
        <summary>{t('mapUnplaced', { n: unplaced.length })}</summary>
        <p class="muted">{t('mapKeysHint')}</p>
        <ul class="plain">
          {unplaced.slice(-50).map((c) => (
            <li key={c.id} {...noteItem(c, setError)} data-testid="map-unplaced-item" aria-keyshortcuts="1 2 3 4">
              <span class="capture-text">{c.text}</span>
              <span class="map-buttons">
                {MAP_FIELDS.map((field) => (
                  <button key={field} aria-label={t('mapPlaceIn', { field: mapFieldShort(field) })} title={mapFieldShort(field)} onClick={(e) => place(c, field, e.currentTarget.closest('[data-map-item]') as HTMLElement, setError)}>
                    {MAP_KEYS[field]}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

const MAP_KEYS: Record<MapField, string> = { 'content-now': '1', 'content-future': '2', 'ways-now': '3', 'ways-future': '4' };
