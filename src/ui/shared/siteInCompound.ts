import { getLang, type Lang } from '../i18n';

/**
 * A site's name as the first part of a compound word: in Finnish "Zoom-sivulla" but "Google Meet
 * -sivulla" (a name of several words takes a space before the hyphen); in English the name alone
 * ("the Google Meet tab").
 */
export function siteInCompound(name: string, lang: Lang = getLang()): string {
  if (lang !== 'fi') return name;
  return /\s/.test(name) ? `${name} -` : `${name}-`;
}
