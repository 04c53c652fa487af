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
    void patchCapture(capture.id, { mapField: field }).then(setError);
  };
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
                      <li key={c.id} tabIndex={0} data-map-item onKeyDown={onMapKey(c, setError)} class="map-note" title={t('mapMoveHint')}>
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
      <ErrorText code={error} />
      <details class="map-unplaced" open={unplaced.length > 0}>
        <summary>{t('mapUnplaced', { n: unplaced.length })}</summary>
        <p class="muted">{t('mapKeysHint')}</p>
        <ul class="plain">
          {unplaced.slice(-50).map((c) => (
            <li key={c.id} tabIndex={0} data-map-item onKeyDown={onMapKey(c, setError)} class="map-note" data-testid="map-unplaced-item">
              <span class="capture-text">{c.text}</span>
              <span class="map-buttons">
                {MAP_FIELDS.map((field) => (
                  <button key={field} aria-label={t('mapPlaceIn', { field: mapFieldShort(field) })} title={mapFieldShort(field)} onClick={() => void patchCapture(c.id, { mapField: field }).then(setError)}>
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
