import type { MapField } from '../../capture/schema';
import { t } from '../i18n';

/** A map field's short label, e.g. "Content and purpose · Now", for chips, menus and counts. */
export const mapFieldShort = (field: MapField) => {
  const [dimension, time] = field.split('-') as [string, string];
  return `${t(`mapDim_${dimension}`)} · ${t(`mapTime_${time}`)}`;
};
