import type { Capture } from '../../../src/capture/schema';
import { BUILT_IN_CARDS } from '../../../src/prompts/cards';
import { instantiateTemplate } from '../../../src/script/templates';
import { createRun, type RunEvent } from '../../../src/script/timing';
import { floorFromLiveState } from '../../../src/summary/floor';
import { exportFromWorkshop, type WorkshopContents } from '../../../src/summary/fromWorkshop';
import type { WorkshopExport } from '../../../src/summary/model';

// The first workshop of the built-in Change Dialogue series as a facilitator ran it: the real
// template's phases, a run that took longer in the development map, was rescheduled to fit and
// stopped early, captures of every kind (one deleted), chat from a Zoom page with a passcode in
// its address, hands given the floor and a go-around.

export const START = Date.UTC(2025, 10, 20, 8, 0, 0); // 20.11.2025 10.00 in Helsinki
const min = (m: number) => START + m * 60_000;

export function changeDialogueExport(
  lang: 'fi' | 'en',
  opts: { includeParticipants?: boolean; includeStats?: boolean; /** Export at this minute, the run's log up to then (default: after it finished). */ atMinute?: number; /** The task as composed for the series. */ seriesTask?: string } = {},
): WorkshopExport {
  const script = instantiateTemplate('change-dialogue-series', lang, { plannedStart: new Date(START).toISOString() });
  const workshop = script.workshops[0]!;
  const run = createRun(script, 0, 'ws-cd1');
  const ids = workshop.phases.map((p) => p.id);
  const events: RunEvent[] = [
    { type: 'start', at: min(0) },
    { type: 'next', at: min(12) },
    { type: 'next', at: min(30) },
    { type: 'next', at: min(38) },
    { type: 'next', at: min(50) },
    { type: 'extend', at: min(75), sec: 600 },
    { type: 'reschedule', at: min(95), durations: { [ids[6]!]: 1200, [ids[7]!]: 900 } },
    { type: 'next', at: min(96) },
    { type: 'next', at: min(106) },
    { type: 'moveEnd', at: min(110), plannedEnd: min(185) },
    { type: 'finish', at: min(140) },
  ];
  const fi = lang === 'fi';
  const zoom = 'https://app.zoom.us/wc/8123456789/join?pwd=Xy7kQ2secret#success';
  let n = 0;
  const capture = (text: string, extra: Partial<Capture> = {}): Capture => {
    n++;
    return {
      id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      workshopId: 'ws-cd1',
      text,
      kind: 'idea',
      tags: [],
      phaseId: ids[4],
      phaseTitle: workshop.phases[4]!.title,
      source: { type: 'manual' },
      createdAt: min(50 + n),
      updatedAt: min(50 + n),
      votes: 0,
      ...extra,
    };
  };
  const captures: Capture[] = [
    capture(fi ? 'Kotihoidon käyntien suunnittelu vie aamuisin tunnin' : 'Planning home-care visits takes an hour every morning', { theme: fi ? 'Aikataulut' : 'Schedules', votes: 4 }),
    capture(fi ? 'Asiakkaan ääni ei kuulu suunnittelussa' : "The client's voice is not heard in planning", { theme: fi ? 'Asiakas' : 'Client', votes: 6, source: { type: 'chat', site: 'zoom', author: 'Mirja Virtanen', url: zoom } }),
    capture(fi ? 'Miten yöhoito liittyy tähän?' : 'How does night care fit in?', { kind: 'question', source: { type: 'chat', site: 'zoom', author: 'Olli Mäkinen', url: zoom } }),
    capture(fi ? 'Tiimit suunnittelevat viikon yhdessä maanantaisin' : 'Teams plan the week together on Mondays', { kind: 'decision', phaseId: ids[7], phaseTitle: workshop.phases[7]!.title }),
    capture(fi ? 'Kokeillaan asiakkaan omaa suunnitteluhetkeä kahdessa tiimissä' : "Try a planning moment with the client in two teams", { kind: 'experiment', phaseId: ids[7], phaseTitle: workshop.phases[7]!.title }),
    capture(fi ? 'Kerää nykyiset aamurutiinit' : 'Collect the current morning routines', { kind: 'action', owner: 'Anna K.', due: '2025-12-04', phaseId: ids[8], phaseTitle: workshop.phases[8]!.title }),
    capture(fi ? 'Sovi välitehtävän palautus' : 'Agree how the task comes back', { kind: 'action', phaseId: ids[8], phaseTitle: workshop.phases[8]!.title }),
    capture(fi ? 'Sijaisia ei ole, jos tiimi on suunnittelemassa' : 'No substitutes while a team is planning', { kind: 'risk' }),
    capture(fi ? 'Luottamuksellinen: Pekan sairausloma' : "Confidential: Pekka's sick leave", { deletedAt: min(70) }),
  ];
  const people = [
    { key: 'self', name: 'Fasilitaattori' },
    { key: 'mv', name: 'Mirja Virtanen' },
    { key: 'om', name: 'Olli Mäkinen' },
    { key: 'ak', name: 'Anna K.' },
  ];
  const turns = [
    { participantKey: 'self', startAt: min(1), endAt: min(9) },
    { participantKey: 'mv', startAt: min(13), endAt: min(16) },
    { participantKey: 'om', startAt: min(17), endAt: min(19) },
    { participantKey: 'ak', startAt: min(20), endAt: min(21) },
    { participantKey: 'self', startAt: min(31), endAt: min(36) },
    { participantKey: 'mv', startAt: min(52), endAt: min(60) },
    { participantKey: 'om', startAt: min(61), endAt: min(63) },
    { participantKey: 'self', startAt: min(100), endAt: min(104) },
  ];
  const prompts: WorkshopContents['prompts'] = [
    ...Array.from({ length: 6 }, (_, i) => ({ cardId: 'trust-silence', at: min(14 + i), action: 'shown' as const, phaseId: ids[1] })),
    { cardId: 'trust-invite-quiet', at: min(22), action: 'shown', phaseId: ids[1] },
    { cardId: 'trust-invite-quiet', at: min(23), action: 'used', phaseId: ids[1] },
    { cardId: 'trust-build-on', at: min(55), action: 'used', phaseId: ids[4] },
    { cardId: 'trust-build-on', at: min(88), action: 'used', phaseId: ids[6] },
    { cardId: 'trust-goal', at: min(2), action: 'dismissed', phaseId: ids[0] },
  ];
  const floor = floorFromLiveState({
    queue: {
      granted: [
        { key: 'om', name: 'Olli Mäkinen', raisedAt: min(15), grantedAt: min(16) + 40_000 },
        { key: 'ak', name: 'Anna K.', raisedAt: min(58), grantedAt: min(60) },
      ],
    },
    goAround: {
      order: 'as-listed',
      perPersonSec: 90,
      startedAt: min(12),
      finishedAt: min(22),
      names: { mv: 'Mirja Virtanen', om: 'Olli Mäkinen', ak: 'Anna K.' },
      past: [
        { key: 'mv', startedAt: min(12), endedAt: min(14), outcome: 'done' },
        { key: 'om', startedAt: min(14), endedAt: min(16), outcome: 'done' },
        { key: 'ak', startedAt: min(16), endedAt: min(16), outcome: 'skipped' },
      ],
    },
  });
  const cards = new Map(BUILT_IN_CARDS.map((c) => [c.id, c.title[lang]]));
  const contents: WorkshopContents = {
    workshop: {
      id: 'ws-cd1',
      title: workshop.title,
      goal: workshop.goal,
      lang,
      workshopIndex: 0,
      createdAt: START,
      includeParticipants: opts.includeParticipants ?? true,
      includeStats: opts.includeStats ?? true,
    },
    script,
    run: { ...run, events: opts.atMinute === undefined ? events : events.filter((e) => e.at <= min(opts.atMinute!)) },
    captures,
    participants: people,
    turns,
    prompts,
    facilitatorKeys: ['self'],
    floor,
    ...(opts.seriesTask ? { seriesIntermediateTask: opts.seriesTask } : {}),
  };
  return exportFromWorkshop(contents, { now: min(opts.atMinute ?? 150), cardTitle: (id) => cards.get(id) ?? id });
}
