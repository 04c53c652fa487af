import { MAP_FIELDS } from '../capture/schema';
import { groupListText } from './groups';
import { METHOD_LABELS, methodLabels, type Lang } from './labels';
import type { DevelopmentMap } from './map';

// The intermediate task (välitehtävä) as the facilitator shares it: the map in brief, the personal
// reflection, the peer discussion and, once formed, the groups. The default wording follows the
// seed: reflect on one's own situation against the change described on the map, then share it with
// a colleague and discuss thoughts, needs and first ideas for development.

/** At most this many notes of a field are quoted in the task; the rest are counted. */
const NOTES_PER_FIELD = 5;

export function composeIntermediateTask(lang: Lang, map: DevelopmentMap, groups: readonly string[][] = [], deadline?: string): string {
  const L = methodLabels(lang);
  const lines: string[] = [L.task.title, '', L.task.intro];
  for (const field of MAP_FIELDS) {
    const notes = map[field];
    if (!notes.length) continue;
    const shown = notes.slice(0, NOTES_PER_FIELD).map((c) => c.text.trim().replace(/\s+/gu, ' '));
    const more = notes.length - shown.length;
    lines.push(`- ${L.fields[field]}: ${shown.join('; ')}${more > 0 ? ` (+${more})` : ''}`);
  }
  lines.push('', L.task.reflection);
  for (const q of L.task.reflectionQuestions) lines.push(`- ${q}`);
  lines.push('', L.task.peer);
  for (const q of L.task.peerQuestions) lines.push(`- ${q}`);
  if (deadline) lines.push('', deadline);
  if (groups.length) lines.push('', `${L.task.groups}:`, groupListText(groups, L));
  return lines.join('\n');
}

const GROUP_HEADINGS = new Set(Object.values(METHOD_LABELS).map((L) => `${L.task.groups}:`));
/** The words a group list line starts with in either language ("Ryhmä" of "Ryhmä 2: …", "Pari"). */
const GROUP_WORDS = Object.values(METHOD_LABELS).flatMap((L) => [L.group(1), L.pair(1)].map((label) => label.replace(/\s*1$/u, '')));
const GROUP_LINE = new RegExp(`^\\s*(?:${GROUP_WORDS.join('|')}) \\d{1,3}:`, 'u');

/**
 * The task with only the names `keep` accepts in its list of pairs and groups (a group left with no
 * one goes whole), for an erase of one person: the rest of the task is the facilitator's text.
 */
export function withNamesInGroupList(task: string, keep: (name: string) => boolean): string {
  const lines: string[] = [];
  for (const line of task.split(/\r\n|\r|\n/u)) {
    const label = GROUP_LINE.exec(line)?.[0];
    if (label === undefined) {
      lines.push(line);
      continue;
    }
    const names = line.slice(label.length).split(',').map((n) => n.trim()).filter((n) => n && keep(n));
    if (names.length) lines.push(`${label} ${names.join(', ')}`);
  }
  return lines.join('\n');
}

/**
 * The task without its list of pairs and groups (their heading and one line per group), for an
 * export without participants' names: the task stays, the names go. The list is the composed
 * task's last part, but it is found wherever the facilitator's edits left it.
 */
export function withoutGroupList(task: string): string {
  const lines = task.split(/\r\n|\r|\n/u).filter((line) => !GROUP_HEADINGS.has(line.trim()) && !GROUP_LINE.test(line));
  return lines.join('\n').replace(/\n{3,}/gu, '\n\n').trim();
}
