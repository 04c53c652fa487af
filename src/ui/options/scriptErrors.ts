import type { ScriptImportError } from '../../script/schema';
import { hasKey, t } from '../i18n';

/** "Workshop 1 › Phase 3 › Duration" for an error path, in the user's language. */
export function describePath(path: (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const nextIndex = path[i + 1];
    if ((segment === 'workshops' || segment === 'phases') && typeof nextIndex === 'number') {
      parts.push(t(segment === 'workshops' ? 'pathWorkshop' : 'pathPhase', { n: nextIndex + 1 }));
      i++;
    } else if (typeof segment === 'string') {
      parts.push(hasKey(`field_${segment}`) ? t(`field_${segment}`) : segment);
    } else {
      parts.push(String(segment));
    }
  }
  return parts.join(' › ');
}

export function describeScriptError(error: ScriptImportError): string {
  const where = error.path.length ? describePath(error.path) : '';
  const base = t(`scriptError_${error.code.replace(/-/g, '_')}`, { where, expected: error.expected ?? '', detail: error.detail ?? '' });
  return base;
}
