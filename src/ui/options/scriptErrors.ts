import type { ScriptImportError } from '../../script/schema';
import { hasKey, t, type MessageKey } from '../i18n';

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

/** Fields whose numbers are seconds in the file but minutes in the editor. */
const SECONDS = new Set(['durationSec', 'minDurationSec']);

/** The words for what a field should hold (zod's type names), or undefined for an unusual one. */
const TYPE_WORDS: Record<string, MessageKey> = {
  string: 'scriptExpect_text',
  number: 'scriptExpect_number',
  int: 'scriptExpect_number',
  boolean: 'scriptExpect_boolean',
  array: 'scriptExpect_list',
  object: 'scriptExpect_fields',
};

/**
 * One problem of a script, as the person who edited or imported it reads it: where, and what the
 * field takes, in their language ("Workshop 1 › Phase 1 › Minutes: at most 480.", "Title: fill this
 * in."). It read "Title: not valid (too_small; expected >= 1)." and gave a limit in seconds for a
 * field that asks for minutes (found in a walk-through of the options page).
 */
export function describeScriptError(error: ScriptImportError): string {
  const where = error.path.length ? describePath(error.path) : t('scriptErrorFile');
  if (error.code === 'wrong-format' && error.detail === 'workshop-file') return t('scriptError_workshop_file');
  if (error.code === 'not-json') {
    // Where the file went wrong in the user's words, not the engine's English message.
    if (error.detail === 'empty') return t('scriptError_not_json_empty');
    const [line, column] = (error.detail ?? '').split(':').map(Number);
    return line && column ? t('scriptError_not_json', { line, column }) : t('scriptError_not_json_somewhere');
  }
  if (error.code !== 'invalid-field') {
    return t(`scriptError_${error.code.replace(/-/g, '_')}`, { where, expected: error.expected ?? '', detail: error.detail ?? '' });
  }
  if (error.detail === 'more-errors') return t('scriptError_more', { n: Number(error.expected ?? 0) });
  if (error.detail === 'workshop-in-use') return t('scriptError_workshop_in_use');
  const field = error.path.at(-1);
  const seconds = typeof field === 'string' && SECONDS.has(field);
  switch (error.detail) {
    case 'unrecognized_keys':
      return t('scriptError_unknown_field', { where });
    case 'too_small':
    case 'too_big': {
      const small = error.detail === 'too_small';
      const limit = error.limit ?? 0;
      if (error.origin === 'string') return small && limit <= 1 ? t('scriptError_empty', { where }) : t(small ? 'scriptError_min_chars' : 'scriptError_max_chars', { where, n: limit });
      if (error.origin === 'array') return t(small ? 'scriptError_min_items' : 'scriptError_max_items', { where, n: limit });
      if (seconds) return t(small ? 'scriptError_min_minutes' : 'scriptError_max_minutes', { where, n: small ? Math.ceil(limit / 60) : Math.floor(limit / 60) });
      return t(small ? 'scriptError_min_number' : 'scriptError_max_number', { where, n: limit });
    }
    case 'invalid_type': {
      const words = TYPE_WORDS[error.expected ?? ''];
      return words ? t('scriptError_type', { where, what: t(words) }) : t('scriptError_invalid', { where });
    }
    case 'invalid_value':
      return t('scriptError_one_of', { where, values: (error.expected ?? '').split('|').join(', ') });
    case 'invalid_format':
      return t('scriptError_format', { where });
    default:
      return t('scriptError_invalid', { where });
  }
}
